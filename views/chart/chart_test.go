package chart

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"sellerdesk/app/chartscale"
)

// texts lists every text the chart draws now.
func texts(c *Chart) []string {
	var out []string
	for _, o := range test.LaidOutObjects(c) {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

func hasText(c *Chart, s string) bool {
	for _, t := range texts(c) {
		if t == s {
			return true
		}
	}
	return false
}

func days(n int) []string {
	var out []string
	d := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		out = append(out, chartscale.DayLabel(d.AddDate(0, 0, i)))
	}
	return out
}

func TestEmptyChartSaysSo(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []*Chart{NewLine(days(30), Series{Name: "이번", Values: make([]float64, 30)}), NewLine(nil),
		NewHBars(nil, nil), NewStacked([]string{"카드"}, []float64{0}), NewHeat([]string{"월"}, []string{"00"}, [][]float64{{0}})} {
		c.Resize(fyne.NewSize(400, 240))
		if !hasText(c, EmptyText) {
			t.Errorf("kind %d: empty chart shows %v, want %q", c.Kind, texts(c), EmptyText)
		}
	}
}

func TestLineAxesAndHover(t *testing.T) {
	test.NewTempApp(t)
	vals := make([]float64, 30)
	last := make([]float64, 30)
	for i := range vals {
		vals[i] = float64(100000 * (i + 1)) // up to 300만
		last[i] = 50000
	}
	vals[2] = 1234500
	c := NewLine(days(30), Series{Name: "이번 기간", Values: vals}, Series{Name: "작년", Values: last})
	c.Money = true
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(700, 300))
	// round won on the axis, written short
	for _, want := range []string{"0", "100만", "200만", "300만", "11월 1일", "11월 30일", "이번 기간", "작년"} {
		if !hasText(c, want) {
			t.Errorf("axis lacks %q: %v", want, texts(c))
		}
	}
	// 30 labels do not all fit in 700 px: some are skipped, none overlap
	if n := strings.Count(strings.Join(texts(c), "|"), "월 "); n >= 30 {
		t.Errorf("%d day labels drawn on a 700 px axis", n)
	}
	g := c.geometry(c.Size())
	c.HoverAt(fyne.NewPos(g.x(c, 2), g.y(vals[2])))
	if got, want := c.Tooltip(), "11월 3일\n이번 기간: 1,234,500원\n작년: 50,000원"; got != want {
		t.Errorf("tooltip = %q, want %q", got, want)
	}
	if !hasText(c, "이번 기간: 1,234,500원") {
		t.Error("the tooltip is not drawn")
	}
	c.MouseOut()
	if c.Tooltip() != "" || hasText(c, "이번 기간: 1,234,500원") {
		t.Error("the tooltip stays after the pointer left")
	}
	tapped := -1
	c.OnTapped = func(i int) { tapped = i }
	test.TapAt(c, fyne.NewPos(g.x(c, 10), g.plot.Y+10))
	if tapped != 10 {
		t.Errorf("tapped category %d, want 10", tapped)
	}
}

