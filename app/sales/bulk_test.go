package sales

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// The order import writes its lines in the sales bulk mode of migration 0014: the figures of the orders it
// touches are taken out once and put back once at the end. These tests prove it takes that path and that
// the figures stay equal to a recomputation whatever the file does to orders the store already has.

// TestImportRunsInBulkMode: every line an import writes is written while bulk mode is on, and bulk mode is
// off with nothing left noted when the import returns.
func TestImportRunsInBulkMode(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"))
	ctx := context.Background()
	errSeen := errors.New("seen")
	var lines, inBulk, on, pending int64
	err := d.store.Write(ctx, func(tx *data.Tx) error {
		for _, q := range []string{`CREATE TEMP TABLE bulk_seen (on_ INTEGER NOT NULL)`,
			`CREATE TEMP TRIGGER bulk_seen_line AFTER INSERT ON main.order_lines BEGIN
				INSERT INTO bulk_seen SELECT count(*) FROM sales_bulk; END`,
			`CREATE TEMP TRIGGER bulk_seen_update AFTER UPDATE ON main.order_lines BEGIN
				INSERT INTO bulk_seen SELECT count(*) FROM sales_bulk; END`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		file := exportFile(t, paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00").with("주문상태", "배송중",
			"택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-21 09:00:00"),
			paid("P2", "O1", "김민지", "코튼 양말", 2, 18000, "2026-11-20 10:00:00"),
			paid("P3", "O2", "이준", "코튼 양말", 1, 9000, "2026-11-21 10:00:00"))
		if _, err := d.orders.ImportFileTx(ctx, tx, file, "주문.xlsx", "", nil); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(on_), 0) FROM bulk_seen`).Scan(&lines, &inBulk); err != nil {
			return err
		}
		var err error
		on, pending, err = salesBulkState(ctx, tx)
		if err != nil {
			return err
		}
		return errSeen // roll back: the temporary trigger and table go with it
	})
	if !errors.Is(err, errSeen) {
		t.Fatal(err)
	}
	if lines < 3 || inBulk != lines {
		t.Errorf("%d of %d line writes in bulk mode, want all (at least 3)", inBulk, lines)
	}
	if on != 0 || pending != 0 {
		t.Errorf("after the import: bulk mode %d, %d orders noted; want 0, 0", on, pending)
	}
	d.checked()
}

func salesBulkState(ctx context.Context, tx *data.Tx) (on, pending int64, err error) {
	err = tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sales_bulk), (SELECT count(*) FROM sales_bulk_orders)`).Scan(&on, &pending)
	return on, pending, err
}

// TestImportIntoKnownOrders: a file that moves, re-prices, re-dates and re-addresses lines of orders the
// store already has (imported, moved here, refunded here, a manual order next to them) and adds new lines to
// them leaves every aggregate equal to the recomputation, and the figures equal to a count of the lines.
func TestImportIntoKnownOrders(t *testing.T) {
	d := newDesk(t, now)
	ctx := context.Background()
	opt := d.option("머그컵", 12000, 4000)
	first := []row{
		paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"),
		paid("P2", "O1", "김민지", "코튼 양말", 2, 18000, "2026-11-20 10:00:00"),
		paid("P3", "O2", "이준", "울 가디건", 1, 59000, "2026-11-21 22:30:00"),
		paid("P4", "O3", "박서연", "코튼 양말", 3, 27000, "2026-11-22 08:00:00"),
		paid("P5", "O3", "박서연", "린넨 셔츠", 1, 30000, "2026-11-22 08:00:00").with("주문상태", "배송완료",
			"택배사", "CJ대한통운", "송장번호", "612345678902", "발송일", "2026-11-22 18:00:00"),
		paid("P6", "O4", "최가게", "울 가디건", 1, 59000, "2026-11-23 13:00:00").with("주문상태", "결제대기", "결제일", ""),
	}
	d.importRows(first...)
	d.move("P4", orders.StatusDelivering)
	d.refund("P5")
	if _, err := d.orders.CreateManual(ctx, orders.ManualOrder{BuyerName: "정하늘", BuyerPhone: "010-1111-2222",
		PaymentMethod: "현금", Channel: "매장 판매", Paid: true, Lines: []orders.ManualLine{{OptionID: opt, Qty: 2}}}); err != nil {
		t.Fatal(err)
	}
	d.checked()

	shipped := []string{"택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-24 09:00:00"}
	second := []row{
		// O1: one line moves on, the order's payment method and address change, a new line joins it
		first[0].with(append([]string{"주문상태", "배송중", "결제수단", "계좌이체", "통합배송지", "부산광역시 해운대구 1"}, shipped...)...),
		first[1].with("결제수단", "계좌이체", "통합배송지", "부산광역시 해운대구 1"),
		paid("P7", "O1", "김민지", "울 가디건", 1, 59000, "2026-11-20 10:00:00").with("결제수단", "계좌이체", "통합배송지", "부산광역시 해운대구 1"),
		// O2: cancelled, and its shipping fee gone
		first[2].with("주문상태", "취소완료", "배송비 합계", "0"),
		// O3: a new line on an order with a line moved and a line refunded here; the payment day moves
		paid("P8", "O3", "박서연", "코튼 양말", 1, 9000, "2026-11-25 08:00:00"),
		// O4: paid now, on another day, with a second line
		first[5].with("주문상태", "결제완료", "결제일", "2026-11-26 09:15:00"),
		paid("P9", "O4", "최가게", "린넨 셔츠", 2, 60000, "2026-11-26 09:15:00"),
		// and a new order
		paid("P10", "O5", "김민지", "린넨 셔츠", 1, 30000, "2026-11-27 10:00:00"),
	}
	res := d.importRows(second...)
	if res.New != 4 || res.Updated < 4 {
		t.Errorf("second import: %d new, %d updated; want 4 new, at least 4 updated", res.New, res.Updated)
	}
	d.checked()
	d.sameAsLines(1)
	// and the same file again changes nothing
	before := salesTables(t, d)
	d.importRows(second...)
	if after := salesTables(t, d); after != before {
		t.Errorf("importing the same file again changed the aggregates:\n%s\n---\n%s", before, after)
	}
	d.checked()
}

