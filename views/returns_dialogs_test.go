package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
)

// deliveredReturn stores a product, a delivered order of qty of it at price with a 3,000원 shipping fee, and a
// return request for it with reason (stored as 요청); it returns the request's number.
func deliveredReturn(t *testing.T, sh *shell, price, qty int64, reason returns.Reason) string {
	t.Helper()
	line := deliveredOrder(t, sh, price, qty)
	no, err := sh.desk.Returns.Create(context.Background(), returns.Request{OrderID: line.OrderID, Kind: returns.KindReturn, Reason: reason,
		Method: "PICKUP", Lines: []returns.RequestLine{{OrderLineID: line.ID, Qty: qty}}})
	if err != nil {
		t.Fatal(err)
	}
	return no
}

// deliveredOrder stores a product and a delivered order of qty of it at price with a 3,000원 shipping fee;
// it returns the order's line.
func deliveredOrder(t *testing.T, sh *shell, price, qty int64) orders.Line {
	t.Helper()
	ctx := context.Background()
	p := catalog.Product{Code: "MUG", Name: "머그컵 화이트", Price: price, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 9}}}
	saved, err := sh.desk.Catalog.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	osvc := sh.desk.Orders
	if _, err := osvc.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678", PaymentMethod: "계좌이체",
		Paid: true, Address: "서울 1", ShippingFee: 3000, Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: qty}}}); err != nil {
		t.Fatal(err)
	}
	lines, _ := osvc.Find(ctx, orders.Query{})
	id := []int64{lines[0].ID}
	for _, a := range []struct {
		act orders.Action
		in  orders.ActionInput
	}{{orders.ActionConfirm, orders.ActionInput{}}, {orders.ActionInvoice, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "1"}},
		{orders.ActionShip, orders.ActionInput{}}, {orders.ActionDeliver, orders.ActionInput{}}} {
		if _, err := osvc.Apply(ctx, a.act, id, a.in); err != nil {
			t.Fatal(err)
		}
	}
	return lines[0]
}

// entryWithPlaceholder finds a visible entry whose placeholder starts with prefix.
func entryWithPlaceholder(t *testing.T, c fyne.Canvas, prefix string) *widget.Entry {
	t.Helper()
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && strings.HasPrefix(e.PlaceHolder, prefix) {
			return e
		}
	}
	t.Fatalf("no entry with placeholder %q", prefix)
	return nil
}

// labelContaining finds a visible label whose text holds part.
func labelContaining(t *testing.T, c fyne.Canvas, part string) *widget.Label {
	t.Helper()
	for _, o := range everything(c) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, part) {
			return l
		}
	}
	t.Fatalf("no label with %q: %v", part, visibleTexts(c))
	return nil
}

