package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/views/widgets"
)

// manualOrders stores a product and n paid manual orders of it.
func manualOrders(t *testing.T, sh *shell, n int) {
	t.Helper()
	ctx := context.Background()
	saved, err := sh.desk.Catalog.SaveProduct(ctx, catalog.Product{Code: "MUG", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 100}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if _, err := sh.desk.Orders.CreateManual(ctx, orders.ManualOrder{BuyerName: fmt.Sprintf("구매자%d", i), BuyerPhone: "010-1234-5678",
			PaymentMethod: "계좌이체", Paid: true, Address: "서울 1", Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: 1}}}); err != nil {
			t.Fatal(err)
		}
	}
}

// Ticking the first row shows the selection bar without moving the table: the bar's room is kept, so the
// next click lands on the row it aimed at (before, the table slid down a row and the click un-ticked it).
func TestTickingARowKeepsTheTableInPlace(t *testing.T) {
	t.Run("orders", func(t *testing.T) {
		sh, s := openOrders(t)
		manualOrders(t, sh, 3)
		s.refresh()
		sh.waitJobs()
		before := s.table.Position()
		s.table.Select(widget.TableCellID{Row: 0, Col: ocSelect})
		if !s.batch.Visible() || !hasLabel(sh.win.Canvas(), "1건 선택") {
			t.Fatal("no selection bar after ticking a row")
		}
		if after := s.table.Position(); after != before {
			t.Errorf("the table moved from %v to %v when the selection bar appeared", before, after)
		}
		s.table.Select(widget.TableCellID{Row: 1, Col: ocSelect})
		if len(s.selected) != 2 {
			t.Errorf("a second tick left %d rows selected, want 2", len(s.selected))
		}
	})
	t.Run("products", func(t *testing.T) {
		sh, s := openArea[*productsScreen](t, "상품")
		manualOrders(t, sh, 0)
		s.refresh()
		sh.waitJobs()
		before := s.table.Position()
		s.table.Select(widget.TableCellID{Row: 0, Col: colSelect})
		if !s.batch.Visible() {
			t.Fatal("no selection bar after ticking a row")
		}
		if after := s.table.Position(); after != before {
			t.Errorf("the table moved from %v to %v when the selection bar appeared", before, after)
		}
	})
}

// A batch move that moved every line says so in a toast; one that refused lines says why once per reason,
// with how many and which, instead of one sentence per order.
func TestBatchMoveFeedback(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	manualOrders(t, sh, 4)
	s.refresh()
	sh.waitJobs()
	for i := 0; i < 4; i++ {
		s.table.Select(widget.TableCellID{Row: i, Col: ocSelect})
	}
	test.Tap(button(t, c, "발주확인"))
	sh.waitJobs()
	if !hasLabel(c, "주문 4건을 발주확인 처리했습니다.") {
		t.Fatalf("no confirmation of the batch move: %v", visibleTexts(c))
	}
	// 배송완료 before 발송: all four refused for the same reason
	for i := 0; i < 4; i++ {
		s.table.Select(widget.TableCellID{Row: i, Col: ocSelect})
	}
	test.Tap(button(t, c, "배송완료"))
	sh.waitJobs()
	var msg string
	for _, txt := range visibleTexts(c) {
		if strings.Contains(txt, "처리하지 못한 주문") {
			msg = txt
		}
	}
	if msg == "" {
		t.Fatalf("no refusal message: %v", visibleTexts(c))
	}
	if got := strings.Count(msg, "•"); got != 1 || !strings.Contains(msg, "(4건: ") {
		t.Errorf("refusals not grouped by reason (%d reasons):\n%s", got, msg)
	}
}

// A long list of order numbers is cut to the first few and how many more.
func TestSomeNumbers(t *testing.T) {
	var nos []string
	for i := 1; i <= 99; i++ {
		nos = append(nos, fmt.Sprintf("2026112%04d", i))
	}
	got := someNumbers(nos)
	if !strings.HasSuffix(got, " 외 94건") || strings.Count(got, ",") != 4 {
		t.Errorf("someNumbers(99) = %q", got)
	}
	if got := someNumbers(nos[:2]); got != "20261120001, 20261120002" {
		t.Errorf("someNumbers(2) = %q", got)
	}
	rs := []refusal{{"A", "이유 1"}, {"B", "이유 2"}, {"C", "이유 1"}}
	if got, want := groupRefusals(rs), "• 이유 1 (2건: A, C)\n• 이유 2 (1건: B)"; got != want {
		t.Errorf("groupRefusals = %q, want %q", got, want)
	}
}

// A new product is shown after 저장 whatever filters were set, with a toast; its form keeps its fields in
// place while problems appear and go (each field keeps its message line).
func TestNewProductShownAndConfirmed(t *testing.T) {
	sh, s := openArea[*productsScreen](t, "상품")
	c := sh.win.Canvas()
	s.lowStock.SetChecked(true)
	test.Type(s.search, "다른 상품")
	sh.waitJobs()
	test.Tap(button(t, c, "새 상품"))
	sh.waitJobs()
	e := s.editor
	if e == nil {
		t.Fatal("새 상품 did not open the editor")
	}
	drv := fyneDriver()
	test.Type(e.name.Entry, "린넨 셔츠")
	test.Type(e.price.Entry, "29,800")
	before := drv.AbsolutePositionForObject(e.price.Entry)
	test.Tap(button(t, c, "저장")) // no code: refused at its field
	if e.code.Message.Text == "" {
		t.Fatal("the missing code was not flagged")
	}
	if after := drv.AbsolutePositionForObject(e.price.Entry); after != before {
		t.Errorf("the price field jumped from %v to %v when the code's message appeared", before, after)
	}
	test.Type(e.code.Entry, "LS-01")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if s.editor != nil {
		t.Fatalf("the editor is still open: %q", e.formError.Text)
	}
	if s.lowStock.Checked || s.search.Text != "LS-01" || !hasLabel(c, "상품 1개") {
		t.Errorf("the new product is hidden by the filters: 재고부족만 %v, search %q, %v", s.lowStock.Checked, s.search.Text, visibleTexts(c))
	}
	if !hasLabel(c, "새 상품 린넨 셔츠를 등록했습니다.") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
}

// A batch status change says what it did.
func TestProductBatchStatusConfirms(t *testing.T) {
	sh, s := openArea[*productsScreen](t, "상품")
	c := sh.win.Canvas()
	manualOrders(t, sh, 0)
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: colSelect})
	for _, o := range everything(c) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == "상태 변경…" {
			sel.SetSelected(statusLabel(catalog.StatusSuspended))
		}
	}
	sh.waitJobs()
	if !containsLabel(c, "상품 1개를 "+statusLabel(catalog.StatusSuspended)) {
		t.Errorf("no confirmation of the status change: %v", visibleTexts(c))
	}
}

func fyneDriver() fyne.Driver { return fyne.CurrentApp().Driver() }

// entryOf is the text entry o is, whether Fyne's own or widgets.Entry (which cancels its form on Esc).
func entryOf(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e, true
	case *widgets.Entry:
		return &e.Entry, true
	}
	return nil, false
}
