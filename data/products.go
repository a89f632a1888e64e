package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ProductRecord is a row of products.
type ProductRecord struct {
	ID             int64
	Code           string
	Name           string
	CategoryID     int64
	SupplierID     int64
	Price          int64
	Cost           int64
	Status         string
	StatusAuto     bool
	Detail         string
	WeightGrams    int64
	HSCode         string
	OriginCode     string
	TaxType        string
	AllowBackorder bool
	OptionKind     string
	OptionGroups   string // JSON
	SoldQty        int64
	Archived       bool
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

const productColumns = `id, code, name, coalesce(category_id, 0), coalesce(supplier_id, 0), price, cost, status,
	status_auto, detail, weight_grams, hs_code, origin_code, tax_type, allow_backorder, option_kind, option_groups,
	sold_qty, archived_at IS NOT NULL, created_at, updated_at`

func scanProduct(row interface{ Scan(...any) error }) (ProductRecord, error) {
	var p ProductRecord
	var created, updated string
	err := row.Scan(&p.ID, &p.Code, &p.Name, &p.CategoryID, &p.SupplierID, &p.Price, &p.Cost, &p.Status,
		&p.StatusAuto, &p.Detail, &p.WeightGrams, &p.HSCode, &p.OriginCode, &p.TaxType, &p.AllowBackorder,
		&p.OptionKind, &p.OptionGroups, &p.SoldQty, &p.Archived, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNoRow
	}
	if err != nil {
		return p, err
	}
	p.CreatedAt, _ = time.Parse(TimeLayout, created)
	p.UpdatedAt, _ = time.Parse(TimeLayout, updated)
	return p, nil
}

// ProductByID reads one product; ErrNoRow when it does not exist.
func ProductByID(ctx context.Context, q Querier, id int64) (ProductRecord, error) {
	p, err := scanProduct(q.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products WHERE id = ?`, id))
	if err != nil && !errors.Is(err, ErrNoRow) {
		err = fmt.Errorf("data: product %d: %w", id, err)
	}
	return p, err
}

// ProductIDByCode finds a product by its 판매자 상품코드; 0 when there is none.
func ProductIDByCode(ctx context.Context, q Querier, code string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM products WHERE code = ?`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: product by code: %w", err)
	}
	return id, nil
}

// UpdateProductTx updates a product's own columns (a new one is written by InsertProductTx). The caches
// (stock, options, thumbnail) are refreshed separately by RefreshProductTx.
func UpdateProductTx(ctx context.Context, tx *Tx, p ProductRecord) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET code = ?, name = ?, category_id = ?, supplier_id = ?,
		price = ?, cost = ?, status = ?, status_auto = ?, detail = ?, weight_grams = ?, hs_code = ?, origin_code = ?,
		tax_type = ?, allow_backorder = ?, option_kind = ?, option_groups = ?, updated_at = ? WHERE id = ?`,
		p.Code, p.Name, nullID(p.CategoryID), nullID(p.SupplierID), p.Price, p.Cost, p.Status, p.StatusAuto,
		p.Detail, p.WeightGrams, p.HSCode, p.OriginCode, p.TaxType, p.AllowBackorder, p.OptionKind, p.OptionGroups,
		tx.stamp(), p.ID)
	if err != nil {
		return fmt.Errorf("data: update product %s: %w", p.Code, err)
	}
	return refreshTagsTx(ctx, tx, p.ID)
}

// ProductCaches are the list's cached columns of a product.
type ProductCaches struct {
	TotalStock  int64
	LowStock    bool
	OptionCount int
}

// InsertProductTx inserts a new product with its caches already known, so the row is written once:
// every insert touches the list's dozen indexes, and an update right after it would touch them again.
func InsertProductTx(ctx context.Context, tx *Tx, p ProductRecord, c ProductCaches) (int64, error) {
	t := tx.stamp()
	res, err := tx.ExecContext(ctx, `INSERT INTO products (code, name, category_id, supplier_id, price, cost,
		status, status_auto, detail, weight_grams, hs_code, origin_code, tax_type, allow_backorder, option_kind,
		option_groups, total_stock, low_stock, option_count, updated_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Code, p.Name, nullID(p.CategoryID), nullID(p.SupplierID), p.Price, p.Cost, p.Status, p.StatusAuto,
		p.Detail, p.WeightGrams, p.HSCode, p.OriginCode, p.TaxType, p.AllowBackorder, p.OptionKind, p.OptionGroups,
		c.TotalStock, c.LowStock, c.OptionCount, t, t)
	if err != nil {
		return 0, fmt.Errorf("data: insert product %s: %w", p.Code, err)
	}
	tx.newLiveProducts++
	return res.LastInsertId()
}

