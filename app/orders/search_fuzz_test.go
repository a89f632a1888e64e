package orders

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzOrderSearch types anything into the order list's one search box (the window's and `orders find`'s):
// whatever the seller types (quotes, FTS operators, emoji, a phone with dashes), the lookup answers without
// a fault, Count agrees with Find, and lines come newest first. Seeds: testdata/fuzz/FuzzOrderSearch.
func FuzzOrderSearch(f *testing.F) {
	d := openDesk(f)
	book := []line{
		paidLine("2026112410000001", "2026112499990001", "김민지", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙-M", "TEE-01", 1).
			with("수취인명", "김철수", "수취인연락처1", "010-2222-3333"),
		paidLine("2026112010000002", "2026112099990002", "박서준", "머그컵 화이트", "", "", "MUG-01", 1).
			with("주문상태", "배송중", "주문세부상태", "", "택배사", "한진택배", "송장번호", "556677889900"),
		paidLine("2026090110000003", "2026090199990003", "O'Brien \"Jo\"", "린넨 셔츠 베이지 (L)", "", "", "", 2).
			with("주문상태", "구매확정", "주문세부상태", "", "수취인연락처1", "0504-1111-2222"),
	}
	d.importBytes(f, xlsxExport(f, exportHeader, book, ""), "book.xlsx", "")
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 200 || !utf8.ValidString(q) {
			return // the search box holds a line of text
		}
		found, err := d.orders.Find(ctx, Query{Search: q, Limit: 100})
		if err != nil {
			t.Fatalf("Find(%q): %v", q, err)
		}
		n, err := d.orders.Count(ctx, Query{Search: q})
		if err != nil {
			t.Fatalf("Count(%q): %v", q, err)
		}
		if n != len(found) || n > len(book) {
			t.Fatalf("Count(%q) = %d, Find found %d of %d lines", q, n, len(found), len(book))
		}
		if !newestFirst(found) {
			t.Fatalf("Find(%q) is not newest first: %+v", q, found)
		}
	})
}

// newestFirst reports whether lines come newest order first.
func newestFirst(lines []Line) bool {
	for i := 1; i < len(lines); i++ {
		if lines[i].OrderedAt.After(lines[i-1].OrderedAt) {
			return false
		}
	}
	return true
}
