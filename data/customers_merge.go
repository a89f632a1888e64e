package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// mergeMoves are the rows a merge moved from one contact to the other, by table, so undo moves exactly
// these back.
type mergeMoves struct {
	Keys     []int64  `json:"keys"`
	Details  []int64  `json:"details"`
	Consents []int64  `json:"consents"`
	Threads  []int64  `json:"threads"`
	Outbox   []int64  `json:"outbox"`
	TagsAdd  []string `json:"tags_added"`
}

// movable lists the tables a merge moves (table, id column) with the field that records them.
func (m *mergeMoves) lists() []struct {
	table string
	ids   *[]int64
} {
	return []struct {
		table string
		ids   *[]int64
	}{{"customer_keys", &m.Keys}, {"customer_details", &m.Details}, {"consent_records", &m.Consents},
		{"mail_threads", &m.Threads}, {"mail_outbox", &m.Outbox}}
}

// MergeCustomersTx folds contact from into contact into: its buyer keys (and so its orders), details,
// consent records, mail threads and outbox rows move, its tags are added, and from is hidden (merged_into).
// It returns the merge's id for UndoMergeTx. The caller refreshes both contacts' figures and lookups.
func MergeCustomersTx(ctx context.Context, tx *Tx, into, from int64) (int64, error) {
	if into == from {
		return 0, fmt.Errorf("data: merge customer %d into itself", into)
	}
	for _, id := range []int64{into, from} {
		var merged sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT merged_into FROM customers WHERE id = ?`, id).Scan(&merged)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, ErrNoRow
		}
		if err != nil {
			return 0, fmt.Errorf("data: merge customers: %w", err)
		}
		if merged.Valid {
			return 0, fmt.Errorf("data: customer %d is already merged: %w", id, ErrNoRow)
		}
	}
	var m mergeMoves
	for _, l := range m.lists() {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM `+l.table+` WHERE customer_id = ?`, from)
		if err != nil {
			return 0, fmt.Errorf("data: merge customers: %w", err)
		}
		ids, err := scanIDs(rows)
		if err != nil {
			return 0, fmt.Errorf("data: merge customers: %w", err)
		}
		if l.table == "customer_details" {
			// a value the other contact already has stays behind (hidden with its contact)
			var keep []int64
			for _, id := range ids {
				var dup int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM customer_details d JOIN customer_details o
					ON o.kind = d.kind AND o.value = d.value AND o.customer_id = ? WHERE d.id = ?`, into, id).Scan(&dup); err != nil {
					return 0, fmt.Errorf("data: merge customers: %w", err)
				}
				if dup == 0 {
					keep = append(keep, id)
				}
			}
			ids = keep
		}
		*l.ids = ids
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE `+l.table+` SET customer_id = ? WHERE id = ?`, into, id); err != nil {
				return 0, fmt.Errorf("data: merge customers: %w", err)
			}
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT tag FROM customer_tags WHERE customer_id = ?
		AND tag NOT IN (SELECT tag FROM customer_tags WHERE customer_id = ?)`, from, into)
	if err != nil {
		return 0, fmt.Errorf("data: merge customers: %w", err)
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return 0, err
		}
		m.TagsAdd = append(m.TagsAdd, t)
	}
	rows.Close()
	for _, t := range m.TagsAdd {
		if _, err := tx.ExecContext(ctx, `INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)`, into, t); err != nil {
			return 0, fmt.Errorf("data: merge customers: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?`, into, tx.stamp(), from); err != nil {
		return 0, fmt.Errorf("data: merge customers: %w", err)
	}
	// the hidden contact is found through the one it joined (its lookup row comes back with an undo's refresh)
	if err := deleteLookupsTx(ctx, tx, `?`, from); err != nil {
		return 0, fmt.Errorf("data: merge customers: %w", err)
	}
	// the note and email of the hidden contact are not lost: a missing one is taken over
	if _, err := tx.ExecContext(ctx, `UPDATE customers SET
		email = CASE WHEN email = '' THEN (SELECT email FROM customers WHERE id = ?2) ELSE email END,
		note = CASE WHEN note = '' THEN (SELECT note FROM customers WHERE id = ?2) ELSE note END WHERE id = ?1`, into, from); err != nil {
		return 0, fmt.Errorf("data: merge customers: %w", err)
	}
	moved, _ := json.Marshal(m)
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO customer_merges (into_id, from_id, moved, at) VALUES (?, ?, ?, ?) RETURNING id`,
		into, from, string(moved), tx.stamp()).Scan(&id); err != nil {
		return 0, fmt.Errorf("data: merge customers: %w", err)
	}
	return id, RefreshConsentTx(ctx, tx, into)
}

// MergeRecord is a merge that may be undone.
type MergeRecord struct {
	ID, Into, From int64
	At             time.Time
}

// LastMerges lists the merges not undone into a contact, newest first.
func LastMerges(ctx context.Context, q Querier, into int64) ([]MergeRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, into_id, from_id, at FROM customer_merges WHERE into_id = ? AND undone_at = ''
		ORDER BY id DESC`, into)
	if err != nil {
		return nil, fmt.Errorf("data: merges: %w", err)
	}
	defer rows.Close()
	var out []MergeRecord
	for rows.Next() {
		var m MergeRecord
		var at string
		if err := rows.Scan(&m.ID, &m.Into, &m.From, &at); err != nil {
			return nil, err
		}
		m.At = parseStoreTime(at)
		out = append(out, m)
	}
	return out, rows.Err()
}

