package sheet

import (
	"strings"

	"sellerdesk/app/catalog"
	"sellerdesk/app/limits"
)

// shapeCols are the product columns that shape the options: every row of a product must agree on them, in a
// 대량 수정 too, which cannot add or rename options.
var shapeCols = []string{colKind, colOptName1, colOptName2, colOptName3}

// readTemplate groups rows by 판매자 상품코드: each group is one product, each row one option.
func (file *ProductFile) readTemplate(rows []row, lk lookup, progress func(float64)) {
	groups := map[string][]row{}
	var order []string
	for _, r := range rows {
		code := r.get(colCode)
		if code == "" {
			file.problemf(r.n, colCode, "판매자 상품코드가 비어 있습니다.")
			continue
		}
		if _, ok := groups[code]; !ok {
			order = append(order, code)
		}
		groups[code] = append(groups[code], r)
	}
	for gi, code := range order {
		rs := groups[code]
		// the product's own fields are read from its first row that names it, so that an export sorted in
		// Excel (its option rows leave them empty) still reads
		first, others := rs[0], rs[1:]
		for i, r := range rs {
			if r.get(colName) != "" {
				first, others = r, append(append([]row(nil), rs[:i]...), rs[i+1:]...)
				break
			}
		}
		for _, r := range others {
			for _, c := range shapeCols {
				if v := r.get(c); v != "" && v != first.get(c) {
					file.problemf(r.n, c, "같은 상품코드({{.Code}})의 {{.Row}}행과 값이 다릅니다('{{.Value}}' ≠ '{{.First}}'). 상품 정보는 첫 행에만 적으세요.", "Code", code, "Row", first.n, "Value", v, "First", first.get(c))
				}
			}
		}
		p := catalog.Product{}
		file.productFields(first, &p, lk)
		file.compareRows(len(file.Products), p, first, others, lk)
		kind, ok := parseKind(first.get(colKind))
		if !ok {
			file.problemf(first.n, colKind, "알 수 없는 옵션형태 '{{.Value}}'입니다. 없음, 단독형, 조합형 중에서 고르세요.", "Value", first.get(colKind))
		}
		names := []string{}
		for _, c := range []string{colOptName1, colOptName2, colOptName3} {
			if v := first.get(c); v != "" {
				names = append(names, v)
			}
		}
		if first.get(colKind) == "" && len(names) > 0 {
			kind = catalog.OptionsSingle
			if len(names) > 1 {
				kind = catalog.OptionsCombination
			}
		}
		p.OptionKind = kind
		src := source{row: first.n}
		valueCols := []string{colOptValue1, colOptValue2, colOptValue3}
		for _, r := range rs {
			o := catalog.Option{Code: r.get(colOptCode), Usable: true}
			// a 단독형 product with several option names sells each value on its own: a row holds one value,
			// under its own name, and leaves the other names' values empty
			single := kind == catalog.OptionsSingle && len(names) > 1
			for g := range names {
				if g < len(valueCols) {
					v := r.get(valueCols[g])
					if v == "" && kind != catalog.OptionsNone && !single {
						file.problemf(r.n, valueCols[g], "'{{.Name}}'의 옵션값이 비어 있습니다.", "Name", names[g])
					}
					o.Values = append(o.Values, v)
				}
			}
			if single {
				if n := filledValues(o.Values); n != 1 {
					file.problemf(r.n, colOptValue1, "단독형 옵션은 한 행에 옵션값을 하나만 적습니다(옵션명 {{.Names}} 중 하나, 지금 {{.N}}개).", "Names", strings.Join(names, ", "), "N", n)
				}
			}
			o.ExtraPrice, _ = file.number(r, colExtraPrice, "옵션가", limits.ExtraPrice)
			o.Stock, _ = file.number(r, colStock, "재고수량", limits.Stock)
			o.SafetyStock, _ = file.number(r, colSafetyStock, "안전재고", limits.SafetyStock)
			switch strings.ToUpper(r.get(colUsable)) {
			case "", "Y", "예", "사용":
			case "N", "아니오", "미사용":
				o.Usable = false
			default:
				file.problemf(r.n, colUsable, "사용여부는 Y 또는 N으로 적으세요('{{.Value}}').", "Value", r.get(colUsable))
			}
			p.Options = append(p.Options, o)
			src.optionRows = append(src.optionRows, r.n)
		}
		if kind == catalog.OptionsNone {
			p.Options = p.Options[:1]
			p.Options[0].Values = nil
			src.optionRows = src.optionRows[:1]
			if len(others) > 0 {
				file.problemf(others[0].n, colCode, "옵션 없는 상품({{.Code}})이 여러 행에 있습니다. 옵션이 있으면 옵션형태와 옵션명을 적으세요.", "Code", code)
			}
		}
		for g, name := range names {
			grp := catalog.OptionGroup{Name: name}
			seen := map[string]bool{}
			for _, o := range p.Options {
				if g < len(o.Values) && o.Values[g] != "" && !seen[o.Values[g]] {
					seen[o.Values[g]] = true
					grp.Values = append(grp.Values, o.Values[g])
				}
			}
			p.OptionGroups = append(p.OptionGroups, grp)
		}
		file.add(p, src)
		if progress != nil && gi%500 == 0 {
			progress(float64(gi+1) / float64(len(order)))
		}
	}
}
