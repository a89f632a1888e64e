package views

import (
	"testing"
	"time"

	"sellerdesk/app/clock"
)

// On a machine whose clock is not set to KST the dashboard still names the seller's day, the day 매출
// counts in: at 23:30 UTC on 23 November it is already 08:30 on the 24th in Korea, and the dashboard says
// the 24th (the machine's own day, the 23rd, is what it said before), the same day as 매출's 오늘.
func TestDashboardDayIsTheSalesDay(t *testing.T) {
	old := time.Local
	time.Local = time.UTC // a machine set to UTC (or anywhere west of Korea)
	t.Cleanup(func() { time.Local = old })

	sh, w := openShellAt(t, clock.At(time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC)))
	s, ok := sh.screens[sh.current].(*dashboardScreen)
	if !ok {
		t.Fatalf("the window opened on %T, not the dashboard", sh.screens[sh.current])
	}
	if got, want := s.today.Text, "오늘은 2026-11-24입니다."; got != want {
		t.Errorf("dashboard day = %q, want %q (KST); labels: %v", got, want, visibleTexts(w.Canvas()))
	}
	if got, want := sh.desk.Sales().Today().Format(time.DateOnly), "2026-11-24"; got != want {
		t.Errorf("매출's today = %s, want %s", got, want)
	}
	// the 30-day chart's last point is that day too: tapping it opens 주문 on the 24th
	s.onDayTapped(29)
	sh.waitJobs()
	o, ok := sh.screens[sh.current].(*ordersScreen)
	if !ok {
		t.Fatalf("tapping the chart's last day opened %T", sh.screens[sh.current])
	}
	if o.from.Text != "2026-11-24" || o.to.Text != "2026-11-24" {
		t.Errorf("the chart's last day opened 주문 from %q to %q, want 2026-11-24", o.from.Text, o.to.Text)
	}
}