// SetProductStatusTx sets a product's status and whether it was set automatically.
func SetProductStatusTx(ctx context.Context, tx *Tx, id int64, status string, auto bool) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET status = ?, status_auto = ?, updated_at = ? WHERE id = ?`,
		status, auto, tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: product %d status: %w", id, err)
	}
	return refreshTagsTx(ctx, tx, id)
}

// SetProductCategoryTx moves a product to a category (0: none).
func SetProductCategoryTx(ctx context.Context, tx *Tx, id, categoryID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET category_id = ?, updated_at = ? WHERE id = ?`, nullID(categoryID), tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: product %d category: %w", id, err)
	}
	return refreshTagsTx(ctx, tx, id)
}

// SetProductArchivedTx archives (hides) or restores a product.
func SetProductArchivedTx(ctx context.Context, tx *Tx, id int64, archived bool) error {
	var at any
	if archived {
		at = tx.stamp()
	}
	if _, err := tx.ExecContext(ctx, `UPDATE products SET archived_at = ?, updated_at = ? WHERE id = ?`, at, tx.stamp(), id); err != nil {
		return fmt.Errorf("data: archive product %d: %w", id, err)
	}
	return nil
}

// DeleteProductTx deletes a product with its options, movements, images and search entry.
func DeleteProductTx(ctx context.Context, tx *Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM product_search WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("data: delete product %d search: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM products WHERE id = ?`, id); err != nil {
		return fmt.Errorf("data: delete product %d: %w", id, err)
	}
	return nil
}

// ProductReferenced reports whether anything outside the catalog refers to a product: sales and returns
// in its stock ledger, and order lines matched to its options.
func ProductReferenced(ctx context.Context, q Querier, id int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM stock_movements m JOIN product_options o ON o.id = m.option_id
			WHERE o.product_id = ? AND m.reason IN ('SALE', 'RETURN')) +
		(SELECT count(*) FROM order_lines l JOIN product_options o ON o.id = l.option_id WHERE o.product_id = ?)`,
		id, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("data: product %d references: %w", id, err)
	}
	return n > 0, nil
}

// RefreshProductTx recomputes the list caches of a product from its options and images and rewrites its
// search entry from its name and codes.
func RefreshProductTx(ctx context.Context, tx *Tx, id int64, name string, codes []string) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET
		total_stock = (SELECT coalesce(sum(stock), 0) FROM product_options WHERE product_id = ? AND usable = 1 AND removed = 0),
		low_stock = EXISTS (SELECT 1 FROM product_options WHERE product_id = ? AND usable = 1 AND removed = 0 AND stock <= safety_stock),
		option_count = (SELECT count(*) FROM product_options WHERE product_id = ? AND removed = 0),
		thumb = coalesce((SELECT thumb FROM product_images WHERE product_id = ? ORDER BY position, id LIMIT 1), '')
		WHERE id = ?`, id, id, id, id, id)
	if err != nil {
		return fmt.Errorf("data: refresh product %d: %w", id, err)
	}
	if !tx.stageProductSearch {
		if _, err := tx.ExecContext(ctx, `DELETE FROM product_search WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("data: product %d search: %w", id, err)
		}
	}
	if err := SetSearchTx(ctx, tx, id, name, codes); err != nil {
		return fmt.Errorf("data: product %d search: %w", id, err)
	}
	return nil
}

// RefreshStockCacheTx recomputes only the stock caches of a product, after stock moved.
func RefreshStockCacheTx(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE products SET
		total_stock = (SELECT coalesce(sum(stock), 0) FROM product_options WHERE product_id = ? AND usable = 1 AND removed = 0),
		low_stock = EXISTS (SELECT 1 FROM product_options WHERE product_id = ? AND usable = 1 AND removed = 0 AND stock <= safety_stock)
		WHERE id = ?`, id, id, id)
	if err != nil {
		return fmt.Errorf("data: refresh stock of product %d: %w", id, err)
	}
	return nil
}

// OptionRecord is a row of product_options.
type OptionRecord struct {
	ID          int64
	ProductID   int64
	Code        string
	Values      []string
	Position    int
	ExtraPrice  int64
	Stock       int64
	SafetyStock int64
	Usable      bool
	Removed     bool
}

const optionColumns = `id, product_id, coalesce(code, ''), option_values, position, extra_price, stock, safety_stock, usable, removed`

