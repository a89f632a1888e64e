package returns

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"sellerdesk/app/doc"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// Row is a request in the list, with how long it has been open and, for a return whose goods are back, the
// last day to refund it.
type Row struct {
	Number        string
	OrderID       int64
	Kind          Kind
	Reason        Reason
	Fault         Fault
	State         State
	Refund        int64
	OutsideWindow bool
	OrderNo       string
	BuyerName     string
	Items         string // "상품명 옵션 ×2, …"
	Qty           int64
	CreatedAt     time.Time
	// ReceivedAt is when the goods came back (the first move to 입고), in the desk's location; zero before.
	ReceivedAt time.Time
	DaysOpen   int
	// RefundDue is the last day to refund (see RefundDue), in the desk's location; zero for an exchange or
	// before 입고.
	RefundDue time.Time
	// RefundOverdue is set when the request is still open after its refund day, on the desk's clock as the
	// list was read.
	RefundOverdue bool
}

// Filter narrows the list.
type Filter struct {
	State      State
	Reason     Reason
	Kind       Kind
	MinAgeDays int
}

// List reads requests, newest first. Days open count to now for open requests, to completion for closed ones.
func (s *Service) List(ctx context.Context, f Filter) ([]Row, error) {
	now := s.Now()
	rows, err := data.ListReturns(ctx, s.store.Read(), data.ReturnQuery{State: string(f.State), Reason: string(f.Reason),
		Kind: string(f.Kind), MinAgeDays: f.MinAgeDays, Now: now, Received: string(StateReceived)})
	if err != nil {
		return nil, fmt.Errorf("returns: %w", err)
	}
	out := make([]Row, len(rows))
	for i, r := range rows {
		end := now
		if st := State(r.State); st == StateDone || st == StateRejected {
			end = r.UpdatedAt
		}
		out[i] = Row{Number: r.Number, OrderID: r.OrderID, Kind: Kind(r.Kind), Reason: Reason(r.Reason), Fault: Fault(r.Fault),
			State: State(r.State), Refund: r.Refund, OutsideWindow: r.OutsideWindow, OrderNo: r.OrderNo, BuyerName: r.BuyerName,
			Items: r.Items, Qty: r.Qty, CreatedAt: r.CreatedAt, DaysOpen: int(end.Sub(r.CreatedAt).Hours() / 24)}
		if !r.ReceivedAt.IsZero() {
			out[i].ReceivedAt = r.ReceivedAt.In(now.Location())
			out[i].RefundDue = RefundDue(out[i].Kind, out[i].ReceivedAt)
			out[i].RefundOverdue = RefundOverdue(out[i].State, out[i].RefundDue, now)
		}
	}
	return out, nil
}

// History reads a request's timeline.
func (s *Service) History(ctx context.Context, number string) ([]Step, error) {
	st, err := s.load(ctx, s.store.Read(), number)
	if err != nil {
		return nil, err
	}
	return stepsOf(st.moves), nil
}

// PolicySections writes the policy as the store page and the PDF show it.
func PolicySections(p Policy, categoryNames []string) []doc.PolicySection {
	fee := format.Won(p.ReturnFee)
	shipping := "단순 변심(구매의사취소, 색상·사이즈 변경, 다른 상품 잘못 주문)일 때는 반품배송비 " + fee + "(편도)을 고객님이 부담합니다."
	if p.BothWays {
		shipping = "단순 변심일 때는 반품배송비 " + format.Won(2*p.ReturnFee) + "(왕복)을 고객님이 부담합니다."
	} else if p.ChargeFreeShipping {
		shipping += " 무료배송으로 받으신 주문은 처음 배송비 " + fee + "도 함께 부담합니다."
	}
	secs := []doc.PolicySection{
		{Heading: "1. 반품·교환 기간", Body: fmt.Sprintf("- 단순 변심: 상품을 받으신 날부터 %d일 이내\n- 상품 불량·오배송·표시와 다른 상품: 받으신 날부터 %d개월 이내, 또는 그 사실을 아신 날부터 %d일 이내",
			p.WindowDays, p.DefectMonths, p.DefectKnownDays)},
		{Heading: "2. 배송비", Body: shipping + "\n상품 불량·오배송 등 판매자 사유일 때는 판매자가 모두 부담합니다.\n교환배송비(왕복): " + format.Won(p.ExchangeFee) + " (판매자 사유일 때는 무료)"},
		{Heading: "3. 환불", Body: "반품 상품이 도착한 날부터 영업일 기준 3일 이내에 환불합니다. 쿠폰 할인은 상품별로 나누어 빼고 환불합니다."},
	}
	if len(categoryNames) > 0 {
		secs = append(secs, doc.PolicySection{Heading: "4. 반품이 어려운 상품", Body: "단순 변심으로는 다음 분류의 상품을 반품할 수 없습니다: " + strings.Join(categoryNames, ", ") + ".\n상품 불량이나 오배송은 언제나 반품·교환해 드립니다."})
	}
	if strings.TrimSpace(p.Notes) != "" {
		secs = append(secs, doc.PolicySection{Heading: fmt.Sprintf("%d. 안내", len(secs)+1), Body: p.Notes})
	}
	return secs
}

