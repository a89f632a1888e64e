package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"sellerdesk/app"
	"sellerdesk/app/returns"
)

// claimLine is one line of a download with its claim columns (클레임상태, its day and reason: the Commerce
// API's claimStatus, claimRequestDate, claimReason, as a 취소·반품·교환 download writes them).
type claimLine struct{ no, status, claim, at, reason string }

func claimColumnsCSV(rows ...claimLine) string {
	header := []string{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "주문세부상태", "클레임상태", "클레임 요청일",
		"클레임 사유", "상품명", "옵션관리코드", "수량", "상품가격", "최종 상품별 총 주문금액", "판매자 상품코드", "결제일", "주문일시"}
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\r\n")
	for _, r := range rows {
		b.WriteString(strings.Join([]string{r.no, "O" + r.no, "클레임손님", "클레임손님", r.status, r.claim, r.claim, r.at,
			r.reason, "가져오기 티셔츠", "FLOW-TEE-1", "1", "19800", "19800", "FLOW-TEE", "2026-11-20 10:00:00",
			"2026-11-20 09:59:00"}, ",") + "\r\n")
	}
	return b.String()
}

// requestOf reads the newest request of a line: its number, kind, state, reason and fault.
func requestOf(t *testing.T, d *app.Desk, no string) (number, kind, state, reason, fault string) {
	t.Helper()
	err := app.StoreDB(d).QueryRow(`SELECT r.rt_no, r.kind, r.state, r.reason, r.fault FROM returns r
		JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines l ON l.id = rl.order_line_id
		WHERE l.product_order_no = ? ORDER BY r.id DESC LIMIT 1`, no).Scan(&number, &kind, &state, &reason, &fault)
	if err != nil {
		t.Fatalf("request of %s: %v", no, err)
	}
	return
}

