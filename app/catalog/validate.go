package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sellerdesk/app/apperr"
)

// productFieldOrder is the order problems are listed in, as the editor shows the fields.
var productFieldOrder = []string{"name", "code", "category", "price", "cost", "weight", "options"}

// ValidateProduct checks everything about a product that does not need the store, and returns an
// ErrInvalid error whose Fields say, per field, what is wrong in Korean. Option problems are keyed
// "option.<index>.<field>" with field code, extra_price, stock or safety_stock.
func ValidateProduct(p Product) error {
	problems := map[string]string{}
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "":
		problems["name"] = "상품명을 입력하세요."
	case utf8.RuneCountInString(name) > MaxNameLength:
		problems["name"] = fmt.Sprintf("상품명은 %d자 이내로 입력하세요(지금 %d자).", MaxNameLength, utf8.RuneCountInString(name))
	}
	code := strings.TrimSpace(p.Code)
	switch {
	case code == "":
		problems["code"] = "판매자 상품코드를 입력하세요."
	case utf8.RuneCountInString(code) > 50:
		problems["code"] = "판매자 상품코드는 50자 이내로 입력하세요."
	case strings.ContainsAny(code, " \t\n"):
		problems["code"] = "판매자 상품코드에는 공백을 넣을 수 없습니다."
	}
	if p.Price <= 0 {
		problems["price"] = "판매가는 0원보다 커야 합니다."
	}
	if p.Cost < 0 {
		problems["cost"] = "원가는 0원 이상이어야 합니다."
	}
	if p.WeightGrams < 0 {
		problems["weight"] = "무게는 0g 이상이어야 합니다."
	}
	switch p.Status {
	case StatusSale, StatusSuspended, StatusSoldOut:
	default:
		problems["status"] = "판매 상태를 고르세요."
	}
	if msg := validateGroups(p.OptionKind, p.OptionGroups); msg != "" {
		problems["options"] = msg
	}
	if len(p.Options) == 0 {
		problems["options"] = "판매할 옵션이 하나도 없습니다. 옵션 목록을 만드세요."
	} else if p.OptionKind == OptionsNone && (len(p.Options) != 1 || len(p.Options[0].Values) != 0) {
		problems["options"] = "옵션 없는 상품은 판매 단위가 하나여야 합니다."
	}
	codes := map[string]int{}
	combos := map[string]int{}
	for i, o := range p.Options {
		key := func(f string) string { return fmt.Sprintf("option.%d.%s", i, f) }
		if c := strings.TrimSpace(o.Code); c != "" {
			if j, dup := codes[c]; dup {
				problems[key("code")] = fmt.Sprintf("옵션관리코드 '%s'가 %d행과 겹칩니다.", c, j+1)
			}
			codes[c] = i
			if strings.ContainsAny(c, " \t\n") {
				problems[key("code")] = "옵션관리코드에는 공백을 넣을 수 없습니다."
			}
		}
		if p.OptionKind != OptionsNone && len(o.Values) != len(p.OptionGroups) {
			problems[key("values")] = "옵션값의 개수가 옵션명의 개수와 다릅니다."
		}
		combo := strings.Join(o.Values, "\x00")
		if j, dup := combos[combo]; dup && p.OptionKind != OptionsNone {
			problems[key("values")] = fmt.Sprintf("같은 옵션 조합이 %d행에도 있습니다.", j+1)
		}
		combos[combo] = i
		if p.Price > 0 && p.Price+o.ExtraPrice <= 0 {
			problems[key("extra_price")] = fmt.Sprintf("옵션가를 더한 판매가가 0원 이하입니다(%d원).", p.Price+o.ExtraPrice)
		}
		if o.Stock < 0 && !p.AllowBackorder {
			problems[key("stock")] = "재고는 0 이상이어야 합니다(예약 판매를 허용하면 음수도 됩니다)."
		}
		if o.SafetyStock < 0 {
			problems[key("safety_stock")] = "안전재고는 0 이상이어야 합니다."
		}
	}
	if len(problems) > 0 {
		return apperr.Invalid(problems, productFieldOrder)
	}
	return nil
}

func validateGroups(kind OptionKind, groups []OptionGroup) string {
	switch kind {
	case OptionsNone:
		if len(groups) != 0 {
			return "옵션 없는 상품에는 옵션명을 넣을 수 없습니다."
		}
		return ""
	case OptionsSingle:
		if len(groups) != 1 {
			return "단독형 옵션은 옵션명이 하나여야 합니다."
		}
	case OptionsCombination:
		if len(groups) < 1 || len(groups) > MaxOptionGroups {
			return fmt.Sprintf("조합형 옵션은 옵션명이 1개에서 %d개까지입니다.", MaxOptionGroups)
		}
	default:
		return "옵션 형태를 고르세요."
	}
	names := map[string]bool{}
	for _, g := range groups {
		name := strings.TrimSpace(g.Name)
		if name == "" {
			return "옵션명을 입력하세요."
		}
		if names[name] {
			return fmt.Sprintf("옵션명 '%s'이(가) 두 번 있습니다.", name)
		}
		names[name] = true
		if len(g.Values) == 0 {
			return fmt.Sprintf("'%s'의 옵션값을 입력하세요.", name)
		}
		values := map[string]bool{}
		for _, v := range g.Values {
			v = strings.TrimSpace(v)
			if v == "" {
				return fmt.Sprintf("'%s'에 빈 옵션값이 있습니다.", name)
			}
			if values[v] {
				return fmt.Sprintf("'%s'에 옵션값 '%s'이(가) 두 번 있습니다.", name, v)
			}
			values[v] = true
		}
	}
	return ""
}

// MaxCombinations is the most sellable combinations one product may have.
const MaxCombinations = 1000

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
		if len(groups) > 0 {
			for _, v := range groups[0].Values {
				combos = append(combos, []string{strings.TrimSpace(v)})
			}
		}
	case OptionsCombination:
		combos = [][]string{nil}
		for _, g := range groups {
			var next [][]string
			for _, c := range combos {
				for _, v := range g.Values {
					next = append(next, append(append([]string(nil), c...), strings.TrimSpace(v)))
				}
			}
			combos = next
			if len(combos) > MaxCombinations {
				combos = combos[:MaxCombinations]
			}
		}
		if len(groups) == 0 {
			combos = nil
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
