package bizday

import (
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
