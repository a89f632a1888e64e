package sheet

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"sellerdesk/app/apperr"
)

// Many Korean web systems (courier booking sites, older shop back offices) "export to Excel" by sending
// an HTML table with an .xls name, often in EUC-KR with a <meta charset>; Excel opens it. These are read
// here as one table: every <tr> is a row and every <td>/<th> a cell (colspan repeated as empty cells, and
// a rowspan's columns left empty in the rows below, so the columns stay under their headers as Excel shows
// them), text unescaped, runs of blanks collapsed, <br> a line break.
// Script, style and comments are skipped. The encoding is taken from the bytes themselves (UTF-8 or
// CP949), which also covers files whose meta charset is wrong.

// Limits of an HTML table: Excel's own limits of a cell and a row.
const (
	maxHTMLCell = 32767 // characters in one cell
	maxHTMLCols = 16384 // cells in one row
	maxHTMLTag  = 64 << 10
)

var errHTMLTooBig = apperr.New(apperr.ErrInvalid, "HTML 표로 된 엑셀 파일의 칸이나 행이 엑셀이 담을 수 있는 크기보다 큽니다. 파일이 손상되었는지 확인하세요.")

// htmlTables reads an HTML table as it streams.
func htmlTables(br *bufio.Reader, head []byte, size int64) *tableFile {
	total := 0
	if size > 0 {
		lower := bytes.ToLower(head)
		rows := bytes.Count(lower, []byte("<tr"))
		if int64(len(head)) >= size {
			total = rows
		} else if rows > 0 {
			total = int(size*int64(rows)/int64(len(head))) + 1
		}
	}
	opened := false
	return &tableFile{
		names: []string{"HTML"},
		close: func() {},
		open: func(int) (*table, error) {
			if opened {
				return nil, errReopen
			}
			opened = true
			hr := &htmlRows{r: bufio.NewReaderSize(koreanText(br), 64<<10)}
			return &table{name: "HTML", total: total, close: func() {}, next: hr.next}, nil
		},
	}
}

type htmlRows struct {
	r      *bufio.Reader
	row    []string
	inRow  bool
	cell   []byte
	inCell bool
	span   int
	down   int   // the open cell's rowspan
	carry  []int // by column: rows still covered by a cell above it (rowspan), counting the open row
	eof    bool
	tagBuf []byte // the tag being read, reused
	// SpreadsheetML's ss:Index: a row may say where it stands after rows it left out; those are handed out
	// empty first, so rows keep the numbers Excel shows.
	rowIndex    int       // the open row's ss:Index (1-based), 0 when none
	closedIndex int       // the ss:Index of the row endRow last closed
	rows        int       // rows handed out
	blanks      int       // empty rows still to hand out before pending
	pending     *[]string // the row that comes after them
}

// next returns the next row's cells.
func (h *htmlRows) next() ([]string, bool, error) {
	if h.blanks > 0 {
		h.blanks--
		h.rows++
		return nil, true, nil
	}
	if h.pending != nil {
		row := *h.pending
		h.pending = nil
		h.rows++
		return row, true, nil
	}
	row, ok, err := h.read()
	if err != nil || !ok {
		return row, ok, err
	}
	if idx := h.closedIndex; idx > h.rows+1 && idx <= maxXLSRows {
		h.blanks = idx - h.rows - 2
		h.pending = &row
		h.rows++
		return nil, true, nil
	}
	h.rows++
	return row, true, nil
}

// read returns the next row as the file writes it.
func (h *htmlRows) read() ([]string, bool, error) {
	for !h.eof {
		c, err := h.r.ReadByte()
		if err == io.EOF {
			h.eof = true
			break
		}
		if err != nil {
			return nil, false, fmt.Errorf("sheet: html: %w", err)
		}
		if c != '<' {
			if h.inCell {
				if len(h.cell) >= 4*maxHTMLCell {
					return nil, false, errHTMLTooBig
				}
				h.cell = append(h.cell, c)
			}
			continue
		}
		name, end, attrs, err := h.tag()
		if err != nil {
			return nil, false, err
		}
		switch name {
		case "tr", "row": // <Row> is Excel 2003 XML (SpreadsheetML), which some systems also save as .xls
			row, ok, err := h.endRow()
			if !end {
				h.inRow, h.rowIndex = true, attrInt(attrs, "index")
			}
			if err != nil || ok {
				return row, ok, err
			}
		case "td", "th", "cell":
			if err := h.endCell(); err != nil {
				return nil, false, err
			}
			if end {
				continue
			}
			h.inRow, h.inCell, h.span, h.down = true, true, 1, 1
			if name == "cell" {
				h.span = 1 + attrInt(attrs, "mergeacross")
				if i := attrInt(attrs, "index"); i > len(h.row)+1 && i <= maxHTMLCols {
					h.row = append(h.row, make([]string, i-1-len(h.row))...)
				}
			} else {
				if n := attrInt(attrs, "colspan"); n > 1 {
					h.span = n
				}
				if n := attrInt(attrs, "rowspan"); n > 1 {
					h.down = min(n, maxXLSRows)
				}
			}
			h.span = min(max(h.span, 1), maxHTMLCols)
		case "table":
			row, ok, err := h.endRow()
			h.carry = h.carry[:0] // a cell of one table never covers another's rows
			if err != nil || ok {
				return row, ok, err
			}
		case "br":
			if h.inCell {
				h.cell = append(h.cell, brMark)
			}
		case "script", "style":
			if !end {
				if err := h.skipUntil("</" + name); err != nil {
					return nil, false, err
				}
			}
		}
	}
	return h.endRow()
}

