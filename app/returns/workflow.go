package returns

import (
	"context"
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// MoveInput carries what a move needs.
type MoveInput struct {
	Note           string // 거부 / 보류 reason
	TrackingNo     string // 수거중
	RefundOverride *int64 // 완료 of a return: the seller's amount instead of the computed one
}

// Apply moves a request through the workflow. Completing a return sets its refund and the order line's
// status; completing an exchange ships the replacement (its stock taken once).
func (s *Service) Apply(ctx context.Context, number string, m Move, in MoveInput) (Return, error) {
	var out Return
	err := s.write(ctx, "반품 처리", func(tx *data.Tx) error {
		r, err := s.load(ctx, tx, number)
		if err != nil {
			return err
		}
		to, err := Next(r.state(), m)
		if err != nil {
			return err
		}
		note := strings.TrimSpace(in.Note)
		switch m {
		case MoveReject, MoveHold:
			if note == "" {
				return invalid("note", "사유를 입력하세요.")
			}
			if m == MoveHold {
				r.rec.HeldFrom = r.rec.State
			}
		case MoveResume:
			to, r.rec.HeldFrom = State(r.rec.HeldFrom), ""
		case MoveCollect:
			if strings.TrimSpace(in.TrackingNo) == "" {
				return invalid("tracking", "수거 송장번호를 입력하세요.")
			}
			r.rec.TrackingNo = strings.TrimSpace(in.TrackingNo)
			note = "송장 " + r.rec.TrackingNo
		case MoveInspect:
			for _, l := range r.lines {
				if l.Inspection == "" {
					return invalid("lines", "모든 상품을 검수한 뒤 검수 완료로 넘기세요.")
				}
			}
		case MoveComplete:
			if err := s.complete(ctx, tx, &r, in, &note); err != nil {
				return err
			}
		}
		from := r.state()
		r.rec.State = string(to)
		if err := data.UpdateReturnTx(ctx, tx, r.rec); err != nil {
			return err
		}
		if err := data.AddReturnHistoryTx(ctx, tx, r.rec.ID, string(from), string(to), note); err != nil {
			return err
		}
		if r.moves, err = data.ReturnHistory(ctx, tx, r.rec.ID); err != nil {
			return err
		}
		out = r.view(s.Now().Location())
		return nil
	})
	return out, err
}

// Inspect records a line's inspection. 양호 puts it back in stock with one 반품 movement, never twice even
// when the seller inspects again; 불량 goes to 폐기 or back to the supplier, outside the sellable stock.
func (s *Service) Inspect(ctx context.Context, number string, returnLineID int64, outcome string) error {
	switch outcome {
	case "GOOD", "DISPOSE", "SUPPLIER":
	default:
		return invalid("outcome", "검수 결과(양호, 폐기, 공급업체 반품)를 고르세요.")
	}
	return s.write(ctx, "검수 기록", func(tx *data.Tx) error {
		r, err := s.load(ctx, tx, number)
		if err != nil {
			return err
		}
		if r.state() != StateReceived {
			return invalidMsg("state", "입고된 요청만 검수할 수 있습니다 (현재 {{.State}}).", "State", apperr.M(r.state().Label()))
		}
		for _, l := range r.lines {
			if l.ID != returnLineID {
				continue
			}
			if l.Restocked && outcome != "GOOD" {
				return invalid("outcome", "이미 재고로 되돌린 상품입니다. 재고 조정으로 바로잡으세요.")
			}
			l.Inspection = outcome
			if outcome == "GOOD" && !l.Restocked {
				ol, err := data.LineByID(ctx, tx, l.OrderLineID)
				if err != nil {
					return err
				}
				if ol.OptionID != 0 {
					if _, err := catalog.AdjustStockTx(ctx, tx, ol.OptionID, l.Qty, catalog.ReasonReturn, "반품 입고 "+r.rec.Number, "return:"+r.rec.Number+":"+fmt.Sprint(l.ID)); err != nil {
						return err
					}
				}
				l.Restocked = true
			}
			if err := data.UpdateReturnLineTx(ctx, tx, l); err != nil {
				return err
			}
			return data.AddReturnHistoryTx(ctx, tx, r.rec.ID, r.rec.State, r.rec.State, "검수 "+inspectionLabel(outcome))
		}
		return invalid("lines", "이 요청의 상품이 아닙니다.")
	})
}

func inspectionLabel(o string) string {
	return map[string]string{"GOOD": "양호", "DISPOSE": "불량 폐기", "SUPPLIER": "불량 공급업체 반품"}[o]
}

// Refund computes a return's refund: the items' price, less their share of the order's discounts, less the
// return shipping when the buyer is at fault. Never below zero.
func Refund(p Policy, fault Fault, orderShippingFee int64, items []RefundItem) int64 {
	var total int64
	for _, it := range items {
		if it.LineQty <= 0 {
			continue
		}
		total += it.UnitPrice*it.Qty - it.LineDiscount*it.Qty/it.LineQty
	}
	if fault == FaultBuyer {
		total -= BuyerFee(p, orderShippingFee)
	}
	return max(total, 0)
}

// RefundItem is a returned quantity of an order line, with what the line cost.
type RefundItem struct {
	Qty, LineQty int64
	UnitPrice    int64 // 상품가격 + 옵션가격
	LineDiscount int64 // the line's whole discount (coupons)
}

// BuyerFee is the return shipping a buyer at fault pays: one way, both ways when the policy says so, or
// one way plus the original shipping when the order shipped free.
func BuyerFee(p Policy, orderShippingFee int64) int64 {
	fee := p.ReturnFee
	if p.BothWays || (orderShippingFee == 0 && p.ChargeFreeShipping) {
		fee += p.ReturnFee
	}
	return fee
}

// complete finishes a request: a return gets its refund and its lines become 반품 when wholly returned; an
// exchange ships the replacements, taking their stock once, and its lines become 교환.
func (s *Service) complete(ctx context.Context, tx *data.Tx, st *stored, in MoveInput, note *string) error {
	rec, err := data.ReturnPolicy(ctx, tx)
	if err != nil {
		return err
	}
	policy := policyOf(rec)
	r := &st.rec
	o, err := data.OrderByID(ctx, tx, r.OrderID)
	if err != nil {
		return err
	}
	var items []RefundItem
	for _, rl := range st.lines {
		ol, err := data.LineByID(ctx, tx, rl.OrderLineID)
		if err != nil {
			return err
		}
		items = append(items, RefundItem{Qty: rl.Qty, LineQty: ol.Qty, UnitPrice: ol.UnitPrice + ol.OptionPrice, LineDiscount: ol.Discount})
		newStatus := orders.StatusReturned
		if Kind(r.Kind) == KindExchange {
			newStatus = orders.StatusExchanged
			if !rl.ReplacementShipped && rl.ReplacementOptionID != 0 {
				if _, err := catalog.SaleTx(ctx, tx, rl.ReplacementOptionID, -rl.Qty, "교환 발송 "+r.Number, "exchange:"+r.Number+":"+fmt.Sprint(rl.ID)); err != nil {
					return err
				}
				opt, err := data.OptionByID(ctx, tx, rl.ReplacementOptionID)
				if err != nil {
					return err
				}
				if err := catalog.SettleTx(ctx, tx, opt.ProductID); err != nil {
					return err
				}
				rl.ReplacementShipped = true
				if err := data.UpdateReturnLineTx(ctx, tx, rl); err != nil {
					return err
				}
			}
		}
		done, err := data.ReturnedQty(ctx, tx, ol.ID)
		if err != nil {
			return err
		}
		if done >= ol.Qty {
			// the order line is the orders area's: it moves it, by its own table of moves
			if err := orders.MoveLineTx(ctx, tx, ol.ID, newStatus, r.Number, "returns"); err != nil {
				return err
			}
		}
	}
	if Kind(r.Kind) == KindExchange {
		*note = "교환 상품 발송"
		return nil
	}
	r.Refund = Refund(policy, Fault(r.Fault), o.ShippingFee, items)
	if in.RefundOverride != nil {
		if *in.RefundOverride < 0 {
			return invalid("refund", "환불 금액은 0원 이상이어야 합니다.")
		}
		if strings.TrimSpace(in.Note) == "" {
			return invalid("note", "환불 금액을 바꾼 이유를 메모로 남기세요.")
		}
		r.Refund, r.RefundNote = *in.RefundOverride, strings.TrimSpace(in.Note)
	}
	*note = "환불 " + format.Won(r.Refund)
	return nil
}
