package views

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
)

func TestCreateReturnRequestAndWorkIt(t *testing.T) {
	sh, s := openArea[*ordersScreen](t, "주문")
	c := sh.win.Canvas()
	ctx := context.Background()
	p := catalog.Product{Code: "MUG", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	saved, err := sh.desk.Catalog.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678", PaymentMethod: "계좌이체",
		Paid: true, Address: "서울 1", ShippingFee: 3000, Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: 2}}}); err != nil {
		t.Fatal(err)
	}
	lines, _ := s.svc.Find(ctx, orders.Query{})
	id := []int64{lines[0].ID}
	s.svc.Apply(ctx, orders.ActionConfirm, id, orders.ActionInput{})
	s.svc.Apply(ctx, orders.ActionInvoice, id, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "1"})
	s.svc.Apply(ctx, orders.ActionShip, id, orders.ActionInput{})
	s.svc.Apply(ctx, orders.ActionDeliver, id, orders.ActionInput{})
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs() // the order opens once it is read
	test.Tap(button(t, c, "반품·교환 접수…"))
	sh.waitJobs() // the dialog opens once the policy and the lines' options are read
	if !containsLabel(c, "반품 기간: 단순 변심 7일") {
		t.Fatalf("the policy's key terms are not shown: %v", visibleTexts(c))
	}
	for _, o := range everything(c) {
		switch w := o.(type) {
		case *widget.Select:
			if len(w.Options) == len(returns.Reasons) {
				w.SetSelected("파손")
			}
		default:
			if e, ok := entryOf(o); ok && e.Text == "0" {
				e.SetText("1")
			}
		}
	}
	test.Tap(button(t, c, "접수"))
	if rows, _ := sh.desk.Returns.List(ctx, returns.Filter{}); len(rows) != 0 {
		t.Fatal("the request was stored on the UI goroutine, before the queued write ran")
	}
	sh.waitJobs()
	if !containsLabel(c, "RT-") {
		t.Fatalf("no confirmation: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "확인"))

	tapText(t, c, "반품·교환")
	rs, ok := sh.screens[sh.current].(*returnsScreen)
	if !ok {
		t.Fatalf("opened %T", sh.screens[sh.current])
	}
	sh.waitJobs()
	if !hasLabel(c, "반품·교환 1건") || !hasLabel(c, "파손") {
		t.Fatalf("list: %v", visibleTexts(c))
	}
	first, _ := rs.src.Row(0)
	number := first.Number
	// the scan box opens a request by its number and Enter
	test.Type(rs.scan, strings.ToLower(number))
	rs.scan.OnSubmitted(rs.scan.Text)
	sh.waitJobs() // the request opens once it is read
	if rs.detail == nil || !containsLabel(c, number) {
		t.Fatalf("scan did not open %s: %v", number, visibleTexts(c))
	}
	test.Tap(button(t, c, "승인"))
	sh.waitJobs()
	if !hasLabel(c, "승인") {
		t.Errorf("after 승인: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "입고"))
	sh.waitJobs()
	test.Tap(button(t, c, "양호"))
	sh.waitJobs()
	if !hasLabel(c, "양호 · 재고 입고") {
		t.Errorf("inspection: %v", visibleTexts(c))
	}
	got, _ := sh.desk.Catalog.ProductByCode(ctx, "MUG")
	if got.Options[0].Stock != 4 {
		t.Errorf("stock = %d, want 5 − 2 + 1", got.Options[0].Stock)
	}
}

func TestReturnPolicyAndAnalysisOpen(t *testing.T) {
	sh, _ := openArea[*returnsScreen](t, "반품·교환")
	c := sh.win.Canvas()
	sh.waitJobs()
	test.Tap(button(t, c, "반품 정책"))
	sh.waitJobs()            // the editor opens once the policy and categories are read
	button(t, c, "저장하고 PDF") // fails the test when the editor did not open

	test.Tap(button(t, c, "닫기"))
	test.Tap(button(t, c, "반품 분석"))
	sh.waitJobs()
	if !hasLabel(c, "반품 분석") || hasLabel(c, "불러오는 중…") {
		t.Errorf("analysis of an empty book: %v", visibleTexts(c))
	}
}

// The list marks a return overdue when the service says so: 3 business days after 입고, weekends not
// counted, not 3 calendar days since the request. Goods received on Friday 2026-11-20 are due on Wednesday
// the 25th, so on Tuesday the 24th the request is 6 calendar days old (4 since 입고) and still in time.
func TestReturnOverdueFollowsBusinessDays(t *testing.T) {
	clk := clock.At(time.Date(2026, 11, 16, 10, 0, 0, 0, time.Local)) // a Monday
	sh, w := openShellAt(t, clk)
	w.Resize(fyne.NewSize(1600, 900)) // wide enough for the list's 경과일 column
	c := w.Canvas()
	ctx := context.Background()
	p := catalog.Product{Code: "MUG", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	saved, err := sh.desk.Catalog.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	osvc := sh.desk.Orders
	if _, err := osvc.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678", PaymentMethod: "계좌이체",
		Paid: true, Address: "서울 1", Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: 1}}}); err != nil {
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
	clk.Set(time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)) // Wednesday: the request
	no, err := sh.desk.Returns.Create(ctx, returns.Request{OrderID: lines[0].OrderID, Kind: returns.KindReturn, Reason: "BROKEN",
		Method: "PICKUP", Lines: []returns.RequestLine{{OrderLineID: lines[0].ID, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveApprove, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}
	clk.Set(time.Date(2026, 11, 20, 15, 0, 0, 0, time.Local)) // Friday: the goods are back
	if _, err := sh.desk.Returns.Apply(ctx, no, returns.MoveReceive, returns.MoveInput{}); err != nil {
		t.Fatal(err)
	}

	daysCell := func(text string) *widget.Label {
		t.Helper()
		for _, o := range everything(c) {
			if l, ok := o.(*widget.Label); ok && l.Text == text {
				return l
			}
		}
		t.Fatalf("no cell %q: %v", text, visibleTexts(c))
		return nil
	}
	clk.Set(time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)) // Tuesday, 2 business days after 입고
	tapText(t, c, "반품·교환")
	sh.waitJobs()
	rs := sh.screens[sh.current].(*returnsScreen)
	if l := daysCell("6일"); l.Importance == widget.DangerImportance {
		t.Errorf("6 calendar days open but due tomorrow: marked overdue")
	}
	rs.openDetail(no)
	sh.waitJobs()
	if !hasLabel(c, "환불 기한 2026년 11월 25일 수요일") {
		t.Errorf("the detail does not say the refund day: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "반품 목록"))

	clk.Set(time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local)) // Thursday: the day after the refund day
	rs.refresh()
	sh.waitJobs()
	if l := daysCell("8일"); l.Importance != widget.DangerImportance {
		t.Errorf("past the refund day: not marked overdue (importance %v)", l.Importance)
	}
	rs.openDetail(no)
	sh.waitJobs()
	if !hasLabel(c, "환불 기한 2026년 11월 25일 수요일 · 기한 지남") {
		t.Errorf("the detail does not say the refund is overdue: %v", visibleTexts(c))
	}
}
