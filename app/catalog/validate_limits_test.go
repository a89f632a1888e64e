package catalog

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

func limitsProduct() Product {
	return Product{Code: "LIM-01", Name: "한계 시험 상품", Price: 19800, Status: StatusSale, TaxType: Taxable,
		OptionKind: OptionsNone, Options: []Option{{Usable: true, Stock: 5}}}
}

func TestValidateProductLimits(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Product)
		field  string // "" when the product is valid
		says   string
	}{
		{"price at the limit", func(p *Product) { p.Price = 1_000_000_000 }, "", ""},
		{"price 10^12", func(p *Product) { p.Price = 1_000_000_000_000 }, "price", "1,000,000,000원 이하"},
		{"price max int64", func(p *Product) { p.Price = 1<<63 - 1 }, "price", "1,000,000,000원 이하"},
		{"cost beyond", func(p *Product) { p.Cost = 1_000_000_001 }, "cost", "1,000,000,000원 이하"},
		{"weight beyond", func(p *Product) { p.WeightGrams = 1_000_001 }, "weight", "1,000,000g 이하"},
		{"stock at the limit", func(p *Product) { p.Options[0].Stock = 9_999_999 }, "", ""},
		{"stock 10^18", func(p *Product) { p.Options[0].Stock = 1e18 }, "option.0.stock", "9,999,999개 이하"},
		{"back order -10^18", func(p *Product) { p.AllowBackorder = true; p.Options[0].Stock = -1e18 }, "option.0.stock", "-9,999,999개 이상"},
		{"safety stock beyond", func(p *Product) { p.Options[0].SafetyStock = 10_000_000 }, "option.0.safety_stock", "9,999,999개 이하"},
		{"extra price beyond", func(p *Product) { p.Options[0].ExtraPrice = -1 << 62 }, "option.0.extra_price", "1,000,000,000원 사이"},
		{"too many combinations", func(p *Product) {
			p.OptionKind = OptionsCombination
			p.OptionGroups = []OptionGroup{{Name: "색상", Values: values("색", 40)}, {Name: "사이즈", Values: values("S", 30)}}
			p.Options = CombineOptions(p.OptionKind, p.OptionGroups, nil)
		}, "options", "색상 40개 × 사이즈 30개"},
		{"too many single options", func(p *Product) {
			p.OptionKind = OptionsSingle
			p.OptionGroups = []OptionGroup{{Name: "색상", Values: values("색", 1001)}}
			p.Options = CombineOptions(p.OptionKind, p.OptionGroups, nil)
		}, "options", "1,000개까지"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := limitsProduct()
			tt.change(&p)
			err := ValidateProduct(p)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("valid product refused: %v", err)
				}
				return
			}
			var ae *apperr.Error
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want an invalid field %s", err, tt.field)
			}
			if got := ae.Fields[tt.field]; !strings.Contains(got, tt.says) {
				t.Errorf("field %s says %q, want %q (all: %v)", tt.field, got, tt.says, ae.Fields)
			}
		})
	}
}

func values(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return out
}

// TestCombineOptionsBounded: groups that would make 10⁹ combinations are refused from their count, and
// CombineOptions builds at most MaxCombinations of them, the same first ones the full list starts with.
func TestCombineOptionsBounded(t *testing.T) {
	huge := []OptionGroup{{Name: "A", Values: values("a", 1000)}, {Name: "B", Values: values("b", 1000)}, {Name: "C", Values: values("c", 1000)}}
	if n, ok := CombinationCount(OptionsCombination, huge); ok || n <= MaxCombinations {
		t.Errorf("count = %d, %v; want refused beyond %d", n, ok, MaxCombinations)
	}
	err := CheckCombinations(OptionsCombination, huge)
	if apperr.ErrorCode(err) != apperr.ErrInvalid || !strings.Contains(apperr.Message(err), "1,000개까지") {
		t.Errorf("CheckCombinations = %v, want an invalid error naming the limit", err)
	}
	opts := CombineOptions(OptionsCombination, huge, nil)
	if len(opts) != MaxCombinations {
		t.Fatalf("built %d options, want at most %d", len(opts), MaxCombinations)
	}
	if got := strings.Join(opts[0].Values, "/"); got != "a1/b1/c1" {
		t.Errorf("first = %s", got)
	}
	if got := strings.Join(opts[999].Values, "/"); got != "a1/b1/c1000" {
		t.Errorf("last built = %s, want the last group varying fastest", got)
	}
	small := []OptionGroup{{Name: "색상", Values: []string{"블랙", " 화이트 "}}, {Name: "사이즈", Values: []string{"M", "L", "XL"}}}
	if n, ok := CombinationCount(OptionsCombination, small); !ok || n != 6 {
		t.Errorf("small count = %d, %v", n, ok)
	}
	if err := CheckCombinations(OptionsCombination, small); err != nil {
		t.Errorf("small refused: %v", err)
	}
	var got []string
	for _, o := range CombineOptions(OptionsCombination, small, nil) {
		got = append(got, strings.Join(o.Values, "/"))
	}
	if want := "블랙/M 블랙/L 블랙/XL 화이트/M 화이트/L 화이트/XL"; strings.Join(got, " ") != want {
		t.Errorf("combinations = %v, want %s", got, want)
	}
}
