package catalog

import (
	"context"
	"testing"
	"time"
)

// TestBulkEditWritesOnlyChanges: an unchanged export applied as 대량 수정 writes no row and no movement
// (a later day on the clock would show in updated_at), and a confirmed diff that no longer matches the store
// is refused whole.
func TestBulkEditWritesOnlyChanges(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	for _, p := range []Product{simple("B1", "하나", 1000, 3), tee("B2", []string{"화이트"}, []string{"M", "L"}, 2)} {
		if _, err := s.SaveProduct(ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	stamps := func() (updated string, moves int) {
		s.store.Read().QueryRowContext(ctx, `SELECT (SELECT group_concat(updated_at) FROM products), (SELECT count(*) FROM stock_movements)`).Scan(&updated, &moves)
		return updated, moves
	}
	before, movesBefore := stamps()
	defer testClock.Set(testClock.Now())
	testClock.Advance(24 * time.Hour)

	edited, _ := s.ExportProducts(ctx, ListFilter{Sort: SortCode})
	res, err := s.ApplyBulkEdit(ctx, edited, "same.xlsx", nil)
	if err != nil || res.Updated != 0 {
		t.Fatalf("unchanged bulk edit = %+v, %v", res, err)
	}
	if after, moves := stamps(); after != before || moves != movesBefore {
		t.Errorf("an unchanged bulk edit wrote: updated_at %s → %s, movements %d → %d", before, after, movesBefore, moves)
	}

	edited[1].Options[0].Stock = 9
	diff, err := s.DiffBulkEdit(ctx, edited)
	if err != nil || len(diff) != 1 {
		t.Fatalf("diff = %v, %v", diff, err)
	}
	b1, _ := s.ProductByCode(ctx, "B1")
	b1.Name = "하나 (다른 곳에서 고침)"
	if _, err := s.SaveProduct(ctx, b1, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyPreviewedBulkEdit(ctx, edited, diff, "edit.xlsx", nil); err == nil {
		t.Fatal("a diff the store moved away from was applied")
	}
	if b2, _ := s.ProductByCode(ctx, "B2"); b2.Options[0].Stock != 2 {
		t.Errorf("the refused bulk edit wrote stock %d", b2.Options[0].Stock)
	}
	edited[0].Name = b1.Name
	res, err = s.ApplyPreviewedBulkEdit(ctx, edited, diff, "edit.xlsx", nil)
	if b2, _ := s.ProductByCode(ctx, "B2"); err != nil || res.Updated != 1 || b2.Options[0].Stock != 9 {
		t.Errorf("the previewed bulk edit = %+v, %v, stock %d", res, err, b2.Options[0].Stock)
	}
}
