package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"
)

// writeSeeds rewrites the seed corpora under testdata/fuzz from the fixtures below:
//
//	go test -tags migrated_fynedo -run TestFuzzSeeds -write-seeds ./app/sheet/
//
// Inputs a fuzz campaign found are kept beside them under their own names and never rewritten.
var writeSeeds = flag.Bool("write-seeds", false, "rewrite the generated fuzz seeds in testdata/fuzz")

// storedXLSX repacks a workbook uncompressed with zero CRCs (which mean "not recorded" to a zip reader):
// the same workbook, but a fuzzer's byte flips land in the XML that excelize parses instead of failing a
// checksum or the inflater. Docs, theme and styles are dropped to keep the seed small; excelize reads
// text cells without them.
func storedXLSX(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "docProps/") || strings.HasPrefix(f.Name, "xl/theme/") || f.Name == "xl/styles.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// noticeFile is an order export as Smart Store writes it: a notice row above the header.
func noticeFile(t testing.TB, header []string, rows [][]string, save ...excelize.Options) []byte {
	t.Helper()
	notice := []string{"※ 상품주문번호, 택배사, 송장번호를 확인하세요. 개인정보는 주문 처리 목적으로만 사용해야 합니다."}
	return sheetFile(t, "발주발송관리", notice, append([][]string{header}, rows...), save...)
}

