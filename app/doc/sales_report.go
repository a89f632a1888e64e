package doc

import (
	"io"
	"math"
	"time"

	"sellerdesk/app/chartscale"
)

// SalesReportDoc is a 매출 보고서 as the PDF prints it: plain figures and texts, made by app/sales.
type SalesReportDoc struct {
	Store   string // the store's name, in the header and on every page's foot
	Period  string // 2026.11.01 – 2026.11.30
	Compare string // what the figures are compared with: "이전 기간 (2026.10.01 – 2026.10.31)"
	Rule    string // the rule line, in small type
	Made    time.Time
	Figures []SalesFigure
	Notes   []string // lines under the figures (이익률, the share without a cost)
	Trend   SalesTrend
	Ranks   []SalesRanking // top products, categories …
	Mix     []SalesShare   // the payment mix, as a stacked bar
	MixName string
}

// SalesFigure is one line of the summary: the figure now, before, and the change in words.
type SalesFigure struct {
	Label, Now, Then, Change string
}

// SalesTrend is the trend chart: one value per category (day, week, month), this period and the
// compared one when given.
type SalesTrend struct {
	Title    string
	Labels   []string
	Values   []float64
	Earlier  []float64 // may be nil
	Names    [2]string // the series' names for the legend
	Currency bool
}

// SalesRanking is a ranking drawn as horizontal bars.
type SalesRanking struct {
	Title string
	Rows  []SalesShare
}

// SalesShare is one bar or segment: its label, amount and share of the whole (0..1).
type SalesShare struct {
	Label string
	Value int64
	Share float64
}

// series colours: the accent for this period, a warm grey for the earlier one, then a few for the mix
var (
	colSeries  = []rgb{{28, 52, 94}, {214, 120, 40}, {60, 140, 90}, {170, 60, 60}, {110, 90, 160}, {120, 120, 120}}
	colEarlier = rgb{200, 150, 110}
	colGrid    = rgb{215, 215, 215}
)

// SalesReport writes the report as an A4 PDF drawn in vector: summary, trend chart, rankings and the
// payment mix; the store's name and the page number at the foot of each page.
func SalesReport(w io.Writer, d SalesReportDoc) error {
	p := newPDF(sizeA4, 15, meta{title: "매출 보고서 " + d.Period, author: d.Store, created: d.Made})
	p.pageNumbers(d.Store + " · 매출 보고서 " + d.Period)
	p.AddPage()
	// heading
	p.font(true, 18)
	p.ink(colAccent)
	p.text(p.left, p.top, p.contentWidth(), 9, "매출 보고서", "L")
	p.font(false, 10)
	p.ink(colText)
	p.text(p.left, p.top+10, p.contentWidth(), 5, d.Store, "L")
	p.text(p.left, p.top+10, p.contentWidth(), 5, d.Period, "R")
	p.rule(p.top+17, colAccent, 0.5)
	y := p.top + 21
	y = salesFigures(p, d, y)
	y = salesTrend(p, d.Trend, y+4, 78)
	for _, r := range d.Ranks {
		h := 8 + float64(len(r.Rows))*6.5
		if y+h > p.bottom-2 {
			p.AddPage()
			y = p.top
		}
		y = salesRanking(p, r, y+4)
	}
	if len(d.Mix) > 0 {
		if y+34 > p.bottom-2 {
			p.AddPage()
			y = p.top
		}
		salesMix(p, d.MixName, d.Mix, y+4)
	}
	return p.finish(w, "매출 보고서")
}

func salesFigures(p *pdf, d SalesReportDoc, y float64) float64 {
	cols := []float64{p.contentWidth() * 0.28, p.contentWidth() * 0.24, p.contentWidth() * 0.24, p.contentWidth() * 0.24}
	heads := []string{"항목", "이번 기간", d.Compare, "증감"}
	p.fill(colFill)
	p.Rect(p.left, y, p.contentWidth(), 7, "F")
	p.font(true, 9)
	p.ink(colText)
	x := p.left
	for i, h := range heads {
		align := "R"
		if i == 0 {
			align = "L"
		}
		p.text(x+1.5, y, cols[i]-3, 7, h, align)
		x += cols[i]
	}
	y += 7
	p.font(false, 9.5)
	for _, f := range d.Figures {
		x = p.left
		for i, v := range []string{f.Label, f.Now, f.Then, f.Change} {
			align := "R"
			if i == 0 {
				align = "L"
			}
			p.text(x+1.5, y, cols[i]-3, 6.2, v, align)
			x += cols[i]
		}
		y += 6.2
		p.rule(y, colGrid, 0.1)
	}
	p.font(false, 8)
	p.ink(colMuted)
	for _, n := range append(d.Notes, d.Rule) {
		y += 1
		p.text(p.left, y, p.contentWidth(), 4.5, n, "L")
		y += 4
	}
	p.ink(colText)
	return y
}

