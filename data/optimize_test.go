package data

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestOptimize: a store gets statistics once its tables hold rows, gets new ones when a table has grown
// many times over, and its readers plan with the new ones. The query below can use the status index or the
// category index; which one is better flips between the two phases, and only statistics tell the planner.
func TestOptimize(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "sellerdesk.db"), testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const query = `SELECT id FROM products WHERE status = 'SALE' AND category_id = 2`
	// addProducts inserts n products of one status in categories first, first+1, … (cats of them).
	batch := 0
	addProducts := func(n, first, cats int, statuses ...string) {
		t.Helper()
		batch++
		err := s.Write(ctx, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, `WITH RECURSIVE c(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM c WHERE i < ?)
				INSERT OR IGNORE INTO categories (id, name, created_at) SELECT i, '분류 ' || i, ? FROM c`,
				first, first+cats-1, testStamp); err != nil {
				return err
			}
			for i, status := range statuses {
				if _, err := tx.ExecContext(ctx, `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ?)
					INSERT INTO products (code, name, category_id, price, status, created_at, updated_at)
					SELECT ? || '-' || i, '상품 ' || i, ? + i % ?, 1000, ?, ?, ? FROM c`,
					n/len(statuses)-1, fmt.Sprintf("B%d-%d", batch, i), first, cats, status, testStamp, testStamp); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rowsInStats := func() string {
		t.Helper()
		var stat string
		err := s.w.QueryRowContext(ctx, `SELECT coalesce((SELECT stat FROM sqlite_stat1 WHERE idx = 'products_status'), '')`).Scan(&stat)
		if err != nil && !strings.Contains(err.Error(), "no such table") {
			t.Fatal(err)
		}
		return strings.Fields(stat + " -")[0]
	}
	readerIndex := func() string {
		t.Helper()
		var n int // a read first, so the reader has loaded the schema (and the statistics) it plans with
		if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM products`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		rows, err := s.Read().QueryContext(ctx, `EXPLAIN QUERY PLAN `+query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		return strings.Join(plan, "; ")
	}

	t.Run("Empty", func(t *testing.T) {
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		if got := rowsInStats(); got != "-" {
			t.Errorf("statistics of an empty products table: %q, want none", got)
		}
	})
	t.Run("FirstStatistics", func(t *testing.T) {
		// 30 products, all in category 2, a third of them on sale: the status is the narrower index
		addProducts(30, 2, 1, "SALE", "SUSPENSION", "OUTOFSTOCK")
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		if got, want := rowsInStats(), "30"; got != want {
			t.Errorf("products in the statistics = %s, want %s", got, want)
		}
		if got := readerIndex(); !strings.Contains(got, "products_status") {
			t.Errorf("plan %q, want the status index", got)
		}
	})
	t.Run("Unchanged", func(t *testing.T) {
		addProducts(3, 2, 1, "SALE") // a tenth more is not worth reading the tables again
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		if got, want := rowsInStats(), "30"; got != want {
			t.Errorf("products in the statistics = %s, want %s (not analyzed again)", got, want)
		}
	})
	t.Run("GrownManyTimes", func(t *testing.T) {
		// 3,000 more on sale, 30 in each of 100 other categories: now the category is the narrower index,
		// and the reader that planned with the old statistics must not keep them
		addProducts(3000, 3, 100, "SALE")
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		if got, want := rowsInStats(), "3033"; got != want {
			t.Errorf("products in the statistics = %s, want %s", got, want)
		}
		if got := readerIndex(); !strings.Contains(got, "products_category") {
			t.Errorf("plan %q, want the category index", got)
		}
	})
}

// TestStatisticsKeptByOpenAndClose: a store that closes after writing rows reopens with statistics for
// them, with no call from the services: Close and Open run Optimize themselves.
func TestStatisticsKeptByOpenAndClose(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 99)
			INSERT INTO products (code, name, price, status, created_at, updated_at)
			SELECT 'S-' || i, '상품 ' || i, 1000, 'SALE', ?, ? FROM c`, testStamp, testStamp)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'products'`).Scan(&n); err != nil {
		t.Fatalf("no statistics after close and open: %v", err)
	}
	if n == 0 {
		t.Fatal("the products table has no statistics after close and open")
	}
}
