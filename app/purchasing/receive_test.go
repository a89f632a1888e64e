package purchasing

import (
	"context"
	"testing"
)

// LineStocks gives each line its option's stock now, and follows a receipt.
func TestLineStocks(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	drafts, _, err := d.po.ReorderDrafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	numbers, err := d.po.Create(ctx, drafts[:1], "")
	if err != nil {
		t.Fatal(err)
	}
	no := numbers[0]
	po, _ := d.po.Get(ctx, no)
	line := po.Items[0].ID
	stocks, err := d.po.LineStocks(ctx, no)
	if err != nil {
		t.Fatal(err)
	}
	if got := stocks[line]; got != 2 {
		t.Fatalf("stock of %s = %d (%v), want 2", po.Items[0].Name, got, stocks)
	}
	if err := d.po.MarkOrdered(ctx, no); err != nil {
		t.Fatal(err)
	}
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 3}); err != nil {
		t.Fatal(err)
	}
	if stocks, _ = d.po.LineStocks(ctx, no); stocks[line] != 5 {
		t.Errorf("after receiving 3: %d, want 5", stocks[line])
	}
	if _, err := d.po.LineStocks(ctx, "PO-20991231-001"); err == nil {
		t.Error("an unknown purchase order gave stocks")
	}
}
