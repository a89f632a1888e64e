package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
)

// productFieldOrder is the order problems are listed in, as the editor shows the fields.
var productFieldOrder = []string{"name", "code", "category", "price", "cost", "weight", "options"}

// ValidateProduct checks everything about a product that does not need the store, and returns an
// ErrInvalid error whose field messages say, per field, what is wrong. Option problems are keyed
// "option.<index>.<field>" with field code, extra_price, stock or safety_stock.
func ValidateProduct(p Product) error {
	problems := map[string]apperr.Msg{}
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "":
		problems["name"] = apperr.M("상품명을 입력하세요.")
	case utf8.RuneCountInString(name) > MaxNameLength:
		problems["name"] = apperr.M("상품명은 {{.Max}}자 이내로 입력하세요(지금 {{.Len}}자).", "Max", MaxNameLength, "Len", utf8.RuneCountInString(name))
	}
	code := strings.TrimSpace(p.Code)
	switch {
	case code == "":
		problems["code"] = apperr.M("판매자 상품코드를 입력하세요.")
	case utf8.RuneCountInString(code) > 50:
		problems["code"] = apperr.M("판매자 상품코드는 50자 이내로 입력하세요.")
	case strings.ContainsAny(code, " \t\n"):
		problems["code"] = apperr.M("판매자 상품코드에는 공백을 넣을 수 없습니다.")
	}
	// the limits are app/limits', the same an order or product file is read against
	switch {
	case p.Price <= 0:
		problems["price"] = apperr.M("판매가는 0원보다 커야 합니다.")
	case p.Price > limits.Price.Max:
		problems["price"] = apperr.M("판매가는 {{.Max}}원 이하여야 합니다.", "Max", limits.Group(limits.Price.Max))
	}
	switch {
	case p.Cost < 0:
		problems["cost"] = apperr.M("원가는 0원 이상이어야 합니다.")
	case p.Cost > limits.Cost.Max:
		problems["cost"] = apperr.M("원가는 {{.Max}}원 이하여야 합니다.", "Max", limits.Group(limits.Cost.Max))
	}
	switch {
	case p.WeightGrams < 0:
		problems["weight"] = apperr.M("무게는 0g 이상이어야 합니다.")
	case p.WeightGrams > limits.Weight.Max:
		problems["weight"] = apperr.M("무게는 {{.Max}}g 이하여야 합니다. 킬로그램이 아니라 그램으로 적었는지 확인하세요.", "Max", limits.Group(limits.Weight.Max))
	}
	switch p.Status {
	case StatusSale, StatusSuspended, StatusSoldOut:
	default:
		problems["status"] = apperr.M("판매 상태를 고르세요.")
	}
	if msg := validateGroups(p.OptionKind, p.OptionGroups); msg.Key != "" {
		problems["options"] = msg
	}
	if len(p.Options) == 0 {
		problems["options"] = apperr.M("판매할 옵션이 하나도 없습니다. 옵션 목록을 만드세요.")
	} else if len(p.Options) > MaxCombinations {
		problems["options"] = apperr.M("한 상품의 옵션은 {{.Max}}개까지입니다(지금 {{.Count}}개). 옵션을 줄이거나 상품을 나누세요.",
			"Max", limits.Group(MaxCombinations), "Count", limits.Group(int64(len(p.Options))))
	} else if p.OptionKind == OptionsNone && (len(p.Options) != 1 || len(p.Options[0].Values) != 0) {
		problems["options"] = apperr.M("옵션 없는 상품은 판매 단위가 하나여야 합니다.")
	}
	codes := map[string]int{}
	combos := map[string]int{}
	for i, o := range p.Options {
		key := func(f string) string { return fmt.Sprintf("option.%d.%s", i, f) }
		if c := strings.TrimSpace(o.Code); c != "" {
			if j, dup := codes[c]; dup {
				problems[key("code")] = apperr.M("옵션관리코드 '{{.Code}}'가 {{.Row}}행과 겹칩니다.", "Code", c, "Row", j+1)
			}
			codes[c] = i
			if strings.ContainsAny(c, " \t\n") {
				problems[key("code")] = apperr.M("옵션관리코드에는 공백을 넣을 수 없습니다.")
			}
		}
		if p.OptionKind != OptionsNone && len(o.Values) != len(p.OptionGroups) {
			problems[key("values")] = apperr.M("옵션값의 개수가 옵션명의 개수와 다릅니다.")
		} else if p.OptionKind == OptionsSingle && filled(o.Values) != 1 {
			problems[key("values")] = apperr.M("단독형 옵션은 옵션명 하나의 값만 가집니다.")
		}
		combo := strings.Join(o.Values, "\x00")
		if j, dup := combos[combo]; dup && p.OptionKind != OptionsNone {
			problems[key("values")] = apperr.M("같은 옵션 조합이 {{.Row}}행에도 있습니다.", "Row", j+1)
		}
		combos[combo] = i
		if limits.ExtraPrice.Check(o.ExtraPrice) != limits.OK {
			problems[key("extra_price")] = apperr.M("옵션가는 -{{.Max}}원에서 {{.Max}}원 사이여야 합니다.", "Max", limits.Group(limits.ExtraPrice.Max))
		} else if p.Price > 0 && p.Price+o.ExtraPrice <= 0 {
			problems[key("extra_price")] = apperr.M("옵션가를 더한 판매가가 0원 이하입니다({{.Won}}원).", "Won", p.Price+o.ExtraPrice)
		}
		switch {
		case o.Stock < 0 && !p.AllowBackorder:
			problems[key("stock")] = apperr.M("재고는 0 이상이어야 합니다(예약 판매를 허용하면 음수도 됩니다).")
		case o.Stock > limits.Stock.Max:
			problems[key("stock")] = apperr.M("재고는 옵션마다 {{.Max}}개 이하여야 합니다.", "Max", limits.Group(limits.Stock.Max))
		case o.Stock < -limits.Stock.Max:
			// a back order as deep as the largest stock is already a typo
			problems[key("stock")] = apperr.M("예약 판매 재고는 -{{.Max}}개 이상이어야 합니다.", "Max", limits.Group(limits.Stock.Max))
		}
		switch {
		case o.SafetyStock < 0:
			problems[key("safety_stock")] = apperr.M("안전재고는 0 이상이어야 합니다.")
		case o.SafetyStock > limits.SafetyStock.Max:
			problems[key("safety_stock")] = apperr.M("안전재고는 {{.Max}}개 이하여야 합니다.", "Max", limits.Group(limits.SafetyStock.Max))
		}
	}
	if len(problems) > 0 {
		return apperr.InvalidMsg(problems, productFieldOrder)
	}
	return nil
}

