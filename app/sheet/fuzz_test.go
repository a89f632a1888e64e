package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"sellerdesk/app/apperr"
)

// Fuzz targets for every importer. Seeds live in testdata/fuzz/<target> (see fuzz_seeds_test.go), so a
// plain `go test` runs them; .ci/fuzz runs each target briefly and can run long campaigns. A crash a
// campaign finds is kept there as a seed, next to its fix.
//
// Raw-byte targets feed the readers whole files. Cell targets (FuzzOrderCells, FuzzProductTemplate,
// FuzzSmartStoreBulk) take a sheet's cells written as CSV and build a real workbook from them, so the
// fuzzer explores what sellers put in cells rather than zip framing.

// maxFuzzInput bounds inputs: the readers read whole files into memory, and a fuzzer left alone grows
// inputs until every run is slow.
const maxFuzzInput = 64 << 10

// kst is the time zone the exports' times are read in: fixed, so a run reads the same on any machine.
var kst = time.FixedZone("KST", 9*3600)

var hangul = regexp.MustCompile(`\p{Hangul}`)

// columnRef is how a problem names a column: its letter and header, "E (판매가)", or the letter alone.
var columnRef = regexp.MustCompile(`^[A-Z]{1,3}( \(.*\))?$`)

// checkSellerError fails unless err is one the seller can act on: typed (*apperr.Error in its chain, which
// PasswordError also unwraps to) with a Korean sentence.
func checkSellerError(t *testing.T, err error) {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("untyped error the seller would see as a general fault: %v (%T)", err, err)
	}
	if msg := apperr.Message(err); !hangul.MatchString(msg) {
		t.Fatalf("error message is not Korean: %q", msg)
	}
}

// checkProblems fails unless every problem says where (sheet, row within maxRow, column when needsColumn)
// and why, in Korean.
func checkProblems(t *testing.T, probs []Problem, maxRow int, needsColumn bool) {
	t.Helper()
	for _, p := range probs {
		if p.Sheet == "" || p.Row < 1 || p.Row > maxRow || !hangul.MatchString(p.Reason) {
			t.Fatalf("problem without a place or a Korean reason (max row %d): %+v", maxRow, p)
		}
		if (needsColumn || p.Column != "") && !columnRef.MatchString(p.Column) {
			t.Fatalf("problem names no column the seller can find: %+v", p)
		}
	}
}

// checkOrders checks what ReadOrders returned for a file of at most maxRow rows.
func checkOrders(t *testing.T, file *OrderFile, err error, maxRow int) {
	t.Helper()
	if err != nil {
		checkSellerError(t, err)
		return
	}
	if file == nil {
		t.Fatal("no file and no error")
	}
	checkProblems(t, file.Problems, maxRow, true)
	badRows := map[int]bool{}
	for _, p := range file.Problems {
		badRows[p.Row] = true
	}
	if got := len(file.Rows) + len(badRows); got != file.Total {
		t.Fatalf("%d good rows and %d rows with problems, but %d data rows seen", len(file.Rows), len(badRows), file.Total)
	}
	seen := map[string]bool{}
	last := 0
	for _, r := range file.Rows {
		switch {
		case r.Row <= last || r.Row < 2 || r.Row > maxRow:
			t.Fatalf("row number %d after %d (max %d)", r.Row, last, maxRow)
		case badRows[r.Row]:
			t.Fatalf("row %d is both read and reported", r.Row)
		case r.ProductOrderNo == "" || r.OrderNo == "" || r.ProductName == "":
			t.Fatalf("row %d kept without 상품주문번호, 주문번호 or 상품명: %+v", r.Row, r)
		case seen[r.ProductOrderNo]:
			t.Fatalf("상품주문번호 %s kept twice", r.ProductOrderNo)
		case r.Qty < 1:
			t.Fatalf("row %d kept with 수량 %d", r.Row, r.Qty)
		case r.Discount < 0 || r.Amount < 0 || r.ShippingFee < 0 || r.ShippingFeeExtra < 0 || r.ShippingDiscount < 0:
			t.Fatalf("row %d kept with a negative amount: %+v", r.Row, r)
		}
		seen[r.ProductOrderNo] = true
		last = r.Row
	}
}

func readOrderBytes(b []byte) (*OrderFile, error) {
	return ReadOrders(context.Background(), bytes.NewReader(b), ReadOrderOptions{Password: "1234", Location: kst}, nil)
}

// FuzzOrderXLSX feeds the order reader whole workbooks (the 주문통합검색 / 발주발송관리 export).
func FuzzOrderXLSX(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput {
			return
		}
		file, err := readOrderBytes(b)
		checkOrders(t, file, err, excelize.TotalRows)
	})
}

// FuzzOrderCSV feeds the order reader CSV exports. Text that is UTF-8 and can be written in CP949 is also
// read in CP949, as Korean Excel saves it: the two must read the same.
func FuzzOrderCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput || bytes.HasPrefix(b, []byte("PK")) || bytes.HasPrefix(b, oleHeader) {
			return // workbooks: FuzzOrderXLSX
		}
		file, err := readOrderBytes(b)
		checkOrders(t, file, err, bytes.Count(b, []byte{'\n'})+1)
		if !utf8.Valid(b) {
			return
		}
		enc, encErr := korean.EUCKR.NewEncoder().Bytes(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}))
		if encErr != nil || utf8.Valid(enc) {
			return // not writable in CP949, or its CP949 bytes happen to be UTF-8 too (no Hangul among them)
		}
		file2, err2 := readOrderBytes(enc)
		if (err == nil) != (err2 == nil) || err != nil && apperr.Message(err) != apperr.Message(err2) {
			t.Fatalf("UTF-8: %v; CP949: %v", err, err2)
		}
		if err == nil && !reflect.DeepEqual(file, file2) {
			t.Fatalf("UTF-8 and CP949 read differently:\n%+v\n%+v", file, file2)
		}
	})
}

