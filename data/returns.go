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
		p.ExchangeFee, string(cats), p.Notes, tx.stamp())
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
	return nextDayNumberTx(ctx, tx, "rt_counters", "RT", day)
}

// InsertReturnTx inserts a request with its lines and returns its id.
func InsertReturnTx(ctx context.Context, tx *Tx, r ReturnRecord, lines []ReturnLineRecord) (int64, error) {
	t := tx.stamp()
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
		r.Refund, r.RefundNote, tx.stamp(), r.ID)
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
		returnID, from, to, note, tx.stamp())
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

// DeliveredAt is when a line was delivered as far as the store knows: its first move to the delivered status
// (the app's code for 배송완료) in its history, or when it was shipped. Zero when nothing says so.
func DeliveredAt(ctx context.Context, q Querier, orderLineID int64, delivered string) (time.Time, error) {
	var at string
	err := q.QueryRowContext(ctx, `SELECT coalesce(
		(SELECT min(at) FROM order_status_history WHERE line_id = ? AND to_status = ?),
		(SELECT nullif(shipped_at, '') FROM order_lines WHERE id = ?), '')`, orderLineID, delivered, orderLineID).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("data: delivered at of line %d: %w", orderLineID, err)
	}
	return parseStoreTime(at), nil
}

// ReturnQuery filters the returns list. Zero values filter nothing.
type ReturnQuery struct {
	State, Reason, Kind string
	MinAgeDays          int // opened at least this many days ago
	Now                 time.Time
	// Received is the state a request enters when the goods are back (the app's code for 입고): each row's
	// ReceivedAt is its first move there. Empty: ReceivedAt stays zero.
	Received string
}

// ReturnListRow is a request as the list shows it.
type ReturnListRow struct {
	ReturnRecord
	OrderNo, BuyerName string
	Items              string // "상품명 옵션 ×2, …"
	Qty                int64
	ReceivedAt         time.Time // first moved to ReturnQuery.Received; zero when never
}

