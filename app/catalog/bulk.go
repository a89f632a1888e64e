package catalog

import (
	"context"
	"strconv"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// ExistingCodes reports which product and option codes the catalog already uses (for the import preview).
func (s *Service) ExistingCodes(ctx context.Context, productCodes, optionCodes []string) (products, options map[string]bool, err error) {
	products, options, err = data.ExistingCodes(ctx, s.store.Read(), productCodes, optionCodes)
	if err != nil {
		return nil, nil, internal(err, "상품코드를 확인하지 못했습니다.")
	}
	return products, options, nil
}

// ImportProducts registers new products (일괄 등록) in one transaction: all of them or, on any problem or
// cancellation, none. Initial stock is written as 입고 movements with sourceRef.
func (s *Service) ImportProducts(ctx context.Context, ps []Product, sourceRef string, progress func(float64)) (ImportResult, error) {
	var res ImportResult
	for i, p := range ps {
		if err := ValidateProduct(p); err != nil {
			return res, apperr.About(err, "{{.N}}번째 상품({{.Code}})", "N", i+1, "Code", p.Code)
		}
	}
	err := s.write(ctx, "일괄 등록한 상품을", func(tx *data.Tx) error {
		res = ImportResult{}
		if err := tx.StageProductSearch(ctx); err != nil {
			return err
		}
		// every code of the file checked at once, inside the transaction, instead of product by product
		var pcs, ocs []string
		for _, p := range ps {
			pcs = append(pcs, strings.TrimSpace(p.Code))
			for _, o := range p.Options {
				if c := strings.TrimSpace(o.Code); c != "" {
					ocs = append(ocs, c)
				}
			}
		}
		takenP, takenO, err := data.ExistingCodes(ctx, tx, pcs, ocs)
		if err != nil {
			return err
		}
		for _, c := range pcs {
			if takenP[c] {
				return conflict("이미 등록된 판매자 상품코드입니다: {{.Code}}. 아무것도 등록하지 않았습니다.", "Code", c)
			}
		}
		for _, c := range ocs {
			if takenO[c] {
				return conflict("다른 상품이 쓰고 있는 옵션관리코드입니다: {{.Code}}. 아무것도 등록하지 않았습니다.", "Code", c)
			}
		}
		for i, p := range ps {
			if err := ctx.Err(); err != nil {
				return err
			}
			p.ID = 0 // saveProductTx refuses a code that is already registered
			for j := range p.Options {
				p.Options[j].ID = 0
			}
			id, err := saveProductCheckedTx(ctx, tx, p, "일괄 등록", ReasonReceive, sourceRef, false)
			if err != nil {
				return apperr.About(err, "상품 {{.Code}}", "Code", p.Code)
			}
			if err := rememberOrderKeysTx(ctx, tx, id, p); err != nil {
				return apperr.About(err, "상품 {{.Code}}", "Code", p.Code)
			}
			res.Created++
			res.Options += len(p.Options)
			if progress != nil && (i%200 == 0 || i == len(ps)-1) {
				progress(float64(i+1) / float64(len(ps)))
			}
		}
		return data.FlushProductSearchTx(ctx, tx)
	})
	if err == nil {
		s.log.Info("products imported", "created", res.Created, "options", res.Options, "source", sourceRef)
	}
	return res, err
}

// matchEdited finds the stored product an edited row names (by code) and pairs each edited option with a
// stored one by option code, else by values.
func matchEdited(ctx context.Context, q data.Querier, e Product) (Product, []int, error) {
	id, err := data.ProductIDByCode(ctx, q, strings.TrimSpace(e.Code))
	if err != nil {
		return Product{}, nil, err
	}
	if id == 0 {
		return Product{}, nil, invalidField("code", "등록되지 않은 판매자 상품코드입니다: {{.Code}}", "Code", e.Code)
	}
	cur, err := loadProduct(ctx, q, id)
	if err != nil {
		return cur, nil, err
	}
	match := make([]int, len(e.Options))
	for i, eo := range e.Options {
		match[i] = -1
		for j, co := range cur.Options {
			if (eo.Code != "" && eo.Code == co.Code) || (eo.Code == "" && strings.Join(eo.Values, "\x00") == strings.Join(co.Values, "\x00")) {
				match[i] = j
			}
		}
		if match[i] < 0 {
			return cur, nil, invalidField("options", "{{.Code}}: 등록되지 않은 옵션입니다({{.Option}} {{.Label}}). 대량 수정으로는 옵션을 추가할 수 없습니다.",
				"Code", e.Code, "Option", eo.Code, "Label", eo.Label())
		}
	}
	return cur, match, nil
}

// Field is a field a 대량 수정 file may carry, named by the seller's word a Change shows for it.
type Field string

// The fields a 대량 수정 compares: the product's, then each option's.
const (
	FieldName        Field = "상품명"
	FieldPrice       Field = "판매가"
	FieldCost        Field = "원가"
	FieldStatus      Field = "상태"
	FieldCategory    Field = "카테고리"
	FieldSupplier    Field = "공급업체"
	FieldTax         Field = "과세구분"
	FieldWeight      Field = "무게"
	FieldHSCode      Field = "HS코드"
	FieldOrigin      Field = "원산지코드"
	FieldDetail      Field = "상세설명"
	FieldExtraPrice  Field = "옵션가"
	FieldStock       Field = "재고"
	FieldSafetyStock Field = "안전재고"
	FieldUsable      Field = "사용여부"
)

// Fields is the set of fields a 대량 수정 file carries. A column the seller deleted from the export reads as
// empty cells, and an empty cell in a column that is there means "none" (no supplier, cost 0): only the set
// tells the two apart, so that a file never erases what it does not carry.
type Fields map[Field]bool

// AllFields carries every field: the file is the whole export.
func AllFields() Fields {
	all := Fields{}
	for _, f := range []Field{FieldName, FieldPrice, FieldCost, FieldStatus, FieldCategory, FieldSupplier, FieldTax,
		FieldWeight, FieldHSCode, FieldOrigin, FieldDetail, FieldExtraPrice, FieldStock, FieldSafetyStock, FieldUsable} {
		all[f] = true
	}
	return all
}

// DiffBulkEdit lists what a 대량 수정 file carrying every field would change, field by field, without
// writing anything.
func (s *Service) DiffBulkEdit(ctx context.Context, edited []Product) ([]Change, error) {
	return s.DiffBulkEditCarrying(ctx, edited, AllFields())
}

// DiffBulkEditCarrying lists what a 대량 수정 file would change in the fields it carries, without writing
// anything; every other field is no change.
func (s *Service) DiffBulkEditCarrying(ctx context.Context, edited []Product, carried Fields) ([]Change, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	sups, err := data.Suppliers(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "공급업체 목록을 읽지 못했습니다.")
	}
	names := editNames{categories: categoryPaths(cats), suppliers: supplierNames(sups)}
	var changes []Change
	for _, e := range edited {
		cur, match, err := matchEdited(ctx, s.store.Read(), e)
		if err != nil {
			return nil, err
		}
		if err := names.check(e); err != nil {
			return nil, err
		}
		changes = append(changes, diffEdited(cur, match, e, names, carried)...)
	}
	return changes, nil
}

