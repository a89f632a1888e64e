package orders

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sellerdesk/app/catalog"
	"sort"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// ImportResult says what an import did, row by row where something went wrong.
type ImportResult struct {
	File                    string
	Rows                    int // data rows in the file
	New, Updated, Unchanged int
	Failed                  int // rows skipped, each counted once however many cells were wrong
	// Problems lists why each failed row failed, cell by cell, and, after them in row order, each row whose
	// status the import left as it was (Skipped): they are not failures, but the seller reads them in the
	// same list.
	Problems []sheet.Problem
	// Skipped are rows whose status or claim is older than what the line already has ("이 파일보다 새 상태가
	// 이미 있습니다"): the line keeps its status; the row's other fields still count.
	Skipped     []sheet.Problem
	Unmatched   int          // lines of the store not matched to a product option after this import (the 상품 연결 list)
	Oversold    []string     // sales beyond the stock, for the seller to check (Korean)
	OversoldWhy []apperr.Msg // the same as sentence keys, for the window in the seller's language
	// NoPrices is set when the file's layout has no price column: new lines were stored without amounts and
	// known lines kept theirs.
	NoPrices bool
	// Claims are the lines of this file whose claim changed (or that came with one), for the returns area.
	Claims []ClaimChange
}

// ClaimChange is a line whose claim an import changed: the returns area opens, moves or closes its request.
type ClaimChange struct {
	LineID, OrderID int64
	ProductOrderNo  string
	Qty             int64
	Status          Status
	From, To        Claim
	Reason          string // the claim's reason code, or "" when the file names none
}

// ImportFile reads a Smart Store order export and imports it in one transaction. Rows that cannot be read
// are reported and skipped; every other row is applied whole. progress gets 0…1.
//
// It imports the order lines only: the seller's import, which also opens the return requests of lines Smart
// Store returned in the same transaction, is app.Desk.ImportOrders, the one the window and the command call.
func (s *Service) ImportFile(ctx context.Context, r io.Reader, name, password string, progress func(float64)) (ImportResult, error) {
	var res ImportResult
	err := s.write(ctx, "주문 가져오기", func(tx *data.Tx) error {
		var err error
		res, err = s.ImportFileTx(ctx, tx, r, name, password, func(f float64) {
			if progress != nil {
				progress(f * 0.95)
			}
		})
		return err
	})
	if err != nil {
		return ImportResult{File: filepath.Base(name)}, err
	}
	s.Logged(res)
	if progress != nil {
		progress(1)
	}
	return res, nil
}