// UndoMergeTx moves back what a merge moved and shows the hidden contact again. It returns the two
// contacts for the caller to refresh.
func UndoMergeTx(ctx context.Context, tx *Tx, mergeID int64) (into, from int64, err error) {
	var moved, undone string
	err = tx.QueryRowContext(ctx, `SELECT into_id, from_id, moved, undone_at FROM customer_merges WHERE id = ?`, mergeID).
		Scan(&into, &from, &moved, &undone)
	if errors.Is(err, sql.ErrNoRows) || undone != "" {
		return 0, 0, ErrNoRow
	}
	if err != nil {
		return 0, 0, fmt.Errorf("data: undo merge: %w", err)
	}
	var m mergeMoves
	if err := json.Unmarshal([]byte(moved), &m); err != nil {
		return 0, 0, fmt.Errorf("data: undo merge %d: %w", mergeID, err)
	}
	for _, l := range m.lists() {
		for _, id := range *l.ids {
			if _, err := tx.ExecContext(ctx, `UPDATE `+l.table+` SET customer_id = ? WHERE id = ? AND customer_id = ?`, from, id, into); err != nil {
				return 0, 0, fmt.Errorf("data: undo merge: %w", err)
			}
		}
	}
	for _, t := range m.TagsAdd {
		if _, err := tx.ExecContext(ctx, `DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?`, into, t); err != nil {
			return 0, 0, fmt.Errorf("data: undo merge: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE customers SET merged_into = NULL, updated_at = ? WHERE id = ?`, tx.stamp(), from); err != nil {
		return 0, 0, fmt.Errorf("data: undo merge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE customer_merges SET undone_at = ? WHERE id = ?`, tx.stamp(), mergeID); err != nil {
		return 0, 0, fmt.Errorf("data: undo merge: %w", err)
	}
	for _, id := range []int64{into, from} {
		if err := RefreshConsentTx(ctx, tx, id); err != nil {
			return 0, 0, err
		}
	}
	return into, from, nil
}

// SplitKeyTx gives one buyer key of a contact (and so its orders) a contact of its own and returns the new
// contact's id. A contact's only key cannot be split off. The caller refreshes both.
func SplitKeyTx(ctx context.Context, tx *Tx, keyID int64) (from, to int64, err error) {
	if err = tx.QueryRowContext(ctx, `SELECT customer_id FROM customer_keys WHERE id = ?`, keyID).Scan(&from); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, 0, ErrNoRow
		}
		return 0, 0, fmt.Errorf("data: split customer: %w", err)
	}
	var keys int
	if err = tx.QueryRowContext(ctx, `SELECT count(*) FROM customer_keys WHERE customer_id = ?`, from).Scan(&keys); err != nil {
		return 0, 0, fmt.Errorf("data: split customer: %w", err)
	}
	if keys < 2 {
		return from, 0, ErrOnlyKey
	}
	if err = tx.QueryRowContext(ctx, `INSERT INTO customers (source, created_at, updated_at) VALUES ('ORDERS', ?, ?) RETURNING id`,
		tx.stamp(), tx.stamp()).Scan(&to); err != nil {
		return 0, 0, fmt.Errorf("data: split customer: %w", err)
	}
	if _, err = tx.ExecContext(ctx, `UPDATE customer_keys SET customer_id = ? WHERE id = ?`, to, keyID); err != nil {
		return 0, 0, fmt.Errorf("data: split customer: %w", err)
	}
	return from, to, nil
}

// ErrOnlyKey is a split asked of a contact with one buyer key: there is nothing to take apart.
var ErrOnlyKey = errors.New("data: the contact has only one buyer key")
