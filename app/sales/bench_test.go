package sales

import (
	"bytes"
	"context"
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

// benchStore is a copy of the orders benchmarks' million-line store (app/orders BenchmarkLookup builds
// it at $TMPDIR/sellerdesk-bench-orders-v4.db); SALES_BENCH_DB names another copy. The first open
// migrates it, which fills the aggregates from the lines once.
func benchStore(b *testing.B) *Service {
	b.Helper()
	path := os.Getenv("SALES_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "sellerdesk-bench-orders-v4.db")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("%s: build it with app/orders' BenchmarkLookup: %v", path, err)
	}
	c := clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, kst))
	store, err := data.Open(context.Background(), path, data.WithClock(c.Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
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

// BenchmarkImportAggregates imports the orders benchmarks' 100,000-line file into a new store with the
// aggregates' triggers and without them, beside excelize reading the same file: what keeping the figures
// current costs an import.
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
	for _, withTriggers := range []bool{false, true} {
		name := "import-without-aggregates"
		if withTriggers {
			name = "import-with-aggregates"
		}
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				b.StopTimer()
				c := clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, kst))
				store, err := data.Open(ctx, filepath.Join(b.TempDir(), "import.db"), data.WithClock(c.Now))
				if err != nil {
					b.Fatal(err)
				}
				if !withTriggers {
					rows, _ := store.Read().Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sales_%'`)
					var names []string
					for rows.Next() {
						var n string
						rows.Scan(&n)
						names = append(names, n)
					}
					rows.Close()
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
