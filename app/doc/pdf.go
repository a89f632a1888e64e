package doc

import (
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"sellerdesk/assets"
)

// The one font family every document uses, registered under this name in regular and bold.
const family = "nanum"

// pageAlias is replaced by the page count when the file is written.
const pageAlias = "{nb}"

// Paper sizes in mm.
var (
	sizeA4    = gofpdf.SizeType{Wd: 210, Ht: 297}
	size4x6in = gofpdf.SizeType{Wd: 101.6, Ht: 152.4}
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The palette: near-black text, grey for labels and rules, a pale fill for header rows and label cells and
// a dark navy for titles. Printed documents stay readable in black and white.
var (
	colText   = rgb{25, 25, 25}
	colMuted  = rgb{100, 100, 100}
	colRule   = rgb{140, 140, 140}
	colFill   = rgb{234, 238, 244}
	colAccent = rgb{28, 52, 94}
	colWhite  = rgb{255, 255, 255}
)

// pdf is a gofpdf document with the page box and the drawing helpers the four documents share.
type pdf struct {
	*gofpdf.Fpdf
	left, top, right, bottom float64 // the content box in mm from the page's top left corner
}

// meta describes a document for the PDF's information dictionary.
type meta struct {
	title   string    // 문서 제목, shown by PDF viewers
	subject string    // optional
	author  string    // the store's name, optional
	created time.Time // written as the creation date, so that the same input gives the same file
}

// newPDF starts a portrait document of the given size with the given margin (mm) all round, the
// NanumGothic faces registered and the metadata set. Page breaks are the caller's to make (see ensure):
// automatic breaks would split table rows.
func newPDF(size gofpdf.SizeType, margin float64, m meta) *pdf {
	f := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	f.AliasNbPages(pageAlias) // before fonts: gofpdf sizes the UTF-8 subsets by it
	f.AddUTF8FontFromBytes(family, "", assets.FontRegularTTF())
	f.AddUTF8FontFromBytes(family, "B", assets.FontBoldTTF())
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, margin)
	f.SetCellMargin(0)
	f.SetTitle(m.title, true)
	f.SetSubject(m.subject, true)
	f.SetAuthor(m.author, true)
	f.SetCreator("셀러데스크", true)
	f.SetCatalogSort(true)
	created := m.created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // never the clock: output must be reproducible
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetLineWidth(0.2)
	return &pdf{Fpdf: f, left: margin, top: margin, right: size.Wd - margin, bottom: size.Ht - margin}
}

// contentWidth is the width of the content box.
func (p *pdf) contentWidth() float64 { return p.right - p.left }

// font selects NanumGothic, bold or not, at size points.
func (p *pdf) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(family, style, size)
}

// ink sets the text colour.
func (p *pdf) ink(c rgb) { p.SetTextColor(c.r, c.g, c.b) }

// fill sets the fill colour.
func (p *pdf) fill(c rgb) { p.SetFillColor(c.r, c.g, c.b) }

// stroke sets the line colour.
func (p *pdf) stroke(c rgb) { p.SetDrawColor(c.r, c.g, c.b) }

// lineHeight is a comfortable line height in mm for text of size points.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.45 }

// text draws s on one line in the box (x, y, w, h), vertically centred and aligned "L", "C" or "R",
// shortened with … when it does not fit.
func (p *pdf) text(x, y, w, h float64, s, align string) {
	p.SetXY(x, y)
	p.CellFormat(w, h, p.fit(s, w), "", 0, align+"M", false, 0, "")
}

// lines draws already wrapped lines from (x, y), each lh high, aligned in width w, and returns the y below.
func (p *pdf) lines(x, y, w, lh float64, ls []string, align string) float64 {
	for _, l := range ls {
		p.SetXY(x, y)
		p.CellFormat(w, lh, l, "", 0, align+"M", false, 0, "")
		y += lh
	}
	return y
}

// paragraph wraps s to the content width at the current y and draws it, starting a new page (and calling
// newPage, if set, to draw what tops a continued page) whenever the next line would cross the bottom margin.
func (p *pdf) paragraph(s string, size, indent float64, newPage func()) {
	p.font(false, size)
	lh := lineHeight(size)
	for _, l := range p.wrap(s, p.contentWidth()-indent, 0) {
		if p.ensure(lh) && newPage != nil {
			newPage()
			p.font(false, size)
		}
		p.SetXY(p.left+indent, p.GetY())
		p.CellFormat(p.contentWidth()-indent, lh, l, "", 2, "LM", false, 0, "")
	}
}

// ensure starts a new page when h mm no longer fit above the bottom margin, and reports whether it did.
// The page header (SetHeaderFunc) leaves y where the content starts.
func (p *pdf) ensure(h float64) bool {
	if p.GetY()+h <= p.bottom {
		return false
	}
	p.AddPage()
	return true
}

// rule draws a horizontal line across the content box at y.
func (p *pdf) rule(y float64, c rgb, width float64) {
	p.stroke(c)
	p.SetLineWidth(width)
	p.Line(p.left, y, p.right, y)
	p.SetLineWidth(0.2)
}

// pageNumbers puts "left · page x / y" in small grey type at the foot of every page, on the bottom margin.
func (p *pdf) pageNumbers(left string) {
	p.SetFooterFunc(func() {
		y := p.bottom + 2
		p.rule(p.bottom+1, colRule, 0.1)
		p.font(false, 7.5)
		p.ink(colMuted)
		p.text(p.left, y, p.contentWidth()*0.7, 4, left, "L")
		// The count is unknown until the end, so the alias is drawn left-aligned from where a right-aligned
		// "x / y" of the same width would start.
		label := fmt.Sprintf("%d / ", p.PageNo())
		room := p.width(label) + p.width(fmt.Sprint(p.PageNo()))
		p.SetXY(p.right-room, y)
		p.CellFormat(room, 4, label+pageAlias, "", 0, "LM", false, 0, "")
	})
}

// finish writes the document to w, reporting any drawing error gofpdf kept. gofpdf builds the whole file
// in memory and writes nothing after an error, so a failure never leaves half a PDF in w.
func (p *pdf) finish(w io.Writer, document string) error {
	if w == nil {
		return renderFailed(document, errNoWriter)
	}
	if err := p.Output(w); err != nil {
		return renderFailed(document, err)
	}
	return nil
}
