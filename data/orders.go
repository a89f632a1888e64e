package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// OrderRecord is a row of orders: one checkout, its buyer, recipient, payment and shipping.
type OrderRecord struct {
	ID                                              int64
	OrderNo                                         string
	Source                                          string // SMARTSTORE or MANUAL
	OrderedAt, PaidAt                               time.Time
	BuyerName, BuyerID, BuyerPhone                  string
	RecipientName, RecipientPhone1, RecipientPhone2 string
	Postcode, Address, AddressDetail                string
	DeliveryMessage                                 string
	PaymentMethod, Channel                          string
	ShippingFee, ShippingFeeExtra                   int64
	ShippingDiscount                                int64
	Country, CustomsID                              string
	CreatedAt, UpdatedAt                            time.Time
}

// OrderLineRecord is a row of order_lines: one 상품주문번호.
type OrderLineRecord struct {
	ID, OrderID                     int64
	ProductOrderNo                  string
	ProductCode, OptionCode         string
	OptionID                        int64 // 0 while the line is not matched to an option
	ProductName, OptionInfo         string
	ProductRef                      int64 // order_products id of ProductName + OptionInfo
	Qty, UnitPrice, OptionPrice     int64
	Discount, Amount                int64
	Status, Placing                 string
	Courier, TrackingNo             string
	ShippedAt                       time.Time
	CancelReason                    string
	StockTaken                      bool
	OrderedAt, CreatedAt, UpdatedAt time.Time
	// copied from the order for the list's filters
	PaymentMethod, Channel string
	Overseas               bool
	// Claim is Smart Store's claim code on the line ('' for none), ClaimReason its reason code (or the
	// file's words when they name none), ClaimAt the day it was asked.
	Claim, ClaimReason string
	ClaimAt            time.Time
	// StateAt is the newest of the file's dates behind the line's status and claim (see migration 0011).
	StateAt time.Time
}

// StatusChange is a row of order_status_history.
type StatusChange struct {
	ID, LineID   int64
	From, To     string
	Note, Source string
	At           time.Time
}

// timeText writes t for the store; the zero time is ”.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(TimeLayout)
}

func parseStoreTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(TimeLayout, s)
	return t
}

const orderColumnList = `id, order_no, source, ordered_at, paid_at, buyer_name, buyer_id, buyer_phone, recipient_name,
	recipient_phone1, recipient_phone2, postcode, address, address_detail, delivery_message, payment_method, channel,
	shipping_fee, shipping_fee_extra, shipping_discount, country, customs_id, created_at, updated_at`

func scanOrder(row interface{ Scan(...any) error }) (OrderRecord, error) {
	var o OrderRecord
	var ordered, paid, created, updated string
	err := row.Scan(&o.ID, &o.OrderNo, &o.Source, &ordered, &paid, &o.BuyerName, &o.BuyerID, &o.BuyerPhone,
		&o.RecipientName, &o.RecipientPhone1, &o.RecipientPhone2, &o.Postcode, &o.Address, &o.AddressDetail,
		&o.DeliveryMessage, &o.PaymentMethod, &o.Channel, &o.ShippingFee, &o.ShippingFeeExtra, &o.ShippingDiscount,
		&o.Country, &o.CustomsID, &created, &updated)
	o.OrderedAt, o.PaidAt = parseStoreTime(ordered), parseStoreTime(paid)
	o.CreatedAt, o.UpdatedAt = parseStoreTime(created), parseStoreTime(updated)
	return o, err
}

// OrderByNo reads an order by its 주문번호; ErrNoRow when there is none.
func OrderByNo(ctx context.Context, q Querier, orderNo string) (OrderRecord, error) {
	o, err := scanOrder(q.QueryRowContext(ctx, `SELECT `+orderColumnList+` FROM orders WHERE order_no = ?`, orderNo))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNoRow
	}
	if err != nil {
		return o, fmt.Errorf("data: order %s: %w", orderNo, err)
	}
	return o, nil
}

