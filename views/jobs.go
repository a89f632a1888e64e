package views

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"

	"sellerdesk/views/widgets"
)

// jobs is how a shell runs what must not hold the window: list loads, a dialog's data, long work. It counts
// the work begun and not yet ended, so tests can wait for the window to settle instead of sleeping.
//
// In the app every load runs on its own goroutine and hands its answer to the UI goroutine with fyne.Do.
// The views tests give the shell held jobs instead: Fyne's test driver runs fyne.Do at once on whatever
// goroutine calls it, so an answer applied from a real background goroutine would change widgets while the
// test's goroutine draws them. A held load waits in the queue until the test calls waitJobs, which runs it
// on the test's own goroutine: the screen shows its loading state first and its answer after, as in the
// app, only in an order the test chooses. slowstore_test.go gives one list real goroutines back.
type jobs struct {
	held bool // loads wait in queue for wait (tests)
	// ui is held while wait runs a queued load and while do runs a real goroutine's widget change, when
	// the jobs are held: the test driver's fyne.Do does not serialize them as the app's event loop does
	ui sync.Mutex

	mu      sync.Mutex
	changed sync.Cond // a load was queued or work ended
	running int       // work begun and not yet ended, queued loads included
	queue   []func()
}

func newJobs(held bool) *jobs {
	j := &jobs{held: held}
	j.changed.L = &j.mu
	return j
}

// begin counts work that has started and returns the func that ends it (safe to call once).
func (j *jobs) begin() (done func()) {
	j.mu.Lock()
	j.running++
	j.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			j.mu.Lock()
			j.running--
			j.changed.Broadcast()
			j.mu.Unlock()
		})
	}
}

// run starts f off the UI goroutine: on a new goroutine, or in the queue when the jobs are held.
func (j *jobs) run(f func()) {
	if !j.held {
		go f()
		return
	}
	j.mu.Lock()
	j.queue = append(j.queue, f)
	j.changed.Broadcast()
	j.mu.Unlock()
}

// do runs f on the UI goroutine, for a goroutine of the shell's own (the startup work): fyne.Do in the app;
// with held jobs at once, but never while wait runs a queued load.
func (j *jobs) do(f func()) {
	if !j.held {
		fyne.Do(f)
		return
	}
	j.ui.Lock()
	defer j.ui.Unlock()
	f()
}

// wait runs the queued loads on the calling goroutine, and the loads they queue in turn, until no work is
// left running.
func (j *jobs) wait() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for {
		for len(j.queue) == 0 && j.running > 0 {
			j.changed.Wait()
		}
		if len(j.queue) == 0 {
			return
		}
		f := j.queue[0]
		j.queue = j.queue[1:]
		j.mu.Unlock()
		j.ui.Lock()
		f()
		j.ui.Unlock()
		j.mu.Lock()
	}
}

// trackList readies src for a screen: its loads run through the shell's jobs and count as its work, so
// waitJobs can wait for a list to settle. It returns src.
func trackList[Q, R any](sh *shell, src *widgets.ListSource[Q, R]) *widgets.ListSource[Q, R] {
	src.Track = sh.jobs.begin
	src.Go = sh.jobs.run
	if sh.jobs.held {
		// the queue is the typing pause: a test's waitJobs asks for what was typed last
		src.Debounce = -1
	}
	return src
}

// background runs load off the UI goroutine and hands its answer to done on the UI goroutine, for what a
// screen or dialog needs besides its list (filter choices, a dialog's data before it opens).
func background[T any](sh *shell, load func(context.Context) (T, error), done func(T, error)) {
	end := sh.jobs.begin()
	sh.jobs.run(func() {
		v, err := load(context.Background())
		fyne.Do(func() {
			defer end()
			done(v, err)
		})
	})
}

// saving runs a short write (one transaction over a handful of rows) off the UI goroutine and calls done on
// the UI goroutine once it is stored; a failure is shown to the seller instead.
func saving(sh *shell, write func(context.Context) error, done func()) {
	background(sh, func(ctx context.Context) (struct{}, error) { return struct{}{}, write(ctx) },
		func(_ struct{}, err error) {
			if err != nil {
				sh.showError(err)
				return
			}
			done()
		})
}

// working runs a write that can take long (a batch move of many orders, a PDF) behind the progress dialog
// with 취소, and hands its answer to done on the UI goroutine. A failure is shown to the seller; a cancel
// before the write ended says nothing, and a 취소 tapped after it ended still reports it, since it happened.
func working[T any](sh *shell, title, message string, write func(context.Context) (T, error), done func(T)) {
	var (
		v        T
		finished bool
	)
	sh.runJob(title, message, func(ctx context.Context, _ func(float64)) error {
		var err error
		v, err = write(ctx)
		finished = err == nil
		return err
	}, func(err error) {
		switch {
		case finished:
			done(v)
		case errors.Is(err, context.Canceled):
		default:
			sh.showError(err)
		}
	})
}

// waitJobs runs and waits for the window's background work until none is left (tests).
func (sh *shell) waitJobs() { sh.jobs.wait() }
