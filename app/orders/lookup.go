package orders

import (
	"context"
	"errors"
	"sellerdesk/app/phone"
	"strings"
	"time"

	"sellerdesk/data"
)

// Period is a date-range shortcut of the lookup.
type Period string

const (
	PeriodAll     Period = ""
	PeriodToday   Period = "today"
	Period7Days   Period = "7d"
	PeriodMonth   Period = "1m"
	Period3Months Period = "3m"
	PeriodCustom  Period = "custom"
)

// Periods lists the shortcuts in the order the screen shows them.
var Periods = []Period{PeriodAll, PeriodToday, Period7Days, PeriodMonth, Period3Months, PeriodCustom}

var periodLabels = map[Period]string{PeriodAll: "전체 기간", PeriodToday: "오늘", Period7Days: "7일", PeriodMonth: "1개월",
	Period3Months: "3개월", PeriodCustom: "직접 입력"}

// Label is the period in Korean.
func (p Period) Label() string { return periodLabels[p] }

// Range is the period's [from, to) in the seller's local time, as of now; custom uses from and to as days.
func (p Period) Range(now time.Time, from, to time.Time) (time.Time, time.Time) {
	day := func(t time.Time) time.Time { y, m, d := t.Date(); return time.Date(y, m, d, 0, 0, 0, 0, t.Location()) }
	end := day(now).AddDate(0, 0, 1)
	switch p {
	case PeriodToday:
		return day(now), end
	case Period7Days:
		return end.AddDate(0, 0, -7), end
	case PeriodMonth:
		return end.AddDate(0, -1, 0), end
	case Period3Months:
		return end.AddDate(0, -3, 0), end
	case PeriodCustom:
		var f, t time.Time
		if !from.IsZero() {
			f = day(from)
		}
		if !to.IsZero() {
			t = day(to).AddDate(0, 0, 1)
		}
		return f, t
	}
	return time.Time{}, time.Time{}
}

// Scope is domestic or overseas.
type Scope int

const (
	ScopeAll Scope = iota
	ScopeDomestic
	ScopeOverseas
)

// Query is what the order list asks for.
type Query struct {
	Search        string
	Status        string // a Status, or "NEW" / "CONFIRMED" for paid lines before / after 발주확인
	Period        Period
	From, To      time.Time // for PeriodCustom
	PaymentMethod string
	Channel       string
	Scope         Scope
	Unmatched     bool
	Limit, Offset int
}

// Filter statuses that split 결제완료 by 발주확인, and the claims asked and not finished.
const (
	FilterNew           = "NEW"
	FilterConfirmed     = "CONFIRMED"
	FilterCancelAsked   = "CLAIM_CANCEL"   // 취소요청
	FilterReturnAsked   = "CLAIM_RETURN"   // 반품요청 … 수거완료
	FilterExchangeAsked = "CLAIM_EXCHANGE" // 교환요청 … 재배송중
	// FilterPaidAll is 결제완료 전체: every line paid and still sold (결제완료 before and after 발주확인, 배송중,
	// 배송완료, 구매확정, 교환), that is Sold without 반품; 결제대기, 취소 and 미결제취소 are out.
	FilterPaidAll = "PAID_ALL"
)

// paidAll is FilterPaidAll's statuses: Sold without 반품 (a line sold and sent back is not a sale the seller
// still has).
func paidAll() []string {
	var out []string
	for _, st := range Sold.Statuses() {
		if st != StatusReturned {
			out = append(out, string(st))
		}
	}
	return out
}

// claimFilters are the open claims each claim filter finds.
var claimFilters = map[string][]Claim{
	FilterCancelAsked: {ClaimOf(ClaimCancel, StageRequest)},
	FilterReturnAsked: {ClaimOf(ClaimReturn, StageRequest), ClaimOf(ClaimReturn, StageCollecting), ClaimOf(ClaimReturn, StageCollectDone)},
	FilterExchangeAsked: {ClaimOf(ClaimExchange, StageRequest), ClaimOf(ClaimExchange, StageCollecting),
		ClaimOf(ClaimExchange, StageCollectDone), ClaimOf(ClaimExchange, StageRedelivering)},
}

// StatusFilter is one choice of the list's status filter: the key Query.Status takes and its label.
type StatusFilter struct{ Key, Label string }

