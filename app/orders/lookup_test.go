package orders

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"sellerdesk/app/apperr"
	"sellerdesk/app/sheet"
)

// lookupDesk imports a small varied book: two buyers, several products, different days, payments, channels.
func lookupDesk(t *testing.T) desk {
	d := openDesk(t)
	rows := []line{
		paidLine("2026112410000001", "2026112499990001", "김민지", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙-M", "TEE-01", 1).
			with("주문일시", "2026-11-24 09:00:00", "수취인명", "김철수", "수취인연락처1", "010-2222-3333"),
		paidLine("2026112010000002", "2026112099990002", "박서준", "머그컵 화이트", "", "", "MUG-01", 1).
			with("주문일시", "2026-11-20 12:00:00", "결제수단", "네이버페이 포인트", "판매채널", "네이버쇼핑",
				"주문상태", "배송중", "주문세부상태", "", "택배사", "한진택배", "송장번호", "556677889900"),
		paidLine("2026090110000003", "2026090199990003", "이도윤", "린넨 셔츠 베이지", "", "", "", 1).
			with("주문일시", "2026-09-01 08:00:00", "주문상태", "구매확정", "주문세부상태", ""),
		paidLine("2026112410000004", "2026112499990004", "최유나", "오버핏 반팔 티셔츠", "색상: 화이트 / 사이즈: L", "TEE-01-화이트-L", "TEE-01", 1).
			with("주문일시", "2026-11-24 08:00:00", "주문세부상태", "발주확인"),
	}
	d.importBytes(t, xlsxExport(t, exportHeader, rows, ""), "book.xlsx", "")
	return d
}

func pos(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.ProductOrderNo[len(l.ProductOrderNo)-1:])
	}
	sort.Strings(out)
	return out
}

func TestLookupKinds(t *testing.T) {
	d := lookupDesk(t)
	ctx := context.Background()
	for _, c := range []struct {
		search string
		want   string // last digit of each found 상품주문번호
	}{
		{"2026112499990001", "1"}, // 주문번호
		{"2026112010000002", "2"}, // 상품주문번호
		{"556677889900", "2"},     // 송장번호
		{"민지", "1"},               // buyer, partial Hangul
		{"김", "1"},                // one letter: buyer 김민지 and recipient 김철수 are the same line
		{"철수", "1"},               // recipient
		{"3333", "1"},             // last four of the recipient's phone
		{"4321", "1,2,3,4"},       // last four of the buyer phone every fixture line shares
		{"010-2222-3333", "1"},    // a whole phone finds by its last four
		{"셔츠", "1,3,4"},           // a word of the product name
		{"반팔 티셔츠", "1,4"},         // two words, both must match
		{"린넨", "3"},               // product word
		{"없는상품", ""},              // nothing
		{"  ", "1,2,3,4"},         // blank: everything
	} {
		got, err := d.orders.Find(ctx, Query{Search: c.search})
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(pos(got), ","); g != c.want {
			t.Errorf("search %q found %q, want %q", c.search, g, c.want)
		}
		n, err := d.orders.Count(ctx, Query{Search: c.search})
		if err != nil || n != len(got) {
			t.Errorf("count %q = %d, list has %d (%v)", c.search, n, len(got), err)
		}
	}
}

func TestLookupFilters(t *testing.T) {
	d := lookupDesk(t)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    Query
		want string
	}{
		{"오늘", Query{Period: PeriodToday}, "1,4"},
		{"7일", Query{Period: Period7Days}, "1,2,4"},
		{"3개월", Query{Period: Period3Months}, "1,2,3,4"},
		{"직접 입력", Query{Period: PeriodCustom, From: time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local), To: time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)}, "2"},
		{"신규주문", Query{Status: FilterNew}, "1"},
		{"발주확인", Query{Status: FilterConfirmed}, "4"},
		{"배송중", Query{Status: string(StatusDelivering)}, "2"},
		{"결제수단", Query{PaymentMethod: "네이버페이 포인트"}, "2"},
		{"판매채널", Query{Channel: "네이버쇼핑"}, "2"},
		{"국내", Query{Scope: ScopeDomestic}, "1,2,3,4"},
		{"해외", Query{Scope: ScopeOverseas}, ""},
		{"검색+상태", Query{Search: "셔츠", Status: string(StatusDecided)}, "3"},
	} {
		got, err := d.orders.Find(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(pos(got), ","); g != c.want {
			t.Errorf("%s found %q, want %q", c.name, g, c.want)
		}
	}
	// newest first
	got, _ := d.orders.Find(ctx, Query{})
	for i := 1; i < len(got); i++ {
		if got[i].OrderedAt.After(got[i-1].OrderedAt) {
			t.Errorf("list not newest first at %d", i)
		}
	}
	pays, chans, err := d.orders.FilterValues(ctx)
	if err != nil || strings.Join(pays, ",") != "네이버페이 포인트,신용카드" || strings.Join(chans, ",") != "네이버쇼핑,스마트스토어" {
		t.Errorf("filter values = %v %v %v", pays, chans, err)
	}
}

