package orders

import (
	"context"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/sheet"
)

// TestChangeIsCountedAndFound: a later file that changes the recipient's name and phone of a line whose
// status stays is a change (변경), never 그대로, and the lookup finds the line by the new name and phone.
func TestChangeIsCountedAndFound(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	lines := threeLines()
	d.importBytes(t, xlsxExport(t, exportHeader, lines, ""), "1.xlsx", "")
	moved := []line{lines[0].with("수취인명", "이서연", "수취인연락처1", "010-5555-7777"),
		lines[1].with("수취인명", "이서연", "수취인연락처1", "010-5555-7777"), lines[2]}
	res := d.importBytes(t, xlsxExport(t, exportHeader, moved, ""), "2.xlsx", "")
	// the order of lines[0] and lines[1] is one order: both lines now name 이서연
	if res.Updated != 2 || res.Unchanged != 1 {
		t.Fatalf("result = %+v, want the order's 2 lines changed and 1 unchanged", res)
	}
	for _, q := range []string{"이서연", "7777"} {
		got, err := d.orders.Find(ctx, Query{Search: q})
		if err != nil || len(got) != 2 {
			t.Errorf("find %s = %d lines %v, want both lines of the changed order", q, len(got), err)
		}
	}
	if got, _ := d.orders.Find(ctx, Query{Search: "5678"}); len(got) != 1 || got[0].ProductOrderNo != "2026112210000003" {
		t.Errorf("the old phone finds %+v, want only the other order's line", got)
	}
}

