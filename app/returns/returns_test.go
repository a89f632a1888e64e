package returns

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

func TestTransitions(t *testing.T) {
	all := []Move{MoveApprove, MoveReject, MoveCollect, MoveReceive, MoveInspect, MoveComplete, MoveHold, MoveResume}
	allowed := map[State]map[Move]State{
		StateRequested:  {MoveApprove: StateApproved, MoveReject: StateRejected, MoveHold: StateHold},
		StateApproved:   {MoveCollect: StateCollecting, MoveReceive: StateReceived, MoveHold: StateHold},
		StateCollecting: {MoveReceive: StateReceived, MoveHold: StateHold},
		StateReceived:   {MoveInspect: StateInspected, MoveHold: StateHold},
		StateInspected:  {MoveComplete: StateDone, MoveHold: StateHold},
		StateHold:       {MoveResume: ""},
		StateDone:       {},
		StateRejected:   {},
	}
	for from, moves := range allowed {
		for _, m := range all {
			to, err := Next(from, m)
			want, ok := moves[m]
			switch {
			case ok && (err != nil || to != want):
				t.Errorf("%s + %s = %s, %v; want %s", from, m, to, err, want)
			case !ok && err == nil:
				t.Errorf("%s + %s allowed (to %s), want refused", from, m, to)
			case !ok && !strings.Contains(err.Error(), from.Label()):
				t.Errorf("%s + %s refused without naming the state: %v", from, m, err)
			}
		}
	}
}

func TestWindowAcrossMonthEnds(t *testing.T) {
	p := Policy{WindowDays: 7, DefectMonths: 3, DefectKnownDays: 30}
	d := func(s string) time.Time { t, _ := time.ParseInLocation("2006-01-02", s, time.Local); return t }
	for _, c := range []struct {
		delivered, known string
		buyer            bool
		last             string
	}{
		{"2026-11-24", "", true, "2026-12-01"},  // 7 days, the delivery day not counted
		{"2026-12-28", "", true, "2027-01-04"},  // across the year end
		{"2026-11-30", "", false, "2027-02-28"}, // 3 months: February has no 30th
		{"2027-11-30", "", false, "2028-02-29"}, // leap year
		{"2026-01-31", "", false, "2026-04-30"},
		{"2026-08-31", "", false, "2026-11-30"},
		{"2026-03-15", "2026-06-10", false, "2026-07-10"}, // 30 days from knowing is later
		{"2026-03-15", "2026-04-01", false, "2026-06-15"}, // 3 months is later
	} {
		var known time.Time
		if c.known != "" {
			known = d(c.known)
		}
		w := WindowFor(p, d(c.delivered).Add(15*time.Hour), c.buyer, known)
		if got := w.LastDay.Format("2006-01-02"); got != c.last {
			t.Errorf("delivered %s (buyer %v, known %s): last day %s, want %s", c.delivered, c.buyer, c.known, got, c.last)
		}
		if !w.Open(d(c.last).Add(23*time.Hour)) || w.Open(d(c.last).AddDate(0, 0, 1)) {
			t.Errorf("delivered %s: open through %s and not after", c.delivered, c.last)
		}
	}
}