// StatusFilters lists the status filter's choices in the order the screen shows them: every state, every
// paid line not cancelled or returned (결제완료 전체), each state, 결제완료 split by 발주확인, then the claims the
// seller has to answer.
var StatusFilters = []StatusFilter{{"", "전체 상태"}, {FilterPaidAll, "결제완료 전체"}, {string(StatusPaymentWaiting), "결제대기"}, {FilterNew, "신규주문"},
	{FilterConfirmed, "발주확인"}, {string(StatusDelivering), "배송중"}, {string(StatusDelivered), "배송완료"},
	{string(StatusDecided), "구매확정"}, {string(StatusCanceled), "취소"}, {string(StatusReturned), "반품"},
	{string(StatusExchanged), "교환"}, {FilterCancelAsked, "취소요청"}, {FilterReturnAsked, "반품요청"},
	{FilterExchangeAsked, "교환요청"}}

func (s *Service) dataQuery(q Query) data.OrderLineQuery {
	dq := data.OrderLineQuery{Search: q.Search, PaymentMethod: q.PaymentMethod, Channel: q.Channel,
		Overseas: int(q.Scope), Unmatched: q.Unmatched, Limit: q.Limit, Offset: q.Offset}
	switch q.Status {
	case "":
	case FilterNew:
		dq.Statuses, dq.Placing = []string{string(StatusPaid)}, string(PlacingNotYet)
	case FilterConfirmed:
		dq.Statuses, dq.Placing = []string{string(StatusPaid)}, string(PlacingOK)
	case FilterPaidAll:
		dq.Statuses = paidAll()
	case FilterCancelAsked, FilterReturnAsked, FilterExchangeAsked:
		for _, c := range claimFilters[q.Status] {
			dq.Claims = append(dq.Claims, string(c))
		}
	default:
		dq.Statuses = []string{q.Status}
	}
	dq.From, dq.To = q.Period.Range(s.Now(), q.From, q.To)
	return dq
}

// Line is an order line as the list shows it. Phones are masked here; the detail shows them whole.
type Line struct {
	ID, OrderID             int64
	ProductOrderNo, OrderNo string
	OrderedAt               time.Time
	BuyerName               string
	RecipientName           string
	RecipientPhoneMasked    string
	ProductName, OptionInfo string
	Matched                 bool
	Qty, Amount             int64
	Status                  Status
	Placing                 Placing
	StatusLabel             string
	PaymentMethod, Channel  string
	Courier, TrackingNo     string
	Overseas                bool
	// Claim is the line's claim ('' for none); StatusLabel already names it when the seller has to see it
	// (결제완료 · 취소요청, 배송완료 · 반품철회).
	Claim Claim
}

// LineStateLabel is a line's state as the list and the detail write it: LineLabel, and the claim beside it
// while it is open or after it was withdrawn (신규주문 · 취소요청); a finished claim is the status itself.
func LineStateLabel(s Status, p Placing, c Claim) string {
	l := LineLabel(s, p)
	if c == "" || c.Stage() == StageDone {
		return l
	}
	return l + " · " + c.Label()
}

func lineOf(r data.OrderListRow) Line {
	return Line{ID: r.LineID, OrderID: r.OrderID, ProductOrderNo: r.ProductOrderNo, OrderNo: r.OrderNo,
		OrderedAt: r.OrderedAt, BuyerName: r.BuyerName, RecipientName: r.RecipientName,
		RecipientPhoneMasked: phone.Mask(r.RecipientPhone, r.Country), ProductName: r.ProductName, OptionInfo: r.OptionInfo,
		Matched: r.OptionID != 0, Qty: r.Qty, Amount: r.Amount, Status: Status(r.Status), Placing: Placing(r.Placing),
		StatusLabel: LineStateLabel(Status(r.Status), Placing(r.Placing), Claim(r.Claim)), PaymentMethod: r.PaymentMethod,
		Channel: r.Channel, Courier: r.Courier, TrackingNo: r.TrackingNo, Overseas: r.Country != "KR", Claim: Claim(r.Claim)}
}

// Find returns one page of the lines the query finds, newest first.
func (s *Service) Find(ctx context.Context, q Query) ([]Line, error) {
	return s.FindPage(ctx, q, -1)
}

// FindPage is Find when the caller has just counted the query's lines (the list counts first): the count
// tells the store how best to read the page.
func (s *Service) FindPage(ctx context.Context, q Query, total int) ([]Line, error) {
	rows, err := data.ListOrderLinesCounted(ctx, s.store.Read(), s.dataQuery(q), total)
	if err != nil {
		s.log.Error("find orders", "err", err)
		return nil, internal(err, "주문을 찾지 못했습니다.")
	}
	out := make([]Line, len(rows))
	for i, r := range rows {
		out[i] = lineOf(r)
	}
	return out, nil
}