// ImportFileTx reads a Smart Store order export and imports it inside the caller's transaction, for a
// workflow that does more in the same transaction. Reading and storing run side by side (rows go to the
// store while the file is still being read), so a big file takes little longer than reading it. progress
// gets the fraction of the file read, 0…1. A cancelled ctx stops both the reading and the storing.
func (s *Service) ImportFileTx(ctx context.Context, tx *data.Tx, r io.Reader, name, password string, progress func(float64)) (ImportResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows := make(chan sheet.OrderRow, 4096)
	type readResult struct {
		file *sheet.OrderFile
		err  error
	}
	readDone := make(chan readResult, 1)
	go func() {
		defer close(rows)
		file, err := sheet.StreamOrders(ctx, r, sheet.ReadOrderOptions{Password: password, Location: sheet.KST}, progress, func(row sheet.OrderRow) error {
			select {
			case rows <- row:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		readDone <- readResult{file, err}
	}()
	next := func() (sheet.OrderRow, bool) {
		row, ok := <-rows
		return row, ok
	}
	finish := func() (*sheet.OrderFile, error) {
		rr := <-readDone
		return rr.file, rr.err
	}
	res, err := s.importRowsTx(ctx, tx, next, finish, filepath.Base(name))
	if err != nil {
		cancel()
		for range rows {
			// let the reader finish
		}
		return ImportResult{File: filepath.Base(name)}, err
	}
	return res, nil
}

// Logged writes an import's counts to the log.
func (s *Service) Logged(res ImportResult) {
	s.log.Info("orders imported", "file", res.File, "new", res.New, "updated", res.Updated,
		"unchanged", res.Unchanged, "failed", res.Failed)
}

// importRowsTx upserts rows by 상품주문번호 in the caller's transaction: new lines are added; known lines take
// what the file carries (a column the file lacks leaves its field as it is) and the file's status and claim
// when they are newer than the line's (see decide); stock follows the status — taken once when paid, given
// back once when cancelled. finish is called after the last row and returns the file's problems, or the
// error that makes the whole import roll back.
func (s *Service) importRowsTx(ctx context.Context, tx *data.Tx, next func() (sheet.OrderRow, bool), finish func() (*sheet.OrderFile, error), source string) (ImportResult, error) {
	res := ImportResult{File: source}
	// the sales figures of the orders this import touches are taken out once and put back set based, every
	// salesPutBackOrders orders and at the end; the lines it inserts run no sales trigger (data/sales_bulk.go,
	// migrations 0014 and 0015)
	sales, err := data.BeginSalesImportTx(ctx, tx)
	if err != nil {
		return res, err
	}
	keeper := newStockKeeper()
	im := &importer{s: s, tx: tx, keeper: keeper, sales: sales, batched: true, source: source, orderIDs: map[string]int64{},
		options: map[[3]string]int64{}}
	for n := 0; ; n++ {
		row, ok := next()
		if !ok {
			break
		}
		if n%500 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		st, placing, err := ParseSmartStoreStatus(row.StatusWord, row.DetailWord)
		if err != nil {
			im.problems = append(im.problems, sheet.Problem{Sheet: row.Sheet, Row: row.Row, Column: "주문상태",
				Reason: err.Error() + ". 이 행은 건너뜁니다."})
			continue
		}
		outcome, err := im.upsert(ctx, row, st, placing)
		if err != nil {
			return res, err
		}
		if sales.Noted() >= salesPutBackOrders {
			if err := sales.PutBackTx(ctx, tx); err != nil {
				return res, err
			}
		}
		switch outcome {
		case outcomeNew:
			res.New++
		case outcomeUpdated:
			res.Updated++
		default:
			res.Unchanged++
		}
	}
	file, err := finish()
	if err != nil {
		return res, err
	}
	res.Rows = file.Total
	res.NoPrices = file.NoPrices
	res.Problems = append(append([]sheet.Problem(nil), file.Problems...), im.problems...)
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].Row < res.Problems[j].Row })
	res.Failed = failedRows(res.Problems)
	res.Skipped = im.skipped
	res.Problems = append(res.Problems, im.skipped...)
	res.Claims = im.claims
	if err := im.history.FlushTx(ctx, tx); err != nil {
		return res, err
	}
	if err := im.stage.FlushTx(ctx, tx); err != nil {
		return res, err
	}
	if err := im.restageOrders(ctx); err != nil {
		return res, err
	}
	if err := im.stage.FlushTx(ctx, tx); err != nil {
		return res, err
	}
	if err := data.FlushLineSearchTx(ctx, tx); err != nil {
		return res, err
	}
	if err := keeper.settle(ctx, tx); err != nil {
		return res, err
	}
	if err := sales.FlushTx(ctx, tx); err != nil {
		return res, err
	}
	res.Oversold, res.OversoldWhy = keeper.oversold, keeper.why
	res.Unmatched, err = data.CountOrderLines(ctx, tx, data.OrderLineQuery{Unmatched: true})
	return res, err
}

// salesPutBackOrders is how many noted orders an import gathers before it puts their sales figures back
// (data.SalesImport.PutBackTx): while the file is still being read, not all after it.
var salesPutBackOrders = 4000 // a variable for the tests

