package chartscale

import "testing"

// English mode writes the axis in thousands, millions and billions, never in 만 or 억; Korean stays as
// ShortWon and ShortCount write it.
func TestUnits(t *testing.T) {
	for _, c := range []struct {
		v                     float64
		koWon, enWon, enCount string
	}{
		{0, "0", "0", "0"},
		{999, "999", "999", "999"},
		{5000, "5,000", "5K", "5,000"},
		{9999, "9,999", "10K", "9,999"},
		{12_500, "1.3만", "12.5K", "12.5K"}, // ShortWon rounds 1.25만 half away from zero
		{120_000, "12만", "120K", "120K"},
		{350_000, "35만", "350K", "350K"},
		{999_960, "100만", "1M", "1M"}, // 999.96K rounds to 1,000K: written as 1M
		{1_234_500, "123만", "1.2M", "1.2M"},
		{3_500_000, "350만", "3.5M", "3.5M"},
		{120_000_000, "1.2억", "120M", "120M"},
		{2_350_000_000, "23.5억", "2.4B", "2.4B"},
		{-120_000, "-12만", "-120K", "-120K"},
	} {
		if got := KoreanUnits.Won(c.v); got != c.koWon {
			t.Errorf("KoreanUnits.Won(%v) = %q, want %q", c.v, got, c.koWon)
		}
		if got := EnglishUnits.Won(c.v); got != c.enWon {
			t.Errorf("EnglishUnits.Won(%v) = %q, want %q", c.v, got, c.enWon)
		}
		if got := EnglishUnits.Count(c.v); got != c.enCount {
			t.Errorf("EnglishUnits.Count(%v) = %q, want %q", c.v, got, c.enCount)
		}
	}
}
