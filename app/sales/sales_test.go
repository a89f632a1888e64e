package sales

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// TestMain stands the tests on a Korean PC: the importer reads the file's times in the machine's zone.
func TestMain(m *testing.M) {
	time.Local = kst
	os.Exit(m.Run())
}

// now is the day the tests stand on: 2026-11-24 18:00 KST.
var now = time.Date(2026, 11, 24, 18, 0, 0, 0, kst)

func TestDaysAreLocal(t *testing.T) {
	d := newDesk(t, now)
	// 23:30 KST on the 22nd is the 22nd (14:30 UTC); 00:30 KST on the 23rd is the 23rd (15:30 UTC on the 22nd)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-22 23:30:00"),
		paid("P2", "O2", "이준", "린넨 셔츠", 2, 50000, "2026-11-23 00:30:00"))
	if got := d.figures("2026-11-22", "2026-11-22"); got.Gross != 30000 || got.Orders != 1 {
		t.Errorf("22nd: gross %d orders %d, want 30000 and 1", got.Gross, got.Orders)
	}
	if got := d.figures("2026-11-23", "2026-11-23"); got.Gross != 50000 || got.Qty != 2 {
		t.Errorf("23rd: gross %d qty %d, want 50000 and 2", got.Gross, got.Qty)
	}
	d.checked()
}

