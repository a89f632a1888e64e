package orders

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
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
	Failed                  int             // rows skipped, each counted once however many cells were wrong
	Problems                []sheet.Problem // why each failed row failed, cell by cell
	Unmatched               int             // lines of this file not matched to a product option
	Oversold                []string        // sales beyond the stock, for the seller to check (Korean)
	OversoldWhy             []apperr.Msg    // the same as sentence keys, for the window in the seller's language
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
		file, err := sheet.StreamOrders(ctx, r, sheet.ReadOrderOptions{Password: password}, progress, func(row sheet.OrderRow) error {
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

// importRowsTx upserts rows by 상품주문번호 in the caller's transaction: new lines are added, known lines take
// the file's status, courier and tracking (never moving back to an earlier state), and stock follows the
// status — taken once when paid, given back once when cancelled. finish is called after the last row and
// returns the file's problems, or the error that makes the whole import roll back.
func (s *Service) importRowsTx(ctx context.Context, tx *data.Tx, next func() (sheet.OrderRow, bool), finish func() (*sheet.OrderFile, error), source string) (ImportResult, error) {
	res := ImportResult{File: source}
	keeper := newStockKeeper()
	im := &importer{s: s, tx: tx, keeper: keeper, source: source, orderIDs: map[string]int64{}, options: map[[3]string]int64{}}
	var problems []sheet.Problem
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
			problems = append(problems, sheet.Problem{Sheet: row.Sheet, Row: row.Row, Column: "주문상태",
				Reason: err.Error() + ". 이 행은 건너뜁니다."})
			continue
		}
		outcome, err := im.upsert(ctx, row, st, placing)
		if err != nil {
			return res, err
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
	res.Problems = append(append([]sheet.Problem(nil), file.Problems...), problems...)
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].Row < res.Problems[j].Row })
	res.Failed = failedRows(res.Problems)
	if err := data.FlushLineSearchTx(ctx, tx); err != nil {
		return res, err
	}
	if err := keeper.settle(ctx, tx); err != nil {
		return res, err
	}
	res.Oversold, res.OversoldWhy = keeper.oversold, keeper.why
	res.Unmatched, err = data.CountOrderLines(ctx, tx, data.OrderLineQuery{Unmatched: true})
	return res, err
}

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
	s        *Service
	tx       *data.Tx
	keeper   *stockKeeper
	source   string
	orderIDs map[string]int64    // 주문번호 → id, each order saved once per import
	options  map[[3]string]int64 // (상품코드, 옵션관리코드, 옵션정보) → option id (0: none)
	products map[[2]string]int64 // (상품명, 옵션정보) → order_products id
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

func orderOf(row sheet.OrderRow) data.OrderRecord {
	return data.OrderRecord{
		OrderNo: row.OrderNo, Source: "SMARTSTORE", OrderedAt: row.OrderedAt, PaidAt: row.PaidAt,
		BuyerName: row.BuyerName, BuyerID: row.BuyerID, BuyerPhone: row.BuyerPhone,
		RecipientName: row.RecipientName, RecipientPhone1: row.RecipientPhone1, RecipientPhone2: row.RecipientPhone2,
		Postcode: row.Postcode, Address: row.Address, AddressDetail: row.AddressDetail,
		DeliveryMessage: row.DeliveryMessage, PaymentMethod: row.PaymentMethod, Channel: row.Channel,
		ShippingFee: row.ShippingFee, ShippingFeeExtra: row.ShippingFeeExtra, ShippingDiscount: row.ShippingDiscount,
		Country: "KR", CustomsID: row.CustomsID,
	}
}

func (im *importer) upsert(ctx context.Context, row sheet.OrderRow, st Status, placing Placing) (outcome, error) {
	tx, keeper, orderIDs, source := im.tx, im.keeper, im.orderIDs, im.source
	// A Smart Store export lists domestic deliveries (개인통관고유부호 is for goods bought from abroad);
	// overseas orders are the seller's own, entered by hand.
	ord := orderOf(row)
	if ord.OrderedAt.IsZero() {
		ord.OrderedAt = im.s.Now()
	}
	orderID, ok := orderIDs[row.OrderNo]
	if !ok {
		var err error
		if orderID, err = data.SaveOrderTx(ctx, tx, ord); err != nil {
			return 0, err
		}
		orderIDs[row.OrderNo] = orderID
	}
	old, err := data.LineByNo(ctx, tx, row.ProductOrderNo)
	isNew := errors.Is(err, data.ErrNoRow)
	if err != nil && !isNew {
		return 0, err
	}
	l := old
	l.OrderID, l.ProductOrderNo = orderID, row.ProductOrderNo
	l.ProductCode, l.OptionCode, l.ProductName, l.OptionInfo = row.ProductCode, row.OptionCode, row.ProductName, row.OptionInfo
	l.Qty, l.UnitPrice, l.OptionPrice, l.Discount, l.Amount = row.Qty, row.UnitPrice, row.OptionPrice, row.Discount, row.Amount
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
	// Status: the file's, unless it is an older forward state than what the line already reached.
	cur := Status(old.Status)
	newRank, fwd := rank[st]
	curRank, curFwd := rank[cur]
	if isNew || !fwd || !curFwd || newRank >= curRank {
		l.Status = string(st)
	}
	if isNew || Placing(old.Placing) != PlacingOK {
		l.Placing = string(placing)
	}
	if l.OptionID == 0 {
		if l.OptionID, err = im.matchOption(ctx, l); err != nil {
			return 0, err
		}
	}
	if isNew {
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return 0, err
		}
		if l.ID, err = data.InsertLineTx(ctx, tx, l); err != nil {
			return 0, err
		}
		if err := data.AddStatusChangeTx(ctx, tx, l.ID, "", l.Status, "가져오기", source); err != nil {
			return 0, err
		}
		if err := data.StageLineSearchTx(ctx, tx, l.ID, lineSearch(ord)); err != nil {
			return 0, err
		}
		return outcomeNew, nil
	}
	if err := keeper.sync(ctx, tx, &l); err != nil {
		return 0, err
	}
	if sameLine(old, l) {
		return outcomeUnchanged, nil
	}
	if err := data.UpdateLineTx(ctx, tx, l); err != nil {
		return 0, err
	}
	if old.Status != l.Status {
		if err := data.AddStatusChangeTx(ctx, tx, l.ID, old.Status, l.Status, "가져오기", source); err != nil {
			return 0, err
		}
	}
	if err := data.StageLineSearchTx(ctx, tx, l.ID, lineSearch(ord)); err != nil {
		return 0, err // names and phones may have changed with the order
	}
	return outcomeUpdated, nil
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
		a.Channel == b.Channel && a.Overseas == b.Overseas
}

// Summary is the result in one Korean sentence.
func (r ImportResult) Summary() string {
	s := fmt.Sprintf("%s: 새 주문 %d건, 변경 %d건, 그대로 %d건, 실패 %d건", r.File, r.New, r.Updated, r.Unchanged, r.Failed)
	if r.Unmatched > 0 {
		s += fmt.Sprintf(". 상품과 연결되지 않은 주문 %d건은 '상품 연결'에서 연결하세요", r.Unmatched)
	}
	return s + "."
}
