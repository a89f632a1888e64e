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

// syncCache is the writer's page cache (in KiB, negative) while the contacts' sync has orders to read.
const syncCache = -65536

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

// latestSQL folds an order's time, buyer name and phone into one text whose max() is the latest order's (the
// time is fixed-width ISO text), so one grouping yields the latest name and phone beside count, min and sums;
// latestPart takes a part back out of it (1 time, 2 name, 3 phone).
const latestSQL = `max(at || char(31) || name || char(31) || phone)`

func latestPart(col string, part int) string {
	rest := `substr(` + col + `, instr(` + col + `, char(31)) + 1)`
	switch part {
	case 1:
		return `substr(` + col + `, 1, instr(` + col + `, char(31)) - 1)`
	case 2:
		return `substr(` + rest + `, 1, instr(` + rest + `, char(31)) - 1)`
	}
	return `substr(` + rest + `, instr(` + rest + `, char(31)) + 1)`
}

// SyncCustomersBatchTx reads up to batch orders past the watermark into contacts and moves the watermark.
// A new buyer key (구매자ID when the order has one, else name and phone) becomes a new contact; the figures
// of the contacts the batch touches grow by the batch's orders alone (a contact's earlier orders are not
// read again); contacts whose synced lines changed since (customer_dirty) are counted again in full; and
// only contacts with a new key or a buyer name or phone not seen before get new lookup entries. sold is
// the app's set of statuses that count toward 누적 구매액. It returns how many orders it read.
//
// It is set based and sorts the batch once: each order is read with its sold amount and returns (one
// index probe each), grouped once by buyer key with every figure the contacts need, and a new key's contact
// and key row get their ids from that grouping, so nothing is looked up again to learn them.
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
	// a batch reads and writes more pages than the default cache holds; the writer's cache grows for it and
	// stays grown while orders wait behind the batch (shrinking a cache drops its pages, so every batch of a
	// build would read the contacts' tables and indexes again); the batch that catches up shrinks it back
	// (a cache found at the sync's size was grown by an earlier batch from SQLite's default, -2000)
	var cache int64
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err == nil && cache >= syncCache && cache < 16384 {
		grown := cache == syncCache
		if grown {
			cache = -2000
		} else if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = `+strconv.Itoa(syncCache)); err == nil {
			grown = true
		}
		if grown && n < int64(batch) {
			defer tx.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = `+strconv.FormatInt(cache, 10))
		}
	}
	var prevMax, prevKey int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM customers), (SELECT coalesce(max(id), 0) FROM customer_keys)`).
		Scan(&prevMax, &prevKey); err != nil {
		return 0, fmt.Errorf("data: customer sync: %w", err)
	}
	in, soldArgs := inSet("l.status", sold)
	bound := max(hi, w)
	var steps []step
	if hi > w {
		steps = append(steps, []step{
			{`DROP TABLE IF EXISTS temp.cust_batch`, nil},
			{`CREATE TEMP TABLE cust_batch (order_id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT, phone TEXT, at TEXT,
				paid TEXT, total INTEGER, rets INTEGER)`, nil},
			{`INSERT INTO temp.cust_batch SELECT o.id, ` + orderKeySQL + `, o.buyer_name, o.buyer_phone, o.ordered_at, o.paid_at,
				(SELECT coalesce(sum(l.amount), 0) FROM order_lines l WHERE l.order_id = o.id AND ` + in + `),
				(SELECT count(*) FROM returns r WHERE r.order_id = o.id)
				FROM orders o WHERE o.id > ? AND o.id <= ? AND (o.buyer_id <> '' OR o.buyer_name <> '')`, append(append([]any{}, soldArgs...), w, hi)},
			// each key of the batch with its share of the figures and the name and phone of its latest order
			{`DROP TABLE IF EXISTS temp.cust_bkeys`, nil},
			{`CREATE TEMP TABLE cust_bkeys (key TEXT PRIMARY KEY, at TEXT, name TEXT, phone TEXT, n INTEGER, first TEXT,
				paid TEXT, total INTEGER, rets INTEGER, kid INTEGER, cid INTEGER, new INTEGER NOT NULL DEFAULT 0,
				changed INTEGER NOT NULL DEFAULT 0)`, nil},
			// (with the key's row when it is known: its contact, and whether the buyer's name or phone changed)
			{`INSERT INTO temp.cust_bkeys (key, at, name, phone, n, first, paid, total, rets, kid, cid, changed)
				SELECT g.key, g.at, g.name, g.phone, g.n, g.first, g.paid, g.total, g.rets, k.id, k.customer_id,
					coalesce(NOT (k.name = g.name AND k.phone = g.phone) AND g.at >= k.seen_at, 0)
				FROM (SELECT key, ` + latestPart("latest", 1) + ` AS at, ` + latestPart("latest", 2) + ` AS name,
					` + latestPart("latest", 3) + ` AS phone, n, first, paid, total, rets
					FROM (SELECT key, ` + latestSQL + ` AS latest, count(*) AS n, min(at) AS first, coalesce(max(paid), '') AS paid,
						sum(total) AS total, sum(rets) AS rets FROM temp.cust_batch GROUP BY key)) g
				LEFT JOIN customer_keys k ON k.key = g.key`, nil},
			// new keys: a contact and a key row each, numbered after the last
			{`UPDATE temp.cust_bkeys SET cid = ? + rowid, kid = ? + rowid, new = 1, changed = 1 WHERE kid IS NULL`, []any{prevMax, prevKey}},
			{`INSERT INTO customers (id, name, phone, source, first_order_at, last_order_at, last_paid_at, order_count, total_amount,
				return_count, created_at, updated_at)
				SELECT cid, name, phone, 'ORDERS', first, at, paid, n, total, rets, ?, ? FROM temp.cust_bkeys WHERE new ORDER BY cid`,
				[]any{tx.stamp(), tx.stamp()}},
			{`INSERT INTO customer_keys (id, key, customer_id, name, phone, seen_at)
				SELECT kid, key, cid, name, phone, at FROM temp.cust_bkeys WHERE new ORDER BY kid`, nil},
			// a known key takes the buyer's new name and phone (changed: from an order no older than its last)
			// and its latest order's time, in one pass
			{`UPDATE customer_keys SET name = CASE WHEN b.changed THEN b.name ELSE customer_keys.name END,
				phone = CASE WHEN b.changed THEN b.phone ELSE customer_keys.phone END,
				seen_at = max(customer_keys.seen_at, b.at) FROM temp.cust_bkeys b
				WHERE customer_keys.id = b.kid AND NOT b.new AND (b.changed OR b.at > customer_keys.seen_at)`, nil},
			{`INSERT OR IGNORE INTO customer_orders (key_id, order_id)
				SELECT k.kid, b.order_id FROM temp.cust_batch b JOIN temp.cust_bkeys k ON k.key = b.key ORDER BY 1, 2`, nil},
			// contacts that existed grow by the batch (a contact may hold several keys of it)
			{`DROP TABLE IF EXISTS temp.cust_delta`, nil},
			{`CREATE TEMP TABLE cust_delta AS SELECT cid, ` + latestPart("latest", 1) + ` AS at, ` + latestPart("latest", 2) + ` AS name,
				` + latestPart("latest", 3) + ` AS phone, n, first, last, paid, total, rets
				FROM (SELECT cid, ` + latestSQL + ` AS latest, sum(n) AS n, min(first) AS first, max(at) AS last, max(paid) AS paid,
					sum(total) AS total, sum(rets) AS rets FROM temp.cust_bkeys WHERE NOT new GROUP BY cid)`, nil},
			// one rewrite of each row: its name and phone follow the buyer's latest order, its figures grow
			{`UPDATE customers SET
				name = CASE WHEN d.at >= customers.last_order_at AND (customers.source = 'ORDERS' OR customers.name = '')
					THEN d.name ELSE customers.name END,
				phone = CASE WHEN d.at >= customers.last_order_at AND (customers.source = 'ORDERS' OR customers.phone = '')
					THEN d.phone ELSE customers.phone END,
				order_count = order_count + d.n, total_amount = total_amount + d.total,
				return_count = return_count + d.rets,
				first_order_at = CASE WHEN first_order_at = '' OR d.first < first_order_at THEN d.first ELSE first_order_at END,
				last_order_at = max(last_order_at, d.last), last_paid_at = max(last_paid_at, d.paid), updated_at = ?
				FROM temp.cust_delta d WHERE customers.id = d.cid`, []any{tx.stamp()}},
		}...)
	}
	// contacts whose synced lines changed: counted again in full (the few noted orders first, then
	// their keys: without CROSS JOIN SQLite walks every order below the bound probing for a note)
	steps = append(steps, []step{
		{affectedTable, nil},
		{`DELETE FROM temp.cust_affected`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT k.customer_id FROM customer_dirty d
			CROSS JOIN orders o ON o.id = d.order_id CROSS JOIN customer_keys k ON k.key = ` + orderKeySQL + `
			WHERE d.order_id <= ?`, []any{bound}},
		{`DELETE FROM customer_dirty WHERE order_id <= ?`, []any{bound}},
	}...)
	if err := runSteps(ctx, tx, "customer sync", steps); err != nil {
		return 0, err
	}
	if err := refreshFiguresAffectedTx(ctx, tx, sold); err != nil {
		return 0, err
	}
	if hi <= w {
		return int(n), nil
	}
	// new lookup entries where a key's buyer name or phone changed (read again with everything else the
	// contact is found by) and for the new contacts, whose one key is all they are found by (the batch
	// knows it: nothing is read again for them, the bulk of a first build)
	if err := runSteps(ctx, tx, "customer sync", []step{
		{`DELETE FROM temp.cust_affected`, nil},
		{`INSERT OR IGNORE INTO temp.cust_affected SELECT cid FROM temp.cust_bkeys WHERE changed AND NOT new ORDER BY cid`, nil},
	}); err != nil {
		return 0, err
	}
	var le lookupEntries
	if err := le.readAffected(ctx, tx); err != nil {
		return 0, err
	}
	if err := le.readNewKeys(ctx, tx); err != nil {
		return 0, err
	}
	if err := le.writeTx(ctx, tx); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE customer_sync SET last_order_id = ?, synced_at = ? WHERE id = 1`, hi, tx.stamp()); err != nil {
		return 0, fmt.Errorf("data: customer sync: %w", err)
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
