package returns

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// FillDemo adds returns and exchanges in every state inside the demo's transaction, from recently delivered
// lines: good items back in stock, refunds computed, and a completed request's order line moved to 반품 or
// 교환 through the orders area (orders.MoveLineTx) once all of it came back, as completing one in the window
// does.
func FillDemo(ctx context.Context, tx *data.Tx, rng *rand.Rand, now time.Time) error {
	pairs, err := data.DeliveredLinesSince(ctx, tx, now.AddDate(0, 0, -20), 60, orders.Arrived.Codes())
	if err != nil {
		return err
	}
	type cand struct{ line, order int64 }
	var cands []cand
	for _, p := range pairs {
		cands = append(cands, cand{p[0], p[1]})
	}
	pr, err := data.ReturnPolicy(ctx, tx)
	if err != nil {
		return err
	}
	policy := policyOf(pr)
	paths := [][]State{
		{StateRequested},
		{StateRequested, StateApproved},
		{StateRequested, StateRejected},
		{StateRequested, StateApproved, StateCollecting},
		{StateRequested, StateApproved, StateCollecting, StateReceived},
		{StateRequested, StateApproved, StateCollecting, StateReceived, StateInspected},
		{StateRequested, StateApproved, StateCollecting, StateReceived, StateInspected, StateDone},
		{StateRequested, StateApproved, StateHold},
		{StateRequested, StateApproved, StateReceived, StateInspected, StateDone},
		{StateRequested, StateApproved, StateCollecting, StateReceived, StateInspected, StateDone},
	}
	for i, path := range paths {
		if len(cands) < 2 {
			break
		}
		k := rng.IntN(len(cands))
		c := cands[k]
		cands = append(cands[:k], cands[k+1:]...) // each line is returned once
		if len(cands) == 0 {
			break
		}
		ol, err := data.LineByID(ctx, tx, c.line)
		if err != nil {
			return err
		}
		reason := Reasons[rng.IntN(len(Reasons))]
		fault := FaultSeller
		if reason.Buyer {
			fault = FaultBuyer
		}
		kind := KindReturn
		if i%4 == 3 {
			kind = KindExchange
		}
		number, err := data.NextReturnNumberTx(ctx, tx, now.Format("20060102"))
		if err != nil {
			return err
		}
		rec := data.ReturnRecord{Number: number, OrderID: c.order, Kind: string(kind), Reason: string(reason.Code),
			Fault: string(fault), Method: string(Methods[rng.IntN(len(Methods))].Code), State: string(path[len(path)-1])}
		line := data.ReturnLineRecord{OrderLineID: ol.ID, Qty: 1}
		if kind == KindExchange {
			line.ReplacementOptionID = ol.OptionID
		}
		id, err := data.InsertReturnTx(ctx, tx, rec, []data.ReturnLineRecord{line})
		if err != nil {
			return err
		}
		from := ""
		for _, st := range path {
			note := ""
			switch st {
			case StateRejected:
				note = "사용 흔적이 있어 반품 불가"
			case StateHold:
				note = "반품배송비 입금 대기"
			case StateCollecting:
				note = fmt.Sprintf("송장 %d", 600000000000+rng.Int64N(99999999999))
			}
			if err := data.AddReturnHistoryTx(ctx, tx, id, from, string(st), note); err != nil {
				return err
			}
			from = string(st)
		}
		rec.ID = id
		last := path[len(path)-1]
		if last == StateHold {
			rec.HeldFrom = string(StateApproved)
		}
		if last == StateInspected || last == StateDone {
			lines, err := data.ReturnLines(ctx, tx, id)
			if err != nil {
				return err
			}
			l := lines[0]
			l.Inspection = "GOOD"
			if reason.Code == "BROKEN" {
				l.Inspection = "DISPOSE"
			} else if _, err := catalog.AdjustStockTx(ctx, tx, ol.OptionID, 1, catalog.ReasonReturn, "반품 입고 "+number, "return:"+number); err != nil {
				return err
			} else {
				l.Restocked = true
			}
			if err := data.UpdateReturnLineTx(ctx, tx, l); err != nil {
				return err
			}
		}
		if last == StateDone && kind == KindReturn {
			o, err := data.OrderByID(ctx, tx, c.order)
			if err != nil {
				return err
			}
			rec.Refund = Refund(policy, fault, o.ShippingFee, []RefundItem{{Qty: 1, LineQty: ol.Qty, UnitPrice: ol.UnitPrice + ol.OptionPrice, LineDiscount: ol.Discount}})
		}
		if err := data.UpdateReturnTx(ctx, tx, rec); err != nil {
			return err
		}
		if last == StateDone {
			if err := demoMoveLine(ctx, tx, ol, kind, number); err != nil {
				return err
			}
			// the demo completes its returns over the last days, not all on the day it is made
			if kind == KindReturn {
				day := now.AddDate(0, 0, -rng.IntN(6)).In(time.FixedZone("KST", 9*60*60)).Format(time.DateOnly)
				if err := data.SetSalesRefundDayTx(ctx, tx, id, day); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// demoMoveLine moves a completed request's order line as complete does: only when the whole line is back,
// by the orders area's own table of moves.
func demoMoveLine(ctx context.Context, tx *data.Tx, ol data.OrderLineRecord, kind Kind, number string) error {
	done, err := data.ReturnedQty(ctx, tx, ol.ID)
	if err != nil {
		return err
	}
	if done < ol.Qty {
		return nil
	}
	to := orders.StatusReturned
	if kind == KindExchange {
		to = orders.StatusExchanged
	}
	return orders.MoveLineTx(ctx, tx, ol.ID, to, number, "returns")
}
