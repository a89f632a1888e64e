package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
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

// CustomerQuery filters the contact list. Zero values filter nothing.
type CustomerQuery struct {
	Search             string
	Tag                string
	LastFrom, LastTo   time.Time // last order within [LastFrom, LastTo)
	MinTotal, MaxTotal int64     // 누적 구매액; MaxTotal 0 is no upper bound
	Consent            string    // YES, NO, NONE (no record), or "" for all
	HasEmail           bool
	IDs                []int64
	Limit, Offset      int
}

// customerSearch is what the seller typed, read as lookups: an FTS5 query over customer_search for parts
// of names (letter pairs), the last four digits of a phone and words of an email, and the single letters
// looked up in customer_letters. ok is false when nothing searchable was typed.
type customerSearch struct {
	match   string   // FTS5 query, "" for none
	letters []string // each a single letter every match has in its names
}

func (c customerSearch) ok() bool { return c.match != "" || len(c.letters) > 0 }

func customerMatch(s string) customerSearch {
	var terms []string
	var cs customerSearch
	for _, w := range strings.Fields(strings.TrimSpace(s)) {
		switch {
		case strings.Contains(w, "@") || (strings.Contains(w, ".") && !strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII })):
			var toks []string
			for _, t := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				toks = append(toks, t)
			}
			if len(toks) > 0 {
				terms = append(terms, `emails : "`+strings.Join(toks, " ")+`" *`)
			}
		case phoneish(w):
			d := digitsOf(w)
			terms = append(terms, `tails : "`+d[len(d)-4:]+`"`)
		default:
			rs := normalize(w)
			switch {
			case len(rs) == 1:
				cs.letters = append(cs.letters, string(rs))
			case len(rs) > 1:
				terms = append(terms, `(name_pairs : "`+letters(string(rs), 2)+`" OR emails : "`+string(rs)+`" *)`)
			}
		}
	}
	cs.match = strings.Join(terms, " AND ")
	return cs
}

// walkOver is how many matches make the list walk its own order probing each contact, rather than collect
// the matches and sort them.
const walkOver = 2000

func (q CustomerQuery) where() (string, []any) { return q.whereWalk(false) }

// whereWalk writes the query's conditions; walk writes the search unindexable (+c.id), so SQLite walks the
// list's order and stops after a page, which pays when a search matches many contacts (one Hangul letter).
func (q CustomerQuery) whereWalk(walk bool) (string, []any) {
	conds := []string{"c.merged_into IS NULL"}
	var args []any
	if cs := customerMatch(q.Search); cs.ok() {
		col := "c.id"
		if walk {
			col = "+c.id"
		}
		if cs.match != "" {
			conds = append(conds, col+" IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
			args = append(args, cs.match)
		}
		for _, l := range cs.letters {
			if cs.match == "" && !walk && len(cs.letters) == 1 {
				// a rare letter alone: its contacts are one range of the letters table
				conds = append(conds, "c.id IN (SELECT customer_id FROM customer_letters WHERE letter = ?)")
			} else {
				// probed for each contact the list walks or the other lookups found
				conds = append(conds, "EXISTS (SELECT 1 FROM customer_letters l WHERE l.letter = ? AND l.customer_id = c.id)")
			}
			args = append(args, l)
		}
	} else if strings.TrimSpace(q.Search) != "" {
		conds = append(conds, "0")
	}
	if q.Tag != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
		args = append(args, q.Tag)
	}
	if !q.LastFrom.IsZero() {
		conds = append(conds, "c.last_order_at >= ?")
		args = append(args, timeText(q.LastFrom))
	}
	if !q.LastTo.IsZero() {
		conds = append(conds, "c.last_order_at < ? AND c.last_order_at <> ''")
		args = append(args, timeText(q.LastTo))
	}
	if q.MinTotal > 0 {
		conds = append(conds, "c.total_amount >= ?")
		args = append(args, q.MinTotal)
	}
	if q.MaxTotal > 0 {
		conds = append(conds, "c.total_amount <= ?")
		args = append(args, q.MaxTotal)
	}
	switch q.Consent {
	case "YES", "NO":
		conds = append(conds, "c.consent = ? AND c.consent <> ''") // the second term lets the partial index serve
		args = append(args, q.Consent)
	case "NONE":
		conds = append(conds, "c.consent = ''")
	}
	if q.HasEmail {
		conds = append(conds, "c.email <> ''")
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "c.id IN ("+placeholders(len(q.IDs))+")")
		for _, id := range q.IDs {
			args = append(args, id)
		}
	}
	return strings.Join(conds, " AND "), args
}

