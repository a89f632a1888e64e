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
