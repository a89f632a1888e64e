package orders

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
	"sellerdesk/app/validate"
	"sellerdesk/data"
)

// ManualOrder is an order taken by phone or at the counter.
type ManualOrder struct {
	BuyerName, BuyerPhone            string
	RecipientName, RecipientPhone    string // empty: the buyer
	Postcode, Address, AddressDetail string // empty for a counter sale handed over in person
	DeliveryMessage                  string
	PaymentMethod                    string // 현금, 계좌이체, 카드 …
	Channel                          string // 전화 주문, 매장 …
	Paid                             bool   // 결제완료; otherwise 결제대기 until 입금확인
	ShippingFee                      int64
	Lines                            []ManualLine
}

// ManualLine is one item of a manual order.
type ManualLine struct {
	OptionID  int64
	Qty       int64
	UnitPrice int64 // 0: the product's price with the option's extra price
	Discount  int64
}

// manualChannels are offered by the form; any other text is allowed.
var ManualChannels = []string{"전화 주문", "매장 판매", "카카오톡 문의", "기타"}

// ManualPayments are offered by the form; any other text is allowed.
var ManualPayments = []string{"계좌이체", "현금", "신용카드", "무통장입금"}

// CreateManual records a manual order with the same rules as an import: a paid order takes its stock once,
// every line gets a status history, and the order is found by the same lookup. It returns the order number
// (M-YYYYMMDD-NNN). Every problem is reported at its field; nothing is saved until all is right.
func (s *Service) CreateManual(ctx context.Context, m ManualOrder) (string, error) {
	fields := map[string]string{}
	order := []string{"buyerName", "buyerPhone", "recipientName", "recipientPhone", "address", "payment", "lines", "shippingFee"}
	m.BuyerName, m.RecipientName = strings.TrimSpace(m.BuyerName), strings.TrimSpace(m.RecipientName)
	if m.BuyerName == "" {
		fields["buyerName"] = "주문자 이름을 입력하세요."
	}
	var err error
	if strings.TrimSpace(m.BuyerPhone) != "" {
		if m.BuyerPhone, err = validate.Phone(m.BuyerPhone); err != nil {
			fields["buyerPhone"] = "주문자 " + err.Error()
		}
	} else {
		fields["buyerPhone"] = "주문자 연락처를 입력하세요."
	}
	if m.RecipientName == "" {
		m.RecipientName = m.BuyerName
	}
	if strings.TrimSpace(m.RecipientPhone) == "" {
		m.RecipientPhone = m.BuyerPhone
	} else if m.RecipientPhone, err = validate.Phone(m.RecipientPhone); err != nil {
		fields["recipientPhone"] = "수취인 " + err.Error()
	}
	switch {
	case m.ShippingFee < 0:
		fields["shippingFee"] = "배송비는 0원 이상이어야 합니다."
	case m.ShippingFee > limits.ShippingFee.Max:
		fields["shippingFee"] = limits.ShippingFee.Say("배송비", limits.TooLarge, "")
	}
	if strings.TrimSpace(m.Address) == "" && m.ShippingFee > 0 {
		fields["address"] = "배송비가 있는 주문은 배송지 주소를 입력하세요."
	}
	if strings.TrimSpace(m.PaymentMethod) == "" {
		fields["payment"] = "결제수단을 고르세요."
	}
	if len(m.Lines) == 0 {
		fields["lines"] = "주문할 상품을 하나 이상 추가하세요."
	}
	// each line's problem is a key with the line number, so the window shows it in the seller's language
	var lineProblems []apperr.Msg
	for i, l := range m.Lines {
		n := i + 1
		switch {
		case l.OptionID == 0:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품을 고르세요.", "N", n))
		case l.Qty < 1:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 수량은 1 이상이어야 합니다.", "N", n))
		case l.Qty > limits.Qty.Max:
			// the limits an order file is read against (app/limits), so a typed order cannot hold what an
			// imported one may not
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 수량은 {{.Max}}개 이하여야 합니다.",
				"N", n, "Max", limits.Group(limits.Qty.Max)))
		case l.UnitPrice < 0:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 단가는 0원 이상이어야 합니다.", "N", n))
		case l.UnitPrice > limits.Price.Max:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 단가는 {{.Max}}원 이하여야 합니다.",
				"N", n, "Max", limits.Group(limits.Price.Max)))
		case l.Discount < 0:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 할인은 0원 이상이어야 합니다.", "N", n))
		case l.Discount > limits.Amount.Max:
			lineProblems = append(lineProblems, apperr.M("{{.N}}번 상품의 할인은 {{.Max}}원 이하여야 합니다.",
				"N", n, "Max", limits.Group(limits.Amount.Max)))
		}
	}
	msgs := make(map[string]apperr.Msg, len(fields)+1)
	for f, text := range fields {
		msgs[f] = apperr.M(text)
	}
	if len(lineProblems) > 0 {
		msgs["lines"] = joinMsgs(lineProblems)
	}
	if len(msgs) > 0 {
		return "", apperr.InvalidMsg(msgs, order)
	}
	var number string
	err = s.write(ctx, "주문 등록", func(tx *data.Tx) error {
		now := s.Now()
		var err error
		if number, err = data.NextManualOrderNoTx(ctx, tx, now.Format("20060102")); err != nil {
			return err
		}
		o := data.OrderRecord{OrderNo: number, Source: "MANUAL", OrderedAt: now, BuyerName: m.BuyerName,
			BuyerPhone: m.BuyerPhone, RecipientName: m.RecipientName, RecipientPhone1: m.RecipientPhone,
			Postcode: strings.TrimSpace(m.Postcode), Address: strings.TrimSpace(m.Address),
			AddressDetail: strings.TrimSpace(m.AddressDetail), DeliveryMessage: strings.TrimSpace(m.DeliveryMessage),
			PaymentMethod: strings.TrimSpace(m.PaymentMethod), Channel: strings.TrimSpace(m.Channel), ShippingFee: m.ShippingFee}
		if m.Paid {
			o.PaidAt = now
		}
		orderID, err := data.SaveOrderTx(ctx, tx, o)
		if err != nil {
			return err
		}
		keeper := newStockKeeper()
		im := &importer{s: s, tx: tx, keeper: keeper}
		status := StatusPaymentWaiting
		if m.Paid {
			status = StatusPaid
		}
		for i, ml := range m.Lines {
			opt, err := data.OptionByID(ctx, tx, ml.OptionID)
			if errors.Is(err, data.ErrNoRow) {
				return apperr.InvalidMsg(map[string]apperr.Msg{"lines": apperr.M("{{.N}}번 상품을 찾을 수 없습니다. 다시 고르세요.", "N", i+1)}, nil)
			}
			if err != nil {
				return err
			}
			p, err := data.ProductByID(ctx, tx, opt.ProductID)
			if err != nil {
				return err
			}
			price := ml.UnitPrice
			if price == 0 {
				price = p.Price + opt.ExtraPrice
			}
			// a product stored before the limits may carry any price: the total is multiplied without
			// overflow and held to the line amount's limit
			total, ok := limits.Mul(price, ml.Qty)
			if !ok || limits.Amount.Check(total) != limits.OK {
				return apperr.InvalidMsg(map[string]apperr.Msg{"lines": apperr.M("{{.N}}번 상품({{.Name}})의 금액(단가×수량)은(는) {{.Max}}원 이하여야 합니다.",
					"N", i+1, "Name", p.Name, "Max", limits.Group(limits.Amount.Max))}, nil)
			}
			if ml.Discount > total {
				return apperr.InvalidMsg(map[string]apperr.Msg{"lines": apperr.M("{{.N}}번 상품({{.Name}})의 할인이 금액보다 큽니다.", "N", i+1, "Name", p.Name)}, nil)
			}
			l := data.OrderLineRecord{OrderID: orderID, ProductOrderNo: fmt.Sprintf("%s-%d", number, i+1),
				ProductCode: p.Code, OptionCode: opt.Code, OptionID: opt.ID, ProductName: p.Name,
				OptionInfo: strings.Join(opt.Values, " / "), Qty: ml.Qty, UnitPrice: price, Discount: ml.Discount,
				Amount: total - ml.Discount, Status: string(status), Placing: string(PlacingNotYet),
				OrderedAt: now.UTC().Truncate(time.Millisecond), PaymentMethod: o.PaymentMethod, Channel: o.Channel}
			if l.ProductRef, err = im.productRef(ctx, l.ProductName, l.OptionInfo); err != nil {
				return err
			}
			if err := keeper.sync(ctx, tx, &l); err != nil {
				return err
			}
			if l.ID, err = data.InsertLineTx(ctx, tx, l); err != nil {
				return err
			}
			if err := data.AddStatusChangeTx(ctx, tx, l.ID, "", l.Status, "수동 주문", "manual"); err != nil {
				return err
			}
			if err := data.SetLineSearchTx(ctx, tx, l.ID, lineSearch(o), false); err != nil {
				return err
			}
		}
		return keeper.settle(ctx, tx)
	})
	if err != nil {
		return "", err
	}
	return number, nil
}

// joinMsgs is several sentences as one, each translated on its own and joined with a space as before.
func joinMsgs(ms []apperr.Msg) apperr.Msg {
	out := ms[len(ms)-1]
	for i := len(ms) - 2; i >= 0; i-- {
		out = apperr.M("{{.First}} {{.Rest}}", "First", ms[i], "Rest", out)
	}
	return out
}
