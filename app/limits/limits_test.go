package limits

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		r    Range
		text string
		want int64
		why  Reason
	}{
		{"plain", Qty, "3", 3, OK},
		{"comma", Price, "1,234", 1234, OK},
		{"won suffix", Price, "19,800원", 19800, OK},
		{"unit suffix", Qty, "5개", 5, OK},
		{"excel float", Price, "19800.0", 19800, OK},
		{"at max", Qty, "99,999", 99999, OK},
		{"one over max", Qty, "100000", 0, TooLarge},
		{"max int64", Qty, "9223372036854775807", 0, TooLarge},
		{"beyond int64", Qty, "92233720368547758070", 0, TooLarge},
		{"1e18", Stock, "1000000000000000000", 0, TooLarge},
		{"price 1e12", Price, "1000000000000", 0, TooLarge},
		{"negative", Qty, "-1", 0, TooSmall},
		{"zero quantity", Qty, "0", 0, TooSmall},
		{"negative price", Price, "-500", 0, TooSmall},
		{"min int64", Price, "-9223372036854775808", 0, TooSmall},
		{"beyond min int64", ExtraPrice, "-99999999999999999999", 0, TooSmall},
		{"negative extra price", ExtraPrice, "-3,000", -3000, OK},
		{"exponent as text", Price, "12E5", 0, NotNumber},
		{"exponent beyond the limit", Qty, "1E+18", 0, TooLarge},
		{"exponent below the limit", Price, "-1e300", 0, TooSmall},
		{"infinite exponent", Qty, "1e999", 0, TooLarge},
		{"not a number", Qty, "NaN", 0, NotNumber},
		{"infinity word", Qty, "Inf", 0, NotNumber},
		{"fraction", Qty, "1.5", 0, NotNumber},
		{"letters", Qty, "두 개", 0, NotNumber},
		{"empty", Qty, "", 0, Empty},
		{"spaces", Qty, "   ", 0, Empty},
		{"sign only", Qty, "-", 0, NotNumber},
		{"dot only", Qty, ".", 0, NotNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := tt.r.Parse(tt.text)
			if got != tt.want || why != tt.why {
				t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.text, got, why, tt.want, tt.why)
			}
		})
	}
}

func TestParseInt(t *testing.T) {
	if v, ok, _ := ParseInt("9,999,999", Stock.Max); !ok || v != 9999999 {
		t.Errorf("ParseInt(9,999,999) = %d, %v", v, ok)
	}
	if _, ok, why := ParseInt("10000000", Stock.Max); ok || why != TooLarge {
		t.Errorf("ParseInt(10000000) ok=%v why=%v; want refused as too large", ok, why)
	}
}

func TestCombinations(t *testing.T) {
	tests := []struct {
		sizes []int
		count int
		ok    bool
	}{
		{nil, 0, true},
		{[]int{3, 4}, 12, true},
		{[]int{10, 10, 10}, 1000, true},
		{[]int{10, 10, 11}, MaxCombinations + 1, false},
		{[]int{1000, 1000, 1000}, MaxCombinations + 1, false},
		{[]int{math.MaxInt, math.MaxInt, math.MaxInt}, MaxCombinations + 1, false},
		{[]int{5, 0, 7}, 0, true},
	}
	for _, tt := range tests {
		count, ok := Combinations(tt.sizes...)
		if count != tt.count || ok != tt.ok {
			t.Errorf("Combinations(%v) = %d, %v; want %d, %v", tt.sizes, count, ok, tt.count, tt.ok)
		}
	}
}

func TestMul(t *testing.T) {
	if v, ok := Mul(Qty.Max, Price.Max); !ok || v != 99_999_000_000_000 {
		t.Errorf("Mul(max qty, max price) = %d, %v", v, ok)
	}
	if _, ok := Mul(math.MaxInt64, 2); ok {
		t.Error("Mul(MaxInt64, 2) did not report the overflow")
	}
	if _, ok := Mul(-1, math.MinInt64); ok {
		t.Error("Mul(-1, MinInt64) did not report the overflow")
	}
}

func TestSay(t *testing.T) {
	tests := []struct {
		r     Range
		label string
		why   Reason
		text  string
		want  string
	}{
		{Qty, "수량", TooLarge, "9223372036854775807", "수량은 99,999개 이하여야 합니다('9223372036854775807')."},
		{Price, "판매가", TooLarge, "", "판매가는 1,000,000,000원 이하여야 합니다."},
		{Qty, "수량", TooSmall, "0", "수량은 1개 이상이어야 합니다('0')."},
		{Amount, "총 주문금액", TooSmall, "-500", "총 주문금액은 0 이상이어야 합니다('-500')."},
		{Amount, "총 주문금액", Empty, "", "총 주문금액이 비어 있습니다."},
	}
	for _, tt := range tests {
		if got := tt.r.Say(tt.label, tt.why, tt.text); got != tt.want {
			t.Errorf("Say = %q; want %q", got, tt.want)
		}
	}
}
