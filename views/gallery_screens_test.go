package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/apperr"
	"sellerdesk/app/orders"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/returns"
)

// The dialogs of 주문, 반품·교환 and 발주 in the screen gallery, on the demo store.
func init() {
	// returnOf finds a demo return request in one of states (any return request when none is)
	returnOf := func(t *testing.T, sh *shell, states ...returns.State) returnDetail {
		t.Helper()
		ctx := context.Background()
		rows, err := sh.desk.Returns.List(ctx, returns.Filter{Kind: returns.KindReturn})
		if err != nil || len(rows) == 0 {
			t.Fatalf("no demo return requests: %v", err)
		}
		pick := rows[0]
	found:
		for _, st := range states {
			for _, r := range rows {
				if r.State == st {
					pick = r
					break found
				}
			}
		}
		var d returnDetail
		if d.r, err = sh.desk.Returns.Get(ctx, pick.Number); err != nil {
			t.Fatal(err)
		}
		d.order, _ = sh.desk.Orders.Detail(ctx, d.r.OrderID)
		return d
	}
	registerGallery("반품-환불하고완료", func(t *testing.T, sh *shell) {
		s := galleryScreen[*returnsScreen](t, sh, "반품·교환")
		d := returnOf(t, sh, returns.StateInspected, returns.StateReceived)
		p, err := sh.desk.Returns.Policy(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		newRefundDialog(s, d, p).form.show()
	})
	registerGallery("반품-수거시작", func(t *testing.T, sh *shell) {
		s := galleryScreen[*returnsScreen](t, sh, "반품·교환")
		d := returnOf(t, sh, returns.StateApproved)
		s.askMove(d.r.Number, returns.MoveCollect, lang.L("수거 시작"), lang.L("수거 송장번호"), "tracking",
			func(in *returns.MoveInput, v string) { in.TrackingNo = v })
	})
	registerGallery("반품-일괄처리결과", func(t *testing.T, sh *shell) {
		galleryScreen[*returnsScreen](t, sh, "반품·교환")
		var rs []refusal
		for i := 0; i < 40; i++ {
			rs = append(rs, refusal{"RT-20261124-0" + string(rune('1'+i%9)) + string(rune('0'+i/9)), "입고 상태의 요청은 승인할 수 없습니다."})
		}
		sh.showInfo(lang.L("일괄 처리"), lang.L("{{.N}}건 처리했습니다.", map[string]any{"N": 3})+"\n"+groupRefusals(rs))
	})
	// orderDetail opens 주문 on a demo order the filter q finds
	orderDetail := func(t *testing.T, sh *shell, q orders.Query) *ordersScreen {
		t.Helper()
		s := galleryScreen[*ordersScreen](t, sh, "주문")
		q.Limit = 1
		lines, err := s.svc.Find(context.Background(), q)
		if err != nil || len(lines) == 0 {
			t.Fatalf("no demo order for %+v: %v", q, err)
		}
		s.openDetail(lines[0].OrderID)
		sh.waitJobs()
		if s.detail == nil {
			t.Fatal("the order did not open")
		}
		return s
	}
	registerGallery("주문-반품교환접수", func(t *testing.T, sh *shell) {
		s := orderDetail(t, sh, orders.Query{Status: string(orders.StatusDelivered)})
		s.detail.onReturnRequest()
	})
	registerGallery("주문-해외배송", func(t *testing.T, sh *shell) {
		s := orderDetail(t, sh, orders.Query{Scope: orders.ScopeOverseas})
		s.detail.onOverseas()
	})
	registerGallery("주문-일괄처리결과", func(t *testing.T, sh *shell) {
		s := galleryScreen[*ordersScreen](t, sh, "주문")
		var res orders.ActionResult
		res.Done = 2
		for i := 0; i < 99; i++ {
			res.Refused = append(res.Refused, orders.Refusal{ProductOrderNo: "202611240000" + string(rune('0'+i%10)) + string(rune('0'+i/10)),
				Why: orderRefusalWhy(i)})
		}
		s.afterAction(orders.ActionDeliver, res)
	})
	registerGallery("발주-상세-입고완료", func(t *testing.T, sh *shell) {
		// a purchase order received in one go notes every line in its history: the note wraps instead of
		// widening the window
		s := galleryScreen[*poScreen](t, sh, "발주")
		ctx := context.Background()
		number := ""
		received, _ := sh.desk.POs.List(ctx, purchasing.StatusReceived)
		for _, p := range received { // one received here before (the entry is drawn at every size)
			if full, err := sh.desk.POs.Get(ctx, p.Number); err == nil && len(full.History) > 0 &&
				len(full.History[len(full.History)-1].Note) > 200 {
				number = p.Number
			}
		}
		if number == "" {
			po := galleryOpenPO(t, sh)
			all := map[int64]int64{}
			for _, l := range po.Items {
				all[l.ID] = l.Qty - l.Received
			}
			if err := sh.desk.POs.Receive(ctx, po.Number, all); err != nil {
				t.Fatal(err)
			}
			number = po.Number
		}
		s.openDetail(number)
		sh.waitJobs()
		for _, o := range everything(sh.win.Canvas()) {
			if a, ok := o.(*widget.Accordion); ok {
				a.OpenAll()
			}
		}
		s.root.Refresh() // lays the detail out again for the opened history, as the window does
	})
	registerGallery("발주-입고처리", func(t *testing.T, sh *shell) {
		s := galleryScreen[*poScreen](t, sh, "발주")
		s.onReceive(galleryOpenPO(t, sh))
	})
	registerGallery("발주-입고처리-문제", func(t *testing.T, sh *shell) {
		s := galleryScreen[*poScreen](t, sh, "발주")
		po := galleryOpenPO(t, sh)
		stocks, err := sh.desk.POs.LineStocks(context.Background(), po.Number)
		if err != nil {
			t.Fatal(err)
		}
		f := s.showReceive(po, stocks)
		f.qty[0].SetText("999")
		f.form.Submit()
	})
	// tickFirstRows ticks the first three rows of 상품 (whatever the entry drawn before left ticked)
	tickFirstRows := func(t *testing.T, sh *shell) *productsScreen {
		s := galleryScreen[*productsScreen](t, sh, "상품")
		s.clearSelection()
		for row := 0; row < 3; row++ {
			s.table.Select(widget.TableCellID{Row: row, Col: colSelect})
		}
		return s
	}
	registerGallery("상품-선택", func(t *testing.T, sh *shell) { tickFirstRows(t, sh) })
	registerGallery("상품-카테고리이동", func(t *testing.T, sh *shell) {
		tickFirstRows(t, sh).onBatchMove().Submit() // nothing chosen yet: the problem at the field
	})
	registerGallery("대화상자-해외배송요금표-문제", func(t *testing.T, sh *shell) {
		f := sh.showRateTable()
		sh.waitJobs()
		k, _ := f.key()
		if tb := f.tables[k]; tb != nil && len(tb.entries) > 1 {
			tb.entries[1].SetText("3만")
			tb.entries[0].SetText("21,000")
		}
		f.form.Submit()
	})
	registerGallery("발주-발주서만들기", func(t *testing.T, sh *shell) {
		galleryScreen[*poScreen](t, sh, "발주")
		drafts, skipped, err := sh.desk.POs.ReorderDrafts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(drafts) == 0 { // the demo's low stock is on order already: a proposal as one would look
			drafts = []purchasing.Draft{{SupplierName: "이천 도예마을", Lines: []purchasing.Line{
				{Name: "머그컵 화이트", Qty: 12, UnitCost: 3000}, {Name: "접시", OptionLabel: "대", Qty: 6, UnitCost: 5200}}},
				{SupplierName: "동대문 한빛섬유", Lines: []purchasing.Line{{Name: "오버핏 코튼 티셔츠", OptionLabel: "블랙 / L", Qty: 9, UnitCost: 7000}}}}
			skipped = []purchasing.Skipped{{Item: "스티커 세트", Why: apperr.M("공급업체가 정해지지 않은 상품입니다")}}
		}
		sh.confirmDrafts(drafts, skipped, func([]string) {})
	})
}

// galleryOpenPO is a demo purchase order that can be received (one is marked ordered when none is).
func galleryOpenPO(t *testing.T, sh *shell) purchasing.PO {
	t.Helper()
	ctx := context.Background()
	for _, st := range []purchasing.Status{purchasing.StatusOrdered, purchasing.StatusPartial, purchasing.StatusDraft} {
		pos, err := sh.desk.POs.List(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if len(pos) == 0 {
			continue
		}
		if st == purchasing.StatusDraft {
			if err := sh.desk.POs.MarkOrdered(ctx, pos[0].Number); err != nil {
				t.Fatal(err)
			}
		}
		po, err := sh.desk.POs.Get(ctx, pos[0].Number)
		if err != nil {
			t.Fatal(err)
		}
		return po
	}
	t.Fatal("no demo purchase order to receive")
	return purchasing.PO{}
}

// orderRefusalWhy gives the gallery's batch result two reasons, as a real batch has.
func orderRefusalWhy(i int) apperr.Msg {
	if i%3 == 0 {
		return apperr.M("취소요청이 들어온 주문이라 발송하지 않습니다")
	}
	return apperr.M("송장번호가 없습니다")
}
