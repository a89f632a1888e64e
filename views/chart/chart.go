// Package chart draws the charts of SellerDesk's screens — lines (one or several series), vertical and
// horizontal bars, stacked share bars and a heat map — with Fyne canvas objects, so they are crisp at any
// scale and follow the light or dark theme. The axis arithmetic (round ticks, won written short, Korean
// dates) is app/chartscale's, shared with the PDF reports. Hovering a point or bar shows its exact value;
// tapping it calls OnTapped; a chart with nothing to show says so instead of drawing an empty box.
package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/chartscale"
)

// Kind is how a chart draws its values.
type Kind int

// The kinds of chart.
const (
	Line    Kind = iota // a line per series over the categories (days, weeks, months)
	Bars                // vertical bars, grouped per category when there are several series
	HBars               // horizontal bars, one row per category (a ranking)
	Stacked             // one bar split into the categories' shares (the payment mix)
	Heat                // a grid of rows × columns, darker for more (weekday × hour)
)

// Series is one named run of values, one per category.
type Series struct {
	Name   string
	Values []float64
}

// EmptyText is what a chart with nothing to show says.
const EmptyText = "이 기간에 매출이 없습니다"

// Chart is the chart widget. Set its data with SetData (or SetHeat) from the UI goroutine.
type Chart struct {
	widget.BaseWidget

	Kind Kind
	// Money makes the axis read in short won (1.2억, 350만; 120M, 3.5M in English) and the tooltip in exact
	// won (1,234,500원); otherwise counts (1.2만, 350; 12K in English).
	Money bool
	// Empty replaces EmptyText (a translation key) when set.
	Empty string
	// OnTapped is called with the category tapped (a point, a bar, a heat map row).
	OnTapped func(category int)
	// MinHeight is the chart's smallest height (default 200).
	MinHeight float32

	labels []string
	series []Series
	// heat map
	cols []string
	heat [][]float64

	hover    int // category under the pointer; -1 none
	hoverCol int
	pointer  fyne.Position
}

// New makes a chart of a kind; fill it with SetData.
func New(kind Kind) *Chart {
	c := &Chart{Kind: kind, hover: -1, hoverCol: -1}
	c.ExtendBaseWidget(c)
	return c
}

// NewLine is a line chart of the categories (x axis labels) and series.
func NewLine(labels []string, series ...Series) *Chart {
	c := New(Line)
	c.labels, c.series = labels, series
	return c
}

// NewBars is a vertical bar chart.
func NewBars(labels []string, series ...Series) *Chart {
	c := New(Bars)
	c.labels, c.series = labels, series
	return c
}

// NewHBars is a horizontal bar ranking of one series.
func NewHBars(labels []string, values []float64) *Chart {
	c := New(HBars)
	c.labels, c.series = labels, []Series{{Values: values}}
	return c
}

// NewStacked is one bar split into the categories' shares of the total.
func NewStacked(labels []string, values []float64) *Chart {
	c := New(Stacked)
	c.labels, c.series = labels, []Series{{Values: values}}
	return c
}

// NewHeat is a heat map: rows (labels) × columns, cells[row][col].
func NewHeat(rows, cols []string, cells [][]float64) *Chart {
	c := New(Heat)
	c.labels, c.cols, c.heat = rows, cols, cells
	return c
}

// SetData replaces the categories and series and redraws.
func (c *Chart) SetData(labels []string, series ...Series) {
	c.labels, c.series = labels, series
	c.hover = -1
	c.Refresh()
}

// SetHeat replaces a heat map's cells and redraws.
func (c *Chart) SetHeat(rows, cols []string, cells [][]float64) {
	c.labels, c.cols, c.heat = rows, cols, cells
	c.hover = -1
	c.Refresh()
}

// Labels are the categories shown (for tests).
func (c *Chart) Labels() []string { return c.labels }

