package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PORecord is a row of purchase_orders with its supplier's name.
type PORecord struct {
	ID               int64
	Number           string
	SupplierID       int64
	SupplierName     string
	Status           string
	OrderedOn, DueOn string // YYYY-MM-DD; DueOn may be ''
	Dropship         bool
	DeliverName      string
	DeliverPhone     string
	DeliverPostcode  string
	DeliverAddress   string
	Notes            string
	CreatedAt        time.Time
	UpdatedAt        time.Time
	Lines, Qty       int64 // line count and pieces, for the list
	Received         int64
	Supply           int64 // Σ qty × unit cost, for the list
}

// POLineRecord is a row of po_lines.
type POLineRecord struct {
	ID, POID    int64
	Position    int
	OptionID    int64 // 0: not (or no longer) a catalog option
	OrderLineID int64 // 0: not for a customer's order line
	Name        string
	OptionLabel string
	Code        string
	Qty         int64
	UnitCost    int64
	TaxFree     bool
	Received    int64
}

// NextPONumberTx takes the next PO number of a day (YYYYMMDD): PO-20261124-001, -002, …, never reused.
func NextPONumberTx(ctx context.Context, tx *Tx, day string) (string, error) {
	return nextDayNumberTx(ctx, tx, "po_counters", "PO", day)
}

// InsertPOTx inserts a purchase order and its lines; it returns the order's id.
func InsertPOTx(ctx context.Context, tx *Tx, po PORecord, lines []POLineRecord) (int64, error) {
	t := tx.stamp()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO purchase_orders (po_no, supplier_id, status, ordered_on, due_on, dropship,
		deliver_name, deliver_phone, deliver_postcode, deliver_address, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		po.Number, po.SupplierID, po.Status, po.OrderedOn, po.DueOn, po.Dropship, po.DeliverName, po.DeliverPhone,
		po.DeliverPostcode, po.DeliverAddress, po.Notes, t, t).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: insert PO %s: %w", po.Number, err)
	}
	for i, l := range lines {
		_, err := tx.ExecContext(ctx, `INSERT INTO po_lines (po_id, position, option_id, order_line_id, name, option_label,
			code, qty, unit_cost, tax_free, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
			id, i, nullID(l.OptionID), nullID(l.OrderLineID), l.Name, l.OptionLabel, l.Code, l.Qty, l.UnitCost, l.TaxFree)
		if err != nil {
			return 0, fmt.Errorf("data: insert PO %s line %d: %w", po.Number, i+1, err)
		}
	}
	if err := AddPOHistoryTx(ctx, tx, id, "", po.Status, ""); err != nil {
		return 0, err
	}
	return id, nil
}

// UpdatePOTx rewrites a purchase order's header (not its number or supplier).
func UpdatePOTx(ctx context.Context, tx *Tx, po PORecord) error {
	_, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = ?, ordered_on = ?, due_on = ?, dropship = ?,
		deliver_name = ?, deliver_phone = ?, deliver_postcode = ?, deliver_address = ?, notes = ?, updated_at = ?
		WHERE id = ?`, po.Status, po.OrderedOn, po.DueOn, po.Dropship, po.DeliverName, po.DeliverPhone,
		po.DeliverPostcode, po.DeliverAddress, po.Notes, tx.stamp(), po.ID)
	if err != nil {
		return fmt.Errorf("data: update PO %s: %w", po.Number, err)
	}
	return nil
}

// SetPOLineReceivedTx records how many of a line have arrived.
func SetPOLineReceivedTx(ctx context.Context, tx *Tx, lineID, received int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE po_lines SET received = ? WHERE id = ?`, received, lineID); err != nil {
		return fmt.Errorf("data: PO line %d received: %w", lineID, err)
	}
	return nil
}

// AddPOHistoryTx records a status move of a purchase order.
func AddPOHistoryTx(ctx context.Context, tx *Tx, poID int64, from, to, note string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO po_history (po_id, from_status, to_status, note, at) VALUES (?, ?, ?, ?, ?)`,
		poID, from, to, note, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: PO %d history: %w", poID, err)
	}
	return nil
}

