package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"strings"
	"testing"
)

// benchOrderGrid is an order export of n lines with the columns the importer reads most.
func benchOrderGrid(n int) [][]string {
	rows := [][]string{{"상품주문번호, 택배사 등은 개인정보입니다."}, orderHeaderCells}
	for i := 0; i < n; i++ {
		rows = append(rows, []string{fmt.Sprintf("2026112%09d", i), fmt.Sprintf("2026112%09d", i/2), "결제완료", "신규주문",
			"김민지", "김민지", "010-1234-5678", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙", "2", "19800",
			"39600", "2026-11-22 14:06:00", "2026-11-22 14:05:31", ""})
	}
	return rows
}

// BenchmarkReadFormats reads the same 20,000 order lines from each row format through StreamOrders:
//
//	go test -tags migrated_fynedo -run '^$' -bench ReadFormats -benchmem ./app/sheet/
func BenchmarkReadFormats(b *testing.B) {
	grid := benchOrderGrid(20000)
	var c bytes.Buffer
	csv.NewWriter(&c).WriteAll(grid)
	var tsv, page strings.Builder
	page.WriteString("<html><meta charset=utf-8><table>\n")
	for _, r := range grid {
		tsv.WriteString(strings.Join(r, "\t") + "\n")
		page.WriteString("<tr>")
		for _, v := range r {
			page.WriteString("<td>" + html.EscapeString(v) + "</td>")
		}
		page.WriteString("</tr>\n")
	}
	page.WriteString("</table></html>")
	files := []struct {
		name string
		raw  []byte
	}{
		{"CSV-CP949", cp949(b, c.String())},
		{"TSV-UTF8", []byte(tsv.String())},
		{"HTML-CP949", cp949(b, page.String())},
		{"XLS", xlsFile(b, []xlsTestSheet{xlsGrid("발주발송관리", grid)}, xlsOptions{})},
		{"XLSX", noticeFile(b, orderHeaderCells, grid[2:])},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.raw)))
			for i := 0; i < b.N; i++ {
				n := 0
				if _, err := StreamOrders(context.Background(), bytes.NewReader(f.raw), ReadOrderOptions{Location: kst}, nil, func(OrderRow) error { n++; return nil }); err != nil || n != 20000 {
					b.Fatalf("%d rows, %v", n, err)
				}
			}
		})
	}
}
