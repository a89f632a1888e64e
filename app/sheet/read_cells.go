package sheet

import (
	"strings"

	"sellerdesk/app/catalog"
	"sellerdesk/app/limits"
)

// A product file's cells turned into values: numbers within their limits, the option kind and tax words,
// category paths and supplier names resolved to ids.

// lookup resolves category paths and supplier names the file names, and names ids back for messages.
type lookup struct {
	cats  map[string]int64
	sups  map[string]int64
	paths map[int64]string
	names map[int64]string
}

func newLookup(opts ReadOptions) lookup {
	lk := lookup{cats: map[string]int64{}, sups: map[string]int64{}, paths: map[int64]string{}, names: map[int64]string{}}
	byName := map[string]int64{}
	for _, c := range opts.Categories {
		lk.paths[c.ID] = c.Path
		lk.cats[c.Path] = c.ID
		lk.cats[strings.ReplaceAll(c.Path, " > ", ">")] = c.ID
		if prev, dup := byName[c.Name]; dup && prev != c.ID {
			byName[c.Name] = -1 // two categories of that name: the seller must write the path
		} else {
			byName[c.Name] = c.ID
		}
	}
	for name, id := range byName {
		// a unique last name is enough, but a path says more than a name: a top-level category's name is
		// its path, and "상의" the path of one category is not ambiguous because another ends in 상의
		if _, isPath := lk.cats[name]; !isPath {
			lk.cats[name] = id
		}
	}
	for _, s := range opts.Suppliers {
		lk.sups[s.Name] = s.ID
		lk.names[s.ID] = s.Name
	}
	return lk
}

// number reads a whole number cell ("19,800", "19,800원", 19800.0 as Excel sometimes stores it) within its
// limit (app/limits); ok is false (and a problem recorded at the cell, naming the limit) otherwise. A value
// beyond int64 is refused, never wrapped.
func (file *ProductFile) number(r row, col, label string, rng limits.Range) (int64, bool) {
	rng = signed(rng)
	v, why := rng.Parse(r.get(col))
	switch why {
	case limits.OK:
		return v, true
	case limits.Empty:
		return 0, true
	}
	file.problemMsg(r.n, col, sayMsg(rng, label, why, r.get(col)))
	return 0, false
}

// signed widens a range below zero as far as above: a product file's cell is read for its size here, and
// ValidateProduct, which the editor shares, says what a negative value means for its field (a price must
// be above 0, a stock may go below it for a back-order product).
func signed(rng limits.Range) limits.Range {
	rng.Min = min(rng.Min, -rng.Max)
	return rng
}

func parseKind(s string) (catalog.OptionKind, bool) {
	switch strings.TrimSpace(s) {
	case "", "없음", "옵션 없음", "옵션없음":
		return catalog.OptionsNone, true
	case "단독형":
		return catalog.OptionsSingle, true
	case "조합형":
		return catalog.OptionsCombination, true
	}
	return "", false
}

func parseTax(s string) (catalog.TaxType, bool) {
	switch strings.TrimSpace(s) {
	case "", "과세", "과세상품":
		return catalog.Taxable, true
	case "면세", "면세상품":
		return catalog.TaxFree, true
	case "영세", "영세상품":
		return catalog.ZeroRate, true
	}
	return "", false
}

// productFields reads the product-level columns of a row into p.
func (file *ProductFile) productFields(r row, p *catalog.Product, lk lookup) {
	p.Code, p.Name = r.get(colCode), r.get(colName)
	p.Price, _ = file.number(r, colPrice, "판매가", limits.Price)
	p.Cost, _ = file.number(r, colCost, "원가", limits.Cost)
	p.WeightGrams, _ = file.number(r, colWeight, "무게", limits.Weight)
	p.HSCode, p.OriginCode = r.get(colHS), r.get(colOrigin)
	if p.Detail = r.get(colDetail); p.Detail == "" {
		p.Detail = r.get(ssDetail)
	}
	p.Status = catalog.StatusSale
	if v := r.get(colStatus); v != "" {
		if st, ok := catalog.StatusFromLabel(v); ok {
			p.Status = st
		} else {
			file.problemf(r.n, colStatus, "알 수 없는 상태 '{{.Value}}'입니다. 판매중, 판매중지, 품절 중에서 고르세요.", "Value", v)
		}
	}
	if t, ok := parseTax(r.get(colTax)); ok {
		p.TaxType = t
	} else {
		file.problemf(r.n, colTax, "알 수 없는 과세구분 '{{.Value}}'입니다. 과세, 면세, 영세 중에서 고르세요.", "Value", r.get(colTax))
	}
	if v := r.get(colCategory); v != "" {
		id := lk.cats[v]
		if id == 0 {
			id = lk.cats[strings.ReplaceAll(v, " > ", ">")]
		}
		switch {
		case id > 0:
			p.CategoryID = id
		case id < 0:
			file.problemf(r.n, colCategory, "'{{.Value}}' 이름의 카테고리가 여러 개입니다. '의류 > 상의'처럼 전체 경로로 적으세요.", "Value", v)
		default:
			file.problemf(r.n, colCategory, "없는 카테고리 '{{.Value}}'입니다. 목록에서 고르거나 카테고리를 먼저 만드세요.", "Value", v)
		}
	}
	if v := r.get(colSupplier); v != "" {
		if id := lk.sups[v]; id > 0 {
			p.SupplierID = id
		} else {
			file.problemf(r.n, colSupplier, "없는 공급업체 '{{.Value}}'입니다. 목록에서 고르거나 공급업체를 먼저 등록하세요.", "Value", v)
		}
	}
}
