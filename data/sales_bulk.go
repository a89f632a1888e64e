package data

import (
	"context"
	"fmt"
)

// Bulk mode of the sales aggregates (migrations/0014_sales_bulk.sql), for a write of many lines in one
// transaction such as an order import. Between BeginSalesBulkTx and FlushSalesBulkTx, in the same
// transaction, the triggers take each touched order's contribution out once and note the order instead of
// rewriting its figures for every line; the flush puts back the contribution of every noted order from its
// final state, set based. A transaction that began bulk mode must flush before it commits; one that fails
// rolls back and takes bulk mode with it.

// BeginSalesBulkTx turns bulk mode on in tx. started says whether this call turned it on (false when an
// outer step of the same transaction already had): only the caller that started it flushes.
func BeginSalesBulkTx(ctx context.Context, tx *Tx) (started bool, err error) {
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO sales_bulk (id) VALUES (1)`)
	if err != nil {
		return false, fmt.Errorf("data: sales bulk mode: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("data: sales bulk mode: %w", err)
	}
	return n == 1, nil
}

// salesBulkFlush puts back the figures of the orders bulk mode noted, read with the fact views' expressions
// as the check and the rebuild read them (sales_bulk_order_facts is sales_order_facts for the noted orders),
// then forgets the orders and turns bulk mode off. Each view is read once, into a temporary table (memory:
// temp_store) the tables are then added from.
var salesBulkFlush = []string{
	`DELETE FROM sales_bulk`, // the triggers are back to per row for whatever follows in this transaction (first: see PutBackTx)
	`DROP TABLE IF EXISTS temp.sales_bulk_o`,
	`DROP TABLE IF EXISTS temp.sales_bulk_i`,
	`CREATE TEMP TABLE sales_bulk_o AS SELECT day, payment, source, channel, region, hour, buyer, lines, qty, gross, shipping
		FROM sales_bulk_order_facts`,
	`CREATE TEMP TABLE sales_bulk_i AS SELECT day, ref, option, count(*) AS lines, sum(qty) AS qty, sum(gross) AS gross
		FROM sales_line_facts WHERE order_id IN (SELECT order_id FROM sales_bulk_orders) GROUP BY 1, 2, 3`,
	`INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
		SELECT day, payment, source, channel, count(*), sum(lines), sum(qty), sum(gross), sum(shipping)
		FROM temp.sales_bulk_o WHERE 1 GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
			qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping`,
	`INSERT INTO sales_day_place (day, region, hour, orders, gross)
		SELECT day, region, hour, count(*), sum(gross) FROM temp.sales_bulk_o WHERE 1 GROUP BY 1, 2, 3
		ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross`,
	`INSERT INTO sales_day_buyer (day, buyer, orders, gross)
		SELECT day, buyer, count(*), sum(gross) FROM temp.sales_bulk_o WHERE 1 GROUP BY 1, 2
		ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross`,
	`INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
		SELECT day, ref, option, lines, qty, gross FROM temp.sales_bulk_i WHERE 1
		ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross`,
	`INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
		SELECT substr(day, 1, 7), ref, option, sum(lines), sum(qty), sum(gross) FROM temp.sales_bulk_i WHERE 1 GROUP BY 1, 2, 3
		ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross`,
	`DROP TABLE temp.sales_bulk_o`,
	`DROP TABLE temp.sales_bulk_i`,
	`DELETE FROM sales_bulk_orders`,
}

// FlushSalesBulkTx ends bulk mode in tx: every order it noted gets its figures back from its final state.
// Call it after the last write of the bulk step, before the transaction commits.
func FlushSalesBulkTx(ctx context.Context, tx *Tx) error {
	for _, q := range salesBulkFlush {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("data: sales bulk flush: %w", err)
		}
	}
	return nil
}

// SalesBulkPending counts the orders bulk mode has noted and not yet flushed, and says whether bulk mode is
// on: both are zero outside an import's transaction (the check reports otherwise).
func SalesBulkPending(ctx context.Context, q Querier) (on bool, orders int64, err error) {
	var n int64
	if err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sales_bulk), (SELECT count(*) FROM sales_bulk_orders)`).
		Scan(&n, &orders); err != nil {
		return false, 0, fmt.Errorf("data: sales bulk state: %w", err)
	}
	return n > 0, orders, nil
}

