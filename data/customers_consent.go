package data

import (
	"context"
	"fmt"
	"time"
)

// ConsentRecord is one statement of a contact about advertising mail: yes or no, on which channel, when,
// how it was given, and when the customer was sent the confirmation.
type ConsentRecord struct {
	ID, CustomerID int64
	Channel        string
	Granted        bool
	At             time.Time
	Method, Note   string
	ConfirmedAt    time.Time
	RecordedAt     time.Time
}

// AddConsentTx records a consent statement and makes it the contact's current state when it is the latest.
func AddConsentTx(ctx context.Context, tx *Tx, r ConsentRecord) (int64, error) {
	if r.Channel == "" {
		r.Channel = "EMAIL"
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO consent_records (customer_id, channel, granted, at, method, note, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.CustomerID, r.Channel, r.Granted, timeText(r.At), r.Method, r.Note,
		tx.stamp()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: consent of customer %d: %w", r.CustomerID, err)
	}
	return id, RefreshConsentTx(ctx, tx, r.CustomerID)
}

// RefreshConsentTx copies a contact's latest consent record onto the contact (for the list's filter).
func RefreshConsentTx(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE customers SET
		consent = coalesce((SELECT CASE granted WHEN 1 THEN 'YES' ELSE 'NO' END FROM consent_records
			WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT 1), ''),
		consent_at = coalesce((SELECT at FROM consent_records WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT 1), '')
		WHERE id = ?1`, id)
	if err != nil {
		return fmt.Errorf("data: consent of customer %d: %w", id, err)
	}
	return nil
}

func scanConsent(row interface{ Scan(...any) error }) (ConsentRecord, error) {
	var r ConsentRecord
	var at, conf, rec string
	if err := row.Scan(&r.ID, &r.CustomerID, &r.Channel, &r.Granted, &at, &r.Method, &r.Note, &conf, &rec); err != nil {
		return r, err
	}
	r.At, r.ConfirmedAt, r.RecordedAt = parseStoreTime(at), parseStoreTime(conf), parseStoreTime(rec)
	return r, nil
}

const consentCols = `id, customer_id, channel, granted, at, method, note, confirmed_at, recorded_at`

// ConsentHistory lists a contact's consent records, newest first.
func ConsentHistory(ctx context.Context, q Querier, id int64) ([]ConsentRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+consentCols+` FROM consent_records WHERE customer_id = ? ORDER BY at DESC, id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("data: consent history of %d: %w", id, err)
	}
	defer rows.Close()
	var out []ConsentRecord
	for rows.Next() {
		r, err := scanConsent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LatestConsents reads the latest consent record of each contact given (absent: none recorded).
func LatestConsents(ctx context.Context, q Querier, ids []int64) (map[int64]ConsentRecord, error) {
	out := make(map[int64]ConsentRecord, len(ids))
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		rows, err := q.QueryContext(ctx, `SELECT `+consentCols+` FROM consent_records WHERE customer_id IN (`+placeholders(len(part))+`)
			ORDER BY customer_id, at, id`, anys(part)...)
		if err != nil {
			return nil, fmt.Errorf("data: latest consents: %w", err)
		}
		for rows.Next() {
			r, err := scanConsent(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[r.CustomerID] = r // ordered by time: the last one stays
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UnconfirmedConsents lists the consent records whose confirmation mail has not been sent yet.
func UnconfirmedConsents(ctx context.Context, q Querier) ([]ConsentRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+consentCols+` FROM consent_records WHERE confirmed_at = '' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("data: unconfirmed consents: %w", err)
	}
	defer rows.Close()
	var out []ConsentRecord
	for rows.Next() {
		r, err := scanConsent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MarkConsentConfirmedTx notes that a consent record's confirmation mail went out (or was queued) at.
func MarkConsentConfirmedTx(ctx context.Context, tx *Tx, id int64, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `UPDATE consent_records SET confirmed_at = ? WHERE id = ?`, timeText(at), id); err != nil {
		return fmt.Errorf("data: confirm consent %d: %w", id, err)
	}
	return nil
}

// RecentCategoryPurchases reads, for each contact given, the latest payment time of a sold line per
// product category, counting payments at or after since. The app maps categories to their top level.
func RecentCategoryPurchases(ctx context.Context, q Querier, ids []int64, since time.Time, sold []string) (map[int64]map[int64]time.Time, error) {
	out := map[int64]map[int64]time.Time{}
	in, soldArgs := inSet("l.status", sold)
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		args := append(anys(part), timeText(since))
		args = append(args, soldArgs...)
		rows, err := q.QueryContext(ctx, `
			SELECT k.customer_id, coalesce(p.category_id, 0), max(o.paid_at)
			FROM customer_keys k JOIN customer_orders co ON co.key_id = k.id JOIN orders o ON o.id = co.order_id
			JOIN order_lines l ON l.order_id = o.id JOIN product_options po ON po.id = l.option_id
			JOIN products p ON p.id = po.product_id
			WHERE k.customer_id IN (`+placeholders(len(part))+`) AND o.paid_at >= ? AND `+in+`
			GROUP BY 1, 2`, args...)
		if err != nil {
			return nil, fmt.Errorf("data: recent purchases: %w", err)
		}
		for rows.Next() {
			var cid, cat int64
			var at string
			if err := rows.Scan(&cid, &cat, &at); err != nil {
				rows.Close()
				return nil, err
			}
			if out[cid] == nil {
				out[cid] = map[int64]time.Time{}
			}
			out[cid][cat] = parseStoreTime(at)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
