// Package orders is the seller's order book: Smart Store imports, manual orders, the one-box lookup, status
// moves and what they do to stock. SQL lives in data; this package holds the rules.
package orders

import (
	"errors"
	"strings"

	"sellerdesk/app/apperr"
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

// HoldsStock reports whether a line in this state has taken its stock: exactly while it counts as sold (see
// Sold). A returned line keeps it until the return is inspected (the returns area puts it back).
func (s Status) HoldsStock() bool { return Sold.Has(s) }

// Cancelled reports whether the line was cancelled before or after payment.
func (s Status) Cancelled() bool { return s == StatusCanceled || s == StatusNoPayment }

// moves is every status move a line may make, from → the moves out of it, and who may make each: the desk
// itself (the seller's actions, and the returns area completing a return or an exchange) and an import, which
// mirrors what Smart Store already did. It is the one table of them: Allowed, MoveLineTx and the importer all
// ask it. The flow is not a line: 구매확정 does not end the buyer's right to return, an exchanged line may be
// confirmed or come back again, and an exchange's replacement goes out again (배송중) after delivery.
var moves = map[Status][]move{
	StatusPaymentWaiting: {{StatusPaid, byDesk | byImport}, {StatusCanceled, byDesk | byImport}, // 입금확인; 취소
		{StatusNoPayment, byImport}}, // Smart Store cancels an unpaid order itself
	StatusPaid: {{StatusDelivering, byDesk | byImport}, {StatusCanceled, byDesk | byImport}}, // 발송처리; 취소 before it ships
	// after it ships a line is no longer cancelled: it comes back as a return
	StatusDelivering: {{StatusDelivered, byDesk | byImport}, {StatusReturned, byDesk | byImport}, {StatusExchanged, byDesk | byImport}},
	StatusDelivered: {{StatusDecided, byDesk | byImport}, {StatusReturned, byDesk | byImport}, {StatusExchanged, byDesk | byImport},
		{StatusDelivering, byImport | onRedelivery}}, // an exchange's replacement on its way
	StatusDecided: {{StatusReturned, byDesk | byImport}, {StatusExchanged, byDesk | byImport}, // 구매확정 does not end the right to return
		{StatusDelivering, byImport | onRedelivery}},
	StatusExchanged: {{StatusReturned, byDesk | byImport}, // the replacement itself may come back
		{StatusDecided, byImport}, // … or be confirmed
		{StatusDelivering, byImport | onRedelivery}},
	// 반품, 취소 and 미결제취소 are final
}

// move is one way out of a status in the moves table.
type move struct {
	to  Status
	how mover
}

// mover says who may make a move, and on what condition.
type mover uint8

const (
	byDesk       mover = 1 << iota // the seller's actions and the returns area
	byImport                       // an import mirroring Smart Store
	onRedelivery                   // only while the line's exchange is being re-delivered (an import's claim says so)
)

// CanMove reports whether the desk may move a line from one status to another (see moves).
func CanMove(from, to Status) bool {
	for _, m := range moves[from] {
		if m.to == to && m.how&byDesk != 0 {
			return true
		}
	}
	return false
}

// reaches reports whether an import may bring a line from one status to another in one or more moves of the
// table (unconditional ones only): Smart Store may skip steps between two downloads.
func reaches(from, to Status) bool {
	seen := map[Status]bool{from: true}
	todo := []Status{from}
	for len(todo) > 0 {
		at := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, m := range moves[at] {
			if m.how&byImport == 0 || m.how&onRedelivery != 0 {
				continue
			}
			if m.to == to {
				return true
			}
			if !seen[m.to] {
				seen[m.to] = true
				todo = append(todo, m.to)
			}
		}
	}
	return false
}

// redelivery reports whether the table lets an exchange's re-delivery bring a line from one status to another.
func redelivery(from, to Status) bool {
	for _, m := range moves[from] {
		if m.to == to && m.how&onRedelivery != 0 {
			return true
		}
	}
	return false
}

// Final reports whether nothing follows the status: 취소, 미결제취소 and 반품.
func (s Status) Final() bool { return len(moves[s]) == 0 }

// Set is a named group of statuses that other areas and the store's queries count by. Each is defined once,
// here, and a query receives its codes as parameters (Codes), so 매출, 정산, 반품 and the order list can
// never disagree about what is sold or returnable.
type Set struct {
	name string
	of   []Status
}

func newSet(name string, of ...Status) Set { return Set{name: name, of: of} }

// Name is the set's name, for messages and tests.
func (s Set) Name() string { return s.name }

// Has reports whether st is in the set.
func (s Set) Has(st Status) bool {
	for _, x := range s.of {
		if x == st {
			return true
		}
	}
	return false
}

// Statuses lists the set's members (a copy).
func (s Set) Statuses() []Status { return append([]Status(nil), s.of...) }

// Codes lists the members as the store writes them, for a query's parameters.
func (s Set) Codes() []string {
	out := make([]string, len(s.of))
	for i, x := range s.of {
		out[i] = string(x)
	}
	return out
}

// The sets. Each member is in for a reason, and each status left out is out for one.
var (
	// Sold is a line that was sold: paid and not cancelled. 결제대기 is out (no money yet, and a manual order
	// may never be paid); 취소 and 미결제취소 are out (the sale did not happen). 반품 and 교환 stay in: the line
	// was sold and then came back, which is what a return rate divides by, and its stock stays taken until
	// the return is inspected.
	Sold = newSet("sold", StatusPaid, StatusDelivering, StatusDelivered, StatusDecided, StatusExchanged, StatusReturned)
	// Open is a line whose sale is not final yet: it may still be paid, shipped, cancelled or decided, and
	// 정산 has not paid it (Smart Store settles after 구매확정). 구매확정 is out (final, settled); 취소,
	// 미결제취소, 반품 and 교환 are out (their outcome is settled by the claim).
	Open = newSet("open", StatusPaymentWaiting, StatusPaid, StatusDelivering, StatusDelivered)
	// Returnable is a line a return or exchange may be asked for: it has left the shop. 배송중 is in (the buyer
	// may refuse it at the door, and couriers report delivery late); 교환 is in (the replacement may come back).
	// 결제대기 and 결제완료 are out (not shipped: the seller cancels instead); 취소 and 미결제취소 are out (nothing
	// was sent); 반품 is out (already back).
	Returnable = newSet("returnable", StatusDelivering, StatusDelivered, StatusDecided, StatusExchanged)
	// Claimed is a line whose return or exchange Smart Store finished (반품완료, 교환완료): the returns area
	// opens or moves a request for each after an import. Cancellations are out: nothing comes back.
	Claimed = newSet("claimed", StatusReturned, StatusExchanged)
	// Arrived is a line the buyer surely has: 배송완료 or 구매확정. 배송중 is out (it may not have arrived);
	// 반품 and 교환 are out (already on a claim).
	Arrived = newSet("arrived", StatusDelivered, StatusDecided)
	// Live is a line that was not cancelled: every status but 취소 and 미결제취소. An order's documents (a
	// customs declaration) list these; 결제대기 is in because a manual overseas order is often written up
	// before the buyer pays.
	Live = newSet("live", StatusPaymentWaiting, StatusPaid, StatusDelivering, StatusDelivered, StatusDecided,
		StatusExchanged, StatusReturned)
)

// Sets lists every named set, for the tests that hold the store's queries to them.
func Sets() []Set { return []Set{Sold, Open, Returnable, Claimed, Arrived, Live} }

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

// ParseSmartStoreStatus reads 주문상태 and 주문세부상태 as an export writes them. Claim words in 주문세부상태
// (취소요청, 반품요청, 수거중 …) keep the main status: the claim is read beside it (ParseClaim).
func ParseSmartStoreStatus(main, detail string) (Status, Placing, error) {
	main, detail = strings.TrimSpace(main), strings.TrimSpace(detail)
	if code := Status(strings.ToUpper(main)); code.Valid() {
		main = code.Label()
	}
	st, ok := smartStoreWords[main]
	if !ok {
		c, claim := claimWords[strings.Join(strings.Fields(main), "")]
		if !claim {
			return "", "", apperr.New(apperr.ErrInvalid, "주문상태 '{{.Status}}'을(를) 알 수 없습니다", "Status", main)
		}
		// a screen that writes the claim as the status: the status it stands for on a new line (a known
		// line keeps its own, see statusNamesClaim)
		st = claimStatusWords[c.Kind()]
		if c.Stage() == StageDone {
			st = map[ClaimKind]Status{ClaimCancel: StatusCanceled, ClaimReturn: StatusReturned, ClaimExchange: StatusExchanged}[c.Kind()]
		}
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

// actionTo is the status an action moves a line to; 발주확인 and 송장 입력 leave the status as it is.
var actionTo = map[Action]Status{ActionPay: StatusPaid, ActionShip: StatusDelivering, ActionDeliver: StatusDelivered,
	ActionDecide: StatusDecided, ActionCancel: StatusCanceled}

// Allowed says whether the action may be done to a line in this state, and why not. A status move is allowed
// by the moves table; the action adds its own conditions (발주확인 before 발송, a tracking number).
func Allowed(a Action, s Status, p Placing, tracking string) error {
	if why, refused := Why(a, s, p, tracking); refused {
		return errors.New(why.Text(apperr.Korean))
	}
	return nil
}

// Why is Allowed's refusal as a sentence key with its values, so a window in English shows it in English;
// refused is false when the action may be done.
func Why(a Action, s Status, p Placing, tracking string) (why apperr.Msg, refused bool) {
	now := apperr.M(LineLabel(s, p))
	refuse := func(m apperr.Msg) (apperr.Msg, bool) {
		return apperr.M("{{.Action}}할 수 없습니다: {{.Why}}", "Action", apperr.M(a.Label()), "Why", m), true
	}
	switch a {
	case ActionPay:
		if !CanMove(s, actionTo[a]) {
			return refuse(apperr.M("결제대기 주문만 입금확인할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
	case ActionConfirm:
		if s != StatusPaid {
			return refuse(apperr.M("결제완료된 신규주문만 발주확인할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
		if p == PlacingOK {
			return refuse(apperr.M("이미 발주확인한 주문입니다"))
		}
	case ActionInvoice:
		if s != StatusPaid && s != StatusDelivering {
			return refuse(apperr.M("발송 전이나 배송중인 주문에만 송장을 입력할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
	case ActionShip:
		if !CanMove(s, actionTo[a]) {
			return refuse(apperr.M("발송 전 주문만 발송처리할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
		if p != PlacingOK {
			return refuse(apperr.M("먼저 발주확인하세요"))
		}
		if strings.TrimSpace(tracking) == "" {
			return refuse(apperr.M("송장번호를 먼저 입력하세요"))
		}
	case ActionDeliver:
		if !CanMove(s, actionTo[a]) {
			return refuse(apperr.M("배송중인 주문만 배송완료할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
	case ActionDecide:
		if !CanMove(s, actionTo[a]) {
			return refuse(apperr.M("배송완료된 주문만 구매확정할 수 있습니다 (현재 {{.Now}})", "Now", now))
		}
	case ActionCancel:
		if !CanMove(s, actionTo[a]) {
			return refuse(apperr.M("발송 전 주문만 취소할 수 있습니다. 발송 후에는 반품으로 처리하세요 (현재 {{.Now}})", "Now", now))
		}
	default:
		return apperr.M("알 수 없는 작업입니다: {{.Action}}", "Action", string(a)), true
	}
	return apperr.Msg{}, false
}
