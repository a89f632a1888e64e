package sheet

import (
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/limits"
)

// GeneratedCode is a 판매자 상품코드 SellerDesk made for a Smart Store row that had none, and what from.
type GeneratedCode struct {
	Row  int
	Code string
	From string // "상품번호 1234567890" or "상품명"
}

// readSmartStore reads Smart Store's one-row-per-product layout, expanding its option lists: 조합형 (every
// combination of the names' values) and 단독형 (each value of each of one to three names on its own).
// Prices, stocks and 옵션관리코드 are lists in option order, one value each or one for all.
func (file *ProductFile) readSmartStore(rows []row, lk lookup, progress func(float64)) {
	for i, r := range rows {
		p := catalog.Product{}
		file.productFields(r, &p, lk)
		if p.Code == "" && !file.hasProblemAt(r.n, colCode) {
			// Smart Store needs no 판매자 상품코드; SellerDesk tells products apart by one, so it makes the
			// same one from the same row every time
			from := "상품명"
			if no := r.get(ssProductNo); digitsOnly(no) {
				from = "상품번호 " + no
			}
			p.Code = catalog.SmartStoreCode(r.get(ssProductNo), p.Name)
			if p.Code != "" {
				file.Generated = append(file.Generated, GeneratedCode{Row: r.n, Code: p.Code, From: from})
			}
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
		codes := splitList(r.get(colOptCode), false)
		if kind == catalog.OptionsNone {
			stocks = []string{r.get(colStock)}
			prices = nil
			if len(codes) > 1 {
				file.problem(r.n, colOptCode, fmt.Sprintf("옵션 없는 상품에 옵션관리코드가 %d개 있습니다.", len(codes)))
				codes = nil
			}
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
		switch {
		case len(codes) == len(p.Options):
			// 옵션관리코드 in option order: an order line carrying one finds its option by it
			for j := range p.Options {
				p.Options[j].Code = codes[j]
			}
		case len(codes) > 0:
			file.problem(r.n, colOptCode, fmt.Sprintf("옵션관리코드가 %d개인데 옵션 조합은 %d개입니다. 조합마다 하나씩 적으세요.", len(codes), len(p.Options)))
		}
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

// splitList splits Smart Store's lists. Option names are one a line (or, on one line, separated by
// commas); values, prices, stocks and codes are separated by commas within a line and lines between
// option names, so both separate them.
func splitList(s string, names bool) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r", "")
	if s == "" {
		return nil
	}
	var parts []string
	switch {
	case names && strings.Contains(s, "\n"):
		parts = strings.Split(s, "\n")
	default:
		parts = strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == '\n' })
	}
	var out []string
	for _, part := range parts {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// filledValues counts the values that are not empty.
func filledValues(values []string) int {
	n := 0
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n
}
