package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

// claimRow is one line of an order download: its 상품주문번호 and 주문상태.
type claimRow struct{ no, status string }

// claimsCSV is a Smart Store order download (CSV, UTF-8) of one-piece lines of the FLOW-TEE, each its own
// order, ordered two days before the desk's day.
func claimsCSV(rows ...claimRow) string {
	header := []string{"상품주문번호", "주문번호", "판매채널", "구매자명", "수취인명", "주문상태", "주문세부상태", "상품명",
		"옵션관리코드", "수량", "상품가격", "최종 상품별 총 주문금액", "판매자 상품코드", "수취인연락처1", "결제수단", "주문일시"}
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\r\n")
	for _, r := range rows {
		b.WriteString(strings.Join([]string{r.no, "O" + r.no, "스마트스토어", "가져오기손님", "가져오기손님", r.status, "",
			"가져오기 티셔츠", "FLOW-TEE-1", "1", "19800", "19800", "FLOW-TEE", "010-1234-5678", "신용카드",
			"2026-11-22 14:05:31"}, ",") + "\r\n")
	}
	return b.String()
}

// importDesk is a desk on 2026-11-24 with one product (FLOW-TEE, 100 in stock).
func importDesk(t *testing.T) *app.Desk {
	t.Helper()
	ctx := context.Background()
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "data", app.DBFileName),
		app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1},
		app.WithClock(clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Catalog.SaveProduct(ctx, catalog.Product{Code: "FLOW-TEE", Name: "가져오기 티셔츠", Price: 19800,
		Status: catalog.StatusSale, TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone,
		Options: []catalog.Option{{Usable: true, Stock: 100, Code: "FLOW-TEE-1"}}}, "test"); err != nil {
		t.Fatal(err)
	}
	return d
}

