package sheet

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
)

// The products read from a file checked with the catalog's own rules, each problem filed at the row and
// column it came from; option codes used twice, and codes the store already has.

// add keeps a product read from the file and checks it.
func (file *ProductFile) add(p catalog.Product, src source) {
	file.Products = append(file.Products, p)
	file.sources = append(file.sources, src)
	file.check(len(file.Products) - 1)
}

// check validates product i with the catalog's own rules and files each problem at its row and column.
func (file *ProductFile) check(i int) {
	p, src := file.Products[i], &file.sources[i]
	src.checks = nil
	var ae *apperr.Error
	if err := catalog.ValidateProduct(p); errors.As(err, &ae) {
		keys := make([]string, 0, len(ae.Fields))
		for k := range ae.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			rowN, col := file.place(*src, k)
			if file.hasProblemAt(rowN, col) {
				continue // the cell's own problem (e.g. not a number) already says it
			}
			file.problemMsg(rowN, col, fieldMsg(ae, k))
			src.checks = append(src.checks, file.Problems[len(file.Problems)-1])
		}
	}
}

func (file *ProductFile) hasProblemAt(rowN int, col string) bool {
	c := file.column(col)
	for _, p := range file.Problems {
		if p.Row == rowN && (p.Column == c || col == "") {
			return true
		}
	}
	return false
}

// place maps a ValidateProduct field to the row and column it came from.
func (file *ProductFile) place(src source, field string) (int, string) {
	direct := map[string]string{"name": colName, "code": colCode, "price": colPrice, "cost": colCost,
		"weight": colWeight, "status": colStatus, "options": colKind, "category": colCategory}
	if c, ok := direct[field]; ok {
		if n, ok := src.at[c]; ok {
			return n, c
		}
		return src.row, c
	}
	parts := strings.SplitN(field, ".", 3)
	if len(parts) == 3 {
		if i, err := strconv.Atoi(parts[1]); err == nil && i < len(src.optionRows) {
			col := map[string]string{"code": colOptCode, "extra_price": colExtraPrice, "stock": colStock,
				"safety_stock": colSafetyStock, "values": colOptValue1}[parts[2]]
			if file.Format == FormatSmartStore {
				// one row per product: stock and values are the option lists' columns
				switch parts[2] {
				case "stock":
					col = ssOptionStock
				case "values":
					col = ssOptionVals
				}
			}
			return src.optionRows[i], col
		}
	}
	return src.row, ""
}

// checkCodes reports option codes used twice across the file's products.
func (file *ProductFile) checkCodes() {
	seen := map[string]int{}
	for i, p := range file.Products {
		for j, o := range p.Options {
			if o.Code == "" {
				continue
			}
			rowN := file.sources[i].optionRows[j]
			if first, dup := seen[o.Code]; dup {
				if first != rowN {
					file.problemf(rowN, colOptCode, "옵션관리코드 '{{.Code}}'가 {{.Row}}행에도 있습니다.", "Code", o.Code, "Row", first)
				}
				continue
			}
			seen[o.Code] = rowN
		}
	}
}

// MarkExisting files a problem for every product or option code the store already has: a 일괄 등록
// registers only new products (use 대량 수정 to change existing ones).
func (file *ProductFile) MarkExisting(products, options map[string]bool) {
	for i, p := range file.Products {
		if products[p.Code] {
			file.problemf(file.sources[i].row, colCode, "이미 등록된 판매자 상품코드입니다: {{.Code}}. 기존 상품을 고치려면 대량 수정을 사용하세요.", "Code", p.Code)
		}
		for j, o := range p.Options {
			if o.Code != "" && options[o.Code] {
				file.problemf(file.sources[i].optionRows[j], colOptCode, "이미 다른 상품이 쓰는 옵션관리코드입니다: {{.Code}}", "Code", o.Code)
			}
		}
	}
	sort.SliceStable(file.Problems, func(i, j int) bool { return file.Problems[i].Row < file.Problems[j].Row })
}

// Codes lists the product and option codes in the file (for ExistingCodes).
func (file *ProductFile) Codes() (products, options []string) {
	for _, p := range file.Products {
		products = append(products, p.Code)
		for _, o := range p.Options {
			if o.Code != "" {
				options = append(options, o.Code)
			}
		}
	}
	return products, options
}
