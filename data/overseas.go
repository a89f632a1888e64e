package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// CountryRecord is a destination of overseas shipping.
type CountryRecord struct {
	Code, NameKo, NameEn string
	Zone                 int
	DaysMin, DaysMax     int
}

// ShippingCountries lists the destinations by Korean name.
func ShippingCountries(ctx context.Context, q Querier) ([]CountryRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, name_ko, name_en, zone, days_min, days_max FROM shipping_countries ORDER BY name_ko`)
	if err != nil {
		return nil, fmt.Errorf("data: shipping countries: %w", err)
	}
	defer rows.Close()
	var out []CountryRecord
	for rows.Next() {
		var c CountryRecord
		if err := rows.Scan(&c.Code, &c.NameKo, &c.NameEn, &c.Zone, &c.DaysMin, &c.DaysMax); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RateRecord is one band of the rate table: up to MaxGrams costs Fee.
type RateRecord struct {
	Service  string
	Zone     int
	MaxGrams int
	Fee      int64
}

// ShippingRates lists a service's bands for a zone, lightest first.
func ShippingRates(ctx context.Context, q Querier, service string, zone int) ([]RateRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT service, zone, max_grams, fee FROM shipping_rates WHERE service = ? AND zone = ?
		ORDER BY max_grams`, service, zone)
	if err != nil {
		return nil, fmt.Errorf("data: shipping rates: %w", err)
	}
	defer rows.Close()
	var out []RateRecord
	for rows.Next() {
		var r RateRecord
		if err := rows.Scan(&r.Service, &r.Zone, &r.MaxGrams, &r.Fee); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RateFor finds the band a weight falls in; ErrNoRow when it is heavier than the heaviest band.
func RateFor(ctx context.Context, q Querier, service string, zone, grams int) (RateRecord, error) {
	r := RateRecord{Service: service, Zone: zone}
	err := q.QueryRowContext(ctx, `SELECT max_grams, fee FROM shipping_rates WHERE service = ? AND zone = ? AND max_grams >= ?
		ORDER BY max_grams LIMIT 1`, service, zone, grams).Scan(&r.MaxGrams, &r.Fee)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNoRow
	}
	if err != nil {
		return r, fmt.Errorf("data: shipping rate: %w", err)
	}
	return r, nil
}

