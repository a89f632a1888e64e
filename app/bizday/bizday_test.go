package bizday

import (
	"sort"
	"strings"
	"testing"
	"time"
)

func TestAfter(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	day := func(s string) time.Time {
		d, err := time.ParseInLocation("2006-01-02", s, kst)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"plain week", "2026-11-18", 3, "2026-11-23"},             // Wed → Thu, Fri, Mon
		{"from a Friday", "2026-11-20", 3, "2026-11-25"},          // Mon, Tue, Wed
		{"from a Saturday", "2026-11-21", 1, "2026-11-23"},        // the weekend does not count
		{"추석 and a weekend", "2026-09-23", 3, "2026-09-30"},       // 24–26 추석, 27 Sun → Mon 28, Tue 29, Wed 30
		{"개천절 substitute", "2026-10-01", 3, "2026-10-07"},         // Fri 2, (3 Sat, 4 Sun, 5 대체) Tue 6, Wed 7
		{"한글날 Friday", "2026-10-07", 2, "2026-10-12"},             // Thu 8, (9 한글날) Mon 12
		{"설날 with its substitute", "2027-02-05", 1, "2027-02-10"}, // 6–8 설날, 9 대체공휴일
		{"year end", "2026-12-30", 3, "2027-01-05"},               // Thu 31, (1 신정, 2–3 weekend) Mon 4, Tue 5
		{"zero days", "2026-09-25", 0, "2026-09-25"},
	} {
		got := After(day(c.from).Add(15*time.Hour), c.n)
		if got.Format("2006-01-02") != c.want || got.Hour() != 0 || got.Location() != kst {
			t.Errorf("%s: After(%s, %d) = %v, want %s 00:00 KST", c.name, c.from, c.n, got, c.want)
		}
	}
}

func TestIs(t *testing.T) {
	for d, want := range map[string]bool{
		"2026-09-25": false, // 추석
		"2026-09-28": true,  // the Monday after
		"2026-06-03": false, // local election day
		"2026-11-21": false, // Saturday
		"2026-11-24": true,
		"2027-12-27": false, // 성탄절 대체공휴일
	} {
		at, _ := time.Parse("2006-01-02", d)
		if Is(at) != want {
			t.Errorf("Is(%s) = %v, want %v", d, !want, want)
		}
	}
	if !Covered(time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)) || Covered(time.Date(2028, 1, 3, 0, 0, 0, 0, time.UTC)) {
		t.Error("Covered: want 2025–2027")
	}
}

// kind says which rule of 관공서의 공휴일에 관한 규정 제3조 a holiday falls under.
type kind int

const (
	weekendSub kind = iota // 국경일, 부처님오신날, 노동절, 어린이날, 기독탄신일: a substitute for a Saturday or Sunday
	sundaySub              // 설/추석 연휴: a substitute for a Sunday only
	noSub                  // 1월 1일, 현충일, election days: none
)

// baseHolidays are 2026's and 2027's holidays without substitutes, as 제2조 and the 월력요항 list them
// (sources in bizday.go).
var baseHolidays = map[string]kind{
	"2026-01-01": noSub, "2026-02-16": sundaySub, "2026-02-17": sundaySub, "2026-02-18": sundaySub,
	"2026-03-01": weekendSub, "2026-05-01": weekendSub, "2026-05-05": weekendSub, "2026-05-24": weekendSub,
	"2026-06-03": noSub, "2026-06-06": noSub, "2026-07-17": weekendSub, "2026-08-15": weekendSub,
	"2026-09-24": sundaySub, "2026-09-25": sundaySub, "2026-09-26": sundaySub, "2026-10-03": weekendSub,
	"2026-10-09": weekendSub, "2026-12-25": weekendSub,
	"2027-01-01": noSub, "2027-02-06": sundaySub, "2027-02-07": sundaySub, "2027-02-08": sundaySub,
	"2027-03-01": weekendSub, "2027-05-01": weekendSub, "2027-05-05": weekendSub, "2027-05-13": weekendSub,
	"2027-06-06": noSub, "2027-07-17": weekendSub, "2027-08-15": weekendSub, "2027-09-14": sundaySub,
	"2027-09-15": sundaySub, "2027-09-16": sundaySub, "2027-10-03": weekendSub, "2027-10-09": weekendSub,
	"2027-12-25": weekendSub,
}

