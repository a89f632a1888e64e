// Package sales is 매출: every sales figure the 매출 screen, the dashboard, the reports and the headless
// command show, computed once from the daily aggregates the store keeps (data/sales.go; the triggers of its
// migration keep them current in the same transaction as every import, status move, manual order and
// refund). The rules, in the seller's words (RuleLine):
//
//   - Days are the seller's local days (KST), not UTC dates.
//   - 결제금액 is the 최종 상품별 총 주문금액 of the lines paid that day (by 결제일; a manual order by its date);
//     shipping fees are their own figure, once per order.
//   - A line counts while its status is sold (app/orders Sold): a 취소요청 still counts, a line cancelled
//     (취소완료) is removed from its payment day — so a past day changes when a later file brings the cancel.
//   - 환불금액 is the refunds of returns completed here, on the day they were completed; a line imported as
//     반품완료 that no completed return here covers is refunded by its amount on the day it became 반품.
//   - 순매출 = 결제금액 − 환불금액; 객단가 = 순매출 ÷ 주문 수.
//   - 매출총이익 = 결제금액 of lines whose product has a 원가 − 원가 × 수량; the share of 결제금액 without a 원가 is
//     always shown next to it.
package sales

import (
	"context"
	"log/slog"
	"math"
	"strings"
	"sync"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// RuleLine is the rule the screen shows in small text under its figures.
const RuleLine = "결제일 기준, 취소 제외, 반품·환불은 환불한 날에 차감 (나중에 가져온 취소는 결제한 날의 매출에서 빠집니다)"

// Service computes the sales figures.
type Service struct {
	store *data.Store
	log   *slog.Logger

	once sync.Once
	loc  *time.Location
}

// New builds the sales service on an open store.
func New(store *data.Store, log *slog.Logger) *Service { return &Service{store: store, log: log} }

// Location is the seller's zone the days are counted in (the store's sales day offset: KST).
func (s *Service) Location() *time.Location {
	s.once.Do(func() {
		s.loc = time.FixedZone("KST", 9*60*60)
		if m, err := data.SalesDayOffset(context.Background(), s.store.Read()); err == nil {
			s.loc = time.FixedZone("KST", m*60)
		} else {
			s.log.Warn("sales day offset", "err", err)
		}
	})
	return s.loc
}

// Now is the time on the desk's clock, in the seller's zone.
func (s *Service) Now() time.Time { return s.store.Now().In(s.Location()) }

// Today is the seller's local day now.
func (s *Service) Today() time.Time { return day(s.Now(), s.Location()) }

// PresetPeriod is a shortcut's days as of now.
func (s *Service) PresetPeriod(p Preset) Period { return p.Period(s.Now()) }

// CustomPeriod checks a period the seller typed: its last day may not come before its first.
func CustomPeriod(from, to time.Time) (Period, error) {
	if to.Before(from) {
		return Period{}, apperr.New(apperr.ErrInvalid, "끝 날짜가 시작 날짜보다 앞입니다.")
	}
	return Period{from, to}, nil
}

func internal(err error, what string) error {
	e := apperr.New(apperr.ErrInternal, "{{.What}} 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
	e.Err = err
	return e
}

// Figures are a period's sales.
type Figures struct {
	Gross    int64 // 결제금액: the counted lines' amounts
	Shipping int64 // 배송비, once per order
	Refunds  int64 // 환불금액
	Net      int64 // 순매출 = Gross − Refunds
	Orders   int64 // distinct 주문번호 with a counted line
	Lines    int64 // counted 상품주문
	Qty      int64 // 판매 수량
	AvgOrder int64 // 객단가 = Net ÷ Orders (0 without orders)

	// 매출총이익 over the lines whose product has a 원가
	CostedGross, Cost, Profit int64
	UncostedGross             int64 // 결제금액 of lines without a 원가 (not linked, or 원가 0)
}

// Margin is 이익률: Profit ÷ the 결제금액 it was made on; ok is false when no line has a 원가.
func (f Figures) Margin() (float64, bool) {
	if f.CostedGross <= 0 {
		return 0, false
	}
	return float64(f.Profit) / float64(f.CostedGross), true
}

// UncostedShare is the share of 결제금액 on lines without a 원가, 0..1.
func (f Figures) UncostedShare() float64 {
	if f.Gross <= 0 {
		return 0
	}
	return float64(f.UncostedGross) / float64(f.Gross)
}

// Change compares a figure with an earlier period's.
type Change struct {
	Now, Then int64
	Diff      int64
	// Pct is (Now − Then) ÷ Then; NoBase when the earlier period had nothing (no percentage then, never ∞%)
	Pct    float64
	NoBase bool
}

// Compare builds the change from then to now.
func Compare(now, then int64) Change {
	c := Change{Now: now, Then: then, Diff: now - then}
	if then == 0 {
		c.NoBase = true
		return c
	}
	c.Pct = float64(now-then) / math.Abs(float64(then))
	return c
}

// NoBaseText is what a compare with an empty earlier period says instead of a percentage.
const NoBaseText = "이전 기간 매출 없음"

// Text is the change as the seller reads it: +12.3%, −4.0%, 0%, or NoBaseText.
func (c Change) Text() string {
	if c.NoBase {
		if c.Now == 0 {
			return "0%"
		}
		return NoBaseText
	}
	return PercentText(c.Pct, true)
}

// Summary is a period's figures with the two periods it is compared with.
type Summary struct {
	Period, PrevPeriod, YearPeriod Period
	Now, Prev, Year                Figures
}

// NetVsPrev and the like compare 순매출.
func (s Summary) NetVsPrev() Change { return Compare(s.Now.Net, s.Prev.Net) }

// NetVsYear compares 순매출 with the same days a year earlier.
func (s Summary) NetVsYear() Change { return Compare(s.Now.Net, s.Year.Net) }

// Figures reads one period's figures.
func (s *Service) Figures(ctx context.Context, p Period) (Figures, error) {
	f, err := s.figures(ctx, readStore(s.store.Read(), false), p)
	if err != nil {
		return f, internal(err, "매출을 불러오지 못했습니다.")
	}
	return f, nil
}

func (s *Service) figures(ctx context.Context, rd *reads, p Period) (Figures, error) {
	var f Figures
	if !p.Valid() {
		return f, nil
	}
	from, to := p.rangeKeys()
	r := data.SalesRange{From: from, To: to}
	days, err := rd.salesDays(ctx, r)
	if err != nil {
		return f, err
	}
	for _, d := range days {
		f.Gross += d.Gross
		f.Shipping += d.Shipping
		f.Orders += d.Orders
		f.Lines += d.Lines
		f.Qty += d.Qty
	}
	if f.Refunds, err = rd.refundTotal(ctx, r); err != nil {
		return f, err
	}
	if f.CostedGross, f.Cost, f.UncostedGross, err = data.SalesCost(ctx, rd.q, r); err != nil {
		return f, err
	}
	f.Profit = f.CostedGross - f.Cost
	f.Net = f.Gross - f.Refunds
	if f.Orders > 0 {
		f.AvgOrder = int64(math.Round(float64(f.Net) / float64(f.Orders)))
	}
	return f, nil
}

// Summary reads a period's figures with the previous period and the same days a year earlier.
func (s *Service) Summary(ctx context.Context, p Period) (Summary, error) {
	return s.summary(ctx, readStore(s.store.Read(), false), p)
}

func (s *Service) summary(ctx context.Context, q *reads, p Period) (Summary, error) {
	sum := Summary{Period: p, PrevPeriod: p.Prev(), YearPeriod: p.YearAgo()}
	var err error
	if sum.Now, err = s.figures(ctx, q, p); err != nil {
		return sum, internal(err, "매출을 불러오지 못했습니다.")
	}
	if sum.Prev, err = s.figures(ctx, q, sum.PrevPeriod); err != nil {
		return sum, internal(err, "매출을 불러오지 못했습니다.")
	}
	if sum.Year, err = s.figures(ctx, q, sum.YearPeriod); err != nil {
		return sum, internal(err, "매출을 불러오지 못했습니다.")
	}
	return sum, nil
}

// Buyers are a period's distinct buyers; they cannot be summed from daily rows, so they are read apart
// (within a second on a million lines) and the screen shows them when they come.
type Buyers struct {
	Buyers, New, Returning int64 // New: the buyer's first order ever is in the period
}

// BuyerCounts reads the period's distinct, new and returning buyers.
func (s *Service) BuyerCounts(ctx context.Context, p Period) (Buyers, error) {
	var b Buyers
	if !p.Valid() {
		return b, nil
	}
	from, to := p.rangeKeys()
	all, fresh, err := data.SalesBuyerCounts(ctx, s.store.Read(), data.SalesRange{From: from, To: to})
	if err != nil {
		return b, internal(err, "구매자 수를 불러오지 못했습니다.")
	}
	return Buyers{Buyers: all, New: fresh, Returning: all - fresh}, nil
}

// Check recomputes the aggregates from the order lines and returns what differs (at most 20 entries;
// empty when they agree), and whether the statuses the triggers count are app/orders Sold.
func (s *Service) Check(ctx context.Context) ([]string, error) {
	q := s.store.Read()
	var out []string
	counted, err := data.SalesCountedStatuses(ctx, q)
	if err != nil {
		return nil, err
	}
	if !sameSet(counted, orders.Sold.Codes()) {
		out = append(out, "sales_counted_status: "+joinCodes(counted)+" ≠ "+joinCodes(orders.Sold.Codes()))
	}
	bad, err := data.SalesMismatches(ctx, q, 20, string(orders.StatusReturned))
	return append(out, bad...), err
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]bool{}
	for _, x := range a {
		in[x] = true
	}
	for _, x := range b {
		if !in[x] {
			return false
		}
	}
	return true
}

func joinCodes(c []string) string {
	out := ""
	for i, x := range c {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

// CheckProblem is the check's finding in one Korean sentence, naming the first differences.
func CheckProblem(bad []string) string {
	shown := bad[:min(len(bad), 3)]
	return "매출 집계가 주문 내역의 재계산과 다릅니다(" + strings.Join(shown, "; ") + "). 'sellerdesk report rebuild'로 다시 만드세요."
}

// Rebuild makes the aggregates again from the order lines and returns, in one transaction.
func (s *Service) Rebuild(ctx context.Context) error {
	if err := s.store.Write(ctx, func(tx *data.Tx) error { return data.RebuildSalesTx(ctx, tx, string(orders.StatusReturned)) }); err != nil {
		return internal(err, "매출 집계를 다시 만들지 못했습니다.")
	}
	return nil
}