func TestFigures(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(
		paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-22 10:00:00"),
		paid("P2", "O1", "김민지", "코튼 양말", 3, 9000, "2026-11-22 10:00:00"),
		paid("P3", "O2", "이준", "린넨 셔츠", 1, 30000, "2026-11-22 11:00:00").with("결제수단", "계좌이체"),
		paid("P4", "O3", "박서연", "울 가디건", 1, 60000, "2026-11-22 12:00:00").with("주문상태", "결제대기", "결제일", ""),
	)
	f := d.figures("2026-11-22", "2026-11-22")
	// 결제대기 is not sold; O1's shipping once though it has two lines
	if f.Gross != 69000 || f.Orders != 2 || f.Lines != 3 || f.Qty != 5 || f.Shipping != 6000 {
		t.Errorf("figures = %+v, want gross 69000, 2 orders, 3 lines, qty 5, shipping 6000", f)
	}
	if f.Net != 69000 || f.AvgOrder != 34500 {
		t.Errorf("net %d avg %d, want 69000 and 34500", f.Net, f.AvgOrder)
	}
	// no line is linked to a product with a cost: all of it is without a cost, and no margin is claimed
	if _, ok := f.Margin(); ok || f.UncostedShare() != 1 {
		t.Errorf("margin known = %v, uncosted share %v; want unknown and 1", ok, f.UncostedShare())
	}
	b, err := d.sales.Breakdown(context.Background(), d.period("2026-11-22", "2026-11-22"), ByPayment, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 2 || b.Rows[0].Label != "신용카드" || b.Rows[0].Gross != 39000 || b.Rows[1].Gross != 30000 {
		t.Errorf("by payment = %+v", b.Rows)
	}
	buyers, err := d.sales.BuyerCounts(context.Background(), d.period("2026-11-22", "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	if buyers.Buyers != 2 || buyers.New != 2 {
		t.Errorf("buyers = %+v, want 2 buyers, both new", buyers)
	}
	d.checked()
}

func TestCancelledLineNotCounted(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"),
		paid("P2", "O1", "김민지", "코튼 양말", 1, 9000, "2026-11-20 10:00:00"))
	if got := d.figures("2026-11-20", "2026-11-20").Gross; got != 39000 {
		t.Fatalf("before the cancel: gross %d, want 39000", got)
	}
	// a later file brings the cancel of one line: the past day changes
	d.importRows(paid("P2", "O1", "김민지", "코튼 양말", 1, 9000, "2026-11-20 10:00:00").with("주문상태", "취소완료"))
	f := d.figures("2026-11-20", "2026-11-20")
	if f.Gross != 30000 || f.Lines != 1 || f.Orders != 1 {
		t.Errorf("after the cancel: %+v, want gross 30000, 1 line, 1 order", f)
	}
	// the seller cancels the other line here: the order is gone from the day, its shipping too
	d.move("P1", orders.StatusCanceled)
	if f := d.figures("2026-11-20", "2026-11-20"); f.Gross != 0 || f.Orders != 0 || f.Shipping != 0 {
		t.Errorf("both cancelled: %+v, want nothing", f)
	}
	d.checked()
}

func TestImportedTwiceCountsOnce(t *testing.T) {
	d := newDesk(t, now)
	rows := []row{paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"),
		paid("P2", "O2", "이준", "코튼 양말", 2, 18000, "2026-11-21 10:00:00")}
	d.importRows(rows...)
	first := d.figures("2026-11-01", "2026-11-30")
	res := d.importRows(rows...)
	if res.Unchanged != 2 {
		t.Errorf("second import: %d unchanged, want 2", res.Unchanged)
	}
	// and a third time with the lines moved on (배송중): still once
	d.importRows(rows[0].with("주문상태", "배송중", "택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-21 09:00:00"), rows[1])
	again := d.figures("2026-11-01", "2026-11-30")
	if again != first || again.Gross != 48000 || again.Orders != 2 {
		t.Errorf("after importing again: %+v, want %+v (gross 48000, 2 orders)", again, first)
	}
	d.checked()
}

func TestRefundOnItsOwnDay(t *testing.T) {
	d := newDesk(t, time.Date(2026, 11, 20, 12, 0, 0, 0, kst))
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"))
	d.move("P1", orders.StatusDelivering)
	d.move("P1", orders.StatusDelivered)
	d.clock.Set(time.Date(2026, 11, 24, 15, 0, 0, 0, kst))
	refund := d.refund("P1")
	if refund <= 0 {
		t.Fatalf("refund = %d", refund)
	}
	// the sale stays on its payment day; the refund lands on the 24th
	if f := d.figures("2026-11-20", "2026-11-20"); f.Gross != 30000 || f.Refunds != 0 || f.Net != 30000 {
		t.Errorf("20th: %+v, want gross 30000 and no refund", f)
	}
	if f := d.figures("2026-11-24", "2026-11-24"); f.Gross != 0 || f.Refunds != refund || f.Net != -refund {
		t.Errorf("24th: %+v, want refund %d", f, refund)
	}
	// the returned line was sold (반품 stays in 결제금액) and is refunded once, not again as an imported 반품
	if f := d.figures("2026-11-01", "2026-11-30"); f.Refunds != refund {
		t.Errorf("month refunds %d, want %d", f.Refunds, refund)
	}
	b, err := d.sales.Breakdown(context.Background(), d.period("2026-11-20", "2026-11-24"), ByDay, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 5 || b.Rows[0].Gross != 30000 || b.Rows[4].Refunds != refund || b.Rows[2].Gross != 0 {
		t.Errorf("by day = %+v", b.Rows)
	}
	d.checked()
}

func TestImportedReturnOnClaimDay(t *testing.T) {
	d := newDesk(t, time.Date(2026, 11, 20, 12, 0, 0, 0, kst))
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00").with("주문상태", "배송완료",
		"택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-20 11:00:00"))
	d.clock.Set(time.Date(2026, 11, 23, 9, 0, 0, 0, kst))
	// Smart Store finished the return; no refund was made here
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00").with("주문상태", "반품완료",
		"택배사", "CJ대한통운", "송장번호", "612345678901", "발송일", "2026-11-20 11:00:00"))
	if f := d.figures("2026-11-23", "2026-11-23"); f.Refunds != 30000 {
		t.Errorf("23rd refunds %d, want the line's 30000", f.Refunds)
	}
	d.checked()
	// the import of the window opens a request for it (app.Desk.ImportOrders syncs in its transaction)
	if _, _, err := d.returns.SyncImported(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f := d.figures("2026-11-23", "2026-11-23"); f.Refunds != 30000 {
		t.Errorf("23rd refunds with the request open %d, want 30000", f.Refunds)
	}
	// the seller completes the return the import opened here: its refund replaces the line's amount
	list, err := d.returns.List(context.Background(), returnsFilterAll())
	if err != nil || len(list) != 1 {
		t.Fatalf("returns: %v %v", list, err)
	}
	d.clock.Set(time.Date(2026, 11, 25, 9, 0, 0, 0, kst))
	refund := d.completeReturn(list[0].Number)
	if f := d.figures("2026-11-23", "2026-11-23"); f.Refunds != 0 {
		t.Errorf("23rd after the refund here: %d, want 0", f.Refunds)
	}
	if f := d.figures("2026-11-01", "2026-11-30"); f.Refunds != refund {
		t.Errorf("month refunds %d, want %d once", f.Refunds, refund)
	}
	d.checked()
}

