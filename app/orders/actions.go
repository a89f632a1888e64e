package orders

import (
	"context"
	"errors"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/couriers"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// CourierNames lists the couriers Smart Store's dispatch accepts, by the names it writes, the common ones
// first: the one table of them is app/couriers (the Commerce API's courier codes).
func CourierNames() []string { return couriers.Names() }

// ActionInput carries what an action needs: courier and tracking number for 송장 입력, a reason for 취소.
type ActionInput struct {
	Courier, TrackingNo string
	Reason              string
}

// Refusal is a line an action did not move, and why.
type Refusal struct {
	ProductOrderNo string
	Reason         string     // in Korean, for the headless command and the log
	Why            apperr.Msg // the same as a sentence key, for the window in the seller's language
}

// ActionResult says how many lines moved and which were refused.
type ActionResult struct {
	Done    int
	Refused []Refusal
}

// Summary is the result in one Korean sentence, for the headless command and the log.
func (r ActionResult) Summary(a Action) string { return r.SummaryMsg(a).Text(apperr.Korean) }

// SummaryMsg is the same sentence as a key with its values (the action's label translated inside it), for
// the window in the seller's language.
func (r ActionResult) SummaryMsg(a Action) apperr.Msg {
	if len(r.Refused) > 0 {
		return apperr.M("{{.Action}}: {{.Done}}건 처리, {{.Refused}}건은 처리하지 못했습니다.",
			"Action", apperr.M(a.Label()), "Done", r.Done, "Refused", len(r.Refused))
	}
	return apperr.M("{{.Action}}: {{.Done}}건 처리.", "Action", apperr.M(a.Label()), "Done", r.Done)
}

// Apply does an action to lines. Lines the action is not allowed for are left as they are and listed with
// the reason; the others move together in one transaction, with their history and stock effects.
func (s *Service) Apply(ctx context.Context, a Action, lineIDs []int64, in ActionInput) (ActionResult, error) {
	in.Courier, in.TrackingNo, in.Reason = strings.TrimSpace(in.Courier), strings.TrimSpace(in.TrackingNo), strings.TrimSpace(in.Reason)
	switch a {
	case ActionInvoice:
		fields := map[string]string{}
		if in.Courier == "" {
			fields["courier"] = "택배사를 고르세요."
		}
		if in.TrackingNo == "" {
			fields["tracking"] = "송장번호를 입력하세요."
		} else if strings.ContainsAny(in.TrackingNo, " \t") {
			fields["tracking"] = "송장번호에는 빈칸을 넣을 수 없습니다."
		}
		if len(fields) > 0 {
			return ActionResult{}, apperr.Invalid(fields, []string{"courier", "tracking"})
		}
	case ActionCancel:
		if in.Reason == "" {
			return ActionResult{}, apperr.Invalid(map[string]string{"reason": "취소 사유를 입력하세요."}, nil)
		}
	}
	if len(lineIDs) == 0 {
		return ActionResult{}, apperr.Invalid(map[string]string{"lines": "처리할 주문을 고르세요."}, nil)
	}
	var res ActionResult
	err := s.write(ctx, a.Label(), func(tx *data.Tx) error {
		res = ActionResult{}
		keeper := newStockKeeper()
		if err := s.applyTx(ctx, tx, keeper, a, lineIDs, in, &res); err != nil {
			return err
		}
		return keeper.settle(ctx, tx)
	})
	if err != nil {
		return ActionResult{}, err
	}
	return res, nil
}

// applyTx does an action to lines inside the caller's transaction, adding to res.
func (s *Service) applyTx(ctx context.Context, tx *data.Tx, keeper *stockKeeper, a Action, lineIDs []int64, in ActionInput, res *ActionResult) error {
	for _, id := range lineIDs {
		l, err := data.LineByID(ctx, tx, id)
		if errors.Is(err, data.ErrNoRow) {
			continue
		}
		if err != nil {
			return err
		}
		tracking := l.TrackingNo
		if a == ActionInvoice {
			tracking = in.TrackingNo
		}
		if why, refused := Why(a, Status(l.Status), Placing(l.Placing), tracking); refused {
			res.Refused = append(res.Refused, Refusal{ProductOrderNo: l.ProductOrderNo, Reason: why.Text(apperr.Korean), Why: why})
			continue
		}
		from := l.Status
		note := ""
		if to, ok := actionTo[a]; ok {
			l.Status = string(to) // Allowed has held the move to the moves table
		}
		switch a {
		case ActionConfirm:
			l.Placing = string(PlacingOK)
			note = "발주확인"
		case ActionInvoice:
			l.Courier, l.TrackingNo = in.Courier, in.TrackingNo
			note = "송장 " + in.Courier + " " + in.TrackingNo
		case ActionShip:
			l.ShippedAt = tx.Now().UTC() // the transaction's one reading of the clock
		case ActionCancel:
			l.CancelReason = in.Reason
			note = in.Reason
		}
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return err
		}
		if err := data.UpdateLineTx(ctx, tx, l); err != nil {
			return err
		}
		if err := data.AddStatusChangeTx(ctx, tx, l.ID, from, l.Status, note, "manual"); err != nil {
			return err
		}
		res.Done++
	}
	return nil
}

