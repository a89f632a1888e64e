// Package purchasing is 발주: purchase orders to suppliers, made from low stock or from customers' orders,
// their numbering, status, receipts into stock, the PDF and the dropship sheet. SQL lives in data.
package purchasing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/doc"
	"sellerdesk/app/sheet"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// Status is a purchase order's state.
type Status string

const (
	StatusDraft    Status = "DRAFT"    // 작성
	StatusOrdered  Status = "ORDERED"  // 발주완료
	StatusPartial  Status = "PARTIAL"  // 부분입고
	StatusReceived Status = "RECEIVED" // 입고완료
	StatusCanceled Status = "CANCELED" // 취소
)

// Statuses lists the states in the order the screen shows them.
var Statuses = []Status{StatusDraft, StatusOrdered, StatusPartial, StatusReceived, StatusCanceled}

var labels = map[Status]string{StatusDraft: "작성", StatusOrdered: "발주완료", StatusPartial: "부분입고",
	StatusReceived: "입고완료", StatusCanceled: "취소"}

// Label is the state in Korean.
func (s Status) Label() string { return labels[s] }

// Service keeps purchase orders.
type Service struct {
	store *data.Store
	log   *slog.Logger
	tx    txn.Writer
}

// New builds the purchasing service on an open store.
func New(store *data.Store, log *slog.Logger) *Service {
	return &Service{store: store, log: log, tx: txn.Writer{Store: store, Log: log, Area: "발주"}}
}

// Now is the time on the desk's clock (the store's); PO numbers and dates use its local day.
func (s *Service) Now() time.Time { return s.store.Now() }

func (s *Service) write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	return s.tx.Write(ctx, what, fn)
}

// invalid is a rule the seller's request breaks, as a sentence key and its values (see apperr.M).
func invalid(key string, args ...any) error { return apperr.New(apperr.ErrInvalid, key, args...) }

// PO is a purchase order as the screens show it.
type PO struct {
	ID               int64
	Number           string // PO-20261124-001
	SupplierID       int64
	SupplierName     string
	Status           Status
	OrderedOn, DueOn string // YYYY-MM-DD; DueOn may be ""
	Dropship         bool
	DeliverName      string
	DeliverPhone     string
	DeliverPostcode  string
	DeliverAddress   string
	Notes            string
	CreatedAt        time.Time
	UpdatedAt        time.Time
	Lines, Qty       int64 // line count and pieces, for the list
	Received         int64
	Supply           int64 // Σ qty × unit cost, for the list
	Items            []Line
	History          []Move
}

// Line is one item of a purchase order.
type Line struct {
	ID, POID    int64
	Position    int
	OptionID    int64 // 0: not (or no longer) a catalog option
	OrderLineID int64 // 0: not for a customer's order line
	Name        string
	OptionLabel string
	Code        string
	Qty         int64
	UnitCost    int64
	TaxFree     bool
	Received    int64
}

// Move is one change of a purchase order's state, with its note.
type Move struct {
	From, To Status
	Note     string
	At       time.Time
}

// Draft is what a new purchase order will hold, before it is saved.
type Draft struct {
	SupplierID   int64
	SupplierName string
	Lines        []Line
	Dropship     bool
	Deliver      doc.Contact
}

func poOf(r data.PORecord) PO {
	return PO{ID: r.ID, Number: r.Number, SupplierID: r.SupplierID, SupplierName: r.SupplierName, Status: Status(r.Status),
		OrderedOn: r.OrderedOn, DueOn: r.DueOn, Dropship: r.Dropship, DeliverName: r.DeliverName, DeliverPhone: r.DeliverPhone,
		DeliverPostcode: r.DeliverPostcode, DeliverAddress: r.DeliverAddress, Notes: r.Notes, CreatedAt: r.CreatedAt,
		UpdatedAt: r.UpdatedAt, Lines: r.Lines, Qty: r.Qty, Received: r.Received, Supply: r.Supply}
}

