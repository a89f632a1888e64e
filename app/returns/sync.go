package returns

import (
	"context"

	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// SyncImported opens and moves the requests of lines Smart Store returned or exchanged, in its own
// transaction (see SyncImportedTx). The seller's import does this in the import's own transaction
// (app.Desk.ImportOrders); this stays for callers that import first and sync after.
func (s *Service) SyncImported(ctx context.Context) (opened, moved int, err error) {
	err = s.write(ctx, "스마트스토어 반품 반영", func(tx *data.Tx) error {
		opened, moved, err = s.SyncImportedTx(ctx, tx)
		return err
	})
	return opened, moved, err
}

// SyncImportedTx opens a request, waiting for inspection, for every order line in a claimed status
// (orders.Claimed: Smart Store finished its return or exchange) that has none yet, and moves an open request
// of such a line on to 입고, inside the caller's transaction. The reason is unknown from the export (기타) and
// the seller can set it right in the detail. It returns how many requests it opened and moved.
func (s *Service) SyncImportedTx(ctx context.Context, tx *data.Tx) (opened, moved int, err error) {
	lines, err := data.ClaimedLines(ctx, tx, orders.Claimed.Codes())
	if err != nil {
		return 0, 0, err
	}
	for _, l := range lines {
		if err := ctx.Err(); err != nil {
			return 0, 0, err // a cancel reaches a long sync too, not only the import before it
		}
		if l.OpenRT == "" {
			kind := KindReturn
			if orders.Status(l.Status) == orders.StatusExchanged {
				kind = KindExchange
			}
			number, err := data.NextReturnNumberTx(ctx, tx, tx.Now().Format("20060102"))
			if err != nil {
				return 0, 0, err
			}
			rec := data.ReturnRecord{Number: number, OrderID: l.OrderID, Kind: string(kind), Reason: "ETC", Fault: string(FaultSeller),
				Method: "PICKUP", State: string(StateReceived), Note: "스마트스토어에서 처리된 클레임"}
			id, err := data.InsertReturnTx(ctx, tx, rec, []data.ReturnLineRecord{{OrderLineID: l.ID, Qty: l.Qty}})
			if err != nil {
				return 0, 0, err
			}
			if err := data.AddReturnHistoryTx(ctx, tx, id, "", string(StateReceived), "주문 가져오기"); err != nil {
				return 0, 0, err
			}
			opened++
			continue
		}
		r, err := s.load(ctx, tx, l.OpenRT)
		if err != nil {
			return 0, 0, err
		}
		switch r.state() {
		case StateRequested, StateApproved, StateCollecting:
			from := r.rec.State
			r.rec.State = string(StateReceived)
			if err := data.UpdateReturnTx(ctx, tx, r.rec); err != nil {
				return 0, 0, err
			}
			if err := data.AddReturnHistoryTx(ctx, tx, r.rec.ID, from, string(StateReceived), "스마트스토어 반품완료"); err != nil {
				return 0, 0, err
			}
			moved++
		}
	}
	return opened, moved, nil
}

// ClaimSync is what SyncClaimsTx did: requests opened, moved on to 입고, and closed because the buyer
// withdrew the claim (철회).
type ClaimSync struct {
	Opened, Moved, Closed int
}

// SyncClaimsTx opens, moves and closes the requests of the lines an import changed the claim of, inside the
// import's transaction, and touches no other line (the whole store is not searched: a 3-line file opens at
// most 3 requests). For each line:
//   - a return or exchange asked (요청, 수거중 …) opens a request at 요청 when the line has none;
//   - one Smart Store finished (반품완료, 교환완료) opens a request at 입고, waiting for inspection, or moves
//     an open one (요청, 승인, 수거중) on to 입고;
//   - one withdrawn (철회) closes an open request that has not come back yet (요청, 승인, 수거중, 보류) as 거부;
//   - a request the seller has already moved further is never rewound.
//
// The request's reason is the claim's when the file names one (else 기타), and the fault follows it.
func (s *Service) SyncClaimsTx(ctx context.Context, tx *data.Tx, changes []orders.ClaimChange) (ClaimSync, error) {
	var res ClaimSync
	for _, c := range changes {
		if err := ctx.Err(); err != nil {
			return ClaimSync{}, err
		}
		kind, stage := claimKindOf(c)
		if kind == "" {
			continue // a cancel: nothing comes back
		}
		rt, err := data.ReturnOfLine(ctx, tx, c.LineID)
		if err != nil {
			return ClaimSync{}, err
		}
		if rt == "" {
			if stage == orders.StageRejected {
				continue
			}
			state, note := StateRequested, "스마트스토어 "+c.To.Label()
			if stage == orders.StageDone {
				state, note = StateReceived, "스마트스토어에서 처리된 클레임"
			}
			if err := s.openFromClaimTx(ctx, tx, c, kind, state, note); err != nil {
				return ClaimSync{}, err
			}
			res.Opened++
			continue
		}
		r, err := s.load(ctx, tx, rt)
		if err != nil {
			return ClaimSync{}, err
		}
		from := r.state()
		var to State
		var note string
		switch {
		case stage == orders.StageDone && (from == StateRequested || from == StateApproved || from == StateCollecting):
			to, note = StateReceived, "스마트스토어 "+c.To.Label()
		case stage == orders.StageRejected && (from == StateRequested || from == StateApproved || from == StateCollecting || from == StateHold):
			to, note = StateRejected, "스마트스토어에서 "+c.To.Label()
		default:
			continue // already where the claim is, or moved on by the seller: never rewound
		}
		r.rec.State, r.rec.HeldFrom = string(to), ""
		if err := data.UpdateReturnTx(ctx, tx, r.rec); err != nil {
			return ClaimSync{}, err
		}
		if err := data.AddReturnHistoryTx(ctx, tx, r.rec.ID, string(from), string(to), note); err != nil {
			return ClaimSync{}, err
		}
		if to == StateRejected {
			res.Closed++
		} else {
			res.Moved++
		}
	}
	return res, nil
}

// claimKindOf is the request kind a claim change asks for and how far the claim is; kind is "" for a cancel
// or a line without a return or exchange.
func claimKindOf(c orders.ClaimChange) (Kind, orders.ClaimStage) {
	switch c.To.Kind() {
	case orders.ClaimReturn:
		return KindReturn, c.To.Stage()
	case orders.ClaimExchange:
		return KindExchange, c.To.Stage()
	case "":
		switch c.Status { // a file with 반품/교환 as status and no claim columns: the claim is done
		case orders.StatusReturned:
			return KindReturn, orders.StageDone
		case orders.StatusExchanged:
			return KindExchange, orders.StageDone
		}
	}
	return "", ""
}

// openFromClaimTx opens a request for one claimed line at state.
func (s *Service) openFromClaimTx(ctx context.Context, tx *data.Tx, c orders.ClaimChange, kind Kind, state State, note string) error {
	reason, fault := Reason("ETC"), FaultSeller
	if _, buyer, ok := reasonInfo(Reason(c.Reason)); ok {
		reason = Reason(c.Reason)
		if buyer {
			fault = FaultBuyer
		}
	}
	number, err := data.NextReturnNumberTx(ctx, tx, tx.Now().Format("20060102"))
	if err != nil {
		return err
	}
	rec := data.ReturnRecord{Number: number, OrderID: c.OrderID, Kind: string(kind), Reason: string(reason), Fault: string(fault),
		Method: "PICKUP", State: string(state), Note: note}
	id, err := data.InsertReturnTx(ctx, tx, rec, []data.ReturnLineRecord{{OrderLineID: c.LineID, Qty: c.Qty}})
	if err != nil {
		return err
	}
	return data.AddReturnHistoryTx(ctx, tx, id, "", string(state), "주문 가져오기")
}