// PolicyText is the policy as plain text for the store page.
func PolicyText(p Policy, categoryNames []string) string {
	var b strings.Builder
	b.WriteString("반품·교환 안내\n\n")
	for _, sec := range PolicySections(p, categoryNames) {
		b.WriteString(sec.Heading + "\n" + sec.Body + "\n\n")
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// WritePolicyPDF writes the policy as an A4 PDF with the store's details.
func (s *Service) WritePolicyPDF(ctx context.Context, categoryNames []string, w io.Writer) error {
	p, err := s.Policy(ctx)
	if err != nil {
		return err
	}
	prof, err := s.store.Profile(ctx)
	if err != nil {
		return fmt.Errorf("returns: %w", err)
	}
	if strings.TrimSpace(prof.Name) == "" {
		return invalid("profile", "반품 정책에 인쇄할 매장 정보가 없습니다. 설정 → 매장 정보에서 상호를 입력하세요.")
	}
	return doc.ReturnPolicy(w, doc.PolicyDoc{Store: doc.Store{Name: prof.Name, Representative: prof.Owner,
		BusinessNumber: prof.BusinessNo, Address: prof.Address, Phone: prof.Phone, Email: prof.Email},
		Sections: PolicySections(p, categoryNames), Generated: s.Now()})
}

// Analysis is 반품 분석 over a period.
type Analysis struct {
	From, To            time.Time
	ByProduct, ByOption []Stat
	ByCategory          []Stat
	Reasons             []ReasonCount
	Costs               Costs
	Monthly             []Month
}

// ReasonCount is how many requests gave a reason.
type ReasonCount struct {
	Reason Reason
	Label  string
	Count  int64
}

// Month is one month of the trend.
type Month struct {
	Month    string // 2026-11
	Requests int64
	Refunds  int64
}

// Analyze reads the return analysis for [from, to).
func (s *Service) Analyze(ctx context.Context, from, to time.Time) (Analysis, error) {
	db := s.store.Read()
	a := Analysis{From: from, To: to}
	sold := orders.Sold.Codes() // the return rate divides by what the orders area counts as sold
	for _, by := range []struct {
		key string
		to  *[]Stat
	}{{"product", &a.ByProduct}, {"option", &a.ByOption}, {"category", &a.ByCategory}} {
		rows, err := data.ReturnStatsBy(ctx, db, by.key, from, to, sold)
		if err != nil {
			return a, err
		}
		*by.to = statsOf(rows)
	}
	counts, err := data.ReturnReasonCount(ctx, db, from, to)
	if err != nil {
		return a, err
	}
	for _, r := range Reasons {
		if n := counts[string(r.Code)]; n > 0 {
			a.Reasons = append(a.Reasons, ReasonCount{Reason: r.Code, Label: r.Label, Count: n})
		}
	}
	p, err := data.ReturnPolicy(ctx, db)
	if err != nil {
		return a, err
	}
	costs, err := data.ReturnCostsBetween(ctx, db, from, to, p.ReturnFee)
	if err != nil {
		return a, err
	}
	a.Costs = Costs{Requests: costs.Requests, Refunds: costs.Refunds, SellerShipping: costs.SellerShipping, Disposed: costs.Disposed}
	_, offset := from.Zone()
	months, err := data.ReturnMonthly(ctx, db, from, to, offset/60)
	if err != nil {
		return a, err
	}
	for _, m := range months {
		a.Monthly = append(a.Monthly, Month{Month: m[0].(string), Requests: m[1].(int64), Refunds: m[2].(int64)})
	}
	return a, nil
}

// Rate is returned pieces per sold piece, in percent with one decimal.
func Rate(s Stat) string {
	if s.Sold == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", float64(s.Returned)*100/float64(s.Sold))
}

// Tables writes the analysis as report sheets (for 엑셀 내보내기).
func (a Analysis) Tables() []sheet.Table {
	stat := func(name string, rows []Stat) sheet.Table {
		t := sheet.Table{Name: name, Header: []string{"항목", "판매 수량", "반품 수량", "반품률", "환불액"}}
		for _, s := range rows {
			t.Rows = append(t.Rows, []any{s.Label, s.Sold, s.Returned, Rate(s), s.Refunds})
		}
		return t
	}
	reasons := sheet.Table{Name: "사유별", Header: []string{"사유", "건수"}}
	for _, r := range a.Reasons {
		reasons.Rows = append(reasons.Rows, []any{r.Label, r.Count})
	}
	costs := sheet.Table{Name: "비용", Header: []string{"항목", "금액"}, Rows: [][]any{
		{"요청 건수", a.Costs.Requests}, {"환불액", a.Costs.Refunds}, {"판매자 부담 반품배송비", a.Costs.SellerShipping},
		{"폐기한 재고(원가)", a.Costs.Disposed}, {"합계", a.Costs.Refunds + a.Costs.SellerShipping + a.Costs.Disposed}}}
	monthly := sheet.Table{Name: "월별", Header: []string{"월", "요청 건수", "환불액"}}
	for _, m := range a.Monthly {
		monthly.Rows = append(monthly.Rows, []any{m.Month, m.Requests, m.Refunds})
	}
	return []sheet.Table{stat("상품별", a.ByProduct), stat("옵션별", a.ByOption), stat("카테고리별", a.ByCategory), reasons, costs, monthly}
}
