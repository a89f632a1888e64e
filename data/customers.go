package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// CustomerRecord is a contact (고객) as the store keeps it: who, how to reach them, and the figures the
// sync derives from their orders.
type CustomerRecord struct {
	ID                                    int64
	Name, Phone, Email, Note, Source      string
	MergedInto                            int64
	FirstOrderAt, LastOrderAt, LastPaidAt time.Time
	OrderCount, TotalAmount, ReturnCount  int64
	Consent                               string // "", YES or NO: the latest email consent record
	ConsentAt                             time.Time
	CreatedAt                             time.Time
	Tags                                  []string
}

// Detail kinds of customer_details.
const (
	DetailName    = "NAME"
	DetailPhone   = "PHONE"
	DetailEmail   = "EMAIL"
	DetailAddress = "ADDRESS"
)

// Contact sources.
const (
	SourceOrders = "ORDERS"
	SourceManual = "MANUAL"
	SourceImport = "IMPORT"
	SourceMail   = "MAIL"
)

const customerCols = `c.id, c.name, c.phone, c.email, c.note, c.source, coalesce(c.merged_into, 0),
	c.first_order_at, c.last_order_at, c.last_paid_at, c.order_count, c.total_amount, c.return_count,
	c.consent, c.consent_at, c.created_at`

func scanCustomer(row interface{ Scan(...any) error }) (CustomerRecord, error) {
	var c CustomerRecord
	var first, last, paid, cat, created string
	err := row.Scan(&c.ID, &c.Name, &c.Phone, &c.Email, &c.Note, &c.Source, &c.MergedInto, &first, &last, &paid,
		&c.OrderCount, &c.TotalAmount, &c.ReturnCount, &c.Consent, &cat, &created)
	if err != nil {
		return c, err
	}
	c.FirstOrderAt, c.LastOrderAt, c.LastPaidAt = parseStoreTime(first), parseStoreTime(last), parseStoreTime(paid)
	c.ConsentAt, c.CreatedAt = parseStoreTime(cat), parseStoreTime(created)
	return c, nil
}