// failedRows counts the rows the problems are about: a row with a bad quantity and a bad amount is one
// failed row ('실패 1건') with both cell problems listed under it.
func failedRows(problems []sheet.Problem) int {
	type place struct {
		sheet string
		row   int
	}
	rows := map[place]bool{}
	for _, p := range problems {
		rows[place{p.Sheet, p.Row}] = true
	}
	return len(rows)
}

// importer is one import's transaction and what it remembers between rows.
type importer struct {
	s      *Service
	tx     *data.Tx
	keeper *stockKeeper
	sales  *data.SalesImport // nil outside an import's bulk mode
	// batched: status moves and lookup entries are written many to a statement, and written out by
	// importRowsTx at the end; otherwise (the demo, a manual order) each at once
	batched  bool
	history  data.StatusChangeBatch
	stage    data.LineSearchStage
	source   string
	orderIDs map[string]int64    // 주문번호 → id, each order saved once per import
	options  map[[3]string]int64 // (상품코드, 옵션관리코드, 옵션정보) → option id (0: none)
	products map[[2]string]int64 // (상품명, 옵션정보) → order_products id
	// changedOrders are the orders this file changed, true when their names or phones changed: every line
	// of those is found by the new ones, also lines the file does not list
	changedOrders map[int64]bool
	last          savedOrder // the order of the previous row, as this import left it
	search        data.LineSearchEntry
	searchOf      data.OrderRecord // the order search was made from
	skipped       []sheet.Problem
	problems      []sheet.Problem
	claims        []ClaimChange
	// ceiling is the greatest order number below "A" the store had before this import (see unstored)
	ceiling                           string
	ceilingRead, anyBelow, ceilingBad bool
}

func (im *importer) productRef(ctx context.Context, name, option string) (int64, error) {
	key := [2]string{name, option}
	if id, ok := im.products[key]; ok {
		return id, nil
	}
	if im.products == nil {
		im.products = map[[2]string]int64{}
	}
	id, err := data.ProductRefTx(ctx, im.tx, name, option)
	if err == nil {
		im.products[key] = id
	}
	return id, err
}

func (im *importer) matchOption(ctx context.Context, l data.OrderLineRecord) (int64, error) {
	key := [3]string{l.ProductCode, l.OptionCode, l.OptionInfo}
	if id, ok := im.options[key]; ok {
		return id, nil
	}
	id, err := matchOption(ctx, im.tx, l.ProductCode, l.OptionCode, l.OptionInfo)
	if err == nil {
		im.options[key] = id
	}
	return id, err
}

type outcome int

const (
	outcomeUnchanged outcome = iota
	outcomeNew
	outcomeUpdated
)

// fileDate is the newest of the row's own dates: how new what the row says is.
func fileDate(row sheet.OrderRow) time.Time {
	var t time.Time
	for _, d := range []time.Time{row.PaidAt, row.ShippedAt, row.DispatchedAt, row.DeliveredAt, row.DecidedAt, row.ClaimAt} {
		if d.After(t) {
			t = d
		}
	}
	return t.UTC().Truncate(time.Millisecond)
}

func (im *importer) upsert(ctx context.Context, row sheet.OrderRow, st Status, placing Placing) (outcome, error) {
	return im.upsertRow(ctx, row, st, placing, false)
}

