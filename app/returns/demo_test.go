package returns

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// The demo's completed returns leave their order lines as completing one in the window does: a line that
// came back whole is 반품 (교환 for an exchange), moved by the orders area with the request in its history;
// the others are untouched.
func TestFillDemoMovesCompletedLines(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 15, 0, 0, 0, time.Local)
	store, err := data.Open(ctx, filepath.Join(t.TempDir(), "s.db"), data.WithClock(clock.At(now).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	err = store.Write(ctx, func(tx *data.Tx) error {
		rng := rand.New(rand.NewPCG(1, 2))
		if err := catalog.FillDemo(ctx, tx, rng); err != nil {
			return err
		}
		if err := orders.FillDemo(ctx, tx, rng, 600, now); err != nil {
			return err
		}
		return FillDemo(ctx, tx, rng, now)
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	rows, err := svc.List(ctx, Filter{State: StateDone})
	if err != nil || len(rows) == 0 {
		t.Fatalf("completed demo requests: %d %v", len(rows), err)
	}
	moved := 0
	for _, row := range rows {
		r, err := svc.Get(ctx, row.Number)
		if err != nil {
			t.Fatal(err)
		}
		for _, rl := range r.Lines {
			ol, err := data.LineByID(ctx, store.Read(), rl.OrderLineID)
			if err != nil {
				t.Fatal(err)
			}
			want := orders.StatusReturned
			if r.Kind == KindExchange {
				want = orders.StatusExchanged
			}
			if rl.Qty < ol.Qty {
				if orders.Status(ol.Status) == want {
					t.Errorf("%s: %d of %d back, yet the line is %s", r.Number, rl.Qty, ol.Qty, ol.Status)
				}
				continue
			}
			h, err := data.StatusHistory(ctx, store.Read(), ol.ID)
			if err != nil {
				t.Fatal(err)
			}
			last := h[len(h)-1]
			if orders.Status(ol.Status) != want || last.Source != "returns" || last.Note != r.Number {
				t.Errorf("%s: the line is %s, last move %+v; want %s by returns", r.Number, ol.Status, last, want)
			}
			moved++
		}
	}
	if moved == 0 {
		t.Error("no completed demo request returned a whole line: the test shows nothing")
	}
}