// record is the purchase order's row as the store keeps it (without its lines and history).
func (po PO) record() data.PORecord {
	return data.PORecord{ID: po.ID, Number: po.Number, SupplierID: po.SupplierID, SupplierName: po.SupplierName,
		Status: string(po.Status), OrderedOn: po.OrderedOn, DueOn: po.DueOn, Dropship: po.Dropship, DeliverName: po.DeliverName,
		DeliverPhone: po.DeliverPhone, DeliverPostcode: po.DeliverPostcode, DeliverAddress: po.DeliverAddress, Notes: po.Notes,
		CreatedAt: po.CreatedAt, UpdatedAt: po.UpdatedAt, Lines: po.Lines, Qty: po.Qty, Received: po.Received, Supply: po.Supply}
}

func lineRecords(ls []Line) []data.POLineRecord {
	out := make([]data.POLineRecord, len(ls))
	for i, l := range ls {
		out[i] = data.POLineRecord(l)
	}
	return out
}

// Skipped is an item no purchase order could take, and why: Why as a sentence key for the screen to
// translate, Reason the same in Korean.
type Skipped struct {
	Item   string
	Reason string
	Why    apperr.Msg
}

func skip(item string, why apperr.Msg) Skipped {
	return Skipped{Item: item, Reason: apperr.Korean(why.Key, why.Args), Why: why}
}

// MinReorder is the fewest pieces a low-stock proposal brings an option to above its safety stock: with a
// safety stock of 0 or 1, "twice the safety stock" would reorder one piece at a time.
const MinReorder = 5

// ReorderQty is what a low-stock proposal orders: enough to bring the option to twice its safety stock, and
// at least MinReorder above it, less the stock on hand and what open purchase orders will bring; 0 when
// that is covered already. The seller can change it before the purchase order is made.
func ReorderQty(safety, stock, onOrder int64) int64 {
	target := max(2*safety, safety+MinReorder)
	return max(target-stock-onOrder, 0)
}

// ReorderDrafts proposes one purchase order per supplier for every option at or below its safety stock,
// each for ReorderQty pieces. Options whose product has no supplier are listed as skipped.
func (s *Service) ReorderDrafts(ctx context.Context) ([]Draft, []Skipped, error) {
	return reorderDrafts(ctx, s.store.Read())
}

