package orders

import (
	"context"
	"fmt"
	"testing"

	"sellerdesk/data"
)

// TestImportLineNumberUnderAnotherOrder: a line of an order the import has just created is inserted without
// looking its 상품주문번호 up first. Should the number be stored already under another order, the row is
// done again the way a known line is, as before: the line is updated where it is (an import never moves a
// line to another order), nothing is inserted twice, its stock is not taken twice, and the sales figures
// equal a recomputation.
func TestImportLineNumberUnderAnotherOrder(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	first := paidLine("2026112210000001", "2026112299990001", "김민지", "머그컵 화이트", "", "", "MUG-01", 1)
	if res := d.importBytes(t, xlsxExport(t, exportHeader, []line{first}, ""), "1.xlsx", ""); res.New != 1 {
		t.Fatalf("first import = %+v, want 1 new", res)
	}
	moved := first.with("주문번호", "2026112299990777")
	res := d.importBytes(t, xlsxExport(t, exportHeader, []line{moved}, ""), "2.xlsx", "")
	if res.New != 0 || res.Updated != 1 || res.Failed != 0 {
		t.Fatalf("second import = %+v, want the known line updated", res)
	}
	l, err := data.LineByNo(ctx, d.store.Read(), "2026112210000001")
	if err != nil {
		t.Fatal(err)
	}
	o, err := data.OrderByNo(ctx, d.store.Read(), "2026112299990001")
	if err != nil {
		t.Fatal(err)
	}
	if l.OrderID != o.ID {
		t.Errorf("line's order = %d, want still %d", l.OrderID, o.ID)
	}
	var lines int
	d.store.Read().QueryRow(`SELECT count(*) FROM order_lines`).Scan(&lines)
	if lines != 1 {
		t.Errorf("order lines = %d, want 1", lines)
	}
	if n := d.movements(t, "2026112210000001"); n != 1 {
		t.Errorf("stock movements of the line = %d, want 1", n)
	}
	if got := d.mugStock(t); got != 2 {
		t.Errorf("mug stock = %d, want 3 − 1", got)
	}
	bad, err := data.SalesMismatches(ctx, d.store.Read(), 10, "RETURNED")
	if err != nil || len(bad) > 0 {
		t.Errorf("sales figures differ from a recomputation: %v %v", bad, err)
	}
}

