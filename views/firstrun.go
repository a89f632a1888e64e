package views

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/orders"
	"sellerdesk/views/widgets"
)

// start runs what the window does once at opening: on a fresh store the choice between starting empty and
// loading demo data, and the jobs that run after the first frame (the check after a session that did not
// close, the day's automatic backup), queued here and let go by firstFrameDrawn.
func (sh *shell) start() {
	for _, j := range sh.startupJobs() {
		sh.afterFirstFrame(j)
	}
	// whether to ask is read off the UI goroutine; the choice shows once the answer arrives
	background(sh, sh.needsFirstRun, func(need bool, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		if need {
			sh.showFirstRun()
		}
	})
}

// needsFirstRun reports whether to greet a new seller with the choice of an empty or a demo store: only on
// a store that holds nothing yet. Orders count too: a seller who imported an order file before any
// product (the lines wait to be matched) is no new seller to offer demo data to.
func (sh *shell) needsFirstRun(ctx context.Context) (bool, error) {
	need, err := sh.desk.NeedsFirstRunChoice(ctx)
	if err != nil || !need {
		return false, err
	}
	n, err := sh.desk.Orders.Count(ctx, orders.Query{Period: orders.PeriodAll})
	if err != nil {
		return false, err
	}
	return n == 0, nil
}

func (sh *shell) refreshCurrent() {
	if r, ok := sh.screens[sh.current].(refresher); ok {
		r.refresh()
	}
}

// showFirstRun greets a new seller and offers an empty store or a demo store to look around in.
func (sh *shell) showFirstRun() *dialog.CustomDialog {
	var d *dialog.CustomDialog
	empty := &widget.Button{Text: lang.L("빈 상태로 시작"), Icon: theme.DocumentCreateIcon(), OnTapped: func() {
		d.Hide()
		saving(sh, sh.desk.StartEmpty, func() { sh.goTo(lang.L("설정")) })
	}}
	demo := &widget.Button{Text: lang.L("데모 데이터 불러오기"), Icon: theme.DownloadIcon(), Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		sh.loadDemo()
	}}
	body := container.NewVBox(
		widget.NewLabel(lang.L("셀러데스크에 오신 것을 환영합니다!")),
		&widget.Label{Text: lang.L("빈 상태로 시작하면 매장 정보부터 입력합니다. 데모 데이터를 불러오면 예시 매장으로 기능을 먼저 둘러볼 수 있습니다. 실제 판매에는 빈 상태로 시작하세요."), Wrapping: fyne.TextWrapWord},
	)
	d = dialog.NewCustomWithoutButtons(lang.L("시작하기"), body, sh.win)
	d.SetButtons([]fyne.CanvasObject{empty, demo})
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	return d
}

func (sh *shell) loadDemo() *widgets.Running {
	return sh.runJob(lang.L("데모 데이터"), lang.L("데모 매장을 만드는 중입니다…"),
		func(ctx context.Context, progress func(float64)) error {
			return sh.desk.LoadDemo(ctx, app.DemoOptions{Seed: uint64(sh.desk.Now().UnixNano())}, progress)
		},
		func(err error) {
			if errors.Is(err, context.Canceled) {
				sh.showFirstRun() // nothing was written; let the seller choose again
				return
			}
			if err != nil {
				sh.showError(err)
				return
			}
			sh.reload()
		})
}