func reorderDrafts(ctx context.Context, q data.Querier) ([]Draft, []Skipped, error) {
	cands, err := data.ReorderCandidates(ctx, q)
	if err != nil {
		return nil, nil, fmt.Errorf("purchasing: %w", err)
	}
	sups, err := data.Suppliers(ctx, q)
	if err != nil {
		return nil, nil, fmt.Errorf("purchasing: %w", err)
	}
	names := map[int64]string{}
	for _, sp := range sups {
		names[sp.ID] = sp.Name
	}
	var skipped []Skipped
	bySupplier := map[int64]*Draft{}
	var order []int64
	for _, c := range cands {
		label := optionLabel(c.OptionValues)
		item := strings.TrimSpace(c.ProductName + " " + label)
		qty := ReorderQty(c.SafetyStock, c.Stock, c.OnOrder)
		if qty <= 0 {
			continue
		}
		if c.SupplierID == 0 {
			skipped = append(skipped, skip(item, apperr.M("공급업체가 정해지지 않은 상품입니다")))
			continue
		}
		d, ok := bySupplier[c.SupplierID]
		if !ok {
			d = &Draft{SupplierID: c.SupplierID, SupplierName: names[c.SupplierID]}
			bySupplier[c.SupplierID] = d
			order = append(order, c.SupplierID)
		}
		d.Lines = append(d.Lines, Line{OptionID: c.OptionID, Name: c.ProductName, OptionLabel: label,
			Code: c.Code, Qty: qty, UnitCost: c.Cost, TaxFree: c.TaxFree})
	}
	out := make([]Draft, 0, len(order))
	for _, id := range order {
		out = append(out, *bySupplier[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SupplierName < out[j].SupplierName })
	return out, skipped, nil
}

// OrderDrafts proposes purchase orders for customers' order lines, one per supplier. With dropship the
// supplier ships to the customer: one purchase order per customer order, delivered to its recipient.
// Lines not matched to a product, whose product has no supplier, or already on a purchase order, are skipped.
func (s *Service) OrderDrafts(ctx context.Context, lineIDs []int64, dropship bool) ([]Draft, []Skipped, error) {
	sups, err := data.OrderLineSupplies(ctx, s.store.Read(), lineIDs)
	if err != nil {
		return nil, nil, fmt.Errorf("purchasing: %w", err)
	}
	suppliers, err := data.Suppliers(ctx, s.store.Read())
	if err != nil {
		return nil, nil, fmt.Errorf("purchasing: %w", err)
	}
	names := map[int64]string{}
	for _, sp := range suppliers {
		names[sp.ID] = sp.Name
	}
	var skipped []Skipped
	type key struct {
		supplier int64
		to       string
	}
	drafts := map[key]*Draft{}
	var order []key
	for _, l := range sups {
		item := l.ProductOrderNo + " " + strings.TrimSpace(l.ProductName+" "+l.OptionInfo)
		switch {
		case l.OnPO != "":
			skipped = append(skipped, skip(item, apperr.M("이미 발주서 {{.PO}}에 있습니다", "PO", l.OnPO)))
			continue
		case l.OptionID == 0:
			skipped = append(skipped, skip(item, apperr.M("상품과 연결되지 않은 주문입니다")))
			continue
		case l.SupplierID == 0:
			skipped = append(skipped, skip(item, apperr.M("공급업체가 정해지지 않은 상품입니다")))
			continue
		case dropship && strings.TrimSpace(l.Address) == "":
			// the supplier could not deliver it: nothing is made that would be printed without a destination
			skipped = append(skipped, skip(item, apperr.M("받는 분 주소가 없는 주문이라 직배송할 수 없습니다. 주문에 주소를 넣거나 직배송 없이 발주하세요")))
			continue
		}
		k := key{supplier: l.SupplierID}
		if dropship {
			k.to = l.RecipientName + "|" + l.RecipientPhone + "|" + l.Address
		}
		d, ok := drafts[k]
		if !ok {
			d = &Draft{SupplierID: l.SupplierID, SupplierName: names[l.SupplierID], Dropship: dropship}
			if dropship {
				d.Deliver = doc.Contact{Name: l.RecipientName, Phone: l.RecipientPhone, Postcode: l.Postcode, Address: l.Address}
			}
			drafts[k] = d
			order = append(order, k)
		}
		d.Lines = append(d.Lines, Line{OptionID: l.OptionID, OrderLineID: l.LineID, Name: l.ProductName,
			OptionLabel: l.OptionInfo, Code: l.Code, Qty: l.Qty, UnitCost: l.Cost, TaxFree: l.TaxFree})
	}
	out := make([]Draft, 0, len(order))
	for _, k := range order {
		out = append(out, *drafts[k])
	}
	return out, skipped, nil
}

// Create saves drafts as purchase orders in the 작성 state, each with the next number of the day, due after
// the supplier's lead time, delivered to our store unless a draft says otherwise. All or none are saved.
func (s *Service) Create(ctx context.Context, drafts []Draft, notes string) ([]string, error) {
	if len(drafts) == 0 {
		return nil, invalid("만들 발주서가 없습니다. 재고가 부족한 상품이나 주문을 확인하세요.")
	}
	var numbers []string
	err := s.write(ctx, "발주서 만들기", func(tx *data.Tx) error {
		var err error
		numbers, err = createTx(ctx, tx, drafts, notes, s.Now())
		return err
	})
	if err != nil {
		return nil, err
	}
	return numbers, nil
}

func createTx(ctx context.Context, tx *data.Tx, drafts []Draft, notes string, now time.Time) ([]string, error) {
	prof, err := data.ProfileTx(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("purchasing: %w", err)
	}
	suppliers, err := data.Suppliers(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("purchasing: %w", err)
	}
	lead := map[int64]int{}
	for _, sp := range suppliers {
		lead[sp.ID] = sp.LeadTimeDays
	}
	var numbers []string
	for _, d := range drafts {
		if len(d.Lines) == 0 {
			continue
		}
		for i, l := range d.Lines {
			if l.Qty <= 0 {
				return nil, invalid("{{.Supplier}} 발주서 {{.N}}번 품목({{.Item}})의 수량은 1 이상이어야 합니다.", "Supplier", d.SupplierName, "N", i+1, "Item", l.Name)
			}
			if l.UnitCost < 0 {
				return nil, invalid("{{.Supplier}} 발주서 {{.N}}번 품목({{.Item}})의 단가는 0원 이상이어야 합니다.", "Supplier", d.SupplierName, "N", i+1, "Item", l.Name)
			}
		}
		number, err := data.NextPONumberTx(ctx, tx, now.Format("20060102"))
		if err != nil {
			return nil, err
		}
		po := data.PORecord{Number: number, SupplierID: d.SupplierID, Status: string(StatusDraft),
			OrderedOn: now.Format("2006-01-02"), Dropship: d.Dropship, Notes: notes}
		if days, ok := lead[d.SupplierID]; ok && days > 0 {
			po.DueOn = now.AddDate(0, 0, days).Format("2006-01-02")
		}
		if d.Dropship {
			if strings.TrimSpace(d.Deliver.Address) == "" {
				return nil, invalid("{{.Supplier}} 직배송 발주서에 받는 분 주소가 없습니다. 주소가 있는 주문만 직배송으로 발주하세요.", "Supplier", d.SupplierName)
			}
			po.DeliverName, po.DeliverPhone, po.DeliverPostcode, po.DeliverAddress = d.Deliver.Name, d.Deliver.Phone, d.Deliver.Postcode, d.Deliver.Address
		} else {
			po.DeliverName, po.DeliverPhone, po.DeliverAddress = prof.Name, prof.Phone, prof.Address
		}
		if _, err := data.InsertPOTx(ctx, tx, po, lineRecords(d.Lines)); err != nil {
			return nil, err
		}
		numbers = append(numbers, number)
	}
	return numbers, nil
}

// List reads purchase orders, newest first; status "" lists all.
func (s *Service) List(ctx context.Context, status Status) ([]PO, error) {
	recs, err := data.ListPOs(ctx, s.store.Read(), string(status))
	if err != nil {
		return nil, fmt.Errorf("purchasing: %w", err)
	}
	out := make([]PO, len(recs))
	for i, r := range recs {
		out[i] = poOf(r)
	}
	return out, nil
}

// Get reads one purchase order with its lines and history.
func (s *Service) Get(ctx context.Context, number string) (PO, error) {
	return s.get(ctx, s.store.Read(), number)
}

func (s *Service) get(ctx context.Context, q data.Querier, number string) (PO, error) {
	r, err := data.POByNumber(ctx, q, strings.TrimSpace(number))
	if errors.Is(err, data.ErrNoRow) {
		return PO{}, apperr.New(apperr.ErrNotFound, "발주서 {{.Number}}을(를) 찾을 수 없습니다.", "Number", number)
	}
	if err != nil {
		return PO{}, fmt.Errorf("purchasing: %w", err)
	}
	po := poOf(r)
	lines, err := data.POLines(ctx, q, r.ID)
	if err != nil {
		return PO{}, fmt.Errorf("purchasing: %w", err)
	}
	for _, l := range lines {
		po.Items = append(po.Items, Line(l))
	}
	moves, err := data.POHistory(ctx, q, r.ID)
	if err != nil {
		return PO{}, fmt.Errorf("purchasing: %w", err)
	}
	for _, m := range moves {
		po.History = append(po.History, Move{From: Status(m.From), To: Status(m.To), Note: m.Note, At: m.At})
	}
	return po, nil
}

// MarkOrdered records that the purchase order went to the supplier (작성 → 발주완료).
func (s *Service) MarkOrdered(ctx context.Context, number string) error {
	return s.move(ctx, number, StatusOrdered, "", func(from Status) error {
		if from != StatusDraft {
			return invalid("작성 중인 발주서만 발주완료로 바꿀 수 있습니다 (현재 {{.Status}}).", "Status", apperr.M(from.Label()))
		}
		return nil
	})
}

// Cancel cancels a purchase order. What was already received stays in stock.
func (s *Service) Cancel(ctx context.Context, number, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return apperr.Invalid(map[string]string{"reason": "취소 사유를 입력하세요."}, nil)
	}
	return s.move(ctx, number, StatusCanceled, reason, func(from Status) error {
		if from == StatusReceived || from == StatusCanceled {
			return invalid("{{.Status}} 상태의 발주서는 취소할 수 없습니다.", "Status", apperr.M(from.Label()))
		}
		return nil
	})
}