// gridText writes rows as CSV: the form the grid fuzz targets take their input in.
func gridText(t testing.TB, rows [][]string) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func cp949(t testing.TB, s string) []byte {
	t.Helper()
	b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// oldOrderHeader is an older export's column set: parenthesised tail columns, 유입경로, no 최종 amounts.
var oldOrderHeader = []string{"상품주문번호", "주문번호", "주문상태", "유입경로", "구매자명", "수취인명", "상품명", "옵션정보", "수량",
	"상품가격", "상품별 할인액", "상품별 총 주문금액", "배송비 합계", "(수취인연락처1)", "(우편번호)", "(기본주소)", "(상세주소)", "결제일"}

var oldOrderRows = [][]string{
	{"2025031510000001", "2025031599990001", "구매확정", "네이버쇼핑", "이도윤", "이도윤", "린넨 셔츠 베이지", "", "1",
		"39000", "3900", "35100", "0", "010-5555-6666", "04001", "서울특별시 마포구 월드컵로 1", "101동 202호", "2025.03.15"},
	{"2025031510000002", "2025031599990002", "취소완료", "스마트스토어", "박서준", "박서준", "머그컵 화이트", "", "2",
		"8,900", "0", "17,800원", "3,000", "0504-1234-5678", "06236", "서울특별시 강남구 테헤란로 2", "", "2025.03.15"},
}

// badOrderRows are rows the reader must report, one problem each, by sheet, row and column.
var badOrderRows = [][]string{
	{"", "2026112299990003", "결제완료", "", "정하늘", "정하늘", "", "양말", "", "", "1", "5000", "5000", "", "", ""},
	{"2026112210000004", "2026112299990004", "결제완료", "", "정하늘", "정하늘", "", "양말", "", "", "0", "5000", "5000", "", "", ""},
	{"2026112210000005", "2026112299990005", "결제완료", "", "정하늘", "정하늘", "", "양말", "", "", "두 개", "5000", "5000", "어제", "", ""},
	{"2026112210000001", "2026112299990001", "결제완료", "", "김민지", "김민지", "", "양말", "", "", "1", "5000", "5000", "", "", ""},
}

// seeds lists each target's generated inputs by name.
func seeds(t testing.TB) map[string]map[string]any {
	t.Helper()
	orderCSV := gridText(t, append([][]string{orderHeaderCells}, orderRowCells...))
	oldCSV := gridText(t, append([][]string{oldOrderHeader}, oldOrderRows...))
	courierCSV := gridText(t, append([][]string{courierHeaderCells}, courierRowCells...))
	templateRows := [][]string{
		{"00123", "린넨 셔츠", "의류 > 상의", "한빛섬유", "39,000원", "15000", "판매중", "과세", "조합형", "색상", "화이트", "사이즈", "M", "00123-WM", "0", "5", "2", "Y", "무시"},
		{"00123", "", "", "", "", "", "", "", "", "", "화이트", "", "L", "00123-WL", "1000", "3", "2", "Y"},
		{"S-9", "무지 양말", "상의", "", "8900", "", "", "면세", "없음", "", "", "", "", "", "", "12"},
	}
	badTemplateRows := [][]string{
		{"A1", "셔츠", "가전", "없는상사", "만원", "", "판매대기", "", "단독형", "색상", "빨강", "", "", "X-1", "", "-3"},
		{"B1", "바지", "", "", "0", "", "", "", "단독형", "색상", "파랑", "", "", "X-1", "-20000", "1"},
	}
	ssGuide := [][]string{{"기본정보", "", "상품명", "", "", "", "", "", "", "옵션"}}
	ssRows := append(append(append([][]string(nil), ssGuide...), ssHeaderCells),
		append(ssRowCells, []string{"신상품", "50000803", "반바지", "15000", "", "", "SS-3", "과세상품", "00",
			"단독형", "사이즈", "S\nM\nL", "", "5,5,x"})...)
	var template bytes.Buffer
	if err := WriteTemplate(&template, testCats, testSups); err != nil {
		t.Fatal(err)
	}
	xlsSheets := []xlsTestSheet{
		{Name: "택배", Cells: []xlsCell{
			{Row: 0, Col: 0, Text: "받는분성명"}, {Row: 0, Col: 1, Text: "받는분전화번호"}, {Row: 0, Col: 2, Text: "운송장번호"},
			{Row: 1, Col: 0, Text: "김민지"}, {Row: 1, Col: 1, Text: "010-1234-5678", Label: true}, {Row: 1, Col: 2, Number: fnum(612345678901)},
			{Row: 2, Col: 0, Formula: true, Text: "이서준"}, {Row: 2, Col: 1, Bool: boolp(true)}, {Row: 2, Col: 2, Err: 0x2A},
		}, MulRK: []xlsCell{{Row: 3, Col: 0, Number: fnum(1)}, {Row: 3, Col: 1, Number: fnum(2)}}},
		xlsGrid("메모", [][]string{{"가나다라마바사아자차카타파하", "abcdefghijklmnopqrstuvwxyz"}}),
	}
	tsv := "상품주문번호\t주문번호\t상품명\t수량\t주문상태\n2026112210000001\t2026112299990001\t\"머그\t컵\"\t1\t결제완료\n"
	return map[string]map[string]any{
		"FuzzXLSStream": {
			"cells":    buildXLS(t, xlsSheets, xlsOptions{SSTSplit: 40}),
			"password": buildXLS(t, xlsSheets[:1], xlsOptions{Password: true}),
		},
		"FuzzXLSFile": {
			"courier": xlsFile(t, xlsSheets[:1], xlsOptions{}),
			"sheetjs": fixture(t, "courier_epost.xls"),
		},
		"FuzzHTMLTable": {
			"courier-page":  htmlCourierPage,
			"nested":        "<tr><td colspan=3>a<table><tr><td>b</td></tr></table></td><th>c<br/>d</th></tr><!-- x --><script>y</script>",
			"spreadsheetml": spreadsheetML,
		},
		"FuzzTextStream": {
			"tsv-cp949": cp949(t, tsv),
			"tsv-utf8":  []byte(tsv),
			"csv-late":  append([]byte("a,b\n1,2\n"), cp949(t, "가,나\n")...),
			"utf16-le":  []byte("\xff\xfea\x00\t\x00b\x00\n\x00\x00\xac\t\x001\x00\n\x00"),
		},
		"FuzzOrderXLSX": {
			"export":        noticeFile(t, orderHeaderCells, orderRowCells),
			"export-stored": storedXLSX(t, noticeFile(t, orderHeaderCells, orderRowCells)),
			"old-columns":   storedXLSX(t, sheetFile(t, "Sheet1", oldOrderHeader, oldOrderRows)),
			"bad-rows":      storedXLSX(t, noticeFile(t, orderHeaderCells, append(orderRowCells, badOrderRows...))),
			"encrypted":     noticeFile(t, orderHeaderCells, orderRowCells[:1], excelize.Options{Password: "1234"}),
		},
		"FuzzOrderCSV": {
			"utf8":        []byte(orderCSV),
			"utf8-bom":    append([]byte{0xEF, 0xBB, 0xBF}, orderCSV...),
			"cp949":       cp949(t, orderCSV),
			"cp949-old":   cp949(t, oldCSV),
			"bad-rows":    cp949(t, gridText(t, append([][]string{orderHeaderCells}, badOrderRows...))),
			"lazy-quotes": []byte("상품주문번호,주문번호,상품명,수량,주문상태\r\n1\"2,3,\"머그\"컵\",1,결제완료\r\n\"4,5\",6,양말\n"),
		},
		"FuzzOrderCells": {
			"export":   gridText(t, append([][]string{orderHeaderCells}, orderRowCells...)),
			"old":      gridText(t, append([][]string{oldOrderHeader}, oldOrderRows...)),
			"bad-rows": gridText(t, append([][]string{{"※ 상품주문번호, 택배사 안내"}, orderHeaderCells}, badOrderRows...)),
		},
		"FuzzCourierFile": {
			"xlsx":          storedXLSX(t, sheetFile(t, "Sheet1", courierHeaderCells, courierRowCells)),
			"cp949":         cp949(t, courierCSV),
			"utf8-problems": []byte("택배사,수하인명,수하인전화,운송장번호\n로젠택배,김민지,010-1111-2222,\n로젠택배,,010-3333-4444,123-456\n"),
		},
		"FuzzProductFile": {
			"template":          storedXLSX(t, template.Bytes()),
			"template-stored":   storedXLSX(t, sheetFile(t, "상품등록", header, templateRows)),
			"smartstore-stored": storedXLSX(t, sheetFile(t, "일괄등록", ssHeaderCells, ssRowCells)),
		},
		"FuzzProductTemplate": {
			"template": gridText(t, append([][]string{header}, templateRows...)),
			"problems": gridText(t, append([][]string{header}, badTemplateRows...)),
		},
		"FuzzSmartStoreBulk": {
			"bulk":        gridText(t, append([][]string{ssHeaderCells}, ssRowCells...)),
			"guide-rows":  gridText(t, ssRows),
			"old-columns": gridText(t, [][]string{{"상품상태", "카테고리ID", "상품명", "판매가", "재고수량", "상품코드", "부가세", "옵션형태 ", "옵션명", "옵션값", "옵션 재고수량"}, {"신상품", "1", "모자", "12000", "", "H-1", "과세상품", "단독형", "색상", "검정,흰색", "3"}}),
		},
	}
}

// TestFuzzSeeds checks that every generated seed is in testdata (so `go test` runs it), and with
// -write-seeds writes them there. The repacked workbooks must still read as the files they came from.
func TestFuzzSeeds(t *testing.T) {
	stored := storedXLSX(t, noticeFile(t, orderHeaderCells, orderRowCells))
	if file, err := readOrderBytes(stored); err != nil || len(file.Rows) != 2 {
		t.Fatalf("repacked order export: %v", err)
	}
	products, err := ReadProducts(context.Background(), bytes.NewReader(storedXLSX(t, sheetFile(t, "일괄등록", ssHeaderCells, ssRowCells))), opts, nil)
	if err != nil || len(products.Problems) != 0 || len(products.Products) != 2 {
		t.Fatalf("repacked 일괄등록 file: %v", err)
	}
	for target, inputs := range seeds(t) {
		dir := filepath.Join("testdata", "fuzz", target)
		names := make([]string, 0, len(inputs))
		for name := range inputs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			path := filepath.Join(dir, "seed-"+name)
			if *writeSeeds {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, corpusFile(inputs[name]), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("seed %s is missing: run with -write-seeds (%v)", path, err)
			}
		}
	}
}

// corpusFile writes one input in Go's fuzz corpus format.
func corpusFile(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", v)
	case string:
		return fmt.Appendf(nil, "go test fuzz v1\nstring(%q)\n", v)
	}
	panic(fmt.Sprintf("corpusFile: %T", v))
}
