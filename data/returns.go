package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// PolicyRecord is the return policy row.
type PolicyRecord struct {
	WindowDays, DefectMonths, DefectKnownDays int
	ReturnFee                                 int64
	BothWays, ChargeFreeShipping              bool
	ExchangeFee                               int64
	NonReturnable                             []int64 // category ids
	Notes                                     string
}

// ReturnPolicy reads the policy.
func ReturnPolicy(ctx context.Context, q Querier) (PolicyRecord, error) {
	var p PolicyRecord
	var cats string
	err := q.QueryRowContext(ctx, `SELECT window_days, defect_months, defect_known_days, return_fee, both_ways,
		charge_free_shipping, exchange_fee, non_returnable, notes FROM return_policy WHERE id = 1`).Scan(&p.WindowDays,
		&p.DefectMonths, &p.DefectKnownDays, &p.ReturnFee, &p.BothWays, &p.ChargeFreeShipping, &p.ExchangeFee, &cats, &p.Notes)
	if err != nil {
		return p, fmt.Errorf("data: return policy: %w", err)
	}
	_ = json.Unmarshal([]byte(cats), &p.NonReturnable)
	return p, nil
}

// SaveReturnPolicyTx writes the policy.
func SaveReturnPolicyTx(ctx context.Context, tx *Tx, p PolicyRecord) error {
	cats, _ := json.Marshal(p.NonReturnable)
	if p.NonReturnable == nil {
		cats = []byte("[]")
	}
	_, err := tx.ExecContext(ctx, `UPDATE return_policy SET window_days = ?, defect_months = ?, defect_known_days = ?,
		return_fee = ?, both_ways = ?, charge_free_shipping = ?, exchange_fee = ?, non_returnable = ?, notes = ?, updated_at = ?
		WHERE id = 1`, p.WindowDays, p.DefectMonths, p.DefectKnownDays, p.ReturnFee, p.BothWays, p.ChargeFreeShipping,
		p.ExchangeFee, string(cats), p.Notes, now())
	if err != nil {
		return fmt.Errorf("data: save return policy: %w", err)
	}
	return nil
}

// ReturnRecord is a row of returns.
type ReturnRecord struct {
	ID                   int64
	Number               string
	OrderID              int64
	Kind, Reason, Fault  string
	Method, State        string
	HeldFrom             string
	Note, TrackingNo     string
	OutsideWindow        bool
	Refund               int64
	RefundNote           string
	CreatedAt, UpdatedAt time.Time
}

// ReturnLineRecord is a row of return_lines.
type ReturnLineRecord struct {
	ID, ReturnID, OrderLineID int64
	Qty                       int64
	ReplacementOptionID       int64
	Inspection                string
	Restocked                 bool
	ReplacementShipped        bool
}

// NextReturnNumberTx takes the next return number of a day: RT-20261124-001, never reused.
func NextReturnNumberTx(ctx context.Context, tx *Tx, day string) (string, error) {
	var n int
	err := tx.QueryRowContext(ctx, `INSERT INTO rt_counters (day, last) VALUES (?, 1)
		ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`, day).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("data: next return number: %w", err)
	}
	return fmt.Sprintf("RT-%s-%03d", day, n), nil
}