// MapLine links an unmatched line to an option (and, when remember is set, every later line with the same
// codes and option text). A paid line takes its stock now.
func (s *Service) MapLine(ctx context.Context, lineID, optionID int64, remember bool) error {
	return s.write(ctx, "상품 연결", func(tx *data.Tx) error {
		l, err := data.LineByID(ctx, tx, lineID)
		if errors.Is(err, data.ErrNoRow) {
			return notFound("주문을 찾을 수 없습니다.")
		}
		if err != nil {
			return err
		}
		if _, err := data.OptionByID(ctx, tx, optionID); errors.Is(err, data.ErrNoRow) {
			return notFound("연결할 옵션을 찾을 수 없습니다.")
		} else if err != nil {
			return err
		}
		if l.OptionID != 0 && l.StockTaken {
			return &apperr.Error{Code: apperr.ErrConflict, Message: "이미 재고를 차감한 주문은 다른 상품으로 연결할 수 없습니다."}
		}
		l.OptionID = optionID
		keeper := newStockKeeper()
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return err
		}
		if err := data.UpdateLineTx(ctx, tx, l); err != nil {
			return err
		}
		if remember {
			if err := data.SaveMappingTx(ctx, tx, l.ProductCode, l.OptionCode, l.OptionInfo, optionID); err != nil {
				return err
			}
		}
		return keeper.settle(ctx, tx)
	})
}

// DispatchPlan is Smart Store's 엑셀 일괄발송 upload to be written, and the lines left out with why.
type DispatchPlan struct {
	Rows []sheet.DispatchRow
	Left []Refusal // no 송장번호 yet, or a cancel request (취소요청) the seller must answer first
}

// DispatchPlan lists the lines for Smart Store's 엑셀 일괄발송 upload: the given lines, or every paid line not
// yet shipped when ids is empty. A line without a 송장번호 cannot be dispatched by file, and a line the buyer
// asked to cancel must not be shipped: both are left out with their reason.
func (s *Service) DispatchPlan(ctx context.Context, ids []int64) (DispatchPlan, error) {
	q := data.OrderLineQuery{Statuses: []string{string(StatusPaid)}, IDs: ids, Limit: 1_000_000}
	lines, err := data.ListOrderLines(ctx, s.store.Read(), q)
	if err != nil {
		return DispatchPlan{}, internal(err, "일괄발송 파일을 만들지 못했습니다.")
	}
	var p DispatchPlan
	for i := len(lines) - 1; i >= 0; i-- { // oldest first, as the seller packs them
		l := lines[i]
		if Claim(l.Claim).CancelAsked() {
			why := apperr.M("취소요청이 들어온 주문이라 발송하지 않습니다")
			p.Left = append(p.Left, Refusal{ProductOrderNo: l.ProductOrderNo, Reason: why.Text(apperr.Korean), Why: why})
			continue
		}
		if strings.TrimSpace(l.TrackingNo) == "" {
			why := apperr.M("송장번호가 없습니다")
			p.Left = append(p.Left, Refusal{ProductOrderNo: l.ProductOrderNo, Reason: why.Text(apperr.Korean), Why: why})
			continue
		}
		p.Rows = append(p.Rows, sheet.DispatchRow{ProductOrderNo: l.ProductOrderNo, Method: "택배,등기,소포",
			Courier: l.Courier, TrackingNo: l.TrackingNo})
	}
	return p, nil
}

// DispatchFile is DispatchPlan as rows and the left-out lines' numbers: a line left out for a cancel request
// carries it in its entry ("2026…(취소요청)"), so a caller that lists only numbers still shows why.
func (s *Service) DispatchFile(ctx context.Context, ids []int64) (rows []sheet.DispatchRow, missing []string, err error) {
	p, err := s.DispatchPlan(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range p.Left {
		no := l.ProductOrderNo
		if l.Why.Key != "송장번호가 없습니다" {
			no += " (취소요청)"
		}
		missing = append(missing, no)
	}
	return p.Rows, missing, nil
}
