package sheet

import (
	"reflect"
	"strings"
	"testing"

	"sellerdesk/app/catalog"
)

// shirtRows is a product in three options as an older export wrote it: its own fields on every row.
func shirtRows(edit func(rows [][]string)) [][]string {
	rows := [][]string{
		{"A1", "린넨 셔츠", "", "", "19,000", "8000", "판매중", "과세", "단독형", "색상", "화이트", "", "", "A1-W", "0", "5"},
		{"A1", "린넨 셔츠", "", "", "19000", "8000", "판매중", "과세", "단독형", "색상", "블랙", "", "", "A1-B", "0", "5"},
		{"A1", "린넨 셔츠", "", "", "19000원", "8000", "판매중", "과세", "단독형", "색상", "네이비", "", "", "A1-N", "0", "5"},
	}
	if edit != nil {
		edit(rows)
	}
	return rows
}

var storedShirt = map[string]catalog.Product{"A1": {Code: "A1", Name: "린넨 셔츠", Price: 19000, Cost: 8000,
	Status: catalog.StatusSale, TaxType: catalog.Taxable}}

func TestSettle(t *testing.T) {
	t.Run("SameValueWrittenDifferently", func(t *testing.T) {
		// 19,000 / 19000 / 19000원 are one price: nothing to settle
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(nil)), opts)
		if len(file.Problems) != 0 || file.Disputed() != nil {
			t.Fatalf("problems %+v, disputed %v", file.Problems, file.Disputed())
		}
	})

	t.Run("OneRowChanged", func(t *testing.T) {
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(func(r [][]string) { r[1][4] = "21,000" })), opts)
		// read alone (a 일괄 등록), the rows disagree
		if len(file.Problems) != 1 || file.Problems[0].Row != 3 || file.Problems[0].Column != "E (판매가)" {
			t.Fatalf("before settling: %+v", file.Problems)
		}
		if got := file.Disputed(); !reflect.DeepEqual(got, []string{"A1"}) {
			t.Fatalf("disputed = %v", got)
		}
		file.Settle(storedShirt)
		if len(file.Problems) != 0 || file.Products[0].Price != 21000 || file.Products[0].Cost != 8000 {
			t.Errorf("settled: problems %+v, product %+v", file.Problems, file.Products[0])
		}
	})

	t.Run("NewValueInvalid", func(t *testing.T) {
		// the change is checked, and its problem points at the row that wrote it
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(func(r [][]string) { r[2][4] = "-100" })), opts)
		file.Settle(storedShirt)
		if len(file.Problems) != 1 || file.Problems[0].Row != 4 || file.Problems[0].Column != "E (판매가)" || !strings.Contains(file.Problems[0].Reason, "0원보다 커야") {
			t.Errorf("problems %+v", file.Problems)
		}
	})

	t.Run("ErrTwoNewValues", func(t *testing.T) {
		// stored without a category, the rows give two: one problem, at the second value's row, naming both
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(func(r [][]string) {
			r[0][2], r[1][2], r[2][2] = "의류", "", "의류 > 상의"
		})), opts)
		file.Settle(storedShirt)
		if len(file.Problems) != 1 {
			t.Fatalf("problems %+v", file.Problems)
		}
		p := file.Problems[0]
		want := "같은 상품(A1)의 카테고리 열에 새 값이 여럿입니다: 2행 의류, 4행 의류 > 상의 (저장된 값 (없음)). 바꿀 값 하나로 맞추세요."
		if p.Sheet != "상품등록" || p.Row != 4 || p.Column != "C (카테고리)" || p.Reason != want {
			t.Errorf("problem %+v\nwant reason %s", p, want)
		}
	})

	t.Run("ErrManyRowsTwoValues", func(t *testing.T) {
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(func(r [][]string) {
			r[0][5], r[1][5], r[2][5] = "9000", "9500", "9000"
		})), opts)
		file.Settle(storedShirt)
		if len(file.Problems) != 1 || !strings.Contains(file.Problems[0].Reason, "2행 외 1개 행 9,000원, 3행 9,500원 (저장된 값 8,000원)") {
			t.Errorf("problems %+v", file.Problems)
		}
	})

	t.Run("NotStored", func(t *testing.T) {
		// a product the store does not have keeps its disagreement as a problem
		file := read(t, sheetFile(t, "상품등록", header, shirtRows(func(r [][]string) { r[1][4] = "21,000" })), opts)
		file.Settle(map[string]catalog.Product{})
		if len(file.Problems) != 1 || file.Problems[0].Row != 3 {
			t.Errorf("problems %+v", file.Problems)
		}
	})

	t.Run("SortedExport", func(t *testing.T) {
		// today's export writes product fields on the first option row; sorted in Excel, that row may come
		// later, and the product is still read from it
		rows := shirtRows(func(r [][]string) {
			for c := 1; c <= 9; c++ {
				r[0][c], r[2][c] = "", ""
			}
		})
		rows[0], rows[1] = rows[1], rows[0]
		file := read(t, sheetFile(t, "상품등록", header, rows), opts)
		if len(file.Problems) != 0 || len(file.Products) != 1 {
			t.Fatalf("problems %+v", file.Problems)
		}
		if p := file.Products[0]; p.Name != "린넨 셔츠" || p.Price != 19000 || p.OptionKind != catalog.OptionsSingle || len(p.Options) != 3 ||
			p.Options[0].Code != "A1-B" || p.Options[1].Code != "A1-W" {
			t.Errorf("product %+v", p)
		}
	})
}

// TestCategoryByName: a category is found by its path or by a last name only one category has; a top-level
// category's name is its path (the export writes paths), and that is no ambiguity.
func TestCategoryByName(t *testing.T) {
	cats := []catalog.Category{{ID: 1, Name: "의류", Path: "의류"}, {ID: 2, ParentID: 1, Name: "상의", Path: "의류 > 상의", Depth: 1},
		{ID: 3, Name: "상의", Path: "상의"}, {ID: 4, Name: "잡화", Path: "잡화"}, {ID: 5, ParentID: 4, Name: "모자", Path: "잡화 > 모자", Depth: 1},
		{ID: 6, ParentID: 1, Name: "모자", Path: "의류 > 모자", Depth: 1}}
	lk := newLookup(ReadOptions{Categories: cats})
	for in, want := range map[string]int64{"의류": 1, "의류 > 상의": 2, "의류>상의": 2, "상의": 3, "잡화 > 모자": 5, "모자": -1, "없음": 0} {
		if got := lk.cats[in]; got != want {
			t.Errorf("%q → %d, want %d", in, got, want)
		}
	}
}
