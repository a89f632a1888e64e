package sales

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// benchStore is the sales benchmarks' store, on the benchmarks' clock (24 November 2026, 18:00 KST): a copy
// of the orders benchmarks' million-line store (app/orders BenchmarkLookup builds it at
// $TMPDIR/sellerdesk-bench-orders-v4.db; it is read, never written here), migrated, with its 125,000 반품
// lines given claim days 3–16 days after their payment as Smart Store's files carry them (that store's lines
// have none, so every return would land on the one day it was migrated and a year's refunds would cost
// nothing), cached at $TMPDIR/sellerdesk-bench-sales-v1.db. SALES_BENCH_DB names a store to use as it is.
func benchStore(b *testing.B) *Service {
	b.Helper()
	ctx := context.Background()
	c := clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, kst))
	path := os.Getenv("SALES_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "sellerdesk-bench-sales-v1.db")
		if _, err := os.Stat(path); err != nil {
			buildBenchStore(b, path, c)
		}
	}
	store, err := data.Open(ctx, path, data.WithClock(c.Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// buildBenchStore makes benchStore's cached store (see there) at path.
func buildBenchStore(b *testing.B, path string, c *clock.Pinned) {
	b.Helper()
	ctx := context.Background()
	src := filepath.Join(os.TempDir(), "sellerdesk-bench-orders-v4.db")
	if _, err := os.Stat(src); err != nil {
		b.Skipf("%s: build it with app/orders' BenchmarkLookup: %v", src, err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	// a consistent copy even while another process has the orders' store open
	db, err := sql.Open("sqlite", "file:"+src+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	_, err = db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	db.Close()
	if err != nil {
		b.Fatal(err)
	}
	store, err := data.Open(ctx, tmp, data.WithClock(c.Now))
	if err != nil {
		b.Fatal(err)
	}
	err = store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE order_lines SET claim_at = min('2026-11-24T08:00:00.000Z',
				(SELECT strftime('%Y-%m-%dT%H:%M:%fZ', o.paid_at, '+' || (3 + order_lines.id % 14) || ' days')
				FROM orders o WHERE o.id = order_lines.order_id))
			WHERE status = 'RETURNED' AND claim_at = ''`)
		return err
	})
	if err == nil {
		err = store.Close()
	} else {
		store.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkSummary(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, p := range []Preset{Today, ThisMonth, Last30Days, Last12} {
		b.Run(string(p), func(b *testing.B) {
			period := s.PresetPeriod(p)
			for b.Loop() {
				if _, err := s.Summary(ctx, period); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBreakdown12Months(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	period := s.PresetPeriod(Last12)
	for _, by := range Bys {
		b.Run(string(by), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Breakdown(ctx, period, by, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("buyer-counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.BuyerCounts(ctx, period); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDashboardSales(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Dashboard(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportAggregates imports the orders benchmarks' 100,000-line file into a new store with every
// aggregate's triggers and without those of migration 0016 (the claims by day and the buyers' previous days),
// beside excelize reading the same file: what 0016 costs an import. (A case without any sales trigger is gone:
// the import's bulk mode, 0015, needs its insert triggers to drop and put back.)
func BenchmarkImportAggregates(b *testing.B) {
	path := filepath.Join(os.TempDir(), "sellerdesk-bench-orders-100k-v1.xlsx")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%s is built by app/orders' BenchmarkImport100k: %v", path, err)
	}
	b.Run("excelize-read", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
			f.Close()
		}
	})
	for _, c := range []struct {
		name string
		drop string // the sales triggers dropped before the import (LIKE pattern, '' for none)
	}{
		// 0016's triggers on the claims and the buyers' rows (the claim triggers of 0012 stay)
		{"import-without-0016", "sales_%_day_%' OR name LIKE 'sales_claim_order' OR name LIKE 'sales_buyer_%"},
		{"import-with-aggregates", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				b.StopTimer()
				clk := clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, kst))
				store, err := data.Open(ctx, filepath.Join(b.TempDir(), "import.db"), data.WithClock(clk.Now))
				if err != nil {
					b.Fatal(err)
				}
				if c.drop != "" {
					rows, _ := store.Read().Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE '` + c.drop + `')`)
					var names []string
					for rows.Next() {
						var n string
						rows.Scan(&n)
						names = append(names, n)
					}
					rows.Close()
					if len(names) == 0 {
						b.Fatalf("no trigger is like %s", c.drop)
					}
					err := store.Write(ctx, func(tx *data.Tx) error {
						for _, n := range names {
							if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+n); err != nil {
								return err
							}
						}
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				svc := orders.New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
				b.StartTimer()
				res, err := svc.ImportFile(ctx, bytes.NewReader(raw), "bench.xlsx", "", nil)
				b.StopTimer()
				if err != nil || res.New == 0 {
					b.Fatal(res, err)
				}
				store.Close()
				b.StartTimer()
			}
		})
	}
}

// BenchmarkPDF12Months makes the 12-month 매출 보고서 (every breakdown read, then drawn) on the million-line
// store: the budget is one second.
func BenchmarkPDF12Months(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	p := s.PresetPeriod(Last12)
	for b.Loop() {
		r, err := s.Report(ctx, p, PDFBys(p))
		if err != nil {
			b.Fatal(err)
		}
		if err := WritePDF(io.Discard, r, CompareYear); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck recomputes every aggregate from the million lines and compares, as `sellerdesk check` does.
func BenchmarkCheck(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		bad, err := s.Check(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(bad) > 0 {
			b.Fatalf("the benchmark store's aggregates differ from the lines: %v", bad)
		}
	}
}
