package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

// tsvRows reads a testdata/products file: one line a sheet row, TAB between cells, "\n" a line break in a
// cell, "#" lines are notes (the file's sources).
func tsvRows(t testing.TB, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "products", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		for i, c := range cells {
			cells[i] = strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(c)
		}
		rows = append(rows, cells)
	}
	return rows
}

// rowsXLSX writes rows from A1 on one sheet as text cells; number turns chosen cells into numbers, as a
// spreadsheet's re-save does.
func rowsXLSX(t testing.TB, sheet string, rows [][]string, number func(r, c int, v string) (float64, bool)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if number != nil {
				if n, ok := number(r, c, v); ok {
					f.SetCellFloat(sheet, cell, n, -1, 64)
					continue
				}
			}
			f.SetCellStr(sheet, cell, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func productByName(ps []catalog.Product, name string) (catalog.Product, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p, true
		}
	}
	return catalog.Product{}, false
}

func labels(p catalog.Product) string {
	var ls []string
	for _, o := range p.Options {
		ls = append(ls, o.Label())
	}
	return strings.Join(ls, ",")
}

// TestSmartStoreTemplateAsDownloaded reads the 93-column template with its section row, 필수/선택 row,
// example and guide rows left in: the data starts at row 7, the example is never read, 단독형 products with
// two and three option names read, rows without 판매자 상품코드 get one.
func TestSmartStoreTemplateAsDownloaded(t *testing.T) {
	rows := tsvRows(t, "smartstore_2026_93col.tsv")
	file := read(t, rowsXLSX(t, "일괄등록", rows, nil), opts)
	if len(file.Problems) != 0 {
		t.Fatalf("problems %+v", file.Problems)
	}
	want := []Skipped{{3, "필수/선택 표시"}, {4, "예시"}, {5, "작성 안내"}, {6, "작성 안내"}}
	if len(file.Skipped) != len(want) {
		t.Fatalf("skipped %+v, want %+v", file.Skipped, want)
	}
	for i := range want {
		if file.Skipped[i] != want[i] {
			t.Errorf("skipped %+v, want %+v", file.Skipped[i], want[i])
		}
	}
	if file.Format != FormatSmartStore || file.Rows != 5 || len(file.Products) != 5 {
		t.Fatalf("format %s, %d rows, %d products", file.Format, file.Rows, len(file.Products))
	}
	if _, ok := productByName(file.Products, "여름 린넨 원피스"); ok {
		t.Fatal("the template's example row was read as a product")
	}
	shirt, _ := productByName(file.Products, "여성 린넨 셔츠")
	if shirt.Code != "LS-100" || shirt.OptionKind != catalog.OptionsCombination || labels(shirt) != "화이트 / M,화이트 / L,블랙 / M,블랙 / L" ||
		shirt.Options[3].Stock != 5 || shirt.Options[3].ExtraPrice != 1000 || shirt.OriginCode != "0200037" || shirt.Detail != "<p>린넨 100%</p>" {
		t.Errorf("조합형 = %+v", shirt)
	}
	socks, _ := productByName(file.Products, "코튼 양말 세트")
	if socks.OptionKind != catalog.OptionsSingle || len(socks.OptionGroups) != 2 || labels(socks) != "블랙,화이트,230,250,270" ||
		socks.Options[4].ExtraPrice != 500 || socks.Options[2].Stock != 10 || strings.Join(socks.Options[2].Values, "|") != "|230" {
		t.Errorf("단독형 with two names = %+v", socks)
	}
	if info := catalog.OrderOptionInfo(socks.OptionGroups, socks.Options[3]); info != "사이즈: 250" {
		t.Errorf("order text of a 단독형 option = %q", info)
	}
	cap, _ := productByName(file.Products, "데일리 볼캡")
	if cap.Code != "CAP-7" || len(cap.OptionGroups) != 3 || labels(cap) != "네이비,FREE,코튼,울" || cap.Options[3].Stock != 6 || cap.Options[3].ExtraPrice != 2000 {
		t.Errorf("단독형 with three names = %+v", cap)
	}
	mug, _ := productByName(file.Products, "스톤웨어 머그")
	if mug.OptionKind != catalog.OptionsNone || mug.Options[0].Stock != 12 || mug.TaxType != catalog.TaxFree || mug.OriginCode != "0001" {
		t.Errorf("옵션 없음 = %+v", mug)
	}
	// rows without 판매자 상품코드: a code from the name, the same every time, named in the result
	bag, _ := productByName(file.Products, "무지 에코백")
	if socks.Code != catalog.SmartStoreCode("", "코튼 양말 세트") || bag.Code != catalog.SmartStoreCode("", "무지 에코백") ||
		!strings.HasPrefix(bag.Code, "SS-") || bag.Code == socks.Code {
		t.Errorf("generated codes %q %q", socks.Code, bag.Code)
	}
	if len(file.Generated) != 2 || file.Generated[0] != (GeneratedCode{Row: 8, Code: socks.Code, From: "상품명"}) {
		t.Errorf("generated %+v", file.Generated)
	}
	again := read(t, rowsXLSX(t, "일괄등록", rows, nil), opts)
	if c, _ := productByName(again.Products, "무지 에코백"); c.Code != bag.Code {
		t.Errorf("the same file gave %q then %q", bag.Code, c.Code)
	}

	t.Run("ProductNumber", func(t *testing.T) {
		// a download that carries Smart Store's own 상품번호 gives the code from it
		rs := append([][]string(nil), rows...)
		rs[1] = append(append([]string(nil), rs[1]...), "상품번호(스마트스토어)")
		for i := 6; i < len(rs); i++ {
			r := make([]string, len(rs[1]))
			copy(r, rs[i])
			r[len(r)-1] = "102938475" + strconv.Itoa(i)
			rs[i] = r
		}
		file := read(t, rowsXLSX(t, "일괄등록", rs, nil), opts)
		if bag, _ := productByName(file.Products, "무지 에코백"); len(file.Problems) != 0 || bag.Code != "SS-10293847510" {
			t.Errorf("code from 상품번호: %q, problems %+v", bag.Code, file.Problems)
		}
		if shirt, _ := productByName(file.Products, "여성 린넨 셔츠"); shirt.Code != "LS-100" {
			t.Errorf("a 판매자 상품코드 was replaced: %q", shirt.Code)
		}
	})

	t.Run("GuidesDeleted", func(t *testing.T) {
		// the seller deleted the guide rows and kept the 필수/선택 row: the row under it is still the example;
		// with every template row deleted the data starts under the header
		rs := append(append([][]string(nil), rows[:4]...), rows[6:]...)
		file := read(t, rowsXLSX(t, "일괄등록", rs, nil), opts)
		if _, ok := productByName(file.Products, "여름 린넨 원피스"); ok || len(file.Products) != 5 || len(file.Skipped) != 2 {
			t.Errorf("marker and example kept: %d products, skipped %+v", len(file.Products), file.Skipped)
		}
		rs = append(append([][]string(nil), rows[:2]...), rows[6:]...)
		file = read(t, rowsXLSX(t, "일괄등록", rs, nil), opts)
		if len(file.Products) != 5 || len(file.Skipped) != 0 || file.Rows != 5 {
			t.Errorf("template rows all deleted: %d products, skipped %+v", len(file.Products), file.Skipped)
		}
	})
}

