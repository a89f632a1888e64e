package sales

import (
	"context"

	"sellerdesk/data"
)

// reads is where a computation reads the aggregates from: the store and, for a report that reads the same
// days for several of its parts (the summary, the trend, the payment mix; the product and the category
// rankings), what it has read already, so that each is read once.
type reads struct {
	q    data.Querier
	memo bool

	days    map[data.SalesRange][]data.SalesDayRow
	refunds map[data.SalesRange][]data.SalesRefundRow
	items   map[data.SalesRange][]data.SalesItemRow
}

// readStore reads straight from the store; a report's reads remember (memo).
func readStore(q data.Querier, memo bool) *reads {
	return &reads{q: q, memo: memo, days: map[data.SalesRange][]data.SalesDayRow{},
		refunds: map[data.SalesRange][]data.SalesRefundRow{}, items: map[data.SalesRange][]data.SalesItemRow{}}
}

func (rd *reads) salesDays(ctx context.Context, r data.SalesRange) ([]data.SalesDayRow, error) {
	if d, ok := rd.days[r]; ok {
		return d, nil
	}
	d, err := data.SalesDays(ctx, rd.q, r)
	if err == nil && rd.memo {
		rd.days[r] = d
	}
	return d, err
}

func (rd *reads) salesRefunds(ctx context.Context, r data.SalesRange) ([]data.SalesRefundRow, error) {
	if x, ok := rd.refunds[r]; ok {
		return x, nil
	}
	x, err := data.SalesRefunds(ctx, rd.q, r)
	if err == nil && rd.memo {
		rd.refunds[r] = x
	}
	return x, err
}

// refundTotal is the refunds of r: summed by the store unless the report reads them by day anyway.
func (rd *reads) refundTotal(ctx context.Context, r data.SalesRange) (int64, error) {
	if !rd.memo {
		return data.SalesRefundTotal(ctx, rd.q, r)
	}
	x, err := rd.salesRefunds(ctx, r)
	var total int64
	for _, f := range x {
		total += f.Amount
	}
	return total, err
}

func (rd *reads) salesItems(ctx context.Context, r data.SalesRange) ([]data.SalesItemRow, error) {
	if x, ok := rd.items[r]; ok {
		return x, nil
	}
	x, err := data.SalesItems(ctx, rd.q, r)
	if err == nil && rd.memo {
		rd.items[r] = x
	}
	return x, err
}