func scanOption(row interface{ Scan(...any) error }) (OptionRecord, error) {
	var o OptionRecord
	var values string
	if err := row.Scan(&o.ID, &o.ProductID, &o.Code, &values, &o.Position, &o.ExtraPrice, &o.Stock, &o.SafetyStock,
		&o.Usable, &o.Removed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return o, ErrNoRow
		}
		return o, err
	}
	if err := json.Unmarshal([]byte(values), &o.Values); err != nil {
		return o, fmt.Errorf("option %d values: %w", o.ID, err)
	}
	return o, nil
}

// OptionsOf reads a product's options in position order; removed ones only when asked.
func OptionsOf(ctx context.Context, q Querier, productID int64, withRemoved bool) ([]OptionRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+optionColumns+` FROM product_options
		WHERE product_id = ? AND (removed = 0 OR ?) ORDER BY position, id`, productID, withRemoved)
	if err != nil {
		return nil, fmt.Errorf("data: options of product %d: %w", productID, err)
	}
	defer rows.Close()
	var out []OptionRecord
	for rows.Next() {
		o, err := scanOption(rows)
		if err != nil {
			return nil, fmt.Errorf("data: options of product %d: %w", productID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OptionByID reads one option; ErrNoRow when it does not exist.
func OptionByID(ctx context.Context, q Querier, id int64) (OptionRecord, error) {
	o, err := scanOption(q.QueryRowContext(ctx, `SELECT `+optionColumns+` FROM product_options WHERE id = ?`, id))
	if err != nil && !errors.Is(err, ErrNoRow) {
		err = fmt.Errorf("data: option %d: %w", id, err)
	}
	return o, err
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SaveOptionTx inserts (ID 0) or updates an option's own columns (not its stock, which only movements
// change) and returns its id.
func SaveOptionTx(ctx context.Context, tx *Tx, o OptionRecord) (int64, error) {
	values, err := json.Marshal(o.Values)
	if err != nil {
		return 0, err
	}
	if o.Values == nil {
		values = []byte("[]")
	}
	if o.ID == 0 {
		// a new option starts with o.Stock: the caller records the movement that brings it there
		// (RecordMovementTx), so the stock stays the sum of the movements
		res, err := tx.ExecContext(ctx, `INSERT INTO product_options (product_id, code, option_values, position,
			extra_price, stock, safety_stock, usable, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.ProductID, nullText(o.Code), string(values), o.Position, o.ExtraPrice, o.Stock, o.SafetyStock, o.Usable, o.Removed)
		if err != nil {
			return 0, fmt.Errorf("data: insert option: %w", err)
		}
		return res.LastInsertId()
	}
	_, err = tx.ExecContext(ctx, `UPDATE product_options SET code = ?, option_values = ?, position = ?, extra_price = ?,
		safety_stock = ?, usable = ?, removed = ? WHERE id = ?`,
		nullText(o.Code), string(values), o.Position, o.ExtraPrice, o.SafetyStock, o.Usable, o.Removed, o.ID)
	if err != nil {
		return 0, fmt.Errorf("data: update option %d: %w", o.ID, err)
	}
	return o.ID, nil
}

// optionBatch is how many options one INSERT writes: a new product's options go in a few statements
// rather than one each, since each statement's round through the driver costs more than the row.
const optionBatch = 32

// InsertOptionsTx inserts the options of a new product, in order, each with its starting stock. The caller
// records the movements that bring them there (RecordOpeningStockTx), so stock stays the sum of movements.
func InsertOptionsTx(ctx context.Context, tx *Tx, productID int64, opts []OptionRecord) error {
	for start := 0; start < len(opts); start += optionBatch {
		chunk := opts[start:min(start+optionBatch, len(opts))]
		var q strings.Builder
		q.WriteString(`INSERT INTO product_options (product_id, code, option_values, position, extra_price, stock,
			safety_stock, usable, removed) VALUES `)
		args := make([]any, 0, len(chunk)*9)
		for i, o := range chunk {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?)")
			values, err := json.Marshal(o.Values)
			if err != nil {
				return err
			}
			if o.Values == nil {
				values = []byte("[]")
			}
			args = append(args, productID, nullText(o.Code), string(values), o.Position, o.ExtraPrice, o.Stock,
				o.SafetyStock, o.Usable, o.Removed)
		}
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return fmt.Errorf("data: insert options of product %d: %w", productID, err)
		}
	}
	return nil
}

// DeleteOptionTx deletes an option and its movements.
func DeleteOptionTx(ctx context.Context, tx *Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM product_options WHERE id = ?`, id); err != nil {
		return fmt.Errorf("data: delete option %d: %w", id, err)
	}
	return nil
}

// OptionCodeOwner returns the product that uses an option code, 0 when none does.
func OptionCodeOwner(ctx context.Context, q Querier, code string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT product_id FROM product_options WHERE code = ?`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: option code owner: %w", err)
	}
	return id, nil
}

// ImageRecord is a row of product_images.
type ImageRecord struct {
	ID, ProductID int64
	File, Thumb   string
	Position      int
}

// ImagesOf reads a product's images in order.
func ImagesOf(ctx context.Context, q Querier, productID int64) ([]ImageRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, product_id, file, thumb, position FROM product_images
		WHERE product_id = ? ORDER BY position, id`, productID)
	if err != nil {
		return nil, fmt.Errorf("data: images of product %d: %w", productID, err)
	}
	defer rows.Close()
	var out []ImageRecord
	for rows.Next() {
		var im ImageRecord
		if err := rows.Scan(&im.ID, &im.ProductID, &im.File, &im.Thumb, &im.Position); err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// AddImageTx appends an image to a product and returns its id.
func AddImageTx(ctx context.Context, tx *Tx, im ImageRecord) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO product_images (product_id, file, thumb, position)
		VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM product_images WHERE product_id = ?))`,
		im.ProductID, im.File, im.Thumb, im.ProductID)
	if err != nil {
		return 0, fmt.Errorf("data: add image: %w", err)
	}
	return res.LastInsertId()
}

// DeleteImageTx deletes an image row and returns it (for the files and the product to refresh).
func DeleteImageTx(ctx context.Context, tx *Tx, id int64) (ImageRecord, error) {
	var im ImageRecord
	err := tx.QueryRowContext(ctx, `DELETE FROM product_images WHERE id = ? RETURNING id, product_id, file, thumb, position`, id).
		Scan(&im.ID, &im.ProductID, &im.File, &im.Thumb, &im.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return im, ErrNoRow
	}
	if err != nil {
		return im, fmt.Errorf("data: delete image %d: %w", id, err)
	}
	return im, nil
}

// ImageFileUsed reports whether any image row still uses a file (files are shared by content).
func ImageFileUsed(ctx context.Context, q Querier, file string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM product_images WHERE file = ? OR thumb = ?`, file, file).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

// ExistingCodes returns which of the given product and option codes are already in the catalog.
func ExistingCodes(ctx context.Context, q Querier, productCodes, optionCodes []string) (map[string]bool, map[string]bool, error) {
	products, options := map[string]bool{}, map[string]bool{}
	// in chunks of 500 codes per query: one query per code costs a prepare each
	check := func(table string, codes []string, into map[string]bool) error {
		for start := 0; start < len(codes); start += 500 {
			chunk := codes[start:min(start+500, len(codes))]
			rows, err := q.QueryContext(ctx, `SELECT code FROM `+table+` WHERE code IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
			if err != nil {
				return fmt.Errorf("data: existing codes: %w", err)
			}
			for rows.Next() {
				var c string
				if err := rows.Scan(&c); err != nil {
					rows.Close()
					return fmt.Errorf("data: existing codes: %w", err)
				}
				into[c] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("data: existing codes: %w", err)
			}
		}
		return nil
	}
	if err := check("products", productCodes, products); err != nil {
		return nil, nil, err
	}
	if err := check("product_options", optionCodes, options); err != nil {
		return nil, nil, err
	}
	return products, options, nil
}

// OrderKey is an order file's 옵션정보 text ("색상: 블랙 / 사이즈: M") that names one option.
type OrderKey struct {
	OptionInfo string
	OptionID   int64
}

// RememberOrderKeysTx stores keys under a 판매자 상품코드 as links the order import looks up first (the
// table the seller's own "이 옵션으로 연결" fills), so that order lines of a product registered from a file
// find their option by its text. A link already there, the seller's or an earlier file's, is kept.
func RememberOrderKeysTx(ctx context.Context, tx *Tx, productCode string, keys []OrderKey) error {
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_code_mappings (product_code, option_code, option_info, option_id)
			VALUES (?, '', ?, ?) ON CONFLICT DO NOTHING`, productCode, k.OptionInfo, k.OptionID); err != nil {
			return fmt.Errorf("data: order keys of product %s: %w", productCode, err)
		}
	}
	return nil
}