// TestOlderSmartStoreLayout reads the older ~66-column layout: 상품코드, 카테고리ID, 상세정보, "원산지 코드",
// "옵션형태 " with a trailing space, a 단독형 with two option names and no option lists.
func TestOlderSmartStoreLayout(t *testing.T) {
	file := read(t, rowsXLSX(t, "Sheet1", tsvRows(t, "smartstore_2019_66col.tsv"), nil), opts)
	if len(file.Problems) != 0 || file.Format != FormatSmartStore || len(file.Products) != 2 {
		t.Fatalf("format %s, %d products, problems %+v", file.Format, len(file.Products), file.Problems)
	}
	cream := file.Products[0]
	if cream.Code != "HC-01" || cream.Price != 18500 || cream.OriginCode != "04" || cream.OptionKind != catalog.OptionsSingle ||
		labels(cream) != "로즈,라벤더,50ml,100ml" || cream.Detail != "<p>핸드크림</p>" {
		t.Errorf("단독형 = %+v", cream)
	}
	vest := file.Products[1]
	if vest.Code != "KV-02" || labels(vest) != "오트밀 / FREE,차콜 / FREE,네이비 / FREE" || vest.Options[2].Stock != 3 {
		t.Errorf("조합형 = %+v", vest)
	}
}

// TestCodesAfterResave: a spreadsheet that saved codes as numbers lost their leading zeros (restored where
// the code's length says how many) or wrote long ones in exponent form (refused with that reason).
func TestCodesAfterResave(t *testing.T) {
	h := []string{"판매자 상품코드", "상품명", "판매가", "원산지코드", "HS코드", "옵션관리코드", "재고수량"}
	rows := [][]string{h,
		{"P-1", "중국산 컵", "9000", "200037", "101.21", "", "1"},
		{"P-2", "국산 접시", "9000", "0", "610910", "", "1"},
		{"P-3", "강원 찻잔", "9000", "1", "", "", "1"},
		{"P-4", "물음표", "9000", "3", "", "", "1"},
		{"6.01E+11", "지수 상품", "9000", "", "", "", "1"},
		{"P-6", "옵션코드", "9000", "", "", "1.23457E+15", "1"},
	}
	numeric := func(r, c int, v string) (float64, bool) {
		if r == 0 || c != 3 && c != 4 {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	}
	file := read(t, rowsXLSX(t, "상품등록", rows, numeric), opts)
	got := map[string]string{}
	for _, p := range file.Products {
		got[p.Code] = p.OriginCode + "|" + p.HSCode
	}
	for code, want := range map[string]string{"P-1": "0200037|0101.21", "P-2": "00|610910", "P-3": "0001|"} {
		if got[code] != want {
			t.Errorf("%s: origin|HS = %q, want %q", code, got[code], want)
		}
	}
	wantProblems := map[int]string{5: "앞자리 0이 지워져", 6: "지수 표기", 7: "지수 표기"}
	for row, words := range wantProblems {
		found := false
		for _, p := range file.Problems {
			found = found || p.Row == row && strings.Contains(p.Reason, words)
		}
		if !found {
			t.Errorf("row %d: no problem saying %q in %+v", row, words, file.Problems)
		}
	}
}

func TestRestoreOrigin(t *testing.T) {
	for _, c := range []struct {
		in, out string
		ok      bool
	}{{"00", "00", true}, {"0", "00", true}, {"200037", "0200037", true}, {"1110", "0001110", true}, {"17", "0017", true},
		{"1", "0001", true}, {"3", "3", false}, {"0200037", "0200037", true}, {"중국", "중국", true}, {"99", "99", true}} {
		if out, ok := restoreOrigin(c.in); out != c.out || ok != c.ok {
			t.Errorf("restoreOrigin(%q) = %q %v, want %q %v", c.in, out, ok, c.out, c.ok)
		}
	}
}

func TestHeaderSpellings(t *testing.T) {
	for in, want := range map[string]string{"조건부무료-\n상품판매가 합계": "조건부무료- 상품판매가 합계", "상품명(필수)": colName,
		" 판매자 상품코드* ": colCode, "옵션형태 ": colKind, "필수 옵션명": ssOptionNames, "카테고리코드": ssCategoryID,
		"옵션 재고 수량": ssOptionStock, "판매가격": colPrice, "상품번호(스마트스토어)": ssProductNo, "자체상품코드": colCode} {
		if got := canonical(in); got != want {
			t.Errorf("canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSingleTypeInTemplate: SellerDesk's template writes a 단독형 product with two option names one value a
// row, under its own name.
func TestSingleTypeInTemplate(t *testing.T) {
	rows := [][]string{
		{"S-1", "양말", "", "", "5000", "", "", "", "단독형", "색상", "블랙", "사이즈", "", "", "", "3"},
		{"S-1", "", "", "", "", "", "", "", "", "", "화이트", "", "", "", "", "4"},
		{"S-1", "", "", "", "", "", "", "", "", "", "", "", "250", "", "500", "5"},
	}
	file := read(t, sheetFile(t, "상품등록", header, rows), opts)
	if len(file.Problems) != 0 || len(file.Products) != 1 {
		t.Fatalf("problems %+v", file.Problems)
	}
	p := file.Products[0]
	if p.OptionKind != catalog.OptionsSingle || labels(p) != "블랙,화이트,250" || p.Options[2].ExtraPrice != 500 || len(p.OptionGroups) != 2 {
		t.Errorf("product = %+v", p)
	}
	rows[1][12] = "270" // two values on one row
	file = read(t, sheetFile(t, "상품등록", header, rows), opts)
	if len(file.Problems) == 0 || file.Problems[0].Row != 3 || !strings.Contains(file.Problems[0].Reason, "하나만") {
		t.Errorf("two values on a 단독형 row: %+v", file.Problems)
	}
}

// TestDataRowsThatSoundLikeGuides: the first products of a file are read even when their own words sound
// like a guide (a name or description saying 입력하세요, a price typed as "만원"): only the template's rows
// are skipped.
func TestDataRowsThatSoundLikeGuides(t *testing.T) {
	h := []string{"판매자 상품코드", "상품명", "판매가", "상세설명", "재고수량"}
	rows := [][]string{h,
		{"G-1", "각인 머그 — 문구를 입력하세요", "15000", "주문 시 각인 문구를 입력하세요. 숫자만 가능", "3"},
		{"G-2", "메모 수첩", "만원", "", "1"},
		{"G-3", "예시 문구 스티커", "3000", "", "1"},
	}
	file := read(t, rowsXLSX(t, "상품등록", rows, nil), opts)
	if len(file.Skipped) != 0 || file.Rows != 3 {
		t.Fatalf("data rows skipped as guides: %+v", file.Skipped)
	}
	if len(file.Problems) != 1 || file.Problems[0].Row != 3 || !strings.Contains(file.Problems[0].Reason, "만원") {
		t.Errorf("a price typed in words is the row's own problem: %+v", file.Problems)
	}
}

// TestSmartStoreOptionCodes: a Smart Store file with an 옵션관리코드 list gives each option its code, in
// option order, so an order line carrying the code finds it; a list of the wrong length is a problem.
func TestSmartStoreOptionCodes(t *testing.T) {
	h := []string{"판매자 상품코드", "상품명", "판매가", "옵션형태", "옵션명", "옵션값", "옵션 재고수량", "옵션관리코드"}
	rows := [][]string{h, {"LS-1", "셔츠", "30000", "조합형", "색상\n사이즈", "화이트,블랙\nM,L", "1,2,3,4", "LS-WM,LS-WL,LS-BM,LS-BL"}}
	file := read(t, rowsXLSX(t, "일괄등록", rows, nil), opts)
	if len(file.Problems) != 0 || len(file.Products) != 1 {
		t.Fatalf("problems %+v", file.Problems)
	}
	if o := file.Products[0].Options[2]; o.Code != "LS-BM" || o.Label() != "블랙 / M" || o.Stock != 3 {
		t.Errorf("option 3 = %+v", o)
	}
	rows[1][7] = "LS-WM,LS-WL"
	file = read(t, rowsXLSX(t, "일괄등록", rows, nil), opts)
	if len(file.Problems) != 1 || !strings.Contains(file.Problems[0].Column, "옵션관리코드") {
		t.Errorf("a short code list: %+v", file.Problems)
	}
}
