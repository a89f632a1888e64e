package returns

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/sheet"
)

func TestListAnalysisAndPolicyExports(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "COLOR_AND_SIZE", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []Move{MoveApprove, MoveReceive} {
		d.ret.Apply(ctx, no, m, MoveInput{})
	}
	r, _ := d.ret.Get(ctx, no)
	d.ret.Inspect(ctx, no, r.Lines[0].ID, "GOOD")
	d.ret.Apply(ctx, no, MoveInspect, MoveInput{})
	if _, err := d.ret.Apply(ctx, no, MoveComplete, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	d.clock.Set(time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local))
	rows, err := d.ret.List(ctx, Filter{})
	if err != nil || len(rows) != 1 || rows[0].OrderNo == "" || !strings.Contains(rows[0].Items, "오버핏 티셔츠") || rows[0].State != StateDone {
		t.Fatalf("list = %+v %v", rows, err)
	}
	if rows, _ := d.ret.List(ctx, Filter{State: StateRequested}); len(rows) != 0 {
		t.Errorf("state filter: %d", len(rows))
	}
	if rows, _ := d.ret.List(ctx, Filter{Reason: "COLOR_AND_SIZE", Kind: KindReturn}); len(rows) != 1 {
		t.Errorf("reason+kind filter: %d", len(rows))
	}
	h, err := d.ret.History(ctx, no)
	if err != nil || len(h) != 6 || h[len(h)-1].To != StateDone {
		t.Errorf("history = %+v %v", h, err)
	}

	a, err := d.ret.Analyze(ctx, time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local), time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.ByProduct) != 1 || a.ByProduct[0].Sold != 2 || a.ByProduct[0].Returned != 1 || Rate(a.ByProduct[0]) != "50.0%" {
		t.Errorf("by product = %+v", a.ByProduct)
	}
	if len(a.Reasons) != 1 || a.Reasons[0].Label != "색상·사이즈변경" || a.Costs.Refunds != r2refund(t, d, no) || len(a.Monthly) != 1 || a.Monthly[0].Month != "2026-11" {
		t.Errorf("analysis = %+v", a)
	}
	var buf bytes.Buffer
	if err := sheet.WriteTables(&buf, a.Tables()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "상품별,옵션별,카테고리별,사유별,비용,월별" {
		t.Errorf("sheets = %s", got)
	}
	row, _ := f.GetRows("상품별")
	if len(row) != 2 || row[1][3] != "50.0%" {
		t.Errorf("상품별 = %q", row)
	}

	p := Policy{WindowDays: 7, DefectMonths: 3, DefectKnownDays: 30, ReturnFee: 3000, ChargeFreeShipping: true, ExchangeFee: 6000, Notes: "포장을 뜯지 않은 상품만 받습니다."}
	text := PolicyText(p, []string{"속옷", "식품"})
	for _, want := range []string{"7일 이내", "3개월 이내", "30일 이내", "3,000원(편도)", "처음 배송비 3,000원", "6,000원", "속옷, 식품", "포장을 뜯지"} {
		if !strings.Contains(text, want) {
			t.Errorf("policy text lacks %q:\n%s", want, text)
		}
	}
	var pdf bytes.Buffer
	if err := d.ret.WritePolicyPDF(ctx, nil, &pdf); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Errorf("policy PDF: %v", err)
	}
}

func r2refund(t *testing.T, d desk, no string) int64 {
	r, err := d.ret.Get(context.Background(), no)
	if err != nil {
		t.Fatal(err)
	}
	return r.Refund
}
