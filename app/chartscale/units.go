package chartscale

import (
	"math"
	"strconv"
	"strings"
)

// Units is how an axis writes big numbers short: Korean counts in 만 (10⁴) and 억 (10⁸), English in
// thousands (K), millions (M) and billions (B). 1,234,500 is 123.5만 in Korean and 1.2M in English.
type Units int

// The unit systems.
const (
	KoreanUnits  Units = iota // 1.2억, 350만, 12만, 5,000
	EnglishUnits              // 120M, 3.5M, 120K, 5K
)

// Won writes an amount for an axis in the unit system (no currency sign or word: the axis is money).
func (u Units) Won(v float64) string {
	if u == EnglishUnits {
		return englishShort(v, 1e3)
	}
	return ShortWon(v)
}

// Count writes a count for an axis: short from ten thousand up, else grouped digits (12,500 → 1.3만 or
// 12.5K; 9,999 stays 9,999 in both).
func (u Units) Count(v float64) string {
	if u == EnglishUnits {
		return englishShort(v, 1e4)
	}
	return ShortCount(v)
}

var englishUnits = []struct {
	size float64
	name string
}{{1e3, "K"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}}

// englishShort writes v with the largest English unit it reaches (from `from` up; below, grouped digits),
// one decimal at most below 100 of the unit, a trailing .0 dropped; a value that rounds up to 1,000 of a
// unit is written in the next (999,960 → 1M, not 1,000K).
func englishShort(v, from float64) string {
	neg := v < 0
	v = math.Abs(v)
	s := Group(int64(math.Round(v)))
	if v >= from {
		for i := len(englishUnits) - 1; i >= 0; i-- {
			u := englishUnits[i]
			if v < u.size && i > 0 {
				continue
			}
			x := v / u.size
			if x >= 100 {
				x = math.Round(x)
			} else {
				x = math.Round(x*10) / 10
			}
			if x >= 1000 && i+1 < len(englishUnits) {
				x = math.Round(v/englishUnits[i+1].size*10) / 10
				u = englishUnits[i+1]
			}
			if x >= 100 {
				s = Group(int64(x)) + u.name
			} else {
				s = strings.TrimSuffix(strconv.FormatFloat(x, 'f', 1, 64), ".0") + u.name
			}
			break
		}
	}
	if neg && s != "0" {
		return "-" + s
	}
	return s
}
