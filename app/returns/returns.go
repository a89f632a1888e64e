// Package returns is 반품·교환: the policy, requests from order lines with the legal windows, an explicit
// state machine, inspection with restock exactly once, refunds, exchanges and the return label.
package returns

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/orders"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// Reason is a Smart Store return/cancel reason code.
type Reason string

// Reasons in the order the form offers them; the first three are the buyer's change of mind.
var Reasons = []struct {
	Code  Reason
	Label string
	Buyer bool // the buyer is at fault (pays the return shipping)
}{
	{"INTENT_CHANGED", "구매의사취소", true}, {"COLOR_AND_SIZE", "색상·사이즈변경", true}, {"WRONG_ORDER", "다른상품 잘못주문", true},
	{"PRODUCT_UNSATISFIED", "서비스·상품 불만족", false}, {"DELAYED_DELIVERY", "배송지연", false}, {"SOLD_OUT", "품절", false},
	{"DROPPED_DELIVERY", "배송누락", false}, {"BROKEN", "파손", false}, {"INCORRECT_INFO", "상품정보상이", false},
	{"WRONG_DELIVERY", "오배송", false}, {"WRONG_OPTION", "다른옵션 잘못배송", false}, {"ETC", "기타", false},
}

func reasonInfo(r Reason) (label string, buyer, ok bool) {
	for _, x := range Reasons {
		if x.Code == r {
			return x.Label, x.Buyer, true
		}
	}
	return "", false, false
}

// Label is the reason in Korean.
func (r Reason) Label() string { l, _, _ := reasonInfo(r); return l }

// Fault is who pays for the return.
type Fault string

const (
	FaultBuyer  Fault = "BUYER"
	FaultSeller Fault = "SELLER"
)

// Kind is a return (refund) or an exchange.
type Kind string

const (
	KindReturn   Kind = "RETURN"
	KindExchange Kind = "EXCHANGE"
)

// Method is how the goods come back.
type Method string

// Methods with their labels.
var Methods = []struct {
	Code  Method
	Label string
}{{"PICKUP", "택배 수거"}, {"DESIGNATED", "지정 반품택배"}, {"CUSTOMER", "고객 직접 발송"}, {"STORE", "매장 방문 반납"}}

// State is a request's place in the workflow.
type State string

const (
	StateRequested  State = "REQUESTED"  // 요청
	StateApproved   State = "APPROVED"   // 승인
	StateRejected   State = "REJECTED"   // 거부
	StateCollecting State = "COLLECTING" // 수거중
	StateReceived   State = "RECEIVED"   // 입고
	StateInspected  State = "INSPECTED"  // 검수
	StateDone       State = "DONE"       // 완료
	StateHold       State = "HOLD"       // 보류
)

var stateLabels = map[State]string{StateRequested: "요청", StateApproved: "승인", StateRejected: "거부", StateCollecting: "수거중",
	StateReceived: "입고", StateInspected: "검수", StateDone: "완료", StateHold: "보류"}

// Label is the state in Korean.
func (s State) Label() string { return stateLabels[s] }

// Move is a step of the workflow.
type Move string

const (
	MoveApprove  Move = "APPROVE"
	MoveReject   Move = "REJECT"
	MoveCollect  Move = "COLLECT"
	MoveReceive  Move = "RECEIVE"
	MoveInspect  Move = "INSPECT" // all lines inspected
	MoveComplete Move = "COMPLETE"
	MoveHold     Move = "HOLD"
	MoveResume   Move = "RESUME"
)

// transitions is the state machine: from a state, which move leads where. Resume goes back to the state
// the request was held in.
var transitions = map[State]map[Move]State{
	StateRequested:  {MoveApprove: StateApproved, MoveReject: StateRejected, MoveHold: StateHold},
	StateApproved:   {MoveCollect: StateCollecting, MoveReceive: StateReceived, MoveHold: StateHold},
	StateCollecting: {MoveReceive: StateReceived, MoveHold: StateHold},
	StateReceived:   {MoveInspect: StateInspected, MoveHold: StateHold},
	StateInspected:  {MoveComplete: StateDone, MoveHold: StateHold},
	StateHold:       {MoveResume: ""},
}

// Next says where a move leads from a state, or why it is not allowed.
func Next(from State, m Move) (State, error) {
	to, ok := transitions[from][m]
	if !ok {
		return "", apperr.New(apperr.ErrInvalid, "{{.State}} 상태의 요청은 {{.Move}}할 수 없습니다.",
			"State", apperr.M(from.Label()), "Move", apperr.M(moveLabel(m)))
	}
	return to, nil
}