const poColumns = `p.id, p.po_no, p.supplier_id, s.name, p.status, p.ordered_on, p.due_on, p.dropship, p.deliver_name,
	p.deliver_phone, p.deliver_postcode, p.deliver_address, p.notes, p.created_at, p.updated_at,
	(SELECT count(*) FROM po_lines WHERE po_id = p.id), (SELECT coalesce(sum(qty), 0) FROM po_lines WHERE po_id = p.id),
	(SELECT coalesce(sum(received), 0) FROM po_lines WHERE po_id = p.id),
	(SELECT coalesce(sum(qty * unit_cost), 0) FROM po_lines WHERE po_id = p.id)`

func scanPO(row interface{ Scan(...any) error }) (PORecord, error) {
	var p PORecord
	var created, updated string
	err := row.Scan(&p.ID, &p.Number, &p.SupplierID, &p.SupplierName, &p.Status, &p.OrderedOn, &p.DueOn, &p.Dropship,
		&p.DeliverName, &p.DeliverPhone, &p.DeliverPostcode, &p.DeliverAddress, &p.Notes, &created, &updated,
		&p.Lines, &p.Qty, &p.Received, &p.Supply)
	p.CreatedAt, p.UpdatedAt = parseStoreTime(created), parseStoreTime(updated)
	return p, err
}

// POByNumber reads a purchase order by its number; ErrNoRow when there is none.
func POByNumber(ctx context.Context, q Querier, number string) (PORecord, error) {
	p, err := scanPO(q.QueryRowContext(ctx, `SELECT `+poColumns+` FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
		WHERE p.po_no = ?`, number))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNoRow
	}
	if err != nil {
		return p, fmt.Errorf("data: PO %s: %w", number, err)
	}
	return p, nil
}

