package doc

import (
	"io"
	"strings"
	"time"

	"sellerdesk/app/format"
)

// PolicyDoc is the store's return and exchange policy (반품·교환 안내) as a printable page, to put in parcels
// or send to a customer.
type PolicyDoc struct {
	Title     string          // 제목; empty means "반품·교환 안내"
	Store     Store           // the store: its name heads the page, its contacts close every page
	Sections  []PolicySection // 항목, in order; at least one
	Generated time.Time       // 작성일
}

// PolicySection is one part of a policy: a heading and its text. In Body a blank line starts a new
// paragraph and a line starting with "- ", "• " or "· " is a bullet point; other line breaks are kept.
type PolicySection struct {
	Heading string // 1. 반품·교환 기간
	Body    string
}

// validate checks what the seller can fix before anything is drawn.
func (d PolicyDoc) validate() error {
	bad := map[string]string{}
	if blank(d.Store.Name) {
		bad["store"] = "상점 이름을 입력해 주세요."
	}
	has := false
	for _, s := range d.Sections {
		has = has || !blank(s.Heading) || !blank(s.Body)
	}
	if !has {
		bad["sections"] = "안내할 내용이 없습니다. 항목을 하나 이상 작성해 주세요."
	}
	return invalid("반품 안내문", bad, []string{"store", "sections"})
}

// ReturnPolicy writes d as an A4 document: the title and store, each section's heading and wrapped text,
// the date it was written, and the store's contacts and page x / y at the foot of every page.
func ReturnPolicy(w io.Writer, d PolicyDoc) error {
	if err := d.validate(); err != nil {
		return err
	}
	title := strings.TrimSpace(d.Title)
	if title == "" {
		title = "반품·교환 안내"
	}
	p := newPDF(sizeA4, 20, meta{title: title, subject: d.Store.Name + " " + title, author: d.Store.Name, created: d.Generated})
	p.SetHeaderFunc(func() {
		if p.PageNo() > 1 {
			p.font(false, 8.5)
			p.ink(colMuted)
			p.text(p.left, p.top-6, p.contentWidth(), 5, d.Store.Name+" · "+title, "R")
		}
	})
	s := d.Store
	p.pageNumbers(joinNonBlank("  ·  ", s.Name, prefixed("사업자등록번호 ", s.BusinessNumber), s.Phone, s.Email))
	p.AddPage()

	y := p.top
	p.font(true, 10)
	p.ink(colAccent)
	p.text(p.left, y, p.contentWidth(), 6, d.Store.Name, "L")
	p.font(true, 22)
	p.ink(colText)
	p.text(p.left, y+7, p.contentWidth(), 11, title, "L")
	p.font(false, 9)
	p.ink(colMuted)
	p.text(p.left, y+11, p.contentWidth(), 6, "작성일 "+format.Date(d.Generated), "R")
	p.rule(y+20, colAccent, 0.6)
	p.SetY(y + 26)

	for _, sec := range d.Sections {
		policySection(p, sec)
	}
	return p.finish(w, "반품 안내문")
}

const (
	policySize   = 10    // body text in points
	bulletIndent = 5.0   // mm from the left of a bullet's text
	sectionGap   = 5.0   // mm before each heading
	paraGap      = 2.0   // mm between paragraphs
	bulletMark   = "•"   // drawn before bullet points
	bulletLeads  = "-•·" // what starts a bullet line in Body
)

// policySection draws a heading, kept on the page with the first lines of its text, then the body.
func policySection(p *pdf, sec PolicySection) {
	lh := lineHeight(policySize) * 1.1
	if h := strings.TrimSpace(sec.Heading); h != "" {
		p.SetY(p.GetY() + sectionGap)
		p.ensure(8 + 2*lh) // never a heading alone at the foot of a page
		y := p.GetY()
		p.fill(colAccent)
		p.Rect(p.left, y+1, 1.2, 5, "F")
		p.font(true, 12)
		p.ink(colAccent)
		p.text(p.left+3.5, y, p.contentWidth()-3.5, 7, h, "L")
		p.SetY(y + 9)
	}
	for _, para := range strings.Split(strings.ReplaceAll(sec.Body, "\r\n", "\n"), "\n\n") {
		if blank(para) {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(para), "\n") {
			policyLine(p, line, lh)
		}
		p.SetY(p.GetY() + paraGap)
	}
}

// policyLine wraps and draws one line of a body, as a bullet point when it starts with one.
func policyLine(p *pdf, line string, lh float64) {
	line = strings.TrimSpace(line)
	indent, bullet := 0.0, false
	if r := []rune(line); len(r) > 1 && strings.ContainsRune(bulletLeads, r[0]) && r[1] == ' ' {
		line, indent, bullet = strings.TrimSpace(string(r[1:])), bulletIndent, true
	}
	p.font(false, policySize)
	for i, l := range p.wrap(line, p.contentWidth()-indent, 0) {
		p.ensure(lh)
		y := p.GetY()
		p.font(false, policySize)
		p.ink(colText)
		if bullet && i == 0 {
			p.ink(colAccent)
			p.text(p.left+1, y, indent-1, lh, bulletMark, "L")
			p.ink(colText)
		}
		p.lines(p.left+indent, y, p.contentWidth()-indent, lh, []string{l}, "L")
		p.SetY(y + lh)
	}
}
