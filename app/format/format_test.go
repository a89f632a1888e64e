package format

import (
	"testing"
	"time"
)

func TestWon(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{{45000, "45,000원"}, {0, "0원"}, {-3000, "-3,000원"}, {1234567890, "1,234,567,890원"}, {999, "999원"}} {
		if got := Won(c.in); got != c.want {
			t.Errorf("Won(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDateTime(t *testing.T) {
	old := time.Local
	defer func() { time.Local = old }()
	time.Local = time.FixedZone("KST", 9*3600)
	utc := time.Date(2026, 11, 22, 5, 5, 31, 0, time.UTC)
	if got, want := DateTime(utc), "2026-11-22 14:05"; got != want {
		t.Errorf("DateTime = %q, want %q", got, want)
	}
	late := time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC) // 01:00 next day in Seoul
	if got, want := Date(late), "2026-12-01"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	if DateTime(time.Time{}) != "" {
		t.Error("zero time should be blank")
	}
}

func TestBytes(t *testing.T) {
	for in, want := range map[int64]string{512: "512 B", 2048: "2.0 KB", 5 * 1024 * 1024: "5.0 MB"} {
		if got := Bytes(in); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestParseWon(t *testing.T) {
	for in, want := range map[string]int64{"19800": 19800, "19,800": 19800, "19,800원": 19800, " -3,000 ": -3000, "0": 0} {
		if got, ok := ParseWon(in); !ok || got != want {
			t.Errorf("ParseWon(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "만원", "19.5", "1 9800", "원"} {
		if _, ok := ParseWon(bad); ok {
			t.Errorf("ParseWon(%q) accepted", bad)
		}
	}
}
