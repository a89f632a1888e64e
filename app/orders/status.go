// Package orders is the seller's order book: Smart Store imports, manual orders, the one-box lookup, status
// moves and what they do to stock. SQL lives in data; this package holds the rules.
package orders

import (
	"fmt"
	"strings"
)

// Status is an order line's state as Smart Store codes it (productOrderStatus).
type Status string

const (
	StatusPaymentWaiting Status = "PAYMENT_WAITING"
	StatusPaid           Status = "PAYED" // Smart Store's own spelling
	StatusDelivering     Status = "DELIVERING"
	StatusDelivered      Status = "DELIVERED"
	StatusDecided        Status = "PURCHASE_DECIDED"
	StatusExchanged      Status = "EXCHANGED"
	StatusCanceled       Status = "CANCELED"
	StatusReturned       Status = "RETURNED"
	StatusNoPayment      Status = "CANCELED_BY_NOPAYMENT"
)

// Placing is whether the seller has confirmed a paid line (발주확인).
type Placing string

const (
	PlacingNotYet Placing = "NOT_YET"
	PlacingOK     Placing = "OK"
)

// Statuses lists the states in the order the filter shows them.
var Statuses = []Status{StatusPaymentWaiting, StatusPaid, StatusDelivering, StatusDelivered, StatusDecided,
	StatusCanceled, StatusReturned, StatusExchanged, StatusNoPayment}

var statusLabels = map[Status]string{
	StatusPaymentWaiting: "결제대기", StatusPaid: "결제완료", StatusDelivering: "배송중", StatusDelivered: "배송완료",
	StatusDecided: "구매확정", StatusExchanged: "교환", StatusCanceled: "취소", StatusReturned: "반품",
	StatusNoPayment: "미결제취소",
}

// Label is the status in Korean.
func (s Status) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// HoldsStock reports whether a line in this state has taken its stock: from payment until it is cancelled.
// A returned line keeps it until the return is inspected (the returns area puts it back).
func (s Status) HoldsStock() bool {
	switch s {
	case StatusPaid, StatusDelivering, StatusDelivered, StatusDecided, StatusExchanged, StatusReturned:
		return true
	}
	return false
}

// Cancelled reports whether the line was cancelled before or after payment.
func (s Status) Cancelled() bool { return s == StatusCanceled || s == StatusNoPayment }

// LineLabel is what the seller calls a line's state: a paid line is 신규주문 until it is confirmed (발주확인).
func LineLabel(s Status, p Placing) string {
	if s == StatusPaid {
		if p == PlacingOK {
			return "발주확인"
		}
		return "신규주문"
	}
	return s.Label()
}

// smartStoreWords maps the 주문상태 / 주문세부상태 words of an export to a status and placing.
var smartStoreWords = map[string]Status{
	"결제대기": StatusPaymentWaiting, "입금대기": StatusPaymentWaiting,
	"결제완료": StatusPaid, "발송대기": StatusPaid, "신규주문": StatusPaid, "발주확인": StatusPaid,
	"배송중": StatusDelivering, "배송완료": StatusDelivered, "구매확정": StatusDecided,
	"취소완료": StatusCanceled, "취소": StatusCanceled, "반품완료": StatusReturned, "반품": StatusReturned,
	"교환완료": StatusExchanged, "교환": StatusExchanged, "미결제취소": StatusNoPayment,
}

// ParseSmartStoreStatus reads 주문상태 and 주문세부상태 as an export writes them. Claim-in-progress detail words
// (취소요청, 반품요청, 수거중 …) keep the main status: the returns area reads them.
func ParseSmartStoreStatus(main, detail string) (Status, Placing, error) {
	main, detail = strings.TrimSpace(main), strings.TrimSpace(detail)
	if code := Status(strings.ToUpper(main)); code.Valid() {
		main = code.Label()
	}
	st, ok := smartStoreWords[main]
	if !ok {
		return "", "", fmt.Errorf("주문상태 '%s'을(를) 알 수 없습니다", main)
	}
	placing := PlacingNotYet
	switch {
	case main == "발주확인" || detail == "발주확인" || main == "발송대기":
		placing = PlacingOK
	case st != StatusPaid && st != StatusPaymentWaiting && !st.Cancelled():
		placing = PlacingOK // shipped lines were confirmed on the way
	}
	return st, placing, nil
}

// Action is something the seller does to lines.
type Action string

const (
	ActionConfirm Action = "CONFIRM" // 발주확인
	ActionInvoice Action = "INVOICE" // 송장 입력
	ActionShip    Action = "SHIP"    // 발송처리
	ActionDeliver Action = "DELIVER" // 배송완료
	ActionDecide  Action = "DECIDE"  // 구매확정
	ActionCancel  Action = "CANCEL"  // 취소
	ActionPay     Action = "PAY"     // 입금확인 (manual orders waiting for payment)
)

var actionLabels = map[Action]string{
	ActionConfirm: "발주확인", ActionInvoice: "송장 입력", ActionShip: "발송처리", ActionDeliver: "배송완료",
	ActionDecide: "구매확정", ActionCancel: "취소", ActionPay: "입금확인",
}

// Label is the action in Korean.
func (a Action) Label() string { return actionLabels[a] }

// Allowed says whether the action may be done to a line in this state, and why not.
func Allowed(a Action, s Status, p Placing, tracking string) error {
	refuse := func(why string) error {
		return fmt.Errorf("%s할 수 없습니다: %s", a.Label(), why)
	}
	switch a {
	case ActionPay:
		if s != StatusPaymentWaiting {
			return refuse(fmt.Sprintf("결제대기 주문만 입금확인할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
	case ActionConfirm:
		if s != StatusPaid {
			return refuse(fmt.Sprintf("결제완료된 신규주문만 발주확인할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
		if p == PlacingOK {
			return refuse("이미 발주확인한 주문입니다")
		}
	case ActionInvoice:
		if s != StatusPaid && s != StatusDelivering {
			return refuse(fmt.Sprintf("발송 전이나 배송중인 주문에만 송장을 입력할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
	case ActionShip:
		if s != StatusPaid {
			return refuse(fmt.Sprintf("발송 전 주문만 발송처리할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
		if p != PlacingOK {
			return refuse("먼저 발주확인하세요")
		}
		if strings.TrimSpace(tracking) == "" {
			return refuse("송장번호를 먼저 입력하세요")
		}
	case ActionDeliver:
		if s != StatusDelivering {
			return refuse(fmt.Sprintf("배송중인 주문만 배송완료할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
	case ActionDecide:
		if s != StatusDelivered {
			return refuse(fmt.Sprintf("배송완료된 주문만 구매확정할 수 있습니다 (현재 %s)", LineLabel(s, p)))
		}
	case ActionCancel:
		if s != StatusPaymentWaiting && s != StatusPaid {
			return refuse(fmt.Sprintf("발송 전 주문만 취소할 수 있습니다. 발송 후에는 반품으로 처리하세요 (현재 %s)", LineLabel(s, p)))
		}
	default:
		return fmt.Errorf("알 수 없는 작업입니다: %s", a)
	}
	return nil
}