// TestCancelledImportLeavesFigures: an import cancelled in the middle of its file, over orders the store
// already has, leaves every aggregate as it was and bulk mode off.
func TestCancelledImportLeavesFigures(t *testing.T) {
	d := newDesk(t, now)
	var rows []row
	for i := 1; i <= 300; i++ {
		rows = append(rows, paid(fmt.Sprintf("P%d", i), fmt.Sprintf("O%d", (i+1)/2), "김민지", "린넨 셔츠", 1, 30000,
			fmt.Sprintf("2026-11-%02d 10:00:00", 1+i%25)))
	}
	d.importRows(rows...)
	before := salesTables(t, d)
	var big []row
	for i := 1; i <= 6000; i++ {
		// the known lines move on and change amount; then many new lines of the known and new orders
		x := paid(fmt.Sprintf("P%d", i), fmt.Sprintf("O%d", (i+1)/2), "김민지", "린넨 셔츠", 2, 50000,
			fmt.Sprintf("2026-11-%02d 10:00:00", 1+i%25))
		if i <= 300 {
			x = x.with("주문상태", "배송중", "택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-27 09:00:00")
		}
		big = append(big, x)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelled := false
	_, err := d.orders.ImportFile(ctx, exportFile(t, big...), "큰 주문.xlsx", "", func(f float64) {
		if f > 0.5 && !cancelled {
			cancelled = true
			cancel()
		}
	})
	if !cancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("import: cancelled %t, error %v; want a cancelled import", cancelled, err)
	}
	if after := salesTables(t, d); after != before {
		t.Errorf("a cancelled import changed the aggregates:\n%s\n---\n%s", before, after)
	}
	on, pending, err := data.SalesBulkPending(context.Background(), d.store.Read())
	if err != nil || on || pending != 0 {
		t.Errorf("after a cancelled import: bulk mode %t, %d orders noted, %v", on, pending, err)
	}
	d.checked()
}

// exportFile writes rows as a Smart Store export.
func exportFile(t testing.TB, rows ...row) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	header := make([]any, len(exportHeader))
	for i, h := range exportHeader {
		header[i] = h
	}
	if err := sw.SetRow("A1", header); err != nil {
		t.Fatal(err)
	}
	for n, r := range rows {
		vals := make([]any, len(exportHeader))
		for i, h := range exportHeader {
			vals[i] = r[h]
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// salesTables is every aggregate row with something in it, as text.
func salesTables(t testing.TB, d *desk) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT day, payment, source, channel, orders, lines, qty, gross, shipping FROM sales_day
			WHERE orders <> 0 OR lines <> 0 OR qty <> 0 OR gross <> 0 OR shipping <> 0 ORDER BY 1, 2, 3, 4`,
		`SELECT day, region, hour, orders, gross FROM sales_day_place WHERE orders <> 0 OR gross <> 0 ORDER BY 1, 2, 3`,
		`SELECT day, buyer, orders, gross FROM sales_day_buyer WHERE orders <> 0 OR gross <> 0 ORDER BY 1, 2`,
		`SELECT day, ref, option, lines, qty, gross FROM sales_day_item WHERE lines <> 0 OR qty <> 0 OR gross <> 0 ORDER BY 1, 2, 3`,
		`SELECT month, ref, option, lines, qty, gross FROM sales_month_item WHERE lines <> 0 OR qty <> 0 OR gross <> 0 ORDER BY 1, 2, 3`,
		`SELECT return_id, day, amount FROM sales_refunds ORDER BY 1`,
		`SELECT line_id, day FROM sales_claims ORDER BY 1`,
	} {
		rows, err := d.store.Read().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}
