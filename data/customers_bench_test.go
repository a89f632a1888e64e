package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fillMillionLines writes 500,000 orders of two lines each (1,000,000 lines) from 200,000 buyers, half
// known by 구매자ID and half by name and phone, straight in SQL.
func fillMillionLines(b testing.TB, s *Store, orders int) {
	b.Helper()
	ctx := context.Background()
	err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `
			WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
			g(i, b) AS (SELECT i, (i * 7919) % 200000 FROM n)
			INSERT INTO orders (id, order_no, ordered_at, paid_at, buyer_name, buyer_id, buyer_phone, address, created_at, updated_at)
			SELECT i, 'O' || i,
				strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || (i * 60) || ' seconds'),
				strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || (i * 60 + 30) || ' seconds'),
				substr('김이박최정강조윤장임', b % 10 + 1, 1) || substr('민서지하준도윤예은수현우진영아', (b / 10) % 15 + 1, 1)
					|| substr('민서지하준도윤예은수현우진영아', (b / 150) % 15 + 1, 1),
				CASE WHEN b % 2 = 0 THEN 'buyer' || b ELSE '' END,
				'010-' || printf('%04d', 1000 + b / 10000) || '-' || printf('%04d', b % 10000),
				'서울시 강남구 ' || b, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'
			FROM g`, orders)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO order_lines (product_order_no, order_id, product_name, qty, amount, status, ordered_at, created_at, updated_at)
			SELECT o.order_no || '-' || k.k, o.id, '상품', 1, 1000 * k.k, CASE WHEN o.id % 10 = 0 THEN 'CANCELED' ELSE 'PURCHASE_DECIDED' END,
				o.ordered_at, o.created_at, o.updated_at
			FROM orders o CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) k`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCustomerBuild builds the contacts of a store of 1,000,000 order lines (200,000 buyers) from
// nothing, in batches of 20,000 orders as the window's first sync does (customers.SyncBatch). Besides the
// wall time it reports the CPU time (cpu-s/op), which a machine shared with other builds does not inflate.
func BenchmarkCustomerBuild(b *testing.B) { benchBuild(b, 500000, 200000, 20000) }

// BenchmarkCustomerBuildBigBatches is the same in batches of 100,000 orders.
func BenchmarkCustomerBuildBigBatches(b *testing.B) { benchBuild(b, 500000, 200000, 100000) }

// BenchmarkCustomerBuild200k is the same over 200,000 lines, for a quick look.
func BenchmarkCustomerBuild200k(b *testing.B) { benchBuild(b, 100000, 100000, 20000) }

func benchBuild(b *testing.B, orders, buyers, batch int) {
	ctx := context.Background()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := openWith(ctx, filepath.Join(b.TempDir(), "m.db"), customerMigrations(b), WithClock((&custClock{t: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}).now))
		if err != nil {
			b.Fatal(err)
		}
		fillMillionLines(b, s, orders)
		c0 := cpuTime()
		b.StartTimer()
		syncInBatches(b, s, batch)
		b.StopTimer()
		cpu += cpuTime() - c0
		if n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{}); n != buyers {
			b.Fatalf("contacts = %d, want %d", n, buyers)
		}
		s.Close()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkCustomerList reads the count and first page of the contact list, unfiltered, for each kind of
// search and for the filters, at 200,000 contacts.
func BenchmarkCustomerList(b *testing.B) {
	ctx := context.Background()
	s, err := openWith(ctx, filepath.Join(b.TempDir(), "m.db"), customerMigrations(b), WithClock((&custClock{t: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}).now))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fillMillionLines(b, s, 200000) // 200,000 buyers, one order of two lines each
	syncInBatches(b, s, 100000)
	s.Optimize(ctx)
	for _, c := range []struct {
		name string
		q    CustomerQuery
	}{
		{"FirstPage", CustomerQuery{Limit: 100}},
		{"HangulPart", CustomerQuery{Search: "민서", Limit: 100}},
		{"OneLetter", CustomerQuery{Search: "김", Limit: 100}},
		{"PhoneTail", CustomerQuery{Search: "4321", Limit: 100}},
		{"Email", CustomerQuery{Search: "nobody@naver.com", Limit: 100}},
		{"TotalFilter", CustomerQuery{MinTotal: 20000, Limit: 100}},
		{"ConsentNone", CustomerQuery{Consent: "NONE", Limit: 100}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := CountCustomers(ctx, s.Read(), c.q); err != nil {
					b.Fatal(err)
				}
				if _, err := ListCustomers(ctx, s.Read(), c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCustomerBuildStore builds the contacts of a copy of a real order store (SELLERDESK_BENCH_STORE,
// e.g. the 1,000,000-line import benchmark's), in the window's batches of 20,000 orders; the copy and its
// migrations are not timed. Skipped without the variable.
func BenchmarkCustomerBuildStore(b *testing.B) {
	src := os.Getenv("SELLERDESK_BENCH_STORE")
	if src == "" {
		b.Skip("SELLERDESK_BENCH_STORE names no store")
	}
	ctx := context.Background()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "orders.db")
		if err := copyFile(ctx, src, path); err != nil {
			b.Fatal(err)
		}
		s, err := openWith(ctx, path, customerMigrations(b), WithClock((&custClock{t: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}).now))
		if err != nil {
			b.Fatal(err)
		}
		st, err := CustomerSyncState(ctx, s.Read())
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		syncInBatches(b, s, 20000)
		b.StopTimer()
		cpu += cpuTime() - c0
		n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{})
		var lines int
		s.Read().QueryRowContext(ctx, `SELECT count(*) FROM order_lines`).Scan(&lines)
		b.Logf("%d orders (%d lines) read into %d contacts", st.Pending, lines, n)
		s.Close()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