// OrderByID reads an order; ErrNoRow when there is none.
func OrderByID(ctx context.Context, q Querier, id int64) (OrderRecord, error) {
	o, err := scanOrder(q.QueryRowContext(ctx, `SELECT `+orderColumnList+` FROM orders WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNoRow
	}
	if err != nil {
		return o, fmt.Errorf("data: order %d: %w", id, err)
	}
	return o, nil
}

// withDefaults fills what an order left empty: a Smart Store order shipped in Korea.
func (o OrderRecord) withDefaults() OrderRecord {
	if o.Source == "" {
		o.Source = "SMARTSTORE"
	}
	if o.Country == "" {
		o.Country = "KR"
	}
	return o
}

// SaveOrderTx inserts an order, or updates the one with the same 주문번호, and returns its id.
func SaveOrderTx(ctx context.Context, tx *Tx, o OrderRecord) (int64, error) {
	t := tx.stamp()
	o = o.withDefaults()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO orders (order_no, source, ordered_at, paid_at, buyer_name, buyer_id,
		buyer_phone, recipient_name, recipient_phone1, recipient_phone2, postcode, address, address_detail,
		delivery_message, payment_method, channel, shipping_fee, shipping_fee_extra, shipping_discount, country,
		customs_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (order_no) DO UPDATE SET ordered_at = excluded.ordered_at, paid_at = excluded.paid_at,
		buyer_name = excluded.buyer_name, buyer_id = excluded.buyer_id, buyer_phone = excluded.buyer_phone,
		recipient_name = excluded.recipient_name, recipient_phone1 = excluded.recipient_phone1,
		recipient_phone2 = excluded.recipient_phone2, postcode = excluded.postcode, address = excluded.address,
		address_detail = excluded.address_detail, delivery_message = excluded.delivery_message,
		payment_method = excluded.payment_method, channel = excluded.channel, shipping_fee = excluded.shipping_fee,
		shipping_fee_extra = excluded.shipping_fee_extra, shipping_discount = excluded.shipping_discount,
		country = excluded.country, customs_id = excluded.customs_id, updated_at = excluded.updated_at
		RETURNING id`,
		o.OrderNo, o.Source, timeText(o.OrderedAt), timeText(o.PaidAt), o.BuyerName, o.BuyerID, o.BuyerPhone,
		o.RecipientName, o.RecipientPhone1, o.RecipientPhone2, o.Postcode, o.Address, o.AddressDetail,
		o.DeliveryMessage, o.PaymentMethod, o.Channel, o.ShippingFee, o.ShippingFeeExtra, o.ShippingDiscount,
		o.Country, o.CustomsID, t, t).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: save order %s: %w", o.OrderNo, err)
	}
	overseas := o.Country != "KR"
	_, err = tx.ExecContext(ctx, `UPDATE order_lines SET payment_method = ?, channel = ?, overseas = ?, ordered_at = ?
		WHERE order_id = ? AND (payment_method <> ? OR channel <> ? OR overseas <> ? OR ordered_at <> ?)`,
		o.PaymentMethod, o.Channel, overseas, timeText(o.OrderedAt), id, o.PaymentMethod, o.Channel, overseas, timeText(o.OrderedAt))
	if err != nil {
		return 0, fmt.Errorf("data: save order %s: %w", o.OrderNo, err)
	}
	return id, nil
}

