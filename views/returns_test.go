package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
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
		case *widget.Entry:
			if w.Text == "0" {
				w.SetText("1")
			}
		}
	}
	test.Tap(button(t, c, "접수"))
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
	if rs.detail == nil || !containsLabel(c, number) {
		t.Fatalf("scan did not open %s: %v", number, visibleTexts(c))
	}
	test.Tap(button(t, c, "승인"))
	if !hasLabel(c, "승인") {
		t.Errorf("after 승인: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "입고"))
	test.Tap(button(t, c, "양호"))
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
	if !hasLabel(c, "이 기간에 반품·교환이 없습니다.") || hasLabel(c, "불러오는 중…") {
		t.Errorf("analysis of an empty book: %v", visibleTexts(c))
	}
}