// salesTrend draws the trend as lines on round ticks (the axis arithmetic of the window's chart).
func salesTrend(p *pdf, t SalesTrend, y, h float64) float64 {
	p.font(true, 10)
	p.ink(colText)
	p.text(p.left, y, p.contentWidth(), 6, t.Title, "L")
	y += 8
	var lo, hi float64
	for _, s := range [][]float64{t.Values, t.Earlier} {
		for _, v := range s {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if len(t.Labels) == 0 || (lo == 0 && hi == 0) {
		p.fill(colFill)
		p.Rect(p.left, y, p.contentWidth(), h-10, "F")
		p.font(false, 10)
		p.ink(colMuted)
		p.text(p.left, y, p.contentWidth(), h-10, "이 기간에 매출이 없습니다", "C")
		return y + h - 10
	}
	axis := chartscale.NiceAxis(lo, hi, 6)
	p.font(false, 7.5)
	var labelW float64
	for _, tk := range axis.Ticks {
		labelW = math.Max(labelW, p.width(chartscale.ShortWon(tk)))
	}
	x0, w := p.left+labelW+2, p.contentWidth()-labelW-2
	top, ph := y+2, h-20
	yOf := func(v float64) float64 { return top + axis.Scale(v, ph, true) }
	for _, tk := range axis.Ticks {
		yy := yOf(tk)
		p.stroke(colGrid)
		if tk == 0 {
			p.stroke(colRule)
		}
		p.SetLineWidth(0.15)
		p.Line(x0, yy, x0+w, yy)
		p.ink(colMuted)
		p.text(p.left, yy-2, labelW, 4, chartscale.ShortWon(tk), "R")
	}
	n := len(t.Labels)
	xOf := func(i int) float64 {
		if n == 1 {
			return x0 + w/2
		}
		return x0 + w*float64(i)/float64(n-1)
	}
	line := func(vals []float64, c rgb, width float64) {
		if len(vals) == 0 {
			return
		}
		p.stroke(c)
		p.SetLineWidth(width)
		p.SetLineJoinStyle("round")
		var pts []struct{ X, Y float64 }
		for i, v := range vals {
			if i >= n {
				break
			}
			pts = append(pts, struct{ X, Y float64 }{xOf(i), yOf(v)})
		}
		for i := 1; i < len(pts); i++ {
			p.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
		}
		if len(pts) == 1 {
			p.fill(c)
			p.Circle(pts[0].X, pts[0].Y, 0.8, "F")
		}
	}
	line(t.Earlier, colEarlier, 0.4)
	line(t.Values, colSeries[0], 0.6)
	// category labels that fit
	var widest float64
	for _, l := range t.Labels {
		widest = math.Max(widest, p.width(l))
	}
	every := chartscale.LabelEvery(n, widest+3, w)
	p.ink(colMuted)
	for i := 0; i < n; i += every {
		align := "C"
		x := xOf(i) - widest/2 - 1
		if i == 0 && n > 1 {
			align, x = "L", xOf(i)
		}
		p.text(x, top+ph+1.5, widest+2, 4, t.Labels[i], align)
	}
	// legend
	ly := top + ph + 7
	lx := x0
	for i, name := range t.Names {
		if name == "" || (i == 1 && t.Earlier == nil) {
			continue
		}
		c := colSeries[0]
		if i == 1 {
			c = colEarlier
		}
		p.fill(c)
		p.Rect(lx, ly+1.3, 6, 1.4, "F")
		p.ink(colText)
		p.text(lx+7.5, ly, p.width(name)+1, 4, name, "L")
		lx += 12 + p.width(name) + 4
	}
	p.ink(colText)
	return ly + 6
}

func salesRanking(p *pdf, r SalesRanking, y float64) float64 {
	p.font(true, 10)
	p.ink(colText)
	p.text(p.left, y, p.contentWidth(), 6, r.Title, "L")
	y += 7
	if len(r.Rows) == 0 {
		p.font(false, 9)
		p.ink(colMuted)
		p.text(p.left, y, p.contentWidth(), 5, "이 기간에 매출이 없습니다", "L")
		return y + 6
	}
	labelW := p.contentWidth() * 0.34
	valueW := 38.0
	barW := p.contentWidth() - labelW - valueW - 4
	var hi int64 = 1
	for _, x := range r.Rows {
		if x.Value > hi {
			hi = x.Value
		}
	}
	p.font(false, 8.5)
	for _, x := range r.Rows {
		p.ink(colText)
		p.text(p.left, y, labelW-2, 5.5, x.Label, "L")
		bw := barW * float64(x.Value) / float64(hi)
		p.fill(colSeries[0])
		p.Rect(p.left+labelW, y+1, math.Max(bw, 0.3), 3.5, "F")
		p.ink(colMuted)
		p.text(p.left+labelW+barW+2, y, valueW+2, 5.5, chartscale.ExactWon(x.Value)+"  "+pct(x.Share), "R")
		y += 6.5
	}
	return y
}

func pct(x float64) string {
	return chartscale.Group(int64(math.Round(x*1000))/10) + "." + chartscale.Group(int64(math.Round(x*1000))%10) + "%"
}

func salesMix(p *pdf, title string, mix []SalesShare, y float64) float64 {
	p.font(true, 10)
	p.ink(colText)
	p.text(p.left, y, p.contentWidth(), 6, title, "L")
	y += 8
	x := p.left
	for i, m := range mix {
		w := p.contentWidth() * m.Share
		c := colSeries[i%len(colSeries)]
		p.fill(c)
		p.Rect(x, y, math.Max(w-0.3, 0), 8, "F")
		x += w
	}
	y += 11
	p.font(false, 8.5)
	colW := p.contentWidth() / 3
	for i, m := range mix {
		lx := p.left + colW*float64(i%3)
		ly := y + float64(i/3)*5.5
		c := colSeries[i%len(colSeries)]
		p.fill(c)
		p.Rect(lx, ly+1, 3, 3, "F")
		p.ink(colText)
		p.text(lx+4.5, ly, colW-6, 5, m.Label+" "+pct(m.Share)+" · "+chartscale.ShortWon(float64(m.Value)), "L")
	}
	return y + float64((len(mix)+2)/3)*5.5
}