// The refund dialog is laid out wide enough to read, shows the refund before the seller confirms and
// follows another amount as it is typed; an amount changed without a reason keeps the dialog and its input.
func TestRefundDialogShowsTheRefundBeforeConfirming(t *testing.T) {
	sh, rs := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	ctx := context.Background()
	no := deliveredReturn(t, sh, 24000, 2, "INTENT_CHANGED")
	svc := sh.desk.Returns
	for _, m := range []returns.Move{returns.MoveApprove, returns.MoveReceive} {
		if _, err := svc.Apply(ctx, no, m, returns.MoveInput{}); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := svc.Get(ctx, no)
	if err := svc.Inspect(ctx, no, r.Lines[0].ID, "GOOD"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Apply(ctx, no, returns.MoveInspect, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.Policy(ctx)
	want := 48000 - returns.BuyerFee(p, 3000)

	rs.openDetail(no)
	sh.waitJobs()
	test.Tap(button(t, c, "완료…"))
	sh.waitJobs() // the dialog opens once the policy is read
	if !hasLabel(c, "환불 금액: "+format.Won(want)) {
		t.Fatalf("the refund %s is not shown before confirming: %v", format.Won(want), visibleTexts(c))
	}
	explain := labelContaining(t, c, "쿠폰 몫과")
	if w := explain.Size().Width; w < 400 {
		t.Errorf("the explanation is laid out %.0f px wide: it wraps a syllable or two per line", w)
	}
	amount := entryWithPlaceholder(t, c, "예: ")
	if w := amount.Size().Width; w < 200 {
		t.Errorf("the refund field is %.0f px wide", w)
	}

	test.Type(amount, "40000")
	if !containsLabel(c, "환불 금액: 40,000원 (계산한 금액 "+format.Won(want)) {
		t.Errorf("the amount typed is not shown as the refund: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "완료"))
	sh.waitJobs()
	if !hasLabel(c, "환불 금액을 바꾼 이유를 메모로 남기세요.") || amount.Text != "40000" {
		t.Fatalf("an amount without a reason: the dialog did not keep its input with the message at the memo: %v", visibleTexts(c))
	}
	if got, _ := svc.Get(ctx, no); got.State != returns.StateInspected {
		t.Fatalf("completed without the reason: %s", got.State)
	}
	amount.SetText("")
	test.Tap(button(t, c, "완료"))
	sh.waitJobs()
	got, _ := svc.Get(ctx, no)
	if got.State != returns.StateDone || got.Refund != want {
		t.Fatalf("after 완료: %s, refund %d, want %d", got.State, got.Refund, want)
	}
	if containsLabel(c, "쿠폰 몫과") {
		t.Error("the dialog stayed open after the refund was accepted")
	}
}

// 수거 시작 gives the tracking number a field wide enough to read it, and an empty number keeps the form
// open with the reason under the field.
func TestCollectFormKeepsItsShape(t *testing.T) {
	sh, rs := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	ctx := context.Background()
	no := deliveredReturn(t, sh, 9000, 1, "BROKEN")
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveApprove, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}
	rs.openDetail(no)
	sh.waitJobs()
	test.Tap(button(t, c, "수거 시작…"))
	var tracking *widget.Entry
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok { // the overlay is walked last: its entry
			tracking = e
		}
	}
	if tracking == nil {
		t.Fatal("no 수거 송장번호 field")
	}
	if w := tracking.Size().Width; w < 250 {
		t.Errorf("수거 송장번호 is %.0f px wide", w)
	}
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if !hasLabel(c, "수거 송장번호를 입력하세요.") {
		t.Fatalf("an empty number: no message at the field: %v", visibleTexts(c))
	}
	test.Type(tracking, "6012-3456-7890")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if got, _ := sh.desk.Returns.Get(ctx, no); got.State != returns.StateCollecting || got.TrackingNo != "6012-3456-7890" {
		t.Fatalf("after 저장: %s %q", got.State, got.TrackingNo)
	}
}

// A policy the law does not allow (단순 변심 3일) keeps the editor open with what was typed and the reason
// under the field.
func TestReturnPolicyRefusalKeepsTheForm(t *testing.T) {
	sh, _ := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	test.Tap(button(t, c, "반품 정책"))
	sh.waitJobs()
	var window *widget.Entry
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && e.Text == "7" {
			window = e
			break
		}
	}
	if window == nil {
		t.Fatalf("no 단순 변심 field showing 7: %v", visibleTexts(c))
	}
	window.SetText("3")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if !hasLabel(c, "단순 변심 반품 기간은 전자상거래법에 따라 7일보다 짧을 수 없습니다.") {
		t.Fatalf("no reason at the field: %v", visibleTexts(c))
	}
	button(t, c, "저장하고 PDF") // the editor is still open
	if window.Text != "3" {
		t.Errorf("the input was lost: %q", window.Text)
	}
	window.SetText("10")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if p, _ := sh.desk.Returns.Policy(context.Background()); p.WindowDays != 10 {
		t.Errorf("stored window %d days, want 10", p.WindowDays)
	}
	if containsLabel(c, "단순 변심 반품 기간은") {
		t.Errorf("the refusal is still shown after the accepted save: %v", visibleTexts(c))
	}
}

// 접수 with no reason picked keeps the request form open with its quantities and the reason asked for at
// the field; picking one then stores the request.
func TestReturnRequestWithoutReasonKeepsTheForm(t *testing.T) {
	sh, s := openArea[*ordersScreen](t, "주문")
	c := sh.win.Canvas()
	deliveredOrder(t, sh, 9000, 2)
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs()
	test.Tap(button(t, c, "반품·교환 접수…"))
	sh.waitJobs()
	var qty *widget.Entry
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && e.Text == "0" {
			qty = e
		}
	}
	if qty == nil {
		t.Fatal("no quantity field")
	}
	qty.SetText("1")
	test.Tap(button(t, c, "접수"))
	sh.waitJobs()
	if !hasLabel(c, "반품·교환 사유를 고르세요.") || qty.Text != "1" {
		t.Fatalf("no reason picked: the form did not stay with its input and the message: %v", visibleTexts(c))
	}
	if rows, _ := sh.desk.Returns.List(context.Background(), returns.Filter{}); len(rows) != 0 {
		t.Fatal("a request without a reason was stored")
	}
	for _, o := range everything(c) {
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) == len(returns.Reasons) {
			sel.SetSelected("파손")
		}
	}
	test.Tap(button(t, c, "접수"))
	sh.waitJobs()
	if rows, _ := sh.desk.Returns.List(context.Background(), returns.Filter{}); len(rows) != 1 {
		t.Fatalf("%d requests stored, want 1", len(rows))
	}
}