// TestNarrowFileErasesNothing: a 구매확정 list (no phones, no address, no 주문일시, 수령인명 and "구매자 ID")
// after the full download keeps every field it lacks, and 주문일시 is not replaced by 결제일.
func TestNarrowFileErasesNothing(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	lay := layouts(t)
	full := paidLine("2026112210000001", "2026112299990001", "김민지", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙-M", "TEE-01", 1).
		with("구매자ID", "minji01")
	d.importBytes(t, xlsxExport(t, exportHeader, []line{full}, ""), "full.xlsx", "")
	narrow := full.with("주문상태", "구매확정", "주문세부상태", "", "구매확정일", "2026-11-30 10:00:00", "수령인명", "김민지",
		"구매자 ID", "minj***", "결제일", "2026-11-22 14:06:00")
	res := d.importBytes(t, xlsxExport(t, lay["decided"], []line{narrow}, ""), "decided.xlsx", "")
	if res.Updated != 1 || res.Failed != 0 {
		t.Fatalf("narrow file = %+v", res)
	}
	got, _ := d.orders.Find(ctx, Query{Search: "2026112210000001"})
	det, err := d.orders.Detail(ctx, got[0].OrderID)
	if err != nil {
		t.Fatal(err)
	}
	o := det.Order
	if o.RecipientPhone1 != "010-1234-5678" || o.BuyerPhone != "010-9876-4321" || o.Address == "" || o.Postcode != "04001" ||
		o.BuyerID != "minji01" || o.DeliveryMessage == "" {
		t.Errorf("the narrow file erased what it does not carry: %+v", o)
	}
	if got := o.OrderedAt.In(time.FixedZone("KST", 9*3600)).Format("2006-01-02 15:04:05"); got != "2026-11-22 14:05:31" { // Smart Store writes KST
		t.Errorf("주문일시 = %s, want 2026-11-22 14:05:31 (결제일 never stands in for a known 주문일시)", got)
	}
	if det.Lines[0].Status != string(StatusDecided) {
		t.Errorf("status = %s, want 구매확정", det.Lines[0].Status)
	}
}

// TestOlderFileIsListedAsSkipped: an older download after a newer one leaves the line where it is, lists
// the row as skipped with its reason (not as a failure) and takes no stock again.
func TestOlderFileIsListedAsSkipped(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	lines := threeLines()
	newer := []line{lines[0].with("주문상태", "배송중", "주문세부상태", "", "택배사", "CJ대한통운", "송장번호", "601234567890",
		"발송일", "2026-11-23 10:00:00")}
	d.importBytes(t, xlsxExport(t, exportHeader, newer, ""), "new.xlsx", "")
	res := d.importBytes(t, xlsxExport(t, exportHeader, lines[:1], ""), "old.xlsx", "")
	if len(res.Skipped) != 1 || res.Failed != 0 || !strings.Contains(res.Skipped[0].Reason, "이 파일보다 새 상태가 이미 있습니다") {
		t.Fatalf("older file = %+v, want 1 skipped with the reason", res)
	}
	listed := false
	for _, p := range res.Problems {
		listed = listed || p == res.Skipped[0]
	}
	if !listed || !strings.Contains(res.Summary(), "새 상태가 이미 있어") {
		t.Errorf("the skipped row is not shown to the seller: %+v / %s", res.Problems, res.Summary())
	}
	got, _ := d.orders.Find(ctx, Query{Search: "2026112210000001"})
	if got[0].Status != StatusDelivering {
		t.Errorf("status = %s, want still 배송중", got[0].Status)
	}
	if n := d.movements(t, "2026112210000001"); n != 1 {
		t.Errorf("stock movements = %d, want 1", n)
	}
	// the seller still corrects by hand, and an older file does not undo that either
	if _, err := d.orders.Apply(ctx, ActionDeliver, []int64{got[0].ID}, ActionInput{}); err != nil {
		t.Fatal(err)
	}
	d.importBytes(t, xlsxExport(t, exportHeader, newer, ""), "new.xlsx", "")
	got, _ = d.orders.Find(ctx, Query{Search: "2026112210000001"})
	if got[0].Status != StatusDelivered {
		t.Errorf("after the seller's 배송완료 and the older file: %s", got[0].Status)
	}
}

// TestDecide holds the reconciliation to the flow's turns and to the files' dates.
func TestDecide(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	req := func(k ClaimKind) Claim { return ClaimOf(k, StageRequest) }
	cases := []struct {
		name       string
		stored     lineState
		row        rowState
		status     Status
		claim      Claim
		skipped    bool
		claimAtDay int
	}{
		{"forward", lineState{StatusPaid, "", day(20), time.Time{}}, rowState{status: StatusDelivering, statusKnown: true, at: day(21)},
			StatusDelivering, "", false, 0},
		{"skips steps", lineState{StatusPaid, "", day(20), time.Time{}}, rowState{status: StatusDecided, statusKnown: true, at: day(20)},
			StatusDecided, "", false, 0},
		{"backward", lineState{StatusDelivering, "", day(21), time.Time{}}, rowState{status: StatusPaid, statusKnown: true, at: day(20)},
			StatusDelivering, "", true, 0},
		{"final is final", lineState{StatusCanceled, ClaimOf(ClaimCancel, StageDone), day(21), time.Time{}},
			rowState{status: StatusDelivering, statusKnown: true, at: day(25)}, StatusCanceled, ClaimOf(ClaimCancel, StageDone), true, 0},
		{"exchanged then decided, newer", lineState{StatusExchanged, ClaimOf(ClaimExchange, StageDone), day(22), time.Time{}},
			rowState{status: StatusDecided, statusKnown: true, at: day(28)}, StatusDecided, ClaimOf(ClaimExchange, StageDone), false, 0},
		{"decided then exchanged, tie keeps", lineState{StatusExchanged, ClaimOf(ClaimExchange, StageDone), day(22), time.Time{}},
			rowState{status: StatusDecided, statusKnown: true, at: day(22)}, StatusExchanged, ClaimOf(ClaimExchange, StageDone), true, 0},
		{"re-delivery of an exchange", lineState{StatusDelivered, req(ClaimExchange), day(22), day(22)},
			rowState{status: StatusDelivering, statusKnown: true, claim: ClaimOf(ClaimExchange, StageRedelivering), claimKnown: true, at: day(24), claimAt: day(22)},
			StatusDelivering, ClaimOf(ClaimExchange, StageRedelivering), false, 22},
		{"no re-delivery without the claim", lineState{StatusDelivered, "", day(22), time.Time{}},
			rowState{status: StatusDelivering, statusKnown: true, at: day(24)}, StatusDelivered, "", true, 0},
		{"cancel asked", lineState{StatusPaid, "", day(20), time.Time{}},
			rowState{status: StatusPaid, statusKnown: true, claim: req(ClaimCancel), claimKnown: true, at: day(21), claimAt: day(21)},
			StatusPaid, req(ClaimCancel), false, 21},
		{"a blank claim never withdraws", lineState{StatusPaid, req(ClaimCancel), day(21), day(21)},
			rowState{status: StatusPaid, statusKnown: true, at: day(20)}, StatusPaid, req(ClaimCancel), false, 21},
		{"withdrawn", lineState{StatusPaid, req(ClaimCancel), day(21), day(21)},
			rowState{status: StatusPaid, statusKnown: true, claim: ClaimOf(ClaimCancel, StageRejected), claimKnown: true, at: day(21)},
			StatusPaid, ClaimOf(ClaimCancel, StageRejected), false, 21},
		{"shipped after a cancel request: withdrawn", lineState{StatusPaid, req(ClaimCancel), day(21), day(21)},
			rowState{status: StatusDelivering, statusKnown: true, at: day(22)}, StatusDelivering, ClaimOf(ClaimCancel, StageRejected), false, 21},
		{"the request after shipping comes in later", lineState{StatusDelivering, "", day(22), time.Time{}},
			rowState{status: StatusPaid, statusKnown: true, claim: req(ClaimCancel), claimKnown: true, at: day(21)},
			StatusDelivering, ClaimOf(ClaimCancel, StageRejected), true, 0},
		{"return after 구매확정", lineState{StatusDecided, "", day(24), time.Time{}},
			rowState{status: StatusDecided, statusKnown: true, claim: req(ClaimReturn), claimKnown: true, at: day(26), claimAt: day(26)},
			StatusDecided, req(ClaimReturn), false, 26},
		{"an older request never rewinds a done return", lineState{StatusReturned, ClaimOf(ClaimReturn, StageDone), day(27), day(26)},
			rowState{status: StatusDelivered, statusKnown: true, claim: req(ClaimReturn), claimKnown: true, at: day(26), claimAt: day(26)},
			StatusReturned, ClaimOf(ClaimReturn, StageDone), true, 26},
		{"claim word as status keeps the status", lineState{StatusDecided, "", day(24), time.Time{}},
			rowState{status: StatusDelivered, statusKnown: false, claim: req(ClaimReturn), claimKnown: true, at: day(26)},
			StatusDecided, req(ClaimReturn), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := decide(c.stored, c.row)
			if d.status != c.status || d.claim != c.claim || (d.skipped != "") != c.skipped {
				t.Errorf("decide = %s/%s skipped %q, want %s/%s skipped %v", d.status, d.claim, d.skipped, c.status, c.claim, c.skipped)
			}
			if c.claimAtDay != 0 && d.claimAt.Day() != c.claimAtDay {
				t.Errorf("claim day = %v, want the %d", d.claimAt, c.claimAtDay)
			}
			if d.at.Before(c.stored.at) {
				t.Errorf("state date went back: %v < %v", d.at, c.stored.at)
			}
		})
	}
}

