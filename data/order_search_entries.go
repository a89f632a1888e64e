package data

// A line's lookup entry (the names' letters and pairs, the phones' tails), written at once or staged
// and flushed once per import.

import (
	"context"
	"fmt"
	"strings"
)

// LineSearch is what a line's names and phones are found by.
type LineSearch struct {
	Names  []string // buyer and recipient
	Phones []string
}

// lineSearchRow is what order_search holds for a line.
func lineSearchRow(s LineSearch) (nameChars, namePairs, tails string) {
	var ts []string
	for _, p := range s.Phones {
		if d := digitsOf(p); len(d) >= 4 {
			ts = append(ts, d[len(d)-4:])
		}
	}
	return letters(strings.Join(s.Names, " "), 1), pairsOfEach(s.Names), strings.Join(ts, " ")
}

const stageTable = `CREATE TEMP TABLE IF NOT EXISTS order_search_stage (line_id INTEGER PRIMARY KEY,
	name_chars TEXT, name_pairs TEXT, tails TEXT)`

// SetLineSearchTx writes a line's lookup entry at once, replacing any earlier one (for single lines; an
// import stages its entries with StageLineSearchTx).
func SetLineSearchTx(ctx context.Context, tx *Tx, lineID int64, s LineSearch, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM order_search WHERE rowid = ?`, lineID); err != nil {
			return fmt.Errorf("data: line %d search: %w", lineID, err)
		}
	}
	nc, np, tails := lineSearchRow(s)
	_, err := tx.ExecContext(ctx, `INSERT INTO order_search (rowid, name_chars, name_pairs, tails) VALUES (?, ?, ?, ?)`,
		lineID, nc, np, tails)
	if err != nil {
		return fmt.Errorf("data: line %d search: %w", lineID, err)
	}
	return nil
}

// StageLineSearchTx queues a line's lookup entry in a temporary table; FlushLineSearchTx writes every
// queued entry in one statement. Why: once the FTS index is written in a transaction, every later
// statement makes SQLite flush the index's pending terms to disk (a statement savepoint), which for an
// import of 100,000 lines costs more than everything else together.
func StageLineSearchTx(ctx context.Context, tx *Tx, lineID int64, s LineSearch) error {
	if _, err := tx.ExecContext(ctx, stageTable); err != nil {
		return fmt.Errorf("data: stage line search: %w", err)
	}
	nc, np, tails := lineSearchRow(s)
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO temp.order_search_stage VALUES (?, ?, ?, ?)`, lineID, nc, np, tails)
	if err != nil {
		return fmt.Errorf("data: stage line %d search: %w", lineID, err)
	}
	return nil
}

// StageLineSearchEntryTx is StageLineSearchTx with the entry made already.
func StageLineSearchEntryTx(ctx context.Context, tx *Tx, lineID int64, e LineSearchEntry) error {
	if _, err := tx.ExecContext(ctx, stageTable); err != nil {
		return fmt.Errorf("data: stage line search: %w", err)
	}
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO temp.order_search_stage VALUES (?, ?, ?, ?)`, lineID, e.nameChars, e.namePairs, e.tails)
	if err != nil {
		return fmt.Errorf("data: stage line %d search: %w", lineID, err)
	}
	return nil
}

// FlushLineSearchTx writes the staged lookup entries, replacing the lines' earlier ones.
func FlushLineSearchTx(ctx context.Context, tx *Tx) error {
	if _, err := tx.ExecContext(ctx, stageTable); err != nil {
		return fmt.Errorf("data: flush line search: %w", err)
	}
	for _, q := range []string{
		`DELETE FROM order_search WHERE rowid IN (SELECT line_id FROM temp.order_search_stage)
			AND rowid <= (SELECT max(rowid) FROM order_search)`,
		`INSERT INTO order_search (rowid, name_chars, name_pairs, tails)
			SELECT line_id, name_chars, name_pairs, tails FROM temp.order_search_stage ORDER BY line_id`,
		`DELETE FROM temp.order_search_stage`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("data: flush line search: %w", err)
		}
	}
	return nil
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