func (s *Service) move(ctx context.Context, number string, to Status, note string, allowed func(Status) error) error {
	return s.write(ctx, "발주서 상태 변경", func(tx *data.Tx) error {
		po, err := s.get(ctx, tx, number)
		if err != nil {
			return err
		}
		if err := allowed(po.Status); err != nil {
			return err
		}
		from := po.Status
		po.Status = to
		if err := data.UpdatePOTx(ctx, tx, po.record()); err != nil {
			return err
		}
		return data.AddPOHistoryTx(ctx, tx, po.ID, string(from), string(to), note)
	})
}

// Receive records goods that arrived: received maps a PO line id to the pieces that came now. Each adds
// stock (movement 입고) to its option; the order becomes 부분입고, or 입고완료 when every line is complete.
func (s *Service) Receive(ctx context.Context, number string, received map[int64]int64) error {
	return s.write(ctx, "입고 처리", func(tx *data.Tx) error {
		po, err := s.get(ctx, tx, number)
		if err != nil {
			return err
		}
		if po.Status != StatusOrdered && po.Status != StatusPartial {
			return invalid("발주완료나 부분입고 상태의 발주서만 입고할 수 있습니다 (현재 {{.Status}}).", "Status", apperr.M(po.Status.Label()))
		}
		any, complete := false, true
		var notes []string
		for _, l := range po.Items {
			n := received[l.ID]
			if n < 0 {
				return invalid("{{.Item}}의 입고 수량은 0 이상이어야 합니다.", "Item", l.Name)
			}
			if l.Received+n > l.Qty {
				return invalid("{{.Item}}: 남은 수량은 {{.Left}}개인데 {{.N}}개를 입고하려고 합니다.",
					"Item", strings.TrimSpace(l.Name+" "+l.OptionLabel), "Left", l.Qty-l.Received, "N", n)
			}
			if n > 0 {
				any = true
				if err := data.SetPOLineReceivedTx(ctx, tx, l.ID, l.Received+n); err != nil {
					return err
				}
				if l.OptionID != 0 {
					if _, err := catalog.AdjustStockTx(ctx, tx, l.OptionID, n, catalog.ReasonReceive, "발주 입고 "+po.Number, "po:"+po.Number); err != nil {
						return err
					}
				}
				notes = append(notes, fmt.Sprintf("%s %d개", strings.TrimSpace(l.Name+" "+l.OptionLabel), n))
			}
			if l.Received+n < l.Qty {
				complete = false
			}
		}
		if !any {
			return invalid("입고할 수량을 하나 이상 입력하세요.")
		}
		to := StatusPartial
		if complete {
			to = StatusReceived
		}
		from := po.Status
		po.Status = to
		if err := data.UpdatePOTx(ctx, tx, po.record()); err != nil {
			return err
		}
		return data.AddPOHistoryTx(ctx, tx, po.ID, string(from), string(to), "입고: "+strings.Join(notes, ", "))
	})
}

