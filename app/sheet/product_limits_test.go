package sheet

import (
	"fmt"
	"strings"
	"testing"
)

// TestProductFileLimits: a product file with a number beyond its limit is refused whole (the caller imports
// only a file without problems), the cell named by sheet, row and column with the limit.
func TestProductFileLimits(t *testing.T) {
	good := []string{"A1", "셔츠", "", "", "10000", "", "", "", "", "", "", "", "", "", "", "3", "", "", ""}
	other := []string{"B1", "바지", "", "", "20000", "", "", "", "", "", "", "", "", "", "", "5", "", "", ""}
	edit := func(col int, v string) []string {
		r := append([]string(nil), good...)
		r[col] = v
		return r
	}
	tests := []struct {
		name   string
		row    []string
		column string
		says   string
	}{
		{"price 10^12", edit(4, "1,000,000,000,000"), "E (판매가)", "판매가는 1,000,000,000원 이하"},
		{"price max int64", edit(4, "9223372036854775807"), "E (판매가)", "1,000,000,000원 이하"},
		{"price beyond int64", edit(4, "99999999999999999999"), "E (판매가)", "1,000,000,000원 이하"},
		{"cost beyond", edit(5, "1000000001"), "F (원가)", "원가는 1,000,000,000원 이하"},
		{"stock 10^18", edit(15, "1000000000000000000"), "P (재고수량)", "9,999,999개 이하"},
		{"stock -10^18", edit(15, "-1000000000000000000"), "P (재고수량)", "-9,999,999개 이상"},
		{"safety stock beyond", edit(16, "10000000"), "Q (안전재고)", "9,999,999개 이하"},
		{"exponent as text", edit(4, "12E5"), "E (판매가)", "숫자가 아닌 값 '12E5'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := read(t, sheetFile(t, "상품등록", header, [][]string{other, tt.row}), opts)
			if len(file.Problems) != 1 {
				t.Fatalf("problems = %+v, want exactly the one cell", file.Problems)
			}
			p := file.Problems[0]
			if p.Sheet != "상품등록" || p.Row != 3 || p.Column != tt.column || !strings.Contains(p.Reason, tt.says) {
				t.Errorf("problem = %+v, want 상품등록 row 3 column %s saying %q", p, tt.column, tt.says)
			}
		})
	}
	t.Run("at the limits", func(t *testing.T) {
		r := edit(4, "1,000,000,000")
		r[15], r[16] = "9,999,999", "9999999"
		file := read(t, sheetFile(t, "상품등록", header, [][]string{r}), opts)
		if len(file.Problems) != 0 {
			t.Fatalf("problems = %+v, want none at the limits", file.Problems)
		}
		if p := file.Products[0]; p.Price != 1_000_000_000 || p.Options[0].Stock != 9_999_999 {
			t.Errorf("product = %+v", p)
		}
	})
}

// TestSmartStoreCombinationsBounded: option lists that would make 10⁹ combinations are refused from their
// count, at the row's 옵션값 column, and no option is built for that row.
func TestSmartStoreCombinationsBounded(t *testing.T) {
	ssHeader := []string{"상품상태", "카테고리ID", "상품명", "판매가", "재고수량", "판매자 상품코드", "옵션형태", "옵션명", "옵션값",
		"옵션가", "옵션 재고수량"}
	list := func(prefix string, n int) string {
		vs := make([]string, n)
		for i := range vs {
			vs[i] = fmt.Sprintf("%s%d", prefix, i+1)
		}
		return strings.Join(vs, ",")
	}
	tests := []struct {
		name     string
		values   string
		refused  bool
		products int
	}{
		{"10^9 combinations", list("a", 1000) + "\n" + list("b", 1000) + "\n" + list("c", 1000), true, 1},
		{"1,001 combinations", list("a", 7) + "\n" + list("b", 11) + "\n" + list("c", 13), true, 1},
		{"1,000 combinations", list("a", 10) + "\n" + list("b", 10) + "\n" + list("c", 10), false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]string{
				{"신상품", "50000803", "옵션 많은 셔츠", "29,000", "", "SS-1", "조합형", "색상\n사이즈\n무늬", tt.values, "", "1"},
				{"신상품", "50000803", "무지 양말", "5000", "30", "SS-2", "", "", "", "", ""},
			}
			file := read(t, sheetFile(t, "일괄등록", ssHeader, rows), opts)
			if file.Format != FormatSmartStore {
				t.Fatalf("format = %s", file.Format)
			}
			if len(file.Products) != tt.products {
				t.Fatalf("%d products read, want %d", len(file.Products), tt.products)
			}
			for _, p := range file.Products {
				if len(p.Options) > 1000 {
					t.Errorf("product %s built %d options", p.Code, len(p.Options))
				}
			}
			if !tt.refused {
				if len(file.Problems) != 0 || len(file.Products[0].Options) != 1000 {
					t.Errorf("problems = %+v, options = %d; want 1,000 combinations read", file.Problems, len(file.Products[0].Options))
				}
				return
			}
			if len(file.Problems) != 1 {
				t.Fatalf("problems = %+v, want one at the option values", file.Problems)
			}
			p := file.Problems[0]
			if p.Sheet != "일괄등록" || p.Row != 2 || p.Column != "I (옵션값)" || !strings.Contains(p.Reason, "1,000개까지") {
				t.Errorf("problem = %+v, want 일괄등록 row 2 column I (옵션값) naming the limit", p)
			}
		})
	}
}
