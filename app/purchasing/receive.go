package purchasing

import (
	"context"
	"errors"
	"fmt"

	"sellerdesk/data"
)

// LineStocks is the stock now of each line's catalog option, keyed by line id, for the 입고 처리 form to
// show what the stock will be after receiving. A line without an option (or whose option is gone) is left
// out: receiving it moves no stock.
func (s *Service) LineStocks(ctx context.Context, number string) (map[int64]int64, error) {
	q := s.store.Read()
	po, err := s.get(ctx, q, number)
	if err != nil {
		return nil, err
	}
	out := map[int64]int64{}
	for _, l := range po.Items {
		if l.OptionID == 0 {
			continue
		}
		o, err := data.OptionByID(ctx, q, l.OptionID)
		if errors.Is(err, data.ErrNoRow) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("purchasing: stock of %s: %w", number, err)
		}
		out[l.ID] = o.Stock
	}
	return out, nil
}
