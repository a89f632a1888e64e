package sales

import (
	"context"
	"fmt"
	"time"
)

// Report is a period's sales as the exports write it: the summary with its compares, the distinct buyers,
// and one or more breakdowns.
type Report struct {
	Store      string // the store's name, on the PDF's pages
	Period     Period
	Summary    Summary
	Buyers     Buyers
	Breakdowns []Breakdown
	Made       time.Time // when it was made, on the clock of the desk
}

// CompareWith is which earlier period a report compares with.
type CompareWith string

// The compares.
const (
	ComparePrev CompareWith = "prev"
	CompareYear CompareWith = "year"
)

// Report reads a period's summary, buyers and the breakdowns asked for (their rows as the screen shows
// them: every product, the top 100 buyers).
func (s *Service) Report(ctx context.Context, p Period, bys []By) (Report, error) {
	r := Report{Period: p, Made: s.Now()}
	rd := readStore(s.store.Read(), true) // the summary and the breakdowns read the period's days once
	var err error
	if r.Summary, err = s.summary(ctx, rd, p); err != nil {
		return r, err
	}
	if r.Buyers, err = s.BuyerCounts(ctx, p); err != nil {
		return r, err
	}
	for _, by := range bys {
		b, err := s.breakdown(ctx, rd, p, by, Options{})
		if err != nil {
			return r, internal(err, "매출을 불러오지 못했습니다.")
		}
		r.Breakdowns = append(r.Breakdowns, b)
	}
	return r, nil
}

// ReportBys are the breakdowns the full report (xlsx, PDF) holds: the trend by the period's length, and
// every grouping.
func ReportBys(p Period) []By {
	trend := ByDay
	switch days := p.Days(); {
	case days > 92:
		trend = ByMonth
	case days > 35:
		trend = ByWeek
	}
	return []By{trend, ByProduct, ByOption, ByCategory, ByPayment, ByChannel, ByBuyer, ByRegion, ByHour}
}

// PDFBys are the breakdowns the PDF report draws: the trend, the top products and categories, the payment
// mix (fewer than the workbook: the buyers' ranking is not printed).
func PDFBys(p Period) []By {
	return []By{ReportBys(p)[0], ByProduct, ByCategory, ByPayment}
}

// Column is one column of a breakdown's table, as every export and the screen write it.
type Column struct {
	Title string
	Money bool // won: a number with a won format in xlsx
	// Value is the cell of a row: an int64 (money, counts), a float64 share (0..1), or a string
	Value func(Row) any
}

// Columns are a breakdown's table columns: the group, then the figures it can tell.
func (b Breakdown) Columns() []Column {
	cols := []Column{{Title: b.By.Label(), Value: func(r Row) any { return r.Label }}}
	switch b.By {
	case ByBuyer:
		cols = append(cols, Column{Title: "주문 수", Value: func(r Row) any { return r.Orders }},
			Column{Title: "결제금액", Money: true, Value: func(r Row) any { return r.Gross }},
			Column{Title: "비중", Value: func(r Row) any { return r.Share }},
			Column{Title: "첫 주문", Value: func(r Row) any {
				if r.FirstOrder.IsZero() {
					return ""
				}
				return r.FirstOrder.Format("2006-01-02")
			}})
	case ByProduct, ByOption, ByCategory:
		cols = append(cols, Column{Title: "판매 수량", Value: func(r Row) any { return r.Qty }},
			Column{Title: "상품주문 수", Value: func(r Row) any { return r.Lines }},
			Column{Title: "결제금액", Money: true, Value: func(r Row) any { return r.Gross }},
			Column{Title: "비중", Value: func(r Row) any { return r.Share }},
			Column{Title: "매출총이익", Money: true, Value: func(r Row) any {
				if !r.Costed {
					return "원가 없음"
				}
				return r.Gross - r.Cost
			}})
	case ByRegion, ByHour:
		cols = append(cols, Column{Title: "주문 수", Value: func(r Row) any { return r.Orders }},
			Column{Title: "결제금액", Money: true, Value: func(r Row) any { return r.Gross }},
			Column{Title: "비중", Value: func(r Row) any { return r.Share }})
	default: // time, payment, channel: every figure, refunds included
		cols = append(cols, Column{Title: "주문 수", Value: func(r Row) any { return r.Orders }},
			Column{Title: "판매 수량", Value: func(r Row) any { return r.Qty }},
			Column{Title: "결제금액", Money: true, Value: func(r Row) any { return r.Gross }},
			Column{Title: "환불금액", Money: true, Value: func(r Row) any { return r.Refunds }},
			Column{Title: "순매출", Money: true, Value: func(r Row) any { return r.Net }},
			Column{Title: "비중", Value: func(r Row) any { return r.Share }})
	}
	return cols
}

// CellText writes a cell as the table and CSV show it: won grouped (1,234,500), shares as 12.3%.
func CellText(v any, money bool) string {
	switch x := v.(type) {
	case int64:
		if money {
			return groupWon(x)
		}
		return groupWon(x)
	case float64:
		return PercentText(x, false)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func groupWon(n int64) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := ""
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out += ","
		}
		out += string(r)
	}
	if neg {
		return "-" + out
	}
	return out
}

// SummaryLine is one of the summary's figures with their compares, as label and values, for the exports.
type SummaryLine struct {
	Label           string
	Now, Prev, Year int64
	Money           bool
}

// Lines lists the summary's figures in the order every export writes them.
func (s Summary) Lines(b Buyers) []SummaryLine {
	return []SummaryLine{
		{"결제금액", s.Now.Gross, s.Prev.Gross, s.Year.Gross, true},
		{"환불금액", s.Now.Refunds, s.Prev.Refunds, s.Year.Refunds, true},
		{"순매출", s.Now.Net, s.Prev.Net, s.Year.Net, true},
		{"배송비", s.Now.Shipping, s.Prev.Shipping, s.Year.Shipping, true},
		{"주문 수", s.Now.Orders, s.Prev.Orders, s.Year.Orders, false},
		{"판매 수량", s.Now.Qty, s.Prev.Qty, s.Year.Qty, false},
		{"객단가", s.Now.AvgOrder, s.Prev.AvgOrder, s.Year.AvgOrder, true},
		{"매출총이익", s.Now.Profit, s.Prev.Profit, s.Year.Profit, true},
		{"구매자 수", b.Buyers, 0, 0, false},
		{"신규 구매자", b.New, 0, 0, false},
		{"재구매 구매자", b.Returning, 0, 0, false},
	}
}
