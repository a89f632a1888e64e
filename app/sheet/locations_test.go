package sheet

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

// Every problem names the row and column the seller finds when opening the file in Excel. Excel shows a
// blank line of a CSV or tab-separated file as an empty row and a record whose quoted cell holds line
// breaks as one row; an xlsx, an .xls and an HTML table number rows as their own markup says.

// locGrid is a courier file with a multi-line cell, two blank rows and a parcel without its 송장번호 on
// Excel's row 5; row 7 lacks the name.
var locGrid = [][]string{
	{"받는분성명", "받는분전화번호", "운송장번호"},
	{"김민지\n(부재 시 경비실)", "010-1234-5678", "612345678901"},
	{},
	{},
	{"이서준", "010-2222-3333", ""},
	{"박지훈", "010-4444-5555", "612345678903"},
	{"", "010-6666-7777", "612345678904"},
}

// textGrid writes rows as text with delimiter d and line ending eol, quoting a cell that needs it; an
// empty row is an empty line.
func textGrid(rows [][]string, d, eol string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(d)
			}
			if strings.ContainsAny(c, "\"\n,\t") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString(eol)
	}
	return b.String()
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

func htmlGrid(rows [][]string) string {
	var b strings.Builder
	b.WriteString("<html><body><table>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<td>" + strings.ReplaceAll(c, "\n", "<br>") + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></body></html>")
	return b.String()
}

// TestRowNumbersAfterBlankRows: the same courier file in every format the readers take, with blank rows
// and a multi-line cell above the faulty rows, reports them at Excel's row and column.
func TestRowNumbersAfterBlankRows(t *testing.T) {
	padded := make([][]string, len(locGrid))
	for i, r := range locGrid {
		padded[i] = append(append([]string(nil), r...), make([]string, 3-len(r))...)
	}
	files := map[string][]byte{
		"CSV (UTF-8, CRLF)":   []byte(textGrid(locGrid, ",", "\r\n")),
		"CSV (CP949, LF)":     cp949(t, textGrid(locGrid, ",", "\n")),
		"TSV":                 []byte(textGrid(locGrid, "\t", "\n")),
		"TSV (UTF-16)":        utf16LE(textGrid(locGrid, "\t", "\r\n")),
		"CSV, blank line end": []byte(textGrid(locGrid, ",", "\n") + "\n\n"),
		"xlsx":                sheetFile(t, "Sheet1", padded[0], padded[1:]),
		"xls":                 xlsFile(t, []xlsTestSheet{xlsGrid("Sheet1", padded)}, xlsOptions{}),
		"HTML":                []byte(htmlGrid(locGrid)),
	}
	for name, raw := range files {
		t.Run(name, func(t *testing.T) {
			rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 || rows[0].Row != 2 || rows[1].Row != 6 {
				t.Errorf("rows %+v, want rows 2 and 6", rows)
			}
			if len(probs) != 2 {
				t.Fatalf("problems %+v, want 2", probs)
			}
			if p := probs[0]; p.Row != 5 || p.Column != "C (운송장번호)" {
				t.Errorf("first problem at row %d column %q, want row 5, C (운송장번호): %+v", p.Row, p.Column, p)
			}
			if p := probs[1]; p.Row != 7 || p.Column != "A (받는분성명)" {
				t.Errorf("second problem at row %d column %q, want row 7, A (받는분성명): %+v", p.Row, p.Column, p)
			}
		})
	}
}

// TestCSVRowsAsExcel: blank lines at the top, between records and inside a quoted cell, counted as Excel
// counts rows.
func TestCSVRowsAsExcel(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // each row's first cell; "-" an empty row
	}{
		{"plain", "a,1\nb,2\n", []string{"a", "b"}},
		{"blank first", "\n\na,1\n", []string{"-", "-", "a"}},
		{"blank between, CRLF", "a,1\r\n\r\n\r\nb,2\r\n", []string{"a", "-", "-", "b"}},
		{"line breaks in a quoted cell", "\"a\nstill a\n\",1\n\nb,2\n", []string{"a\nstill a\n", "-", "b"}},
		{"line breaks in the last cell", "a,\"1\n2\n3\"\n\nb,2\n", []string{"a", "-", "b"}},
		{"blank line in a quoted cell", "\"a\n\nb\"\nc\n", []string{"a\n\nb", "c"}},
		{"spaces are a row", "a\n   \nb\n", []string{"a", "   ", "b"}},
		{"no final newline", "a\n\nb", []string{"a", "-", "b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := newCSVRows(strings.NewReader(c.text), ',', "CSV")
			var got []string
			for {
				cells, ok, err := rows.next()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
				if len(cells) == 0 {
					got = append(got, "-")
				} else {
					got = append(got, cells[0])
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("rows %q, want %q", got, c.want)
			}
		})
	}
}
