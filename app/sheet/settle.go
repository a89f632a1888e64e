package sheet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
)

// The rows of one product may disagree on a product field (상품명, 판매가 …). Exports before WriteProducts
// wrote those fields once repeated them on every option row, and sellers still hold such files: a seller
// changes a price in one cell, usually the first row's, or fills the new value down the column, and the rows
// then disagree. For a 일괄 등록 there is nothing to compare with and a disagreement is a problem. For a 대량
// 수정, Settle compares the rows with the stored product: one new value is the change, two different new
// values are a conflict the seller must resolve.

// settleField is a product column whose rows may disagree in a 대량 수정.
type settleField struct {
	col  string
	key  func(catalog.Product) string // equal keys, equal values
	show func(catalog.Product, lookup) string
	set  func(dst *catalog.Product, src catalog.Product)
}

// shown writes a text value for a message, a long 상세설명 cut short.
func shown(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "(없음)"
	}
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// num is the comparison key of an id or an amount.
func num(n int64) string { return strconv.FormatInt(n, 10) }

var settleFields = []settleField{
	{colName, func(p catalog.Product) string { return strings.TrimSpace(p.Name) },
		func(p catalog.Product, _ lookup) string { return shown(p.Name) },
		func(d *catalog.Product, s catalog.Product) { d.Name = s.Name }},
	{colCategory, func(p catalog.Product) string { return num(p.CategoryID) },
		func(p catalog.Product, lk lookup) string { return shown(lk.paths[p.CategoryID]) },
		func(d *catalog.Product, s catalog.Product) { d.CategoryID = s.CategoryID }},
	{colSupplier, func(p catalog.Product) string { return num(p.SupplierID) },
		func(p catalog.Product, lk lookup) string { return shown(lk.names[p.SupplierID]) },
		func(d *catalog.Product, s catalog.Product) { d.SupplierID = s.SupplierID }},
	{colPrice, func(p catalog.Product) string { return num(p.Price) },
		func(p catalog.Product, _ lookup) string { return format.Won(p.Price) },
		func(d *catalog.Product, s catalog.Product) { d.Price = s.Price }},
	{colCost, func(p catalog.Product) string { return num(p.Cost) },
		func(p catalog.Product, _ lookup) string { return format.Won(p.Cost) },
		func(d *catalog.Product, s catalog.Product) { d.Cost = s.Cost }},
	{colStatus, func(p catalog.Product) string { return string(p.Status) },
		func(p catalog.Product, _ lookup) string { return p.Status.Label() },
		func(d *catalog.Product, s catalog.Product) { d.Status = s.Status }},
	{colTax, func(p catalog.Product) string { return string(p.TaxType) },
		func(p catalog.Product, _ lookup) string { return p.TaxType.Label() },
		func(d *catalog.Product, s catalog.Product) { d.TaxType = s.TaxType }},
	{colWeight, func(p catalog.Product) string { return num(p.WeightGrams) },
		func(p catalog.Product, _ lookup) string { return format.Number(p.WeightGrams) + "g" },
		func(d *catalog.Product, s catalog.Product) { d.WeightGrams = s.WeightGrams }},
	{colHS, func(p catalog.Product) string { return strings.TrimSpace(p.HSCode) },
		func(p catalog.Product, _ lookup) string { return shown(p.HSCode) },
		func(d *catalog.Product, s catalog.Product) { d.HSCode = s.HSCode }},
	{colOrigin, func(p catalog.Product) string { return strings.TrimSpace(p.OriginCode) },
		func(p catalog.Product, _ lookup) string { return shown(p.OriginCode) },
		func(d *catalog.Product, s catalog.Product) { d.OriginCode = s.OriginCode }},
	{colDetail, func(p catalog.Product) string { return strings.TrimSpace(p.Detail) },
		func(p catalog.Product, _ lookup) string { return shown(p.Detail) },
		func(d *catalog.Product, s catalog.Product) { d.Detail = s.Detail }},
}

// dispute is one product field the rows of one product give different values.
type dispute struct {
	product  int               // index in Products
	field    int               // index in settleFields
	rows     []int             // the rows that give a value: the first row, then each later row that fills the cell
	values   []catalog.Product // what each of those rows says (only the field is read)
	problems []Problem         // filed for a 일괄 등록; Settle takes them back
}

// cell is what a row says for a settle column; the detail may come under Smart Store's header.
func cell(r row, col string) string {
	if v := r.get(col); v != "" || col != colDetail {
		return v
	}
	return r.get(ssDetail)
}