// CountCap is where Count stops counting: more matches count as CountCap+1, shown as "10,000건 이상".
const CountCap = data.CountCap

// Count counts the lines the query finds, up to CountCap+1 (the whole book is counted exactly).
func (s *Service) Count(ctx context.Context, q Query) (int, error) {
	n, err := data.CountOrderLines(ctx, s.store.Read(), s.dataQuery(q))
	if err != nil {
		s.log.Error("count orders", "err", err)
		return 0, internal(err, "주문 수를 세지 못했습니다.")
	}
	return n, nil
}

// LineIDs lists every line the query finds, for an action on the whole filter.
func (s *Service) LineIDs(ctx context.Context, q Query) ([]int64, error) {
	q.Limit, q.Offset = 0, 0
	ids, err := data.OrderLineIDs(ctx, s.store.Read(), s.dataQuery(q))
	if err != nil {
		return nil, internal(err, "주문을 찾지 못했습니다.")
	}
	return ids, nil
}

// FilterValues lists the payment methods and channels in use.
func (s *Service) FilterValues(ctx context.Context) (payments, channels []string, err error) {
	if payments, err = data.DistinctOrderValues(ctx, s.store.Read(), "payment_method"); err != nil {
		return nil, nil, internal(err, "결제수단 목록을 읽지 못했습니다.")
	}
	if channels, err = data.DistinctOrderValues(ctx, s.store.Read(), "channel"); err != nil {
		return nil, nil, internal(err, "판매채널 목록을 읽지 못했습니다.")
	}
	return payments, channels, nil
}

// Detail is one order with every field, its lines and each line's status history. Phones are whole.
type Detail struct {
	Order    Order
	Lines    []DetailLine
	Overseas bool
}

// DetailLine is a line of the detail view.
type DetailLine struct {
	OrderLine
	StatusLabel string // with the claim, as in the list (LineStateLabel)
	// ClaimLabel and ClaimReasonLabel name the line's claim and its reason (구매의사취소 …); "" for none
	ClaimLabel, ClaimReasonLabel string
	History                      []StatusChange
}

// Detail reads an order by id.
func (s *Service) Detail(ctx context.Context, orderID int64) (Detail, error) {
	db := s.store.Read()
	o, err := data.OrderByID(ctx, db, orderID)
	if errors.Is(err, data.ErrNoRow) {
		return Detail{}, notFound("주문을 찾을 수 없습니다. 목록을 새로 고치세요.")
	}
	if err != nil {
		return Detail{}, internal(err, "주문을 읽지 못했습니다.")
	}
	lines, err := data.LinesOfOrder(ctx, db, orderID)
	if err != nil {
		return Detail{}, internal(err, "주문 상품을 읽지 못했습니다.")
	}
	d := Detail{Order: Order(o), Overseas: o.Country != "KR"}
	for _, l := range lines {
		h, err := data.StatusHistory(ctx, db, l.ID)
		if err != nil {
			return Detail{}, internal(err, "상태 이력을 읽지 못했습니다.")
		}
		moves := make([]StatusChange, len(h))
		for i, c := range h {
			moves[i] = StatusChange(c)
		}
		d.Lines = append(d.Lines, DetailLine{OrderLine: OrderLine(l), StatusLabel: LineStateLabel(Status(l.Status), Placing(l.Placing), Claim(l.Claim)),
			ClaimLabel: Claim(l.Claim).Label(), ClaimReasonLabel: ClaimReasonLabel(l.ClaimReason), History: moves})
	}
	return d, nil
}

// MaskPhone hides the middle of a phone number for lists: 010-1234-5678 → 010-****-5678.
func MaskPhone(p string) string {
	d := digits(p)
	if len(d) < 8 {
		if d == "" {
			return ""
		}
		return strings.Repeat("*", len(d))
	}
	head := 3
	switch {
	case strings.HasPrefix(d, "02"):
		head = 2
	case strings.HasPrefix(d, "050"):
		head = 4 // 안심번호 0504-…
	}
	if len(d)-4 <= head {
		head = len(d) - 8
	}
	return d[:head] + "-****-" + d[len(d)-4:]
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