// ListReturns reads requests, newest first.
func ListReturns(ctx context.Context, q Querier, f ReturnQuery) ([]ReturnListRow, error) {
	conds, args := []string{"1"}, []any{}
	if f.State != "" {
		conds, args = append(conds, "r.state = ?"), append(args, f.State)
	}
	if f.Reason != "" {
		conds, args = append(conds, "r.reason = ?"), append(args, f.Reason)
	}
	if f.Kind != "" {
		conds, args = append(conds, "r.kind = ?"), append(args, f.Kind)
	}
	if f.MinAgeDays > 0 && !f.Now.IsZero() {
		conds, args = append(conds, "r.created_at <= ?"), append(args, timeText(f.Now.AddDate(0, 0, -f.MinAgeDays)))
	}
	where := ""
	for i, c := range conds {
		if i > 0 {
			where += " AND "
		}
		where += c
	}
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.rt_no, r.order_id, r.kind, r.reason, r.fault, r.method, r.state, r.held_from,
		r.note, r.tracking_no, r.outside_window, r.refund, r.refund_note, r.created_at, r.updated_at, o.order_no, o.buyer_name,
		(SELECT group_concat(trim(ol.product_name || ' ' || ol.option_info) || ' ×' || rl.qty, ', ')
			FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id WHERE rl.return_id = r.id),
		(SELECT coalesce(sum(qty), 0) FROM return_lines WHERE return_id = r.id),
		coalesce((SELECT min(h.at) FROM return_history h WHERE h.return_id = r.id AND h.to_state = ?), '')
		FROM returns r JOIN orders o ON o.id = r.order_id WHERE `+where+` ORDER BY r.id DESC`, append([]any{f.Received}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("data: list returns: %w", err)
	}
	defer rows.Close()
	var out []ReturnListRow
	for rows.Next() {
		var r ReturnListRow
		var created, updated, received string
		var items sql.NullString
		if err := rows.Scan(&r.ID, &r.Number, &r.OrderID, &r.Kind, &r.Reason, &r.Fault, &r.Method, &r.State, &r.HeldFrom,
			&r.Note, &r.TrackingNo, &r.OutsideWindow, &r.Refund, &r.RefundNote, &created, &updated, &r.OrderNo, &r.BuyerName,
			&items, &r.Qty, &received); err != nil {
			return nil, fmt.Errorf("data: list returns: %w", err)
		}
		r.CreatedAt, r.UpdatedAt, r.Items = parseStoreTime(created), parseStoreTime(updated), items.String
		r.ReceivedAt = parseStoreTime(received)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReturnHistory reads a request's moves, oldest first.
func ReturnHistory(ctx context.Context, q Querier, returnID int64) ([]StateMove, error) {
	return stateMoves(ctx, q, `SELECT from_state, to_state, note, at FROM return_history WHERE return_id = ? ORDER BY id`,
		returnID, "return")
}

// ReturnStat is one group of the return analysis.
type ReturnStat struct {
	Key, Label     string
	Sold, Returned int64 // pieces
	Refunds        int64
	Requests       int64
}

// ReturnStatsBy groups sold and returned pieces by "product", "option" or "category" over [from, to). sold
// is the app's set of statuses that count as sold.
func ReturnStatsBy(ctx context.Context, q Querier, by string, from, to time.Time, sold []string) ([]ReturnStat, error) {
	var key, label string
	switch by {
	case "product":
		key, label = "l.product_name", "l.product_name"
	case "option":
		key, label = "l.product_name || ' / ' || l.option_info", "l.product_name || ' / ' || l.option_info"
	case "category":
		key, label = "coalesce(c.name, '(분류 없음)')", "coalesce(c.name, '(분류 없음)')"
	default:
		return nil, fmt.Errorf("data: no return stats by %q", by)
	}
	isSold, soldArgs := inSet("l.status", sold)
	rows, err := q.QueryContext(ctx, `SELECT `+key+`, `+label+`, sum(l.qty),
		coalesce(sum((SELECT sum(rl.qty) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
			WHERE rl.order_line_id = l.id AND r.state <> 'REJECTED')), 0),
		coalesce(sum((SELECT sum(r.refund) FROM returns r WHERE r.id IN (SELECT return_id FROM return_lines WHERE order_line_id = l.id))), 0)
		FROM order_lines l
		LEFT JOIN product_options po ON po.id = l.option_id LEFT JOIN products p ON p.id = po.product_id
		LEFT JOIN categories c ON c.id = p.category_id
		WHERE l.ordered_at >= ? AND l.ordered_at < ? AND `+isSold+`
		GROUP BY 1 HAVING sum(l.qty) > 0 ORDER BY 4 DESC, 3 DESC LIMIT 200`, append([]any{timeText(from), timeText(to)}, soldArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("data: return stats: %w", err)
	}
	defer rows.Close()
	var out []ReturnStat
	for rows.Next() {
		var s ReturnStat
		if err := rows.Scan(&s.Key, &s.Label, &s.Sold, &s.Returned, &s.Refunds); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ReturnReasonCount counts requests by reason over [from, to).
func ReturnReasonCount(ctx context.Context, q Querier, from, to time.Time) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT reason, count(*) FROM returns WHERE created_at >= ? AND created_at < ? AND state <> 'REJECTED'
		GROUP BY reason`, timeText(from), timeText(to))
	if err != nil {
		return nil, fmt.Errorf("data: return reasons: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var r string
		var n int64
		if err := rows.Scan(&r, &n); err != nil {
			return nil, err
		}
		out[r] = n
	}
	return out, rows.Err()
}

// ReturnCosts sums what returns cost over [from, to): refunds paid, return shipping the seller bore (seller's
// fault requests) and the cost price of disposed items.
type ReturnCosts struct {
	Refunds, SellerShipping, Disposed int64
	Requests                          int64
}

