package sheet

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
)

// readXLS reads every sheet of an .xls through the table layer the importers use.
func readXLS(t testing.TB, raw []byte) (names []string, sheets [][][]string, err error) {
	t.Helper()
	tf, err := openTables(context.Background(), raw, "", "not xlsx")
	if err != nil {
		return nil, nil, err
	}
	defer tf.close()
	for i := range tf.names {
		tb, err := tf.open(i)
		if err != nil {
			return nil, nil, err
		}
		var rows [][]string
		for {
			cells, ok, err := tb.next()
			if err != nil {
				return nil, nil, err
			}
			if !ok {
				break
			}
			rows = append(rows, cells)
		}
		tb.close()
		sheets = append(sheets, rows)
	}
	return tf.names, sheets, nil
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/xls/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestXLSFromOtherWriters reads .xls files written by two BIFF8 writers that are not ours (xlwt and
// SheetJS; testdata/xls/make_*): shared strings in UTF-16 and in one byte a character, numbers as RK and
// Number records, text-formatted phone numbers, a shared-string table long enough to run over Continue
// records, and SheetJS's small files kept in the compound file's mini stream.
func TestXLSFromOtherWriters(t *testing.T) {
	names, sheets, err := readXLS(t, fixture(t, "courier_cj.xls"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(names, []string{"운송장"}) {
		t.Errorf("sheets %q", names)
	}
	want := [][]string{
		{"예약구분", "집하예정일", "받는분성명", "받는분전화번호", "받는분기타연락처", "받는분우편번호", "받는분주소(전체, 분할)", "운송장번호", "고객주문번호", "품목명", "박스수량", "박스타입", "기본운임", "배송메세지1"},
		{"일반", "2026-11-24", "김민지", "010-1234-5678", "", "06236", "서울 강남구 테헤란로 1 101호", "612345678901", "2026112410000001", "머그컵", "1", "극소", "3000", "문 앞"},
		{"일반", "2026-11-24", "이서준", "0504-1234-9876", "", "48058", "부산 해운대구 센텀중앙로 2", "612345678902", "2026112410000002", "티셔츠", "1", "소", "3000"},
		{"일반", "2026-11-24", "박 지 훈", "01099998888", "", "63309", "제주 제주시 첨단로 3", "612345678903", "", "양말", "2", "소", "3000", "경비실"},
	}
	if !reflect.DeepEqual(sheets[0], want) {
		t.Errorf("CJ file read as\n%q\nwant\n%q", sheets[0], want)
	}

	_, sheets, err = readXLS(t, fixture(t, "orders.xls"))
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0]
	if len(rows) != 402 {
		t.Fatalf("%d rows, want 402", len(rows))
	}
	last := rows[401] // i = 399 in make_xlwt.py
	if last[0] != "2026112400000400" || last[7] != "수취인399" || last[9] != "01399" ||
		!strings.HasSuffix(last[10], "399동 1197호") || last[13] != "1" || last[15] != "23000" {
		t.Errorf("last row %q", last)
	}

	_, sheets, err = readXLS(t, fixture(t, "courier_hanjin.xls"))
	if err != nil {
		t.Fatal(err)
	}
	if got := sheets[0][2]; got[0] != "한 가 람" || got[3] != "0505-111-2222" || got[13] != "420012345679" {
		t.Errorf("SheetJS row %q", got)
	}
}

// TestXLSRecords reads a workbook built record by record (xls_build_test.go) with every cell kind the
// reader knows, strings split over Continue records in both encodings (the split falls inside a Hangul
// string and inside a Latin one), two sheets and a chart substream inside the first.
func TestXLSRecords(t *testing.T) {
	long := strings.Repeat("가나다라마바사", 9) // 63 Hangul characters: 126 bytes, split several times
	latin := strings.Repeat("abcdefghij", 7)
	sheets := []xlsTestSheet{
		{Name: "주문", Cells: []xlsCell{
			{Row: 0, Col: 0, Text: "상품주문번호"}, {Row: 0, Col: 1, Text: long}, {Row: 0, Col: 2, Text: latin},
			{Row: 0, Col: 3, Text: "라벨", Label: true},
			{Row: 1, Col: 0, Number: fnum(2026112412345678)},
			{Row: 1, Col: 1, Number: fnum(-123456), RK: true},
			{Row: 1, Col: 2, Number: fnum(0.1)},
			{Row: 1, Col: 3, Number: fnum(46350.375)},
			{Row: 2, Col: 0, Formula: true, Text: "수식 결과"},
			{Row: 2, Col: 1, Formula: true, Number: fnum(19000)},
			{Row: 2, Col: 2, Formula: true, Bool: boolp(true)},
			{Row: 2, Col: 3, Formula: true, Err: 0x2A},
			{Row: 3, Col: 0, Bool: boolp(false)},
			{Row: 3, Col: 1, Err: 0x07},
			{Row: 5, Col: 1, Text: "빈 행 다음"},
		}, MulRK: []xlsCell{{Row: 4, Col: 1, Number: fnum(7)}, {Row: 4, Col: 2, Number: fnum(-8)}, {Row: 4, Col: 3, Number: fnum(9)}}},
		xlsGrid("Sheet2", [][]string{{"", "b1"}, {"a2"}}),
	}
	for _, split := range []int{0, 31, 40, 57} {
		raw := xlsFile(t, sheets, xlsOptions{SSTSplit: split})
		names, got, err := readXLS(t, raw)
		if err != nil {
			t.Fatalf("split %d: %v", split, err)
		}
		want := [][]string{
			{"상품주문번호", long, latin, "라벨"},
			{"2026112412345678", "-123456", "0.1", "46350.375"},
			{"수식 결과", "19000", "1", "#N/A"},
			{"0", "#DIV/0!"},
			{"", "7", "-8", "9"},
			{"", "빈 행 다음"},
		}
		if !reflect.DeepEqual(names, []string{"주문", "Sheet2"}) || !reflect.DeepEqual(got[0], want) {
			t.Errorf("split %d: %q\n%q\nwant\n%q", split, names, got[0], want)
		}
		if !reflect.DeepEqual(got[1], [][]string{{"", "b1"}, {"a2"}}) {
			t.Errorf("split %d: second sheet %q", split, got[1])
		}
	}
}

// TestXLSRefused: what the reader will not read says why, in the seller's words, and never asks for a
// password it cannot use.
func TestXLSRefused(t *testing.T) {
	grid := []xlsTestSheet{xlsGrid("Sheet1", [][]string{{"받는분", "운송장번호"}, {"김민지", "612345678901"}})}
	good := buildXLS(t, grid, xlsOptions{})
	cases := []struct {
		name string
		raw  []byte
		want error // errors.Is target; nil: a damaged-file error
	}{
		{"password-protected .xls", xlsFile(t, grid, xlsOptions{Password: true}), ErrOldExcelPassword},
		{"Excel 95 Book stream", cfbFile(t, []string{"Book"}, [][]byte{good}), ErrOldExcel95},
		{"Excel 95 BOF", cfbFile(t, []string{"Workbook"}, [][]byte{append([]byte{0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00}, make([]byte, 4)...)}), ErrOldExcel95},
		{"no workbook stream", cfbFile(t, []string{"WordDocument"}, [][]byte{good}), nil},
		{"cut stream", cfbFile(t, []string{"Workbook"}, [][]byte{good[:len(good)/2]}), nil},
		{"not BIFF", cfbFile(t, []string{"Workbook"}, [][]byte{bytes.Repeat([]byte{0xFF}, 5000)}), nil},
		{"cut compound file", xlsFile(t, grid, xlsOptions{})[:1500], nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadOrders(context.Background(), bytes.NewReader(c.raw), ReadOrderOptions{Password: "1234"}, nil)
			_, _, err2 := ReadCourierFile(context.Background(), bytes.NewReader(c.raw), "1234")
			for _, err := range []error{err, err2} {
				if err == nil {
					t.Fatal("read without an error")
				}
				if errors.Is(err, ErrPasswordRequired) || errors.Is(err, ErrWrongPassword) {
					t.Fatalf("%v: an .xls is never a password question", err)
				}
				if c.want != nil && !errors.Is(err, c.want) {
					t.Fatalf("%v, want %v", err, c.want)
				}
				msg := apperr.Message(err)
				if !strings.Contains(msg, "xls") && !strings.Contains(msg, "Excel") {
					t.Errorf("the seller reads %q", msg)
				}
			}
		})
	}
	// A cell outside Excel 97–2003's grid is a broken file, not a reason to grow without bound.
	wide := xlsFile(t, []xlsTestSheet{{Name: "S", Cells: []xlsCell{{Row: 0, Col: 300, Text: "x"}}}}, xlsOptions{})
	if _, _, err := readXLS(t, wide); err == nil || apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("cell in column 301: %v", err)
	}
}

// TestXLSOrders: an order export saved as .xls imports like the xlsx: the notice row above the header,
// text codes kept whole, dates written as Excel serial numbers.
func TestXLSOrders(t *testing.T) {
	file, err := ReadOrders(context.Background(), bytes.NewReader(fixture(t, "orders.xls")), ReadOrderOptions{Location: kst}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Rows) != 400 || len(file.Problems) != 0 || file.Sheet != "발주발송관리" {
		t.Fatalf("%d rows, problems %v, sheet %q", len(file.Rows), file.Problems, file.Sheet)
	}
	r := file.Rows[3]
	if r.ProductOrderNo != "2026112400000004" || r.OrderNo != "2026112400009001" || r.RecipientName != "수취인3" ||
		r.RecipientPhone1 != "010-0003-0003" || r.Postcode != "01003" || r.Courier != "CJ대한통운" ||
		r.TrackingNo != "612300000003" || r.Qty != 1 || r.UnitPrice != 22000 || r.Amount != 22000 {
		t.Errorf("row %+v", r)
	}
	if want := time.Date(2026, 11, 24, 9, 3, 0, 0, kst); !r.PaidAt.Equal(want) {
		t.Errorf("결제일 %v, want %v", r.PaidAt, want)
	}
}

// TestXLSSheetOpenedOnce: a workbook's cells are read per sheet; an importer that stops at its first
// sheet never parses the others (a damaged second sheet does not stop an import from the first).
func TestXLSSheetOpenedOnce(t *testing.T) {
	sheets := []xlsTestSheet{xlsGrid("택배", [][]string{{"받는분", "운송장번호"}, {"김민지", "612345678901"}}), xlsGrid("메모", [][]string{{"x"}})}
	stream := buildXLS(t, sheets, xlsOptions{})
	// break the second sheet's substream: its BOF becomes an unknown record
	i := bytes.LastIndex(stream, []byte{0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x10, 0x00})
	if i < 0 {
		t.Fatal("no second sheet BOF")
	}
	stream[i] = 0x01
	rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(cfbFile(t, []string{"Workbook"}, [][]byte{stream})), "")
	if err != nil || len(probs) != 0 || len(rows) != 1 || rows[0].TrackingNo != "612345678901" {
		t.Fatalf("%+v %v %v", rows, probs, err)
	}
}

