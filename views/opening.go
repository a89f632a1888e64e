package views

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
)

// openingDelay is how long opening may take before the opening window shows: an up-to-date file opens in
// a moment and goes straight to the main window, with no window flashing before it.
const openingDelay = 400 * time.Millisecond

// RunDesk runs the app while it opens the data file off the UI goroutine. When the desk is ready its main
// window shows; when the file cannot be opened the startup error says why. Opening a file an older
// SellerDesk wrote can take a minute on a big store (the whole file is checked, then brought up to date
// step by step): after openingDelay a small window says which step it is on, so the seller never looks at
// nothing. It returns the desk it opened (nil if none) once the app quits; the caller closes it.
func RunDesk(a fyne.App, dbPath string, open func(progress func(app.OpeningProgress)) (*app.Desk, error)) *app.Desk {
	o := startOpening(a, dbPath, openingDelay, open, func(d *app.Desk) {
		sh := newMainShell(a, d)
		sh.win.Show()
		// the app already runs: the jobs wait for the window's first frame, the next one, not the app's start
		fyne.Do(sh.firstFrameDrawn)
	})
	a.Run()
	return o.desk
}

// opening is the window shown while the data file opens, and what came of opening it.
type opening struct {
	win  fyne.Window
	step *widget.Label
	bar  *widget.ProgressBarInfinite
	// set on the UI goroutine
	done bool
	desk *app.Desk
	err  error
	// settled is closed once opening's outcome is on screen (the main window, or the startup error)
	settled chan struct{}
}

// startOpening builds the opening window (shown after delay if opening has not finished by then), opens
// the desk on its own goroutine with open, and on the UI goroutine either hands the desk to show and closes
// the opening window, or turns the opening window into the startup error.
func startOpening(a fyne.App, dbPath string, delay time.Duration, open func(func(app.OpeningProgress)) (*app.Desk, error),
	show func(*app.Desk)) *opening {
	beforeTheFile(a)
	o := &opening{win: a.NewWindow(lang.L("셀러데스크")), settled: make(chan struct{})}
	title := &widget.Label{Text: lang.L("데이터 파일을 여는 중입니다"), TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameSubHeadingText}
	o.step = &widget.Label{Text: lang.L("잠시만 기다려 주세요."), Wrapping: fyne.TextWrapWord}
	o.bar = widget.NewProgressBarInfinite()
	hint := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText,
		Text: lang.L("주문이 많은 매장은 몇 분 걸릴 수 있습니다. 단계마다 따로 저장되므로, 중간에 꺼져도 데이터는 마지막으로 마친 단계에 그대로 남고 다음에 열 때 이어서 합니다.")}
	o.win.SetContent(container.NewPadded(container.NewVBox(title, o.step, o.bar, hint)))
	o.win.Resize(fyne.NewSize(520, 220))
	o.win.CenterOnScreen()
	time.AfterFunc(delay, func() {
		fyne.Do(func() {
			if !o.done {
				o.win.Show()
			}
		})
	})
	go func() {
		d, err := open(func(p app.OpeningProgress) { fyne.Do(func() { o.report(p) }) })
		language := app.Korean
		if err == nil {
			language = d.Language(context.Background()) // read here: the UI goroutine never waits for the file
		}
		fyne.Do(func() {
			defer close(o.settled)
			o.done, o.desk, o.err = true, d, err
			if err != nil {
				o.bar.Stop()
				startupErrorContent(a, o.win, err, dbPath)
				o.win.Show()
				return
			}
			if err := LoadTranslations(language); err != nil {
				d.Log.Error("load translations", "err", err)
			}
			show(d)
			o.bar.Stop()
			o.win.Close()
		})
	}()
	return o
}

// report shows the stage opening is at.
func (o *opening) report(p app.OpeningProgress) {
	if o.done {
		return
	}
	switch p.Stage {
	case app.OpeningCheck:
		o.step.SetText(lang.L("이전 버전의 데이터 파일입니다. 새 버전에 맞추기 전에 파일 전체를 검사하고 있습니다."))
	case app.OpeningUpgrade:
		o.step.SetText(lang.L("데이터 파일을 새 버전에 맞추고 있습니다 ({{.Step}}/{{.Steps}}단계).",
			map[string]any{"Step": p.Step, "Steps": p.Steps}))
	case app.OpeningTidy:
		o.step.SetText(lang.L("마무리하고 있습니다: 조회를 빠르게 하는 통계를 새로 모읍니다."))
	}
}
