package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// keyPhone is how a phone number is written into a buyer key: its digits, with the separators people type
// (dash, space, dot, brackets, plus) taken out, the same in SQL (keyPhoneSQL) and in Go.
func keyPhone(p string) string {
	return strings.NewReplacer("-", "", " ", "", ".", "", "(", "", ")", "", "+", "").Replace(p)
}

const keyPhoneSQL = `replace(replace(replace(replace(replace(replace(o.buyer_phone, '-', ''), ' ', ''), '.', ''), '(', ''), ')', ''), '+', '')`

// orderKeySQL is the buyer key of the order o, as NameKey writes it for a name and phone.
const orderKeySQL = `(CASE WHEN o.buyer_id <> '' THEN 'id:' || o.buyer_id ELSE 'np:' || o.buyer_name || '|' || ` + keyPhoneSQL + ` END)`

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

type step struct {
	q    string
	args []any
}

func runSteps(ctx context.Context, tx *Tx, what string, steps []step) error {
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("data: %s: %w", what, err)
		}
	}
	return nil
}

// SyncCustomersBatchTx reads up to batch orders past the watermark into contacts and moves the watermark.
// A new buyer key (구매자ID when the order has one, else name and phone) becomes a new contact; the figures
// of the contacts the batch touches grow by the batch's orders alone (a contact's earlier orders are not
// read again); contacts whose synced lines changed since (customer_dirty) are counted again in full; and
// only contacts with a new key or a buyer name or phone not seen before get new lookup entries. sold is
// the app's set of statuses that count toward 누적 구매액. It returns how many orders it read.
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
	// a batch reads and writes more pages than the default cache holds; the writer's cache grows for it
	var cache int64
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err == nil && cache > -65536 && cache < 16384 {
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -65536`); err == nil {
			defer tx.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = `+strconv.FormatInt(cache, 10))
		}
	}
	var prevMax int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM customers`).Scan(&prevMax); err != nil {
		return 0, fmt.Errorf("data: customer sync: %w", err)
	}
	in, soldArgs := inSet("l.status", sold)
	bound := max(hi, w)
	steps := []step{
		{`DROP TABLE IF EXISTS temp.cust_batch`, nil},
		{`CREATE TEMP TABLE cust_batch (order_id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT, phone TEXT, at TEXT, paid TEXT)`, nil},
		{`INSERT INTO temp.cust_batch SELECT o.id, ` + orderKeySQL + `, o.buyer_name, o.buyer_phone, o.ordered_at, o.paid_at
			FROM orders o WHERE o.id > ? AND o.id <= ? AND (o.buyer_id <> '' OR o.buyer_name <> '')`, []any{w, hi}},
		// each key of the batch with the name and phone of its latest order there (SQLite takes the bare
		// columns from the row that holds the max)
		{`DROP TABLE IF EXISTS temp.cust_bkeys`, nil},
		{`CREATE TEMP TABLE cust_bkeys (key TEXT PRIMARY KEY, at TEXT, name TEXT, phone TEXT, kid INTEGER, cid INTEGER,
			changed INTEGER NOT NULL DEFAULT 0)`, nil},
		{`INSERT INTO temp.cust_bkeys (key, at, name, phone) SELECT key, max(at), name, phone FROM temp.cust_batch GROUP BY key`, nil},
		{`UPDATE temp.cust_bkeys SET kid = k.id, cid = k.customer_id,
			changed = NOT (k.name = cust_bkeys.name AND k.phone = cust_bkeys.phone) AND cust_bkeys.at >= k.seen_at
			FROM customer_keys k WHERE k.key = cust_bkeys.key`, nil},
		// new keys: a contact each, numbered after the last
		{`DROP TABLE IF EXISTS temp.cust_newkeys`, nil},
		{`CREATE TEMP TABLE cust_newkeys (key TEXT PRIMARY KEY, cid INTEGER)`, nil},
		{`INSERT INTO temp.cust_newkeys (key) SELECT key FROM temp.cust_bkeys WHERE kid IS NULL ORDER BY key`, nil},
		{`UPDATE temp.cust_newkeys SET cid = ? + rowid`, []any{prevMax}},
		{`UPDATE temp.cust_bkeys SET cid = n.cid, changed = 1 FROM temp.cust_newkeys n WHERE n.key = cust_bkeys.key`, nil},
		// the batch's share of each contact's figures
		{`DROP TABLE IF EXISTS temp.cust_delta`, nil},
		{`CREATE TEMP TABLE cust_delta (cid INTEGER PRIMARY KEY, n INTEGER, first TEXT, last TEXT, paid TEXT, total INTEGER)`, nil},
		{`INSERT INTO temp.cust_delta SELECT k.cid, count(DISTINCT b.order_id), min(b.at), max(b.at), coalesce(max(b.paid), ''),
			coalesce(sum(CASE WHEN ` + in + ` THEN l.amount ELSE 0 END), 0)
			FROM temp.cust_batch b JOIN temp.cust_bkeys k ON k.key = b.key LEFT JOIN order_lines l ON l.order_id = b.order_id
			GROUP BY k.cid`, soldArgs},
		{`DROP TABLE IF EXISTS temp.cust_dret`, nil},
		{`CREATE TEMP TABLE cust_dret (cid INTEGER PRIMARY KEY, n INTEGER)`, nil},
		{`INSERT INTO temp.cust_dret SELECT k.cid, count(*) FROM returns r JOIN temp.cust_batch b ON b.order_id = r.order_id
			JOIN temp.cust_bkeys k ON k.key = b.key GROUP BY k.cid`, nil},
		{`DROP TABLE IF EXISTS temp.cust_dlatest`, nil},
		{`CREATE TEMP TABLE cust_dlatest (cid INTEGER PRIMARY KEY, at TEXT, name TEXT, phone TEXT)`, nil},
		{`INSERT INTO temp.cust_dlatest SELECT cid, max(at), name, phone FROM temp.cust_bkeys GROUP BY cid`, nil},
		// new contacts are written once, whole
		{`INSERT INTO customers (id, name, phone, source, first_order_at, last_order_at, last_paid_at, order_count, total_amount,
			return_count, created_at, updated_at)
			SELECT n.cid, l.name, l.phone, 'ORDERS', d.first, d.last, d.paid, d.n, d.total, coalesce(r.n, 0), ?, ?
			FROM temp.cust_newkeys n JOIN temp.cust_delta d ON d.cid = n.cid JOIN temp.cust_dlatest l ON l.cid = n.cid
			LEFT JOIN temp.cust_dret r ON r.cid = n.cid ORDER BY n.cid`, []any{tx.stamp(), tx.stamp()}},
		{`INSERT INTO customer_keys (key, customer_id, name, phone, seen_at)
			SELECT n.key, n.cid, b.name, b.phone, b.at FROM temp.cust_newkeys n JOIN temp.cust_bkeys b ON b.key = n.key ORDER BY n.cid`, nil},
		{`UPDATE temp.cust_bkeys SET kid = k.id FROM customer_keys k WHERE k.key = cust_bkeys.key AND cust_bkeys.kid IS NULL`, nil},
		{`UPDATE customer_keys SET name = b.name, phone = b.phone, seen_at = b.at FROM temp.cust_bkeys b
			WHERE customer_keys.id = b.kid AND b.changed AND customer_keys.customer_id <= ?`, []any{prevMax}},
		{`UPDATE customer_keys SET seen_at = b.at FROM temp.cust_bkeys b WHERE customer_keys.id = b.kid AND b.at > customer_keys.seen_at`, nil},
		{`INSERT OR IGNORE INTO customer_orders (key_id, order_id)
			SELECT k.kid, b.order_id FROM temp.cust_batch b JOIN temp.cust_bkeys k ON k.key = b.key ORDER BY 1, 2`, nil},
		// contacts that existed grow by the batch
		{`UPDATE customers SET
			name = CASE WHEN customers.source = 'ORDERS' OR customers.name = '' THEN l.name ELSE customers.name END,
			phone = CASE WHEN customers.source = 'ORDERS' OR customers.phone = '' THEN l.phone ELSE customers.phone END
			FROM temp.cust_dlatest l WHERE customers.id = l.cid AND customers.id <= ? AND l.at >= customers.last_order_at`, []any{prevMax}},
		{`UPDATE customers SET order_count = order_count + d.n, total_amount = total_amount + d.total,
			first_order_at = CASE WHEN first_order_at = '' OR d.first < first_order_at THEN d.first ELSE first_order_at END,
			last_order_at = max(last_order_at, d.last), last_paid_at = max(last_paid_at, d.paid), updated_at = ?
			FROM temp.cust_delta d WHERE customers.id = d.cid AND customers.id <= ?`, []any{tx.stamp(), prevMax}},
		{`UPDATE customers SET return_count = return_count + r.n FROM temp.cust_dret r WHERE customers.id = r.cid AND customers.id <= ?`,
			[]any{prevMax}},
		// contacts whose synced lines changed: counted again in full
		{affectedTable, nil},
		{`DELETE FROM temp.cust_affected`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT k.customer_id FROM customer_dirty d
			JOIN orders o ON o.id = d.order_id JOIN customer_keys k ON k.key = ` + orderKeySQL + `
			WHERE d.order_id <= ?`, []any{bound}},
		{`DELETE FROM customer_dirty WHERE order_id <= ?`, []any{bound}},
	}
	if err := runSteps(ctx, tx, "customer sync", steps); err != nil {
		return 0, err
	}
	if err := refreshFiguresAffectedTx(ctx, tx, sold); err != nil {
		return 0, err
	}
	// new lookup entries where a key is new or its buyer's name or phone changed
	if err := runSteps(ctx, tx, "customer sync", []step{
		{`DELETE FROM temp.cust_affected`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT cid FROM temp.cust_bkeys WHERE changed`, nil},
	}); err != nil {
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
// of the given contacts from all their orders and, for contacts made from orders, the name and phone of
// their latest order; their lookup entries are rewritten too.
func RefreshCustomerFiguresTx(ctx context.Context, tx *Tx, ids []int64, sold []string) error {
	if err := fillAffected(ctx, tx, ids); err != nil {
		return err
	}
	if err := refreshFiguresAffectedTx(ctx, tx, sold); err != nil {
		return err
	}
	return refreshSearchAffectedTx(ctx, tx)
}

func refreshFiguresAffectedTx(ctx context.Context, tx *Tx, sold []string) error {
	in, soldArgs := inSet("l.status", sold)
	return runSteps(ctx, tx, "customer figures", []step{
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
	})
}
