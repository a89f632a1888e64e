package catalog

import (
	"context"
	"math"
	"testing"

	"sellerdesk/app/apperr"
)

// TestStockAdjustmentWithinLimits: a stock movement never leaves an option beyond the stated stock limit and
// never wraps, whatever delta is asked; a refused one writes no movement.
func TestStockAdjustmentWithinLimits(t *testing.T) {
	s := openService(t)
	ctx := context.Background()
	p, err := s.SaveProduct(ctx, tee("LIM", []string{"블랙"}, []string{"M"}, 10), "")
	if err != nil {
		t.Fatal(err)
	}
	id := p.Options[0].ID
	for _, delta := range []int64{1_000_000_000_000_000_000, math.MaxInt64, math.MinInt64, 9_999_990, -1_000_000_000_000_000_000} {
		if _, err := s.AdjustStock(ctx, id, delta, ReasonAdjust, "", ""); apperr.ErrorCode(err) != apperr.ErrInvalid {
			t.Errorf("delta %d: err %v, want a refusal naming the limit", delta, err)
		}
	}
	got, err := s.Product(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Options[0].Stock != 10 {
		t.Errorf("stock after refused movements = %d, want 10", got.Options[0].Stock)
	}
	if _, err := s.AdjustStock(ctx, id, 9_999_989, ReasonReceive, "", ""); err != nil {
		t.Errorf("up to the limit exactly: %v", err)
	}
	if bad, err := s.LedgerMismatches(ctx); err != nil || len(bad) != 0 {
		t.Errorf("ledger mismatches %v %v", bad, err)
	}
}