// ProductRefTx returns the order_products id of a product name and option text, adding it (and its search
// entry) the first time.
func ProductRefTx(ctx context.Context, tx *Tx, productName, optionInfo string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM order_products WHERE product_name = ? AND option_info = ?`,
		productName, optionInfo).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("data: order product: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO order_products (product_name, option_info) VALUES (?, ?) RETURNING id`,
		productName, optionInfo).Scan(&id); err != nil {
		return 0, fmt.Errorf("data: order product: %w", err)
	}
	text := strings.TrimSpace(productName + " " + optionInfo)
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_product_search (rowid, product_chars, product_pairs) VALUES (?, ?, ?)`,
		id, letters(text, 1), letters(text, 2)); err != nil {
		return 0, fmt.Errorf("data: order product search: %w", err)
	}
	return id, nil
}

const lineColumnList = `id, order_id, product_order_no, product_code, option_code, coalesce(option_id, 0), product_name,
	option_info, coalesce(product_ref, 0), qty, unit_price, option_price, discount, amount, status, placing, courier,
	tracking_no, shipped_at, cancel_reason, stock_taken, ordered_at, created_at, updated_at, payment_method, channel,
	overseas, claim, claim_reason, claim_at, state_at`

func scanLine(row interface{ Scan(...any) error }) (OrderLineRecord, error) {
	var l OrderLineRecord
	var shipped, ordered, created, updated, claimAt, stateAt string
	err := row.Scan(&l.ID, &l.OrderID, &l.ProductOrderNo, &l.ProductCode, &l.OptionCode, &l.OptionID, &l.ProductName,
		&l.OptionInfo, &l.ProductRef, &l.Qty, &l.UnitPrice, &l.OptionPrice, &l.Discount, &l.Amount, &l.Status, &l.Placing,
		&l.Courier, &l.TrackingNo, &shipped, &l.CancelReason, &l.StockTaken, &ordered, &created, &updated,
		&l.PaymentMethod, &l.Channel, &l.Overseas, &l.Claim, &l.ClaimReason, &claimAt, &stateAt)
	l.ShippedAt, l.OrderedAt = parseStoreTime(shipped), parseStoreTime(ordered)
	l.ClaimAt, l.StateAt = parseStoreTime(claimAt), parseStoreTime(stateAt)
	l.CreatedAt, l.UpdatedAt = parseStoreTime(created), parseStoreTime(updated)
	return l, err
}

// LineByNo reads an order line by its 상품주문번호; ErrNoRow when there is none.
func LineByNo(ctx context.Context, q Querier, productOrderNo string) (OrderLineRecord, error) {
	l, err := scanLine(q.QueryRowContext(ctx, `SELECT `+lineColumnList+` FROM order_lines WHERE product_order_no = ?`, productOrderNo))
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrNoRow
	}
	if err != nil {
		return l, fmt.Errorf("data: order line %s: %w", productOrderNo, err)
	}
	return l, nil
}

// LineByID reads an order line; ErrNoRow when there is none.
func LineByID(ctx context.Context, q Querier, id int64) (OrderLineRecord, error) {
	l, err := scanLine(q.QueryRowContext(ctx, `SELECT `+lineColumnList+` FROM order_lines WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrNoRow
	}
	if err != nil {
		return l, fmt.Errorf("data: order line %d: %w", id, err)
	}
	return l, nil
}

