package returns

import (
	"context"

	"sellerdesk/data"
)

// SyncImported opens a request, waiting for inspection, for every order line an import marked 반품 or 교환
// (Smart Store handled the claim) that has none yet, and moves an open request of such a line on to 입고.
// The reason is unknown from the export (기타) and the seller can set it right in the detail. It returns how
// many requests it opened and moved.
func (s *Service) SyncImported(ctx context.Context) (opened, moved int, err error) {
	err = s.write(ctx, "스마트스토어 반품 반영", func(tx *data.Tx) error {
		opened, moved = 0, 0
		lines, err := data.ClaimedLines(ctx, tx)
		if err != nil {
			return err
		}
		for _, l := range lines {
			if l.OpenRT == "" {
				kind := KindReturn
				if l.Status == "EXCHANGED" {
					kind = KindExchange
				}
				number, err := data.NextReturnNumberTx(ctx, tx, s.Now().Format("20060102"))
				if err != nil {
					return err
				}
				rec := data.ReturnRecord{Number: number, OrderID: l.OrderID, Kind: string(kind), Reason: "ETC", Fault: string(FaultSeller),
					Method: "PICKUP", State: string(StateReceived), Note: "스마트스토어에서 처리된 클레임"}
				id, err := data.InsertReturnTx(ctx, tx, rec, []data.ReturnLineRecord{{OrderLineID: l.ID, Qty: l.Qty}})
				if err != nil {
					return err
				}
				if err := data.AddReturnHistoryTx(ctx, tx, id, "", string(StateReceived), "주문 가져오기"); err != nil {
					return err
				}
				opened++
				continue
			}
			r, err := s.get(ctx, tx, l.OpenRT)
			if err != nil {
				return err
			}
			switch r.State {
			case StateRequested, StateApproved, StateCollecting:
				from := r.State
				r.ReturnRecord.State = string(StateReceived)
				if err := data.UpdateReturnTx(ctx, tx, r.ReturnRecord); err != nil {
					return err
				}
				if err := data.AddReturnHistoryTx(ctx, tx, r.ID, string(from), string(StateReceived), "스마트스토어 반품완료"); err != nil {
					return err
				}
				moved++
			}
		}
		return nil
	})
	return opened, moved, err
}