func count(t *testing.T, d *app.Desk, query string, args ...any) int {
	t.Helper()
	var n int
	if err := app.StoreDB(d).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportOrdersOpensAndMovesReturns(t *testing.T) {
	ctx := context.Background()
	d := importDesk(t)
	first := claimsCSV(claimRow{"1001", "결제완료"}, claimRow{"1002", "배송완료"}, claimRow{"1003", "반품완료"},
		claimRow{"1004", "교환완료"})
	var seen []float64
	res, err := d.ImportOrders(ctx, strings.NewReader(first), "주문.csv", "", func(f float64) { seen = append(seen, f) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Orders.New != 4 || res.Orders.Failed != 0 || res.ReturnsOpened != 2 || res.ReturnsMoved != 0 {
		t.Errorf("first import = %+v, want 4 new lines and 2 requests opened", res)
	}
	for i := range seen {
		if i > 0 && seen[i] < seen[i-1] || seen[i] < 0 || seen[i] > 1 {
			t.Fatalf("progress went %v", seen)
		}
	}
	if len(seen) == 0 || seen[len(seen)-1] != 1 {
		t.Errorf("progress %v, want it to end at 1", seen)
	}
	if n := count(t, d, `SELECT count(*) FROM returns WHERE state = 'RECEIVED'`); n != 2 {
		t.Errorf("%d requests waiting for inspection, want 2", n)
	}
	if n := count(t, d, `SELECT count(*) FROM returns r JOIN return_lines rl ON rl.return_id = r.id
		JOIN order_lines l ON l.id = rl.order_line_id WHERE l.product_order_no = '1004' AND r.kind = 'EXCHANGE'`); n != 1 {
		t.Errorf("교환완료 line has %d exchange requests, want 1", n)
	}

	// the seller opens a request on the delivered line; the next download says Smart Store finished it
	line, err := data.LineByNo(ctx, app.StoreDB(d), "1002")
	if err != nil {
		t.Fatal(err)
	}
	no, err := d.Returns.Create(ctx, returns.Request{OrderID: line.OrderID, Kind: returns.KindReturn, Reason: "BROKEN",
		Method: "PICKUP", Lines: []returns.RequestLine{{OrderLineID: line.ID, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	second := claimsCSV(claimRow{"1001", "결제완료"}, claimRow{"1002", "반품완료"}, claimRow{"1003", "반품완료"},
		claimRow{"1004", "교환완료"})
	res, err = d.ImportOrders(ctx, strings.NewReader(second), "주문2.csv", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Orders.New != 0 || res.Orders.Updated != 1 || res.Orders.Unchanged != 3 || res.ReturnsOpened != 0 || res.ReturnsMoved != 1 {
		t.Errorf("second import = %+v, want 1 line updated and its request moved", res)
	}
	if r, err := d.Returns.Get(ctx, no); err != nil || r.State != returns.StateReceived {
		t.Errorf("request %s: %s %v, want 입고", no, r.State, err)
	}
	// the same file again does nothing more
	res, err = d.ImportOrders(ctx, strings.NewReader(second), "주문2.csv", "", nil)
	if err != nil || res.Orders.Unchanged != 4 || res.ReturnsOpened != 0 || res.ReturnsMoved != 0 {
		t.Errorf("same file again = %+v, %v", res, err)
	}
	if n := count(t, d, `SELECT count(*) FROM returns`); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

// TestImportOrdersCancelLeavesNothing cancels the import from its progress callback at three points:
// while the file is read and stored, between the orders and the returns, and after the returns were written
// but before the commit. Each time nothing stays: no order, no line, no request, no stock movement.
func TestImportOrdersCancelLeavesNothing(t *testing.T) {
	var rows []claimRow
	for i := 0; i < 4500; i++ { // the reader reports progress every 2,000 rows
		status := "결제완료"
		if i%10 == 0 {
			status = "반품완료"
		}
		rows = append(rows, claimRow{fmt.Sprint(500000 + i), status})
	}
	big := claimsCSV(rows...)
	small := claimsCSV(claimRow{"1001", "결제완료"}, claimRow{"1003", "반품완료"}, claimRow{"1004", "교환완료"})
	for _, c := range []struct {
		name string
		file string
		stop func(f float64) bool
	}{
		{"WhileReading", big, func(f float64) bool { return f > 0 && f < 0.9 }},
		{"BeforeReturns", small, func(f float64) bool { return f == 0.9 }},
		{"BeforeCommit", small, func(f float64) bool { return f >= 0.95 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := importDesk(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stopped := false
			_, err := d.ImportOrders(ctx, strings.NewReader(c.file), "주문.csv", "", func(f float64) {
				if !stopped && c.stop(f) {
					stopped = true
					cancel()
				}
			})
			if !stopped {
				t.Fatal("progress never reached the point to cancel at")
			}
			if !errors.Is(err, context.Canceled) || app.ErrorCode(err) == app.ErrInternal ||
				!strings.Contains(app.Message(err), "취소했습니다") {
				t.Fatalf("err = %v (%s), want a cancel that says so", err, app.ErrorCode(err))
			}
			for _, table := range []string{"orders", "order_lines", "returns", "return_lines", "order_status_history"} {
				if n := count(t, d, `SELECT count(*) FROM `+table); n != 0 {
					t.Errorf("%d rows in %s after a cancelled import", n, table)
				}
			}
			if n := count(t, d, `SELECT count(*) FROM stock_movements WHERE source_ref LIKE 'order:%'`); n != 0 {
				t.Errorf("%d sales in the stock ledger after a cancelled import", n)
			}
		})
	}
}

func TestImportOrderFile(t *testing.T) {
	ctx := context.Background()
	d := importDesk(t)
	path := filepath.Join(t.TempDir(), "주문.csv")
	if err := os.WriteFile(path, []byte(claimsCSV(claimRow{"1001", "결제완료"}, claimRow{"1003", "반품완료"})), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := d.ImportOrderFile(ctx, path, "", nil)
	if err != nil || res.Orders.File != "주문.csv" || res.Orders.New != 2 || res.ReturnsOpened != 1 {
		t.Errorf("import %s = %+v, %v", path, res, err)
	}
	missing := filepath.Join(t.TempDir(), "없음.csv")
	_, err = d.ImportOrderFile(ctx, missing, "", nil)
	if app.ErrorCode(err) != app.ErrInvalid || !strings.Contains(app.Message(err), missing) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v (%s)", err, app.ErrorCode(err))
	}
}