// CustomerByID reads one contact with its tags.
func CustomerByID(ctx context.Context, q Querier, id int64) (CustomerRecord, error) {
	c, err := scanCustomer(q.QueryRowContext(ctx, `SELECT `+customerCols+` FROM customers c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNoRow
	}
	if err != nil {
		return c, fmt.Errorf("data: customer %d: %w", id, err)
	}
	c.Tags, err = CustomerTags(ctx, q, id)
	return c, err
}

// CustomerTags lists a contact's tags in order.
func CustomerTags(ctx context.Context, q Querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag`, id)
	if err != nil {
		return nil, fmt.Errorf("data: tags of customer %d: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// AllCustomerTags lists every tag in use, for the filter.
func AllCustomerTags(ctx context.Context, q Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT tag FROM customer_tags ORDER BY tag`)
	if err != nil {
		return nil, fmt.Errorf("data: customer tags: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// NewCustomer is a contact entered by hand, imported from a file or made from a mail's sender.
type NewCustomer struct {
	Name, Phone, Email, Address, Note, Source string
}

// AddCustomerTx stores a contact that did not come from orders. When its name and phone form a buyer key
// no contact owns yet, the key becomes its own, so later orders of that buyer join it (the caller settles
// its figures with RefreshCustomerFiguresTx).
func AddCustomerTx(ctx context.Context, tx *Tx, n NewCustomer) (int64, error) {
	if n.Source == "" {
		n.Source = SourceManual
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO customers (name, phone, email, note, source, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, n.Name, n.Phone, strings.ToLower(n.Email), n.Note, n.Source,
		tx.stamp(), tx.stamp()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: add customer: %w", err)
	}
	for _, d := range []struct{ kind, v string }{{DetailPhone, n.Phone}, {DetailEmail, strings.ToLower(n.Email)}, {DetailAddress, n.Address}} {
		if strings.TrimSpace(d.v) != "" {
			if err := AddCustomerDetailTx(ctx, tx, id, d.kind, d.v, n.Source); err != nil {
				return 0, err
			}
		}
	}
	if n.Name != "" && digitsOf(n.Phone) != "" {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_keys (key, customer_id, name, phone) VALUES (?, ?, ?, ?)`,
			NameKey(n.Name, n.Phone), id, n.Name, n.Phone); err != nil {
			return 0, fmt.Errorf("data: add customer key: %w", err)
		}
	}
	return id, RefreshCustomerSearchTx(ctx, tx, []int64{id})
}

// NameKey is the buyer key of a name and phone, as the sync writes it for orders without a 구매자ID.
func NameKey(name, phone string) string { return "np:" + name + "|" + keyPhone(phone) }

// UpdateCustomerTx changes what the seller edits on a contact: name, main phone and email, note.
func UpdateCustomerTx(ctx context.Context, tx *Tx, id int64, name, phone, email, note string) error {
	res, err := tx.ExecContext(ctx, `UPDATE customers SET name = ?, phone = ?, email = ?, note = ?, updated_at = ?
		WHERE id = ?`, name, phone, strings.ToLower(email), note, tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: update customer %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNoRow
	}
	if email != "" {
		if err := AddCustomerDetailTx(ctx, tx, id, DetailEmail, email, SourceManual); err != nil {
			return err
		}
	}
	return RefreshCustomerSearchTx(ctx, tx, []int64{id})
}

// AddCustomerDetailTx remembers a name, phone, email or address of a contact (once per value).
func AddCustomerDetailTx(ctx context.Context, tx *Tx, id int64, kind, value, source string) error {
	value = strings.TrimSpace(value)
	if kind == DetailEmail {
		value = strings.ToLower(value)
	}
	if value == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_details (customer_id, kind, value, source, created_at)
		VALUES (?, ?, ?, ?, ?)`, id, kind, value, source, tx.stamp()); err != nil {
		return fmt.Errorf("data: customer %d detail: %w", id, err)
	}
	if kind == DetailEmail {
		if _, err := tx.ExecContext(ctx, `UPDATE customers SET email = ? WHERE id = ? AND email = ''`, value, id); err != nil {
			return fmt.Errorf("data: customer %d email: %w", id, err)
		}
	}
	return nil
}

// CustomerDetail is one remembered value of a contact.
type CustomerDetail struct {
	Kind, Value, Source string
	FromOrders          bool
}

// CustomerDetails lists every name, phone, email and address known for a contact: those entered or
// learnt, then those seen on its orders.
func CustomerDetails(ctx context.Context, q Querier, id int64) ([]CustomerDetail, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT kind, value, source, 0 FROM customer_details WHERE customer_id = ?
		UNION
		SELECT DISTINCT 'NAME', o.buyer_name, '', 1 FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id
			JOIN orders o ON o.id = co.order_id WHERE k.customer_id = ?1 AND o.buyer_name <> ''
		UNION
		SELECT DISTINCT 'PHONE', o.buyer_phone, '', 1 FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id
			JOIN orders o ON o.id = co.order_id WHERE k.customer_id = ?1 AND o.buyer_phone <> ''
		UNION
		SELECT DISTINCT 'ADDRESS', trim(o.postcode || ' ' || o.address || ' ' || o.address_detail), '', 1
			FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id
			JOIN orders o ON o.id = co.order_id WHERE k.customer_id = ?1 AND o.address <> ''
		ORDER BY 1, 4, 2`, id)
	if err != nil {
		return nil, fmt.Errorf("data: details of customer %d: %w", id, err)
	}
	defer rows.Close()
	var out []CustomerDetail
	seen := map[string]bool{}
	for rows.Next() {
		var d CustomerDetail
		if err := rows.Scan(&d.Kind, &d.Value, &d.Source, &d.FromOrders); err != nil {
			return nil, err
		}
		if seen[d.Kind+"\x00"+d.Value] {
			continue
		}
		seen[d.Kind+"\x00"+d.Value] = true
		out = append(out, d)
	}
	return out, rows.Err()
}

// SetCustomerTagsTx replaces a contact's tags.
func SetCustomerTagsTx(ctx context.Context, tx *Tx, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM customer_tags WHERE customer_id = ?`, id); err != nil {
		return fmt.Errorf("data: tags of customer %d: %w", id, err)
	}
	for _, t := range tags {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)`, id, t); err != nil {
			return fmt.Errorf("data: tag customer %d: %w", id, err)
		}
	}
	return nil
}