// salesImportTriggers are the insert triggers of order_lines an import drops while it runs in bulk mode
// (migrations/0015_sales_import.sql): the per-row ones do nothing in bulk mode, and the bulk ones' work, noting
// the order, is SalesImport.NoteOrderTx's.
var salesImportTriggers = []string{"sales_line_insert_before", "sales_line_insert_after", "sales_bulk_line_insert",
	"sales_bulk_line_insert_new"}

// SalesImport is bulk mode for an order import: like BeginSalesBulkTx, and without the per-line insert
// triggers, so the import notes every order before it inserts a line into it (NoteOrderTx). Updates and
// deletes of lines and orders keep their triggers.
type SalesImport struct {
	started  bool        // this import turned bulk mode on, and flushes it
	dropped  bool        // the insert triggers are dropped: the import notes orders itself
	triggers [][2]string // name and CREATE text of the dropped triggers, in their order of creation
	noted    map[int64]bool
}

// BeginSalesImportTx turns bulk mode on in tx for an import and drops the insert triggers it replaces.
// When an outer step of the same transaction already had bulk mode on, it changes nothing: the triggers
// stay, NoteOrderTx does nothing and FlushTx leaves the flush to the outer step. Should the store not have
// the four triggers as 0012/0014 wrote them, none is dropped and the import runs in 0014's bulk mode.
func BeginSalesImportTx(ctx context.Context, tx *Tx) (*SalesImport, error) {
	started, err := BeginSalesBulkTx(ctx, tx)
	if err != nil || !started {
		return &SalesImport{}, err
	}
	si := &SalesImport{started: true, noted: map[int64]bool{}}
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'order_lines'
		AND name IN (`+placeholders(len(salesImportTriggers))+`) ORDER BY rowid`, anys(salesImportTriggers)...)
	if err != nil {
		return nil, fmt.Errorf("data: sales import mode: %w", err)
	}
	for rows.Next() {
		var t [2]string
		if err := rows.Scan(&t[0], &t[1]); err != nil {
			rows.Close()
			return nil, fmt.Errorf("data: sales import mode: %w", err)
		}
		si.triggers = append(si.triggers, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data: sales import mode: %w", err)
	}
	if len(si.triggers) != len(salesImportTriggers) {
		si.triggers = nil
		return si, nil
	}
	si.dropped = true
	for _, t := range si.triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+t[0]); err != nil {
			return nil, fmt.Errorf("data: sales import mode: %w", err)
		}
	}
	return si, nil
}

// NoteOrderTx notes an order before the import inserts a line into it, once: an order this import created
// (created) only joins the orders the flush puts back; an order that was there before has its
// contribution taken out first. An order noted already, or noted by a trigger, is not taken out again.
func (si *SalesImport) NoteOrderTx(ctx context.Context, tx *Tx, orderID int64, created bool) error {
	if si == nil || !si.dropped || si.noted[orderID] {
		return nil
	}
	q := `INSERT INTO sales_bulk_note (order_id) VALUES (?)`
	if created {
		q = `INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (?)`
	}
	if _, err := tx.ExecContext(ctx, q, orderID); err != nil {
		return fmt.Errorf("data: note order %d for the sales figures: %w", orderID, err)
	}
	si.noted[orderID] = true
	return nil
}

// Noted is how many orders the import has noted since it began or last put figures back.
func (si *SalesImport) Noted() int {
	if si == nil {
		return 0
	}
	return len(si.noted)
}

// PutBackTx puts back the figures of the orders noted so far and forgets them, bulk mode staying on: an
// import calls it between rows now and then, so this work is done while the file is still being read
// rather than all after it. An order written again later is noted again (its figures taken out again).
func (si *SalesImport) PutBackTx(ctx context.Context, tx *Tx) error {
	if si == nil || !si.dropped || len(si.noted) == 0 {
		return nil
	}
	for _, q := range salesBulkFlush[1:] { // all but the first, which ends bulk mode
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("data: sales bulk put back: %w", err)
		}
	}
	clear(si.noted)
	return nil
}

// FlushTx ends the import's bulk mode: the dropped triggers come back as they were, then every noted order
// gets its figures back (FlushSalesBulkTx). Call it after the import's last write, before the transaction
// commits.
func (si *SalesImport) FlushTx(ctx context.Context, tx *Tx) error {
	if si == nil || !si.started {
		return nil
	}
	for _, t := range si.triggers {
		if _, err := tx.ExecContext(ctx, t[1]); err != nil {
			return fmt.Errorf("data: sales import mode: trigger %s back: %w", t[0], err)
		}
	}
	si.started, si.dropped, si.triggers, si.noted = false, false, nil, nil
	return FlushSalesBulkTx(ctx, tx)
}
