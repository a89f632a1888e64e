package chart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"sellerdesk/assets"
)

// useTranslations loads the app's translations of one language ("ko", "en") as views.LoadTranslations
// does (this package cannot import views), Korean again when the test ends.
func useTranslations(t *testing.T, name string) {
	t.Helper()
	load := func(name string) error {
		content, err := assets.TranslationJSON(name)
		if err != nil {
			return err
		}
		for _, loc := range []fyne.Locale{"ko", "en"} {
			if err := lang.AddTranslationsForLocale(content, loc); err != nil {
				return err
			}
		}
		if sys := lang.SystemLocale(); sys != "" && sys.LanguageString() != "und" {
			_ = lang.AddTranslationsForLocale(content, sys)
		}
		return nil
	}
	if err := load(name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = load("ko") })
}

// In English mode an axis reads in thousands and millions (K, M), never 만 or 억; in Korean it reads 만.
func TestAxisUnitsFollowTheLanguage(t *testing.T) {
	test.NewTempApp(t)
	vals := make([]float64, 30)
	for i := range vals {
		vals[i] = float64(100000 * (i + 1)) // up to 3,000,000
	}
	draw := func() *Chart {
		c := NewLine(days(30), Series{Name: "net", Values: vals})
		c.Money = true
		w := test.NewTempWindow(t, c)
		w.Resize(fyne.NewSize(700, 300))
		return c
	}

	useTranslations(t, "en")
	c := draw()
	for _, want := range []string{"0", "1M", "2M", "3M"} {
		if !hasText(c, want) {
			t.Errorf("English axis lacks %q: %v", want, texts(c))
		}
	}
	for _, s := range texts(c) {
		for _, unit := range []string{"만", "억"} {
			if containsRune(s, unit) {
				t.Errorf("English axis writes %q", s)
			}
		}
	}
	counts := NewLine(days(3), Series{Values: []float64{0, 12000, 25000}})
	w := test.NewTempWindow(t, counts)
	w.Resize(fyne.NewSize(500, 300))
	if !hasText(counts, "20K") {
		t.Errorf("English count axis lacks 20K: %v", texts(counts))
	}

	useTranslations(t, "ko")
	c = draw()
	for _, want := range []string{"100만", "200만", "300만"} {
		if !hasText(c, want) {
			t.Errorf("Korean axis lacks %q: %v", want, texts(c))
		}
	}
}

func containsRune(s, r string) bool {
	for _, x := range s {
		if string(x) == r {
			return true
		}
	}
	return false
}