// InsertReturnTx inserts a request with its lines and returns its id.
func InsertReturnTx(ctx context.Context, tx *Tx, r ReturnRecord, lines []ReturnLineRecord) (int64, error) {
	t := now()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO returns (rt_no, order_id, kind, reason, fault, method, state, note,
		outside_window, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.Number, r.OrderID, r.Kind, r.Reason, r.Fault, r.Method, r.State, r.Note, r.OutsideWindow, t, t).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: insert return %s: %w", r.Number, err)
	}
	for _, l := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO return_lines (return_id, order_line_id, qty, replacement_option_id)
			VALUES (?, ?, ?, ?)`, id, l.OrderLineID, l.Qty, nullID(l.ReplacementOptionID)); err != nil {
			return 0, fmt.Errorf("data: insert return %s line: %w", r.Number, err)
		}
	}
	return id, nil
}

// UpdateReturnTx rewrites a request's moving parts.
func UpdateReturnTx(ctx context.Context, tx *Tx, r ReturnRecord) error {
	_, err := tx.ExecContext(ctx, `UPDATE returns SET fault = ?, state = ?, held_from = ?, note = ?, tracking_no = ?,
		refund = ?, refund_note = ?, updated_at = ? WHERE id = ?`, r.Fault, r.State, r.HeldFrom, r.Note, r.TrackingNo,
		r.Refund, r.RefundNote, now(), r.ID)
	if err != nil {
		return fmt.Errorf("data: update return %s: %w", r.Number, err)
	}
	return nil
}

// UpdateReturnLineTx writes a line's inspection and stock flags.
func UpdateReturnLineTx(ctx context.Context, tx *Tx, l ReturnLineRecord) error {
	_, err := tx.ExecContext(ctx, `UPDATE return_lines SET inspection = ?, restocked = ?, replacement_shipped = ? WHERE id = ?`,
		l.Inspection, l.Restocked, l.ReplacementShipped, l.ID)
	if err != nil {
		return fmt.Errorf("data: update return line %d: %w", l.ID, err)
	}
	return nil
}

// AddReturnHistoryTx records a state move.
func AddReturnHistoryTx(ctx context.Context, tx *Tx, returnID int64, from, to, note string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO return_history (return_id, from_state, to_state, note, at) VALUES (?, ?, ?, ?, ?)`,
		returnID, from, to, note, now())
	if err != nil {
		return fmt.Errorf("data: return %d history: %w", returnID, err)
	}
	return nil
}

const returnColumns = `id, rt_no, order_id, kind, reason, fault, method, state, held_from, note, tracking_no, outside_window,
	refund, refund_note, created_at, updated_at`

func scanReturn(row interface{ Scan(...any) error }) (ReturnRecord, error) {
	var r ReturnRecord
	var created, updated string
	err := row.Scan(&r.ID, &r.Number, &r.OrderID, &r.Kind, &r.Reason, &r.Fault, &r.Method, &r.State, &r.HeldFrom, &r.Note,
		&r.TrackingNo, &r.OutsideWindow, &r.Refund, &r.RefundNote, &created, &updated)
	r.CreatedAt, r.UpdatedAt = parseStoreTime(created), parseStoreTime(updated)
	return r, err
}

// ReturnByNumber reads a request; ErrNoRow when there is none.
func ReturnByNumber(ctx context.Context, q Querier, number string) (ReturnRecord, error) {
	r, err := scanReturn(q.QueryRowContext(ctx, `SELECT `+returnColumns+` FROM returns WHERE rt_no = ?`, number))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNoRow
	}
	if err != nil {
		return r, fmt.Errorf("data: return %s: %w", number, err)
	}
	return r, nil
}

// ReturnLines reads a request's lines.
func ReturnLines(ctx context.Context, q Querier, returnID int64) ([]ReturnLineRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, return_id, order_line_id, qty, coalesce(replacement_option_id, 0), inspection,
		restocked, replacement_shipped FROM return_lines WHERE return_id = ? ORDER BY id`, returnID)
	if err != nil {
		return nil, fmt.Errorf("data: return %d lines: %w", returnID, err)
	}
	defer rows.Close()
	var out []ReturnLineRecord
	for rows.Next() {
		var l ReturnLineRecord
		if err := rows.Scan(&l.ID, &l.ReturnID, &l.OrderLineID, &l.Qty, &l.ReplacementOptionID, &l.Inspection, &l.Restocked,
			&l.ReplacementShipped); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// ReturnedQty is how many of an order line are on requests that were not rejected.
func ReturnedQty(ctx context.Context, q Querier, orderLineID int64) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT coalesce(sum(l.qty), 0) FROM return_lines l JOIN returns r ON r.id = l.return_id
		WHERE l.order_line_id = ? AND r.state <> 'REJECTED'`, orderLineID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("data: returned quantity of line %d: %w", orderLineID, err)
	}
	return n, nil
}

// DeliveredAt is when a line was delivered as far as the store knows: the 배송완료 move in its history, or
// when it was shipped, or ordered. Zero when nothing says so.
func DeliveredAt(ctx context.Context, q Querier, orderLineID int64) (time.Time, error) {
	var at string
	err := q.QueryRowContext(ctx, `SELECT coalesce(
		(SELECT min(at) FROM order_status_history WHERE line_id = ? AND to_status = 'DELIVERED'),
		(SELECT nullif(shipped_at, '') FROM order_lines WHERE id = ?), '')`, orderLineID, orderLineID).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("data: delivered at of line %d: %w", orderLineID, err)
	}
	return parseStoreTime(at), nil
}
