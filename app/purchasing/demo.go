package purchasing

import (
	"context"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/data"
)

// FillDemo adds purchase orders in every state inside the demo's transaction: received and partly received
// ones from past weeks, one sent and waiting, one cancelled, and today's drafts for whatever is low now.
func FillDemo(ctx context.Context, tx *data.Tx, now time.Time) error {
	drafts, _, err := reorderDrafts(ctx, tx)
	if err != nil || len(drafts) == 0 {
		return err
	}
	steps := []struct {
		daysAgo int
		to      []Status
	}{
		{21, []Status{StatusOrdered, StatusReceived}},
		{9, []Status{StatusOrdered, StatusPartial}},
		{4, []Status{StatusOrdered}},
		{3, []Status{StatusCanceled}},
	}
	for i, step := range steps {
		d := drafts[i%len(drafts)]
		numbers, err := createTx(ctx, tx, []Draft{d}, "결제: 월말 정산", now.AddDate(0, 0, -step.daysAgo))
		if err != nil {
			return err
		}
		po, err := data.POByNumber(ctx, tx, numbers[0])
		if err != nil {
			return err
		}
		lines, err := data.POLines(ctx, tx, po.ID)
		if err != nil {
			return err
		}
		from := StatusDraft
		for _, to := range step.to {
			switch to {
			case StatusReceived, StatusPartial:
				for j, l := range lines {
					n := l.Qty
					if to == StatusPartial && j%2 == 0 {
						n = l.Qty / 2
					}
					if n == 0 {
						continue
					}
					if err := data.SetPOLineReceivedTx(ctx, tx, l.ID, n); err != nil {
						return err
					}
					if l.OptionID != 0 {
						if _, err := catalog.AdjustStockTx(ctx, tx, l.OptionID, n, catalog.ReasonReceive, "발주 입고 "+po.Number, "po:"+po.Number); err != nil {
							return err
						}
					}
				}
			}
			po.Status = string(to)
			if err := data.UpdatePOTx(ctx, tx, po); err != nil {
				return err
			}
			note := ""
			if to == StatusCanceled {
				note = "공급업체 품절"
			}
			if err := data.AddPOHistoryTx(ctx, tx, po.ID, string(from), string(to), note); err != nil {
				return err
			}
			from = to
		}
	}
	// today: drafts for what is still low after the receipts
	rest, _, err := reorderDrafts(ctx, tx)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		rest = drafts[len(drafts)-1:] // a reorder the seller is still writing
	}
	_, err = createTx(ctx, tx, rest, "", now)
	return err
}