// substitutes applies 제3조 to baseHolidays: each holiday that falls on a day its rule names gives the next
// day that is neither a weekend, a holiday nor an earlier substitute.
func substitutes(t *testing.T) map[string]bool {
	t.Helper()
	var dates []string
	for d := range baseHolidays {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	subs := map[string]bool{}
	for _, d := range dates {
		at, err := time.Parse("2006-01-02", d)
		if err != nil {
			t.Fatal(err)
		}
		wd := at.Weekday()
		need := false
		switch baseHolidays[d] {
		case weekendSub:
			need = wd == time.Saturday || wd == time.Sunday
		case sundaySub:
			need = wd == time.Sunday
		}
		if !need {
			continue
		}
		for next := at.AddDate(0, 0, 1); ; next = next.AddDate(0, 0, 1) {
			k := next.Format("2006-01-02")
			if w := next.Weekday(); w == time.Saturday || w == time.Sunday {
				continue
			}
			if _, isHoliday := baseHolidays[k]; isHoliday || subs[k] {
				continue
			}
			subs[k] = true
			break
		}
	}
	return subs
}

// TestHolidayTable: 2026's and 2027's holidays are exactly the listed ones and the substitutes 제3조 gives
// for them (2027-07-19 for 제헌절 on a Saturday, 2027-05-03 for 노동절 on a Saturday), and 2027 has the 24
// days of the 월력요항.
func TestHolidayTable(t *testing.T) {
	want := map[string]bool{}
	for d := range baseHolidays {
		want[d] = true
	}
	subs := substitutes(t)
	for d := range subs {
		want[d] = true
	}
	for _, d := range []string{"2026-03-02", "2026-05-25", "2026-08-17", "2026-10-05", "2027-02-09", "2027-05-03",
		"2027-07-19", "2027-08-16", "2027-10-04", "2027-10-11", "2027-12-27"} {
		if !subs[d] {
			t.Errorf("the rule gives no substitute on %s", d)
		}
	}
	if len(subs) != 11 {
		t.Errorf("the rule gives %d substitutes, want 11: %v", len(subs), subs)
	}
	perYear := map[int]int{}
	for d, name := range holidays {
		if !strings.HasPrefix(d, "2026") && !strings.HasPrefix(d, "2027") {
			continue
		}
		perYear[int(d[3]-'0')+2020]++
		if !want[d] {
			t.Errorf("%s (%s) is in the table but is no holiday", d, name)
		}
		if subs[d] != strings.Contains(name, "대체공휴일") {
			t.Errorf("%s (%s): substitute %v by the rule", d, name, subs[d])
		}
	}
	for d := range want {
		if holidays[d] == "" {
			t.Errorf("%s is a holiday but not in the table", d)
		}
	}
	if perYear[2027] != 24 || perYear[2026] != 22 {
		t.Errorf("holidays a year = %v, want 2026: 22, 2027: 24 (월력요항)", perYear)
	}
}

// TestNewHolidays: 노동절 and 제헌절's substitute are not business days, and the days around them are.
func TestNewHolidays(t *testing.T) {
	for d, want := range map[string]bool{
		"2026-05-01": false, // 노동절 (Friday)
		"2026-04-30": true,
		"2026-07-17": false, // 제헌절 (Friday)
		"2027-05-03": false, // 노동절 대체공휴일
		"2027-05-04": true,
		"2027-07-19": false, // 제헌절 대체공휴일
		"2027-07-20": true,
		"2025-05-01": true, // before the amendment
	} {
		at, _ := time.Parse("2006-01-02", d)
		if Is(at) != want {
			t.Errorf("Is(%s) = %v, want %v", d, !want, want)
		}
	}
	kst := time.FixedZone("KST", 9*3600)
	from := time.Date(2027, 4, 30, 10, 0, 0, 0, kst) // Friday
	if got := After(from, 2).Format("2006-01-02"); got != "2027-05-06" {
		t.Errorf("After(2027-04-30, 2) = %s, want 2027-05-06 (1 Sat, 2 Sun, 3 대체, 4 Tue, 5 어린이날, 6 Thu)", got)
	}
}