// ReturnCostsBetween reads them; fee is the policy's one-way return fee.
func ReturnCostsBetween(ctx context.Context, q Querier, from, to time.Time, fee int64) (ReturnCosts, error) {
	var c ReturnCosts
	err := q.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(refund), 0),
		coalesce(sum(CASE WHEN fault = 'SELLER' THEN 1 ELSE 0 END), 0) * ?,
		coalesce((SELECT sum(rl.qty * coalesce(p.cost, 0)) FROM return_lines rl JOIN returns r2 ON r2.id = rl.return_id
			JOIN order_lines l ON l.id = rl.order_line_id LEFT JOIN product_options po ON po.id = l.option_id
			LEFT JOIN products p ON p.id = po.product_id
			WHERE rl.inspection = 'DISPOSE' AND r2.created_at >= ? AND r2.created_at < ?), 0)
		FROM returns WHERE created_at >= ? AND created_at < ? AND state <> 'REJECTED'`,
		fee, timeText(from), timeText(to), timeText(from), timeText(to)).Scan(&c.Requests, &c.Refunds, &c.SellerShipping, &c.Disposed)
	if err != nil {
		return c, fmt.Errorf("data: return costs: %w", err)
	}
	return c, nil
}

// ReturnMonthly counts requests and refunds per month (YYYY-MM, local offset applied by the caller's
// from/to) over [from, to).
func ReturnMonthly(ctx context.Context, q Querier, from, to time.Time, offsetMinutes int) ([][3]any, error) {
	rows, err := q.QueryContext(ctx, `SELECT strftime('%Y-%m', created_at, ? || ' minutes'), count(*), coalesce(sum(refund), 0)
		FROM returns WHERE created_at >= ? AND created_at < ? AND state <> 'REJECTED' GROUP BY 1 ORDER BY 1`,
		fmt.Sprintf("%+d", offsetMinutes), timeText(from), timeText(to))
	if err != nil {
		return nil, fmt.Errorf("data: monthly returns: %w", err)
	}
	defer rows.Close()
	var out [][3]any
	for rows.Next() {
		var m string
		var n, refund int64
		if err := rows.Scan(&m, &n, &refund); err != nil {
			return nil, err
		}
		out = append(out, [3]any{m, n, refund})
	}
	return out, rows.Err()
}

// ClaimedLine is an order line an import marked 반품 or 교환, with the newest request on it.
type ClaimedLine struct {
	ID, OrderID, Qty int64
	Status           string
	OpenRT           string // the newest request that was not rejected; "" when none
}

// ClaimedLines lists the order lines in one of the claimed statuses (the app's set: 반품, 교환).
func ClaimedLines(ctx context.Context, q Querier, claimed []string) ([]ClaimedLine, error) {
	isClaimed, args := inSet("l.status", claimed)
	rows, err := q.QueryContext(ctx, `SELECT l.id, l.order_id, l.qty, l.status,
		coalesce((SELECT r.rt_no FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE rl.order_line_id = l.id
			AND r.state <> 'REJECTED' ORDER BY r.id DESC LIMIT 1), '')
		FROM order_lines l WHERE `+isClaimed, args...)
	if err != nil {
		return nil, fmt.Errorf("data: claimed lines: %w", err)
	}
	defer rows.Close()
	var out []ClaimedLine
	for rows.Next() {
		var l ClaimedLine
		if err := rows.Scan(&l.ID, &l.OrderID, &l.Qty, &l.Status, &l.OpenRT); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// DeliveredLinesSince lists matched lines in one of the arrived statuses (the app's set: delivered or
// confirmed), ordered since a time, newest first (the demo's returns come from these).
func DeliveredLinesSince(ctx context.Context, q Querier, since time.Time, limit int, arrived []string) ([][2]int64, error) {
	isArrived, args := inSet("l.status", arrived)
	rows, err := q.QueryContext(ctx, `SELECT l.id, l.order_id FROM order_lines l
		WHERE `+isArrived+` AND l.option_id IS NOT NULL AND l.ordered_at >= ?
		ORDER BY l.ordered_at DESC LIMIT ?`, append(args, timeText(since), limit)...)
	if err != nil {
		return nil, fmt.Errorf("data: delivered lines: %w", err)
	}
	defer rows.Close()
	var out [][2]int64
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out = append(out, [2]int64{a, b})
	}
	return out, rows.Err()
}

// ReturnOfLine is the newest request on an order line that was not rejected: its number, or "" when none.
func ReturnOfLine(ctx context.Context, q Querier, lineID int64) (string, error) {
	var no string
	err := q.QueryRowContext(ctx, `SELECT r.rt_no FROM return_lines rl JOIN returns r ON r.id = rl.return_id
		WHERE rl.order_line_id = ? AND r.state <> 'REJECTED' ORDER BY r.id DESC LIMIT 1`, lineID).Scan(&no)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("data: request of order line %d: %w", lineID, err)
	}
	return no, nil
}
