package app_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/sales"
)

// TestMorning: the dashboard counts a new paid order, one past its 발송기한, a product running low, and
// this month's sales against last month's up to the same day.
func TestMorning(t *testing.T) {
	ctx := context.Background()
	kst := time.FixedZone("KST", 9*60*60)
	c := clock.At(time.Date(2026, 10, 20, 10, 0, 0, 0, kst))
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "data", app.DBFileName),
		app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1}, app.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	mug, err := d.Catalog.SaveProduct(ctx, catalog.Product{Code: "MUG", Name: "머그컵", Price: 10000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 6, SafetyStock: 3}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	order := func(qty int64) {
		t.Helper()
		if _, err := d.Orders.CreateManual(ctx, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678",
			PaymentMethod: "현금", Channel: "매장 판매", Paid: true,
			Lines: []orders.ManualLine{{OptionID: mug.Options[0].ID, Qty: qty}}}); err != nil {
			t.Fatal(err)
		}
	}
	order(1) // last month, 20 October: counts against this month up to the 20th
	c.Set(time.Date(2026, 11, 2, 10, 0, 0, 0, kst))
	order(2) // Monday 2 November: past its 발송기한 on the 20th
	c.Set(time.Date(2026, 11, 20, 9, 0, 0, 0, kst))
	order(1)
	m, err := d.Morning(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.NewOrders != 3 || m.Overdue != 2 || m.LowStock != 1 {
		t.Errorf("new %d overdue %d low %d, want 3 new (none confirmed), 2 overdue (the October and 2 November orders), 1 low", m.NewOrders, m.Overdue, m.LowStock)
	}
	if m.Sales.MonthNet != 30000 || m.Sales.LastMonthNet != 10000 || m.Sales.MonthChange().Text() != "+200.0%" {
		t.Errorf("month %d vs %d (%s), want 30000 vs 10000 (+200%%)", m.Sales.MonthNet, m.Sales.LastMonthNet, m.Sales.MonthChange().Text())
	}
	if m.Sales.Today.Gross != 10000 || len(m.Sales.Days.Rows) != 30 || len(m.Sales.TopProducts) != 1 || m.Sales.TopProducts[0].Label != "머그컵" {
		t.Errorf("today %d, %d days, top %+v", m.Sales.Today.Gross, len(m.Sales.Days.Rows), m.Sales.TopProducts)
	}
	if p, err := d.SalesCheck(ctx); err != nil || p != "" {
		t.Errorf("sales check: %q %v", p, err)
	}
}

// TestDemoFeedsEveryChart: the demo store's twelve months give each chart of 매출 something to show.
func TestDemoFeedsEveryChart(t *testing.T) {
	ctx := context.Background()
	kst := time.FixedZone("KST", 9*60*60)
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "data", app.DBFileName),
		app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1},
		app.WithClock(clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, kst)).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.LoadDemo(ctx, app.DemoOptions{Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	s := d.Sales()
	year := s.PresetPeriod(sales.Last12)
	by := func(b sales.By) sales.Breakdown {
		t.Helper()
		x, err := s.Breakdown(ctx, year, b, sales.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	if n := len(by(sales.ByPayment).Rows); n < 4 {
		t.Errorf("%d payment methods", n)
	}
	channels := by(sales.ByChannel).Rows
	if len(channels) < 3 || channels[0].Label != "스마트스토어" {
		t.Errorf("channels %+v", channels)
	}
	months := by(sales.ByMonth).Rows
	if len(months) != 12 || months[11].Gross <= months[7].Gross || months[10].Gross <= months[6].Gross {
		t.Errorf("no season: %+v", months)
	}
	products := by(sales.ByProduct).Rows
	if len(products) < 10 || products[0].Gross < 3*products[len(products)/2].Gross {
		t.Errorf("no top sellers: first %d, middle %d", products[0].Gross, products[len(products)/2].Gross)
	}
	refundDays := 0
	for _, r := range by(sales.ByDay).Rows {
		if r.Refunds > 0 {
			refundDays++
		}
	}
	if refundDays < 20 {
		t.Errorf("refunds on %d days", refundDays)
	}
	heat := by(sales.ByHour).Heat
	var evening, night int64
	for wd := 0; wd < 7; wd++ {
		evening += heat[wd][20] + heat[wd][21]
		night += heat[wd][3] + heat[wd][4]
	}
	if evening < 4*night {
		t.Errorf("orders come at night as often as in the evening: %d vs %d", evening, night)
	}
	if n := len(by(sales.ByRegion).Rows); n < 8 {
		t.Errorf("%d regions", n)
	}
	// this month's buyers: regulars who bought before are 재구매
	b, err := s.BuyerCounts(ctx, s.PresetPeriod(sales.ThisMonth))
	if err != nil || b.Returning < 30 || b.New < 100 {
		t.Errorf("returning buyers %+v %v", b, err)
	}
	if p, err := d.SalesCheck(ctx); err != nil || p != "" {
		t.Errorf("sales check after the demo: %q %v", p, err)
	}
}