// upsertRow is upsert. A line of an order this import has just created is taken for new without looking
// its number up (Smart Store gives a 상품주문번호 to one order only) and inserted only if absent; should a
// line with that number exist after all (under another order), the row is done again with lookup, the way
// every other row is.
func (im *importer) upsertRow(ctx context.Context, row sheet.OrderRow, st Status, placing Placing, lookup bool) (outcome, error) {
	tx, keeper := im.tx, im.keeper
	// A Smart Store export lists domestic deliveries (개인통관고유부호 is for goods bought from abroad);
	// overseas orders are the seller's own, entered by hand.
	ord, orderChanged, err := im.saveOrder(ctx, row)
	if err != nil {
		return 0, err
	}
	var old data.OrderLineRecord
	isNew, tentative := true, !lookup && im.last.created && im.last.rec.ID == ord.ID
	if !tentative {
		old, err = data.LineByNo(ctx, tx, row.ProductOrderNo)
		isNew = errors.Is(err, data.ErrNoRow)
		if err != nil && !isNew {
			return 0, err
		}
	}
	l := old
	l.OrderID, l.ProductOrderNo = ord.ID, row.ProductOrderNo
	l.ProductName = row.ProductName
	l.ProductCode = keepText(l.ProductCode, row.ProductCode, row.Has(sheet.FieldProductCode))
	l.OptionCode = keepText(l.OptionCode, row.OptionCode, row.Has(sheet.FieldOptionCode))
	if isNew || row.Has(sheet.FieldOption) {
		l.OptionInfo = row.OptionInfo
	}
	l.Qty = row.Qty
	prices := row.Has(sheet.FieldUnitPrice) || row.Has(sheet.FieldAmount)
	if isNew || prices {
		if isNew || row.Has(sheet.FieldUnitPrice) {
			l.UnitPrice = row.UnitPrice
		}
		if isNew || row.Has(sheet.FieldOptionPrice) {
			l.OptionPrice = row.OptionPrice
		}
		if isNew || row.Has(sheet.FieldDiscount) {
			l.Discount = row.Discount
		}
		l.Amount = row.Amount
	}
	l.OrderedAt = ord.OrderedAt.UTC().Truncate(time.Millisecond)
	l.PaymentMethod, l.Channel, l.Overseas = ord.PaymentMethod, ord.Channel, ord.Country != "KR"
	if l.ProductRef, err = im.productRef(ctx, l.ProductName, l.OptionInfo); err != nil {
		return 0, err
	}
	if row.TrackingNo != "" || isNew {
		l.Courier, l.TrackingNo = row.Courier, row.TrackingNo
	}
	if !row.ShippedAt.IsZero() {
		l.ShippedAt = row.ShippedAt.UTC().Truncate(time.Millisecond)
	}
	claim, claimKnown := ParseClaim(row.Claim, row.DetailWord, st)
	if c, ok := claimWords[strings.Join(strings.Fields(row.StatusWord), "")]; ok && !claimKnown {
		claim, claimKnown = c, true // 주문상태 itself names the claim
	}
	reason := ""
	if row.ClaimReason != "" {
		if code, ok := ClaimReasonCode(row.ClaimReason); ok {
			reason = code
		} else {
			reason = row.ClaimReason
		}
	}
	at := fileDate(row)
	var skip string
	if isNew {
		l.Status, l.Placing, l.Claim, l.StateAt = string(st), string(placing), string(claim), at
		l.ClaimAt = row.ClaimAt.UTC().Truncate(time.Millisecond)
		if claim != "" {
			l.ClaimReason = reason
		}
	} else {
		d := decide(lineState{Status(old.Status), Claim(old.Claim), old.StateAt, old.ClaimAt},
			rowState{status: st, statusKnown: !statusNamesClaim(row.StatusWord), claim: claim, claimKnown: claimKnown,
				at: at, claimAt: row.ClaimAt.UTC().Truncate(time.Millisecond)})
		l.Status, l.Claim, l.StateAt, l.ClaimAt = string(d.status), string(d.claim), d.at, d.claimAt
		if d.claim != Claim(old.Claim) && d.claim != "" && reason != "" {
			l.ClaimReason = reason
		} else if d.claim == Claim(old.Claim) && reason != "" && old.ClaimReason == "" && d.claim != "" {
			l.ClaimReason = reason
		}
		if Status(l.Status) == st && (Placing(old.Placing) != PlacingOK) {
			l.Placing = string(placing)
		}
		skip = d.skipped
	}
	if l.OptionID == 0 {
		if l.OptionID, err = im.matchOption(ctx, l); err != nil {
			return 0, err
		}
		if l.OptionID == 0 && l.ProductCode == "" {
			// a product registered from Smart Store's own file without a 판매자 상품코드 got a code made from its
			// 상품번호 or name (catalog.SmartStoreCodes): look for it under those codes, for matching only
			for _, code := range catalog.SmartStoreCodes(row.ProductNo, row.ProductName) {
				k := l
				k.ProductCode = code
				if l.OptionID, err = im.matchOption(ctx, k); err != nil {
					return 0, err
				}
				if l.OptionID != 0 {
					break
				}
			}
		}
	}
	if skip != "" {
		im.skipped = append(im.skipped, sheet.Problem{Sheet: row.Sheet, Row: row.Row, Column: "주문상태",
			Reason: "이 파일보다 새 상태가 이미 있습니다: " + skip + ". 저장된 상태를 그대로 둡니다."})
	}
	if isNew && tentative {
		if err := im.sales.NoteOrderTx(ctx, tx, l.OrderID, false); err != nil {
			return 0, err
		}
		// the line goes in holding the stock keeper.sync takes for it just after
		taken := l
		taken.StockTaken = newLineTakesStock(l)
		id, inserted, err := data.InsertLineIfAbsentTx(ctx, tx, taken)
		if err != nil {
			return 0, err
		}
		if !inserted {
			return im.upsertRow(ctx, row, st, placing, true)
		}
		l.ID = id
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return 0, err
		}
		if l.StockTaken != taken.StockTaken {
			return 0, fmt.Errorf("orders: import line %s: stock taken %t, stored %t", l.ProductOrderNo, l.StockTaken, taken.StockTaken)
		}
	} else if isNew {
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return 0, err
		}
		if err := im.sales.NoteOrderTx(ctx, tx, l.OrderID, false); err != nil {
			return 0, err
		}
		if l.ID, err = data.InsertLineTx(ctx, tx, l); err != nil {
			return 0, err
		}
	}
	if isNew {
		if err := im.addHistory(ctx, l.ID, "", l.Status, "가져오기"); err != nil {
			return 0, err
		}
		if err := im.stageSearch(ctx, l.ID, im.searchEntry(ord)); err != nil {
			return 0, err
		}
		im.noteClaim(l, "", reason)
		return outcomeNew, nil
	}
	if err := keeper.sync(ctx, tx, &l); err != nil {
		return 0, err
	}
	if sameLine(old, l) {
		if orderChanged {
			return outcomeUpdated, nil // the buyer's or recipient's details changed: a change, not 그대로
		}
		return outcomeUnchanged, nil
	}
	if err := data.UpdateLineTx(ctx, tx, l); err != nil {
		return 0, err
	}
	if old.Status != l.Status {
		note := "가져오기"
		if Claim(l.Claim) != "" && l.Claim != old.Claim {
			note = "가져오기 (" + Claim(l.Claim).Label() + ")"
		}
		if err := im.addHistory(ctx, l.ID, old.Status, l.Status, note); err != nil {
			return 0, err
		}
	} else if old.Claim != l.Claim {
		if err := im.addHistory(ctx, l.ID, old.Status, l.Status, "가져오기 ("+claimChangeNote(Claim(old.Claim), Claim(l.Claim))+")"); err != nil {
			return 0, err
		}
	}
	if err := im.stageSearch(ctx, l.ID, im.searchEntry(ord)); err != nil {
		return 0, err // names and phones may have changed with the order
	}
	if old.Claim != l.Claim || (old.Status != l.Status && Claimed.Has(Status(l.Status))) {
		im.noteClaim(l, Claim(old.Claim), reason)
	}
	return outcomeUpdated, nil
}

