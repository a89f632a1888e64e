package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"sellerdesk/app/chartscale"
)

// geometry is where the plot and its axes go in a chart of a given size: the same numbers place the
// objects and find what the pointer is over.
type geometry struct {
	plot      fyne.Position // top left of the plot area
	w, h      float32       // plot size
	axis      chartscale.Axis
	n         int     // categories
	labelW    float32 // HBars: the label column
	textSize  float32
	legendTop float32
}

func (c *Chart) maxValue() (lo, hi float64) {
	for _, s := range c.series {
		for _, v := range s.Values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

func (c *Chart) geometry(size fyne.Size) geometry {
	pad := theme.Padding()
	ts := theme.CaptionTextSize()
	g := geometry{n: len(c.labels), textSize: ts}
	switch c.Kind {
	case Line, Bars:
		lo, hi := c.maxValue()
		ticks := int(math.Max(2, math.Min(6, float64(size.Height/(ts*3)))))
		g.axis = chartscale.NiceAxis(lo, hi, ticks)
		var left float32
		for _, t := range g.axis.Ticks {
			left = max(left, fyne.MeasureText(c.axisText(t), ts, fyne.TextStyle{}).Width)
		}
		top := pad
		if len(c.series) > 1 {
			g.legendTop = pad
			top += ts + pad*2
		}
		g.plot = fyne.NewPos(left+pad*2, top+ts/2)
		g.w = size.Width - g.plot.X - pad*2
		g.h = size.Height - g.plot.Y - ts - pad*3
	case HBars:
		var left float32
		for _, l := range c.labels {
			left = max(left, fyne.MeasureText(l, ts, fyne.TextStyle{}).Width)
		}
		g.labelW = min(left, size.Width*0.4)
		g.plot = fyne.NewPos(g.labelW+pad*2, pad)
		// leave room at the right for the value written after the longest bar
		_, hi := c.maxValue()
		valW := fyne.MeasureText(c.valueText(hi), ts, fyne.TextStyle{}).Width
		g.w = size.Width - g.plot.X - valW - pad*3
		g.h = size.Height - pad*2
		g.axis = chartscale.NiceAxis(0, hi, 2)
		g.axis.Max = math.Max(hi, 1)
	case Stacked:
		g.plot = fyne.NewPos(pad, pad)
		g.w = size.Width - pad*2
		g.h = theme.TextSize() * 2
	case Heat:
		var left float32
		for _, l := range c.labels {
			left = max(left, fyne.MeasureText(l, ts, fyne.TextStyle{}).Width)
		}
		g.plot = fyne.NewPos(left+pad*2, pad)
		g.w = size.Width - g.plot.X - pad
		g.h = size.Height - g.plot.Y - ts - pad*2
	}
	g.w, g.h = max(g.w, 1), max(g.h, 1)
	return g
}

// x is the centre of category i on a line or bar chart.
func (g geometry) x(c *Chart, i int) float32 {
	if c.Kind == Line {
		if g.n <= 1 {
			return g.plot.X + g.w/2
		}
		return g.plot.X + g.w*float32(i)/float32(g.n-1)
	}
	return g.plot.X + g.w*(float32(i)+0.5)/float32(g.n)
}

func (g geometry) y(v float64) float32 {
	return g.plot.Y + float32(g.axis.Scale(v, float64(g.h), true))
}

// hitTest finds the category (and heat map column) at p; -1 when none.
func (c *Chart) hitTest(p fyne.Position) (int, int) {
	if c.IsEmpty() || len(c.labels) == 0 {
		return -1, -1
	}
	g := c.geometry(c.Size())
	switch c.Kind {
	case Line, Bars:
		if p.X < g.plot.X-g.w/float32(2*g.n)-2 || p.X > g.plot.X+g.w+g.w/float32(2*g.n)+2 {
			return -1, -1
		}
		var i int
		if c.Kind == Line {
			if g.n == 1 {
				return 0, -1
			}
			i = int(math.Round(float64((p.X - g.plot.X) / g.w * float32(g.n-1))))
		} else {
			i = int((p.X - g.plot.X) / g.w * float32(g.n))
		}
		return clamp(i, g.n), -1
	case HBars:
		row := g.h / float32(g.n)
		i := int((p.Y - g.plot.Y) / row)
		if i < 0 || i >= g.n {
			return -1, -1
		}
		return i, -1
	case Stacked:
		if p.Y < g.plot.Y || p.Y > g.plot.Y+g.h {
			return -1, -1
		}
		total := sum(c.series[0].Values)
		x := g.plot.X
		for i, v := range c.series[0].Values {
			w := g.w * float32(v/total)
			if p.X >= x && p.X < x+w {
				return i, -1
			}
			x += w
		}
	case Heat:
		if len(c.cols) == 0 {
			return -1, -1
		}
		r := int((p.Y - g.plot.Y) / (g.h / float32(len(c.labels))))
		col := int((p.X - g.plot.X) / (g.w / float32(len(c.cols))))
		if r < 0 || r >= len(c.labels) || col < 0 || col >= len(c.cols) {
			return -1, -1
		}
		return r, col
	}
	return -1, -1
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i >= n {
		return n - 1
	}
	return i
}

type renderer struct {
	c       *Chart
	objects []fyne.CanvasObject
}

func (r *renderer) Destroy()                     {}
func (r *renderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *renderer) Refresh()                     { r.Layout(r.c.Size()); canvas.Refresh(r.c) }

func text(s string, size float32, col color.Color, pos fyne.Position, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, col)
	t.TextSize = size
	t.Alignment = align
	ms := fyne.MeasureText(s, size, t.TextStyle)
	switch align {
	case fyne.TextAlignTrailing:
		pos.X -= ms.Width
	case fyne.TextAlignCenter:
		pos.X -= ms.Width / 2
	}
	t.Move(pos)
	t.Resize(ms)
	return t
}

func line(x1, y1, x2, y2 float32, col color.Color, width float32) *canvas.Line {
	l := canvas.NewLine(col)
	l.StrokeWidth = width
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	return l
}

func rect(x, y, w, h float32, col color.Color) *canvas.Rectangle {
	b := canvas.NewRectangle(col)
	b.Move(fyne.NewPos(x, y))
	b.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return b
}

// Layout makes the chart's objects for its size: axes, grid, the series, the hover marker and tooltip.
func (r *renderer) Layout(size fyne.Size) {
	c := r.c
	objs := r.objects[:0]
	if size.Width <= 1 || size.Height <= 1 {
		r.objects = objs
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	if c.IsEmpty() || len(c.labels) == 0 {
		msg := c.emptyText()
		ts := theme.TextSize()
		objs = append(objs, rect(0, 0, size.Width, size.Height, theme.Color(theme.ColorNameInputBackground)),
			text(msg, ts, theme.Color(theme.ColorNamePlaceHolder), fyne.NewPos(size.Width/2, size.Height/2-ts/2), fyne.TextAlignCenter))
		r.objects = objs
		return
	}
	g := c.geometry(size)
	switch c.Kind {
	case Line, Bars:
		objs = r.axes(objs, g, size)
		if c.Kind == Line {
			objs = r.lines(objs, g)
		} else {
			objs = r.bars(objs, g)
		}
		if len(c.series) > 1 {
			objs = r.legend(objs, g, size)
		}
	case HBars:
		objs = r.hbars(objs, g, fg)
	case Stacked:
		objs = r.stacked(objs, g, fg)
	case Heat:
		objs = r.heatmap(objs, g, fg)
	}
	objs = r.tooltip(objs, size)
	r.objects = objs
}

func (r *renderer) axes(objs []fyne.CanvasObject, g geometry, size fyne.Size) []fyne.CanvasObject {
	c := r.c
	grid := theme.Color(theme.ColorNameSeparator)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	pad := theme.Padding()
	for _, t := range g.axis.Ticks {
		y := g.y(t)
		width := float32(1)
		col := grid
		if t == 0 {
			col = theme.Color(theme.ColorNameDisabled)
		}
		objs = append(objs, line(g.plot.X, y, g.plot.X+g.w, y, col, width),
			text(c.axisText(t), g.textSize, muted, fyne.NewPos(g.plot.X-pad, y-g.textSize*0.65), fyne.TextAlignTrailing))
	}
	// category labels: as many as fit without overlapping, always the first and the last
	widest := widestLabel(c.labels, g.textSize)
	every := chartscale.LabelEvery(g.n, float64(widest*1.3+pad*4), float64(g.w))
	var shown []int
	for i := 0; i < g.n; i += every {
		shown = append(shown, i)
	}
	// the last category is always labelled; the one before it gives way when they would touch
	if last := g.n - 1; last > 0 && shown[len(shown)-1] != last {
		if prev := shown[len(shown)-1]; prev > 0 && g.x(c, last)-g.x(c, prev) < widest*1.6+pad*2 {
			shown = shown[:len(shown)-1]
		}
		shown = append(shown, last)
	}
	y := g.plot.Y + g.h + pad
	for _, i := range shown {
		align := fyne.TextAlignCenter
		x := g.x(c, i)
		if c.Kind == Line && i == 0 && g.n > 1 {
			align = fyne.TextAlignLeading
		} else if c.Kind == Line && i == g.n-1 && g.n > 1 {
			align = fyne.TextAlignTrailing
		}
		objs = append(objs, text(c.labels[i], g.textSize, muted, fyne.NewPos(x, y), align))
	}
	return objs
}

func (r *renderer) lines(objs []fyne.CanvasObject, g geometry) []fyne.CanvasObject {
	c := r.c
	// the series drawn last is on top: draw the first (this period) last
	for s := len(c.series) - 1; s >= 0; s-- {
		col := palette(s)
		width := float32(2)
		if s > 0 {
			width = 1.5
		}
		vals := c.series[s].Values
		pts := make([]fyne.Position, 0, len(vals))
		for i := 0; i < len(vals) && i < g.n; i++ {
			pts = append(pts, fyne.NewPos(g.x(c, i), g.y(vals[i])))
		}
		if len(pts) > 1 {
			objs = append(objs, polyline(pts, col, width, c.Size()))
		}
		if g.n == 1 && len(vals) > 0 {
			dot := canvas.NewCircle(col)
			dot.Move(fyne.NewPos(g.x(c, 0)-3, g.y(vals[0])-3))
			dot.Resize(fyne.NewSize(6, 6))
			objs = append(objs, dot)
		}
	}
	if c.hover >= 0 && c.hover < g.n {
		x := g.x(c, c.hover)
		objs = append(objs, line(x, g.plot.Y, x, g.plot.Y+g.h, theme.Color(theme.ColorNameDisabled), 1))
		for s, ser := range c.series {
			if c.hover < len(ser.Values) {
				dot := canvas.NewCircle(palette(s))
				dot.StrokeColor = theme.Color(theme.ColorNameBackground)
				dot.StrokeWidth = 1.5
				y := g.y(ser.Values[c.hover])
				dot.Move(fyne.NewPos(x-4, y-4))
				dot.Resize(fyne.NewSize(8, 8))
				objs = append(objs, dot)
			}
		}
	}
	return objs
}

func (r *renderer) bars(objs []fyne.CanvasObject, g geometry) []fyne.CanvasObject {
	c := r.c
	slot := g.w / float32(g.n)
	group := slot * 0.7
	bw := group / float32(len(c.series))
	zero := g.y(0)
	for i := 0; i < g.n; i++ {
		x0 := g.x(c, i) - group/2
		for s, ser := range c.series {
			if i >= len(ser.Values) {
				continue
			}
			col := palette(s)
			if c.hover >= 0 && c.hover != i {
				col = fade(col, 0.6)
			}
			y := g.y(ser.Values[i])
			top, h := y, zero-y
			if h < 0 {
				top, h = zero, -h
			}
			objs = append(objs, rect(x0+float32(s)*bw, top, max(bw-1, 1), h, col))
		}
	}
	return objs
}

func (r *renderer) legend(objs []fyne.CanvasObject, g geometry, size fyne.Size) []fyne.CanvasObject {
	c := r.c
	pad := theme.Padding()
	x := g.plot.X
	for s, ser := range c.series {
		objs = append(objs, rect(x, g.legendTop+g.textSize*0.3, 12, 4, palette(s)))
		t := text(ser.Name, g.textSize, theme.Color(theme.ColorNameForeground), fyne.NewPos(x+16, g.legendTop-g.textSize*0.2), fyne.TextAlignLeading)
		objs = append(objs, t)
		x += 16 + t.Size().Width + pad*3
		if x > size.Width {
			break
		}
	}
	return objs
}

func (r *renderer) hbars(objs []fyne.CanvasObject, g geometry, fg color.Color) []fyne.CanvasObject {
	c := r.c
	pad := theme.Padding()
	row := g.h / float32(g.n)
	bh := min(row*0.7, theme.TextSize()*1.4)
	vals := c.series[0].Values
	for i, l := range c.labels {
		y := g.plot.Y + row*float32(i) + (row-bh)/2
		col := palette(0)
		if c.hover >= 0 && c.hover != i {
			col = fade(col, 0.6)
		}
		label := l
		for len(label) > 0 && fyne.MeasureText(label, g.textSize, fyne.TextStyle{}).Width > g.labelW {
			rs := []rune(label)
			label = string(rs[:len(rs)-2]) + "…"
		}
		objs = append(objs, text(label, g.textSize, fg, fyne.NewPos(g.plot.X-pad, y+bh/2-g.textSize*0.65), fyne.TextAlignTrailing))
		if i < len(vals) {
			w := g.w * float32(vals[i]/g.axis.Max)
			objs = append(objs, rect(g.plot.X, y, max(w, 1), bh, col),
				text(c.axisText(vals[i]), g.textSize, theme.Color(theme.ColorNamePlaceHolder),
					fyne.NewPos(g.plot.X+w+pad, y+bh/2-g.textSize*0.65), fyne.TextAlignLeading))
		}
	}
	return objs
}

func (r *renderer) stacked(objs []fyne.CanvasObject, g geometry, fg color.Color) []fyne.CanvasObject {
	c := r.c
	pad := theme.Padding()
	vals := c.series[0].Values
	total := sum(vals)
	x := g.plot.X
	for i, v := range vals {
		w := g.w * float32(v/total)
		col := palette(i)
		if c.hover >= 0 && c.hover != i {
			col = fade(col, 0.6)
		}
		objs = append(objs, rect(x, g.plot.Y, max(w-1, 0), g.h, col))
		x += w
	}
	// the legend: each entry with its share, side by side as far as they fit, the rest on the next lines
	y := g.plot.Y + g.h + pad*2
	items, _ := flowLegend(c.stackedEntries(), g.w, g.textSize)
	for i, it := range items {
		lx, ly := g.plot.X+it.x, y+float32(it.row)*legendRowHeight(g.textSize)
		objs = append(objs, rect(lx, ly+g.textSize*0.2, legendSwatch-4, legendSwatch-4, palette(i)),
			text(it.text, g.textSize, fg, fyne.NewPos(lx+legendSwatch, ly-g.textSize*0.1), fyne.TextAlignLeading))
	}
	return objs
}

// legendSwatch is the room of a legend entry's colour square before its text.
const legendSwatch = 14

// legendRowHeight is the height of one line of the share bar's legend.
func legendRowHeight(ts float32) float32 { return ts + theme.Padding()*1.5 }

// stackedEntries are the share bar's legend texts: each category with its share ("스마트스토어 95%").
func (c *Chart) stackedEntries() []string {
	if len(c.series) == 0 {
		return nil
	}
	vals := c.series[0].Values
	total := sum(vals)
	var out []string
	for i, l := range c.labels {
		if i >= len(vals) {
			break
		}
		share := 0.0
		if total != 0 {
			share = vals[i] / total
		}
		out = append(out, l+" "+percent(share))
	}
	return out
}

// legendItem is one placed legend entry: its left edge, its line, and its text (shortened when needed).
type legendItem struct {
	x    float32
	row  int
	text string
}

// flowLegend places the entries left to right with a gap between them and starts a new line before an
// entry that would not fit in width, so no entry runs into the next one's colour; an entry wider than a
// whole line is shortened with "…". It returns the entries placed and the number of lines.
func flowLegend(entries []string, width, ts float32) ([]legendItem, int) {
	gap := theme.Padding() * 3
	items := make([]legendItem, 0, len(entries))
	x, row := float32(0), 0
	for _, e := range entries {
		w := legendSwatch + fyne.MeasureText(e, ts, fyne.TextStyle{}).Width
		if w > width {
			e = shorten(e, width-legendSwatch, ts)
			w = legendSwatch + fyne.MeasureText(e, ts, fyne.TextStyle{}).Width
		}
		if x > 0 && x+w > width {
			x, row = 0, row+1
		}
		items = append(items, legendItem{x: x, row: row, text: e})
		x += w + gap
	}
	if len(items) == 0 {
		return items, 0
	}
	return items, row + 1
}

// shorten cuts s, with "…", until it is no wider than w.
func shorten(s string, w, ts float32) string {
	rs := []rune(s)
	for len(rs) > 0 && fyne.MeasureText(string(rs)+"…", ts, fyne.TextStyle{}).Width > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func (r *renderer) heatmap(objs []fyne.CanvasObject, g geometry, fg color.Color) []fyne.CanvasObject {
	c := r.c
	pad := theme.Padding()
	var hi float64
	for _, row := range c.heat {
		for _, v := range row {
			hi = math.Max(hi, v)
		}
	}
	rows, cols := len(c.labels), len(c.cols)
	if cols == 0 {
		return objs
	}
	cw, ch := g.w/float32(cols), g.h/float32(rows)
	base := theme.Color(theme.ColorNamePrimary)
	empty := theme.Color(theme.ColorNameInputBackground)
	for i := 0; i < rows; i++ {
		objs = append(objs, text(c.labels[i], g.textSize, fg, fyne.NewPos(g.plot.X-pad, g.plot.Y+ch*float32(i)+ch/2-g.textSize*0.65), fyne.TextAlignTrailing))
		for j := 0; j < cols; j++ {
			var v float64
			if i < len(c.heat) && j < len(c.heat[i]) {
				v = c.heat[i][j]
			}
			col := empty
			if v > 0 && hi > 0 {
				col = fade(base, 0.12+0.88*v/hi)
			}
			cell := rect(g.plot.X+cw*float32(j)+0.5, g.plot.Y+ch*float32(i)+0.5, cw-1, ch-1, col)
			if c.hover == i && c.hoverCol == j {
				cell.StrokeColor, cell.StrokeWidth = fg, 1.5
			}
			objs = append(objs, cell)
		}
	}
	every := chartscale.LabelEvery(cols, float64(fyne.MeasureText("00", g.textSize, fyne.TextStyle{}).Width+pad*2), float64(g.w))
	for j := 0; j < cols; j += every {
		objs = append(objs, text(c.cols[j], g.textSize, theme.Color(theme.ColorNamePlaceHolder),
			fyne.NewPos(g.plot.X+cw*float32(j)+cw/2, g.plot.Y+g.h+pad/2), fyne.TextAlignCenter))
	}
	return objs
}

// tooltip draws the hovered category's values in a box beside the pointer, kept inside the chart.
func (r *renderer) tooltip(objs []fyne.CanvasObject, size fyne.Size) []fyne.CanvasObject {
	lines := r.c.tooltipLines()
	if len(lines) == 0 {
		return objs
	}
	pad := theme.Padding()
	ts := theme.CaptionTextSize()
	var w float32
	for _, l := range lines {
		w = max(w, fyne.MeasureText(l, ts, fyne.TextStyle{Bold: true}).Width)
	}
	w += pad * 3
	h := float32(len(lines))*(ts+pad) + pad*2
	x, y := r.c.pointer.X+12, r.c.pointer.Y-h-8
	if x+w > size.Width {
		x = r.c.pointer.X - w - 12
	}
	x = max(0, x)
	if y < 0 {
		y = r.c.pointer.Y + 16
	}
	box := rect(x, y, w, h, theme.Color(theme.ColorNameOverlayBackground))
	box.StrokeColor, box.StrokeWidth, box.CornerRadius = theme.Color(theme.ColorNameSeparator), 1, 4
	objs = append(objs, box)
	for i, l := range lines {
		t := text(l, ts, theme.Color(theme.ColorNameForeground), fyne.NewPos(x+pad*1.5, y+pad+float32(i)*(ts+pad)), fyne.TextAlignLeading)
		t.TextStyle.Bold = i == 0
		objs = append(objs, t)
	}
	return objs
}

// widestLabel measures the labels with the most letters: a year of days has 365 labels of a few widths,
// and measuring each would cost more than drawing the chart.
func widestLabel(labels []string, size float32) float32 {
	most := 0
	for _, l := range labels {
		most = max(most, len([]rune(l)))
	}
	var widest float32
	measured := 0
	for _, l := range labels {
		if len([]rune(l)) >= most-1 && measured < 8 {
			widest = max(widest, fyne.MeasureText(l, size, fyne.TextStyle{}).Width)
			measured++
		}
	}
	return widest
}