func TestRefundMath(t *testing.T) {
	p := Policy{ReturnFee: 3000, ChargeFreeShipping: true}
	line := RefundItem{Qty: 1, LineQty: 2, UnitPrice: 19800, LineDiscount: 2000} // 2 bought with 2,000 off, 1 back
	for _, c := range []struct {
		name     string
		p        Policy
		fault    Fault
		shipping int64
		items    []RefundItem
		want     int64
	}{
		{"seller's fault: price less its coupon share", p, FaultSeller, 3000, []RefundItem{line}, 19800 - 1000},
		{"buyer's fault, paid shipping: one way", p, FaultBuyer, 3000, []RefundItem{line}, 19800 - 1000 - 3000},
		{"buyer's fault, free shipping: both ways", p, FaultBuyer, 0, []RefundItem{line}, 19800 - 1000 - 6000},
		{"policy says both ways", Policy{ReturnFee: 3000, BothWays: true}, FaultBuyer, 3000, []RefundItem{line}, 19800 - 1000 - 6000},
		{"two lines", p, FaultSeller, 3000, []RefundItem{line, {Qty: 3, LineQty: 3, UnitPrice: 5000, LineDiscount: 1500}}, 18800 + 15000 - 1500},
		{"never below zero", p, FaultBuyer, 0, []RefundItem{{Qty: 1, LineQty: 1, UnitPrice: 4000}}, 0},
		{"a third of an odd discount rounds down", p, FaultSeller, 3000, []RefundItem{{Qty: 1, LineQty: 3, UnitPrice: 1000, LineDiscount: 1000}}, 1000 - 333},
	} {
		if got := Refund(c.p, c.fault, c.shipping, c.items); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

type desk struct {
	ret    *Service
	orders *orders.Service
	store  *data.Store
	clock  *clock.Pinned
	order  int64
	line   int64 // 2 × 오버핏 티셔츠 블랙/M
	white  int64 // the 화이트/M option
}

// openDesk: a delivered manual order of 2 T-shirts (블랙/M, 19,800원, 2,000원 off), shipping 3,000원, on
// 2026-11-20; the clock on 2026-11-24.
func openDesk(t *testing.T) desk {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	c := clock.At(time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local))
	store, err := data.Open(ctx, filepath.Join(dir, "s.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat := catalog.New(store, dir, log)
	groups := []catalog.OptionGroup{{Name: "색상", Values: []string{"블랙", "화이트"}}, {Name: "사이즈", Values: []string{"M"}}}
	p := catalog.Product{Code: "TEE", Name: "오버핏 티셔츠", Price: 19800, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsCombination, OptionGroups: groups}
	p.Options = catalog.CombineOptions(catalog.OptionsCombination, groups, nil)
	for i := range p.Options {
		p.Options[i].Stock = 5
	}
	saved, err := cat.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	err = store.Write(ctx, func(tx *data.Tx) error {
		return data.SaveProfileTx(ctx, tx, data.StoreProfile{Name: "하루공방", Phone: "02-332-1234", Address: "서울 마포구",
			ReturnPostcode: "03925", ReturnAddress: "서울특별시 마포구 월드컵북로 396 3층 반품담당"})
	})
	if err != nil {
		t.Fatal(err)
	}
	ord := orders.New(store, log)
	no, err := ord.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678", PaymentMethod: "계좌이체",
		Paid: true, Address: "서울 종로구 1", ShippingFee: 3000, Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: 2, Discount: 2000}}})
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := ord.Find(ctx, orders.Query{Search: "김민지"})
	id := lines[0].ID
	for _, a := range []orders.Action{orders.ActionConfirm} {
		ord.Apply(ctx, a, []int64{id}, orders.ActionInput{})
	}
	ord.Apply(ctx, orders.ActionInvoice, []int64{id}, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "123"})
	ord.Apply(ctx, orders.ActionShip, []int64{id}, orders.ActionInput{})
	ord.Apply(ctx, orders.ActionDeliver, []int64{id}, orders.ActionInput{})
	o, _ := data.OrderByNo(ctx, store.Read(), no)
	c.Set(time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local))
	return desk{ret: New(store, log), orders: ord, store: store, clock: c, order: o.ID, line: id, white: saved.Options[1].ID}
}

func (d desk) stock(t *testing.T, optionID int64) int64 {
	var n int64
	d.store.Read().QueryRow(`SELECT stock FROM product_options WHERE id = ?`, optionID).Scan(&n)
	return n
}

func (d desk) black(t *testing.T) int64 {
	var id int64
	d.store.Read().QueryRow(`SELECT option_id FROM order_lines WHERE id = ?`, d.line).Scan(&id)
	return id
}

func TestRequestRules(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	base := Request{OrderID: d.order, Kind: KindReturn, Reason: "COLOR_AND_SIZE", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}}
	// quantity: at most what was bought less what is on other requests
	bad := base
	bad.Lines = []RequestLine{{OrderLineID: d.line, Qty: 3}}
	if _, err := d.ret.Create(ctx, bad); err == nil || !strings.Contains(apperr.Message(err), "1개부터 2개까지") {
		t.Errorf("3 of 2: %v", err)
	}
	no, err := d.ret.Create(ctx, base)
	if err != nil || no != "RT-20261124-001" {
		t.Fatalf("create: %s %v", no, err)
	}
	r, _ := d.ret.Get(ctx, no)
	if Fault(r.Fault) != FaultBuyer {
		t.Errorf("색상·사이즈변경 is the buyer's fault, got %s", r.Fault)
	}
	bad.Lines = []RequestLine{{OrderLineID: d.line, Qty: 2}}
	if _, err := d.ret.Create(ctx, bad); err == nil || !strings.Contains(apperr.Message(err), "이미 요청 1개") {
		t.Errorf("2 more after 1: %v", err)
	}
	// outside the window: the dates are named; the seller may accept
	d.clock.Set(time.Date(2026, 12, 10, 10, 0, 0, 0, time.Local))
	_, err = d.ret.Create(ctx, base)
	var ow *OutsideWindowError
	if !errors.As(err, &ow) || !strings.Contains(apperr.Message(err), "마지막 날") {
		t.Fatalf("outside the window: %v", err)
	}
	late := base
	late.AcceptOutside = true
	no2, err := d.ret.Create(ctx, late)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := d.ret.Get(ctx, no2); !r.OutsideWindow {
		t.Error("an accepted late request is not marked")
	}
	// a seller's fault reason has three months
	defect := base
	defect.Reason, defect.Kind = "BROKEN", KindExchange
	defect.Lines = []RequestLine{{OrderLineID: d.line, Qty: 1}}
	if _, err := d.ret.Create(ctx, defect); err == nil || !strings.Contains(apperr.Message(err), "1개부터 0개까지") {
		t.Errorf("all quantity already requested: %v", err)
	}
}

