package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

// While the data file opens, the opening window says which step it is on (the check of an older file, each
// step of bringing it up to date, the statistics); once the desk is open it is handed to the main window
// and the opening window goes. Its pictures join the gallery's (testdata/gallery/창-데이터파일열기-*), with the
// gallery's layout checks, light and dark.
func TestOpeningWindowSaysWhatItWaitsFor(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), app.DBFileName)
	steps := make(chan app.OpeningProgress)
	told := make(chan struct{})
	opened := make(chan *app.Desk, 1)
	o := startOpening(a, path, 0, func(progress func(app.OpeningProgress)) (*app.Desk, error) {
		for p := range steps {
			progress(p) // the test driver runs fyne.Do at once: the window shows p when this returns
			told <- struct{}{}
		}
		return app.Open(context.Background(), path, testInfo, app.WithClock(clock.At(testDay).Now))
	}, func(d *app.Desk) { opened <- d })
	say := func(p app.OpeningProgress, want string) {
		t.Helper()
		steps <- p
		<-told
		if got := o.step.Text; got != want {
			t.Fatalf("after %+v the window says %q, want %q", p, got, want)
		}
	}
	if !hasLabel(o.win.Canvas(), "데이터 파일을 여는 중입니다") {
		t.Fatalf("the opening window shows %q", visibleTexts(o.win.Canvas()))
	}
	say(app.OpeningProgress{Stage: app.OpeningCheck}, "이전 버전의 데이터 파일입니다. 새 버전에 맞추기 전에 파일 전체를 검사하고 있습니다.")
	say(app.OpeningProgress{Stage: app.OpeningUpgrade, Step: 2, Steps: 5}, "데이터 파일을 새 버전에 맞추고 있습니다 (2/5단계).")
	drawOpening(t, a, o.win, "단계")
	say(app.OpeningProgress{Stage: app.OpeningTidy}, "마무리하고 있습니다: 조회를 빠르게 하는 통계를 새로 모읍니다.")
	close(steps)
	d := <-opened
	defer d.Close()
	<-o.settled
	if d == nil || !o.done || o.err != nil {
		t.Fatalf("opened %v, done %v, err %v", d, o.done, o.err)
	}
	// a report that comes after the desk opened changes nothing
	o.report(app.OpeningProgress{Stage: app.OpeningCheck})
	if strings.Contains(o.step.Text, "검사") {
		t.Fatalf("a late report was shown: %q", o.step.Text)
	}
}

// A file that cannot be opened turns the opening window into the startup error: what happened, and the
// ways on; no desk is handed on.
func TestOpeningWindowShowsWhyTheFileWouldNotOpen(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), app.DBFileName)
	if err := os.WriteFile(path, []byte("이것은 엑셀 파일이 아닙니다, 데이터 파일도 아닙니다. "+strings.Repeat("x", 4096)), 0o600); err != nil {
		t.Fatal(err)
	}
	o := startOpening(a, path, 0, func(progress func(app.OpeningProgress)) (*app.Desk, error) {
		return app.Open(context.Background(), path, testInfo, app.WithClock(clock.At(testDay).Now), app.WithOpenProgress(progress))
	}, func(d *app.Desk) {
		d.Close()
		t.Error("a file that is not SellerDesk's was opened")
	})
	<-o.settled
	if o.err == nil || o.desk != nil {
		t.Fatalf("opening a text file as the data file: desk %v, err %v", o.desk, o.err)
	}
	if !hasLabel(o.win.Canvas(), "데이터 파일을 열 수 없습니다") || !hasLabel(o.win.Canvas(), sellerText(o.err)) {
		t.Fatalf("the window shows %q", visibleTexts(o.win.Canvas()))
	}
	drawOpening(t, a, o.win, "오류")
}

// drawOpening checks the window's layout as the gallery does, light and dark at its own size, and draws the
// light one into the gallery's folder (both with -gallery).
func drawOpening(t *testing.T, a fyne.App, w fyne.Window, state string) {
	t.Helper()
	dir := filepath.Join("testdata", "gallery")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	size := w.Canvas().Size()
	for _, variant := range []app.Theme{app.ThemeLight, app.ThemeDark} {
		a.Settings().SetTheme(newSellerTheme(variant))
		w.Resize(size)
		for _, p := range layoutProblems(w.Canvas(), size) {
			t.Errorf("opening window (%s, %s): %s", state, variant, p)
		}
		if *galleryAll || variant == app.ThemeLight {
			name := fmt.Sprintf("창-데이터파일열기-%s-%s-%dx%d", state, variant, int(size.Width), int(size.Height))
			if err := capturePNG(filepath.Join(dir, fileName(name)+".png"), w.Canvas()); err != nil {
				t.Error(err)
			}
		}
	}
	a.Settings().SetTheme(newSellerTheme(app.ThemeSystem))
}