// LinesOfOrder reads the lines of an order in 상품주문번호 order.
func LinesOfOrder(ctx context.Context, q Querier, orderID int64) ([]OrderLineRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+lineColumnList+` FROM order_lines WHERE order_id = ? ORDER BY product_order_no`, orderID)
	if err != nil {
		return nil, fmt.Errorf("data: lines of order %d: %w", orderID, err)
	}
	defer rows.Close()
	var out []OrderLineRecord
	for rows.Next() {
		l, err := scanLine(rows)
		if err != nil {
			return nil, fmt.Errorf("data: lines of order %d: %w", orderID, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// InsertLineTx inserts a new order line and returns its id.
func InsertLineTx(ctx context.Context, tx *Tx, l OrderLineRecord) (int64, error) {
	id, _, err := insertLineTx(ctx, tx, l, false)
	return id, err
}

// InsertLineIfAbsentTx inserts a new order line unless a line with its 상품주문번호 exists, and says which:
// an import that just created the line's order tries the insert first instead of looking the number up.
func InsertLineIfAbsentTx(ctx context.Context, tx *Tx, l OrderLineRecord) (id int64, inserted bool, err error) {
	return insertLineTx(ctx, tx, l, true)
}

const insertLineSQL = `INSERT INTO order_lines (product_order_no, order_id, product_code, option_code,
		option_id, product_name, option_info, product_ref, qty, unit_price, option_price, discount, amount, status, placing,
		courier, tracking_no, shipped_at, cancel_reason, stock_taken, ordered_at, created_at, updated_at,
		payment_method, channel, overseas, claim, claim_reason, claim_at, state_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertLineTx writes the line with Exec and reads its id from the insert (no RETURNING: SQLite gathers
// returned rows in a temporary table first). The id is the line's own, whatever rows triggers inserted.
func insertLineTx(ctx context.Context, tx *Tx, l OrderLineRecord, ifAbsent bool) (int64, bool, error) {
	t := tx.stamp()
	q := insertLineSQL
	if ifAbsent {
		q += ` ON CONFLICT (product_order_no) DO NOTHING`
	}
	res, err := tx.ExecContext(ctx, q,
		l.ProductOrderNo, l.OrderID, l.ProductCode, l.OptionCode, nullID(l.OptionID), l.ProductName, l.OptionInfo,
		nullID(l.ProductRef), l.Qty, l.UnitPrice, l.OptionPrice, l.Discount, l.Amount, l.Status, l.Placing, l.Courier,
		l.TrackingNo, timeText(l.ShippedAt), l.CancelReason, l.StockTaken, timeText(l.OrderedAt), t, t,
		l.PaymentMethod, l.Channel, l.Overseas, l.Claim, l.ClaimReason, timeText(l.ClaimAt), timeText(l.StateAt))
	if err != nil {
		return 0, false, fmt.Errorf("data: insert order line %s: %w", l.ProductOrderNo, err)
	}
	if ifAbsent {
		n, err := res.RowsAffected()
		if err != nil {
			return 0, false, fmt.Errorf("data: insert order line %s: %w", l.ProductOrderNo, err)
		}
		if n == 0 {
			return 0, false, nil
		}
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, false, fmt.Errorf("data: insert order line %s: %w", l.ProductOrderNo, err)
	}
	return id, true, nil
}

// UpdateLineTx rewrites an order line's fields (not its 상품주문번호 or order).
func UpdateLineTx(ctx context.Context, tx *Tx, l OrderLineRecord) error {
	_, err := tx.ExecContext(ctx, `UPDATE order_lines SET product_code = ?, option_code = ?, option_id = ?,
		product_name = ?, option_info = ?, product_ref = ?, qty = ?, unit_price = ?, option_price = ?, discount = ?,
		amount = ?, status = ?, placing = ?, courier = ?, tracking_no = ?, shipped_at = ?, cancel_reason = ?,
		stock_taken = ?, ordered_at = ?, updated_at = ?, payment_method = ?, channel = ?, overseas = ?, claim = ?,
		claim_reason = ?, claim_at = ?, state_at = ? WHERE id = ?`,
		l.ProductCode, l.OptionCode, nullID(l.OptionID), l.ProductName, l.OptionInfo, nullID(l.ProductRef), l.Qty,
		l.UnitPrice, l.OptionPrice, l.Discount, l.Amount, l.Status, l.Placing, l.Courier, l.TrackingNo,
		timeText(l.ShippedAt), l.CancelReason, l.StockTaken, timeText(l.OrderedAt), tx.stamp(), l.PaymentMethod, l.Channel,
		l.Overseas, l.Claim, l.ClaimReason, timeText(l.ClaimAt), timeText(l.StateAt), l.ID)
	if err != nil {
		return fmt.Errorf("data: update order line %s: %w", l.ProductOrderNo, err)
	}
	return nil
}

// AddStatusChangeTx records a status move of a line.
func AddStatusChangeTx(ctx context.Context, tx *Tx, lineID int64, from, to, note, source string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO order_status_history (line_id, from_status, to_status, note, source, at)
		VALUES (?, ?, ?, ?, ?, ?)`, lineID, from, to, note, source, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: status history of line %d: %w", lineID, err)
	}
	return nil
}

// StatusHistory reads a line's status moves, oldest first.
func StatusHistory(ctx context.Context, q Querier, lineID int64) ([]StatusChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, line_id, from_status, to_status, note, source, at
		FROM order_status_history WHERE line_id = ? ORDER BY id`, lineID)
	if err != nil {
		return nil, fmt.Errorf("data: status history of line %d: %w", lineID, err)
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		var at string
		if err := rows.Scan(&c.ID, &c.LineID, &c.From, &c.To, &c.Note, &c.Source, &at); err != nil {
			return nil, fmt.Errorf("data: status history of line %d: %w", lineID, err)
		}
		c.At = parseStoreTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// MappedOption returns the option the seller mapped this file key to before; 0 when none.
func MappedOption(ctx context.Context, q Querier, productCode, optionCode, optionInfo string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT option_id FROM order_code_mappings
		WHERE product_code = ? AND option_code = ? AND option_info = ?`, productCode, optionCode, optionInfo).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: order code mapping: %w", err)
	}
	return id, nil
}