// newLineTakesStock is what keeper.sync makes of a new line's stock_taken: a line matched to an option whose
// status holds stock takes its quantity.
func newLineTakesStock(l data.OrderLineRecord) bool {
	return l.OptionID != 0 && Status(l.Status).HoldsStock()
}

// addHistory records a line's status move from this import.
func (im *importer) addHistory(ctx context.Context, lineID int64, from, to, note string) error {
	if im.batched {
		return im.history.AddTx(ctx, im.tx, lineID, from, to, note, im.source)
	}
	return data.AddStatusChangeTx(ctx, im.tx, lineID, from, to, note, im.source)
}

// stageSearch queues a line's lookup entry for FlushLineSearchTx.
func (im *importer) stageSearch(ctx context.Context, lineID int64, e data.LineSearchEntry) error {
	if im.batched {
		return im.stage.AddTx(ctx, im.tx, lineID, e)
	}
	return data.StageLineSearchEntryTx(ctx, im.tx, lineID, e)
}

// searchEntry is the lookup entry of o's lines, made once for the lines of one order.
func (im *importer) searchEntry(o data.OrderRecord) data.LineSearchEntry {
	if im.searchOf.ID == 0 || im.searchOf.ID != o.ID || !sameSearch(im.searchOf, o) {
		im.search, im.searchOf = data.LineSearchEntryOf(lineSearch(o)), o
	}
	return im.search
}