func TestManualOrderCounts(t *testing.T) {
	d := newDesk(t, now)
	ctx := context.Background()
	opt := d.option("머그컵", 12000, 5000)
	if _, err := d.orders.CreateManual(ctx, orders.ManualOrder{BuyerName: "최가게", BuyerPhone: "010-1111-2222",
		PaymentMethod: "현금", Channel: "매장 판매", Paid: true, Lines: []orders.ManualLine{{OptionID: opt, Qty: 2}}}); err != nil {
		t.Fatal(err)
	}
	f := d.figures("2026-11-24", "2026-11-24")
	if f.Gross != 24000 || f.Orders != 1 {
		t.Errorf("manual order: %+v, want gross 24000, 1 order", f)
	}
	if m, ok := f.Margin(); !ok || f.Profit != 14000 || m < 0.58 || m > 0.59 {
		t.Errorf("profit %d margin %v %v, want 14000 at 58.3%%", f.Profit, m, ok)
	}
	b, err := d.sales.Breakdown(ctx, d.period("2026-11-24", "2026-11-24"), ByChannel, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 1 || b.Rows[0].Label != "수동 주문 · 매장 판매" {
		t.Errorf("by channel: %+v", b.Rows)
	}
	d.checked()
}

func TestCompare(t *testing.T) {
	if got := Compare(100, 0).Text(); got != NoBaseText {
		t.Errorf("from nothing: %q, want %q", got, NoBaseText)
	}
	if got := Compare(0, 0).Text(); got != "0%" {
		t.Errorf("nothing to nothing: %q", got)
	}
	if got := Compare(112300, 100000).Text(); got != "+12.3%" {
		t.Errorf("up: %q", got)
	}
	if got := Compare(96000, 100000).Text(); got != "-4.0%" {
		t.Errorf("down: %q", got)
	}
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"),
		paid("P2", "O2", "이준", "린넨 셔츠", 1, 20000, "2026-10-20 10:00:00"))
	s, err := d.sales.Summary(context.Background(), d.sales.PresetPeriod(ThisMonth))
	if err != nil {
		t.Fatal(err)
	}
	if s.PrevPeriod.String() != "2026.10.01 – 2026.10.24" || s.Prev.Net != 20000 || s.NetVsPrev().Text() != "+50.0%" {
		t.Errorf("vs last month: %s %d %s", s.PrevPeriod, s.Prev.Net, s.NetVsPrev().Text())
	}
	if !s.NetVsYear().NoBase || s.NetVsYear().Text() != NoBaseText {
		t.Errorf("vs last year: %+v", s.NetVsYear())
	}
}

func TestPresets(t *testing.T) {
	at := time.Date(2026, 11, 26, 9, 0, 0, 0, kst) // a Thursday
	for _, c := range []struct {
		p    Preset
		want string
	}{
		{Today, "2026.11.26"},
		{Yesterday, "2026.11.25"},
		{ThisWeek, "2026.11.23 – 2026.11.26"},
		{ThisMonth, "2026.11.01 – 2026.11.26"},
		{LastMonth, "2026.10.01 – 2026.10.31"},
		{Last30Days, "2026.10.28 – 2026.11.26"},
		{Last12, "2025.12.01 – 2026.11.26"},
	} {
		p := c.p.Period(at)
		if p.String() != c.want {
			t.Errorf("%s = %s, want %s", c.p, p, c.want)
		}
	}
	if got := ThisMonth.Period(time.Date(2026, 3, 31, 9, 0, 0, 0, kst)).Prev().String(); got != "2026.02.01 – 2026.02.28" {
		t.Errorf("31 March's month so far vs February: %s", got)
	}
	if got := LastMonth.Period(at).Prev().String(); got != "2026.09.01 – 2026.09.30" {
		t.Errorf("last month's prev: %s", got)
	}
	if got := Last30Days.Period(at).Prev().String(); got != "2026.09.28 – 2026.10.27" {
		t.Errorf("30 days' prev: %s", got)
	}
	if _, err := CustomPeriod(at, at.AddDate(0, 0, -1)); err == nil {
		t.Error("a period ending before it starts is accepted")
	}
}

