package data

// The contacts' lookup entries: the FTS rows and single letters their search reads, rewritten from names,
// phones and emails.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

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
// phone and email, their details, and the buyer name and phone of each of their keys.
func refreshSearchAffectedTx(ctx context.Context, tx *Tx) error {
	var le lookupEntries
	if err := le.readAffected(ctx, tx); err != nil {
		return err
	}
	return le.writeTx(ctx, tx)
}

// lookupEntries are the lookup entries about to be written: each contact's FTS row and its letters.
type lookupEntries struct {
	entries [][4]any           // id, name pairs, phone tails, email words
	lets    map[string][]int64 // letter → its contacts, in the order they were added (by id)
}

// add notes the entry of the contact id from its names, phones and emails; contacts are added by id.
func (le *lookupEntries) add(id int64, names, phones, emails []string) {
	names, emails = uniq(names), uniq(emails)
	var ts []string
	for _, p := range uniq(phones) {
		if d := digitsOf(p); len(d) >= 4 {
			ts = append(ts, d[len(d)-4:])
		}
	}
	le.entries = append(le.entries, [4]any{id, pairsOfEach(names), strings.Join(uniq(ts), " "),
		strings.ToLower(strings.Join(emails, " "))})
	if le.lets == nil {
		le.lets = map[string][]int64{}
	}
	for _, l := range uniq(strings.Fields(letters(strings.Join(names, " "), 1))) {
		le.lets[l] = append(le.lets[l], id)
	}
}

// readAffected adds the contacts in temp.cust_affected. One query reads each contact with its details and
// keys folded in.
func (le *lookupEntries) readAffected(ctx context.Context, tx *Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.merged_into IS NOT NULL, c.name, c.phone, c.email,
		coalesce((SELECT group_concat(d.kind || char(31) || d.value, char(30)) FROM customer_details d WHERE d.customer_id = c.id), ''),
		coalesce((SELECT group_concat(k.name || char(31) || k.phone, char(30)) FROM customer_keys k WHERE k.customer_id = c.id), '')
		FROM temp.cust_affected a JOIN customers c ON c.id = a.id ORDER BY c.id`)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var merged bool
		var name, phone, email, details, keys string
		if err := rows.Scan(&id, &merged, &name, &phone, &email, &details, &keys); err != nil {
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
		le.add(id, names, phones, emails)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	return nil
}

// readNewKeys adds the contacts the sync's batch made (temp.cust_bkeys' new keys): a new contact has one
// key and no details yet, so its key's buyer name and phone are all it is found by. Their ids are above
// every contact readAffected adds, and in the order of their rows (a new key's contact is numbered
// by its row: SyncCustomersBatchTx).
func (le *lookupEntries) readNewKeys(ctx context.Context, tx *Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT cid, name, phone FROM temp.cust_bkeys WHERE new ORDER BY rowid`)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, phone string
		if err := rows.Scan(&id, &name, &phone); err != nil {
			return fmt.Errorf("data: customer search: %w", err)
		}
		le.add(id, []string{name}, []string{phone}, nil)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	return nil
}

// writeTx removes the entries of the contacts in temp.cust_affected and writes those added. The entries go
// to the FTS index in one statement from a JSON array (an FTS write per row makes SQLite flush the index's
// pending terms at each following statement, and a statement per row costs more than the entry itself).
func (le *lookupEntries) writeTx(ctx context.Context, tx *Tx) error {
	// contacts new to the index have no entry to delete: only ids up to the index's highest are looked for
	// (read from the index's own docsize table: max(rowid) of the FTS table walks every entry)
	if err := deleteLookupsTx(ctx, tx, `SELECT id FROM temp.cust_affected
		WHERE id <= (SELECT coalesce(max(id), 0) FROM customer_search_docsize)`); err != nil {
		return err
	}
	if len(le.entries) == 0 {
		return nil
	}
	js, err := json.Marshal(le.entries)
	if err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO customer_search (rowid, name_pairs, tails, emails)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`, string(js)); err != nil {
		return fmt.Errorf("data: customer search: %w", err)
	}
	// the letters in the table's order without SQLite's sorter: an object of letters (json.Marshal writes a
	// map's keys sorted, as the table's BINARY order) each with its contacts in id order
	if js, err = json.Marshal(le.lets); err != nil {
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