// ListCustomers reads a page of the contact list, the most recent buyers first (contacts without orders
// after them, newest first).
func ListCustomers(ctx context.Context, db Querier, q CustomerQuery) ([]CustomerRecord, error) {
	walk := false
	if cs := customerMatch(q.Search); cs.ok() && len(q.IDs) == 0 {
		n, err := countMatchesUpTo(ctx, db, cs, walkOver+1)
		if err != nil {
			return nil, err
		}
		walk = n > walkOver
	}
	where, args := q.whereWalk(walk)
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	order := `c.last_order_at DESC, c.id DESC`
	if (q.MinTotal > 0 || q.MaxTotal > 0) && q.Search == "" {
		// few contacts above an amount: read them by the amount's index and sort them, rather than walk
		// every contact in date order looking for them
		n, err := CountCustomers(ctx, db, q)
		if err != nil {
			return nil, err
		}
		if n < 5000 {
			order = `+c.last_order_at DESC, c.id DESC`
		}
	}
	rows, err := db.QueryContext(ctx, `SELECT `+customerCols+` FROM customers c WHERE `+where+`
		ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("data: list customers: %w", err)
	}
	defer rows.Close()
	var out []CustomerRecord
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, fmt.Errorf("data: list customers: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountCustomers counts the contacts the query matches.
func CountCustomers(ctx context.Context, db Querier, q CustomerQuery) (int, error) {
	where, args := q.where()
	var n int
	if cs := customerMatch(q.Search); cs.ok() && where == func() string { w, _ := (CustomerQuery{Search: q.Search}).where(); return w }() {
		// a search alone: the lookup tables hold live contacts only, so their count is the answer
		if cs.match == "" && len(cs.letters) == 1 {
			return countLetter(ctx, db, cs.letters[0])
		}
		if len(cs.letters) == 0 {
			return countMatches(ctx, db, cs.match)
		}
	}
	if (CustomerQuery{Consent: "NONE"}).sameFilters(q) {
		// most contacts have no record: all of them less the few that have one
		if err := db.QueryRowContext(ctx, `SELECT (SELECT n FROM customer_count) - (SELECT count(*) FROM customers
			WHERE consent IN ('YES', 'NO') AND merged_into IS NULL AND consent <> '')`).Scan(&n); err != nil {
			return 0, fmt.Errorf("data: count customers: %w", err)
		}
		return n, nil
	}
	if len(args) == 0 && where == "c.merged_into IS NULL" {
		if err := db.QueryRowContext(ctx, `SELECT n FROM customer_count`).Scan(&n); err != nil {
			return 0, fmt.Errorf("data: count customers: %w", err)
		}
		return n, nil
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// CustomerIDs lists the ids the query matches (a campaign's recipients), in list order.
func CustomerIDs(ctx context.Context, db Querier, q CustomerQuery) ([]int64, error) {
	where, args := q.where()
	rows, err := db.QueryContext(ctx, `SELECT c.id FROM customers c WHERE `+where+` ORDER BY c.last_order_at DESC, c.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: customer ids: %w", err)
	}
	return scanIDs(rows)
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

// RefreshCustomerSearchTx rewrites the lookup entries of the given contacts from their names, phones and
// emails, those entered and those on their orders.
func RefreshCustomerSearchTx(ctx context.Context, tx *Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if err := fillAffected(ctx, tx, ids); err != nil {
		return err
	}
	return refreshSearchAffectedTx(ctx, tx)
}

const affectedTable = `CREATE TEMP TABLE IF NOT EXISTS cust_affected (id INTEGER PRIMARY KEY)`

func fillAffected(ctx context.Context, tx *Tx, ids []int64) error {
	if _, err := tx.ExecContext(ctx, affectedTable); err != nil {
		return fmt.Errorf("data: customers: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM temp.cust_affected`); err != nil {
		return fmt.Errorf("data: customers: %w", err)
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.cust_affected VALUES (?)`, id); err != nil {
			return fmt.Errorf("data: customers: %w", err)
		}
	}
	return nil
}

// refreshSearchAffectedTx rewrites the lookup entries of the contacts in temp.cust_affected: their own name,
// phone and email, their details, and the buyer name and phone of each of their keys. One query reads each
// contact with its details and keys folded in; the entries are written to the FTS index in one statement
// from a JSON array (an FTS write per row makes SQLite flush the index's pending terms at each following
// statement, and a statement per row costs more than the entry itself).
func refreshSearchAffectedTx(ctx context.Context, tx *Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.merged_into IS NOT NULL, c.name, c.phone, c.email,
		coalesce((SELECT group_concat(d.kind || char(31) || d.value, char(30)) FROM customer_details d WHERE d.customer_id = c.id), ''),
		coalesce((SELECT group_concat(k.name || char(31) || k.phone, char(30)) FROM customer_keys k WHERE k.customer_id = c.id), '')
		FROM temp.cust_affected a JOIN customers c ON c.id = a.id ORDER BY c.id`)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	var entries [][4]any         // id, name pairs, phone tails, email words
	lets := map[string][]int64{} // letter → its contacts, in id order as the rows come
	for rows.Next() {
		var id int64
		var merged bool
		var name, phone, email, details, keys string
		if err := rows.Scan(&id, &merged, &name, &phone, &email, &details, &keys); err != nil {
			rows.Close()
			return fmt.Errorf("data: customer search: %w", err)
		}
		if merged {
			continue // a contact merged away is found through the one it joined
		}
		names, phones, emails := []string{name}, []string{phone}, []string{email}
		for _, d := range split30(details) {
			kind, value, _ := strings.Cut(d, "\x1f")
			switch kind {
			case DetailName:
				names = append(names, value)
			case DetailPhone:
				phones = append(phones, value)
			case DetailEmail:
				emails = append(emails, value)
			}
		}
		for _, k := range split30(keys) {
			n, p, _ := strings.Cut(k, "\x1f")
			names, phones = append(names, n), append(phones, p)
		}
		names, emails = uniq(names), uniq(emails)
		var ts []string
		for _, p := range uniq(phones) {
			if d := digitsOf(p); len(d) >= 4 {
				ts = append(ts, d[len(d)-4:])
			}
		}
		entries = append(entries, [4]any{id, pairsOfEach(names), strings.Join(uniq(ts), " "),
			strings.ToLower(strings.Join(emails, " "))})
		for _, l := range uniq(strings.Fields(letters(strings.Join(names, " "), 1))) {
			lets[l] = append(lets[l], id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	// contacts new to the index have no entry to delete: only ids up to the index's highest are looked for
	// (read from the index's own docsize table: max(rowid) of the FTS table walks every entry)
	if err := deleteLookupsTx(ctx, tx, `SELECT id FROM temp.cust_affected
		WHERE id <= (SELECT coalesce(max(id), 0) FROM customer_search_docsize)`); err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	js, err := json.Marshal(entries)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO customer_search (rowid, name_pairs, tails, emails)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`, string(js)); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	// the letters in the table's order without SQLite's sorter: an object of letters (json.Marshal writes a
	// map's keys sorted, as the table's BINARY order) each with its contacts in id order
	if js, err = json.Marshal(lets); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_letters (letter, customer_id)
		SELECT l.key, i.value FROM json_each(?) l, json_each(l.value) i`,
		string(js)); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	return nil
}

// deleteLookupsTx removes the lookup entries of the contacts ids selects: their FTS row and their letters.
// The letters to remove are those of the row's name pairs (every letter of every name is in a pair, or
// alone for a one-letter name), so the letters table needs no second index by contact.
func deleteLookupsTx(ctx context.Context, tx *Tx, ids string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `SELECT rowid, name_pairs FROM customer_search WHERE rowid IN (`+ids+`)`, args...)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	var gone [][2]any // letter, contact
	for rows.Next() {
		var id int64
		var pairs string
		if err := rows.Scan(&id, &pairs); err != nil {
			rows.Close()
			return fmt.Errorf("data: customer search: %w", err)
		}
		seen := map[rune]bool{}
		for _, r := range pairs {
			if r != ' ' && r != 'ǁ' && !seen[r] {
				seen[r] = true
				gone = append(gone, [2]any{string(r), id})
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	if len(gone) > 0 {
		js, err := json.Marshal(gone)
		if err != nil {
			return fmt.Errorf("data: customer search: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM customer_letters WHERE (letter, customer_id) IN
			(SELECT value ->> 0, value ->> 1 FROM json_each(?))`, string(js)); err != nil {
			return fmt.Errorf("data: customer search: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM customer_search WHERE rowid IN (`+ids+`)`, args...); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	return nil
}

// split30 splits a group_concat joined by the record separator (char 30).
func split30(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x1e")
}

func uniq(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// phoneish reports whether w is digits (maybe with dashes), at least four: a phone number or its end.
func phoneish(w string) bool {
	d := digitsOf(w)
	return len(d) >= 4 && len(d) == len(strings.ReplaceAll(w, "-", ""))
}

// TagsOf reads the tags of the given contacts (a list page) in one query.
func TagsOf(ctx context.Context, q Querier, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, `SELECT customer_id, tag FROM customer_tags WHERE customer_id IN (`+placeholders(len(ids))+`)
		ORDER BY customer_id, tag`, args...)
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

// countMatches counts the contacts an FTS query matches, from the lookup index alone.
func countMatches(ctx context.Context, db Querier, match string) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ?`, match).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// countLetter counts the live contacts with a letter in their names: one range of the letters table.
func countLetter(ctx context.Context, db Querier, letter string) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customer_letters WHERE letter = ?`, letter).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// countMatchesUpTo counts a search's matches, stopping at limit (the list only asks whether they are many):
// the FTS part's when there is one, else the first letter's.
func countMatchesUpTo(ctx context.Context, db Querier, cs customerSearch, limit int) (int, error) {
	q, arg := `SELECT count(*) FROM (SELECT 1 FROM customer_search WHERE customer_search MATCH ? LIMIT ?)`, cs.match
	if cs.match == "" {
		q, arg = `SELECT count(*) FROM (SELECT 1 FROM customer_letters WHERE letter = ? LIMIT ?)`, cs.letters[0]
	}
	var n int
	if err := db.QueryRowContext(ctx, q, arg, limit).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// sameFilters reports whether q filters exactly as f does (paging aside).
func (f CustomerQuery) sameFilters(q CustomerQuery) bool {
	q.Limit, q.Offset = 0, 0
	return f.Search == q.Search && f.Tag == q.Tag && f.LastFrom.Equal(q.LastFrom) && f.LastTo.Equal(q.LastTo) &&
		f.MinTotal == q.MinTotal && f.MaxTotal == q.MaxTotal && f.Consent == q.Consent && f.HasEmail == q.HasEmail &&
		len(f.IDs) == 0 && len(q.IDs) == 0
}