// TestImportTouchesOnlyItsOwnLines: a store full of returned lines without requests (imported by the
// orders area alone, as the demo's are) stays as it is when the seller imports a 3-row file of other lines:
// the import opens no request for lines its file does not carry.
func TestImportTouchesOnlyItsOwnLines(t *testing.T) {
	ctx := context.Background()
	d := importDesk(t)
	var rows []claimRow
	for i := 0; i < 40; i++ {
		rows = append(rows, claimRow{fmt.Sprint(7000 + i), "반품완료"})
	}
	if _, err := d.Orders.ImportFile(ctx, strings.NewReader(claimsCSV(rows...)), "이전.csv", "", nil); err != nil {
		t.Fatal(err)
	}
	three := claimsCSV(claimRow{"1001", "결제완료"}, claimRow{"1002", "배송완료"}, claimRow{"1003", "결제완료"})
	res, err := d.ImportOrders(ctx, strings.NewReader(three), "3행.csv", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ReturnsOpened != 0 || res.ReturnsMoved != 0 {
		t.Errorf("a 3-row file opened %d and moved %d requests of lines it does not carry", res.ReturnsOpened, res.ReturnsMoved)
	}
	if n := count(t, d, `SELECT count(*) FROM returns`); n != 0 {
		t.Errorf("%d requests in the store, want 0", n)
	}
	// a file that carries two of those lines, unchanged, opens nothing either; one whose line Smart Store
	// just returned opens that line's request only
	res, err = d.ImportOrders(ctx, strings.NewReader(claimsCSV(rows[:2]...)), "둘.csv", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ReturnsOpened != 0 {
		t.Errorf("opened %d for lines whose claim did not change", res.ReturnsOpened)
	}
	res, err = d.ImportOrders(ctx, strings.NewReader(claimsCSV(claimRow{"1002", "반품완료"}, rows[2])), "반품.csv", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ReturnsOpened != 1 || count(t, d, `SELECT count(*) FROM returns`) != 1 {
		t.Errorf("opened %d, want only the line this file returned", res.ReturnsOpened)
	}
}

// TestImportClaimsDriveRequests: 반품요청/교환요청 open a request at 요청 with the claim's reason, a 철회 closes
// it, a finished claim moves the seller's request to 입고, and an older file never rewinds a request.
func TestImportClaimsDriveRequests(t *testing.T) {
	ctx := context.Background()
	d := importDesk(t)
	imp := func(name string, rows ...claimLine) app.OrderImport {
		t.Helper()
		res, err := d.ImportOrders(ctx, bytes.NewReader([]byte(claimColumnsCSV(rows...))), name, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	asked := []claimLine{
		{"2001", "배송완료", "반품요청", "2026-11-23 10:00:00", "단순변심"},
		{"2002", "배송완료", "교환요청", "2026-11-23 11:00:00", "상품 파손"},
	}
	res := imp("요청.csv", asked...)
	if res.ReturnsOpened != 2 {
		t.Fatalf("first file = %+v, want 2 requests opened", res)
	}
	if _, kind, state, reason, fault := requestOf(t, d, "2001"); kind != "RETURN" || state != string(returns.StateRequested) ||
		reason != "INTENT_CHANGED" || fault != "BUYER" {
		t.Errorf("반품요청 → %s %s %s %s, want RETURN at 요청, 구매의사취소, the buyer's", kind, state, reason, fault)
	}
	exch, kind, state, reason, fault := requestOf(t, d, "2002")
	if kind != "EXCHANGE" || state != string(returns.StateRequested) || reason != "BROKEN" || fault != "SELLER" {
		t.Errorf("교환요청 → %s %s %s %s, want EXCHANGE at 요청, 파손, the seller's", kind, state, reason, fault)
	}

	res = imp("철회.csv", claimLine{"2001", "배송완료", "반품철회", "2026-11-23 10:00:00", "단순변심"}, asked[1])
	if res.ReturnsClosed != 1 || res.ReturnsOpened != 0 || res.ReturnsMoved != 0 {
		t.Errorf("withdrawal = %+v, want 1 closed", res)
	}
	if _, _, state, _, _ := requestOf(t, d, "2001"); state != string(returns.StateRejected) {
		t.Errorf("withdrawn request = %s, want closed (거부)", state)
	}

	// the seller moves the exchange on; Smart Store finishes it
	for _, m := range []returns.Move{returns.MoveApprove, returns.MoveCollect} {
		if _, err := d.Returns.Apply(ctx, exch, m, returns.MoveInput{TrackingNo: "612345678901"}); err != nil {
			t.Fatal(err)
		}
	}
	res = imp("완료.csv", claimLine{"2002", "교환완료", "교환완료", "2026-11-23 11:00:00", "상품 파손"})
	if res.ReturnsMoved != 1 {
		t.Errorf("교환완료 = %+v, want the request moved", res)
	}
	if _, _, state, _, _ := requestOf(t, d, "2002"); state != string(returns.StateReceived) {
		t.Errorf("exchange request = %s, want 입고", state)
	}
	// the older file again: nothing rewinds, nothing opens
	res = imp("요청.csv", asked...)
	if res.ReturnsOpened != 0 || res.ReturnsMoved != 0 || res.ReturnsClosed != 0 {
		t.Errorf("older file again = %+v, want nothing done to requests", res)
	}
	if _, _, state, _, _ := requestOf(t, d, "2002"); state != string(returns.StateReceived) {
		t.Errorf("exchange request rewound to %s", state)
	}
	if n := count(t, d, `SELECT count(*) FROM returns`); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	// a new request after the withdrawn one, asked later, opens a new request
	res = imp("다시.csv", claimLine{"2001", "배송완료", "반품요청", "2026-11-25 10:00:00", "색상 및 사이즈 변경"})
	if res.ReturnsOpened != 1 {
		t.Errorf("new request after a withdrawal = %+v, want 1 opened", res)
	}
	if _, _, state, reason, _ := requestOf(t, d, "2001"); state != string(returns.StateRequested) || reason != "COLOR_AND_SIZE" {
		t.Errorf("new request = %s %s", state, reason)
	}
}