func moveLabel(m Move) string {
	return map[Move]string{MoveApprove: "승인", MoveReject: "거부", MoveCollect: "수거 시작", MoveReceive: "입고 처리",
		MoveInspect: "검수 완료", MoveComplete: "완료 처리", MoveHold: "보류", MoveResume: "보류 해제"}[m]
}

// Service keeps returns and exchanges.
type Service struct {
	store *data.Store
	log   *slog.Logger
	tx    txn.Writer
}

// New builds the returns service.
func New(store *data.Store, log *slog.Logger) *Service {
	return &Service{store: store, log: log, tx: txn.Writer{Store: store, Log: log, Area: "반품",
		Fault: func(what string) apperr.Msg {
			return apperr.M("{{.What}}에 실패했습니다. 아무것도 바꾸지 않았습니다. 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
		}}}
}

// Now is the time on the desk's clock (the store's): return windows, return numbers and analysis periods
// are reckoned from it, and the service's transactions stamp the same clock.
func (s *Service) Now() time.Time { return s.store.Now() }

func invalid(field, msg string) error { return apperr.Invalid(map[string]string{field: msg}, nil) }

// invalidMsg is invalid with a message that has values ("{{.Name}}의 반품 수량은 …"); args as for apperr.M.
func invalidMsg(field, key string, args ...any) error {
	return apperr.InvalidMsg(map[string]apperr.Msg{field: apperr.M(key, args...)}, nil)
}

// notFound tells a missing row (data.ErrNoRow, sql.ErrNoRows) from a failed read: only the first is the
// seller's mistake; any other error is a fault and goes back as such, never as "not found".
func notFound(err error) bool { return errors.Is(err, data.ErrNoRow) || errors.Is(err, sql.ErrNoRows) }

func (s *Service) write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	return s.tx.Write(ctx, what, fn)
}

// Policy reads the return policy.
func (s *Service) Policy(ctx context.Context) (Policy, error) {
	p, err := data.ReturnPolicy(ctx, s.store.Read())
	if err != nil {
		return Policy{}, fmt.Errorf("returns: %w", err)
	}
	return policyOf(p), nil
}

// SetPolicy checks and stores the policy. The law's minimums hold: change of mind at least 7 days,
// defects at least 3 months from delivery and 30 days from when the buyer knew.
func (s *Service) SetPolicy(ctx context.Context, p Policy) error {
	fields := map[string]string{}
	if p.WindowDays < 7 {
		fields["windowDays"] = "단순 변심 반품 기간은 전자상거래법에 따라 7일보다 짧을 수 없습니다."
	}
	if p.DefectMonths < 3 {
		fields["defectMonths"] = "불량·오배송 반품 기간은 배송 후 3개월보다 짧을 수 없습니다."
	}
	if p.DefectKnownDays < 30 {
		fields["defectKnownDays"] = "불량을 안 날부터의 기간은 30일보다 짧을 수 없습니다."
	}
	if p.ReturnFee < 0 {
		fields["returnFee"] = "반품배송비는 0원 이상이어야 합니다."
	}
	if p.ExchangeFee < 0 {
		fields["exchangeFee"] = "교환배송비는 0원 이상이어야 합니다."
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields, []string{"windowDays", "defectMonths", "defectKnownDays", "returnFee", "exchangeFee"})
	}
	return s.write(ctx, "반품 정책 저장", func(tx *data.Tx) error { return data.SaveReturnPolicyTx(ctx, tx, p.record()) })
}

// day is t's calendar day in its location.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// addMonths adds calendar months the way a legal period counts them: a day that the target month does not
// have becomes its last day (11-30 + 3 months = 02-28, or 02-29 in a leap year).
func addMonths(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, t.Location())
}

// Window is the period a request may be made in: through the end of LastDay.
type Window struct {
	Delivered time.Time
	LastDay   time.Time
	Defect    bool // the seller's-fault window (3 months / 30 days from knowing)
}

// WindowFor computes the last day to ask: change of mind, delivery + policy days (the delivery day itself
// not counted); a defect or wrong delivery, delivery + policy months, or knownOn + policy days if later.
func WindowFor(p Policy, delivered time.Time, buyerFault bool, knownOn time.Time) Window {
	w := Window{Delivered: delivered, Defect: !buyerFault}
	d := day(delivered)
	if buyerFault {
		w.LastDay = d.AddDate(0, 0, p.WindowDays)
		return w
	}
	w.LastDay = addMonths(d, p.DefectMonths)
	if !knownOn.IsZero() {
		if k := day(knownOn).AddDate(0, 0, p.DefectKnownDays); k.After(w.LastDay) {
			w.LastDay = k
		}
	}
	return w
}

