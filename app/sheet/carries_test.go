package sheet

import (
	"testing"

	"sellerdesk/app/catalog"
)

// TestCarries: the file says which fields it has a column for, under the template's titles, their aliases
// and Smart Store's, so that a 대량 수정 leaves a deleted column's field as stored.
func TestCarries(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		row    []string
		want   []catalog.Field
	}{
		{"Required", []string{"판매자 상품코드", "상품명", "판매가"}, []string{"A-1", "컵", "1000"},
			[]catalog.Field{catalog.FieldName, catalog.FieldPrice}},
		{"Aliases", []string{"상품코드", "상품명", "판매가", "무게", "재고", "판매상태", "부가세"}, []string{"A-1", "컵", "1000", "", "", "", ""},
			[]catalog.Field{catalog.FieldName, catalog.FieldPrice, catalog.FieldWeight, catalog.FieldStock, catalog.FieldStatus, catalog.FieldTax}},
		{"SmartStore", []string{"판매자 상품코드", "상품명", "판매가", "상품상태", "상세정보", "옵션 재고수량"}, []string{"A-1", "컵", "1000", "", "좋은 컵", ""},
			[]catalog.Field{catalog.FieldName, catalog.FieldPrice, catalog.FieldDetail, catalog.FieldStock}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := read(t, sheetFile(t, "Sheet1", tc.header, [][]string{tc.row}), opts)
			if len(file.Problems) != 0 {
				t.Fatalf("problems: %+v", file.Problems)
			}
			if got, want := len(file.Carries), len(tc.want); got != want {
				t.Errorf("carries %v, want %v", file.Carries, tc.want)
			}
			for _, f := range tc.want {
				if !file.Carries[f] {
					t.Errorf("carries %v, want %s among them", file.Carries, f)
				}
			}
		})
	}

	// the full template carries every field the 대량 수정 compares
	full := read(t, sheetFile(t, "상품등록", templateColumns, [][]string{{"A-1", "컵", "", "", "1000"}}), opts)
	if got, want := len(full.Carries), len(catalog.AllFields()); got != want {
		t.Errorf("the template carries %v", full.Carries)
	}
}
