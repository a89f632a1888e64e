package doc

// field is one "label: value" row of a block.
type field struct {
	label string
	sub   string // a second, smaller label line: the Korean under an English label
	value string
	bold  bool // the value is what the reader looks for first (a name, a number)
}

// block is a titled box of label/value rows: a party on a purchase order, the sender of a return.
type block struct {
	title  string
	fields []field
	labelW float64 // width of the label column in mm
	size   float64 // text size in points
	big    bool    // values larger and bold, for the addressee of a label
}

const (
	blockTitleH = 6.5 // height of the title bar in mm
	blockPad    = 1.2 // space above and below each row's text
)

// valueSize is the size of the block's values in points.
func (b block) valueSize() float64 {
	if b.big {
		return b.size * 1.4
	}
	return b.size
}

// blockRows wraps every value to the value column and returns the lines per field.
func (p *pdf) blockRows(b block, w float64) [][]string {
	rows := make([][]string, len(b.fields))
	for i, f := range b.fields {
		p.font(f.bold || b.big, b.valueSize())
		rows[i] = p.wrap(f.value, w-b.labelW-2*blockPad, 3)
		if len(rows[i]) == 0 {
			rows[i] = []string{""}
		}
	}
	return rows
}

// blockHeight is the height the block needs at width w.
func (p *pdf) blockHeight(b block, w float64) float64 {
	h := blockTitleH
	for i, r := range p.blockRows(b, w) {
		h += b.rowHeight(b.fields[i], len(r))
	}
	return h
}

// rowHeight is the height of a row whose value took n lines.
func (b block) rowHeight(f field, n int) float64 {
	inner := float64(n) * lineHeight(b.valueSize())
	if f.sub != "" {
		inner = max(inner, lineHeight(b.size)+lineHeight(b.size-1.5))
	}
	return inner + 2*blockPad
}

// drawBlock draws b at (x, y) in width w, stretched to height h (at least its own height) so that blocks
// side by side line up; the last row takes the extra room.
func (p *pdf) drawBlock(b block, x, y, w, h float64) {
	p.stroke(colRule)
	p.SetLineWidth(0.25)
	p.fill(colAccent)
	p.Rect(x, y, w, blockTitleH, "FD")
	p.font(true, b.size+0.5)
	p.ink(colWhite)
	p.text(x+2, y, w-4, blockTitleH, b.title, "L")

	rows := p.blockRows(b, w)
	lh := lineHeight(b.valueSize())
	cy := y + blockTitleH
	for i, f := range b.fields {
		rh := b.rowHeight(f, len(rows[i]))
		if i == len(b.fields)-1 && y+h > cy+rh {
			rh = y + h - cy
		}
		p.fill(colFill)
		p.Rect(x, cy, b.labelW, rh, "FD")
		p.Rect(x+b.labelW, cy, w-b.labelW, rh, "D")
		p.font(false, b.size)
		p.ink(colMuted)
		if f.sub != "" {
			p.ink(colText)
			p.text(x+blockPad, cy+blockPad, b.labelW-2*blockPad, lineHeight(b.size), f.label, "L")
			p.font(false, b.size-1.5)
			p.ink(colMuted)
			p.text(x+blockPad, cy+blockPad+lineHeight(b.size), b.labelW-2*blockPad, lineHeight(b.size-1.5), f.sub, "L")
		} else { // level with the value's first line
			p.text(x+blockPad, cy+blockPad, b.labelW-2*blockPad, lh, f.label, "L")
		}
		p.font(f.bold || b.big, b.valueSize())
		p.ink(colText)
		p.lines(x+b.labelW+blockPad, cy+blockPad, w-b.labelW-2*blockPad, lh, rows[i], "L")
		cy += rh
	}
}

// keyValue draws one row of a small form: the label in a filled cell lw wide, the value in the rest of w.
// An emphasised row is filled dark with the label in white and the value larger and bold.
func (p *pdf) keyValue(x, y, lw, w, h float64, f field, valueSize float64, align string) {
	p.stroke(colRule)
	p.fill(colFill)
	if f.bold {
		p.fill(colAccent)
	}
	p.Rect(x, y, lw, h, "FD")
	p.Rect(x+lw, y, w-lw, h, "D")
	p.font(f.bold, valueSize-1)
	p.ink(colMuted)
	if f.bold {
		p.ink(colWhite)
	}
	p.text(x+1.5, y, lw-3, h, f.label, "L")
	if f.bold {
		valueSize += 2.5
	}
	p.font(f.bold, valueSize)
	p.ink(colText)
	p.text(x+lw+2, y, w-lw-4, h, f.value, align)
}

