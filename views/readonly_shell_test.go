package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

// TestShellShowsReadOnlyBanner: the main window of a store opened read-only says so above every screen;
// a writable store's window does not.
func TestShellShowsReadOnlyBanner(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(app.Korean); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), app.DBFileName)
	c := clock.At(testDay)
	d, err := app.Open(ctx, path, testInfo, app.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	sh := newShell(a, w, d, newJobs(true))
	w.Resize(MinWindowSize)
	sh.waitJobs()
	if strings.Contains(strings.Join(visibleTexts(w.Canvas()), " "), "읽기 전용으로 열었습니다") {
		t.Error("a writable store's window says it is read-only")
	}
	d.Close()

	ro, err := app.Open(ctx, path, testInfo, app.WithClock(c.Now), app.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	w2 := test.NewTempWindow(t, nil)
	sh2 := newShell(a, w2, ro, newJobs(true))
	w2.Resize(MinWindowSize)
	sh2.waitJobs()
	if !strings.Contains(strings.Join(visibleTexts(w2.Canvas()), " "), "읽기 전용으로 열었습니다") {
		t.Errorf("the read-only store's window has no banner: %v", visibleTexts(w2.Canvas()))
	}
}