func mugOption(t *testing.T, d desk) int64 {
	t.Helper()
	var id int64
	if err := d.store.Read().QueryRow(`SELECT o.id FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE p.code = 'MUG-01'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestImportPutsTheSalesTriggersBack: the insert triggers an import drops for its bulk mode are back,
// with the same text, when it commits, and bulk mode is off.
func TestImportPutsTheSalesTriggersBack(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	triggers := func() map[string]string {
		rows, err := d.store.Read().Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var name, sql string
			rows.Scan(&name, &sql)
			out[name] = sql
		}
		return out
	}
	before := triggers()
	for _, name := range []string{"sales_line_insert_before", "sales_line_insert_after", "sales_bulk_line_insert", "sales_bulk_line_insert_new"} {
		if before[name] == "" {
			t.Fatalf("trigger %s missing before the import", name)
		}
	}
	d.importBytes(t, xlsxExport(t, exportHeader, threeLines(), ""), "1.xlsx", "")
	after := triggers()
	if len(after) != len(before) {
		t.Errorf("%d triggers after the import, want %d", len(after), len(before))
	}
	for name, sql := range before {
		if after[name] != sql {
			t.Errorf("trigger %s after the import:\n%s\nwant\n%s", name, after[name], sql)
		}
	}
	on, pending, err := data.SalesBulkPending(ctx, d.store.Read())
	if err != nil || on || pending != 0 {
		t.Errorf("bulk mode after the import: on %t, %d orders pending, %v", on, pending, err)
	}
	// a line written after the import, outside bulk mode, is counted by the triggers at once
	if _, err := d.orders.CreateManual(ctx, ManualOrder{BuyerName: "손님", BuyerPhone: "010-1111-2222",
		Address: "서울 마포구 1", PaymentMethod: "현금", Paid: true, Lines: []ManualLine{{OptionID: mugOption(t, d), Qty: 1}}}); err != nil {
		t.Fatal(err)
	}
	bad, err := data.SalesMismatches(ctx, d.store.Read(), 10, "RETURNED")
	if err != nil || len(bad) > 0 {
		t.Errorf("sales figures differ from a recomputation: %v %v", bad, err)
	}
}

// TestImportOrderNumbersAboveTheStoredOnes: an order whose number sorts above every number the store had is
// inserted without being looked up; one below it, known or not, is looked up as before. A manual order's
// M-… number does not stop either.
func TestImportOrderNumbersAboveTheStoredOnes(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	if _, err := d.orders.CreateManual(ctx, ManualOrder{BuyerName: "손님", BuyerPhone: "010-1111-2222",
		Address: "서울 마포구 1", PaymentMethod: "현금", Paid: true, Lines: []ManualLine{{OptionID: mugOption(t, d), Qty: 1}}}); err != nil {
		t.Fatal(err)
	}
	known := paidLine("2026112210000005", "2026112299990005", "김민지", "머그컵 화이트", "", "", "MUG-01", 1)
	d.importBytes(t, xlsxExport(t, exportHeader, []line{known}, ""), "1.xlsx", "")
	below := paidLine("2026112210000003", "2026112299990003", "박서준", "단종된 에코백", "", "", "BAG-OLD", 1)
	again := known.with("수취인명", "김민수")
	above := paidLine("2026112210000009", "2026112299990009", "이하늘", "단종된 에코백", "", "", "BAG-OLD", 2)
	res := d.importBytes(t, xlsxExport(t, exportHeader, []line{below, again, above}, ""), "2.xlsx", "")
	if res.New != 2 || res.Updated != 1 || res.Failed != 0 {
		t.Fatalf("import = %+v, want 2 new and the known line updated", res)
	}
	for no, lines := range map[string]int{"2026112299990003": 1, "2026112299990005": 1, "2026112299990009": 1} {
		o, err := data.OrderByNo(ctx, d.store.Read(), no)
		if err != nil {
			t.Fatalf("order %s: %v", no, err)
		}
		ls, err := data.LinesOfOrder(ctx, d.store.Read(), o.ID)
		if err != nil || len(ls) != lines {
			t.Errorf("order %s has %d lines, %v; want %d", no, len(ls), err, lines)
		}
		if no == "2026112299990005" && o.RecipientName != "김민수" {
			t.Errorf("known order's recipient = %s, want the file's 김민수", o.RecipientName)
		}
	}
	bad, err := data.SalesMismatches(ctx, d.store.Read(), 10, "RETURNED")
	if err != nil || len(bad) > 0 {
		t.Errorf("sales figures differ from a recomputation: %v %v", bad, err)
	}
}

// TestImportPutsSalesBackOnTheWay: an import puts the sales figures of the orders it noted back every
// salesPutBackOrders orders, not only at the end. Whether that happens after every order, every second
// one or never before the end, the figures equal a recomputation after each import and are the same — with
// an order whose lines are apart in the file, a known order that gets a new line, lines cancelled and
// delivered by a later file.
func TestImportPutsSalesBackOnTheWay(t *testing.T) {
	ctx := context.Background()
	a1 := paidLine("2026112210000001", "2026112299990001", "김민지", "머그컵 화이트", "", "", "MUG-01", 1)
	a2 := paidLine("2026112210000002", "2026112299990001", "김민지", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙-M", "TEE-01", 2)
	b1 := paidLine("2026112210000003", "2026112299990002", "박서준", "단종된 에코백", "", "", "BAG-OLD", 1).with("결제일", "2026-11-23 09:00:00")
	a3 := paidLine("2026112210000004", "2026112299990001", "김민지", "단종된 에코백", "", "", "BAG-OLD", 3)
	first := []line{a1, a2, b1, a3}
	second := []line{
		a1.with("주문상태", "취소완료", "주문세부상태", ""),
		b1.with("주문상태", "배송완료", "주문세부상태", "", "택배사", "CJ대한통운", "송장번호", "012345678901", "발송일", "2026.11.23"),
		paidLine("2026112210000005", "2026112299990002", "박서준", "머그컵 화이트", "", "", "MUG-01", 1).with("결제일", "2026-11-23 09:00:00"),
		paidLine("2026112210000006", "2026112299990003", "이하늘", "단종된 에코백", "", "", "BAG-OLD", 1).with("결제일", "2026-11-24 11:00:00"),
		a3.with("수량", "1", "최종 상품별 총 주문금액", "19800"),
	}
	keep := salesPutBackOrders
	t.Cleanup(func() { salesPutBackOrders = keep })
	var want string
	for _, every := range []int{1, 2, 4000} {
		salesPutBackOrders = every
		d := openDesk(t)
		for i, file := range [][]line{first, second} {
			d.importBytes(t, xlsxExport(t, exportHeader, file, ""), "주문.xlsx", "")
			bad, err := data.SalesMismatches(ctx, d.store.Read(), 10, "RETURNED")
			if err != nil || len(bad) > 0 {
				t.Fatalf("every %d, file %d: sales figures differ from a recomputation: %v %v", every, i+1, bad, err)
			}
		}
		days, err := data.SalesDays(ctx, d.store.Read(), data.SalesRange{From: "2026-11-01", To: "2026-11-30"})
		if err != nil || len(days) == 0 {
			t.Fatalf("sales days %v %v", days, err)
		}
		got := fmt.Sprint(days)
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("every %d: sales days\n%s\nwant (every 1)\n%s", every, got, want)
		}
	}
}
