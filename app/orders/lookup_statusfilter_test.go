package orders

import (
	"context"
	"fmt"
	"testing"
)

// 결제완료 전체 finds every line paid and still sold — 결제완료 before and after 발주확인, 배송중, 배송완료,
// 구매확정, 교환 — and none that is 결제대기, cancelled or returned; the screen offers it right after 전체 상태.
func TestStatusFilterPaidAll(t *testing.T) {
	d := openDesk(t)
	states := []struct{ status, detail string }{
		{"결제완료", "신규주문"}, {"결제완료", "발주확인"}, {"배송중", ""}, {"배송완료", ""}, {"구매확정", ""},
		{"교환완료", ""}, {"취소완료", ""}, {"반품완료", ""}, {"결제대기", ""}, {"미결제취소", ""},
	}
	var rows []line
	for i, s := range states {
		l := paidLine(fmt.Sprintf("20261120100000%02d", i), fmt.Sprintf("20261120999900%02d", i), "김민지", "머그컵 화이트",
			"", "", "MUG-01", 1).with("주문상태", s.status, "주문세부상태", s.detail)
		if s.status == "결제대기" || s.status == "미결제취소" {
			l = l.with("결제일", "")
		}
		if s.status != "결제완료" && s.status != "결제대기" && s.status != "취소완료" && s.status != "미결제취소" {
			l = l.with("택배사", "CJ대한통운", "송장번호", fmt.Sprintf("6000000000%02d", i), "발송처리일", "2026-11-22 18:00:00")
		}
		rows = append(rows, l)
	}
	d.importBytes(t, xlsxExport(t, exportHeader, rows, ""), "states.xlsx", "")
	ctx := context.Background()
	found, err := d.orders.Find(ctx, Query{Status: FilterPaidAll})
	if err != nil {
		t.Fatal(err)
	}
	got := map[Status]int{}
	for _, l := range found {
		got[l.Status]++
	}
	want := map[Status]int{StatusPaid: 2, StatusDelivering: 1, StatusDelivered: 1, StatusDecided: 1, StatusExchanged: 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("결제완료 전체 found %v, want %v", got, want)
	}
	if n, err := d.orders.Count(ctx, Query{Status: FilterPaidAll}); err != nil || n != 6 {
		t.Errorf("결제완료 전체 counts %d (%v), want 6", n, err)
	}
	// every other status is in the book: the filter leaves them out, it does not miss them
	all, err := d.orders.Count(ctx, Query{})
	if err != nil || all != len(states) {
		t.Fatalf("the book holds %d lines (%v), want %d", all, err, len(states))
	}
	if len(StatusFilters) < 2 || StatusFilters[1] != (StatusFilter{FilterPaidAll, "결제완료 전체"}) {
		t.Errorf("StatusFilters[1] = %+v, want 결제완료 전체", StatusFilters[1])
	}
}