// grid reads a cell target's input: a sheet's cells written as CSV. ok is false for inputs the target
// skips: too big, or cells a spreadsheet cannot hold as typed (control characters, text that is not UTF-8).
func grid(s string) ([][]string, bool) {
	if len(s) > maxFuzzInput || !utf8.ValidString(s) {
		return nil, false
	}
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 || len(rows) > 100 {
		return nil, false
	}
	for _, row := range rows {
		if len(row) > 100 {
			return nil, false
		}
		for _, c := range row {
			if strings.ContainsFunc(c, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) || len(c) > 1000 {
				return nil, false
			}
		}
	}
	return rows, true
}

// gridXLSX writes cells as text cells of one sheet.
func gridXLSX(t *testing.T, sheet string, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// excelNumber matches text the xlsx reader takes for a number Excel stored (a code written as 2.0261122E+15,
// a date as its serial number): such cells read differently from CSV by design.
func excelNumber(s string) bool {
	s = strings.TrimSpace(s)
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && (strings.ContainsAny(s, "eE") || f > 20000 && f < 80000)
}

// FuzzOrderCells writes the same cells as an xlsx export and as a CSV export: both must read the same
// rows and problems (only the sheet's name differs).
func FuzzOrderCells(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		rows, ok := grid(s)
		if !ok {
			return
		}
		for _, row := range rows {
			for _, c := range row {
				if excelNumber(c) {
					return
				}
			}
		}
		xlsx, err1 := readOrderBytes(gridXLSX(t, "CSV", rows))
		checkOrders(t, xlsx, err1, len(rows))
		var b strings.Builder
		w := csv.NewWriter(&b)
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		text, err2 := readOrderBytes([]byte(b.String()))
		checkOrders(t, text, err2, len(rows))
		if (err1 == nil) != (err2 == nil) || err1 != nil && apperr.Message(err1) != apperr.Message(err2) {
			t.Fatalf("xlsx: %v; CSV: %v", err1, err2)
		}
		if err1 == nil && !reflect.DeepEqual(xlsx, text) {
			t.Fatalf("xlsx and CSV read differently:\n%+v\n%+v", xlsx, text)
		}
	})
}

// FuzzCourierFile feeds the courier file reader whole files: xlsx or CSV in UTF-8 or CP949.
func FuzzCourierFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput {
			return
		}
		rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(b), "1234")
		if err != nil {
			checkSellerError(t, err)
			return
		}
		maxRow := excelize.TotalRows
		if !bytes.HasPrefix(b, []byte("PK")) && !bytes.HasPrefix(b, oleHeader) {
			maxRow = bytes.Count(b, []byte{'\n'}) + 1
		}
		checkProblems(t, probs, maxRow, true)
		for _, r := range rows {
			if r.Sheet == "" || r.Row < 2 || r.Row > maxRow || r.Name == "" || r.TrackingNo == "" || strings.Contains(r.TrackingNo, "-") {
				t.Fatalf("parcel kept without a place, a name or a clean 송장번호: %+v", r)
			}
		}
	})
}

// checkProducts checks what ReadProducts returned for a file of at most maxRow rows.
func checkProducts(t *testing.T, file *ProductFile, err error, maxRow int) {
	t.Helper()
	if err != nil {
		checkSellerError(t, err)
		return
	}
	if file == nil {
		t.Fatal("no file and no error")
	}
	checkProblems(t, file.Problems, maxRow, false)
	if file.Rows > maxRow || file.Format != FormatTemplate && file.Format != FormatSmartStore && len(file.Problems) == 0 {
		t.Fatalf("%d rows in a file of %d, format %q", file.Rows, maxRow, file.Format)
	}
	if len(file.Problems) > 0 {
		return // nothing is imported from a file with problems
	}
	if len(file.Products) == 0 {
		t.Fatal("a file without problems and without products")
	}
	codes := map[string]bool{}
	for _, p := range file.Products {
		if p.Code == "" || p.Name == "" || p.Price <= 0 || len(p.Options) == 0 || codes[p.Code] {
			t.Fatalf("product accepted without a code, a name, a price or an option, or twice: %+v", p)
		}
		codes[p.Code] = true
		for _, o := range p.Options {
			if o.Stock < 0 || o.SafetyStock < 0 || p.Price+o.ExtraPrice <= 0 {
				t.Fatalf("option accepted with negative stock or a price of 0 or less: %+v in %s", o, p.Code)
			}
		}
	}
}

// FuzzProductFile feeds the product reader whole files (the template, 대량 수정 and 상품 일괄등록 files).
func FuzzProductFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput {
			return
		}
		file, err := ReadProducts(context.Background(), bytes.NewReader(b), ReadOptions{Password: "1234", Categories: testCats, Suppliers: testSups}, nil)
		checkProducts(t, file, err, excelize.TotalRows)
	})
}

// fuzzProductCells reads cells written as a workbook with the product reader.
func fuzzProductCells(t *testing.T, s string) {
	rows, ok := grid(s)
	if !ok {
		return
	}
	file, err := ReadProducts(context.Background(), bytes.NewReader(gridXLSX(t, "상품등록", rows)), opts, nil)
	checkProducts(t, file, err, len(rows))
}

// FuzzProductTemplate fuzzes the cells of SellerDesk's template (one row per option).
func FuzzProductTemplate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) { fuzzProductCells(t, s) })
}

// FuzzSmartStoreBulk fuzzes the cells of Smart Store's 상품 일괄등록 file (one row per product, option lists
// in cells).
func FuzzSmartStoreBulk(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) { fuzzProductCells(t, s) })
}