// continued draws, on every page after the first, a running head with left and right texts over a rule,
// and leaves y below it.
func (p *pdf) continued(left, right string) {
	p.SetHeaderFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		half := p.contentWidth() / 2
		p.font(true, 9)
		p.ink(colAccent)
		p.text(p.left, p.top, half, 5, left, "L")
		p.font(false, 9)
		p.ink(colMuted)
		p.text(p.left+half, p.top, half, 5, right, "R")
		p.rule(p.top+6, colRule, 0.2)
		p.SetY(p.top + 9)
	})
}

// sideBySide draws blocks next to each other across the content box at the current y, gap mm apart and of
// equal height, and moves y below them.
func (p *pdf) sideBySide(gap float64, bs ...block) {
	w := (p.contentWidth() - gap*float64(len(bs)-1)) / float64(len(bs))
	h := 0.0
	for _, b := range bs {
		h = max(h, p.blockHeight(b, w))
	}
	p.ensure(h)
	y := p.GetY()
	for i, b := range bs {
		p.drawBlock(b, p.left+float64(i)*(w+gap), y, w, h)
	}
	p.SetY(y + h)
}

// column is one column of a table.
type column struct {
	title string
	sub   string  // a second, smaller header line: the Korean under an English title
	width float64 // mm; the widths of a table add up to the content width
	align string  // "L", "C" or "R" for the column's cells
	lines int     // most lines a cell may wrap to (0 or 1: one line, shortened with …)
}

// cell is one cell of a table row: its text and, optionally, a second line in small grey type (a product
// code under a product name).
type cell struct {
	text string
	note string
}

// table draws rows under a header row, breaking across pages: before a row that would cross the bottom
// margin it starts a new page and draws the header row again.
type table struct {
	p      *pdf
	cols   []column
	size   float64 // text size in points
	pad    float64 // space above and below a row's text in mm
	header func()  // optional: drawn after a page break, before the header row (a "continued" caption)
}

// noteSize is the size of a cell's note.
func (t *table) noteSize() float64 { return t.size - 1.5 }

// drawHeader draws the header row at the current y.
func (t *table) drawHeader() {
	p := t.p
	lh, sh := lineHeight(t.size), lineHeight(t.noteSize())
	h := lh + 2*t.pad
	for _, c := range t.cols {
		if c.sub != "" {
			h = lh + sh + 2*t.pad
		}
	}
	y := p.GetY()
	x := p.left
	p.stroke(colRule)
	p.fill(colFill)
	for _, c := range t.cols {
		p.Rect(x, y, c.width, h, "FD")
		p.font(true, t.size)
		p.ink(colText)
		if c.sub == "" {
			p.text(x+1, y, c.width-2, h, c.title, "C")
		} else {
			top := y + (h-lh-sh)/2
			p.text(x+1, top, c.width-2, lh, c.title, "C")
			p.font(false, t.noteSize())
			p.ink(colMuted)
			p.text(x+1, top+lh, c.width-2, sh, c.sub, "C")
		}
		x += c.width
	}
	p.SetY(y + h)
}

// row draws one row; bold rows (totals) are filled.
func (t *table) row(cells []cell, bold bool) {
	p := t.p
	lh, nh := lineHeight(t.size), lineHeight(t.noteSize())
	wrapped := make([][]string, len(t.cols))
	notes := make([]string, len(t.cols))
	inner := 0.0
	for i, c := range t.cols {
		if i >= len(cells) {
			break
		}
		p.font(bold, t.size)
		wrapped[i] = p.wrap(cells[i].text, c.width-2, max(c.lines, 1))
		hi := float64(len(wrapped[i])) * lh
		if cells[i].note != "" {
			p.font(false, t.noteSize())
			notes[i] = p.fit(cells[i].note, c.width-2)
			hi += nh
		}
		inner = max(inner, hi)
	}
	h := max(inner, lh) + 2*t.pad
	if p.ensure(h) {
		if t.header != nil {
			t.header()
		}
		t.drawHeader()
	}
	y := p.GetY()
	x := p.left
	p.stroke(colRule)
	if bold {
		p.fill(colFill)
	}
	for i, c := range t.cols {
		style := "D"
		if bold {
			style = "FD"
		}
		p.Rect(x, y, c.width, h, style)
		p.font(bold, t.size)
		p.ink(colText)
		ny := p.lines(x+1, y+t.pad, c.width-2, lh, wrapped[i], c.align)
		if notes[i] != "" {
			p.font(false, t.noteSize())
			p.ink(colMuted)
			p.lines(x+1, ny, c.width-2, nh, []string{notes[i]}, c.align)
		}
		x += c.width
	}
	p.SetY(y + h)
}