// SaveMappingTx remembers an option for a file key.
func SaveMappingTx(ctx context.Context, tx *Tx, productCode, optionCode, optionInfo string, optionID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO order_code_mappings (product_code, option_code, option_info, option_id)
		VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET option_id = excluded.option_id`,
		productCode, optionCode, optionInfo, optionID)
	if err != nil {
		return fmt.Errorf("data: save order code mapping: %w", err)
	}
	return nil
}

// OptionForCodes finds the option an order line names: by 옵션관리코드 when given, else the only live option
// of the product with that 판매자 상품코드. 0 when nothing matches.
func OptionForCodes(ctx context.Context, q Querier, productCode, optionCode string) (int64, error) {
	var id int64
	var err error
	switch {
	case optionCode != "":
		err = q.QueryRowContext(ctx, `SELECT id FROM product_options WHERE code = ?`, optionCode).Scan(&id)
	case productCode != "":
		err = q.QueryRowContext(ctx, `SELECT min(o.id) FROM product_options o JOIN products p ON p.id = o.product_id
			WHERE p.code = ? AND o.removed = 0 HAVING count(*) = 1`, productCode).Scan(&id)
	default:
		return 0, nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: option for codes %s/%s: %w", productCode, optionCode, err)
	}
	return id, nil
}

// RefreshSoldQtyTx recomputes a product's 판매량: the quantity of its order lines that hold stock.
func RefreshSoldQtyTx(ctx context.Context, tx *Tx, productID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET sold_qty = (SELECT coalesce(sum(l.qty), 0)
		FROM product_options o JOIN order_lines l ON l.option_id = o.id
		WHERE o.product_id = ? AND l.stock_taken = 1) WHERE id = ?`, productID, productID)
	if err != nil {
		return fmt.Errorf("data: sold quantity of product %d: %w", productID, err)
	}
	return nil
}

// SellableOption is a live option with what an order line names it by.
type SellableOption struct {
	OptionID                int64
	ProductCode, OptionCode string
	ProductName             string
	OptionValues            string // JSON array, one value per option group
	Price                   int64  // product price + the option's extra price
}

// SellableOptions lists every usable option of every live product on sale or sold out.
func SellableOptions(ctx context.Context, q Querier) ([]SellableOption, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, p.code, coalesce(o.code, ''), p.name, o.option_values, p.price + o.extra_price
		FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE o.usable = 1 AND o.removed = 0 AND p.archived_at IS NULL AND p.status <> 'SUSPENSION' ORDER BY o.id`)
	if err != nil {
		return nil, fmt.Errorf("data: sellable options: %w", err)
	}
	defer rows.Close()
	var out []SellableOption
	for rows.Next() {
		var s SellableOption
		if err := rows.Scan(&s.OptionID, &s.ProductCode, &s.OptionCode, &s.ProductName, &s.OptionValues, &s.Price); err != nil {
			return nil, fmt.Errorf("data: sellable options: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// NextManualOrderNoTx takes the next manual order number of a day (YYYYMMDD): M-20261124-001, never reused.
func NextManualOrderNoTx(ctx context.Context, tx *Tx, day string) (string, error) {
	return nextDayNumberTx(ctx, tx, "order_counters", "M", day)
}