// Open reports whether now is within the window.
func (w Window) Open(now time.Time) bool { return !day(now).After(w.LastDay) }

// Request is what the seller fills in to open a return or exchange.
type Request struct {
	OrderID         int64
	Lines           []RequestLine
	Kind            Kind
	Reason          Reason
	Fault           Fault // empty: from the reason
	Method          Method
	KnownOn         time.Time // when the buyer found the defect, if later than delivery
	AcceptOutside   bool      // the seller accepts a request outside the window
	AcceptNonReturn bool      // the seller accepts a product of a non-returnable category
	Note            string
}

// RequestLine is one order line being returned or exchanged.
type RequestLine struct {
	OrderLineID         int64
	Qty                 int64
	ReplacementOptionID int64 // exchange: the option sent instead
}

// OutsideWindowError is refused when a request is made after its window closed; the seller may accept it.
type OutsideWindowError struct{ Window Window }

func (e *OutsideWindowError) Error() string { return e.msg().Text(apperr.Korean) }

// msg is the refusal as a sentence key with its values, for the seller's language.
func (e *OutsideWindowError) msg() apperr.Msg {
	kind := apperr.M("단순 변심 반품 기간")
	if e.Window.Defect {
		kind = apperr.M("불량·오배송 반품 기간")
	}
	return apperr.M("{{.Kind}}이 지났습니다: 배송 {{.Delivered}}, 마지막 날 {{.LastDay}}. 그래도 받으려면 '기간 밖 접수'를 선택하세요.",
		"Kind", kind, "Delivered", e.Window.Delivered.Format("2006-01-02"), "LastDay", e.Window.LastDay.Format("2006-01-02"))
}

// Create opens a request: the lines' quantities at most what was bought less what is already on other
// requests, the window checked, an exchange's replacement in stock. It returns the RT number.
func (s *Service) Create(ctx context.Context, r Request) (string, error) {
	_, buyer, ok := reasonInfo(r.Reason)
	if !ok {
		return "", invalid("reason", "반품·교환 사유를 고르세요.")
	}
	if r.Fault == "" {
		r.Fault = FaultSeller
		if buyer {
			r.Fault = FaultBuyer
		}
	}
	if r.Kind != KindReturn && r.Kind != KindExchange {
		return "", invalid("kind", "반품인지 교환인지 고르세요.")
	}
	known := false
	for _, m := range Methods {
		known = known || m.Code == r.Method
	}
	if !known {
		return "", invalid("method", "회수 방법을 고르세요.")
	}
	if len(r.Lines) == 0 {
		return "", invalid("lines", "반품·교환할 상품을 고르세요.")
	}
	var number string
	err := s.write(ctx, "반품 요청", func(tx *data.Tx) error {
		pr, err := data.ReturnPolicy(ctx, tx)
		if err != nil {
			return err
		}
		policy := policyOf(pr)
		o, err := data.OrderByID(ctx, tx, r.OrderID)
		if notFound(err) {
			return invalid("order", "주문을 찾을 수 없습니다.")
		}
		if err != nil {
			return err
		}
		outside := false
		var lines []data.ReturnLineRecord
		for i, rl := range r.Lines {
			l, err := data.LineByID(ctx, tx, rl.OrderLineID)
			if err != nil && !notFound(err) {
				return err
			}
			if err != nil || l.OrderID != o.ID {
				return invalidMsg("lines", "{{.N}}번 상품은 이 주문의 상품이 아닙니다.", "N", i+1)
			}
			if !orders.Returnable.Has(orders.Status(l.Status)) {
				return invalidMsg("lines", "{{.Name}}은(는) 배송된 상품이 아니라 반품할 수 없습니다. 발송 전이면 주문을 취소하세요.", "Name", l.ProductName)
			}
			done, err := data.ReturnedQty(ctx, tx, l.ID)
			if err != nil {
				return err
			}
			if rl.Qty < 1 || rl.Qty > l.Qty-done {
				return invalidMsg("lines", "{{.Name}}의 반품 수량은 1개부터 {{.Max}}개까지입니다 (구매 {{.Bought}}개, 이미 요청 {{.Done}}개).",
					"Name", l.ProductName, "Max", l.Qty-done, "Bought", l.Qty, "Done", done)
			}
			if r.Fault == FaultBuyer && !r.AcceptNonReturn && l.OptionID != 0 {
				cat, err := categoryOf(ctx, tx, l.OptionID)
				if err != nil {
					return err
				}
				if cat != 0 {
					for _, c := range policy.NonReturnable {
						if c == cat {
							return invalidMsg("lines", "{{.Name}}은(는) 반품할 수 없는 카테고리의 상품입니다 (단순 변심). 그래도 받으려면 '예외로 접수'를 선택하세요.", "Name", l.ProductName)
						}
					}
				}
			}
			delivered, err := data.DeliveredAt(ctx, tx, l.ID, string(orders.StatusDelivered))
			if err != nil {
				return err
			}
			if delivered.IsZero() {
				delivered = l.OrderedAt
			}
			w := WindowFor(policy, delivered.In(s.Now().Location()), r.Fault == FaultBuyer, r.KnownOn)
			if !w.Open(s.Now()) {
				if !r.AcceptOutside {
					e := &OutsideWindowError{Window: w}
					m := e.msg()
					return &apperr.Error{Code: apperr.ErrInvalid, Key: m.Key, Args: m.Args, Err: e}
				}
				outside = true
			}
			if r.Kind == KindExchange {
				if rl.ReplacementOptionID == 0 {
					return invalidMsg("lines", "{{.Name}}: 교환해 보낼 옵션을 고르세요.", "Name", l.ProductName)
				}
				opt, err := data.OptionByID(ctx, tx, rl.ReplacementOptionID)
				if notFound(err) {
					return invalidMsg("lines", "{{.Name}}: 교환 옵션을 찾을 수 없습니다.", "Name", l.ProductName)
				}
				if err != nil {
					return err
				}
				if opt.Stock < rl.Qty {
					return invalidMsg("lines", "{{.Name}}: 교환할 옵션의 재고가 {{.Stock}}개뿐입니다 (필요 {{.Need}}개).", "Name", l.ProductName, "Stock", opt.Stock, "Need", rl.Qty)
				}
			}
			lines = append(lines, data.ReturnLineRecord{OrderLineID: l.ID, Qty: rl.Qty, ReplacementOptionID: rl.ReplacementOptionID})
		}
		if number, err = data.NextReturnNumberTx(ctx, tx, s.Now().Format("20060102")); err != nil {
			return err
		}
		rec := data.ReturnRecord{Number: number, OrderID: o.ID, Kind: string(r.Kind), Reason: string(r.Reason), Fault: string(r.Fault),
			Method: string(r.Method), State: string(StateRequested), Note: strings.TrimSpace(r.Note), OutsideWindow: outside}
		id, err := data.InsertReturnTx(ctx, tx, rec, lines)
		if err != nil {
			return err
		}
		note := ""
		if outside {
			note = "기간 밖 접수"
		}
		return data.AddReturnHistoryTx(ctx, tx, id, "", string(StateRequested), note)
	})
	if err != nil {
		return "", err
	}
	return number, nil
}

