package catalog

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"sellerdesk/data"
)

// OrderOptionInfo is an option as Smart Store's order files write it in 옵션정보: each option name with
// its value, "색상: 블랙 / 사이즈: M" (a 단독형 option: "색상: 블랙"); "" for a product without options.
func OrderOptionInfo(groups []OptionGroup, o Option) string {
	var parts []string
	for i, v := range o.Values {
		if v = strings.TrimSpace(v); v == "" || i >= len(groups) {
			continue
		}
		parts = append(parts, strings.TrimSpace(groups[i].Name)+": "+v)
	}
	return strings.Join(parts, " / ")
}

// SmartStoreCode is the 판매자 상품코드 SellerDesk gives a product whose Smart Store file row has none:
// "SS-" and its Smart Store 상품번호, or, without one, "SS-" and eight hex digits of its name. The same row
// always gets the same code, so the same file imported twice finds its products again; an order file's line
// without a 판매자 상품코드 gets the same code from its 상품번호 (or 상품명).
func SmartStoreCode(productNo, name string) string {
	if no := strings.TrimSpace(productNo); no != "" && strings.IndexFunc(no, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		return "SS-" + no
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("SS-%08X", h.Sum32())
}

// SmartStoreCodes are the codes an order line without 판매자 상품코드 may know its product by, most certain
// first: SmartStoreCode from its 상품번호, then from its 상품명 (a product registered from the 상품 일괄등록
// template, which has no 상품번호 yet, got its code from its name).
func SmartStoreCodes(productNo, name string) []string {
	var out []string
	for _, c := range []string{SmartStoreCode(productNo, ""), SmartStoreCode("", name)} {
		if c != "" && (len(out) == 0 || out[0] != c) {
			out = append(out, c)
		}
	}
	return out
}

// rememberOrderKeysTx links the 옵션정보 text of each live option of a product just registered to the option,
// so the order import finds the option of a line that has no 옵션관리코드 without the seller linking it
// by hand. Options with their own 옵션관리코드 are found by it and need none; a product without options is
// found by its code.
func rememberOrderKeysTx(ctx context.Context, tx *data.Tx, id int64, p Product) error {
	if p.OptionKind == OptionsNone || len(p.OptionGroups) == 0 {
		return nil
	}
	opts, err := data.OptionsOf(ctx, tx, id, false)
	if err != nil {
		return err
	}
	keys := make([]data.OrderKey, 0, len(opts))
	for _, o := range opts {
		if info := OrderOptionInfo(p.OptionGroups, Option{Values: o.Values}); info != "" {
			keys = append(keys, data.OrderKey{OptionInfo: info, OptionID: o.ID})
		}
	}
	return data.RememberOrderKeysTx(ctx, tx, strings.TrimSpace(p.Code), keys)
}
