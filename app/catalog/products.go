package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

func toProduct(r data.ProductRecord) (Product, error) {
	p := Product{ID: r.ID, Code: r.Code, Name: r.Name, CategoryID: r.CategoryID, SupplierID: r.SupplierID,
		Price: r.Price, Cost: r.Cost, Status: Status(r.Status), StatusAuto: r.StatusAuto, Detail: r.Detail,
		WeightGrams: r.WeightGrams, HSCode: r.HSCode, OriginCode: r.OriginCode, TaxType: TaxType(r.TaxType),
		AllowBackorder: r.AllowBackorder, OptionKind: OptionKind(r.OptionKind), SoldQty: r.SoldQty,
		Archived: r.Archived, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if err := json.Unmarshal([]byte(r.OptionGroups), &p.OptionGroups); err != nil {
		return p, fmt.Errorf("catalog: product %d option groups: %w", r.ID, err)
	}
	return p, nil
}

func toOption(r data.OptionRecord) Option {
	return Option{ID: r.ID, Code: r.Code, Values: r.Values, ExtraPrice: r.ExtraPrice, Stock: r.Stock,
		SafetyStock: r.SafetyStock, Usable: r.Usable}
}

// loadProduct reads a product with its options and images through q (the read pool or a transaction).
func loadProduct(ctx context.Context, q data.Querier, id int64) (Product, error) {
	rec, err := data.ProductByID(ctx, q, id)
	if errors.Is(err, data.ErrNoRow) {
		return Product{}, notFound("상품을 찾을 수 없습니다. 다른 곳에서 삭제되었을 수 있습니다.")
	}
	if err != nil {
		return Product{}, err
	}
	p, err := toProduct(rec)
	if err != nil {
		return p, err
	}
	opts, err := data.OptionsOf(ctx, q, id, false)
	if err != nil {
		return p, err
	}
	p.Options = make([]Option, len(opts))
	for i, o := range opts {
		p.Options[i] = toOption(o)
	}
	imgs, err := data.ImagesOf(ctx, q, id)
	if err != nil {
		return p, err
	}
	for _, im := range imgs {
		p.Images = append(p.Images, Image{ID: im.ID, File: im.File, Thumb: im.Thumb})
	}
	return p, nil
}

// Product reads a product with everything the editor shows.
func (s *Service) Product(ctx context.Context, id int64) (Product, error) {
	p, err := loadProduct(ctx, s.store.Read(), id)
	var ae *apperr.Error
	if err != nil && !errors.As(err, &ae) {
		return p, internal(err, "상품을 읽지 못했습니다.")
	}
	return p, err
}

// ProductOfOption reads the product an option belongs to (for choosing another option of it, e.g. an exchange).
func (s *Service) ProductOfOption(ctx context.Context, optionID int64) (Product, error) {
	o, err := data.OptionByID(ctx, s.store.Read(), optionID)
	if errors.Is(err, data.ErrNoRow) {
		return Product{}, notFound("옵션을 찾을 수 없습니다.")
	}
	if err != nil {
		return Product{}, internal(err, "상품을 읽지 못했습니다.")
	}
	return s.Product(ctx, o.ProductID)
}

// ProductByCode reads a product by its 판매자 상품코드.
func (s *Service) ProductByCode(ctx context.Context, code string) (Product, error) {
	id, err := data.ProductIDByCode(ctx, s.store.Read(), strings.TrimSpace(code))
	if err != nil {
		return Product{}, internal(err, "상품을 읽지 못했습니다.")
	}
	if id == 0 {
		return Product{}, notFound("판매자 상품코드 '{{.Code}}'인 상품이 없습니다.", "Code", code)
	}
	return s.Product(ctx, id)
}

// SaveProduct validates a product and creates (ID 0) or updates it with its options in one
// transaction. Differences between an option's Stock and what the store holds become stock movements
// (입고 for new options, 조정 for edits, with note), so the ledger always explains the stock. Options
// that disappear are deleted when they have no history, else kept out of sight with it.
func (s *Service) SaveProduct(ctx context.Context, p Product, note string) (Product, error) {
	if err := ValidateProduct(p); err != nil {
		return p, err
	}
	var id int64
	err := s.write(ctx, "상품을", func(tx *data.Tx) error {
		var err error
		id, err = saveProductTx(ctx, tx, p, note, ReasonAdjust, "")
		return err
	})
	if err != nil {
		return p, err
	}
	s.log.Info("product saved", "id", id, "code", p.Code)
	return s.Product(ctx, id)
}

// saveProductTx writes p inside tx; editReason is the reason recorded for stock changes of existing options.
func saveProductTx(ctx context.Context, tx *data.Tx, p Product, note string, editReason Reason, sourceRef string) (int64, error) {
	return saveProductCheckedTx(ctx, tx, p, note, editReason, sourceRef, true)
}

// saveProductCheckedTx is saveProductTx; checkCodes false skips the per-product code checks for a bulk
// import that checked every code of the file at once in the same transaction (ImportProducts).
func saveProductCheckedTx(ctx context.Context, tx *data.Tx, p Product, note string, editReason Reason, sourceRef string, checkCodes bool) (int64, error) {
	p.Code, p.Name = strings.TrimSpace(p.Code), strings.TrimSpace(p.Name)
	if checkCodes {
		if err := checkCodesTx(ctx, tx, p); err != nil {
			return 0, err
		}
	}
	if p.ID == 0 {
		return insertNewProductTx(ctx, tx, p, note, sourceRef)
	}
	rec, err := data.ProductByID(ctx, tx, p.ID)
	if errors.Is(err, data.ErrNoRow) {
		return 0, notFound("상품을 찾을 수 없습니다. 다른 곳에서 삭제되었을 수 있습니다.")
	}
	if err != nil {
		return 0, err
	}
	old, err := toProduct(rec)
	if err != nil {
		return 0, err
	}
	existing := map[int64]data.OptionRecord{}
	opts, err := data.OptionsOf(ctx, tx, p.ID, true)
	if err != nil {
		return 0, err
	}
	for _, o := range opts {
		existing[o.ID] = o
		// free every code first, so two options of this product may swap codes
		if o.Code != "" {
			o.Code = ""
			if _, err := data.SaveOptionTx(ctx, tx, o); err != nil {
				return 0, err
			}
		}
	}
	auto := old.StatusAuto && p.Status == old.Status
	rec, err = productRecord(p, p.Status, auto)
	if err != nil {
		return 0, err
	}
	id := p.ID
	if err := data.UpdateProductTx(ctx, tx, rec); err != nil {
		return 0, err
	}
	kept := map[int64]bool{}
	codes := []string{p.Code} // what the search finds the product by
	for i, o := range p.Options {
		rec := data.OptionRecord{ID: o.ID, ProductID: id, Code: strings.TrimSpace(o.Code), Values: o.Values, Position: i,
			ExtraPrice: o.ExtraPrice, SafetyStock: o.SafetyStock, Usable: o.Usable}
		prev, known := existing[o.ID]
		if o.ID != 0 && !known {
			rec.ID = 0 // an option of another product: store it as a new one here
		}
		if !known {
			rec.Stock = o.Stock // inserted with its stock; the 입고 movement below records it
		}
		optID, err := data.SaveOptionTx(ctx, tx, rec)
		if err != nil {
			return 0, err
		}
		kept[optID] = true
		switch {
		case !known && o.Stock != 0:
			if err := data.RecordMovementTx(ctx, tx, optID, o.Stock, o.Stock, string(ReasonReceive), note, sourceRef); err != nil {
				return 0, err
			}
		case known && o.Stock != prev.Stock:
			if _, err := data.AddMovementTx(ctx, tx, optID, o.Stock-prev.Stock, string(editReason), note, sourceRef); err != nil {
				return 0, err
			}
		}
		if o.Code = strings.TrimSpace(o.Code); o.Code != "" {
			codes = append(codes, o.Code)
		}
	}
	for oid, o := range existing {
		if kept[oid] || o.Removed {
			continue
		}
		n, err := data.MovementCount(ctx, tx, oid)
		if err != nil {
			return 0, err
		}
		if n == 0 {
			err = data.DeleteOptionTx(ctx, tx, oid)
		} else {
			o.Removed, o.Usable = true, false
			_, err = data.SaveOptionTx(ctx, tx, o)
		}
		if err != nil {
			return 0, err
		}
	}
	if err := data.RefreshProductTx(ctx, tx, id, p.Name, codes); err != nil {
		return 0, err
	}
	return id, autoStatusKnownTx(ctx, tx, id, p, auto)
}

// insertNewProductTx writes a new product in as few statements as it can: its caches and automatic 품절 are
// known from the options in hand, so the product row is written once, its options in batches, and their
// 입고 movements in one statement. An import of thousands of products is mostly this.
func insertNewProductTx(ctx context.Context, tx *data.Tx, p Product, note, sourceRef string) (int64, error) {
	var caches data.ProductCaches
	inStock := false
	codes := []string{p.Code} // what the search finds the product by
	opts := make([]data.OptionRecord, len(p.Options))
	for i, o := range p.Options {
		code := strings.TrimSpace(o.Code)
		opts[i] = data.OptionRecord{Code: code, Values: o.Values, Position: i, ExtraPrice: o.ExtraPrice,
			Stock: o.Stock, SafetyStock: o.SafetyStock, Usable: o.Usable}
		if o.Usable {
			caches.TotalStock += o.Stock
			caches.LowStock = caches.LowStock || o.Stock <= o.SafetyStock
			inStock = inStock || o.Stock > 0
		}
		if code != "" {
			codes = append(codes, code)
		}
	}
	caches.OptionCount = len(opts)
	status, auto := p.Status, false
	if p.Status == StatusSale && !inStock && !p.AllowBackorder {
		status, auto = StatusSoldOut, true // nothing to sell yet: 품절 until the first 입고
	}
	rec, err := productRecord(p, status, auto)
	if err != nil {
		return 0, err
	}
	id, err := data.InsertProductTx(ctx, tx, rec, caches)
	if err != nil {
		return 0, err
	}
	if err := data.InsertOptionsTx(ctx, tx, id, opts); err != nil {
		return 0, err
	}
	if err := data.RecordOpeningStockTx(ctx, tx, id, string(ReasonReceive), note, sourceRef); err != nil {
		return 0, err
	}
	return id, data.SetSearchTx(ctx, tx, id, p.Name, codes)
}

// productRecord is a product's own columns as the store writes them.
func productRecord(p Product, status Status, auto bool) (data.ProductRecord, error) {
	groups := []byte("[]")
	if p.OptionGroups != nil {
		var err error
		if groups, err = json.Marshal(p.OptionGroups); err != nil {
			return data.ProductRecord{}, err
		}
	}
	return data.ProductRecord{ID: p.ID, Code: p.Code, Name: p.Name, CategoryID: p.CategoryID, SupplierID: p.SupplierID,
		Price: p.Price, Cost: p.Cost, Status: string(status), StatusAuto: auto, Detail: p.Detail,
		WeightGrams: p.WeightGrams, HSCode: strings.TrimSpace(p.HSCode), OriginCode: strings.TrimSpace(p.OriginCode),
		TaxType: string(orTaxable(p.TaxType)), AllowBackorder: p.AllowBackorder, OptionKind: string(p.OptionKind),
		OptionGroups: string(groups)}, nil
}

// autoStatusKnownTx is autoStatusTx for a product just saved, deciding from the saved values.
func autoStatusKnownTx(ctx context.Context, tx *data.Tx, id int64, p Product, auto bool) error {
	inStock := false
	for _, o := range p.Options {
		if o.Usable && o.Stock > 0 {
			inStock = true
		}
	}
	switch {
	case p.Status == StatusSale && !inStock && !p.AllowBackorder:
		return data.SetProductStatusTx(ctx, tx, id, string(StatusSoldOut), true)
	case p.Status == StatusSoldOut && auto && (inStock || p.AllowBackorder):
		return data.SetProductStatusTx(ctx, tx, id, string(StatusSale), false)
	}
	return nil
}

// checkCodesTx refuses a 판매자 상품코드 or 옵션관리코드 another product uses.
func checkCodesTx(ctx context.Context, tx *data.Tx, p Product) error {
	if other, err := data.ProductIDByCode(ctx, tx, p.Code); err != nil {
		return err
	} else if other != 0 && other != p.ID {
		return invalidField("code", "이미 사용 중인 판매자 상품코드입니다: {{.Code}}", "Code", p.Code)
	}
	codeProblems := map[string]apperr.Msg{}
	for i, o := range p.Options {
		if c := strings.TrimSpace(o.Code); c != "" {
			if owner, err := data.OptionCodeOwner(ctx, tx, c); err != nil {
				return err
			} else if owner != 0 && owner != p.ID {
				codeProblems[fmt.Sprintf("option.%d.code", i)] = apperr.M("다른 상품이 쓰고 있는 옵션관리코드입니다: {{.Code}}", "Code", c)
			}
		}
	}
	if len(codeProblems) > 0 {
		return apperr.InvalidMsg(codeProblems, nil)
	}
	return nil
}

func orTaxable(t TaxType) TaxType {
	if t == "" {
		return Taxable
	}
	return t
}

// refreshTx recomputes a product's list caches and its search entry.
func refreshTx(ctx context.Context, tx *data.Tx, id int64) error {
	rec, err := data.ProductByID(ctx, tx, id)
	if err != nil {
		return err
	}
	opts, err := data.OptionsOf(ctx, tx, id, false)
	if err != nil {
		return err
	}
	codes := []string{rec.Code}
	for _, o := range opts {
		if o.Code != "" {
			codes = append(codes, o.Code)
		}
	}
	return data.RefreshProductTx(ctx, tx, id, rec.Name, codes)
}

// ListProducts reads a page of the product list.
func (s *Service) ListProducts(ctx context.Context, f ListFilter) ([]ProductRow, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := data.ListProducts(ctx, s.store.Read(), query(f, cats))
	if err != nil {
		return nil, internal(err, "상품 목록을 읽지 못했습니다.")
	}
	paths := map[int64]string{}
	for _, c := range cats {
		paths[c.ID] = c.Path
	}
	rows := make([]ProductRow, len(recs))
	for i, r := range recs {
		rows[i] = ProductRow{ID: r.ID, Code: r.Code, Name: r.Name, CategoryPath: paths[r.CategoryID], Price: r.Price,
			TotalStock: r.TotalStock, Status: Status(r.Status), Thumb: r.Thumb, LowStock: r.LowStock,
			OptionCount: r.OptionCount, Archived: r.Archived}
	}
	return rows, nil
}

// CountProducts counts the products a filter matches.
func (s *Service) CountProducts(ctx context.Context, f ListFilter) (int, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return 0, err
	}
	n, err := data.CountProducts(ctx, s.store.Read(), query(f, cats))
	if err != nil {
		return 0, internal(err, "상품 수를 세지 못했습니다.")
	}
	return n, nil
}

