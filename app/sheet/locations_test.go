package sheet

import (
	"bytes"
	"context"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
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

// TestHTMLRowspan: a cell spanning rows down (an order's cells over its product lines, a header cell over
// a two-row header) keeps its columns in the rows below, so their cells stand under their own headers as
// Excel shows them, and a problem names that column.
func TestHTMLRowspan(t *testing.T) {
	page := `<table>
<tr><th>주문번호</th><th>받는분성명</th><th>받는분전화번호</th><th>상품</th><th>운송장번호</th></tr>
<tr><td rowspan="2">O-1</td><td rowspan=2>김민지</td><td rowspan=2>010-1234-5678</td><td>양말</td><td>612345678901</td></tr>
<tr><td>모자</td><td>612345678902</td></tr>
<tr><td>O-2</td><td colspan=2 rowspan=3>이서준</td><td>셔츠</td><td></td></tr>
<tr><td>O-3</td><td>바지</td><td>612345678903</td></tr>
<tr><td>O-4</td><td>가방</td><td>612345678904</td></tr>
<tr><td>O-5</td><td>박지훈</td><td>010-4444-5555</td><td>장갑</td><td>612345678905</td></tr>
</table>
<table><tr><td rowspan=5>next table</td></tr></table><table><tr><td>a</td><td>b</td></tr></table>`
	rows := readTableRows(t, []byte(page))
	want := [][]string{
		{"주문번호", "받는분성명", "받는분전화번호", "상품", "운송장번호"},
		{"O-1", "김민지", "010-1234-5678", "양말", "612345678901"},
		{"", "", "", "모자", "612345678902"},
		{"O-2", "이서준", "", "셔츠"},
		{"O-3", "", "", "바지", "612345678903"},
		{"O-4", "", "", "가방", "612345678904"},
		{"O-5", "박지훈", "010-4444-5555", "장갑", "612345678905"},
		{"next table"},
		{"a", "b"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
	_, probs, err := ReadCourierFile(context.Background(), strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 || probs[0].Row != 3 || probs[0].Column != "B (받는분성명)" {
		t.Errorf("problems %+v, want the first at row 3, B (받는분성명) (the merged name)", probs)
	}
	for _, p := range probs {
		if p.Row == 4 && p.Column != "E (운송장번호)" {
			t.Errorf("row 4: %+v, want E (운송장번호)", p)
		}
	}
}

// readTableRows reads the first table of a file as the importers see it.
func readTableRows(t *testing.T, raw []byte) [][]string {
	t.Helper()
	tf, err := openTableStream(context.Background(), bytes.NewReader(raw), "", "not xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer tf.close()
	tb, err := tf.open(0)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.close()
	var rows [][]string
	for {
		cells, ok, err := tb.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return rows
		}
		rows = append(rows, cells)
	}
}

// TestExcelSepLine: a CSV that starts with Excel's "sep=;" line is split at that delimiter, and the line
// is not a row (Excel does not show it), so the header is row 1.
func TestExcelSepLine(t *testing.T) {
	for name, text := range map[string]string{
		"semicolon": "sep=;\r\n받는분성명;받는분전화번호;운송장번호\r\n김민지;010-1234-5678;612345678901\r\n\r\n이서준;010-2222-3333;\r\n",
		"tab, BOM":  "\ufeffsep=\t\n받는분성명\t받는분전화번호\t운송장번호\n김민지\t010-1234-5678\t612345678901\n\n이서준\t010-2222-3333\t\n",
	} {
		t.Run(name, func(t *testing.T) {
			rows, probs, err := ReadCourierFile(context.Background(), strings.NewReader(text), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Row != 2 || rows[0].TrackingNo != "612345678901" {
				t.Errorf("rows %+v", rows)
			}
			if len(probs) != 1 || probs[0].Row != 4 || probs[0].Column != "C (운송장번호)" {
				t.Errorf("problems %+v, want row 4, C (운송장번호)", probs)
			}
		})
	}
	// "sep=" that is a cell, not Excel's line, stays a row
	if _, ok := excelSep([]byte("sep=,x\n")); ok {
		t.Error("sep=,x read as a delimiter line")
	}
}

// TestProductDuplicateColumn: a template with a header twice (판매가 twice) reads the first column, and a
// problem points at the column its value came from, never at one beside it.
func TestProductDuplicateColumn(t *testing.T) {
	hdr := []string{"판매자 상품코드", "상품명", "판매가", "재고수량", "판매가격"}
	file := read(t, sheetFile(t, "Sheet1", hdr, [][]string{
		{"P1", "양말", "5000", "3", "만원"},
		{"P2", "모자", "만원", "3", "7000"},
	}), ReadOptions{})
	if len(file.Problems) != 1 {
		t.Fatalf("problems %+v, want one", file.Problems)
	}
	if p := file.Problems[0]; p.Row != 3 || p.Column != "C (판매가)" || !strings.Contains(p.Reason, "만원") {
		t.Errorf("problem %+v, want row 3, C (판매가) about 만원", p)
	}
	// the products are not kept when a file has problems; read the good row alone
	file = read(t, sheetFile(t, "Sheet1", hdr, [][]string{{"P1", "양말", "5000", "3", "만원"}}), ReadOptions{})
	if len(file.Problems) != 0 || len(file.Products) != 1 || file.Products[0].Price != 5000 {
		t.Errorf("read %+v %+v, want 판매가 5000 from column C", file.Products, file.Problems)
	}
}

// TestLocationsElsewhere: a header below row 1, columns hidden or empty left of the data and a table on
// a sheet that is not the first are all named as Excel shows them, in the product reader (xlsx) and the
// row readers (xlsx, .xls).
func TestLocationsElsewhere(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "안내")
	f.SetCellStr("안내", "A1", "이 파일은 상품 목록입니다")
	f.NewSheet("상품")
	f.SetCellStr("상품", "C1", "2026년 12월 상품 등록")
	f.SetSheetRow("상품", "C3", &[]any{"판매자 상품코드", "상품명", "판매가", "재고수량"})
	f.SetSheetRow("상품", "C4", &[]any{"P1", "양말", "5000", "3"})
	f.SetSheetRow("상품", "C6", &[]any{"P2", "모자", "오천원", "3"})
	if err := f.SetColVisible("상품", "A:B", false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	file := read(t, buf.Bytes(), ReadOptions{})
	if len(file.Problems) != 1 {
		t.Fatalf("problems %+v", file.Problems)
	}
	if p := file.Problems[0]; p.Sheet != "상품" || p.Row != 6 || p.Column != "E (판매가)" {
		t.Errorf("product problem at %s %d %s, want 상품 row 6, E (판매가): %+v", p.Sheet, p.Row, p.Column, p)
	}

	// a courier file whose first sheet is a cover and whose table starts in column B on row 4
	grid := [][]string{
		{},
		{"", "출고 내역"},
		{},
		{"", "받는분성명", "받는분전화번호", "운송장번호"},
		{"", "김민지", "010-1234-5678", "612345678901"},
		{"", "이서준", "010-2222-3333", ""},
	}
	padded := make([][]string, len(grid))
	for i, r := range grid {
		padded[i] = append(append([]string(nil), r...), make([]string, 4-len(r))...)
	}
	cover := xlsGrid("표지", [][]string{{"택배 출고 자료"}})
	for name, raw := range map[string][]byte{
		"xls":  xlsFile(t, []xlsTestSheet{cover, xlsGrid("출고", padded)}, xlsOptions{}),
		"xlsx": twoSheets(t, padded),
	} {
		t.Run(name, func(t *testing.T) {
			rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Sheet != "출고" || rows[0].Row != 5 {
				t.Errorf("rows %+v, want one on 출고 row 5", rows)
			}
			if len(probs) != 1 || probs[0].Sheet != "출고" || probs[0].Row != 6 || probs[0].Column != "D (운송장번호)" {
				t.Errorf("problems %+v, want 출고 row 6, D (운송장번호)", probs)
			}
		})
	}
}

// twoSheets is an xlsx with a cover sheet and rows on a second sheet named 출고.
func twoSheets(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "표지")
	f.SetCellStr("표지", "A1", "택배 출고 자료")
	f.NewSheet("출고")
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				f.SetCellStr("출고", cell, v)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