// endCell closes the open cell into the row.
func (h *htmlRows) endCell() error {
	if !h.inCell {
		return nil
	}
	h.inCell = false
	text := cellText(string(h.cell))
	h.cell = h.cell[:0]
	// a cell of a row above that spans down (rowspan) takes its columns in this row too: Excel puts this
	// cell to the right of them, and so must the reader, or every later cell of the row is read a column
	// to the left of its header
	for len(h.row) < len(h.carry) && h.carry[len(h.row)] > 0 {
		h.row = append(h.row, "")
	}
	if len([]rune(text)) > maxHTMLCell || len(h.row)+h.span > maxHTMLCols {
		return errHTMLTooBig
	}
	col := len(h.row)
	h.row = append(h.row, text)
	for i := 1; i < h.span; i++ {
		h.row = append(h.row, "")
	}
	if h.down > 1 {
		for len(h.carry) < col+h.span {
			h.carry = append(h.carry, 0)
		}
		for i := col; i < col+h.span; i++ {
			h.carry[i] = h.down
		}
	}
	return nil
}

// endRow closes the open row; ok is false when no row was open.
func (h *htmlRows) endRow() ([]string, bool, error) {
	if err := h.endCell(); err != nil {
		return nil, false, err
	}
	if !h.inRow {
		return nil, false, nil
	}
	h.inRow = false
	h.closedIndex, h.rowIndex = h.rowIndex, 0
	for i, n := range h.carry {
		if n > 0 {
			h.carry[i] = n - 1
		}
	}
	for len(h.carry) > 0 && h.carry[len(h.carry)-1] == 0 {
		h.carry = h.carry[:len(h.carry)-1]
	}
	row := h.row
	h.row = make([]string, 0, len(row)) // the next row is most likely as wide
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row, true, nil
}

// brMark stands for a <br> in a cell's raw text until cellText makes it a line break (a newline in the
// page's source is only a blank, as in a browser).
const brMark = '\x01'

// cellText unescapes a cell and collapses its blanks as a browser (and Excel) shows them; a <br> becomes a
// line break.
func cellText(s string) string {
	if !strings.ContainsAny(s, "&\n\t\r\f\u00a0\x01") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s) // most cells: nothing to unescape or collapse
	}
	lines := strings.Split(s, string(brMark))
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(html.UnescapeString(l), func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0'
		}), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// tag reads a tag after its '<': its lower-case name when it is one the reader acts on ("" otherwise),
// whether it closes (</td>), and its attributes' text for the tags that have attributes it reads. A comment
// or declaration is skipped whole and has no name.
func (h *htmlRows) tag() (name string, end bool, attrs string, err error) {
	peek, _ := h.r.Peek(3)
	if bytes.HasPrefix(peek, []byte("!--")) {
		h.r.Discard(3)
		return "", false, "", h.skipUntil("-->")
	}
	b := h.tagBuf[:0]
	var quote byte
	for {
		c, err := h.r.ReadByte()
		if err == io.EOF {
			return "", false, "", nil // a tag cut off at the end: nothing more to read
		}
		if err != nil {
			return "", false, "", fmt.Errorf("sheet: html: %w", err)
		}
		if quote != 0 {
			if c == quote {
				quote = 0
			}
		} else if c == '"' || c == '\'' {
			quote = c
		} else if c == '>' {
			break
		}
		if len(b) >= maxHTMLTag {
			return "", false, "", errHTMLTooBig
		}
		b = append(b, c)
	}
	h.tagBuf = b
	if len(b) > 0 && b[0] == '/' {
		end, b = true, b[1:]
	}
	i := bytes.IndexAny(b, " \t\r\n/")
	if i < 0 {
		i = len(b)
	}
	raw := b[:i]
	if j := bytes.LastIndexByte(raw, ':'); j >= 0 {
		raw = raw[j+1:] // ss:Row, x:Cell
	}
	if len(raw) > 6 {
		return "", end, "", nil // none of the names below
	}
	var low [6]byte
	for k, c := range raw {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[k] = c
	}
	switch string(low[:len(raw)]) {
	case "td":
		name = "td"
	case "th":
		name = "th"
	case "tr":
		name = "tr"
	case "row":
		name = "row"
	case "cell":
		name = "cell"
	case "table":
		name = "table"
	case "br":
		name = "br"
	case "script":
		name = "script"
	case "style":
		name = "style"
	}
	if name != "" && i < len(b) && !end && bytes.ContainsAny(b[i:], "=") {
		attrs = string(b[i:]) // colspan, ss:Index, ss:MergeAcross
	}
	return name, end, attrs, nil
}

// skipUntil reads past the first occurrence of marker (compared without case).
func (h *htmlRows) skipUntil(marker string) error {
	m := []byte(strings.ToLower(marker))
	matched := 0
	for matched < len(m) {
		c, err := h.r.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sheet: html: %w", err)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == m[matched]:
			matched++
		case c == m[0]:
			matched = 1
		default:
			matched = 0
		}
	}
	return nil
}

// attrInt reads a tag's numeric attribute, whatever its namespace prefix (colspan=3, ss:Index="5",
// ss:MergeAcross='2'); 0 when absent or not a number (at most six digits are read).
func attrInt(attrs, name string) int {
	lower := strings.ToLower(attrs)
	for off := 0; off < len(lower); {
		j := strings.Index(lower[off:], name)
		if j < 0 {
			return 0
		}
		j += off
		off = j + len(name)
		if j > 0 && !strings.ContainsRune(": \t\r\n", rune(lower[j-1])) {
			continue // part of a longer name
		}
		rest := strings.TrimLeft(lower[off:], " \t\r\n")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n\"'")
		k := 0
		for k < len(rest) && k < 6 && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		n, _ := strconv.Atoi(rest[:k])
		return n
	}
	return 0
}
