package app

import (
	"context"
	"strings"
	"testing"

	"sellerdesk/data"
)

// TestCheckFindsSalesAggregatesOff: `sellerdesk check` (Desk.Check) proves the sales aggregates equal a
// recomputation from the order lines; a day's figure that drifted is a problem it names.
func TestCheckFindsSalesAggregatesOff(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	if err := d.LoadDemo(ctx, DemoOptions{Seed: 3, Orders: 120}, nil); err != nil {
		t.Fatal(err)
	}
	r, err := d.Check(ctx)
	if err != nil || r.Problem != "" {
		t.Fatalf("the demo store checks as %q, %v", r.Problem, err)
	}
	// sales_day is WITHOUT ROWID: its first row by its key
	if err := d.store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sales_day SET gross = gross + 1000
			WHERE (day, payment, source, channel) = (SELECT day, payment, source, channel FROM sales_day LIMIT 1)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	r, err = d.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Problem == "" || !strings.Contains(r.Problem, "매출") {
		t.Errorf("a drifted sales day checks as %q", r.Problem)
	}
}