// SetRateTx changes the fee of an existing band.
func SetRateTx(ctx context.Context, tx *Tx, r RateRecord) error {
	res, err := tx.ExecContext(ctx, `UPDATE shipping_rates SET fee = ? WHERE service = ? AND zone = ? AND max_grams = ?`,
		r.Fee, r.Service, r.Zone, r.MaxGrams)
	if err != nil {
		return fmt.Errorf("data: set shipping rate: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("data: set shipping rate: %w", err) // a fault, never "no such band"
	}
	if n == 0 {
		return ErrNoRow
	}
	return nil
}

// ShipmentRecord is an order's overseas shipment.
type ShipmentRecord struct {
	OrderID           int64
	Country, Service  string
	WeightGrams       int
	Fee               int64
	DaysMin, DaysMax  int
	Category          string
	NameEn, AddressEn string
	City, State       string
	Postcode, Phone   string
	Email             string
	CustomsID         string
	TrackingNo        string
	Items             []CustomsItemRecord
}

// CustomsItemRecord is one customs line of a shipment.
type CustomsItemRecord struct {
	Description string
	HSCode      string
	Qty         int
	NetGrams    int
	ValueCents  int64
	Origin      string
}

// ShipmentOf reads an order's shipment; ErrNoRow when it has none.
func ShipmentOf(ctx context.Context, q Querier, orderID int64) (ShipmentRecord, error) {
	s := ShipmentRecord{OrderID: orderID}
	err := q.QueryRowContext(ctx, `SELECT country, service, weight_grams, fee, days_min, days_max, category, name_en, address_en,
		city, state, postcode, phone, email, customs_id, tracking_no FROM overseas_shipments WHERE order_id = ?`, orderID).
		Scan(&s.Country, &s.Service, &s.WeightGrams, &s.Fee, &s.DaysMin, &s.DaysMax, &s.Category, &s.NameEn, &s.AddressEn,
			&s.City, &s.State, &s.Postcode, &s.Phone, &s.Email, &s.CustomsID, &s.TrackingNo)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNoRow
	}
	if err != nil {
		return s, fmt.Errorf("data: shipment of order %d: %w", orderID, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT description, hs_code, qty, net_grams, value_cents, origin FROM customs_items
		WHERE order_id = ? ORDER BY position`, orderID)
	if err != nil {
		return s, fmt.Errorf("data: customs items of order %d: %w", orderID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var it CustomsItemRecord
		if err := rows.Scan(&it.Description, &it.HSCode, &it.Qty, &it.NetGrams, &it.ValueCents, &it.Origin); err != nil {
			return s, err
		}
		s.Items = append(s.Items, it)
	}
	return s, rows.Err()
}

// SaveShipmentTx writes an order's shipment and customs items, replacing earlier ones, and marks the
// order and its lines overseas.
func SaveShipmentTx(ctx context.Context, tx *Tx, s ShipmentRecord) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO overseas_shipments (order_id, country, service, weight_grams, fee, days_min,
		days_max, category, name_en, address_en, city, state, postcode, phone, email, customs_id, tracking_no, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (order_id) DO UPDATE SET country = excluded.country, service = excluded.service,
		weight_grams = excluded.weight_grams, fee = excluded.fee, days_min = excluded.days_min, days_max = excluded.days_max,
		category = excluded.category, name_en = excluded.name_en, address_en = excluded.address_en, city = excluded.city,
		state = excluded.state, postcode = excluded.postcode, phone = excluded.phone, email = excluded.email,
		customs_id = excluded.customs_id, tracking_no = excluded.tracking_no, updated_at = excluded.updated_at`,
		s.OrderID, s.Country, s.Service, s.WeightGrams, s.Fee, s.DaysMin, s.DaysMax, s.Category, s.NameEn, s.AddressEn,
		s.City, s.State, s.Postcode, s.Phone, s.Email, s.CustomsID, s.TrackingNo, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: save shipment of order %d: %w", s.OrderID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM customs_items WHERE order_id = ?`, s.OrderID); err != nil {
		return fmt.Errorf("data: customs items of order %d: %w", s.OrderID, err)
	}
	for i, it := range s.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO customs_items (order_id, position, description, hs_code, qty, net_grams,
			value_cents, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.OrderID, i, it.Description, it.HSCode, it.Qty, it.NetGrams,
			it.ValueCents, it.Origin); err != nil {
			return fmt.Errorf("data: customs item %d of order %d: %w", i+1, s.OrderID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET country = ?, customs_id = ?, updated_at = ? WHERE id = ?`,
		s.Country, s.CustomsID, tx.stamp(), s.OrderID); err != nil {
		return fmt.Errorf("data: mark order %d overseas: %w", s.OrderID, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET overseas = 1 WHERE order_id = ? AND overseas = 0`, s.OrderID); err != nil {
		return fmt.Errorf("data: mark order %d overseas: %w", s.OrderID, err)
	}
	return nil
}

// LineWeights lists, per line of an order, its product's weight in grams (0 when unknown), HS code and
// origin code, for a new shipment's defaults.
type LineWeight struct {
	LineID             int64
	ProductName        string
	OptionInfo         string
	Qty                int64
	Amount             int64
	WeightGrams        int64
	HSCode, OriginCode string
}

// OrderLineWeights reads them for the lines of an order whose status is in live (the orders area's Live
// set: the lines that still travel).
func OrderLineWeights(ctx context.Context, q Querier, orderID int64, live []string) ([]LineWeight, error) {
	cond, args := inSet("l.status", live)
	rows, err := q.QueryContext(ctx, `SELECT l.id, l.product_name, l.option_info, l.qty, l.amount, coalesce(p.weight_grams, 0),
		coalesce(p.hs_code, ''), coalesce(p.origin_code, '')
		FROM order_lines l LEFT JOIN product_options o ON o.id = l.option_id LEFT JOIN products p ON p.id = o.product_id
		WHERE l.order_id = ? AND `+cond+` ORDER BY l.id`, append([]any{orderID}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("data: line weights of order %d: %w", orderID, err)
	}
	defer rows.Close()
	var out []LineWeight
	for rows.Next() {
		var w LineWeight
		if err := rows.Scan(&w.LineID, &w.ProductName, &w.OptionInfo, &w.Qty, &w.Amount, &w.WeightGrams, &w.HSCode, &w.OriginCode); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// RecentOrderIDs lists the newest orders' ids.
func RecentOrderIDs(ctx context.Context, q Querier, limit int) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM orders ORDER BY ordered_at DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("data: recent orders: %w", err)
	}
	return scanIDs(rows)
}

// SetOrderDestinationTx changes where an order ships: one address line, postcode and the recipient's phone.
func SetOrderDestinationTx(ctx context.Context, tx *Tx, orderID int64, address, postcode, phone string) error {
	_, err := tx.ExecContext(ctx, `UPDATE orders SET address = ?, address_detail = '', postcode = ?, recipient_phone1 = ?,
		updated_at = ? WHERE id = ?`, address, postcode, phone, tx.stamp(), orderID)
	if err != nil {
		return fmt.Errorf("data: order %d destination: %w", orderID, err)
	}
	return nil
}
