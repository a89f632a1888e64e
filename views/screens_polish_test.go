package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
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
