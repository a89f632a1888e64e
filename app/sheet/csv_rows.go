package sheet

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"unicode/utf8"

	"sellerdesk/app/apperr"
)

// csvRows hands out a CSV or tab-separated file's rows as Excel numbers them when it opens the file: one
// row per record (a quoted cell with line breaks is one row, as in Excel), and one empty row for each blank
// line. encoding/csv skips blank lines, so without them every problem below a blank line would be
// reported a row too high.
type csvRows struct {
	cr   *csv.Reader
	kind string // "CSV" or "TSV", for the damaged-file message
	// line is the first line of the text after the record last handed out: a record starting further
	// down had blank lines before it
	line    int
	blanks  int      // empty rows still to hand out before pending
	pending []string // the record that comes after them
	queued  bool
}

func newCSVRows(r io.Reader, comma rune, kind string) *csvRows {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	return &csvRows{cr: cr, kind: kind, line: 1}
}

// next returns the next row's cells: nil for a blank line.
func (c *csvRows) next() ([]string, bool, error) {
	if c.blanks > 0 {
		c.blanks--
		return nil, true, nil
	}
	if c.queued {
		rec := c.pending
		c.pending, c.queued = nil, false
		return rec, true, nil
	}
	rec, err := c.cr.Read()
	if err == io.EOF {
		return nil, false, nil
	}
	if err != nil {
		e := apperr.New(apperr.ErrInvalid, "{{.Kind}} 파일을 읽을 수 없습니다. 파일이 손상되었는지 확인하고 다시 내려받으세요.", "Kind", c.kind)
		e.Err = err
		return nil, false, e
	}
	start, _ := c.cr.FieldPos(0)
	last := len(rec) - 1
	end, _ := c.cr.FieldPos(last)
	// the record ends on its last cell's line, further down by the line breaks inside that cell (a quoted
	// "\r\n" is read as "\n", so counting "\n" counts the file's lines)
	end += strings.Count(rec[last], "\n")
	gap := start - c.line
	c.line = end + 1
	if gap <= 0 {
		return rec, true, nil
	}
	c.blanks, c.pending, c.queued = gap-1, rec, true
	return nil, true, nil
}

// excelSep reads the "sep=;" line Excel takes as the file's delimiter and does not show as a row; ok is
// false when the file does not start with one.
func excelSep(head []byte) (rune, bool) {
	h := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if len(h) < 5 || !bytes.EqualFold(h[:4], []byte("sep=")) {
		return 0, false
	}
	c, rest := h[4], h[5:]
	ok := c == '\t' || c > ' ' && c < utf8.RuneSelf && c != '"'
	if !ok || len(rest) > 0 && rest[0] != '\r' && rest[0] != '\n' {
		return 0, false
	}
	return rune(c), true
}

// skipLine reads past the first line (Excel's "sep=" line), which is not one of the rows: the row after it
// is row 1.
func (c *csvRows) skipLine() {
	if _, err := c.cr.Read(); err == nil {
		c.line, _ = c.cr.FieldPos(0)
		c.line++
	}
}
