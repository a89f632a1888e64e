package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestProductListMigrations: a store written before 0008 gets every product's ancestors into its search tags,
// so a top category's filter is one word of the index, and (0009) a count of its live products.
func TestProductListMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	all := embeddedMigrations()
	old, err := openWith(ctx, path, all[:7], testClock())
	if err != nil {
		t.Fatal(err)
	}
	at := testStamp
	for _, q := range []string{
		`INSERT INTO categories (id, parent_id, name, created_at) VALUES (1, NULL, '의류', '` + at + `'),
			(2, 1, '상의', '` + at + `'), (3, 2, '티셔츠', '` + at + `'), (4, NULL, '리빙', '` + at + `')`,
		`INSERT INTO products (id, code, name, category_id, price, status, created_at, updated_at) VALUES
			(10, 'A', '반팔 티셔츠', 3, 9900, 'SALE', '` + at + `', '` + at + `'),
			(11, 'B', '수건', 4, 5000, 'SUSPENSION', '` + at + `', '` + at + `'),
			(12, 'C', '분류 없는 상품', NULL, 1000, 'SALE', '` + at + `', '` + at + `')`,
		`INSERT INTO product_search (rowid, name_chars, code_chars, name_pairs, code_pairs, tags) VALUES
			(10, '', '', '', '', 'ssale c3'), (11, '', '', '', '', 'ssuspension c4'), (12, '', '', '', '', 'ssale c0')`,
	} {
		if _, err := old.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[int64]string{10: "ssale c3 c2 c1", 11: "ssuspension c4", 12: "ssale c0"}
	for id, tags := range want {
		var got string
		if err := s.Read().QueryRowContext(ctx, `SELECT tags FROM product_search WHERE rowid = ?`, id).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if !sameWords(got, tags) {
			t.Errorf("product %d tags %q, want %q", id, got, tags)
		}
	}
	var n int
	if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM product_search WHERE product_search MATCH 'tags : c1'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("products under 의류 by its word = %d (%v), want 1", n, err)
	}
	if err := s.Read().QueryRowContext(ctx, `SELECT n FROM live_product_count`).Scan(&n); err != nil || n != 3 {
		t.Errorf("live product count = %d (%v), want 3", n, err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE products SET archived_at = ? WHERE id = 11`, testStamp); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE products SET archived_at = ?, name = '다시' WHERE id = 11`, testStamp); err != nil {
		t.Fatal(err) // archived again: no change of count
	}
	if _, err := s.w.ExecContext(ctx, `DELETE FROM products WHERE id = 12`); err != nil {
		t.Fatal(err)
	}
	if err := s.Read().QueryRowContext(ctx, `SELECT n FROM live_product_count`).Scan(&n); err != nil || n != 1 {
		t.Errorf("after archiving one and deleting one: %d (%v), want 1", n, err)
	}
}

// sameWords compares two space-separated word lists as sets.
func sameWords(a, b string) bool {
	count := map[string]int{}
	for _, w := range strings.Fields(a) {
		count[w]++
	}
	for _, w := range strings.Fields(b) {
		count[w]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}