func TestMaskPhone(t *testing.T) {
	for in, want := range map[string]string{
		"010-1234-5678": "010-****-5678", "01012345678": "010-****-5678", "02-123-4567": "02-****-4567",
		"0504-1111-2222": "0504-****-2222", "": "", "123": "***",
	} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestActionsAllowedAndRefused(t *testing.T) {
	for _, c := range []struct {
		a        Action
		s        Status
		p        Placing
		tracking string
		ok       bool
	}{
		{ActionConfirm, StatusPaid, PlacingNotYet, "", true},
		{ActionConfirm, StatusPaid, PlacingOK, "", false},
		{ActionConfirm, StatusPaymentWaiting, PlacingNotYet, "", false},
		{ActionInvoice, StatusPaid, PlacingOK, "", true},
		{ActionInvoice, StatusDelivering, PlacingOK, "1", true},
		{ActionInvoice, StatusDelivered, PlacingOK, "1", false},
		{ActionShip, StatusPaid, PlacingOK, "123", true},
		{ActionShip, StatusPaid, PlacingOK, "", false},
		{ActionShip, StatusPaid, PlacingNotYet, "123", false},
		{ActionShip, StatusDelivering, PlacingOK, "123", false},
		{ActionDeliver, StatusDelivering, PlacingOK, "123", true},
		{ActionDeliver, StatusPaid, PlacingOK, "123", false},
		{ActionDecide, StatusDelivered, PlacingOK, "", true},
		{ActionDecide, StatusDelivering, PlacingOK, "", false},
		{ActionCancel, StatusPaid, PlacingNotYet, "", true},
		{ActionCancel, StatusPaymentWaiting, PlacingNotYet, "", true},
		{ActionCancel, StatusDelivering, PlacingOK, "", false},
		{ActionCancel, StatusCanceled, PlacingNotYet, "", false},
		{ActionPay, StatusPaymentWaiting, PlacingNotYet, "", true},
		{ActionPay, StatusPaid, PlacingNotYet, "", false},
	} {
		err := Allowed(c.a, c.s, c.p, c.tracking)
		if (err == nil) != c.ok {
			t.Errorf("%s on %s/%s tracking %q: err = %v, want ok=%v", c.a, c.s, c.p, c.tracking, err, c.ok)
		}
	}
}

func TestActionFlowWithStock(t *testing.T) {
	d := lookupDesk(t)
	ctx := context.Background()
	find := func(search string) Line {
		t.Helper()
		got, err := d.orders.Find(ctx, Query{Search: search})
		if err != nil || len(got) != 1 {
			t.Fatalf("find %s: %v %v", search, got, err)
		}
		return got[0]
	}
	l := find("2026112410000001")
	// Shipping before confirming is refused with the reason; the line stays.
	res, err := d.orders.Apply(ctx, ActionShip, []int64{l.ID}, ActionInput{})
	if err != nil || res.Done != 0 || len(res.Refused) != 1 || !strings.Contains(res.Refused[0].Reason, "발주확인") {
		t.Fatalf("ship unconfirmed = %+v %v", res, err)
	}
	steps := []struct {
		a    Action
		in   ActionInput
		want string
	}{
		{ActionConfirm, ActionInput{}, "발주확인"},
		{ActionInvoice, ActionInput{Courier: "CJ대한통운", TrackingNo: "998877665544"}, "발주확인"},
		{ActionShip, ActionInput{}, "배송중"},
		{ActionDeliver, ActionInput{}, "배송완료"},
		{ActionDecide, ActionInput{}, "구매확정"},
	}
	for _, s := range steps {
		res, err := d.orders.Apply(ctx, s.a, []int64{l.ID}, s.in)
		if err != nil || res.Done != 1 {
			t.Fatalf("%s: %+v %v", s.a, res, err)
		}
		if got := find("2026112410000001").StatusLabel; got != s.want {
			t.Errorf("after %s label = %s, want %s", s.a, got, s.want)
		}
	}
	if got := find("998877665544").ID; got != l.ID {
		t.Errorf("tracking number typed in does not find the line")
	}
	if got := d.stockOf(t, "TEE-01-블랙-M"); got != 9 {
		t.Errorf("stock = %d, want 10 − 1 taken once through every move", got)
	}

	// Cancel: needs a reason, gives stock back once, and a shipped line is refused.
	other := find("2026112410000004")
	if _, err := d.orders.Apply(ctx, ActionCancel, []int64{other.ID}, ActionInput{}); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("cancel without reason: %v", err)
	}
	res, err = d.orders.Apply(ctx, ActionCancel, []int64{other.ID, l.ID}, ActionInput{Reason: "고객 요청"})
	if err != nil || res.Done != 1 || len(res.Refused) != 1 || res.Refused[0].ProductOrderNo != "2026112410000001" {
		t.Fatalf("cancel = %+v %v", res, err)
	}
	if got := d.stockOf(t, "TEE-01-화이트-L"); got != 10 {
		t.Errorf("stock after cancel = %d, want given back to 10", got)
	}
	res, _ = d.orders.Apply(ctx, ActionCancel, []int64{other.ID}, ActionInput{Reason: "again"})
	if res.Done != 0 || d.stockOf(t, "TEE-01-화이트-L") != 10 {
		t.Errorf("cancelling twice moved stock again")
	}
	mism, _ := d.catalog.LedgerMismatches(ctx)
	if len(mism) != 0 {
		t.Errorf("ledger mismatches %v", mism)
	}
}

