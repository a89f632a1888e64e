package sales

import (
	"io"

	"sellerdesk/app/doc"
)

// WritePDF writes a report as the PDF 매출 보고서: the summary compared with the period asked for (the
// previous period when none), the trend against it, the top products and categories, and the payment mix.
func WritePDF(w io.Writer, r Report, cmp CompareWith) error {
	return doc.SalesReport(w, r.Doc(cmp))
}

// Doc is the report as the PDF draws it.
func (r Report) Doc(cmp CompareWith) doc.SalesReportDoc {
	s := r.Summary
	thenPeriod, thenName := s.PrevPeriod, "이전 기간"
	if cmp == CompareYear {
		thenPeriod, thenName = s.YearPeriod, "작년 같은 기간"
	}
	d := doc.SalesReportDoc{Store: r.Store, Period: r.Period.String(), Rule: RuleLine, Made: r.Made, Compare: thenName}
	d.Notes = append(d.Notes, thenName+": "+thenPeriod.String())
	if d.Store == "" {
		d.Store = "셀러데스크"
	}
	for _, l := range s.Lines(r.Buyers) {
		f := doc.SalesFigure{Label: l.Label, Now: figText(l.Now, l.Money)}
		var t int64
		switch cmp {
		case CompareYear:
			t = l.Year
		default:
			t = l.Prev
		}
		if l.Label != "구매자 수" && l.Label != "신규 구매자" && l.Label != "재구매 구매자" {
			f.Then, f.Change = figText(t, l.Money), Compare(l.Now, t).Text()
		}
		d.Figures = append(d.Figures, f)
	}
	if m, ok := s.Now.Margin(); ok {
		d.Notes = append(d.Notes, "이익률 "+PercentText(m, false)+" (원가가 입력된 상품 기준), 원가 없는 결제금액 "+PercentText(s.Now.UncostedShare(), false))
	} else if s.Now.Gross > 0 {
		d.Notes = append(d.Notes, "원가가 입력된 상품이 없어 매출총이익은 0원으로 표시합니다 (원가 없는 결제금액 100%).")
	}
	for _, b := range r.Breakdowns {
		switch {
		case b.By.Time():
			d.Trend = doc.SalesTrend{Title: b.By.Label() + " 순매출", Names: [2]string{"이번 기간", ""}, Currency: true}
			for _, row := range b.Rows {
				d.Trend.Labels = append(d.Trend.Labels, row.Label)
				d.Trend.Values = append(d.Trend.Values, float64(row.Net))
			}
		case b.By == ByProduct || b.By == ByCategory:
			rank := doc.SalesRanking{Title: b.By.Label() + " 순위 (결제금액)"}
			for i, row := range b.Rows {
				if i == 10 {
					break
				}
				rank.Rows = append(rank.Rows, doc.SalesShare{Label: row.Label, Value: row.Gross, Share: row.Share})
			}
			d.Ranks = append(d.Ranks, rank)
		case b.By == ByPayment:
			d.MixName = "결제수단 비중"
			for _, row := range b.Rows {
				if row.Gross > 0 {
					d.Mix = append(d.Mix, doc.SalesShare{Label: row.Label, Value: row.Gross, Share: row.Share})
				}
			}
		}
	}
	return d
}

func figText(v int64, money bool) string {
	if money {
		return groupWon(v) + "원"
	}
	return groupWon(v)
}