// compareRows compares the product fields of a product's other rows with its first row (p, read from first)
// and keeps each field they disagree on as a dispute, filed as a problem until Settle says otherwise. An empty
// cell in another row says nothing: the template and the export write product fields once.
func (file *ProductFile) compareRows(i int, p catalog.Product, first row, others []row, lk lookup) {
	if len(others) == 0 {
		return
	}
	vals := make([]catalog.Product, len(others))
	for j, r := range others {
		file.productFields(r, &vals[j], lk) // a cell that does not read is that row's own problem
	}
	for fi, f := range settleFields {
		firstKey := f.key(p)
		d := dispute{product: i, field: fi, rows: []int{first.n}, values: []catalog.Product{p}}
		var differ []row
		for j, r := range others {
			if cell(r, f.col) == "" {
				continue
			}
			if f.key(vals[j]) != firstKey {
				if file.hasProblemAt(r.n, f.col) {
					continue
				}
				differ = append(differ, r)
			}
			d.rows = append(d.rows, r.n)
			d.values = append(d.values, vals[j])
		}
		if len(differ) == 0 {
			continue
		}
		for _, r := range differ {
			file.problem(r.n, f.col, fmt.Sprintf("같은 상품코드(%s)의 %d행과 값이 다릅니다('%s' ≠ '%s'). 상품 정보는 첫 행에만 적으세요.", p.Code, first.n, cell(r, f.col), cell(first, f.col)))
			d.problems = append(d.problems, file.Problems[len(file.Problems)-1])
		}
		file.disputes = append(file.disputes, d)
	}
}

// Disputed lists the codes of the products whose rows disagree on a product field: a 대량 수정 reads them from
// the store and passes them to Settle.
func (file *ProductFile) Disputed() []string {
	var codes []string
	seen := map[int]bool{}
	for _, d := range file.disputes {
		if !seen[d.product] {
			seen[d.product] = true
			codes = append(codes, file.Products[d.product].Code)
		}
	}
	return codes
}

// Settle reads the file as a 대량 수정 of the stored products (by code) where the rows of one product
// disagree on a product field. The rows may disagree only in the stored value and one new value: the seller
// changed one row, or some, or filled the change down the column, and the new value is the change. Rows
// holding two or more different new values are a conflict, filed as one problem that names the rows and the
// column. A product missing from stored keeps its disagreements as problems.
func (file *ProductFile) Settle(stored map[string]catalog.Product) {
	taken := map[Problem]bool{}
	for _, d := range file.disputes {
		if _, ok := stored[file.Products[d.product].Code]; ok {
			for _, pr := range d.problems {
				taken[pr] = true
			}
		}
	}
	if len(taken) == 0 {
		return
	}
	changed := map[int]bool{}
	for _, d := range file.disputes {
		cur, ok := stored[file.Products[d.product].Code]
		if !ok {
			continue
		}
		f, p := settleFields[d.field], &file.Products[d.product]
		old := f.key(cur)
		var news []string // distinct new values, in row order
		rows := map[string][]int{}
		value := map[string]catalog.Product{}
		for k, v := range d.values {
			key := f.key(v)
			if key == old {
				continue
			}
			if _, seen := rows[key]; !seen {
				news = append(news, key)
				value[key] = v
			}
			rows[key] = append(rows[key], d.rows[k])
		}
		src := &file.sources[d.product]
		switch len(news) {
		case 0: // every row holds the stored value after all
			f.set(p, cur)
		case 1:
			f.set(p, value[news[0]])
			if n := rows[news[0]][0]; n != src.row {
				if src.at == nil {
					src.at = map[string]int{}
				}
				src.at[f.col] = n // a problem with the new value points at the row that wrote it
			}
		default:
			var says []string
			for _, key := range news {
				rs := rows[key]
				where := fmt.Sprintf("%d행", rs[0])
				if len(rs) > 1 {
					where += fmt.Sprintf(" 외 %d개 행", len(rs)-1)
				}
				says = append(says, where+" "+f.show(value[key], file.lk))
			}
			file.problem(rows[news[1]][0], f.col, fmt.Sprintf("같은 상품(%s)의 %s 열에 새 값이 여럿입니다: %s (저장된 값 %s). 바꿀 값 하나로 맞추세요.",
				p.Code, f.col, strings.Join(says, ", "), f.show(cur, file.lk)))
		}
		changed[d.product] = true
	}
	for i := range changed {
		for _, pr := range file.sources[i].checks {
			taken[pr] = true
		}
	}
	kept := file.Problems[:0]
	for _, pr := range file.Problems {
		if !taken[pr] {
			kept = append(kept, pr)
		}
	}
	file.Problems = kept
	file.disputes = nil
	for i := range file.Products {
		if changed[i] {
			file.check(i) // the settled values are checked as the first row's were
		}
	}
	sort.SliceStable(file.Problems, func(i, j int) bool { return file.Problems[i].Row < file.Problems[j].Row })
}
