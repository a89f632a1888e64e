package data

import (
	"context"
	"fmt"
	"strings"
)

// keyPhone is how a phone number is written into a buyer key: its digits, with the separators people type
// (dash, space, dot, brackets, plus) taken out, the same in SQL (keyPhoneSQL) and in Go.
func keyPhone(p string) string {
	return strings.NewReplacer("-", "", " ", "", ".", "", "(", "", ")", "", "+", "").Replace(p)
}

const keyPhoneSQL = `replace(replace(replace(replace(replace(replace(o.buyer_phone, '-', ''), ' ', ''), '.', ''), '(', ''), ')', ''), '+', '')`

// SyncState is how far the contacts follow the orders.
type SyncState struct {
	LastOrderID int64 // the highest order id already read into contacts
	Pending     int64 // orders after it
	Dirty       int64 // synced orders whose lines changed since
}

// CustomerSyncState reads the sync's watermark and what waits behind it (two index reads).
func CustomerSyncState(ctx context.Context, q Querier) (SyncState, error) {
	var st SyncState
	err := q.QueryRowContext(ctx, `SELECT last_order_id, (SELECT count(*) FROM orders WHERE id > s.last_order_id),
		(SELECT count(*) FROM customer_dirty) FROM customer_sync s WHERE id = 1`).Scan(&st.LastOrderID, &st.Pending, &st.Dirty)
	if err != nil {
		return st, fmt.Errorf("data: customer sync state: %w", err)
	}
	return st, nil
}

