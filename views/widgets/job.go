// Package widgets holds SellerDesk's reusable view pieces, each keeping the window from waiting: the list
// source that loads a list's count and pages off the UI goroutine (debounced while the seller types, stale
// answers dropped), the progress dialog that runs long jobs off the UI goroutine with a 취소 button, and
// form fields that show their validation message under the input.
package widgets

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Job is long work (a backup, an import, a PDF batch). It runs on its own goroutine, reports progress in
// [0, 1] when it can, and must stop soon after ctx is cancelled. It never touches widgets.
type Job func(ctx context.Context, progress func(float64)) error

// Running is a job in progress.
type Running struct {
	cancel context.CancelFunc
	done   sync.WaitGroup
}

// Cancel asks the job to stop, as the dialog's 취소 button does.
func (r *Running) Cancel() { r.cancel() }

// Wait blocks until the job has finished and its done callback has run.
func (r *Running) Wait() { r.done.Wait() }

// RunJob shows a modal dialog with message, a progress bar and a 취소 button, runs job on a goroutine and,
// when it ends, closes the dialog and calls done on the UI goroutine with the job's error (nil on success,
// context.Canceled when the seller cancelled). The window stays responsive throughout.
func RunJob(w fyne.Window, title, message string, job Job, done func(error)) *Running {
	return RunJobOn(func(f func()) { go f() }, w, title, message, job, done)
}

// RunJobOn is RunJob with the job's goroutine started by start, so a window that holds its background work
// (its tests) runs the job, its progress and the dialog's closing in its own queue: a real goroutine would
// close the dialog while the test's goroutine draws it.
func RunJobOn(start func(func()), w fyne.Window, title, message string, job Job, done func(error)) *Running {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Running{cancel: cancel}

	bar := widget.NewProgressBar()
	infinite := widget.NewProgressBarInfinite()
	bar.Hide()
	cancelBtn := &widget.Button{Text: lang.L("취소"), Icon: nil}
	body := container.NewVBox(widget.NewLabel(message), infinite, bar)
	d := dialog.NewCustomWithoutButtons(title, body, w)
	cancelBtn.OnTapped = func() {
		cancelBtn.Disable()
		cancelBtn.SetText(lang.L("취소하는 중…"))
		cancel()
	}
	d.SetButtons([]fyne.CanvasObject{cancelBtn})
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()

	progress := func(f float64) {
		fyne.Do(func() {
			if !bar.Visible() {
				infinite.Stop()
				infinite.Hide()
				bar.Show()
			}
			bar.SetValue(f)
		})
	}
	r.done.Add(1)
	start(func() {
		defer r.done.Done()
		err := job(ctx, progress)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		cancel()
		fyne.DoAndWait(func() {
			infinite.Stop()
			d.Hide()
			if done != nil {
				done(err)
			}
		})
	})
	return r
}
