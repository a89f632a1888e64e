package orders

import (
	"context"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York below, on any machine

	"sellerdesk/data"
)

// TestImportReadsFileTimesInKST imports an export on a PC set to New York time: a Smart Store file writes
// Korean time, so an order paid at 23:30 on 22 November in Seoul is stored at 14:30 UTC and counts on the
// 22nd, not at 04:30 UTC on the 23rd (New York's 23:30) as it did while the file was read in time.Local.
// Both a text cell and a cell Excel formatted as a date (its serial number) are read in KST.
func TestImportReadsFileTimesInKST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	local := time.Local
	time.Local = ny
	t.Cleanup(func() { time.Local = local })

	d := openDesk(t)
	text := paidLine("2026112210000001", "2026112299990001", "김민지", "머그컵 화이트", "", "", "MUG-01", 1).
		with("주문일시", "2026-11-22 23:25:00", "결제일", "2026-11-22 23:30:00")
	// 46348 is 2026-11-22 in Excel's day count; .5 is noon, .9791666… 23:30
	serial := paidLine("2026112210000002", "2026112299990002", "박서준", "머그컵 화이트", "", "", "MUG-01", 1).
		with("주문일시", "46348.5", "결제일", "46348.979166666664")
	res := d.importBytes(t, xlsxExport(t, exportHeader, []line{text, serial}, ""), "주문.xlsx", "")
	if res.New != 2 || res.Failed != 0 {
		t.Fatalf("import = %+v, want 2 new", res)
	}
	ctx := context.Background()
	for _, c := range []struct {
		orderNo         string
		ordered, paid   time.Time
		productOrderNo  string
		wantLineOrdered time.Time
	}{
		{"2026112299990001", time.Date(2026, 11, 22, 14, 25, 0, 0, time.UTC), time.Date(2026, 11, 22, 14, 30, 0, 0, time.UTC),
			"2026112210000001", time.Date(2026, 11, 22, 14, 25, 0, 0, time.UTC)},
		{"2026112299990002", time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC), time.Date(2026, 11, 22, 14, 30, 0, 0, time.UTC),
			"2026112210000002", time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)},
	} {
		o, err := data.OrderByNo(ctx, d.store.Read(), c.orderNo)
		if err != nil {
			t.Fatal(err)
		}
		if !o.OrderedAt.Equal(c.ordered) || !o.PaidAt.Equal(c.paid) {
			t.Errorf("order %s: 주문일시 %v, 결제일 %v; want %v and %v (the file's Korean time)", c.orderNo,
				o.OrderedAt.UTC(), o.PaidAt.UTC(), c.ordered, c.paid)
		}
		l, err := data.LineByNo(ctx, d.store.Read(), c.productOrderNo)
		if err != nil {
			t.Fatal(err)
		}
		if !l.OrderedAt.Equal(c.wantLineOrdered) {
			t.Errorf("line %s ordered %v, want %v", c.productOrderNo, l.OrderedAt.UTC(), c.wantLineOrdered)
		}
	}
	days, err := data.SalesDays(ctx, d.store.Read(), data.SalesRange{From: "2026-11-20", To: "2026-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	var on22 int64
	for _, r := range days {
		if r.Day != "2026-11-22" {
			t.Errorf("sales counted on %s (%d orders), want every order on 2026-11-22, the day paid in Seoul", r.Day, r.Orders)
		}
		on22 += r.Orders
	}
	if on22 != 2 {
		t.Errorf("orders on 2026-11-22 = %d, want 2", on22)
	}
}