// The returns search finds a request by more than its RT number: the order number, the buyer's name, the
// phone's last digits and the pickup's tracking number typed without its hyphens.
func TestReturnSearch(t *testing.T) {
	sh, rs := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	ctx := context.Background()
	no := deliveredReturn(t, sh, 9000, 1, "BROKEN")
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveApprove, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveCollect, returns.MoveInput{TrackingNo: "6012-3456-7890"}); err != nil {
		t.Fatal(err)
	}
	r, _ := sh.desk.Returns.Get(ctx, no)
	d, _ := sh.desk.Orders.Detail(ctx, r.OrderID)
	for _, q := range []struct{ text, want string }{
		{"박서준", "반품·교환 0건"},
		{"김민지", "반품·교환 1건"},
		{"5678", "반품·교환 1건"},
		{d.Order.OrderNo, "반품·교환 1건"},
		{"601234567890", "반품·교환 1건"},
		{no[3:], "반품·교환 1건"},
	} {
		rs.scan.SetText(q.text)
		sh.waitJobs()
		if !hasLabel(c, q.want) {
			t.Errorf("search %q: %v", q.text, visibleTexts(c))
		}
	}
}

// Esc in a form's entry cancels the form, as anywhere else in the window.
func TestEscapeCancelsAForm(t *testing.T) {
	sh, rs := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	ctx := context.Background()
	no := deliveredReturn(t, sh, 9000, 1, "BROKEN")
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveApprove, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}
	rs.openDetail(no)
	sh.waitJobs()
	test.Tap(button(t, c, "수거 시작…"))
	var tracking fyne.Focusable
	for _, o := range everything(c) {
		if e, ok := o.(fyne.Focusable); ok {
			if _, isEntry := entryOf(o); isEntry {
				tracking = e
			}
		}
	}
	if tracking == nil || !hasLabel(c, "수거 송장번호") {
		t.Fatal("no 수거 시작 form")
	}
	test.Type(tracking, "123")
	tracking.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if hasLabel(c, "수거 송장번호") {
		t.Error("Esc in the tracking number did not close the form")
	}
	if got, _ := sh.desk.Returns.Get(ctx, no); got.State != returns.StateApproved {
		t.Errorf("Esc applied the move: %s", got.State)
	}
}