// filled counts the values that are not empty.
func filled(values []string) int {
	n := 0
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n
}

// validateGroups says what is wrong with a product's option names and values; a Msg without a key when
// nothing is.
func validateGroups(kind OptionKind, groups []OptionGroup) apperr.Msg {
	switch kind {
	case OptionsNone:
		if len(groups) != 0 {
			return apperr.M("옵션 없는 상품에는 옵션명을 넣을 수 없습니다.")
		}
		return apperr.Msg{}
	case OptionsSingle:
		// Smart Store's 단독형 may list two or three option names: each value of each name is sold on its own
		if len(groups) < 1 || len(groups) > MaxOptionGroups {
			return apperr.M("단독형 옵션은 옵션명이 1개에서 {{.Max}}개까지입니다.", "Max", MaxOptionGroups)
		}
	case OptionsCombination:
		if len(groups) < 1 || len(groups) > MaxOptionGroups {
			return apperr.M("조합형 옵션은 옵션명이 1개에서 {{.Max}}개까지입니다.", "Max", MaxOptionGroups)
		}
	default:
		return apperr.M("옵션 형태를 고르세요.")
	}
	names := map[string]bool{}
	for _, g := range groups {
		name := strings.TrimSpace(g.Name)
		if name == "" {
			return apperr.M("옵션명을 입력하세요.")
		}
		if names[name] {
			return apperr.M("옵션명 '{{.Name}}'이(가) 두 번 있습니다.", "Name", name)
		}
		names[name] = true
		if len(g.Values) == 0 {
			return apperr.M("'{{.Name}}'의 옵션값을 입력하세요.", "Name", name)
		}
		values := map[string]bool{}
		for _, v := range g.Values {
			v = strings.TrimSpace(v)
			if v == "" {
				return apperr.M("'{{.Name}}'에 빈 옵션값이 있습니다.", "Name", name)
			}
			if values[v] {
				return apperr.M("'{{.Name}}'에 옵션값 '{{.Value}}'이(가) 두 번 있습니다.", "Name", name, "Value", v)
			}
			values[v] = true
		}
	}
	if _, ok := CombinationCount(kind, groups); !ok {
		return tooManyCombinations(groups)
	}
	return apperr.Msg{}
}