func query(f ListFilter, cats []Category) data.ProductQuery {
	q := data.ProductQuery{Search: strings.TrimSpace(f.Query), Status: string(f.Status), LowStock: f.LowStock,
		Archived: f.Archived, IDs: f.IDs, OrderBy: string(f.Sort), Desc: f.Desc, Offset: f.Offset, Limit: f.Limit}
	if f.CategoryID != 0 {
		q.Category, q.CategoryIDs = f.CategoryID, descendants(cats, f.CategoryID)
	}
	return q
}

// ExportProducts reads the full products a filter matches (the 대량 수정 export), in list order.
func (s *Service) ExportProducts(ctx context.Context, f ListFilter) ([]Product, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	ids, err := data.ProductIDs(ctx, s.store.Read(), query(f, cats))
	if err != nil {
		return nil, internal(err, "상품을 읽지 못했습니다.")
	}
	out := make([]Product, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := s.Product(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// SetStatus sets the status of several products; a status the seller sets is never automatic.
func (s *Service) SetStatus(ctx context.Context, ids []int64, st Status) error {
	if _, ok := StatusFromLabel(string(st)); !ok {
		return apperr.Invalid(map[string]string{"status": "알 수 없는 판매 상태입니다."}, nil)
	}
	return s.write(ctx, "판매 상태를", func(tx *data.Tx) error {
		for _, id := range ids {
			if err := data.SetProductStatusTx(ctx, tx, id, string(st), false); err != nil {
				return err
			}
		}
		return nil
	})
}

// MoveToCategory moves several products to a category.
func (s *Service) MoveToCategory(ctx context.Context, ids []int64, categoryID int64) error {
	return s.write(ctx, "카테고리를", func(tx *data.Tx) error {
		for _, id := range ids {
			if err := data.SetProductCategoryTx(ctx, tx, id, categoryID); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteProducts deletes products nothing refers to and archives the others (hidden, restorable).
func (s *Service) DeleteProducts(ctx context.Context, ids []int64) (deleted, archived int, err error) {
	var files []string
	err = s.write(ctx, "상품을", func(tx *data.Tx) error {
		deleted, archived, files = 0, 0, nil
		for _, id := range ids {
			ref, err := data.ProductReferenced(ctx, tx, id)
			if err != nil {
				return err
			}
			if ref {
				archived++
				if err := data.SetProductArchivedTx(ctx, tx, id, true); err != nil {
					return err
				}
				continue
			}
			imgs, err := data.ImagesOf(ctx, tx, id)
			if err != nil {
				return err
			}
			for _, im := range imgs {
				files = append(files, im.File, im.Thumb)
			}
			if err := data.DeleteProductTx(ctx, tx, id); err != nil {
				return err
			}
			deleted++
		}
		return nil
	})
	if err == nil {
		s.removeUnusedFiles(ctx, files)
		s.log.Info("products deleted", "deleted", deleted, "archived", archived)
	}
	return deleted, archived, err
}

// RestoreProducts brings archived products back to the live catalog.
func (s *Service) RestoreProducts(ctx context.Context, ids []int64) error {
	return s.write(ctx, "상품을", func(tx *data.Tx) error {
		for _, id := range ids {
			if err := data.SetProductArchivedTx(ctx, tx, id, false); err != nil {
				return err
			}
		}
		return nil
	})
}
