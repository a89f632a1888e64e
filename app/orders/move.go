package orders

import (
	"context"
	"errors"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// MoveLineTx moves an order line to another status inside the caller's transaction. It is the one way another
// area changes an order line (the returns area completing a return or an exchange), so the moves table is the
// only authority on what may follow what: a move the table does not allow is refused (ErrConflict) and nothing
// is written. The move goes into the line's history with note and source, and the line's stock follows its
// new status as it does for the seller's own actions. A line already in the status is left as it is.
func MoveLineTx(ctx context.Context, tx *data.Tx, lineID int64, to Status, note, source string) error {
	l, err := data.LineByID(ctx, tx, lineID)
	if errors.Is(err, data.ErrNoRow) {
		return apperr.New(apperr.ErrNotFound, "주문 상품 {{.ID}}번을 찾을 수 없습니다", "ID", lineID)
	}
	if err != nil {
		return err
	}
	from := Status(l.Status)
	if from == to {
		return nil
	}
	if !CanMove(from, to) {
		return apperr.New(apperr.ErrConflict, "주문 {{.No}}은(는) {{.From}} 상태라 {{.To}}(으)로 바꿀 수 없습니다",
			"No", l.ProductOrderNo, "From", apperr.M(from.Label()), "To", apperr.M(to.Label())) // labels are keys too
	}
	l.Status = string(to)
	keeper := newStockKeeper()
	if err := keeper.sync(ctx, tx, &l); err != nil {
		return err
	}
	if err := data.UpdateLineTx(ctx, tx, l); err != nil {
		return err
	}
	if err := data.AddStatusChangeTx(ctx, tx, l.ID, string(from), l.Status, note, source); err != nil {
		return err
	}
	return keeper.settle(ctx, tx)
}