// tooManyCombinations says that groups make more combinations than a product may have, with each group's
// size, so the seller sees which list to shorten.
func tooManyCombinations(groups []OptionGroup) apperr.Msg {
	sizes := make([]string, len(groups))
	for i, g := range groups {
		sizes[i] = fmt.Sprintf("%s %s개", strings.TrimSpace(g.Name), limits.Group(int64(len(g.Values))))
	}
	return apperr.M("옵션 조합은 한 상품에 {{.Max}}개까지입니다. 옵션값({{.Sizes}})을 곱하면 그보다 많습니다. 옵션값을 줄이거나 상품을 나누세요.",
		"Max", limits.Group(MaxCombinations), "Sizes", strings.Join(sizes, " × "))
}

// CombinationCount counts the options kind and groups make, without building them and without overflow:
// ok is false when they are more than MaxCombinations (count is then only a lower bound).
func CombinationCount(kind OptionKind, groups []OptionGroup) (count int, ok bool) {
	switch kind {
	case OptionsSingle:
		n := 0
		for _, g := range groups {
			n += len(g.Values)
			if n > MaxCombinations {
				return n, false
			}
		}
		return n, true
	case OptionsCombination:
		sizes := make([]int, len(groups))
		for i, g := range groups {
			sizes[i] = len(g.Values)
		}
		return limits.Combinations(sizes...)
	}
	return 1, true
}

// CheckCombinations refuses groups that would make more options than a product may have, before anything
// is built: the editor and the readers call it ahead of CombineOptions.
func CheckCombinations(kind OptionKind, groups []OptionGroup) error {
	if _, ok := CombinationCount(kind, groups); ok {
		return nil
	}
	return apperr.InvalidMsg(map[string]apperr.Msg{"options": tooManyCombinations(groups)}, productFieldOrder)
}

// MaxCombinations is the most sellable combinations one product may have (see app/limits for why).
const MaxCombinations = limits.MaxCombinations

// CombineOptions builds the sellable options for a kind and its groups: every combination of the values
// (조합형, first group varying slowest), each value (단독형), or the single implicit option (없음).
// Combinations that already exist in existing, matched by their values, keep their id, code, extra price,
// stock, safety stock and usable flag, so renaming or adding a value never loses stock.
func CombineOptions(kind OptionKind, groups []OptionGroup, existing []Option) []Option {
	byValues := map[string]Option{}
	for _, o := range existing {
		byValues[strings.Join(o.Values, "\x00")] = o
	}
	var combos [][]string
	switch kind {
	case OptionsSingle:
		// each value on its own, group after group; an option holds its value at its group's place and
		// leaves the other groups' places empty
		for g, grp := range groups {
			for _, v := range grp.Values {
				if len(combos) == MaxCombinations {
					break
				}
				c := make([]string, len(groups))
				c[g] = strings.TrimSpace(v)
				combos = append(combos, c)
			}
		}
	case OptionsCombination:
		// The count comes first: building every combination and trimming afterwards took 800 MB for a
		// file with long option lists. Beyond the limit only the first MaxCombinations (first group
		// varying slowest) are built, and ValidateProduct refuses the product.
		n, _ := CombinationCount(kind, groups)
		n = min(n, MaxCombinations)
		combos = make([][]string, 0, n)
		for i := 0; i < n; i++ {
			c := make([]string, len(groups))
			rest := i
			for g := len(groups) - 1; g >= 0; g-- {
				size := len(groups[g].Values)
				c[g] = strings.TrimSpace(groups[g].Values[rest%size])
				rest /= size
			}
			combos = append(combos, c)
		}
	default:
		if len(existing) == 1 && len(existing[0].Values) == 0 {
			return []Option{existing[0]}
		}
		// keep the stock of a product that had options and now has none: its first usable option
		for _, o := range existing {
			if o.Usable {
				o.Values = nil
				return []Option{o}
			}
		}
		return []Option{{Usable: true}}
	}
	out := make([]Option, 0, len(combos))
	for _, c := range combos {
		if o, ok := byValues[strings.Join(c, "\x00")]; ok {
			o.Values = c
			out = append(out, o)
			continue
		}
		out = append(out, Option{Values: c, Usable: true})
	}
	return out
}