// Document builds the PDF's content for a purchase order: our store from the profile, the supplier's details.
func (s *Service) Document(ctx context.Context, number string) (doc.PurchaseOrderDoc, error) {
	po, err := s.Get(ctx, number)
	if err != nil {
		return doc.PurchaseOrderDoc{}, err
	}
	prof, err := s.store.Profile(ctx)
	if err != nil {
		return doc.PurchaseOrderDoc{}, fmt.Errorf("purchasing: %w", err)
	}
	if strings.TrimSpace(prof.Name) == "" {
		return doc.PurchaseOrderDoc{}, invalid("발주서에 인쇄할 매장 정보가 없습니다. 설정 → 매장 정보에서 상호와 주소를 입력하세요.")
	}
	if po.Dropship && strings.TrimSpace(po.DeliverAddress) == "" {
		return doc.PurchaseOrderDoc{}, invalid("직배송 발주서 {{.PO}}에는 받는 분 주소가 없어 인쇄하지 않습니다. 발주를 취소하고 주소가 있는 주문으로 다시 만드세요.", "PO", po.Number)
	}
	suppliers, err := data.Suppliers(ctx, s.store.Read())
	if err != nil {
		return doc.PurchaseOrderDoc{}, fmt.Errorf("purchasing: %w", err)
	}
	d := doc.PurchaseOrderDoc{Number: po.Number,
		Buyer: doc.Store{Name: prof.Name, Representative: prof.Owner, BusinessNumber: prof.BusinessNo,
			Address: prof.Address, Phone: prof.Phone, Email: prof.Email},
		DeliverTo: doc.Contact{Name: po.DeliverName, Phone: po.DeliverPhone, Postcode: po.DeliverPostcode, Address: po.DeliverAddress},
		Notes:     po.Notes}
	d.OrderedOn, _ = time.ParseInLocation("2006-01-02", po.OrderedOn, time.Local)
	if po.DueOn != "" {
		d.DueOn, _ = time.ParseInLocation("2006-01-02", po.DueOn, time.Local)
	}
	for _, sp := range suppliers {
		if sp.ID == po.SupplierID {
			d.Supplier = doc.Supplier{Name: sp.Name, Contact: sp.ContactPerson, Phone: sp.Phone, Email: sp.Email, Address: sp.Address}
		}
	}
	for _, l := range po.Items {
		d.Lines = append(d.Lines, doc.PurchaseOrderLine{Name: l.Name, Option: l.OptionLabel, Code: l.Code,
			Quantity: int(l.Qty), UnitPrice: l.UnitCost, TaxFree: l.TaxFree})
	}
	if po.Dropship && d.Notes == "" {
		d.Notes = "고객에게 직접 배송해 주세요. 송장번호를 알려 주시면 고객에게 안내하겠습니다."
	}
	return d, nil
}