// TestCancelRequestIsNeverShipped: a line with 취소요청 shows it in the list, the detail and the filter, is
// never matched by a courier file and never written into the 일괄발송 file, and the seller sees why.
func TestCancelRequestIsNeverShipped(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	lines := threeLines()
	header := append(append([]string(nil), exportHeader...), "클레임상태", "클레임 요청일", "클레임 사유")
	asked := lines[2].with("주문세부상태", "취소요청", "클레임상태", "취소요청", "클레임 요청일", "2026-11-22 18:00:00",
		"클레임 사유", "구매 의사 취소", "송장번호", "601234567890", "택배사", "CJ대한통운")
	d.importBytes(t, xlsxExport(t, header, []line{lines[0], lines[1], asked}, ""), "claims.xlsx", "")

	got, err := d.orders.Find(ctx, Query{Status: FilterCancelAsked})
	if err != nil || len(got) != 1 || got[0].ProductOrderNo != "2026112210000003" {
		t.Fatalf("취소요청 filter = %+v %v", got, err)
	}
	if got[0].StatusLabel != "신규주문 · 취소요청" || got[0].Claim != ClaimOf(ClaimCancel, StageRequest) {
		t.Errorf("list label = %q claim %q", got[0].StatusLabel, got[0].Claim)
	}
	det, _ := d.orders.Detail(ctx, got[0].OrderID)
	if det.Lines[0].ClaimLabel != "취소요청" || det.Lines[0].ClaimReasonLabel != "구매의사취소" {
		t.Errorf("detail claim = %q reason %q", det.Lines[0].ClaimLabel, det.Lines[0].ClaimReasonLabel)
	}
	found := false
	for _, f := range StatusFilters {
		found = found || f.Key == FilterCancelAsked && f.Label == "취소요청"
	}
	if !found {
		t.Errorf("StatusFilters lack 취소요청: %+v", StatusFilters)
	}

	matches, err := d.orders.MatchTracking(ctx, []sheet.CourierRow{{Name: "박서준", Phone: "010-1234-5678", TrackingNo: "601234567891"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(matches[0].LineIDs) != 0 || !strings.Contains(matches[0].Problem, "취소요청") {
		t.Errorf("courier file matched a cancel request: %+v", matches[0])
	}

	plan, err := d.orders.DispatchPlan(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range plan.Rows {
		if r.ProductOrderNo == "2026112210000003" {
			t.Errorf("the 일괄발송 file ships a cancel request: %+v", plan.Rows)
		}
	}
	why := ""
	for _, l := range plan.Left {
		if l.ProductOrderNo == "2026112210000003" {
			why = l.Reason
		}
	}
	if !strings.Contains(why, "취소요청") {
		t.Errorf("left out without the reason: %+v", plan.Left)
	}
	_, missing, _ := d.orders.DispatchFile(ctx, nil)
	if !strings.Contains(strings.Join(missing, ","), "2026112210000003 (취소요청)") {
		t.Errorf("DispatchFile's list = %v", missing)
	}

	// withdrawn: the line ships again
	withdrawn := asked.with("주문세부상태", "신규주문", "클레임상태", "취소철회")
	d.importBytes(t, xlsxExport(t, header, []line{withdrawn}, ""), "withdrawn.xlsx", "")
	plan, _ = d.orders.DispatchPlan(ctx, nil)
	shipped := false
	for _, r := range plan.Rows {
		shipped = shipped || r.ProductOrderNo == "2026112210000003"
	}
	if !shipped {
		t.Errorf("a withdrawn cancel request still holds the line back: %+v", plan)
	}
}

// TestCourierNamesAreTheTable: the screens' courier list is app/couriers' table (about 200, common first),
// not a short list of its own.
func TestCourierNamesAreTheTable(t *testing.T) {
	names := CourierNames()
	if len(names) < 150 || names[0] != "CJ대한통운" {
		t.Errorf("courier names = %d, first %q; want the whole table, CJ대한통운 first", len(names), names[0])
	}
}
