package sales

import (
	"fmt"
	"time"
)

// Period is a closed range of the seller's local days: From and To are midnights in the seller's zone.
type Period struct{ From, To time.Time }

// day is the local midnight of t in loc.
func day(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// Days is how many days the period covers (0 when To is before From).
func (p Period) Days() int {
	if p.To.Before(p.From) {
		return 0
	}
	return int(p.To.Sub(p.From).Hours()/24+0.5) + 1
}

// Valid reports whether the period has at least one day.
func (p Period) Valid() bool { return !p.From.IsZero() && !p.To.Before(p.From) }

// Range is the period as the store's day keys.
func (p Period) rangeKeys() (string, string) {
	return p.From.Format(time.DateOnly), p.To.Format(time.DateOnly)
}

func lastOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, t.Location()).AddDate(0, 0, -1)
}

// Prev is the period before p that a seller compares it with: the same number of whole months when p is
// whole months (지난달 → the month before), the previous month up to the same day when p runs from a
// month's first day to a day inside it (이번 달 → 지난달 같은 날까지), else the same number of days just before.
func (p Period) Prev() Period {
	if p.From.Day() == 1 {
		months := (p.To.Year()-p.From.Year())*12 + int(p.To.Month()-p.From.Month()) + 1
		if p.To.Equal(lastOfMonth(p.To)) {
			from := p.From.AddDate(0, -months, 0)
			return Period{from, p.From.AddDate(0, 0, -1)}
		}
		if months == 1 {
			from := p.From.AddDate(0, -1, 0)
			to := time.Date(from.Year(), from.Month(), p.To.Day(), 0, 0, 0, 0, p.To.Location())
			if last := lastOfMonth(from); to.After(last) {
				to = last
			}
			return Period{from, to}
		}
	}
	n := p.Days()
	return Period{p.From.AddDate(0, 0, -n), p.From.AddDate(0, 0, -1)}
}

// YearAgo is the same days a year earlier (29 February becomes 1 March).
func (p Period) YearAgo() Period { return Period{p.From.AddDate(-1, 0, 0), p.To.AddDate(-1, 0, 0)} }

// String is the period as the seller reads it: 2026.11.01 – 2026.11.30, or one day.
func (p Period) String() string {
	if p.From.Equal(p.To) {
		return p.From.Format("2006.01.02")
	}
	return p.From.Format("2006.01.02") + " – " + p.To.Format("2006.01.02")
}

// Preset is a period shortcut of the 매출 screen and the report command.
type Preset string

// The presets, in the order the screen offers them.
const (
	Today      Preset = "today"
	Yesterday  Preset = "yesterday"
	ThisWeek   Preset = "week"
	ThisMonth  Preset = "month"
	LastMonth  Preset = "lastmonth"
	Last30Days Preset = "30d"
	Last12     Preset = "12m"
	Custom     Preset = "custom"
)

// Presets lists the shortcuts in the screen's order.
var Presets = []Preset{Today, Yesterday, ThisWeek, ThisMonth, LastMonth, Last30Days, Last12, Custom}

var presetLabels = map[Preset]string{Today: "오늘", Yesterday: "어제", ThisWeek: "이번 주", ThisMonth: "이번 달",
	LastMonth: "지난달", Last30Days: "최근 30일", Last12: "최근 12개월", Custom: "직접"}

// Label is the shortcut in Korean (a translation key).
func (p Preset) Label() string { return presetLabels[p] }

// Period is the shortcut's days as of now (in now's zone). 이번 주 starts on Monday; 최근 12개월 is this
// month and the eleven before it, whole, up to today. Custom has no days of its own: it returns now's day.
func (p Preset) Period(now time.Time) Period {
	loc := now.Location()
	today := day(now, loc)
	switch p {
	case Yesterday:
		y := today.AddDate(0, 0, -1)
		return Period{y, y}
	case ThisWeek:
		back := (int(today.Weekday()) + 6) % 7 // days since Monday
		return Period{today.AddDate(0, 0, -back), today}
	case ThisMonth:
		return Period{time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc), today}
	case LastMonth:
		first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc)
		return Period{first.AddDate(0, -1, 0), first.AddDate(0, 0, -1)}
	case Last30Days:
		return Period{today.AddDate(0, 0, -29), today}
	case Last12:
		first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc)
		return Period{first.AddDate(0, -11, 0), today}
	}
	return Period{today, today}
}

// ParseDay reads a day the seller typed (2026-11-01, 2026.11.01, 20261101) in loc.
func ParseDay(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "2006.01.02", "20060102", "2006/01/02", "2006.1.2", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("sales: not a day: %q", s)
}
