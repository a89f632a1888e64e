package app_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

// TestFlowsOnAnyDay runs the seller's main flows — demo data, an order import, status moves, return
// windows, the return analysis, backups — with the desk's clock on days the suite will not run on: years
// ahead, a month's last half hour, and a leap day's. Every date the flows stamp or reckon must come from that
// clock. The clock reads local time, as the system clock does (order files' times are local too), so the
// days are the same whatever the machine's time zone.
func TestFlowsOnAnyDay(t *testing.T) {
	for _, c := range []struct {
		name string
		at   time.Time
		// the last day of a change-of-mind request (delivery + 7 days), and the month a request made just
		// after it falls in
		lastDay, requestMonth string
	}{
		{"2031", time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local), "2031-06-22", "2031-06"},
		{"MonthEnd", time.Date(2027, 1, 31, 23, 30, 0, 0, time.Local), "2027-02-07", "2027-02"},
		{"LeapDay", time.Date(2028, 2, 29, 23, 30, 0, 0, time.Local), "2028-03-07", "2028-03"},
	} {
		t.Run(c.name, func(t *testing.T) { runFlows(t, c.at, c.lastDay, c.requestMonth) })
	}
}

func runFlows(t *testing.T, at time.Time, lastDay, requestMonth string) {
	ctx := context.Background()
	clk := clock.At(at)
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "data", app.DBFileName),
		app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1}, app.WithClock(clk.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	db := app.StoreDB(d)
	stamp := func(t time.Time) string { return t.UTC().Format(data.TimeLayout) }
	day := at.Format("20060102")

	// Demo data: one transaction, stamped with the clock; its orders run up to the clock's day, today's
	// purchase-order drafts carry the clock's day in their numbers.
	if err := d.LoadDemo(ctx, app.DemoOptions{Orders: 80, Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	var newest, oldest, created string
	if err := db.QueryRow(`SELECT max(ordered_at), min(ordered_at) FROM orders`).Scan(&newest, &oldest); err != nil {
		t.Fatal(err)
	}
	if newest > stamp(at) || oldest < stamp(at.AddDate(-1, 0, -1)) {
		t.Errorf("demo orders run %s … %s; want the year up to %s", oldest, newest, stamp(at))
	}
	if err := db.QueryRow(`SELECT min(created_at) FROM products`).Scan(&created); err != nil || created != stamp(at) {
		t.Errorf("demo products created %s (%v), want %s", created, err, stamp(at))
	}
	var todaysPOs int
	db.QueryRow(`SELECT count(*) FROM purchase_orders WHERE po_no LIKE ?`, "PO-"+day+"-%").Scan(&todaysPOs)
	if todaysPOs == 0 {
		t.Errorf("no demo purchase order numbered PO-%s-…", day)
	}

	// A product of our own, then an order file from two days ago that sells three of it.
	p := catalog.Product{Code: "FLOW-TEE", Name: "시계 테스트 티셔츠", Price: 19800, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 10, Code: "FLOW-TEE-1"}}}
	saved, err := d.Catalog.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`SELECT created_at FROM products WHERE id = ?`, saved.ID).Scan(&created)
	if created != stamp(at) {
		t.Errorf("product created %s, want %s", created, stamp(at))
	}
	ordered := at.AddDate(0, 0, -2)
	var unmatchedBefore int
	db.QueryRow(`SELECT count(*) FROM order_lines WHERE option_id IS NULL`).Scan(&unmatchedBefore)
	res, err := d.Orders.ImportFile(ctx, strings.NewReader(orderCSV(ordered, "FLOW-TEE", "FLOW-TEE-1", 3)), "주문.csv", "", nil)
	// Unmatched counts the store's unlinked lines (the demo's counter sales of goods not in the catalog too):
	// this file's line must add none
	if err != nil || res.New != 1 || res.Unmatched != unmatchedBefore {
		t.Fatalf("import = %+v, %v (unlinked lines before: %d)", res, err, unmatchedBefore)
	}
	lines, err := d.Orders.Find(ctx, orders.Query{Search: "시계손님"})
	if err != nil || len(lines) != 1 {
		t.Fatalf("imported lines = %+v, %v", lines, err)
	}
	line := lines[0]
	if !line.OrderedAt.Equal(ordered.Truncate(time.Second)) {
		t.Errorf("ordered at %v, want %v", line.OrderedAt, ordered)
	}

	// Status moves, each an hour later on the clock: the history and the shipping date carry the clock's time.
	moves := []struct {
		a  orders.Action
		in orders.ActionInput
	}{
		{orders.ActionConfirm, orders.ActionInput{}},
		{orders.ActionInvoice, orders.ActionInput{Courier: "CJ대한통운", TrackingNo: "640012345678"}},
		{orders.ActionShip, orders.ActionInput{}},
		{orders.ActionDeliver, orders.ActionInput{}},
	}
	clk.Set(at.Add(-4 * time.Hour))
	for _, m := range moves {
		clk.Advance(time.Hour)
		if r, err := d.Orders.Apply(ctx, m.a, []int64{line.ID}, m.in); err != nil || r.Done != 1 {
			t.Fatalf("%v: %+v %v", m.a, r, err)
		}
	}
	delivered := clk.Now()
	history, err := data.StatusHistory(ctx, db, line.ID)
	if err != nil || len(history) < 3 {
		t.Fatalf("history = %+v, %v", history, err)
	}
	last := history[len(history)-1]
	if last.To != string(orders.StatusDelivered) || !last.At.Equal(delivered) {
		t.Errorf("last move = %s at %v, want DELIVERED at %v", last.To, last.At, delivered)
	}
	var shipped string
	db.QueryRow(`SELECT shipped_at FROM order_lines WHERE id = ?`, line.ID).Scan(&shipped)
	if shipped != stamp(delivered.Add(-time.Hour)) {
		t.Errorf("shipped at %s, want %s", shipped, stamp(delivered.Add(-time.Hour)))
	}

	// Return windows from the clock's day: a change of mind on the last day is taken and numbered by that
	// day; the next day it is refused naming the last day; a defect the same day still has months.
	base := returns.Request{OrderID: line.OrderID, Kind: returns.KindReturn, Reason: "COLOR_AND_SIZE", Method: "PICKUP",
		Lines: []returns.RequestLine{{OrderLineID: line.ID, Qty: 1}}}
	lastAt, _ := time.ParseInLocation("2006-01-02 15:04", lastDay+" 22:00", time.Local)
	clk.Set(lastAt)
	no, err := d.Returns.Create(ctx, base)
	if err != nil {
		t.Fatalf("a request on the last day %s: %v", lastDay, err)
	}
	if want := "RT-" + lastAt.Format("20060102") + "-"; !strings.HasPrefix(no, want) {
		t.Errorf("return number %s, want %s…", no, want)
	}
	clk.Advance(3 * time.Hour) // 01:00 the next day
	_, err = d.Returns.Create(ctx, base)
	var outside *returns.OutsideWindowError
	if !errors.As(err, &outside) || !strings.Contains(apperr.Message(err), "마지막 날 "+lastDay) {
		t.Fatalf("a request the day after %s: %v", lastDay, err)
	}
	defect := base
	defect.Reason = "BROKEN"
	if _, err := d.Returns.Create(ctx, defect); err != nil {
		t.Fatalf("a defect the day after the change-of-mind window: %v", err)
	}
	r, _ := d.Returns.Get(ctx, no)
	if !r.CreatedAt.Equal(lastAt) {
		t.Errorf("request created %v, want %v", r.CreatedAt, lastAt)
	}

	// The analysis from the day after the demo's transaction: our two requests, in the month the clock
	// put them in.
	from := time.Date(at.Year(), at.Month(), at.Day()+1, 0, 0, 0, 0, time.Local)
	a, err := d.Returns.Analyze(ctx, from, from.AddDate(0, 2, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Monthly) != 1 || a.Monthly[0].Month != requestMonth || a.Monthly[0].Requests != 2 {
		t.Errorf("monthly = %+v, want 2 requests in %s", a.Monthly, requestMonth)
	}

	// Backups are named by the clock; the automatic one is due once a day by the clock's day.
	path, err := d.BackupNow(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(path), fmt.Sprintf("sellerdesk-manual-%s.db", clk.Now().Format("20060102-150405")); got != want {
		t.Errorf("backup named %s, want %s", got, want)
	}
	auto, err := d.AutoBackup(ctx)
	if err != nil || !strings.Contains(filepath.Base(auto), "-auto-"+clk.Now().Format("20060102")+"-") {
		t.Fatalf("automatic backup %q, %v", auto, err)
	}
	clk.Advance(20 * time.Hour) // 01:00 + 20 h: 21:00, still the same day
	if again, err := d.AutoBackup(ctx); err != nil || again != "" {
		t.Errorf("a second automatic backup the same day: %q %v", again, err)
	}
	clk.Advance(4 * time.Hour)
	if next, err := d.AutoBackup(ctx); err != nil || next == "" {
		t.Errorf("no automatic backup the next day: %q %v", next, err)
	}
}

// orderCSV is a Smart Store order download (CSV, UTF-8) with one paid line of qty pieces, ordered at the
// given time.
func orderCSV(ordered time.Time, productCode, optionCode string, qty int) string {
	header := []string{"상품주문번호", "주문번호", "배송방법", "판매채널", "구매자명", "구매자ID", "수취인명", "주문상태",
		"주문세부상태", "결제일", "상품명", "상품종류", "옵션정보", "옵션관리코드", "수량", "옵션가격", "상품가격",
		"최종 상품별 할인액", "최종 상품별 총 주문금액", "배송비 합계", "판매자 상품코드", "수취인연락처1", "구매자연락처",
		"통합배송지", "우편번호", "결제수단", "주문일시"}
	// Smart Store writes its times in KST whatever the zone of the PC that downloads the file
	at := ordered.In(time.FixedZone("KST", 9*60*60)).Format("2006-01-02 15:04:05")
	row := []string{"2099000000000001", "2099000000000000", "택배,등기,소포", "스마트스토어", "시계손님", "clock***", "시계손님",
		"결제완료", "신규주문", at, "시계 테스트 티셔츠", "단일상품", "", optionCode, fmt.Sprint(qty), "0", "19,800",
		"0", fmt.Sprint(19800 * qty), "3,000", productCode, "010-1234-5678", "010-9876-4321",
		"서울특별시 마포구 월드컵로 1", "04001", "신용카드", at}
	quote := func(cells []string) string {
		for i, c := range cells {
			cells[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		}
		return strings.Join(cells, ",") + "\r\n"
	}
	return quote(header) + quote(row)
}
