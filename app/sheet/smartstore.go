package sheet

import (
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/limits"
)

// readSmartStore reads Smart Store's one-row-per-product layout, expanding its option lists.
func (file *ProductFile) readSmartStore(rows []row, lk lookup, progress func(float64)) {
	for i, r := range rows {
		p := catalog.Product{}
		file.productFields(r, &p, lk)
		if p.Code == "" {
			file.problem(r.n, colCode, "판매자 상품코드가 비어 있습니다. 셀러데스크는 상품을 판매자 상품코드로 구분합니다.")
		}
		kind, ok := parseKind(r.get(colKind))
		if !ok {
			file.problem(r.n, colKind, fmt.Sprintf("알 수 없는 옵션형태 '%s'입니다.", r.get(colKind)))
		}
		names := splitList(r.get(ssOptionNames), true)
		if kind == catalog.OptionsNone && len(names) > 0 {
			kind = catalog.OptionsCombination
		}
		p.OptionKind = kind
		if kind != catalog.OptionsNone {
			valueLines := strings.Split(strings.ReplaceAll(r.get(ssOptionVals), "\r", ""), "\n")
			if len(names) == 1 && len(valueLines) > 1 {
				valueLines = []string{strings.Join(valueLines, ",")}
			}
			if len(valueLines) != len(names) {
				file.problem(r.n, ssOptionVals, fmt.Sprintf("옵션명 %d개와 옵션값 줄 수(%d)가 다릅니다. 옵션명마다 한 줄씩 값을 적으세요.", len(names), len(valueLines)))
			}
			for g, n := range names {
				grp := catalog.OptionGroup{Name: n}
				if g < len(valueLines) {
					grp.Values = splitList(valueLines[g], false)
				}
				p.OptionGroups = append(p.OptionGroups, grp)
			}
		}
		// counted before building: option lists of a few thousand values each would make billions of
		// combinations, and the product is refused from the count alone
		if _, ok := catalog.CombinationCount(kind, p.OptionGroups); !ok {
			file.problem(r.n, ssOptionVals, apperr.Message(catalog.CheckCombinations(kind, p.OptionGroups)))
			continue
		}
		p.Options = catalog.CombineOptions(kind, p.OptionGroups, nil)
		prices := splitList(r.get(colExtraPrice), false)
		stocks := splitList(r.get(ssOptionStock), false)
		if kind == catalog.OptionsNone {
			stocks = []string{r.get(colStock)}
			prices = nil
		}
		assign := func(list []string, col, label string, rng limits.Range, set func(o *catalog.Option, v int64)) {
			if len(list) == 0 {
				return
			}
			if len(list) != 1 && len(list) != len(p.Options) {
				file.problem(r.n, col, fmt.Sprintf("%s 값이 %d개인데 옵션 조합은 %d개입니다. 조합마다 하나씩 적거나 하나만 적으세요.", label, len(list), len(p.Options)))
				return
			}
			for j := range p.Options {
				v := list[0]
				if len(list) > 1 {
					v = list[j]
				}
				n, why := signed(rng).Parse(v)
				if why != limits.OK && why != limits.Empty {
					file.problem(r.n, col, signed(rng).Say(label, why, v))
					return
				}
				set(&p.Options[j], n)
			}
		}
		assign(prices, colExtraPrice, "옵션가", limits.ExtraPrice, func(o *catalog.Option, v int64) { o.ExtraPrice = v })
		assign(stocks, ssOptionStock, "옵션 재고수량", limits.Stock, func(o *catalog.Option, v int64) { o.Stock = v })
		src := source{row: r.n}
		for range p.Options {
			src.optionRows = append(src.optionRows, r.n)
		}
		file.add(p, src)
		if progress != nil && i%500 == 0 {
			progress(float64(i+1) / float64(len(rows)))
		}
	}
}

// splitList splits Smart Store's lists: newlines first, then commas (names may use either).
func splitList(s string, names bool) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r", "")
	if s == "" {
		return nil
	}
	sep := ","
	if names && strings.Contains(s, "\n") || strings.Contains(s, "\n") && !strings.Contains(s, ",") {
		sep = "\n"
	}
	var out []string
	for _, part := range strings.Split(s, sep) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
