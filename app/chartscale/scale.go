// Package chartscale is the arithmetic every chart shares — round axis ticks, the value-to-position scale,
// won written short on an axis and Korean dates for the axis labels — without Fyne, so the window's chart
// widget (views/chart), the PDF report (app/doc) and the tests draw and check the same axes.
package chartscale

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Axis is a value axis: its ends and the round values a label and a grid line go at.
type Axis struct {
	Min, Max float64
	Step     float64
	Ticks    []float64
}

// niceStep is the round step (1, 2, 2.5 or 5 × 10ⁿ, whole numbers only) nearest above raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	f := raw / base
	var nice float64
	switch {
	case f <= 1:
		nice = 1
	case f <= 2:
		nice = 2
	case f <= 2.5 && base >= 10: // 2.5 only where it stays whole (25, 250 …)
		nice = 2.5
	case f <= 5:
		nice = 5
	default:
		nice = 10
	}
	return nice * base
}

// NiceAxis is the axis of values from lo to hi with at most maxTicks round ticks: it always includes 0
// (a money chart that does not start at zero misleads), ends on a tick, and an empty or flat range still
// gets an axis (0 to 1, or 0 to the value).
func NiceAxis(lo, hi float64, maxTicks int) Axis {
	if maxTicks < 2 {
		maxTicks = 2
	}
	if lo > 0 {
		lo = 0
	}
	if hi < 0 {
		hi = 0
	}
	if hi == lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / float64(maxTicks-1))
	// integer values (won, counts) never get fractional ticks
	if step < 1 {
		step = 1
	}
	min := math.Floor(lo/step) * step
	max := math.Ceil(hi/step) * step
	for (max-min)/step+1 > float64(maxTicks) {
		step = niceStep(step * 1.01)
		min = math.Floor(lo/step) * step
		max = math.Ceil(hi/step) * step
	}
	a := Axis{Min: min, Max: max, Step: step}
	for v := min; v <= max+step/2; v += step {
		a.Ticks = append(a.Ticks, math.Round(v*1e6)/1e6)
	}
	return a
}

// Pos is where v falls between the axis ends, 0 at Min and 1 at Max.
func (a Axis) Pos(v float64) float64 {
	if a.Max == a.Min {
		return 0
	}
	return (v - a.Min) / (a.Max - a.Min)
}

// Scale maps v onto a length in pixels or points: from the start when flip is false, from the end (a
// vertical axis drawn downwards) when true.
func (a Axis) Scale(v, length float64, flip bool) float64 {
	p := a.Pos(v) * length
	if flip {
		return length - p
	}
	return p
}

// ShortWon writes an amount for an axis: 1.2억, 350만, 12만, 5,000, 0 (units 억 and 만, one decimal at most,
// a trailing .0 dropped).
func ShortWon(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	var s string
	switch {
	case v >= 1e8:
		s = short(v/1e8) + "억"
	case v >= 1e4:
		s = short(v/1e4) + "만"
	default:
		s = Group(int64(math.Round(v)))
	}
	if neg && s != "0" {
		return "-" + s
	}
	return s
}

func short(x float64) string {
	if x >= 100 {
		return Group(int64(math.Round(x)))
	}
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// ShortCount writes a count for an axis: 1.2만 above ten thousand, else grouped digits.
func ShortCount(v float64) string {
	if math.Abs(v) >= 1e4 {
		return ShortWon(v)
	}
	return Group(int64(math.Round(v)))
}

// Group writes n with thousands separators: 1234500 → 1,234,500.
func Group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// ExactWon is an amount in full for a tooltip: 1,234,500원.
func ExactWon(n int64) string { return Group(n) + "원" }

// DayLabel is a day for an axis: 11월 3일.
func DayLabel(t time.Time) string {
	return strconv.Itoa(int(t.Month())) + "월 " + strconv.Itoa(t.Day()) + "일"
}

// WeekLabel is the week starting on Monday monday: 11월 1주 (the n-th Monday of that month).
func WeekLabel(monday time.Time) string {
	return strconv.Itoa(int(monday.Month())) + "월 " + strconv.Itoa((monday.Day()-1)/7+1) + "주"
}

// MonthLabel is a month: 2026년 11월.
func MonthLabel(t time.Time) string {
	return strconv.Itoa(t.Year()) + "년 " + strconv.Itoa(int(t.Month())) + "월"
}

// ShortMonthLabel is a month on a crowded axis: 11월, with the year when it is January (2027년 1월).
func ShortMonthLabel(t time.Time) string {
	if t.Month() == time.January {
		return MonthLabel(t)
	}
	return strconv.Itoa(int(t.Month())) + "월"
}

// LabelEvery is how many category labels to skip so that n labels, each about labelWidth wide, fit in
// width without overlapping: 1 shows every label.
func LabelEvery(n int, labelWidth, width float64) int {
	if n <= 0 || width <= 0 || labelWidth <= 0 {
		return 1
	}
	fit := int(width / labelWidth)
	if fit < 1 {
		fit = 1
	}
	every := (n + fit - 1) / fit
	if every < 1 {
		every = 1
	}
	return every
}
