package orders

import (
	"context"
	"errors"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// TrackingMatch is one parcel of a courier's file and the order it belongs to.
type TrackingMatch struct {
	Row     sheet.CourierRow
	OrderNo string
	LineIDs []int64    // the order's lines waiting to ship; empty when the row matched nothing
	Problem string     // why it did not match, in Korean, for the headless command and the log
	Why     apperr.Msg // the same as a sentence key, for the preview in the seller's language
}

// MatchTracking finds, for each parcel of a courier's file, the order waiting to ship (결제완료) whose
// recipient has the same name and phone (the whole number, or its last four digits when one side is a
// 안심번호). A parcel matching no order, or several, is reported instead of guessed. A line the buyer asked
// to cancel (취소요청) is never matched: a parcel that finds only such lines says so.
func (s *Service) MatchTracking(ctx context.Context, rows []sheet.CourierRow) ([]TrackingMatch, error) {
	waiting, err := data.ListOrderLines(ctx, s.store.Read(), data.OrderLineQuery{Statuses: []string{string(StatusPaid)}, Limit: 100000})
	if err != nil {
		return nil, internal(err, "발송 대기 주문을 읽지 못했습니다.")
	}
	type order struct {
		no      string
		name    string
		phones  []string
		lineIDs []int64
		held    int // lines the buyer asked to cancel: never given a tracking number
	}
	byName := map[string][]*order{}
	orders := map[int64]*order{}
	for _, l := range waiting {
		o, ok := orders[l.OrderID]
		if !ok {
			o = &order{no: l.OrderNo, name: normName(l.RecipientName), phones: []string{digits(l.RecipientPhone), digits(l.BuyerPhone)}}
			orders[l.OrderID] = o
			byName[o.name] = append(byName[o.name], o)
		}
		if Claim(l.Claim).CancelAsked() {
			o.held++
			continue
		}
		o.lineIDs = append(o.lineIDs, l.LineID)
	}
	samePhone := func(a, b string) bool {
		if a == "" || b == "" {
			return false
		}
		return a == b || (len(a) >= 4 && len(b) >= 4 && a[len(a)-4:] == b[len(b)-4:])
	}
	out := make([]TrackingMatch, len(rows))
	for i, r := range rows {
		m := TrackingMatch{Row: r}
		var found []*order
		for _, o := range byName[normName(r.Name)] {
			p := digits(r.Phone)
			if p == "" {
				found = append(found, o) // a file without phones matches by name alone, if that is unique
				continue
			}
			for _, op := range o.phones {
				if samePhone(p, op) {
					found = append(found, o)
					break
				}
			}
		}
		var held []string
		shippable := found[:0]
		for _, o := range found {
			if len(o.lineIDs) == 0 {
				held = append(held, o.no)
				continue
			}
			shippable = append(shippable, o)
		}
		found = shippable
		switch len(found) {
		case 0:
			m.Why = apperr.M("이름·연락처가 같은 발송 대기 주문 없음")
			if len(held) > 0 {
				m.Why = apperr.M("취소요청이 들어온 주문입니다 ({{.Orders}}): 송장을 넣지 않습니다. 스마트스토어에서 취소를 처리하세요",
					"Orders", strings.Join(held, ", "))
			}
		case 1:
			m.OrderNo, m.LineIDs = found[0].no, found[0].lineIDs
		default:
			var nos []string
			for _, o := range found {
				nos = append(nos, o.no)
			}
			m.Why = apperr.M("같은 받는 분의 주문 {{.N}}건 ({{.Orders}}): 직접 입력하세요", "N", len(found), "Orders", strings.Join(nos, ", "))
		}
		if m.Why.Key != "" {
			m.Problem = m.Why.Text(apperr.Korean)
		}
		out[i] = m
	}
	return out, nil
}

// ApplyTracking enters the matched parcels' courier and 송장번호 on their lines, all in one transaction.
// courier is used for rows whose file does not name one.
func (s *Service) ApplyTracking(ctx context.Context, matches []TrackingMatch, courier string) (ActionResult, error) {
	var res ActionResult
	err := s.write(ctx, "송장 입력", func(tx *data.Tx) error {
		res = ActionResult{}
		keeper := newStockKeeper()
		for _, m := range matches {
			if len(m.LineIDs) == 0 {
				continue
			}
			c := m.Row.Courier
			if c == "" {
				c = courier
			}
			if strings.TrimSpace(c) == "" {
				return apperr.Invalid(map[string]string{"courier": "택배사를 고르세요."}, nil)
			}
			if err := s.applyTx(ctx, tx, keeper, ActionInvoice, m.LineIDs, ActionInput{Courier: c, TrackingNo: m.Row.TrackingNo}, &res); err != nil {
				return aboutOrder(err, m.OrderNo)
			}
		}
		return keeper.settle(ctx, tx)
	})
	if err != nil {
		return ActionResult{}, err
	}
	return res, nil
}

// aboutOrder names the order a rule refused in one parcel of many, so the seller knows which row to fix. A
// fault is left as it is: the write helper logs it and says the whole write failed.
func aboutOrder(err error, orderNo string) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	return apperr.About(err, "주문 {{.No}}", "No", orderNo)
}

func normName(s string) string { return strings.Join(strings.Fields(s), "") }
