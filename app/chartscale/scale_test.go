package chartscale

import (
	"image/color"
	"reflect"
	"testing"
	"time"
)

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		max    int
		ticks  []float64
	}{
		{0, 0, 5, []float64{0, 1}},
		{0, 1, 5, []float64{0, 1}},
		{0, 7, 5, []float64{0, 2, 4, 6, 8}},
		{0, 10, 6, []float64{0, 2, 4, 6, 8, 10}},
		{0, 1234500, 6, []float64{0, 250000, 500000, 750000, 1000000, 1250000}},
		{0, 98_000_000, 5, []float64{0, 25_000_000, 50_000_000, 75_000_000, 100_000_000}},
		{0, 3_500_000, 5, []float64{0, 1_000_000, 2_000_000, 3_000_000, 4_000_000}},
		{-30000, 120000, 6, []float64{-50000, 0, 50000, 100000, 150000}},
		{5, 9, 5, []float64{0, 5, 10}},
		{0, 3, 10, []float64{0, 1, 2, 3}},
	} {
		a := NiceAxis(c.lo, c.hi, c.max)
		if !reflect.DeepEqual(a.Ticks, c.ticks) {
			t.Errorf("NiceAxis(%v, %v, %d) = %v, want %v", c.lo, c.hi, c.max, a.Ticks, c.ticks)
		}
		if len(a.Ticks) > c.max {
			t.Errorf("NiceAxis(%v, %v, %d): %d ticks", c.lo, c.hi, c.max, len(a.Ticks))
		}
		if a.Min > c.lo || a.Max < c.hi {
			t.Errorf("NiceAxis(%v, %v): axis %v..%v does not cover the values", c.lo, c.hi, a.Min, a.Max)
		}
	}
}

func TestScale(t *testing.T) {
	a := NiceAxis(0, 100, 6)
	if got := a.Scale(50, 200, false); got != 100 {
		t.Errorf("Scale(50) = %v, want 100", got)
	}
	if got := a.Scale(100, 200, true); got != 0 {
		t.Errorf("Scale(100, flip) = %v, want 0 (top)", got)
	}
	if got := a.Scale(0, 200, true); got != 200 {
		t.Errorf("Scale(0, flip) = %v, want 200 (bottom)", got)
	}
}

func TestShortWon(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {5000, "5,000"}, {9999, "9,999"}, {10000, "1만"}, {120000, "12만"}, {125000, "12.5만"},
		{3_500_000, "350만"}, {12_000_000, "1,200만"}, {120_000_000, "1.2억"}, {100_000_000, "1억"},
		{2_350_000_000, "23.5억"}, {-120000, "-12만"}, {99_990_000, "9,999만"},
	} {
		if got := ShortWon(c.v); got != c.want {
			t.Errorf("ShortWon(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestExactWon(t *testing.T) {
	for n, want := range map[int64]string{0: "0원", 1234500: "1,234,500원", -45000: "-45,000원", 999: "999원"} {
		if got := ExactWon(n); got != want {
			t.Errorf("ExactWon(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDateLabels(t *testing.T) {
	d := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	if got := DayLabel(d); got != "11월 3일" {
		t.Errorf("DayLabel = %q", got)
	}
	if got := WeekLabel(time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)); got != "11월 1주" {
		t.Errorf("WeekLabel = %q", got)
	}
	if got := WeekLabel(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); got != "11월 5주" {
		t.Errorf("WeekLabel(30) = %q", got)
	}
	if got := MonthLabel(d); got != "2026년 11월" {
		t.Errorf("MonthLabel = %q", got)
	}
	if got := ShortMonthLabel(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); got != "2027년 1월" {
		t.Errorf("ShortMonthLabel(Jan) = %q", got)
	}
}

func TestLabelEvery(t *testing.T) {
	for _, c := range []struct {
		n         int
		lw, width float64
		want      int
	}{
		{7, 50, 700, 1}, {365, 60, 900, 25}, {30, 60, 600, 3}, {0, 60, 600, 1}, {12, 60, 0, 1},
	} {
		if got := LabelEvery(c.n, c.lw, c.width); got != c.want {
			t.Errorf("LabelEvery(%d, %v, %v) = %d, want %d", c.n, c.lw, c.width, got, c.want)
		}
	}
}

func TestPolyline(t *testing.T) {
	img := Polyline(100, 50, []Point{{0, 40}, {50, 10}, {100, 40}}, color.NRGBA{255, 0, 0, 255}, 2)
	if _, _, _, a := img.At(50, 10).RGBA(); a == 0 {
		t.Error("the peak is not drawn")
	}
	if _, _, _, a := img.At(50, 45).RGBA(); a != 0 {
		t.Error("the line spills below itself")
	}
	if _, _, _, a := img.At(25, 25).RGBA(); a == 0 {
		t.Error("the first segment's middle is not drawn")
	}
}
