package sales

import (
	"context"
)

// Dashboard is the sales part of the morning page: this month's 순매출 against last month up to the same
// day, the last 30 days day by day, and the week's five best-selling products.
type Dashboard struct {
	Month, LastMonth Period
	MonthNet         int64
	LastMonthNet     int64
	Today            Figures
	Days             Breakdown // 최근 30일, ByDay
	Week             Period
	TopProducts      []Row // 이번 주 (월요일부터), at most 5
}

// MonthChange compares this month's 순매출 with last month's up to the same day.
func (d Dashboard) MonthChange() Change { return Compare(d.MonthNet, d.LastMonthNet) }

// Dashboard reads the morning page's sales figures.
func (s *Service) Dashboard(ctx context.Context) (Dashboard, error) {
	q := readStore(s.store.Read(), true) // this month's days are read again for the 30-day chart's
	var d Dashboard
	d.Month = s.PresetPeriod(ThisMonth)
	d.LastMonth = d.Month.Prev()
	m, err := s.figures(ctx, q, d.Month)
	if err != nil {
		return d, internal(err, "매출을 불러오지 못했습니다.")
	}
	lm, err := s.figures(ctx, q, d.LastMonth)
	if err != nil {
		return d, internal(err, "매출을 불러오지 못했습니다.")
	}
	d.MonthNet, d.LastMonthNet = m.Net, lm.Net
	if d.Today, err = s.figures(ctx, q, s.PresetPeriod(Today)); err != nil {
		return d, internal(err, "매출을 불러오지 못했습니다.")
	}
	if d.Days, err = s.breakdown(ctx, q, s.PresetPeriod(Last30Days), ByDay, Options{}); err != nil {
		return d, internal(err, "매출을 불러오지 못했습니다.")
	}
	d.Week = s.PresetPeriod(ThisWeek)
	top, err := s.breakdown(ctx, q, d.Week, ByProduct, Options{Limit: 5})
	if err != nil {
		return d, internal(err, "매출을 불러오지 못했습니다.")
	}
	d.TopProducts = top.Rows
	return d, nil
}
