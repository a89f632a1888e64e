// Package bizday counts business days (영업일) the way Korean law and the marketplaces count them: weekdays
// that are not public holidays (공휴일, 대체공휴일 and election days; 노동절 is one from 2026). 전자상거래법 gives a seller 3 business
// days from receiving returned goods to refund them, and Smart Store settles 1 business day after 구매확정,
// so the returns and settlement areas both count on this one calendar.
//
// Holidays are dated data, not a formula: 설날, 추석 and 부처님오신날 follow the lunar calendar, and
// substitute days and election days are set by law and decree year by year. Add each year's days when the
// government publishes them (월력요항, usually in June of the year before).
package bizday

import "time"

// holidays are the public holidays by local date. A date outside the years listed here is counted as a
// business day when it is a weekday: Covered says whether a year is known.
//
// Sources, checked 2026-12-03 (bizday_test.go derives every substitute day from the rule below and
// counts each year's days against the 월력요항):
//   - 관공서의 공휴일에 관한 규정 (대통령령 제36290호, 2026-04-30 일부개정; law.go.kr): 제2조 the holidays —
//     every 국경일 (제헌절 again, in force 2026-05-11), 1월 1일, 설 연휴, 부처님오신날, 노동절 (5월 1일, from
//     2026-05-01), 어린이날, 현충일, 추석 연휴, 기독탄신일, election days (제10호의2), days the government
//     names (제11호). 제3조 대체공휴일: a 국경일, 부처님오신날, 노동절, 어린이날 or 기독탄신일 on a Saturday or
//     Sunday, 설/추석 연휴 on a Sunday, or two holidays on one weekday give the next day that is no holiday
//     (a Saturday is passed over); 1월 1일, 현충일 and election days have none.
//   - 공휴일에 관한 법률 amended twice in 2026: 제헌절 (passed 2026-01-29; its promulgation passed the
//     cabinet, 인사혁신처 2026-02-05) and 노동절 (passed 2026-03-31).
//   - 우주항공청 「2027년 월력요항」 (2026-06-29): 24 designated days in 2027 (substitutes included), and
//     no election; 한국천문연구원 달력자료 for the lunar days (설 2027-02-07, 부처님오신날 2027-05-13, 추석
//     2027-09-15).
//   - Cross-checked with two public holiday tables built from the same sources (work-day calculators,
//     2026-09 and 2026-10) and, for 2026 without the two amendments, croquiscom/korean-business-day.
var holidays = map[string]string{
	// 2025
	"2025-01-01": "신정",
	"2025-01-27": "임시공휴일",
	"2025-01-28": "설날 연휴", "2025-01-29": "설날", "2025-01-30": "설날 연휴",
	"2025-03-01": "삼일절", "2025-03-03": "삼일절 대체공휴일",
	"2025-05-05": "어린이날·부처님오신날", "2025-05-06": "대체공휴일",
	"2025-06-03": "대통령 선거일",
	"2025-06-06": "현충일",
	"2025-08-15": "광복절",
	"2025-10-03": "개천절",
	"2025-10-05": "추석 연휴", "2025-10-06": "추석", "2025-10-07": "추석 연휴", "2025-10-08": "추석 대체공휴일",
	"2025-10-09": "한글날",
	"2025-12-25": "성탄절",
	// 2026
	"2026-01-01": "신정",
	"2026-02-16": "설날 연휴", "2026-02-17": "설날", "2026-02-18": "설날 연휴",
	"2026-03-01": "삼일절", "2026-03-02": "삼일절 대체공휴일",
	"2026-05-01": "노동절", // a public holiday from 2026 (공휴일에 관한 법률 개정, 2026-03-31)
	"2026-05-05": "어린이날",
	"2026-05-24": "부처님오신날", "2026-05-25": "부처님오신날 대체공휴일",
	"2026-06-03": "전국동시지방선거일",
	"2026-06-06": "현충일",
	"2026-07-17": "제헌절", // a public holiday again from 2026 (공휴일에 관한 법률 개정, 2026-01-29)
	"2026-08-15": "광복절", "2026-08-17": "광복절 대체공휴일",
	"2026-09-24": "추석 연휴", "2026-09-25": "추석", "2026-09-26": "추석 연휴", // a Saturday: 추석 has no substitute for it
	"2026-10-03": "개천절", "2026-10-05": "개천절 대체공휴일",
	"2026-10-09": "한글날",
	"2026-12-25": "성탄절",
	// 2027
	"2027-01-01": "신정",
	"2027-02-06": "설날 연휴", "2027-02-07": "설날", "2027-02-08": "설날 연휴", "2027-02-09": "설날 대체공휴일",
	"2027-03-01": "삼일절",
	"2027-05-01": "노동절", "2027-05-03": "노동절 대체공휴일", // a Saturday; 노동절 has a substitute (제3조)
	"2027-05-05": "어린이날",
	"2027-05-13": "부처님오신날",
	"2027-06-06": "현충일", // a Sunday: 현충일 has no substitute
	// a Saturday: 제헌절 is a 국경일 (제2조제2호), and 제3조 gives every 국경일 on a weekend a substitute; the
	// 월력요항 lists 07-19 (checked against the note that it looked off: it is right)
	"2027-07-17": "제헌절", "2027-07-19": "제헌절 대체공휴일",
	"2027-08-15": "광복절", "2027-08-16": "광복절 대체공휴일",
	"2027-09-14": "추석 연휴", "2027-09-15": "추석", "2027-09-16": "추석 연휴",
	"2027-10-03": "개천절", "2027-10-04": "개천절 대체공휴일",
	"2027-10-09": "한글날", "2027-10-11": "한글날 대체공휴일",
	"2027-12-25": "성탄절", "2027-12-27": "성탄절 대체공휴일",
}

// first and last are the years the table covers.
const first, last = 2025, 2027

// Covered reports whether the holiday table knows the year t falls in.
func Covered(t time.Time) bool { return t.Year() >= first && t.Year() <= last }

// Holiday is the name of the public holiday on t's local date, or "".
func Holiday(t time.Time) string { return holidays[t.Format("2006-01-02")] }

// Is reports whether t's local date is a business day: a weekday that is not a public holiday.
func Is(t time.Time) bool {
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return Holiday(t) == ""
}

// After is the n-th business day after t's local date, at the start of that day in t's location. t's own
// day is not counted (the law counts a period from the next day), so After(a Wednesday, 3) is the next
// Monday in a week without holidays. n < 1 gives t's day.
func After(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if Is(day) {
			n--
		}
	}
	return day
}