// SyncCustomersBatchTx reads up to batch orders past the watermark into contacts (one contact per new buyer
// key: 구매자ID when the order has one, else name and phone), settles the figures of every contact they or a
// changed line touch, rewrites their lookup entries and moves the watermark. sold is the app's set of
// statuses that count toward 누적 구매액. It returns how many orders it read.
func SyncCustomersBatchTx(ctx context.Context, tx *Tx, batch int, sold []string) (int, error) {
	var w int64
	if err := tx.QueryRowContext(ctx, `SELECT last_order_id FROM customer_sync WHERE id = 1`).Scan(&w); err != nil {
		return 0, fmt.Errorf("data: customer sync: %w", err)
	}
	var hi, n int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0), count(*) FROM (SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?)`,
		w, batch).Scan(&hi, &n); err != nil {
		return 0, fmt.Errorf("data: customer sync: %w", err)
	}
	steps := []struct {
		q    string
		args []any
	}{
		{`DROP TABLE IF EXISTS temp.cust_batch`, nil},
		{`CREATE TEMP TABLE cust_batch (order_id INTEGER PRIMARY KEY, key TEXT NOT NULL)`, nil},
		{`INSERT INTO temp.cust_batch SELECT o.id, CASE WHEN o.buyer_id <> '' THEN 'id:' || o.buyer_id
			ELSE 'np:' || o.buyer_name || '|' || ` + keyPhoneSQL + ` END
			FROM orders o WHERE o.id > ? AND o.id <= ? AND (o.buyer_id <> '' OR o.buyer_name <> '')`, []any{w, hi}},
		{`DROP TABLE IF EXISTS temp.cust_newkeys`, nil},
		{`CREATE TEMP TABLE cust_newkeys (key TEXT PRIMARY KEY, cid INTEGER)`, nil},
		{`INSERT INTO temp.cust_newkeys (key) SELECT DISTINCT b.key FROM temp.cust_batch b
			WHERE NOT EXISTS (SELECT 1 FROM customer_keys k WHERE k.key = b.key) ORDER BY b.key`, nil},
		{`UPDATE temp.cust_newkeys SET cid = (SELECT coalesce(max(id), 0) FROM customers) + rowid`, nil},
		{`INSERT INTO customers (id, source, created_at, updated_at) SELECT cid, 'ORDERS', ?, ? FROM temp.cust_newkeys ORDER BY cid`,
			[]any{tx.stamp(), tx.stamp()}},
		{`INSERT INTO customer_keys (key, customer_id) SELECT key, cid FROM temp.cust_newkeys ORDER BY cid`, nil},
		{`INSERT OR REPLACE INTO customer_orders (order_id, key_id)
			SELECT b.order_id, k.id FROM temp.cust_batch b JOIN customer_keys k ON k.key = b.key`, nil},
		{affectedTable, nil},
		{`DELETE FROM temp.cust_affected`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT DISTINCT k.customer_id FROM temp.cust_batch b JOIN customer_keys k ON k.key = b.key`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT k.customer_id FROM customer_dirty d
			JOIN customer_orders co ON co.order_id = d.order_id JOIN customer_keys k ON k.id = co.key_id`, nil},
		{`DELETE FROM customer_dirty`, nil},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return 0, fmt.Errorf("data: customer sync: %w", err)
		}
	}
	if err := refreshFiguresAffectedTx(ctx, tx, sold); err != nil {
		return 0, err
	}
	if err := refreshSearchAffectedTx(ctx, tx); err != nil {
		return 0, err
	}
	if hi > w {
		if _, err := tx.ExecContext(ctx, `UPDATE customer_sync SET last_order_id = ?, synced_at = ? WHERE id = 1`, hi, tx.stamp()); err != nil {
			return 0, fmt.Errorf("data: customer sync: %w", err)
		}
	}
	return int(n), nil
}

// RefreshCustomerFiguresTx settles the derived figures (orders, 누적 구매액, first and last order, returns)
// and, for contacts made from orders, the name and phone of their latest order.
func RefreshCustomerFiguresTx(ctx context.Context, tx *Tx, ids []int64, sold []string) error {
	if err := fillAffected(ctx, tx, ids); err != nil {
		return err
	}
	return refreshFiguresAffectedTx(ctx, tx, sold)
}

func refreshFiguresAffectedTx(ctx context.Context, tx *Tx, sold []string) error {
	in, soldArgs := inSet("l.status", sold)
	steps := []struct {
		q    string
		args []any
	}{
		{`DROP TABLE IF EXISTS temp.cust_fig`, nil},
		{`CREATE TEMP TABLE cust_fig AS SELECT k.customer_id AS cid, count(*) AS n, min(o.ordered_at) AS first,
			max(o.ordered_at) AS last, max(o.paid_at) AS paid,
			sum((SELECT coalesce(sum(l.amount), 0) FROM order_lines l WHERE l.order_id = o.id AND ` + in + `)) AS total,
			sum((SELECT count(*) FROM returns r WHERE r.order_id = o.id)) AS rets
			FROM temp.cust_affected a JOIN customer_keys k ON k.customer_id = a.id
			JOIN customer_orders co ON co.key_id = k.id JOIN orders o ON o.id = co.order_id GROUP BY k.customer_id`, soldArgs},
		{`DROP TABLE IF EXISTS temp.cust_latest`, nil},
		{`CREATE TEMP TABLE cust_latest AS SELECT k.customer_id AS cid, max(o.ordered_at) AS at, o.buyer_name AS name,
			o.buyer_phone AS phone
			FROM temp.cust_affected a JOIN customer_keys k ON k.customer_id = a.id
			JOIN customer_orders co ON co.key_id = k.id JOIN orders o ON o.id = co.order_id GROUP BY k.customer_id`, nil},
		{`UPDATE customers SET order_count = 0, total_amount = 0, return_count = 0, first_order_at = '',
			last_order_at = '', last_paid_at = '' WHERE id IN (SELECT id FROM temp.cust_affected)
			AND id NOT IN (SELECT cid FROM temp.cust_fig)`, nil},
		{`UPDATE customers SET order_count = f.n, total_amount = f.total, return_count = f.rets, first_order_at = f.first,
			last_order_at = f.last, last_paid_at = f.paid, updated_at = ? FROM temp.cust_fig f WHERE customers.id = f.cid`,
			[]any{tx.stamp()}},
		{`UPDATE customers SET
			name = CASE WHEN customers.source = 'ORDERS' OR customers.name = '' THEN l.name ELSE customers.name END,
			phone = CASE WHEN customers.source = 'ORDERS' OR customers.phone = '' THEN l.phone ELSE customers.phone END
			FROM temp.cust_latest l WHERE customers.id = l.cid`, nil},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("data: customer figures: %w", err)
		}
	}
	return nil
}
