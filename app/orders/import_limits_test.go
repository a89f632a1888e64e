package orders

import (
	"strings"
	"testing"
)

// TestImportNumbersBeyondLimits: a number beyond its limit skips its row, listed at its sheet, row and column
// with the limit, and the other rows are imported; 실패 counts rows, not cells.
func TestImportNumbersBeyondLimits(t *testing.T) {
	good := threeLines()
	tests := []struct {
		name    string
		bad     line
		columns []string // the bad row's listed columns
		reason  string   // in the first column's problem
	}{
		{"max int64 quantity", good[1].with("수량", "9223372036854775807"), []string{"수량"}, "수량은 99,999개 이하"},
		{"10^18 quantity", good[1].with("수량", "1000000000000000000"), []string{"수량"}, "99,999개 이하"},
		{"negative quantity", good[1].with("수량", "-3"), []string{"수량"}, "1개 이상"},
		{"price 10^12", good[1].with("상품가격", "1,000,000,000,000"), []string{"상품가격"}, "1,000,000,000원 이하"},
		{"amount beyond int64", good[1].with("최종 상품별 총 주문금액", "99999999999999999999"), []string{"총 주문금액"}, "100,000,000,000원 이하"},
		{"two bad cells", good[1].with("수량", "9223372036854775807", "상품가격", "-1"), []string{"수량", "상품가격"}, "99,999개 이하"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDesk(t)
			res := d.importBytes(t, xlsxExport(t, exportHeader, []line{good[0], tt.bad, good[2]}, ""), "주문.xlsx", "")
			if res.New != 2 || res.Failed != 1 {
				t.Fatalf("result = %+v, want 2 new and 1 failed row", res)
			}
			if len(res.Problems) != len(tt.columns) {
				t.Fatalf("problems = %+v, want one per bad cell: %v", res.Problems, tt.columns)
			}
			for i, col := range tt.columns {
				p := res.Problems[i]
				// row 4: the notice row, the header, a good line, then the bad line
				if p.Row != 4 || p.Sheet == "" || !strings.Contains(p.Column, col) {
					t.Errorf("problem %d = %+v, want sheet, row 4 and column %s", i, p, col)
				}
			}
			if !strings.Contains(res.Problems[0].Reason, tt.reason) {
				t.Errorf("reason = %q, want it to name the limit (%q)", res.Problems[0].Reason, tt.reason)
			}
			if got := d.mugStock(t); got != 3 {
				t.Errorf("mug stock = %d, want 3: the skipped row takes none", got)
			}
			if got := d.stockOf(t, "TEE-01-블랙-M"); got != 8 {
				t.Errorf("tee stock = %d, want 10 − 2 from the good row", got)
			}
			if !strings.Contains(res.Summary(), "실패 1건") {
				t.Errorf("summary %q, want 실패 1건", res.Summary())
			}
		})
	}
}
