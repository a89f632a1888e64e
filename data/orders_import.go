package data

// An import's writes: orders and lines inserted without looking them up, status moves and lookup entries
// written many rows to a statement.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// InsertOrderTx inserts an order an import found no row of and returns its id. Unlike SaveOrderTx it
// neither looks for an order with the same 주문번호 (the caller just did) nor copies the order's fields to
// its lines (it has none yet).
func InsertOrderTx(ctx context.Context, tx *Tx, o OrderRecord) (int64, error) {
	t := tx.stamp()
	o = o.withDefaults()
	res, err := tx.ExecContext(ctx, `INSERT INTO orders (order_no, source, ordered_at, paid_at, buyer_name, buyer_id,
		buyer_phone, recipient_name, recipient_phone1, recipient_phone2, postcode, address, address_detail,
		delivery_message, payment_method, channel, shipping_fee, shipping_fee_extra, shipping_discount, country,
		customs_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.OrderNo, o.Source, timeText(o.OrderedAt), timeText(o.PaidAt), o.BuyerName, o.BuyerID, o.BuyerPhone,
		o.RecipientName, o.RecipientPhone1, o.RecipientPhone2, o.Postcode, o.Address, o.AddressDetail,
		o.DeliveryMessage, o.PaymentMethod, o.Channel, o.ShippingFee, o.ShippingFeeExtra, o.ShippingDiscount,
		o.Country, o.CustomsID, t, t)
	if err != nil {
		return 0, fmt.Errorf("data: insert order %s: %w", o.OrderNo, err)
	}
	id, err := res.LastInsertId() // the order's own, whatever rows triggers inserted
	if err != nil {
		return 0, fmt.Errorf("data: insert order %s: %w", o.OrderNo, err)
	}
	return id, nil
}

// batchRows is how many rows an import's batches write with one statement: each statement costs about as
// much as a dozen rows, and 100 rows stay far below SQLite's limit of bound values.
const batchRows = 100

// rowBatch gathers rows of one INSERT and writes them batchRows to a statement.
type rowBatch struct {
	head, tuple string // "INSERT INTO t (a, b) VALUES ", "(?, ?)"
	width       int    // values a row
	args        []any
	full        string // the statement for batchRows rows
}

func (b *rowBatch) statement(n int) string {
	if n == batchRows && b.full != "" {
		return b.full
	}
	var sb strings.Builder
	sb.WriteString(b.head)
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(b.tuple)
	}
	if n == batchRows {
		b.full = sb.String()
	}
	return sb.String()
}

func (b *rowBatch) add(ctx context.Context, tx *Tx, row ...any) error {
	b.args = append(b.args, row...)
	if len(b.args) >= batchRows*b.width {
		return b.flush(ctx, tx)
	}
	return nil
}

func (b *rowBatch) flush(ctx context.Context, tx *Tx) error {
	n := len(b.args) / b.width
	if n == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, b.statement(n), b.args...)
	clear(b.args)
	b.args = b.args[:0]
	return err
}

// StatusChangeBatch records the status moves of an import like AddStatusChangeTx, batchRows rows to a
// statement, in the order they were added. FlushTx writes what is left; call it before the transaction
// reads the history or commits.
type StatusChangeBatch struct{ b rowBatch }

// AddTx adds a line's status move.
func (s *StatusChangeBatch) AddTx(ctx context.Context, tx *Tx, lineID int64, from, to, note, source string) error {
	if s.b.width == 0 {
		s.b = rowBatch{head: `INSERT INTO order_status_history (line_id, from_status, to_status, note, source, at) VALUES `,
			tuple: `(?, ?, ?, ?, ?, ?)`, width: 6}
	}
	if err := s.b.add(ctx, tx, lineID, from, to, note, source, tx.stamp()); err != nil {
		return fmt.Errorf("data: status history: %w", err)
	}
	return nil
}

// FlushTx writes the moves not yet written.
func (s *StatusChangeBatch) FlushTx(ctx context.Context, tx *Tx) error {
	if s.b.width == 0 {
		return nil
	}
	if err := s.b.flush(ctx, tx); err != nil {
		return fmt.Errorf("data: status history: %w", err)
	}
	return nil
}

// LineSearchEntry is a line's lookup entry as order_search holds it; the lines of one order share it.
type LineSearchEntry struct{ nameChars, namePairs, tails string }

// LineSearchEntryOf is the entry of a line found by s.
func LineSearchEntryOf(s LineSearch) LineSearchEntry {
	nc, np, tails := lineSearchRow(s)
	return LineSearchEntry{nc, np, tails}
}

// LineSearchStage stages an import's lookup entries like StageLineSearchTx, batchRows rows to a statement,
// a later entry of a line replacing an earlier one. FlushTx stages what is left; FlushLineSearchTx then
// writes every staged entry.
type LineSearchStage struct{ b rowBatch }

// AddTx stages a line's entry.
func (s *LineSearchStage) AddTx(ctx context.Context, tx *Tx, lineID int64, e LineSearchEntry) error {
	if s.b.width == 0 {
		if _, err := tx.ExecContext(ctx, stageTable); err != nil {
			return fmt.Errorf("data: stage line search: %w", err)
		}
		s.b = rowBatch{head: `INSERT OR REPLACE INTO temp.order_search_stage VALUES `, tuple: `(?, ?, ?, ?)`, width: 4}
	}
	if err := s.b.add(ctx, tx, lineID, e.nameChars, e.namePairs, e.tails); err != nil {
		return fmt.Errorf("data: stage line search: %w", err)
	}
	return nil
}

// FlushTx stages the entries not yet staged.
func (s *LineSearchStage) FlushTx(ctx context.Context, tx *Tx) error {
	if s.b.width == 0 {
		return nil
	}
	if err := s.b.flush(ctx, tx); err != nil {
		return fmt.Errorf("data: stage line search: %w", err)
	}
	return nil
}

// OrderNoCeiling is the greatest 주문번호 stored that sorts below "A" (every number of digits does; a
// manual order's M-… does not), and whether there is one. A number of that kind that sorts above it is
// stored nowhere: an import takes such an order for new without looking it up.
func OrderNoCeiling(ctx context.Context, q Querier) (string, bool, error) {
	var no sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT max(order_no) FROM orders WHERE order_no < 'A'`).Scan(&no); err != nil {
		return "", false, fmt.Errorf("data: greatest order number: %w", err)
	}
	return no.String, no.Valid, nil
}
