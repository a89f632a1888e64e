package views

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/format"
)

// startupJob is one-off work the window does after its first frame, one job after another off the UI
// goroutine, with a quiet status line instead of a dialog: the day's backup, the check after a session that
// did not close, and later areas' own (building aggregates or contacts the first time a new version
// starts). Nothing the seller does waits for it: the store's writer stays free and the screens keep working.
type startupJob struct {
	// run does the work. It calls report when it has something to show ("자동 백업 중…" with the share
	// done, or fraction < 0 when it cannot tell); a job that finds nothing to do reports nothing and so
	// shows nothing. ctx is cancelled when the desk closes.
	run func(ctx context.Context, report func(status string, fraction float64)) error
	// failed, when set, handles run's error on the UI goroutine; otherwise the error is shown with
	// showError. A cancelled job (the window closing) is not reported.
	failed func(err error)
}

// startupWork is the queue of startupJobs and its one worker.
type startupWork struct {
	mu      sync.Mutex
	queue   []startupJob
	drawn   bool // the first frame is up: jobs may run
	running bool // a worker is draining the queue
}

// startupJobs are the jobs every start queues, in order: the check first (it decides whether a backup of
// this file is worth taking), then the day's backup.
func (sh *shell) startupJobs() []startupJob {
	return []startupJob{
		{run: sh.checkIfUnclean},
		{run: sh.autoBackup, failed: sh.autoBackupFailed},
		// contacts from the orders imported since the last sync (the whole store the first time), with the
		// status line's progress, so the 고객 area opens on a current list
		sh.contactsJob(),
	}
}

// afterFirstFrame queues a job to run once the first frame is up, after the jobs queued before it. Areas
// call it for their own one-off work; it may be called from any goroutine.
func (sh *shell) afterFirstFrame(j startupJob) {
	sh.work.mu.Lock()
	sh.work.queue = append(sh.work.queue, j)
	start := sh.work.drawn && !sh.work.running
	if start {
		sh.work.running = true
	}
	sh.work.mu.Unlock()
	if start {
		sh.runStartupWork()
	}
}

// firstFrameDrawn lets the queued jobs start. RunDesk calls it once the main window shows; tests
// call it when they choose.
func (sh *shell) firstFrameDrawn() {
	sh.work.mu.Lock()
	sh.work.drawn = true
	start := !sh.work.running && len(sh.work.queue) > 0
	if start {
		sh.work.running = true
	}
	sh.work.mu.Unlock()
	if start {
		sh.runStartupWork()
	}
}

// runStartupWork starts the worker that drains the queue, on the desk's background context.
func (sh *shell) runStartupWork() {
	end := sh.jobs.begin()
	started := sh.desk.Go(func(ctx context.Context) {
		defer end()
		for {
			sh.work.mu.Lock()
			if len(sh.work.queue) == 0 || ctx.Err() != nil {
				sh.work.running = false
				sh.work.mu.Unlock()
				sh.jobs.do(func() { sh.status.Hide() })
				return
			}
			j := sh.work.queue[0]
			sh.work.queue = sh.work.queue[1:]
			sh.work.mu.Unlock()
			sh.runStartupJob(ctx, j)
		}
	})
	if !started { // the desk is closing
		end()
	}
}

func (sh *shell) runStartupJob(ctx context.Context, j startupJob) {
	last := ""
	report := func(status string, fraction float64) {
		text := status
		if fraction >= 0 {
			text = fmt.Sprintf("%s %d%%", status, int(fraction*100))
		}
		if text == last {
			return // the label changes once per percent, not once per step
		}
		last = text
		sh.jobs.do(func() {
			sh.status.SetText(text)
			sh.status.Show()
		})
	}
	err := j.run(ctx, report)
	if err == nil || ctx.Err() != nil {
		return
	}
	if j.failed != nil {
		sh.jobs.do(func() { j.failed(err) })
		return
	}
	sh.showError(err)
}

// checkIfUnclean checks the whole data file when a session before this one did not close (a crash, a power
// cut) and warns at once if it is damaged. Opening the file no longer reads it all (seconds on a large
// store), so this is where that protection lives now, with the day's backup, whose copy is checked too.
func (sh *shell) checkIfUnclean(ctx context.Context, report func(string, float64)) error {
	unclean, err := sh.desk.LastRunUnclean(ctx)
	if err != nil || !unclean {
		return err
	}
	report(lang.L("데이터 파일 점검 중…"), -1)
	r, err := sh.desk.CheckAfterUncleanRun(ctx)
	if err != nil {
		return err
	}
	if r.Problem != "" {
		sh.damaged.Store(true)
		sh.jobs.do(sh.showDamaged)
	}
	return nil
}

// autoBackup makes the day's automatic backup, unless the file was just found damaged (its copy would fail
// the same check) or one was made today.
func (sh *shell) autoBackup(ctx context.Context, report func(string, float64)) error {
	if sh.damaged.Load() {
		return nil
	}
	due, err := sh.desk.AutoBackupDue()
	if err != nil || !due {
		return err
	}
	_, err = sh.desk.AutoBackupWithProgress(ctx, func(p app.BackupProgress) {
		if p.Checking {
			report(lang.L("자동 백업 검사 중…"), -1)
			return
		}
		report(lang.L("자동 백업 중…"), p.Copied)
	})
	if err == nil {
		sh.jobs.do(sh.refreshCurrent) // the dashboard shows the new last backup
	}
	return err
}

func (sh *shell) autoBackupFailed(err error) {
	if errors.Is(err, app.ErrDataDamaged) {
		sh.desk.Log.Error("automatic backup found damage", "err", err)
		sh.showDamaged()
		return
	}
	sh.showError(err)
}

// showDamaged tells the seller at once that the data file is damaged, that the backups are still there,
// and what to do: restore the latest, which keeps today's data aside first.
func (sh *shell) showDamaged() {
	var msg string
	backups, err := sh.desk.Backups()
	if err == nil && len(backups) > 0 {
		msg = lang.L("데이터 파일에서 손상된 부분을 찾았습니다. 이대로 쓰면 주문이나 재고 기록을 잃을 수 있습니다.\n\n백업 폴더에 백업 {{.Count}}개가 있고, 가장 최근 백업은 {{.Time}}에 만들었습니다. '백업에서 복원'으로 그 백업을 되살리세요. 지금 데이터도 복원하기 전에 따로 보관해 둡니다. 자세한 내용은 데이터 폴더의 로그에 있습니다.",
			map[string]any{"Count": len(backups), "Time": format.DateTime(backups[0].Time)})
	} else {
		msg = lang.L("데이터 파일에서 손상된 부분을 찾았습니다. 이대로 쓰면 주문이나 재고 기록을 잃을 수 있습니다.\n\n아직 백업이 없습니다. 셀러데스크를 닫고 데이터 폴더를 통째로 USB나 다른 폴더에 복사해 둔 뒤 도움을 받으세요. 자세한 내용은 데이터 폴더의 로그에 있습니다.")
	}
	body := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil,
		&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord})
	var d *dialog.CustomDialog
	restore := &widget.Button{Text: lang.L("백업에서 복원…"), Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		sh.onRestore()
	}}
	later := &widget.Button{Text: lang.L("나중에"), OnTapped: func() { d.Hide() }}
	d = dialog.NewCustomWithoutButtons(lang.L("데이터 파일이 손상되었습니다"), body, sh.win)
	if len(backups) > 0 {
		d.SetButtons([]fyne.CanvasObject{later, restore})
	} else {
		d.SetButtons([]fyne.CanvasObject{later})
	}
	d.Resize(fyne.NewSize(600, 300))
	d.Show()
}