// editNames are the names a 대량 수정's diff shows for the ids the file's rows were read into: category
// paths and supplier names, read in the transaction that compares (or writes) them.
type editNames struct {
	categories map[int64]string
	suppliers  map[int64]string
}

func supplierNames(sups []data.SupplierRecord) map[int64]string {
	names := make(map[int64]string, len(sups))
	for _, s := range sups {
		names[s.ID] = s.Name
	}
	return names
}

// check refuses an edited row whose category or supplier is gone since the file was read (the sheet turned
// their names into ids then): the seller is told which, rather than the write failing on the store's keys.
func (n editNames) check(e Product) error {
	if _, ok := n.categories[e.CategoryID]; e.CategoryID != 0 && !ok {
		return apperr.About(conflict("파일을 읽은 뒤 카테고리가 삭제되었습니다. 파일을 다시 올리세요."), "상품 {{.Code}}", "Code", e.Code)
	}
	if _, ok := n.suppliers[e.SupplierID]; e.SupplierID != 0 && !ok {
		return apperr.About(conflict("파일을 읽은 뒤 공급업체가 삭제되었습니다. 파일을 다시 올리세요."), "상품 {{.Code}}", "Code", e.Code)
	}
	return nil
}

func categoryPaths(cats []Category) map[int64]string {
	paths := map[int64]string{}
	for _, c := range cats {
		paths[c.ID] = c.Path
	}
	return paths
}