func TestDispatchFile(t *testing.T) {
	d := lookupDesk(t)
	ctx := context.Background()
	rows, missing, err := d.orders.DispatchFile(ctx, nil)
	if err != nil || len(rows) != 0 || len(missing) != 2 {
		t.Fatalf("before tracking: %v %v %v", rows, missing, err)
	}
	l, _ := d.orders.Find(ctx, Query{Search: "2026112410000004"})
	if _, err := d.orders.Apply(ctx, ActionInvoice, []int64{l[0].ID}, ActionInput{Courier: "CJ대한통운", TrackingNo: "000123456789"}); err != nil {
		t.Fatal(err)
	}
	rows, missing, err = d.orders.DispatchFile(ctx, nil)
	if err != nil || len(rows) != 1 || len(missing) != 1 {
		t.Fatalf("after tracking: %v %v %v", rows, missing, err)
	}
	want := sheet.DispatchRow{ProductOrderNo: "2026112410000004", Method: "택배,등기,소포", Courier: "CJ대한통운", TrackingNo: "000123456789"}
	if rows[0] != want {
		t.Errorf("row = %+v, want %+v", rows[0], want)
	}
	var buf bytes.Buffer
	if err := sheet.WriteDispatch(&buf, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetRows("발송처리")
	if len(got) != 2 || strings.Join(got[0], ",") != "상품주문번호,배송방법,택배사,송장번호" ||
		strings.Join(got[1], ",") != "2026112410000004,택배,등기,소포,CJ대한통운,000123456789" {
		t.Errorf("file rows = %q", got)
	}
	for _, cell := range []string{"A2", "D2"} {
		if ct, _ := f.GetCellType("발송처리", cell); ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString {
			t.Errorf("%s is cell type %v, want text", cell, ct)
		}
	}
}

func TestManualOrder(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	var teeBM, mug int64
	d.store.Read().QueryRow(`SELECT id FROM product_options WHERE code = 'TEE-01-블랙-M'`).Scan(&teeBM)
	d.store.Read().QueryRow(`SELECT o.id FROM product_options o JOIN products p ON p.id = o.product_id WHERE p.code = 'MUG-01'`).Scan(&mug)

	// every problem at its field, nothing saved
	_, err := d.orders.CreateManual(ctx, ManualOrder{BuyerPhone: "12-34", ShippingFee: 3000,
		Lines: []ManualLine{{OptionID: teeBM, Qty: 0}}})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Fields["buyerName"] == "" || ae.Fields["buyerPhone"] == "" || ae.Fields["address"] == "" ||
		ae.Fields["payment"] == "" || !strings.Contains(ae.Fields["lines"], "1번 상품의 수량") {
		t.Fatalf("invalid order: %v %+v", err, ae)
	}
	no, err := d.orders.CreateManual(ctx, ManualOrder{BuyerName: "최유나", BuyerPhone: "01055556666", PaymentMethod: "계좌이체",
		Channel: "전화 주문", Paid: true, Address: "서울 종로구 1", ShippingFee: 3000,
		Lines: []ManualLine{{OptionID: teeBM, Qty: 2, Discount: 1000}, {OptionID: mug, Qty: 1, UnitPrice: 8000}}})
	if err != nil {
		t.Fatal(err)
	}
	if no != "M-20261124-001" {
		t.Errorf("number = %s", no)
	}
	if d.stockOf(t, "TEE-01-블랙-M") != 8 || d.mugStock(t) != 2 {
		t.Errorf("stock = %d, %d: a paid manual order takes its stock", d.stockOf(t, "TEE-01-블랙-M"), d.mugStock(t))
	}
	got, err := d.orders.Find(ctx, Query{Search: "6666"})
	if err != nil || len(got) != 2 {
		t.Fatalf("find the manual order by phone: %v %v", got, err)
	}
	var tee Line
	for _, l := range got {
		if l.ProductName == "오버핏 반팔 티셔츠" {
			tee = l
		}
	}
	if tee.Amount != 19800*2-1000 || tee.StatusLabel != "신규주문" || tee.Channel != "전화 주문" || tee.OptionInfo != "블랙 / M" {
		t.Errorf("line = %+v", tee)
	}
	// waiting for payment: no stock until 입금확인, then taken once
	no2, err := d.orders.CreateManual(ctx, ManualOrder{BuyerName: "정하늘", BuyerPhone: "02-123-4567", PaymentMethod: "무통장입금",
		Lines: []ManualLine{{OptionID: mug, Qty: 2}}})
	if err != nil || no2 != "M-20261124-002" {
		t.Fatalf("second order: %s %v", no2, err)
	}
	if d.mugStock(t) != 2 {
		t.Errorf("an unpaid order took stock")
	}
	w, _ := d.orders.Find(ctx, Query{Search: "정하늘"})
	if _, err := d.orders.Apply(ctx, ActionPay, []int64{w[0].ID}, ActionInput{}); err != nil {
		t.Fatal(err)
	}
	if d.mugStock(t) != 0 {
		t.Errorf("mug stock after 입금확인 = %d, want 0", d.mugStock(t))
	}
}

func TestCourierFileMatching(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	rows := []line{
		paidLine("3001", "9001", "김민지", "오버핏 반팔 티셔츠", "", "TEE-01-블랙-M", "TEE-01", 1).with("수취인연락처1", "0504-1111-2222"),
		paidLine("3002", "9001", "김민지", "머그컵 화이트", "", "", "MUG-01", 1).with("수취인연락처1", "0504-1111-2222"),
		paidLine("3003", "9002", "박서준", "머그컵 화이트", "", "", "MUG-01", 1).with("수취인연락처1", "010-3333-4444"),
		paidLine("3004", "9003", "이하늘", "머그컵 화이트", "", "", "MUG-01", 1).with("수취인연락처1", "010-5555-6666"),
		paidLine("3005", "9004", "이하늘", "머그컵 화이트", "", "", "MUG-01", 1).with("수취인연락처1", "010-7777-6666"),
		paidLine("3006", "9005", "최유나", "머그컵 화이트", "", "", "MUG-01", 1).with("주문상태", "배송중", "주문세부상태", ""),
	}
	d.importBytes(t, xlsxExport(t, exportHeader, rows, ""), "o.xlsx", "")

	// a courier's booking export, CP949 CSV with its own header names
	csv := "받는분,받는분전화번호,운송장번호,품목\r\n" +
		"김민지,010-9999-2222,6012-3456-7890,티셔츠\r\n" + // 안심번호 vs real phone: last four digits agree
		"박서준,010-3333-4444,601234567891,머그\r\n" +
		"이하늘,010-0000-6666,601234567892,머그\r\n" + // two orders of 이하늘 end in 6666
		"최유나,010-1234-5678,601234567893,머그\r\n" + // already shipped: nothing waiting
		"정없음,010-1111-1111,601234567894,머그\r\n" +
		"정없음,010-1111-1111,,머그\r\n"
	enc, _ := korean.EUCKR.NewEncoder().Bytes([]byte(csv))
	parcels, probs, err := sheet.ReadCourierFile(ctx, bytes.NewReader(enc), "")
	if err != nil || len(parcels) != 5 || len(probs) != 1 || probs[0].Row != 7 {
		t.Fatalf("read: %d parcels, problems %+v, %v", len(parcels), probs, err)
	}
	matches, err := d.orders.MatchTracking(ctx, parcels)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ order, problem string }{
		{"9001", ""}, {"9002", ""}, {"", "주문 2건"}, {"", "발송 대기 주문 없음"}, {"", "발송 대기 주문 없음"},
	}
	for i, w := range want {
		m := matches[i]
		if m.OrderNo != w.order || (w.problem == "") != (m.Problem == "") || !strings.Contains(m.Problem, w.problem) {
			t.Errorf("row %d: %+v, want order %q problem %q", i, m, w.order, w.problem)
		}
	}
	if len(matches[0].LineIDs) != 2 {
		t.Errorf("김민지's order has two lines; both take the parcel: %v", matches[0].LineIDs)
	}
	res, err := d.orders.ApplyTracking(ctx, matches, "CJ대한통운")
	if err != nil || res.Done != 3 {
		t.Fatalf("apply: %+v %v", res, err)
	}
	got, _ := d.orders.Find(ctx, Query{Search: "601234567890"})
	if len(got) != 2 || got[0].Courier != "CJ대한통운" {
		t.Errorf("lines with the first parcel: %+v", got)
	}
}
