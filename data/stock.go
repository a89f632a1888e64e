package data

import (
	"context"
	"fmt"
	"time"
)

// MovementRecord is a row of stock_movements.
type MovementRecord struct {
	ID         int64
	OptionID   int64
	ProductID  int64
	Delta      int64
	StockAfter int64
	Reason     string
	Note       string
	SourceRef  string
	At         time.Time
}

// AddMovementTx writes one stock movement and moves the option's cached stock by the same delta, in the
// caller's transaction, and returns the stock after it. Callers check the business rules first.
func AddMovementTx(ctx context.Context, tx *Tx, optionID, delta int64, reason, note, sourceRef string) (int64, error) {
	var after int64
	err := tx.QueryRowContext(ctx, `UPDATE product_options SET stock = stock + ? WHERE id = ? RETURNING stock`,
		delta, optionID).Scan(&after)
	if err != nil {
		return 0, fmt.Errorf("data: move stock of option %d: %w", optionID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO stock_movements (option_id, delta, stock_after, reason, note, source_ref, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, optionID, delta, after, reason, note, sourceRef, tx.stamp())
	if err != nil {
		return 0, fmt.Errorf("data: record movement of option %d: %w", optionID, err)
	}
	return after, nil
}

// RecordMovementTx writes the movement that brought a new option, inserted with its stock, to stockAfter.
func RecordMovementTx(ctx context.Context, tx *Tx, optionID, delta, stockAfter int64, reason, note, sourceRef string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stock_movements (option_id, delta, stock_after, reason, note, source_ref, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, optionID, delta, stockAfter, reason, note, sourceRef, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: record movement of option %d: %w", optionID, err)
	}
	return nil
}

// RecordOpeningStockTx records, for every option of a new product that starts with stock, the movement
// that brought it there: one statement for the whole product.
func RecordOpeningStockTx(ctx context.Context, tx *Tx, productID int64, reason, note, sourceRef string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stock_movements (option_id, delta, stock_after, reason, note, source_ref, at)
		SELECT id, stock, stock, ?, ?, ?, ? FROM product_options WHERE product_id = ? AND stock <> 0 ORDER BY id`,
		reason, note, sourceRef, tx.stamp(), productID)
	if err != nil {
		return fmt.Errorf("data: opening stock of product %d: %w", productID, err)
	}
	return nil
}

// Movements reads an option's movements, newest first.
func Movements(ctx context.Context, q Querier, optionID int64, limit int) ([]MovementRecord, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.option_id, o.product_id, m.delta, m.stock_after, m.reason, m.note,
		m.source_ref, m.at FROM stock_movements m JOIN product_options o ON o.id = m.option_id
		WHERE m.option_id = ? ORDER BY m.id DESC LIMIT ?`, optionID, limit)
	if err != nil {
		return nil, fmt.Errorf("data: movements of option %d: %w", optionID, err)
	}
	defer rows.Close()
	var out []MovementRecord
	for rows.Next() {
		var m MovementRecord
		var at string
		if err := rows.Scan(&m.ID, &m.OptionID, &m.ProductID, &m.Delta, &m.StockAfter, &m.Reason, &m.Note, &m.SourceRef, &at); err != nil {
			return nil, fmt.Errorf("data: movements of option %d: %w", optionID, err)
		}
		m.At, _ = time.Parse(TimeLayout, at)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MovementCount counts an option's movements.
func MovementCount(ctx context.Context, q Querier, optionID int64) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM stock_movements WHERE option_id = ?`, optionID).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count movements of option %d: %w", optionID, err)
	}
	return n, nil
}

// LedgerMismatches lists options whose cached stock differs from the sum of their movements; it is empty
// in a sound store (tests and `sellerdesk check` use it).
func LedgerMismatches(ctx context.Context, q Querier) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id FROM product_options o
		WHERE o.stock <> (SELECT coalesce(sum(delta), 0) FROM stock_movements m WHERE m.option_id = o.id)`)
	if err != nil {
		return nil, fmt.Errorf("data: ledger check: %w", err)
	}
	return scanIDs(rows)
}