// TestRKValue decodes the four kinds of RkNumber ([MS-XLS] 2.5.218).
func TestRKValue(t *testing.T) {
	for _, c := range []struct {
		rk   uint32
		want float64
	}{
		{123456<<2 | 2, 123456},
		{0xFFFFFFE2, -8}, // -8<<2 | 2 in two's complement
		{1234<<2 | 3, 12.34},
		{0x3FF80000, 1.5},
		{0x3FF80000 | 1, 0.015},
	} {
		if got := rkValue(c.rk); got != c.want {
			t.Errorf("rkValue(%#x) = %v, want %v", c.rk, got, c.want)
		}
	}
	for f, want := range map[float64]string{2026112212345678: "2026112212345678", 0.1: "0.1", 1e-7: "1E-07", -3: "-3", 1e22: "1E+22"} {
		if got := xlsNumber(f); got != want {
			t.Errorf("xlsNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

// TestXLSCellLimit: a sheet is bounded by the cells it makes the reader hold, so a file of one far-right
// cell per row (each row costing 256 slots) is refused before it costs a quarter of a gigabyte.
func TestXLSCellLimit(t *testing.T) {
	sh := xlsTestSheet{Name: "S"}
	for r := 0; r < maxXLSCells/maxXLSCols+10; r++ {
		sh.Cells = append(sh.Cells, xlsCell{Row: r, Col: maxXLSCols - 1, Text: "x"})
	}
	_, _, err := readXLS(t, xlsFile(t, []xlsTestSheet{sh}, xlsOptions{}))
	if err == nil || !strings.Contains(apperr.Message(err), "칸이") {
		t.Fatalf("%v", err)
	}
	sh.Cells = sh.Cells[:maxXLSCells/maxXLSCols-10]
	if _, sheets, err := readXLS(t, xlsFile(t, []xlsTestSheet{sh}, xlsOptions{})); err != nil || len(sheets[0]) != len(sh.Cells) {
		t.Fatalf("just under the limit: %v", err)
	}
}
