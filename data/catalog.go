package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Querier is what both the read pool and a write transaction offer, so read helpers work inside a
// transaction (seeing its own writes) and outside it alike.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ErrNoRow is returned when a looked-up row does not exist.
var ErrNoRow = errors.New("data: no such row")

// CategoryRecord is a row of categories. ParentID 0 is a top-level category.
type CategoryRecord struct {
	ID       int64
	ParentID int64
	Name     string
}

// Categories reads every category, in id order.
func Categories(ctx context.Context, q Querier) ([]CategoryRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, coalesce(parent_id, 0), name FROM categories ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("data: categories: %w", err)
	}
	defer rows.Close()
	var out []CategoryRecord
	for rows.Next() {
		var c CategoryRecord
		if err := rows.Scan(&c.ID, &c.ParentID, &c.Name); err != nil {
			return nil, fmt.Errorf("data: categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SaveCategoryTx inserts (ID 0) or updates a category and returns its id.
func SaveCategoryTx(ctx context.Context, tx *Tx, c CategoryRecord) (int64, error) {
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO categories (parent_id, name, created_at) VALUES (?, ?, ?)`,
			nullID(c.ParentID), c.Name, tx.stamp())
		if err != nil {
			return 0, fmt.Errorf("data: insert category: %w", err)
		}
		return res.LastInsertId()
	}
	if _, err := tx.ExecContext(ctx, `UPDATE categories SET parent_id = ?, name = ? WHERE id = ?`,
		nullID(c.ParentID), c.Name, c.ID); err != nil {
		return 0, fmt.Errorf("data: update category %d: %w", c.ID, err)
	}
	return c.ID, nil
}

// CategoryUsage counts a category's child categories and the products (archived included) in it.
func CategoryUsage(ctx context.Context, q Querier, id int64) (children, products int, err error) {
	err = q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM categories WHERE parent_id = ?),
		(SELECT count(*) FROM products WHERE category_id = ?)`, id, id).Scan(&children, &products)
	if err != nil {
		return 0, 0, fmt.Errorf("data: category %d usage: %w", id, err)
	}
	return children, products, nil
}

// DeleteCategoryTx deletes a category row.
func DeleteCategoryTx(ctx context.Context, tx *Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM categories WHERE id = ?`, id); err != nil {
		return fmt.Errorf("data: delete category %d: %w", id, err)
	}
	return nil
}

// SupplierRecord is a row of suppliers.
type SupplierRecord struct {
	ID            int64
	Name          string
	ContactPerson string
	Phone         string
	Email         string
	Address       string
	LeadTimeDays  int
}

// Suppliers reads every supplier by name.
func Suppliers(ctx context.Context, q Querier) ([]SupplierRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, contact_person, phone, email, address, lead_time_days
		FROM suppliers ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("data: suppliers: %w", err)
	}
	defer rows.Close()
	var out []SupplierRecord
	for rows.Next() {
		var s SupplierRecord
		if err := rows.Scan(&s.ID, &s.Name, &s.ContactPerson, &s.Phone, &s.Email, &s.Address, &s.LeadTimeDays); err != nil {
			return nil, fmt.Errorf("data: suppliers: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SupplierIDByName finds a supplier by exact name; 0 when there is none.
func SupplierIDByName(ctx context.Context, q Querier, name string, exceptID int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM suppliers WHERE name = ? AND id <> ?`, name, exceptID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: supplier by name: %w", err)
	}
	return id, nil
}

// SaveSupplierTx inserts (ID 0) or updates a supplier and returns its id.
func SaveSupplierTx(ctx context.Context, tx *Tx, s SupplierRecord) (int64, error) {
	t := tx.stamp()
	if s.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO suppliers (name, contact_person, phone, email, address,
			lead_time_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			s.Name, s.ContactPerson, s.Phone, s.Email, s.Address, s.LeadTimeDays, t, t)
		if err != nil {
			return 0, fmt.Errorf("data: insert supplier: %w", err)
		}
		return res.LastInsertId()
	}
	_, err := tx.ExecContext(ctx, `UPDATE suppliers SET name = ?, contact_person = ?, phone = ?, email = ?,
		address = ?, lead_time_days = ?, updated_at = ? WHERE id = ?`,
		s.Name, s.ContactPerson, s.Phone, s.Email, s.Address, s.LeadTimeDays, t, s.ID)
	if err != nil {
		return 0, fmt.Errorf("data: update supplier %d: %w", s.ID, err)
	}
	return s.ID, nil
}

// SupplierUsage counts the products (archived included) and purchase orders that name a supplier.
func SupplierUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM products WHERE supplier_id = ?) +
		(SELECT count(*) FROM purchase_orders WHERE supplier_id = ?)`, id, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: supplier %d usage: %w", id, err)
	}
	return n, nil
}

// DeleteSupplierTx deletes a supplier row.
func DeleteSupplierTx(ctx context.Context, tx *Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM suppliers WHERE id = ?`, id); err != nil {
		return fmt.Errorf("data: delete supplier %d: %w", id, err)
	}
	return nil
}
