package data

import (
	"context"
	"testing"
	"time"
)

// TestCustomerSyncCacheKeptWhileBehind: the writer's page cache stays at the sync's size between the batches
// of a build (so a batch does not read the contacts' pages again) and is back at SQLite's default once a
// batch catches up with the orders.
func TestCustomerSyncCacheKeptWhileBehind(t *testing.T) {
	s, _ := openCustomerStore(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	for i, no := range []string{"A1", "A2", "A3"} {
		addOrder(t, s, no, "", "김민수", "010-1234-567"+no[1:], at.Add(time.Duration(i)*time.Hour), 1000, "PURCHASE_DECIDED")
	}
	batch := func() (n int, cache int64) {
		t.Helper()
		if err := s.Write(ctx, func(tx *Tx) error {
			var err error
			if n, err = SyncCustomersBatchTx(ctx, tx, 2, soldCodes); err != nil {
				return err
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, func(tx *Tx) error {
			return tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache)
		}); err != nil {
			t.Fatal(err)
		}
		return n, cache
	}
	if n, cache := batch(); n != 2 || cache != syncCache {
		t.Fatalf("first batch: %d orders, cache %d; want 2 and %d", n, cache, syncCache)
	}
	if n, cache := batch(); n != 1 || cache != -2000 {
		t.Fatalf("catching-up batch: %d orders, cache %d; want 1 and -2000", n, cache)
	}
	if n, cache := batch(); n != 0 || cache != -2000 {
		t.Fatalf("idle batch: %d orders, cache %d; want 0 and -2000", n, cache)
	}
	if got, _ := CountCustomers(ctx, s.Read(), CustomerQuery{}); got != 3 {
		t.Fatalf("contacts = %d, want 3", got)
	}
}