func TestBarsRankingStackedHeat(t *testing.T) {
	test.NewTempApp(t)
	h := NewHBars([]string{"린넨 셔츠", "코튼 양말", "울 가디건"}, []float64{3500000, 1200000, 120000})
	h.Money = true
	h.Resize(fyne.NewSize(500, 200))
	for _, want := range []string{"린넨 셔츠", "350만", "120만", "12만"} {
		if !hasText(h, want) {
			t.Errorf("ranking lacks %q: %v", want, texts(h))
		}
	}
	g := h.geometry(h.Size())
	h.HoverAt(fyne.NewPos(g.plot.X+5, g.plot.Y+g.h/3*1.5))
	if got := h.Tooltip(); got != "코튼 양말\n1,200,000원" {
		t.Errorf("ranking tooltip %q", got)
	}
	s := NewStacked([]string{"신용카드", "계좌이체", "포인트"}, []float64{50, 30, 20})
	s.Resize(fyne.NewSize(600, 120))
	for _, want := range []string{"신용카드 50%", "계좌이체 30%", "포인트 20%"} {
		if !hasText(s, want) {
			t.Errorf("share bar lacks %q: %v", want, texts(s))
		}
	}
	s.HoverAt(fyne.NewPos(s.geometry(s.Size()).plot.X+s.geometry(s.Size()).w*0.6, s.geometry(s.Size()).plot.Y+2))
	if got := s.Tooltip(); got != "계좌이체\n30 (30%)" {
		t.Errorf("share tooltip %q", got)
	}
	cells := [][]float64{make([]float64, 24), make([]float64, 24)}
	cells[1][13] = 7
	m := NewHeat([]string{"월", "화"}, hours(), cells)
	m.Resize(fyne.NewSize(600, 120))
	mg := m.geometry(m.Size())
	m.HoverAt(fyne.NewPos(mg.plot.X+mg.w/24*13.5, mg.plot.Y+mg.h*0.75))
	if got := m.Tooltip(); got != "화 13시\n7" {
		t.Errorf("heat tooltip %q", got)
	}
	b := NewBars([]string{"1월", "2월"}, Series{Values: []float64{3, 7}})
	b.Resize(fyne.NewSize(300, 200))
	if !hasText(b, "1월") || !hasText(b, "8") {
		t.Errorf("bars: %v", texts(b))
	}
}

func hours() []string {
	var out []string
	for h := 0; h < 24; h++ {
		out = append(out, strings.TrimPrefix(time.Date(0, 1, 1, h, 0, 0, 0, time.UTC).Format("15"), "")+"시")
	}
	return out
}

// TestFollowsTheme draws the same chart in light and dark: the line's colour is the theme's primary and
// the axis text its foreground-derived colour, so the two pictures differ. It writes them to
// testdata/failed for a look when CHART_PNG is set.
func TestFollowsTheme(t *testing.T) {
	a := test.NewTempApp(t)
	vals := make([]float64, 60)
	for i := range vals {
		vals[i] = float64((i%7+3)*150000 + i*20000)
	}
	c := NewLine(days(60), Series{Name: "이번 기간", Values: vals}, Series{Name: "작년", Values: vals[5:]})
	c.Money = true
	c.Resize(fyne.NewSize(800, 300))
	a.Settings().SetTheme(theme.LightTheme())
	light := software.Render(c, theme.LightTheme())
	a.Settings().SetTheme(theme.DarkTheme())
	c.Refresh()
	dark := software.Render(c, theme.DarkTheme())
	if light.At(400, 150) == dark.At(400, 150) && light.At(10, 10) == dark.At(10, 10) {
		t.Error("light and dark pictures are the same")
	}
	if os.Getenv("CHART_PNG") != "" {
		dir := filepath.Join("testdata", "failed")
		os.MkdirAll(dir, 0o755)
		for name, img := range map[string]image.Image{"line-light.png": light, "line-dark.png": dark} {
			f, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}

// BenchmarkLine365x2 lays out and draws a year of days in two series (this year and last) at a screen
// chart's size: the budget is one frame, 16 ms.
func BenchmarkLine365x2(b *testing.B) {
	test.NewTempApp(b)
	a := make([]float64, 365)
	p := make([]float64, 365)
	for i := range a {
		a[i] = float64(1000000 + (i*7919)%500000)
		p[i] = float64(900000 + (i*104729)%400000)
	}
	c := NewLine(days(365), Series{Name: "올해", Values: a}, Series{Name: "작년", Values: p})
	c.Money = true
	c.Resize(fyne.NewSize(1000, 320))
	r := c.CreateRenderer()
	for b.Loop() {
		r.Layout(fyne.NewSize(1000, 320))
		software.Render(c, theme.LightTheme())
	}
}

// BenchmarkLine365x2Layout is the layout alone (what the UI goroutine does before the driver paints).
func BenchmarkLine365x2Layout(b *testing.B) {
	test.NewTempApp(b)
	a := make([]float64, 365)
	for i := range a {
		a[i] = float64(1000000 + (i*7919)%500000)
	}
	c := NewLine(days(365), Series{Name: "올해", Values: a}, Series{Name: "작년", Values: a})
	c.Resize(fyne.NewSize(1000, 320))
	r := c.CreateRenderer()
	for b.Loop() {
		r.Layout(fyne.NewSize(1000, 320))
	}
}