// categoryOf is the category of an option's product, 0 when the option or its product is gone (then no
// category rule can apply). A failed read is returned: a category read as 0 would let a non-returnable
// product through.
func categoryOf(ctx context.Context, tx *data.Tx, optionID int64) (int64, error) {
	o, err := data.OptionByID(ctx, tx, optionID)
	if notFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	p, err := data.ProductByID(ctx, tx, o.ProductID)
	if notFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return p.CategoryID, nil
}

// RefundOverdue reports whether the request is past its refund day on now.
func (r Return) RefundOverdue(now time.Time) bool { return RefundOverdue(r.State, r.RefundDue, now) }

// Get reads a request by its RT number.
func (s *Service) Get(ctx context.Context, number string) (Return, error) {
	st, err := s.load(ctx, s.store.Read(), number)
	if err != nil {
		return Return{}, err
	}
	return st.view(s.Now().Location()), nil
}

// load reads a request as stored, with its lines and moves, for the workflow to change and write back.
func (s *Service) load(ctx context.Context, q data.Querier, number string) (stored, error) {
	r, err := data.ReturnByNumber(ctx, q, strings.ToUpper(strings.TrimSpace(number)))
	if notFound(err) {
		return stored{}, apperr.New(apperr.ErrNotFound, "반품번호 {{.Number}}을(를) 찾을 수 없습니다.", "Number", number)
	}
	if err != nil {
		return stored{}, fmt.Errorf("returns: %w", err)
	}
	lines, err := data.ReturnLines(ctx, q, r.ID)
	if err != nil {
		return stored{}, fmt.Errorf("returns: %w", err)
	}
	moves, err := data.ReturnHistory(ctx, q, r.ID)
	if err != nil {
		return stored{}, fmt.Errorf("returns: %w", err)
	}
	return stored{rec: r, lines: lines, moves: moves}, nil
}
