package sheet

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// orderCSV writes a header and rows as CSV text, each cell quoted.
func orderCSV(header []string, rows ...[]string) []byte {
	var b strings.Builder
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

func readCSVOrders(t *testing.T, b []byte) *OrderFile {
	t.Helper()
	f, err := ReadOrders(context.Background(), bytes.NewReader(b), ReadOrderOptions{Location: kst}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestOrderHeaderAliases: other screens' names for the same columns (the 구매확정 list's 수령인명 and
// "구매자 ID", an older set's parenthesised tail columns) are read, and the row says which fields its file
// carries and which it does not.
func TestOrderHeaderAliases(t *testing.T) {
	header := []string{"상품주문번호", "주문번호", "주문상태", "상품명", "수량", "수령인명", "구매자 ID", "(수취인연락처1)",
		"(우편번호)", "(기본주소)", "(상세주소)", "(구매자연락처)", "결제일"}
	f := readCSVOrders(t, orderCSV(header, []string{"2026112210000001", "2026112299990001", "구매확정", "머그컵", "1",
		"김민지", "minj***", "0504-1111-2222", "04001", "부산광역시 해운대구", "1층", "010-9876-4321", "2026-11-22 14:06:00"}))
	if len(f.Rows) != 1 || len(f.Problems) != 0 {
		t.Fatalf("rows %+v problems %+v", f.Rows, f.Problems)
	}
	r := f.Rows[0]
	if r.RecipientName != "김민지" || r.BuyerID != "minj***" || r.RecipientPhone1 != "0504-1111-2222" || r.Postcode != "04001" ||
		r.Address != "부산광역시 해운대구" || r.AddressDetail != "1층" || r.BuyerPhone != "010-9876-4321" {
		t.Errorf("row = %+v", r)
	}
	for _, c := range []struct {
		f    Field
		want bool
	}{{FieldRecipient, true}, {FieldBuyerID, true}, {FieldPhone1, true}, {FieldAddress, true}, {FieldPaid, true},
		{FieldOrdered, false}, {FieldPhone2, false}, {FieldUnitPrice, false}, {FieldAmount, false}, {FieldBuyerName, false},
		{FieldMessage, false}, {FieldClaim, false}} {
		if r.Has(c.f) != c.want {
			t.Errorf("Has(%b) = %v, want %v", c.f, r.Has(c.f), c.want)
		}
	}
	if !r.OrderedAt.IsZero() {
		t.Errorf("주문일시 = %v from a file without it, want zero (결제일 is not 주문일시)", r.OrderedAt)
	}
	if !f.NoPrices {
		t.Errorf("a layout without price columns must say so")
	}
}

// TestOrderResavedCells: a spreadsheet's re-save drops the leading zeros of 우편번호 and phones (restored),
// and cuts a 16-digit 상품주문번호 or a 송장번호 to an exponent (refused with that reason, never stored).
func TestOrderResavedCells(t *testing.T) {
	header := []string{"상품주문번호", "주문번호", "주문상태", "상품명", "수량", "우편번호", "수취인연락처1", "수취인연락처2",
		"구매자연락처", "송장번호", "상품가격"}
	row := func(pono, post, p1, p2, buyer, tracking string) []string {
		return []string{pono, "2026112299990001", "결제완료", "머그컵", "1", post, p1, p2, buyer, tracking, "9000"}
	}
	f := readCSVOrders(t, orderCSV(header,
		row("2026112210000001", "4001", "1012345678", "21234567", "50412345678", ""),
		row("2026112210000002", "04001", "15881234", "010-1111-2222", "", "601234567890"),
		row("2.02611E+15", "04001", "", "", "", ""),
		row("2026112210000004", "04001", "", "", "", "6.01E+11"),
		row("2026112210000005", "04001", "", "", "", "6.01234567891E+11"),
	))
	if f.NoPrices {
		t.Errorf("상품가격 is a price column")
	}
	got := map[string]OrderRow{}
	for _, r := range f.Rows {
		got[r.ProductOrderNo] = r
	}
	r := got["2026112210000001"]
	if r.Postcode != "04001" || r.RecipientPhone1 != "010-1234-5678" || r.RecipientPhone2 != "02-123-4567" || r.BuyerPhone != "0504-1234-5678" {
		t.Errorf("leading zeros not restored: %+v", r)
	}
	r = got["2026112210000002"]
	if r.RecipientPhone1 != "15881234" || r.RecipientPhone2 != "010-1111-2222" || r.TrackingNo != "601234567890" {
		t.Errorf("numbers that lost nothing changed: %+v", r)
	}
	if r := got["2026112210000005"]; r.TrackingNo != "601234567891" {
		t.Errorf("an exponent that kept every digit = %q, want 601234567891", r.TrackingNo)
	}
	if len(f.Rows) != 3 {
		t.Errorf("rows = %d, want 3 (two refused)", len(f.Rows))
	}
	for _, want := range []struct {
		row    int
		column string
	}{{4, "상품주문번호"}, {5, "송장번호"}} {
		found := false
		for _, p := range f.Problems {
			found = found || p.Row == want.row && strings.Contains(p.Column, want.column) && strings.Contains(p.Reason, "자릿수가 사라졌습니다")
		}
		if !found {
			t.Errorf("row %d: no problem at %s saying the digits are gone: %+v", want.row, want.column, f.Problems)
		}
	}
}

// TestOrderClaimColumns: 클레임상태, its day and reason, 배송완료일 and 구매확정일 are read.
func TestOrderClaimColumns(t *testing.T) {
	header := []string{"상품주문번호", "주문번호", "주문상태", "주문세부상태", "클레임상태", "클레임 요청일", "클레임 사유", "상품명",
		"수량", "배송완료일", "구매확정일", "발송처리일"}
	f := readCSVOrders(t, orderCSV(header, []string{"2026112210000001", "2026112299990001", "구매확정", "반품요청", "반품요청",
		"2026-11-26 09:30:00", "단순변심", "머그컵", "1", "2026-11-24 12:00:00", "2026-11-25 09:00:00", "2026-11-23 10:00:00"}))
	if len(f.Rows) != 1 {
		t.Fatalf("problems %+v", f.Problems)
	}
	r := f.Rows[0]
	if r.Claim != "반품요청" || r.ClaimReason != "단순변심" || r.ClaimAt.Day() != 26 || r.DeliveredAt.Day() != 24 ||
		r.DecidedAt.Day() != 25 || r.ShippedAt.Day() != 23 || !r.Has(FieldClaim) || !r.Has(FieldClaimReason) {
		t.Errorf("row = %+v", r)
	}
}