func TestRegionAndMask(t *testing.T) {
	for in, want := range map[string]string{"서울특별시": "서울", "경기도": "경기", "경상남도": "경남", "충청북도": "충북",
		"제주특별자치도": "제주", "강원특별자치도": "강원", "전북특별자치도": "전북", "해외": "해외", "": "기타", "Seoul": "기타"} {
		if got := Region(in); got != want {
			t.Errorf("Region(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"n:김민지|010-1234-5678": "김*지 (****-5678)", "i:buyer123": "buy*****",
		"n:이준|": "이*", "n:남궁민수|": "남**수"} {
		if got := MaskBuyer(in); got != want {
			t.Errorf("MaskBuyer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckFindsAndRebuildMends(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"))
	err := d.store.Write(context.Background(), func(tx *data.Tx) error {
		_, err := tx.ExecContext(context.Background(), `UPDATE sales_day SET gross = gross + 1`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bad, err := d.sales.Check(context.Background())
	if err != nil || len(bad) != 1 {
		t.Fatalf("check after tampering: %v %v", bad, err)
	}
	if p := CheckProblem(bad); !strings.Contains(p, "sales_day 2026-11-20") {
		t.Errorf("problem %q does not name the day", p)
	}
	if err := d.sales.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.checked()
	if f := d.figures("2026-11-20", "2026-11-20"); f.Gross != 30000 {
		t.Errorf("after rebuild: %d", f.Gross)
	}
}

// TestXLSX: every breakdown a sheet with a native chart (excelize cannot read charts back: the chart parts
// are checked in the file), money as numbers in a won format, the header frozen.
func TestXLSX(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 1234500, "2026-11-20 10:00:00"),
		paid("P2", "O2", "이준", "코튼 양말", 2, 18000, "2026-11-21 10:00:00").with("결제수단", "계좌이체"))
	p := d.period("2026-11-01", "2026-11-30")
	r, err := d.sales.Report(context.Background(), p, ReportBys(p))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			charts++
			rc, _ := f.Open()
			body, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Contains(body, []byte("<ser>")) || !bytes.Contains(body, []byte("결제금액")) {
				t.Errorf("%s has no series: %.300s", f.Name, body)
			}
		}
	}
	if charts != len(r.Breakdowns) {
		t.Errorf("%d charts for %d breakdowns", charts, len(r.Breakdowns))
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 1+len(r.Breakdowns) || got[0] != "요약" || got[1] != "일별" {
		t.Errorf("sheets %v", got)
	}
	v, _ := x.GetCellValue("상품", "D2", excelize.Options{RawCellValue: true})
	if v != "1234500" {
		t.Errorf("상품 D2 raw = %q, want the number 1234500", v)
	}
	shown, _ := x.GetCellValue("상품", "D2")
	if shown != "1,234,500원" {
		t.Errorf("상품 D2 shown = %q, want 1,234,500원", shown)
	}
	panes, err := x.GetPanes("상품")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
}

// TestNewAndReturningBuyers: a buyer is new in a period that holds their first order ever, whichever side
// (before the period or the period) is the shorter one to look through.
func TestNewAndReturningBuyers(t *testing.T) {
	d := newDesk(t, now)
	d.importRows(paid("P1", "O1", "김민지", "린넨 셔츠", 1, 30000, "2026-10-01 10:00:00"),
		paid("P2", "O2", "김민지", "린넨 셔츠", 1, 30000, "2026-11-20 10:00:00"),
		paid("P3", "O3", "이준", "린넨 셔츠", 1, 30000, "2026-11-20 11:00:00"),
		paid("P4", "O4", "박서연", "린넨 셔츠", 1, 30000, "2026-09-30 11:00:00"))
	for _, c := range []struct {
		from, to        string
		buyers, newOnes int64
	}{
		{"2026-10-03", "2026-11-24", 2, 1}, // three days before, fifty-three in: the days before are looked through
		{"2026-11-20", "2026-11-20", 2, 1}, // one day in, fifty-one before: the day is looked through
		{"2026-09-01", "2026-11-30", 3, 3}, // nothing before
		{"2026-10-01", "2026-10-31", 1, 1},
		{"2026-12-01", "2026-12-31", 0, 0},
	} {
		b, err := d.sales.BuyerCounts(context.Background(), d.period(c.from, c.to))
		if err != nil {
			t.Fatal(err)
		}
		if b.Buyers != c.buyers || b.New != c.newOnes || b.Returning != c.buyers-c.newOnes {
			t.Errorf("%s–%s: %+v, want %d buyers, %d new", c.from, c.to, b, c.buyers, c.newOnes)
		}
	}
}