// noteClaim remembers a line whose claim this file changed (or that came with one) for the returns area.
func (im *importer) noteClaim(l data.OrderLineRecord, from Claim, reason string) {
	to := Claim(l.Claim)
	if to == "" && !Claimed.Has(Status(l.Status)) {
		return
	}
	if reason == "" {
		reason = l.ClaimReason
	}
	if _, ok := ClaimReasonCode(reason); !ok {
		reason = ""
	}
	im.claims = append(im.claims, ClaimChange{LineID: l.ID, OrderID: l.OrderID, ProductOrderNo: l.ProductOrderNo, Qty: l.Qty,
		Status: Status(l.Status), From: from, To: to, Reason: reason})
}

func claimChangeNote(from, to Claim) string {
	if to == "" {
		return from.Label() + " 해제"
	}
	return to.Label()
}

// sameLine compares what an import can change.
func sameLine(a, b data.OrderLineRecord) bool {
	a.CreatedAt, a.UpdatedAt, b.CreatedAt, b.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a.OrderID == b.OrderID && a.ProductCode == b.ProductCode && a.OptionCode == b.OptionCode &&
		a.OptionID == b.OptionID && a.ProductName == b.ProductName && a.OptionInfo == b.OptionInfo &&
		a.Qty == b.Qty && a.UnitPrice == b.UnitPrice && a.OptionPrice == b.OptionPrice && a.Discount == b.Discount &&
		a.Amount == b.Amount && a.Status == b.Status && a.Placing == b.Placing && a.Courier == b.Courier &&
		a.TrackingNo == b.TrackingNo && a.ShippedAt.Equal(b.ShippedAt) && a.StockTaken == b.StockTaken &&
		a.OrderedAt.Equal(b.OrderedAt) && a.ProductRef == b.ProductRef && a.PaymentMethod == b.PaymentMethod &&
		a.Channel == b.Channel && a.Overseas == b.Overseas && a.Claim == b.Claim && a.ClaimReason == b.ClaimReason &&
		a.ClaimAt.Equal(b.ClaimAt) && a.StateAt.Equal(b.StateAt)
}

// Summary is the result in one Korean sentence.
func (r ImportResult) Summary() string {
	s := fmt.Sprintf("%s: 새 주문 %d건, 변경 %d건, 그대로 %d건, 실패 %d건", r.File, r.New, r.Updated, r.Unchanged, r.Failed)
	if len(r.Skipped) > 0 {
		s += fmt.Sprintf(". 이 파일보다 새 상태가 이미 있어 상태를 그대로 둔 주문 %d건", len(r.Skipped))
	}
	if r.NoPrices {
		s += ". 이 파일에는 가격 열이 없어 금액은 바꾸지 않았습니다"
	}
	if r.Unmatched > 0 {
		s += fmt.Sprintf(". 상품과 연결되지 않은 주문 %d건은 '상품 연결'에서 연결하세요", r.Unmatched)
	}
	return s + "."
}