// diffEdited lists the fields of cur that the edited row e changes; match pairs e's options with cur's.
// The fields are those the file carries of every one the 대량 수정 export carries (apart from the option
// shape, which it cannot change), and edited writes exactly these: a field the export shows but the diff
// skipped would be an edit the seller made and never saw applied.
func diffEdited(cur Product, match []int, e Product, names editNames, carried Fields) []Change {
	var changes []Change
	add := func(opt Option, field Field, changed bool, old, new string) {
		if changed && carried[field] {
			changes = append(changes, Change{ProductCode: cur.Code, OptionCode: opt.Code, OptionLabel: opt.Label(), Field: string(field), Old: old, New: new})
		}
	}
	n := strconv.FormatInt
	name := strings.TrimSpace(e.Name)
	add(Option{}, FieldName, cur.Name != name, cur.Name, name)
	add(Option{}, FieldPrice, cur.Price != e.Price, n(cur.Price, 10), n(e.Price, 10))
	add(Option{}, FieldCost, cur.Cost != e.Cost, n(cur.Cost, 10), n(e.Cost, 10))
	add(Option{}, FieldStatus, cur.Status != e.Status, cur.Status.Label(), e.Status.Label())
	add(Option{}, FieldCategory, cur.CategoryID != e.CategoryID, names.categories[cur.CategoryID], names.categories[e.CategoryID])
	add(Option{}, FieldSupplier, cur.SupplierID != e.SupplierID, names.suppliers[cur.SupplierID], names.suppliers[e.SupplierID])
	// the label, not the code: a product saved before 과세구분 had a value reads as 과세 as the export shows it
	add(Option{}, FieldTax, cur.TaxType.Label() != e.TaxType.Label(), cur.TaxType.Label(), e.TaxType.Label())
	add(Option{}, FieldWeight, cur.WeightGrams != e.WeightGrams, n(cur.WeightGrams, 10), n(e.WeightGrams, 10))
	for _, f := range []struct {
		field    Field
		old, new string
	}{
		{FieldHSCode, cur.HSCode, e.HSCode}, {FieldOrigin, cur.OriginCode, e.OriginCode}, {FieldDetail, cur.Detail, e.Detail},
	} {
		// trimmed as the sheet reads a cell, so that an export read back is no change
		old, new := strings.TrimSpace(f.old), strings.TrimSpace(f.new)
		add(Option{}, f.field, old != new, old, new)
	}
	for i, eo := range e.Options {
		co := cur.Options[match[i]]
		add(co, FieldExtraPrice, co.ExtraPrice != eo.ExtraPrice, n(co.ExtraPrice, 10), n(eo.ExtraPrice, 10))
		add(co, FieldStock, co.Stock != eo.Stock, n(co.Stock, 10), n(eo.Stock, 10))
		add(co, FieldSafetyStock, co.SafetyStock != eo.SafetyStock, n(co.SafetyStock, 10), n(eo.SafetyStock, 10))
		add(co, FieldUsable, co.Usable != eo.Usable, yesNo(co.Usable), yesNo(eo.Usable))
	}
	return changes
}

// edited1 is cur with every field diffEdited compares and the file carries taken from the edited row e;
// match pairs e's options with cur's. What the file does not carry (a deleted column, and what the export
// never has: images, option shape, 품절 set by itself) stays as stored.
func edited1(cur Product, match []int, e Product, carried Fields) Product {
	next := cur
	if carried[FieldName] {
		next.Name = strings.TrimSpace(e.Name)
	}
	if carried[FieldPrice] {
		next.Price = e.Price
	}
	if carried[FieldCost] {
		next.Cost = e.Cost
	}
	if carried[FieldStatus] {
		next.Status = e.Status
	}
	if carried[FieldCategory] {
		next.CategoryID = e.CategoryID
	}
	if carried[FieldSupplier] {
		next.SupplierID = e.SupplierID
	}
	if carried[FieldWeight] {
		next.WeightGrams = e.WeightGrams
	}
	if carried[FieldTax] && cur.TaxType.Label() != e.TaxType.Label() {
		next.TaxType = e.TaxType
	}
	// compared trimmed as diffEdited does: a stored value is rewritten only when the seller changed it
	for _, f := range []struct {
		field Field
		dst   *string
		src   string
	}{{FieldHSCode, &next.HSCode, e.HSCode}, {FieldOrigin, &next.OriginCode, e.OriginCode}, {FieldDetail, &next.Detail, e.Detail}} {
		if carried[f.field] && strings.TrimSpace(*f.dst) != strings.TrimSpace(f.src) {
			*f.dst = strings.TrimSpace(f.src)
		}
	}
	next.Options = append([]Option(nil), cur.Options...)
	for k, eo := range e.Options {
		o := &next.Options[match[k]]
		if carried[FieldExtraPrice] {
			o.ExtraPrice = eo.ExtraPrice
		}
		if carried[FieldStock] {
			o.Stock = eo.Stock
		}
		if carried[FieldSafetyStock] {
			o.SafetyStock = eo.SafetyStock
		}
		if carried[FieldUsable] {
			o.Usable = eo.Usable
		}
	}
	return next
}

