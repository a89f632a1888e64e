package data

import (
	"context"
	"fmt"
)

// analysisLimit bounds how many rows of each index ANALYZE reads, as SQLite recommends with PRAGMA
// optimize. A store's first Optimize then took 30–46 ms at 100,000 products and 0.22–0.25 s at 1,000,000
// order lines, where an unlimited ANALYZE took 1.1 s and 5.1 s (2026-12-03, on copies of the benchmark
// stores).
const analysisLimit = 400

// readerIdle is how many idle reader connections the pool keeps: database/sql's default, which Open keeps.
const readerIdle = 2

// Optimize gives SQLite's query planner statistics (sqlite_stat1) where they are missing or stale: it
// analyzes each table that has never been analyzed or has grown or shrunk tenfold since it last was
// (PRAGMA optimize=0x10002, the 0x10000 bit checking every table, not only those this connection used).
// When nothing changed that much it reads only the tables' sizes (under a millisecond at 1,000,000 order
// lines), so it is cheap to call when the store opens, after a big import and before the store closes.
//
// It runs on the writer connection, which loads the new statistics at once. Reader connections load
// statistics only when they open (or when the schema changes, as the very first ANALYZE does), so the
// idle readers are closed and later reads open fresh ones; a read running meanwhile finishes with the plans
// it has and its connection is kept.
func (s *Store) Optimize(ctx context.Context) error {
	if s.access != Writable {
		return nil // a read-only store keeps the statistics it has
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("data: optimize: %w", err)
	}
	defer conn.Close()
	// analysis_limit is per connection; set with optimize so a caller need not know it. Without it, an
	// explicit mask (0x10002 lacks optimize's own 0x10 limit bit) analyzes every row: seconds on a big store.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA analysis_limit=%d`, analysisLimit)); err != nil {
		return fmt.Errorf("data: optimize: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		return fmt.Errorf("data: optimize: %w", err)
	}
	if s.r != nil {
		s.r.SetMaxIdleConns(0) // closes the idle readers, which hold the statistics they opened with
		s.r.SetMaxIdleConns(readerIdle)
	}
	return nil
}

// optimizeBusyMillis is how long opening and closing wait for another process's write before they leave
// the statistics for another time: statistics only speed plans up, and neither a headless `orders find`
// nor closing the window may wait the writer's whole busy timeout behind an import in another process.
const optimizeBusyMillis = 200

// optimizeIfFree is Optimize for open and close: when another process is writing it gives up after
// optimizeBusyMillis and reports nothing, since the next open or close will do it.
func (s *Store) optimizeIfFree(ctx context.Context) {
	if s.access != Writable {
		return
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return
	}
	_, err = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout=%d`, optimizeBusyMillis))
	conn.Close() // back to the pool, so Optimize takes the same single writer connection
	if err != nil {
		return
	}
	_ = s.Optimize(ctx)
	if conn, err := s.w.Conn(ctx); err == nil {
		_, _ = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout=%d`, s.busyMillis))
		conn.Close()
	}
}