// IsEmpty reports whether the chart has nothing to draw (every value zero or none).
func (c *Chart) IsEmpty() bool {
	if c.Kind == Heat {
		for _, r := range c.heat {
			for _, v := range r {
				if v != 0 {
					return false
				}
			}
		}
		return true
	}
	for _, s := range c.series {
		for _, v := range s.Values {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

// MinSize keeps room for the axes and a readable plot.
func (c *Chart) MinSize() fyne.Size {
	h := c.MinHeight
	if h == 0 {
		h = 200
	}
	if c.Kind == HBars {
		row := theme.TextSize() + 2*theme.InnerPadding()
		h = max(h, float32(len(c.labels))*row/2)
	}
	if c.Kind == Stacked {
		h = c.stackedHeight()
	}
	return fyne.NewSize(240, h)
}

// stackedHeight is the height the share bar needs: the bar and every line of its legend as laid out at
// the chart's width (before its first layout, a width of stackedGuessWidth).
func (c *Chart) stackedHeight() float32 {
	pad := theme.Padding()
	w := c.Size().Width
	if w <= 0 {
		w = stackedGuessWidth
	}
	g := c.geometry(fyne.NewSize(w, 0))
	_, rows := flowLegend(c.stackedEntries(), g.w, g.textSize)
	return g.plot.Y + g.h + pad*2 + float32(rows)*legendRowHeight(g.textSize) + pad
}

// stackedGuessWidth is the width a share bar's legend is measured for before the chart was laid out.
const stackedGuessWidth = 360

// CreateRenderer builds the renderer; its objects are made again at each layout.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	return &renderer{c: c}
}

// MouseIn starts showing the value under the pointer.
func (c *Chart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the value under the pointer.
func (c *Chart) MouseMoved(e *desktop.MouseEvent) {
	i, col := c.hitTest(e.Position)
	c.pointer = e.Position
	if i != c.hover || col != c.hoverCol {
		c.hover, c.hoverCol = i, col
		c.Refresh()
	}
}

// MouseOut hides the value.
func (c *Chart) MouseOut() {
	if c.hover != -1 {
		c.hover, c.hoverCol = -1, -1
		c.Refresh()
	}
}

// Tapped opens the category under the pointer.
func (c *Chart) Tapped(e *fyne.PointEvent) {
	i, _ := c.hitTest(e.Position)
	c.hover, c.pointer = i, e.Position
	c.Refresh()
	if i >= 0 && c.OnTapped != nil {
		c.OnTapped(i)
	}
}

// HoverAt shows the value of the category at p as a hover would (for tests and keyboard use).
func (c *Chart) HoverAt(p fyne.Position) {
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
}

// Tooltip is the text the hover shows now ("" when none).
func (c *Chart) Tooltip() string {
	lines := c.tooltipLines()
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}

func (c *Chart) valueText(v float64) string {
	if c.Money {
		return chartscale.ExactWon(int64(math.Round(v)))
	}
	return chartscale.Group(int64(math.Round(v)))
}

func (c *Chart) axisText(v float64) string {
	u := axisUnits()
	if c.Money {
		return u.Won(v)
	}
	return u.Count(v)
}

// EnglishUnitsName is what the translation of "억·만" (the short units an axis writes big numbers in) says
// in a language that counts in thousands and millions: its axes read 120K, 3.5M instead of 12만, 350만.
const EnglishUnitsName = "K·M"

// axisUnits is the unit system of the UI language, told by the translation of "억·만".
func axisUnits() chartscale.Units {
	if lang.L("억·만") == EnglishUnitsName {
		return chartscale.EnglishUnits
	}
	return chartscale.KoreanUnits
}

func (c *Chart) tooltipLines() []string {
	if c.hover < 0 || c.hover >= len(c.labels) {
		return nil
	}
	if c.Kind == Heat {
		if c.hoverCol < 0 || c.hover >= len(c.heat) || c.hoverCol >= len(c.heat[c.hover]) {
			return nil
		}
		return []string{c.labels[c.hover] + " " + c.cols[c.hoverCol], c.valueText(c.heat[c.hover][c.hoverCol])}
	}
	lines := []string{c.labels[c.hover]}
	for _, s := range c.series {
		if c.hover >= len(s.Values) {
			continue
		}
		t := c.valueText(s.Values[c.hover])
		if c.Kind == Stacked {
			if total := sum(s.Values); total > 0 {
				t += " (" + percent(s.Values[c.hover]/total) + ")"
			}
		}
		if s.Name != "" {
			t = s.Name + ": " + t
		}
		lines = append(lines, t)
	}
	return lines
}

func sum(v []float64) float64 {
	var t float64
	for _, x := range v {
		t += x
	}
	return t
}

func percent(x float64) string {
	return chartscale.Group(int64(math.Round(x*100))) + "%"
}

// emptyText is the empty chart's sentence in the UI language.
func (c *Chart) emptyText() string {
	if c.Empty != "" {
		return lang.L(c.Empty)
	}
	return lang.L(EmptyText)
}

// palette is the series' colours, from the theme so they follow light and dark (a violet between the
// theme's blue-ish primary and its reds, and grey for the rest, where the theme has nothing distinct).
func palette(i int) color.Color {
	names := []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameWarning, theme.ColorNameSuccess,
		theme.ColorNameError}
	switch {
	case i < len(names):
		return theme.Color(names[i])
	case i == len(names):
		return color.NRGBA{R: 0x8e, G: 0x5c, B: 0xd9, A: 0xff}
	}
	return fade(theme.Color(theme.ColorNameForeground), 0.45)
}

// fade mixes a colour towards transparent: a of 1 keeps it.
func fade(c color.Color, a float64) color.Color {
	r, g, b, al := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(float64(al>>8) * a)}
}
