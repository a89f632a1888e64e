// Package limits states, once, the largest (and smallest) number each kind of value may hold, and reads
// numbers against them without ever wrapping. A value outside its limit is a typo or a broken file, never
// a real sale: 9223372036854775807 pieces must not become -9223372036854775808, and 10¹⁸ pieces must not
// drive stock to -10¹⁸. Every reader (order and product files) and every form (product editor, manual
// order) checks the same limits, so a value the editor refuses is refused in a file too.
//
// The limits leave room for sums: 200,000 order lines (sheet.MaxOrderRows) of the largest line amount
// add up to 2×10¹⁶ won, and a million stored lines to 10¹⁷, both far below int64's 9.2×10¹⁸, so totals
// over valid values never overflow.
package limits

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Range is the values one kind of number may take, with the unit the seller reads it in.
type Range struct {
	Min, Max int64
	Unit     string // "개", "원", "g", written after the number in messages
}

// The limits. Each says why it is where it is.
var (
	// Qty is one order line's quantity. 99,999 is Smart Store's own ceiling on a quantity and more than
	// any retail or wholesale line a small seller writes; a quantity must be at least 1.
	Qty = Range{Min: 1, Max: 99_999, Unit: "개"}

	// Price is a product's 판매가, an order line's 상품가격 and a manual order's unit price: ₩1,000,000,000
	// (10억) is above any retail price (Smart Store stops well below it) and still leaves Qty×Price far from
	// overflow.
	Price = Range{Min: 0, Max: 1_000_000_000, Unit: "원"}

	// Cost is a product's 원가, bounded like its price: a cost above the largest price is a typo.
	Cost = Range{Min: 0, Max: 1_000_000_000, Unit: "원"}

	// ExtraPrice is an option's 옵션가 (or an order line's 옵션가격). It may be negative (a cheaper
	// option); its size is bounded like a price.
	ExtraPrice = Range{Min: -1_000_000_000, Max: 1_000_000_000, Unit: "원"}

	// Amount is one order line's total (총 주문금액) and its discount: ₩100,000,000,000 (1,000억) holds any
	// real line and keeps the sum of a million lines within int64 (see the package comment).
	Amount = Range{Min: 0, Max: 100_000_000_000, Unit: "원"}

	// ShippingFee is one order's shipping fee, extra fee or shipping discount: ₩10,000,000 (1,000만) covers
	// freight by truck; more is a price typed into the wrong column.
	ShippingFee = Range{Min: 0, Max: 10_000_000, Unit: "원"}

	// Stock is one option's stock: 9,999,999 pieces holds a wholesaler's warehouse (screws, stickers sold
	// by the piece). A product that allows back orders may go below zero, by as much.
	Stock = Range{Min: 0, Max: 9_999_999, Unit: "개"}

	// SafetyStock is one option's 안전재고, a warning level within the stock's own range.
	SafetyStock = Range{Min: 0, Max: 9_999_999, Unit: "개"}

	// Weight is a product's weight in grams: 1,000,000 g (1 t) is a pallet; more is kilograms typed as
	// grams or a misplaced price. Customs and courier rules check the real thresholds elsewhere.
	Weight = Range{Min: 0, Max: 1_000_000, Unit: "g"}
)

// MaxCombinations is the most sellable combinations (조합형 옵션) one product may have. The editor lists
// every combination as a row with its own stock; 1,000 rows is the most a seller can look after, and it
// is the ceiling Korean shop builders put on generated combinations. Counted before building, so a
// file with huge option lists is refused without building them.
const MaxCombinations = 1000

// Reason says why a text or value is not within its Range.
type Reason int

// The reasons.
const (
	OK        Reason = iota
	Empty            // no number at all
	NotNumber        // letters, a fraction, an exponent written as text ("12E5")
	TooSmall         // below Min (a negative value where none is allowed, or a quantity of 0)
	TooLarge         // above Max, including anything int64 cannot hold
)

// Check says whether v is within r.
func (r Range) Check(v int64) Reason {
	switch {
	case v < r.Min:
		return TooSmall
	case v > r.Max:
		return TooLarge
	}
	return OK
}

// Parse reads a whole number as sellers and spreadsheets write it ("19,800", "19,800원", "5개", "1200g",
// "19800.0" as Excel stores a whole number) and checks it against r. It never wraps: a number of any length
// beyond int64 is TooLarge (or TooSmall when negative), not a different number. An exponent ("12E5") is
// NotNumber: a spreadsheet cell holding one is text the seller typed, and reading it as 1,200,000 would
// guess.
func (r Range) Parse(text string) (int64, Reason) {
	s := strings.TrimSpace(text)
	if r.Unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, r.Unit))
	}
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, Empty
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	// "19800.0", "19800.00": Excel's raw value of a whole number formatted as such
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, NotNumber
		}
		s = s[:i]
	}
	if s == "" {
		return 0, NotNumber
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, r.exponent(text)
		}
	}
	// digits only: ParseUint fails only on range, and then the number is beyond any limit
	u, err := strconv.ParseUint(s, 10, 64)
	if err != nil || u > math.MaxInt64 {
		if neg {
			return 0, TooSmall
		}
		return 0, TooLarge
	}
	v := int64(u)
	if neg {
		v = -v
	}
	if why := r.Check(v); why != OK {
		return 0, why
	}
	return v, OK
}

// exponent says why a text that is not plain digits fails: a number written with an exponent ("1E+18",
// as a spreadsheet writes a huge value) is beyond the range when its value is, so the seller reads the
// limit; any other text, "12E5" within the range included, is NotNumber.
func (r Range) exponent(text string) Reason {
	s := strings.ReplaceAll(strings.TrimSpace(text), ",", "")
	if !strings.ContainsAny(s, "eE") {
		return NotNumber
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange), math.IsNaN(f):
		return NotNumber
	case f > float64(r.Max):
		return TooLarge
	case f < float64(r.Min):
		return TooSmall
	}
	return NotNumber
}

// ParseInt reads text as a whole number from 0 to max, for callers with a one-off bound.
func ParseInt(text string, max int64) (int64, bool, Reason) {
	v, why := Range{Min: 0, Max: max}.Parse(text)
	return v, why == OK, why
}

// Combinations counts the combinations of groups of the given sizes (the product of the sizes) without
// overflowing: ok is false when the count is beyond MaxCombinations, and then count is only a lower bound.
// No group (or an empty one) makes no combination.
func Combinations(sizes ...int) (count int, ok bool) {
	if len(sizes) == 0 {
		return 0, true
	}
	count = 1
	for _, n := range sizes {
		if n <= 0 {
			return 0, true
		}
		if count > MaxCombinations/n {
			// count×n > MaxCombinations, found without computing count×n
			return MaxCombinations + 1, false
		}
		count *= n
	}
	return count, true
}

// Mul multiplies two values within the limits without overflow: ok is false when a×b does not fit int64.
func Mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}