func TestReturnFlowRestocksOnceAndRefunds(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	black := d.black(t)
	before := d.stock(t, black)
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "INTENT_CHANGED", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ret.Apply(ctx, no, MoveReceive, MoveInput{}); err == nil {
		t.Error("receiving before approval was allowed")
	}
	steps := []struct {
		m  Move
		in MoveInput
		to State
	}{
		{MoveApprove, MoveInput{}, StateApproved},
		{MoveHold, MoveInput{Note: "반품배송비 입금 대기"}, StateHold},
		{MoveResume, MoveInput{}, StateApproved},
		{MoveCollect, MoveInput{TrackingNo: "5555"}, StateCollecting},
		{MoveReceive, MoveInput{}, StateReceived},
	}
	for _, s := range steps {
		r, err := d.ret.Apply(ctx, no, s.m, s.in)
		if err != nil || r.State != s.to {
			t.Fatalf("%s: %s %v", s.m, r.State, err)
		}
	}
	if _, err := d.ret.Apply(ctx, no, MoveInspect, MoveInput{}); err == nil {
		t.Error("검수 완료 before inspecting")
	}
	r, _ := d.ret.Get(ctx, no)
	for i := 0; i < 3; i++ { // inspecting again never restocks twice
		if err := d.ret.Inspect(ctx, no, r.Lines[0].ID, "GOOD"); err != nil {
			t.Fatal(err)
		}
	}
	if got := d.stock(t, black); got != before+2 {
		t.Errorf("stock = %d, want %d + 2 once", got, before)
	}
	if _, err := d.ret.Apply(ctx, no, MoveInspect, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	r, err = d.ret.Apply(ctx, no, MoveComplete, MoveInput{})
	if err != nil {
		t.Fatal(err)
	}
	// 2 × 19,800 − 2,000 coupon − 3,000 one-way return shipping (the order paid its shipping)
	if r.Refund != 2*19800-2000-3000 || r.State != StateDone {
		t.Errorf("refund %d, state %s", r.Refund, r.State)
	}
	lines, _ := d.orders.Find(ctx, orders.Query{Search: "김민지"})
	if lines[0].Status != orders.StatusReturned {
		t.Errorf("order line = %s, want 반품", lines[0].Status)
	}
	if _, err := d.ret.Apply(ctx, no, MoveComplete, MoveInput{}); err == nil {
		t.Error("completing twice was allowed")
	}
	var moves int
	d.store.Read().QueryRow(`SELECT count(*) FROM stock_movements WHERE reason = 'RETURN'`).Scan(&moves)
	if moves != 1 {
		t.Errorf("반품 movements = %d, want 1", moves)
	}
}

func TestExchangeAndOverride(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	whiteBefore := d.stock(t, d.white)
	ex := Request{OrderID: d.order, Kind: KindExchange, Reason: "WRONG_OPTION", Method: "DESIGNATED",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1, ReplacementOptionID: d.white}}}
	tooMany := ex
	tooMany.Lines = []RequestLine{{OrderLineID: d.line, Qty: 2, ReplacementOptionID: d.white}}
	d.store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE product_options SET stock = 1 WHERE id = ?`, d.white)
		return err
	})
	if _, err := d.ret.Create(ctx, tooMany); err == nil || !strings.Contains(apperr.Message(err), "재고가 1개뿐") {
		t.Errorf("exchange beyond stock: %v", err)
	}
	no, err := d.ret.Create(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := d.ret.Get(ctx, no)
	if Fault(r.Fault) != FaultSeller {
		t.Errorf("다른옵션 잘못배송 is the seller's fault")
	}
	for _, m := range []Move{MoveApprove, MoveReceive} {
		if _, err := d.ret.Apply(ctx, no, m, MoveInput{}); err != nil {
			t.Fatal(err)
		}
	}
	d.ret.Inspect(ctx, no, r.Lines[0].ID, "DISPOSE")
	d.ret.Apply(ctx, no, MoveInspect, MoveInput{})
	if _, err := d.ret.Apply(ctx, no, MoveComplete, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	if got := d.stock(t, d.white); got != 0 {
		t.Errorf("replacement stock = %d, want 1 − 1 (stock set to 1 above; was %d)", got, whiteBefore)
	}
	var disposed int
	d.store.Read().QueryRow(`SELECT count(*) FROM stock_movements WHERE reason = 'RETURN'`).Scan(&disposed)
	if disposed != 0 {
		t.Error("a disposed item went back to stock")
	}
	// the other shirt comes back with a refund the seller sets, which needs a note
	no2, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "BROKEN", Method: "STORE",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []Move{MoveApprove, MoveReceive} {
		d.ret.Apply(ctx, no2, m, MoveInput{})
	}
	r2, _ := d.ret.Get(ctx, no2)
	d.ret.Inspect(ctx, no2, r2.Lines[0].ID, "SUPPLIER")
	d.ret.Apply(ctx, no2, MoveInspect, MoveInput{})
	amount := int64(15000)
	if _, err := d.ret.Apply(ctx, no2, MoveComplete, MoveInput{RefundOverride: &amount}); err == nil {
		t.Error("override without a note")
	}
	r2, err = d.ret.Apply(ctx, no2, MoveComplete, MoveInput{RefundOverride: &amount, Note: "부분 사용 흔적"})
	if err != nil || r2.Refund != 15000 || r2.RefundNote != "부분 사용 흔적" {
		t.Errorf("override: %+v %v", r2, err)
	}
}

func TestLabelPDF(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "INTENT_CHANGED", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := d.ret.LabelDoc(ctx, no)
	if err != nil || doc.From.Name != "김민지" || doc.To.Postcode != "03925" || doc.BuyerFee != 3000 || len(doc.Items) != 1 || doc.Reason != "구매의사취소" {
		t.Fatalf("label = %+v %v", doc, err)
	}
	var buf bytes.Buffer
	if err := d.ret.WriteLabel(ctx, no, &buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("label PDF: %v", err)
	}
	if _, err := d.ret.LabelDoc(ctx, "RT-20000101-001"); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Errorf("unknown RT: %v", err)
	}
}

func TestPolicyLawMinimums(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	err := d.ret.SetPolicy(ctx, Policy{WindowDays: 5, DefectMonths: 1, DefectKnownDays: 10, ReturnFee: -1})
	var ae *apperr.Error
	if !errors.As(err, &ae) || len(ae.Fields) != 4 {
		t.Errorf("below the law: %v", err)
	}
	p := Policy{WindowDays: 14, DefectMonths: 3, DefectKnownDays: 30, ReturnFee: 3500, ExchangeFee: 7000, NonReturnable: []int64{3}}
	if err := d.ret.SetPolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, _ := d.ret.Policy(ctx)
	if got.WindowDays != 14 || got.ReturnFee != 3500 || len(got.NonReturnable) != 1 {
		t.Errorf("policy = %+v", got)
	}
}

func TestSyncImportedClaims(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	// an open request, then Smart Store says the line was returned
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "INTENT_CHANGED", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	d.store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE order_lines SET status = 'RETURNED' WHERE id = ?`, d.line)
		return err
	})
	opened, moved, err := d.ret.SyncImported(ctx)
	if err != nil || opened != 0 || moved != 1 {
		t.Fatalf("sync = %d opened, %d moved, %v", opened, moved, err)
	}
	if r, _ := d.ret.Get(ctx, no); r.State != StateReceived {
		t.Errorf("request state = %s, want 입고 for inspection", r.State)
	}
	// a returned line without a request gets one; a second sync changes nothing
	no2, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "INTENT_CHANGED", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}})
	if err == nil {
		t.Errorf("a fully returned line took another request %s", no2)
	}
	d.store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE returns SET state = 'REJECTED'`)
		return err
	})
	opened, _, _ = d.ret.SyncImported(ctx)
	if opened != 1 {
		t.Errorf("opened %d, want a request for the returned line", opened)
	}
	rows, _ := d.ret.List(ctx, Filter{State: StateReceived})
	if len(rows) != 1 || rows[0].Reason != "ETC" {
		t.Errorf("synced requests = %+v", rows)
	}
	if opened, moved, _ := d.ret.SyncImported(ctx); opened != 0 || moved != 0 {
		t.Errorf("second sync: %d %d", opened, moved)
	}
}
