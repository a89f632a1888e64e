package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// setClaim writes a claim on an order line through a second connection to the desk's file, as an import of
// Smart Store's file would have left it.
func setClaim(t *testing.T, sh *shell, lineID int64, claim orders.Claim) {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(ctx, sh.desk.DataFile(), data.WithClock(sh.desk.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Write(ctx, func(tx *data.Tx) error {
		l, err := data.LineByID(ctx, tx, lineID)
		if err != nil {
			return err
		}
		l.Claim, l.ClaimReason = string(claim), "INTENT_CHANGED"
		return data.UpdateLineTx(ctx, tx, l)
	}); err != nil {
		t.Fatal(err)
	}
}

// A courier file never overwrites a 송장번호 the seller already entered unless asked to; the numbers it
// enters are kept without hyphens, and a search typed with the hyphens finds them.
func TestCourierFileAsksBeforeReplacingATrackingNumber(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	manualOrders(t, sh, 2) // 구매자0, 구매자1, both recipients with 010-1234-5678
	lines, _ := s.svc.Find(ctx, orders.Query{})
	byBuyer := map[string]orders.Line{}
	for _, l := range lines {
		byBuyer[l.BuyerName] = l
	}
	if _, err := s.svc.Apply(ctx, orders.ActionInvoice, []int64{byBuyer["구매자0"].ID}, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "111122223333"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cj.csv")
	csv := "받는분성명,받는분전화번호,운송장번호\n구매자0,010-1234-5678,6012-0000-0001\n구매자1,010-1234-5678,6012-0000-0002\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	s.readTrackingFile(path, "")
	sh.waitJobs()
	if !containsLabel(c, "1건은 이미 다른 송장번호가 입력되어 있습니다") {
		t.Fatalf("the preview does not say a number would be replaced: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "2건 입력"))
	sh.waitJobs()
	after, _ := s.svc.Find(ctx, orders.Query{})
	for _, l := range after {
		want := map[string]string{"구매자0": "111122223333", "구매자1": "601200000002"}[l.BuyerName]
		if l.TrackingNo != want {
			t.Errorf("%s: tracking %q, want %q", l.BuyerName, l.TrackingNo, want)
		}
	}
	// the seller searches with the hyphens as printed on the label
	test.Type(s.search, "6012-0000-0002")
	sh.waitJobs()
	if !hasLabel(c, "주문 1건") {
		t.Errorf("a tracking number typed with hyphens finds nothing: %v", visibleTexts(c))
	}
}

// A new manual order shows in the list although a filter that would hide it was set, and a toast says it
// was made.
func TestNewManualOrderIsNotHiddenByAFilter(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	manualOrders(t, sh, 0) // the product to order
	s.status.SetSelected("배송완료")
	sh.waitJobs()
	if !hasLabel(c, "주문 0건") {
		t.Fatalf("filter: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "수동 주문"))
	f := s.manual
	f.entries["buyerName"].SetText("박서준")
	f.entries["buyerPhone"].SetText("010-9876-5432")
	f.entries["address"].SetText("서울 2")
	test.Type(entryWithPlaceholder(t, c, "상품명 또는 상품코드로 찾기"), "머그")
	sh.waitJobs()
	f.pick.SetSelectedIndex(0)
	test.Tap(button(t, c, "추가"))
	test.Tap(button(t, c, "주문 등록"))
	sh.waitJobs()
	if s.status.SelectedIndex() != 0 || !hasLabel(c, "주문 1건") || !hasLabel(c, "박서준") {
		t.Fatalf("the new order is hidden: status %q, %v", s.status.Selected, visibleTexts(c))
	}
	if !containsLabel(c, "등록했습니다.") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
}

// A cancel request shows in the list (its own filter, the state beside the status) and in the detail, with
// why the line is kept out of the courier file and the 일괄발송 file; the 일괄발송 message says why per reason.
func TestCancelRequestShownAndExplained(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	manualOrders(t, sh, 3)
	lines, _ := s.svc.Find(ctx, orders.Query{})
	setClaim(t, sh, lines[0].ID, orders.ClaimOf(orders.ClaimCancel, orders.StageRequest))
	for _, l := range lines[1:] {
		if _, err := s.svc.Apply(ctx, orders.ActionInvoice, []int64{l.ID}, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "1234567890" + l.BuyerName[len(l.BuyerName)-1:]}); err != nil {
			t.Fatal(err)
		}
	}
	s.status.SetSelected("취소요청")
	sh.waitJobs()
	if !hasLabel(c, "주문 1건") || !containsLabel(c, "취소요청") {
		t.Fatalf("the 취소요청 filter: %v", visibleTexts(c))
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs()
	if !containsLabel(c, "클레임: 취소요청") || !containsLabel(c, "송장 파일과 일괄발송 파일에서 빠집니다") {
		t.Fatalf("the detail does not show the claim and what it means: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "주문 목록"))
	p, err := s.svc.DispatchPlan(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := leftOut(p)
	if !strings.Contains(msg, "취소요청이 들어온 주문이라 발송하지 않습니다 (1건: ") || len(p.Rows) != 2 {
		t.Errorf("dispatch: %d rows, left out:\n%s", len(p.Rows), msg)
	}
}

// A dropship purchase order for an order without the recipient's address is not made: the seller is told
// why instead.
func TestDropshipWithoutAddressRefused(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	sup, err := sh.desk.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "이천 도자기"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := sh.desk.Catalog.SaveProduct(ctx, catalog.Product{Code: "MUG", Name: "머그컵", Price: 9000, Cost: 3000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, SupplierID: sup.ID, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678", PaymentMethod: "현금",
		Paid: true, Lines: []orders.ManualLine{{OptionID: p.Options[0].ID, Qty: 1}}}); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocSelect})
	test.Tap(button(t, c, "발주서 만들기"))
	for _, o := range everything(c) {
		if ch, ok := o.(*widget.Check); ok && strings.Contains(ch.Text, "직배송") {
			ch.SetChecked(true)
		}
	}
	test.Tap(button(t, c, "다음"))
	sh.waitJobs()
	if !containsLabel(c, "주소가 없는 주문이라 직배송할 수 없습니다") {
		t.Fatalf("no reason given: %v", visibleTexts(c))
	}
	if pos, _ := sh.desk.POs.List(ctx, ""); len(pos) != 0 {
		t.Errorf("%d purchase orders made", len(pos))
	}
}

// The custom period's days are typed or picked in the Korean calendar, which opens on the desk's month.
func TestOrderPeriodDaysFromTheCalendar(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	manualOrders(t, sh, 1) // ordered on the desk's day, 2026-11-24
	s.period.SetSelected("직접 입력")
	s.fromDay.ShowCalendar()
	if got := s.fromDay.CalendarTitle(); got != "2026년 11월" {
		t.Fatalf("the calendar opens on %q", got)
	}
	test.Tap(s.fromDay.DayButton(25))
	if s.from.Text != "2026-11-25" {
		t.Fatalf("picking the 25th wrote %q", s.from.Text)
	}
	sh.waitJobs()
	if !hasLabel(c, "주문 0건") {
		t.Errorf("from the 25th: %v", visibleTexts(c))
	}
	s.from.SetText("20261124")
	sh.waitJobs()
	if !hasLabel(c, "주문 1건") {
		t.Errorf("from 20261124: %v", visibleTexts(c))
	}
}

// 송장 입력 keeps its dialog with the reason at the field when the number is missing, and stores a number
// typed with hyphens without them.
func TestInvoiceFormKeepsItsInput(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	manualOrders(t, sh, 1)
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocSelect})
	test.Tap(button(t, c, "송장 입력"))
	test.Tap(button(t, c, "저장"))
	if !hasLabel(c, "송장번호를 입력하세요.") {
		t.Fatalf("an empty number: no message at the field: %v", visibleTexts(c))
	}
	test.Type(entryWithPlaceholder(t, c, "예: 6012"), "6012-3456-7890")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	lines, _ := s.svc.Find(context.Background(), orders.Query{})
	if lines[0].TrackingNo != "601234567890" {
		t.Errorf("stored tracking %q", lines[0].TrackingNo)
	}
	if !hasLabel(c, "주문 1건을 송장 입력 처리했습니다.") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
}