// POByID reads a purchase order; ErrNoRow when there is none.
func POByID(ctx context.Context, q Querier, id int64) (PORecord, error) {
	p, err := scanPO(q.QueryRowContext(ctx, `SELECT `+poColumns+` FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
		WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNoRow
	}
	if err != nil {
		return p, fmt.Errorf("data: PO %d: %w", id, err)
	}
	return p, nil
}

// ListPOs reads purchase orders, newest first; status ” lists every status.
func ListPOs(ctx context.Context, q Querier, status string) ([]PORecord, error) {
	where, args := "1", []any{}
	if status != "" {
		where, args = "p.status = ?", []any{status}
	}
	rows, err := q.QueryContext(ctx, `SELECT `+poColumns+` FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
		WHERE `+where+` ORDER BY p.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: list POs: %w", err)
	}
	defer rows.Close()
	var out []PORecord
	for rows.Next() {
		p, err := scanPO(rows)
		if err != nil {
			return nil, fmt.Errorf("data: list POs: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// POLines reads a purchase order's lines in order.
func POLines(ctx context.Context, q Querier, poID int64) ([]POLineRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, po_id, position, coalesce(option_id, 0), coalesce(order_line_id, 0), name,
		option_label, code, qty, unit_cost, tax_free, received FROM po_lines WHERE po_id = ? ORDER BY position`, poID)
	if err != nil {
		return nil, fmt.Errorf("data: PO %d lines: %w", poID, err)
	}
	defer rows.Close()
	var out []POLineRecord
	for rows.Next() {
		var l POLineRecord
		if err := rows.Scan(&l.ID, &l.POID, &l.Position, &l.OptionID, &l.OrderLineID, &l.Name, &l.OptionLabel, &l.Code,
			&l.Qty, &l.UnitCost, &l.TaxFree, &l.Received); err != nil {
			return nil, fmt.Errorf("data: PO %d lines: %w", poID, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// POHistory reads a purchase order's status moves, oldest first.
func POHistory(ctx context.Context, q Querier, poID int64) ([]StateMove, error) {
	return stateMoves(ctx, q, `SELECT from_status, to_status, note, at FROM po_history WHERE po_id = ? ORDER BY id`,
		poID, "PO")
}

// ReorderCandidate is a usable option at or below its safety stock, with what a PO line needs.
type ReorderCandidate struct {
	OptionID     int64
	SupplierID   int64 // 0: the product has no supplier
	ProductName  string
	OptionValues string // JSON array
	Code         string // 옵션관리코드, else 판매자 상품코드
	Stock        int64
	SafetyStock  int64
	Cost         int64
	TaxFree      bool
	OnOrder      int64 // pieces already on open POs and not yet received
}

// ReorderCandidates lists the live catalog's low-stock options with what is already on order.
func ReorderCandidates(ctx context.Context, q Querier) ([]ReorderCandidate, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, coalesce(p.supplier_id, 0), p.name, o.option_values,
		coalesce(o.code, p.code), o.stock, o.safety_stock, p.cost, p.tax_type = 'DUTYFREE',
		(SELECT coalesce(sum(l.qty - l.received), 0) FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
			WHERE l.option_id = o.id AND po.status IN ('DRAFT', 'ORDERED', 'PARTIAL'))
		FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE o.usable = 1 AND o.removed = 0 AND o.stock <= o.safety_stock AND p.archived_at IS NULL
		AND p.status <> 'SUSPENSION'
		ORDER BY p.supplier_id, p.name, o.position`)
	if err != nil {
		return nil, fmt.Errorf("data: reorder candidates: %w", err)
	}
	defer rows.Close()
	var out []ReorderCandidate
	for rows.Next() {
		var c ReorderCandidate
		if err := rows.Scan(&c.OptionID, &c.SupplierID, &c.ProductName, &c.OptionValues, &c.Code, &c.Stock,
			&c.SafetyStock, &c.Cost, &c.TaxFree, &c.OnOrder); err != nil {
			return nil, fmt.Errorf("data: reorder candidates: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// OrderLineSupply is what a PO line for a customer's order line needs: the product's supplier and cost.
type OrderLineSupply struct {
	LineID, OptionID, SupplierID int64
	ProductOrderNo               string
	ProductName, OptionInfo      string
	Code                         string
	Qty, Cost                    int64
	TaxFree                      bool
	RecipientName                string
	RecipientPhone               string
	Postcode, Address            string
	DeliveryMessage              string
	OnPO                         string // the PO number the line is already on, if any (not cancelled)
}

// OrderLineSupplies reads order lines with their product's supplier (0 when none or unmatched).
func OrderLineSupplies(ctx context.Context, q Querier, lineIDs []int64) ([]OrderLineSupply, error) {
	if len(lineIDs) == 0 {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT l.id, coalesce(l.option_id, 0), coalesce(p.supplier_id, 0), l.product_order_no,
		l.product_name, l.option_info, coalesce(oc.code, p.code, l.option_code, l.product_code), l.qty, coalesce(p.cost, 0),
		coalesce(p.tax_type = 'DUTYFREE', 0), o.recipient_name, o.recipient_phone1, o.postcode,
		trim(o.address || ' ' || o.address_detail), o.delivery_message,
		coalesce((SELECT po.po_no FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id
			WHERE pl.order_line_id = l.id AND po.status <> 'CANCELED' LIMIT 1), '')
		FROM order_lines l JOIN orders o ON o.id = l.order_id
		LEFT JOIN product_options oc ON oc.id = l.option_id
		LEFT JOIN products p ON p.id = oc.product_id
		WHERE l.id IN (`+placeholders(len(lineIDs))+`) ORDER BY l.ordered_at, l.id`, anys(lineIDs)...)
	if err != nil {
		return nil, fmt.Errorf("data: order line supplies: %w", err)
	}
	defer rows.Close()
	var out []OrderLineSupply
	for rows.Next() {
		var s OrderLineSupply
		if err := rows.Scan(&s.LineID, &s.OptionID, &s.SupplierID, &s.ProductOrderNo, &s.ProductName, &s.OptionInfo,
			&s.Code, &s.Qty, &s.Cost, &s.TaxFree, &s.RecipientName, &s.RecipientPhone, &s.Postcode, &s.Address,
			&s.DeliveryMessage, &s.OnPO); err != nil {
			return nil, fmt.Errorf("data: order line supplies: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
