package sheet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

var (
	testCats = []catalog.Category{{ID: 1, Name: "의류", Path: "의류"}, {ID: 2, ParentID: 1, Name: "상의", Path: "의류 > 상의", Depth: 1}}
	testSups = []catalog.Supplier{{ID: 7, Name: "한빛섬유"}}
	opts     = ReadOptions{Categories: testCats, Suppliers: testSups}
)

// sheetFile builds an xlsx with a header row and data rows on one sheet, every value as text.
func sheetFile(t testing.TB, sheet string, header []string, rows [][]string, save ...excelize.Options) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		f.SetSheetName("Sheet1", sheet)
	}
	all := append([][]string{header}, rows...)
	for r, row := range all {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != "" {
				f.SetCellStr(sheet, cell, v)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, save...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t testing.TB, b []byte, o ReadOptions) *ProductFile {
	t.Helper()
	file, err := ReadProducts(context.Background(), bytes.NewReader(b), o, nil)
	if err != nil {
		t.Fatalf("ReadProducts: %v", err)
	}
	return file
}

var header = []string{"판매자 상품코드*", "상품명*", "카테고리", "공급업체", "판매가*", "원가", "상태", "과세구분", "옵션형태",
	"옵션명1", "옵션값1", "옵션명2", "옵션값2", "옵션관리코드", "옵션가", "재고수량", "안전재고", "사용여부", "모르는 열"}

func TestReadTemplate(t *testing.T) {
	rows := [][]string{
		{"00123", "린넨 셔츠", "의류 > 상의", "한빛섬유", "39,000원", "15000", "판매중", "과세", "조합형", "색상", "화이트", "사이즈", "M", "00123-WM", "0", "5", "2", "Y", "무시"},
		{"00123", "", "", "", "", "", "", "", "", "", "화이트", "", "L", "00123-WL", "1000", "3", "2", "Y"},
		{"00123", "", "", "", "", "", "", "", "", "", "블랙", "", "M", "00123-BM", "", "0", "", "N"},
		{"S-9", "무지 양말", "상의", "", "8900", "", "", "면세", "없음", "", "", "", "", "", "", "12"},
	}
	file := read(t, sheetFile(t, "상품등록", header, rows), opts)
	if len(file.Problems) != 0 {
		t.Fatalf("problems: %+v", file.Problems)
	}
	if file.Format != FormatTemplate || file.Rows != 4 || len(file.Products) != 2 {
		t.Fatalf("format %s rows %d products %d", file.Format, file.Rows, len(file.Products))
	}
	p := file.Products[0]
	if p.Code != "00123" || p.Price != 39000 || p.Cost != 15000 || p.CategoryID != 2 || p.SupplierID != 7 ||
		p.OptionKind != catalog.OptionsCombination || len(p.Options) != 3 {
		t.Errorf("product = %+v", p)
	}
	if g := p.OptionGroups; len(g) != 2 || strings.Join(g[0].Values, ",") != "화이트,블랙" || strings.Join(g[1].Values, ",") != "M,L" {
		t.Errorf("groups = %+v", g)
	}
	if o := p.Options[1]; o.Code != "00123-WL" || o.ExtraPrice != 1000 || o.Stock != 3 || o.Label() != "화이트 / L" {
		t.Errorf("option 2 = %+v", o)
	}
	if p.Options[2].Usable {
		t.Error("사용여부 N read as usable")
	}
	q := file.Products[1]
	if q.OptionKind != catalog.OptionsNone || q.TaxType != catalog.TaxFree || q.Options[0].Stock != 12 || q.CategoryID != 2 {
		t.Errorf("second = %+v", q)
	}
}

func TestTemplateAndExportRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, testCats, testSups); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); strings.Join(got, ",") != "상품등록,목록,작성방법" {
		t.Errorf("sheets = %v", got)
	}
	if visible, _ := f.GetSheetVisible("목록"); visible {
		t.Error("the list sheet is not hidden")
	}
	dvs, _ := f.GetDataValidations("상품등록")
	if len(dvs) < 5 {
		t.Errorf("drop-downs = %d", len(dvs))
	}
	if a1, _ := f.GetCellValue("상품등록", "A1"); a1 != "판매자 상품코드*" {
		t.Errorf("A1 = %q", a1)
	}
	style, _ := f.GetCellStyle("상품등록", "A50")
	st, _ := f.GetStyle(style)
	if st == nil || st.NumFmt != 49 {
		t.Errorf("code column not formatted as text: %+v", st)
	}
	// the example is the template's own: never imported, and the file says so
	untouched := read(t, buf.Bytes(), opts)
	if len(untouched.Products) != 0 || len(untouched.Skipped) != 4 || untouched.Skipped[0].Row != 2 || untouched.Skipped[0].Why != "예시" {
		t.Fatalf("the template's example was read: %d products, skipped %+v", len(untouched.Products), untouched.Skipped)
	}
	// renamed by the seller, its rows are a product like any other and read back valid
	f.SetCellStr("상품등록", "B2", "오버핏 코튼 티셔츠")
	var renamed bytes.Buffer
	if err := f.Write(&renamed); err != nil {
		t.Fatal(err)
	}
	f.Close()
	example := read(t, renamed.Bytes(), opts)
	if len(example.Problems) != 0 || len(example.Products) != 1 || len(example.Products[0].Options) != 4 || len(example.Skipped) != 0 {
		t.Fatalf("example: %+v %d skipped %+v", example.Problems, len(example.Products), example.Skipped)
	}

	ps := example.Products
	ps[0].Code, ps[0].CategoryID, ps[0].SupplierID = "007", 2, 7
	for i := range ps[0].Options {
		ps[0].Options[i].Code = fmt.Sprintf("007-%d", i)
	}
	none := catalog.Product{Code: "0042", Name: "머그컵", Price: 12000, Status: catalog.StatusSuspended, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 9, SafetyStock: 1}}}
	ps = append(ps, none)
	buf.Reset()
	if err := WriteProducts(&buf, ps, testCats, testSups); err != nil {
		t.Fatal(err)
	}
	back := read(t, buf.Bytes(), opts)
	if len(back.Problems) != 0 {
		t.Fatalf("problems: %+v", back.Problems)
	}
	for i := range ps {
		want, got := ps[i], back.Products[i]
		if got.Code != want.Code || got.Name != want.Name || got.Price != want.Price || got.Status != want.Status ||
			got.CategoryID != want.CategoryID || got.SupplierID != want.SupplierID || len(got.Options) != len(want.Options) {
			t.Errorf("product %d: got %+v\nwant %+v", i, got, want)
			continue
		}
		for j := range want.Options {
			w, g := want.Options[j], got.Options[j]
			if g.Code != w.Code || g.Stock != w.Stock || g.SafetyStock != w.SafetyStock || g.Label() != w.Label() || g.Usable != w.Usable {
				t.Errorf("option %d/%d: got %+v want %+v", i, j, g, w)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	ok := []string{"A1", "셔츠", "의류 > 상의", "", "10000", "", "", "", "", "", "", "", "", "", "", "3"}
	row := func(edit func(r []string)) [][]string {
		r := append([]string(nil), ok...)
		for len(r) < len(header) {
			r = append(r, "")
		}
		edit(r)
		return [][]string{r}
	}
	cases := []struct {
		name   string
		header []string
		rows   [][]string
		row    int
		column string
		says   string
	}{
		{"ErrMissingColumns", []string{"상품명", "카테고리", "재고수량"}, [][]string{{"셔츠", "", "1"}}, 1, "", "필수 열이 없습니다: 판매자 상품코드, 판매가"},
		{"ErrTextInNumber", header, row(func(r []string) { r[4] = "만원" }), 2, "E (판매가)", "숫자가 아닌 값 '만원'"},
		{"ErrZeroPrice", header, row(func(r []string) { r[4] = "0" }), 2, "E (판매가)", "0원보다 커야"},
		{"ErrNegativePrice", header, row(func(r []string) { r[4] = "-500" }), 2, "E (판매가)", "0원보다 커야"},
		{"ErrUnknownCategory", header, row(func(r []string) { r[2] = "가전" }), 2, "C (카테고리)", "없는 카테고리 '가전'"},
		{"ErrUnknownSupplier", header, row(func(r []string) { r[3] = "없는상사" }), 2, "D (공급업체)", "없는 공급업체"},
		{"ErrUnknownStatus", header, row(func(r []string) { r[6] = "판매대기" }), 2, "G (상태)", "알 수 없는 상태"},
		{"ErrNameMissing", header, row(func(r []string) { r[1] = "" }), 2, "B (상품명)", "상품명을 입력"},
		{"ErrCodeMissing", header, row(func(r []string) { r[0] = "" }), 2, "A (판매자 상품코드)", "비어 있습니다"},
		{"ErrNoRows", header, nil, 1, "", "등록할 상품이 없습니다"},
		{"ErrConflictingDuplicate", header, [][]string{
			{"A1", "셔츠", "", "", "10000"}, {"B1", "바지", "", "", "20000"}, {"A1", "다른 이름", "", "", "10000"},
		}, 4, "B (상품명)", "같은 상품코드(A1)의 2행과 값이 다릅니다"},
		{"ErrDuplicateOptionCode", header, [][]string{
			{"A1", "셔츠", "", "", "10000", "", "", "", "단독형", "색상", "빨강", "", "", "X-1"},
			{"B1", "바지", "", "", "20000", "", "", "", "단독형", "색상", "파랑", "", "", "X-1"},
		}, 3, "N (옵션관리코드)", "옵션관리코드 'X-1'가 2행에도"},
		{"ErrOptionPriceMakesZero", header, [][]string{
			{"A1", "셔츠", "", "", "10000", "", "", "", "단독형", "색상", "빨강", "", "", "", "-10000"},
		}, 2, "O (옵션가)", "0원 이하"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := read(t, sheetFile(t, "상품등록", c.header, c.rows), opts)
			found := false
			for _, p := range file.Problems {
				if p.Row == c.row && p.Column == c.column && strings.Contains(p.Reason, c.says) && p.Sheet == "상품등록" {
					found = true
				}
			}
			if !found {
				t.Errorf("want row %d column %q saying %q; got %+v", c.row, c.column, c.says, file.Problems)
			}
		})
	}

	t.Run("ErrTooManyRows", func(t *testing.T) {
		old := maxRows
		maxRows = 3
		defer func() { maxRows = old }()
		file := read(t, sheetFile(t, "상품등록", header, [][]string{ok, ok, ok, ok}), opts)
		if len(file.Problems) != 1 || !strings.Contains(file.Problems[0].Reason, "행이 너무 많습니다") {
			t.Errorf("problems = %+v", file.Problems)
		}
	})
	t.Run("ErrNotXLSX", func(t *testing.T) {
		_, err := ReadProducts(context.Background(), strings.NewReader("상품명,판매가\n셔츠,1000\n"), opts, nil)
		if err == nil || !strings.Contains(err.Error(), "xlsx") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrNoHeader", func(t *testing.T) {
		_, err := ReadProducts(context.Background(), bytes.NewReader(sheetFile(t, "Sheet1", []string{"안녕하세요"}, [][]string{{"메모"}})), opts, nil)
		if err == nil || !strings.Contains(err.Error(), "제목 행") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("Encrypted", func(t *testing.T) {
		b := sheetFile(t, "상품등록", header, [][]string{ok}, excelize.Options{Password: "1234"})
		if _, err := ReadProducts(context.Background(), bytes.NewReader(b), opts, nil); !errors.Is(err, ErrPasswordRequired) {
			t.Errorf("no password: %v", err)
		}
		wrong := opts
		wrong.Password = "0000"
		if _, err := ReadProducts(context.Background(), bytes.NewReader(b), wrong, nil); !errors.Is(err, ErrWrongPassword) {
			t.Errorf("wrong password: %v", err)
		}
		right := opts
		right.Password = "1234"
		if file := read(t, b, right); len(file.Products) != 1 || len(file.Problems) != 0 {
			t.Errorf("with password: %+v", file.Problems)
		}
	})
	t.Run("MarkExisting", func(t *testing.T) {
		file := read(t, sheetFile(t, "상품등록", header, [][]string{ok}), opts)
		file.MarkExisting(map[string]bool{"A1": true}, nil)
		if len(file.Problems) != 1 || file.Problems[0].Column != "A (판매자 상품코드)" || !strings.Contains(file.Problems[0].Reason, "이미 등록된") {
			t.Errorf("problems = %+v", file.Problems)
		}
	})
}

func TestSmartStore(t *testing.T) {
	ssHeader := []string{"상품상태", "카테고리ID", "상품명", "판매가", "재고수량", "상세정보", "판매자 상품코드", "부가세", "원산지 코드",
		"옵션형태", "옵션명", "옵션값", "옵션가", "옵션 재고수량"}
	rows := [][]string{
		{"신상품", "50000803", "스트라이프 셔츠", "29,000", "", "<p>상세</p>", "SS-1", "과세상품", "0200037",
			"조합형", "색상\n사이즈", "빨강,파랑\nS,M", "0,0,1000,1000", "1,2,3,4"},
		{"신상품", "50000803", "무지 양말", "5000", "30", "", "SS-2", "면세상품", "00", "", "", "", "", ""},
	}
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "상품 일괄등록 양식 — 아래 제목 행은 지우지 마세요") // a guide row above the header
	for r, row := range append([][]string{ssHeader}, rows...) {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	var buf bytes.Buffer
	f.Write(&buf)
	file := read(t, buf.Bytes(), opts)
	if len(file.Problems) != 0 {
		t.Fatalf("problems %+v", file.Problems)
	}
	if file.Format != FormatSmartStore || len(file.Products) != 2 {
		t.Fatalf("format %s, %d products", file.Format, len(file.Products))
	}
	p := file.Products[0]
	if p.Price != 29000 || p.OriginCode != "0200037" || len(p.Options) != 4 || p.Options[3].Label() != "파랑 / M" ||
		p.Options[3].Stock != 4 || p.Options[2].ExtraPrice != 1000 {
		t.Errorf("product = %+v", p)
	}
	if q := file.Products[1]; q.TaxType != catalog.TaxFree || q.Options[0].Stock != 30 || q.OriginCode != "00" {
		t.Errorf("second = %+v", q)
	}
}
