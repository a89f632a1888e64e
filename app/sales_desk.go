package app

import (
	"context"
	"time"

	"sellerdesk/app/bizday"
	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
	"sellerdesk/app/sales"
)

// Sales is the 매출 service on the desk's store (figures, breakdowns, reports).
func (d *Desk) Sales() *sales.Service { return sales.New(d.store, d.Log) }

// ShipWithinDays is how many business days after the order a paid line should ship (Smart Store's 발송기한
// for an ordinary product: 결제일 + 3 영업일).
const ShipWithinDays = 3

// Morning is the dashboard's work of the day: what waits for the seller, and how sales go.
type Morning struct {
	NewOrders      int // 신규주문: paid, 발주확인 not done
	ToShip         int // 발송 대기: 발주확인 done, not shipped
	Overdue        int // paid lines past their 발송기한
	OverdueBefore  time.Time
	ReturnsWaiting int // 반품·교환 requests not finished or rejected
	LowStock       int // products with an option at or below its safety stock
	Sales          sales.Dashboard
}

// OverdueDay is the last order day whose paid lines are past their 발송기한 today.
func OverdueDay(today time.Time) time.Time {
	y, m, dd := today.Date()
	day := time.Date(y, m, dd, 0, 0, 0, 0, today.Location())
	for d := day.AddDate(0, 0, -1); ; d = d.AddDate(0, 0, -1) {
		if bizday.After(d, ShipWithinDays).Before(day) {
			return d
		}
	}
}

// Morning reads the dashboard's figures.
func (d *Desk) Morning(ctx context.Context) (Morning, error) {
	var m Morning
	var err error
	if m.NewOrders, err = d.Orders.Count(ctx, orders.Query{Status: orders.FilterNew}); err != nil {
		return m, err
	}
	if m.ToShip, err = d.Orders.Count(ctx, orders.Query{Status: orders.FilterConfirmed}); err != nil {
		return m, err
	}
	m.OverdueBefore = OverdueDay(d.Now())
	if m.Overdue, err = d.Orders.Count(ctx, orders.Query{Status: string(orders.StatusPaid), Period: orders.PeriodCustom,
		To: m.OverdueBefore}); err != nil {
		return m, err
	}
	list, err := d.Returns.List(ctx, returns.Filter{})
	if err != nil {
		return m, err
	}
	for _, r := range list {
		if r.State != returns.StateDone && r.State != returns.StateRejected {
			m.ReturnsWaiting++
		}
	}
	if m.LowStock, err = d.Catalog.CountProducts(ctx, catalog.ListFilter{LowStock: true}); err != nil {
		return m, err
	}
	m.Sales, err = d.Sales().Dashboard(ctx)
	return m, err
}

// SalesCheck recomputes the sales aggregates from the order lines for `sellerdesk check`: "" when they
// agree, else what differs in one Korean sentence.
func (d *Desk) SalesCheck(ctx context.Context) (string, error) {
	bad, err := d.Sales().Check(ctx)
	if err != nil || len(bad) == 0 {
		return "", err
	}
	return sales.CheckProblem(bad), nil
}
