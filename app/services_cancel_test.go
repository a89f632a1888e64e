package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

// TestServicesReportCancelAlike: every service writes through the one transaction helper, so a write the
// seller cancelled reads the same everywhere — cancelled, not a fault — and leaves nothing behind.
func TestServicesReportCancelAlike(t *testing.T) {
	ctx := context.Background()
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "data", app.DBFileName),
		app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1},
		app.WithClock(clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local)).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	mug, err := d.Catalog.SaveProduct(ctx, catalog.Product{Code: "MUG", Name: "머그컵", Price: 9000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, c := range []struct {
		service string
		write   func() error
		left    string // a query counting what the write would have left
	}{
		{"catalog", func() error {
			_, err := d.Catalog.SaveSupplier(cancelled, catalog.Supplier{Name: "동대문 의류"})
			return err
		}, `SELECT count(*) FROM suppliers`},
		{"orders", func() error {
			_, err := d.Orders.CreateManual(cancelled, orders.ManualOrder{BuyerName: "김민지", BuyerPhone: "010-1234-5678",
				PaymentMethod: "현금", Paid: true, Lines: []orders.ManualLine{{OptionID: mug.Options[0].ID, Qty: 1}}})
			return err
		}, `SELECT count(*) FROM orders`},
		{"purchasing", func() error { return d.POs.MarkOrdered(cancelled, "PO-20310615-001") }, `SELECT count(*) FROM po_history`},
		{"returns", func() error {
			return d.Returns.SetPolicy(cancelled, returns.Policy{WindowDays: 14, DefectMonths: 3, DefectKnownDays: 30, ReturnFee: 3000})
		}, `SELECT count(*) FROM return_policy WHERE window_days = 14`},
		{"overseas", func() error {
			return d.Abroad.SetRates(cancelled, []data.RateRecord{})
		}, `SELECT 0`},
	} {
		t.Run(c.service, func(t *testing.T) {
			err := c.write()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled in its chain", err)
			}
			if app.ErrorCode(err) == app.ErrInternal || !strings.Contains(app.Message(err), "취소했습니다") {
				t.Errorf("reported as %s: %q", app.ErrorCode(err), app.Message(err))
			}
			var n int
			if err := app.StoreDB(d).QueryRow(c.left).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s = %d (%v) after a cancelled write", c.left, n, err)
			}
		})
	}
}