// WritePDF writes a purchase order's A4 PDF.
func (s *Service) WritePDF(ctx context.Context, number string, w io.Writer) error {
	d, err := s.Document(ctx, number)
	if err != nil {
		return err
	}
	return doc.PurchaseOrder(w, d)
}

// DropshipRows lists, for a dropship purchase order, one row per customer shipment with the recipient.
func (s *Service) DropshipRows(ctx context.Context, number string) ([]sheet.DropshipRow, error) {
	po, err := s.Get(ctx, number)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, l := range po.Items {
		if l.OrderLineID != 0 {
			ids = append(ids, l.OrderLineID)
		}
	}
	if len(ids) == 0 {
		return nil, invalid("이 발주서에는 고객 주문이 없습니다. 주문에서 '직배송 발주'로 만든 발주서만 직배송 시트를 만들 수 있습니다.")
	}
	sups, err := data.OrderLineSupplies(ctx, s.store.Read(), ids)
	if err != nil {
		return nil, fmt.Errorf("purchasing: %w", err)
	}
	out := make([]sheet.DropshipRow, len(sups))
	for i, l := range sups {
		out[i] = sheet.DropshipRow{PONumber: po.Number, ProductOrderNo: l.ProductOrderNo, Recipient: l.RecipientName,
			Phone: l.RecipientPhone, Postcode: l.Postcode, Address: l.Address, Message: l.DeliveryMessage,
			Item: l.ProductName, Option: l.OptionInfo, Qty: l.Qty}
	}
	return out, nil
}

func optionLabel(valuesJSON string) string {
	var values []string
	_ = json.Unmarshal([]byte(valuesJSON), &values)
	return strings.Join(values, " / ")
}