// CustomerByKey is the contact that holds a buyer key (NameKey, a 구매자ID key …), 0 when none does.
func CustomerByKey(ctx context.Context, q Querier, key string) (int64, error) {
	var id int64
	if err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT customer_id FROM customer_keys WHERE key = ?), 0)`, key).Scan(&id); err != nil {
		return 0, fmt.Errorf("data: customer by key: %w", err)
	}
	return id, nil
}

// CustomerByEmail finds the live contact that has this address (main or remembered); 0 when none.
func CustomerByEmail(ctx context.Context, q Querier, addr string) (int64, error) {
	addr = strings.ToLower(strings.TrimSpace(addr))
	if addr == "" {
		return 0, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `
		SELECT c.id FROM customers c WHERE c.email = ? AND c.merged_into IS NULL
		UNION ALL
		SELECT coalesce(c.merged_into, c.id) FROM customer_details d JOIN customers c ON c.id = d.customer_id
			WHERE d.kind = 'EMAIL' AND d.value = ?1
		LIMIT 1`, addr).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: customer by email: %w", err)
	}
	return id, nil
}

// CustomerOrder is one order of a contact, for the timeline.
type CustomerOrder struct {
	OrderID         int64
	OrderNo         string
	OrderedAt       time.Time
	Products        string // the first line's product, "외 N건" added by the app
	Lines           int
	Amount          int64
	Statuses        string // the lines' statuses, comma-separated
	BuyerKey, Buyer string
}

// CustomerOrders lists a contact's orders, newest first.
func CustomerOrders(ctx context.Context, q Querier, id int64, limit int) ([]CustomerOrder, error) {
	if limit <= 0 {
		limit = 500
	}
	rows, err := q.QueryContext(ctx, `
		SELECT o.id, o.order_no, o.ordered_at, (SELECT product_name FROM order_lines WHERE order_id = o.id ORDER BY id LIMIT 1),
			(SELECT count(*) FROM order_lines WHERE order_id = o.id), (SELECT coalesce(sum(amount), 0) FROM order_lines WHERE order_id = o.id),
			(SELECT group_concat(DISTINCT status) FROM order_lines WHERE order_id = o.id), k.key, o.buyer_name
		FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id JOIN orders o ON o.id = co.order_id
		WHERE k.customer_id = ? ORDER BY o.ordered_at DESC, o.id DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("data: orders of customer %d: %w", id, err)
	}
	defer rows.Close()
	var out []CustomerOrder
	for rows.Next() {
		var o CustomerOrder
		var at string
		var product, statuses sql.NullString
		if err := rows.Scan(&o.OrderID, &o.OrderNo, &at, &product, &o.Lines, &o.Amount, &statuses, &o.BuyerKey, &o.Buyer); err != nil {
			return nil, err
		}
		o.OrderedAt, o.Products, o.Statuses = parseStoreTime(at), product.String, statuses.String
		out = append(out, o)
	}
	return out, rows.Err()
}

// CustomerReturn is one return or exchange of a contact, for the timeline.
type CustomerReturn struct {
	RTNo, Kind, State, Reason string
	OrderNo                   string
	At                        time.Time
}

// CustomerReturns lists a contact's returns and exchanges, newest first.
func CustomerReturns(ctx context.Context, q Querier, id int64) ([]CustomerReturn, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT r.rt_no, r.kind, r.state, r.reason, o.order_no, r.created_at
		FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id JOIN orders o ON o.id = co.order_id
		JOIN returns r ON r.order_id = o.id WHERE k.customer_id = ? ORDER BY r.created_at DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("data: returns of customer %d: %w", id, err)
	}
	defer rows.Close()
	var out []CustomerReturn
	for rows.Next() {
		var r CustomerReturn
		var at string
		if err := rows.Scan(&r.RTNo, &r.Kind, &r.State, &r.Reason, &r.OrderNo, &at); err != nil {
			return nil, err
		}
		r.At = parseStoreTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CustomerKey is one buyer key a contact owns, with how many orders it names.
type CustomerKey struct {
	ID     int64
	Key    string
	Orders int
}

// CustomerKeys lists a contact's buyer keys (what a split can take apart).
func CustomerKeys(ctx context.Context, q Querier, id int64) ([]CustomerKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT k.id, k.key, (SELECT count(*) FROM customer_orders WHERE key_id = k.id)
		FROM customer_keys k WHERE k.customer_id = ? ORDER BY k.id`, id)
	if err != nil {
		return nil, fmt.Errorf("data: keys of customer %d: %w", id, err)
	}
	defer rows.Close()
	var out []CustomerKey
	for rows.Next() {
		var k CustomerKey
		if err := rows.Scan(&k.ID, &k.Key, &k.Orders); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// TagsOf reads the tags of the given contacts (a list page) in one query.
func TagsOf(ctx context.Context, q Querier, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT customer_id, tag FROM customer_tags WHERE customer_id IN (`+placeholders(len(ids))+`)
		ORDER BY customer_id, tag`, anys(ids)...)
	if err != nil {
		return nil, fmt.Errorf("data: tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return nil, err
		}
		out[id] = append(out[id], t)
	}
	return out, rows.Err()
}