func yesNo(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// ApplyBulkEdit writes a 대량 수정 file carrying every field in one transaction; stock changes become
// 일괄수정 movements. A product the file leaves as it is, is not written at all (an unchanged export changes
// nothing).
func (s *Service) ApplyBulkEdit(ctx context.Context, edited []Product, sourceRef string, progress func(float64)) (ImportResult, error) {
	return s.applyBulkEdit(ctx, edited, AllFields(), nil, sourceRef, progress)
}

// ApplyPreviewedBulkEdit is ApplyBulkEdit for changes the seller confirmed: if, inside the transaction,
// the file would change anything other than previewed (an order took stock, someone renamed a product since
// the preview), nothing is written and the seller is asked to look again.
func (s *Service) ApplyPreviewedBulkEdit(ctx context.Context, edited []Product, previewed []Change, sourceRef string, progress func(float64)) (ImportResult, error) {
	return s.ApplyPreviewedBulkEditCarrying(ctx, edited, AllFields(), previewed, sourceRef, progress)
}

// ApplyPreviewedBulkEditCarrying is ApplyPreviewedBulkEdit for a file that carries only the fields carried
// (the seller deleted columns from the export): every other field stays as stored.
func (s *Service) ApplyPreviewedBulkEditCarrying(ctx context.Context, edited []Product, carried Fields, previewed []Change, sourceRef string, progress func(float64)) (ImportResult, error) {
	if previewed == nil {
		previewed = []Change{}
	}
	return s.applyBulkEdit(ctx, edited, carried, previewed, sourceRef, progress)
}

func (s *Service) applyBulkEdit(ctx context.Context, edited []Product, carried Fields, previewed []Change, sourceRef string, progress func(float64)) (ImportResult, error) {
	var res ImportResult
	err := s.write(ctx, "대량 수정을", func(tx *data.Tx) error {
		res = ImportResult{}
		recs, err := data.Categories(ctx, tx)
		if err != nil {
			return err
		}
		sups, err := data.Suppliers(ctx, tx)
		if err != nil {
			return err
		}
		names := editNames{categories: categoryPaths(categoryTree(recs)), suppliers: supplierNames(sups)}
		if err := tx.StageProductSearch(ctx); err != nil {
			return err
		}
		var changes []Change
		for i, e := range edited {
			if err := ctx.Err(); err != nil {
				return err
			}
			cur, match, err := matchEdited(ctx, tx, e)
			if err != nil {
				return err
			}
			if progress != nil {
				progress(float64(i+1) / float64(len(edited)))
			}
			if err := names.check(e); err != nil {
				return err
			}
			diff := diffEdited(cur, match, e, names, carried)
			changes = append(changes, diff...)
			if len(diff) == 0 {
				continue
			}
			next := edited1(cur, match, e, carried)
			if err := ValidateProduct(next); err != nil {
				return apperr.About(err, "상품 {{.Code}}", "Code", cur.Code)
			}
			if _, err := saveProductTx(ctx, tx, next, "대량 수정", ReasonBulk, sourceRef); err != nil {
				return apperr.About(err, "상품 {{.Code}}", "Code", cur.Code)
			}
			res.Updated++
		}
		if previewed != nil && !sameChanges(changes, previewed) {
			return conflict("미리보기 뒤에 상품이 바뀌어 대량 수정을 반영하지 않았습니다. 파일을 다시 올려 바뀐 내용을 확인하세요.")
		}
		if res.Updated == 0 {
			return nil
		}
		return data.FlushProductSearchTx(ctx, tx)
	})
	if err == nil && res.Updated > 0 {
		s.log.Info("bulk edit applied", "products", res.Updated, "source", sourceRef)
	}
	return res, err
}

func sameChanges(a, b []Change) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
