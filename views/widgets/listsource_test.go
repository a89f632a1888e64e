package widgets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// fakeUI stands in for the UI goroutine: Do queues, and the test runs each queued func when it chooses.
type fakeUI struct{ queue chan func() }

func (u *fakeUI) do(f func()) { u.queue <- f }

// next runs the next func handed to Do, waiting for a background load to hand one over.
func (u *fakeUI) next() { (<-u.queue)() }

// idle reports whether nothing is queued for the UI goroutine.
func (u *fakeUI) idle() bool { return len(u.queue) == 0 }

// call is one loader call the test holds until it releases it.
type call struct {
	what    string // "count" or "page"
	q       string
	offset  int
	limit   int
	ctx     context.Context
	release chan error
}

// heldStore answers from names, but every call waits in calls until the test releases it.
type heldStore struct {
	names []string
	calls chan call
}

func (h *heldStore) wait(ctx context.Context, what, q string, offset, limit int) error {
	c := call{what: what, q: q, offset: offset, limit: limit, ctx: ctx, release: make(chan error)}
	h.calls <- c
	return <-c.release
}

func (h *heldStore) match(q string) []string {
	var out []string
	for _, n := range h.names {
		if strings.Contains(n, q) {
			out = append(out, n)
		}
	}
	return out
}

func (h *heldStore) count(ctx context.Context, q string) (int, error) {
	if err := h.wait(ctx, "count", q, 0, 0); err != nil {
		return 0, err
	}
	return len(h.match(q)), nil
}

func (h *heldStore) page(ctx context.Context, q string, offset, limit, total int) ([]string, error) {
	if err := h.wait(ctx, "page", q, offset, limit); err != nil {
		return nil, err
	}
	m := h.match(q)
	if limit == 0 {
		return m, nil
	}
	return m[offset:min(len(m), offset+limit)], nil
}

// fakeTimer records debounce timers; the test fires them.
type fakeTimer struct {
	pending []*timer
}

type timer struct {
	f       func()
	stopped bool
	fired   bool
}

func (ft *fakeTimer) after(d time.Duration, f func()) func() bool {
	t := &timer{f: f}
	ft.pending = append(ft.pending, t)
	return func() bool {
		if t.fired {
			return false
		}
		t.stopped = true
		return true
	}
}

// fire runs the newest timer not stopped, as its goroutine would.
func (ft *fakeTimer) fire(t *testing.T) {
	t.Helper()
	for i := len(ft.pending) - 1; i >= 0; i-- {
		if tm := ft.pending[i]; !tm.stopped && !tm.fired {
			tm.fired = true
			go tm.f()
			return
		}
	}
	t.Fatal("no timer pending")
}

type fixture struct {
	src    *ListSource[string, string]
	store  *heldStore
	ui     *fakeUI
	timers *fakeTimer
	events []ListEvent
	busy   int // Track's count of background work not yet settled
}

func newFixture(names ...string) *fixture {
	f := &fixture{store: &heldStore{names: names, calls: make(chan call)}, ui: &fakeUI{queue: make(chan func(), 8)}, timers: &fakeTimer{}}
	f.src = &ListSource[string, string]{
		Count: f.store.count, Page: f.store.page, PageSize: 2,
		After: f.timers.after, Do: f.ui.do,
		Track:    func() func() { f.busy++; return func() { f.busy-- } },
		OnChange: func(ev ListEvent) { f.events = append(f.events, ev) },
	}
	return f
}

// serve takes the next loader call, checks it, and lets it answer.
func (f *fixture) serve(t *testing.T, what, q string) call {
	t.Helper()
	c := <-f.store.calls
	if c.what != what || c.q != q {
		t.Fatalf("loader asked %s %q, want %s %q", c.what, c.q, what, q)
	}
	c.release <- nil
	return c
}

func (f *fixture) rows() []string {
	var out []string
	for i := 0; i < f.src.Len(); i++ {
		r, _ := f.src.Row(i)
		out = append(out, r)
	}
	return out
}

func (f *fixture) lastEvent() ListEvent { return f.events[len(f.events)-1] }

func TestListSourceLoadsInBackground(t *testing.T) {
	f := newFixture("린넨 셔츠", "오버핏 셔츠", "코튼 팬츠")
	f.src.Load("셔츠") // returns while the loader has not even been asked
	if !f.src.Loading() || f.lastEvent() != ListLoading || f.src.Len() != 0 {
		t.Fatalf("loading=%v events=%v len=%d", f.src.Loading(), f.events, f.src.Len())
	}
	f.serve(t, "count", "셔츠")
	c := f.serve(t, "page", "셔츠")
	if c.offset != 0 || c.limit != 2 {
		t.Errorf("first page asked %d+%d", c.offset, c.limit)
	}
	if f.src.Len() != 0 {
		t.Error("the answer was applied off the UI goroutine")
	}
	f.ui.next()
	if f.src.Loading() || f.lastEvent() != ListLoaded {
		t.Fatalf("after the answer: loading=%v events=%v", f.src.Loading(), f.events)
	}
	if got, want := fmt.Sprint(f.rows()), "[린넨 셔츠 오버핏 셔츠]"; got != want {
		t.Errorf("rows = %s, want %s", got, want)
	}
	if f.busy != 0 {
		t.Errorf("%d background loads not settled", f.busy)
	}
}

func TestListSourceDropsStaleAnswers(t *testing.T) {
	f := newFixture("린넨 셔츠", "오버핏 셔츠", "코튼 팬츠")
	f.src.Load("셔츠")
	old := <-f.store.calls // held: the seller changes the filter meanwhile
	f.src.Load("팬츠")
	if old.ctx.Err() == nil {
		t.Error("the replaced query's context was not cancelled")
	}
	f.serve(t, "count", "팬츠")
	f.serve(t, "page", "팬츠")
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[코튼 팬츠]" {
		t.Fatalf("rows = %s", got)
	}
	// The old answer arrives last, as if the store ignored the cancel: it must not replace the newer one.
	old.release <- nil
	f.serve(t, "page", "셔츠")
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[코튼 팬츠]" || f.src.Query() != "팬츠" {
		t.Errorf("a stale answer overwrote the list: %s (query %q)", got, f.src.Query())
	}
	if f.lastEvent() != ListLoaded || f.busy != 0 {
		t.Errorf("events %v, %d unsettled", f.events, f.busy)
	}
}

func TestListSourceDebouncesTyping(t *testing.T) {
	f := newFixture("오버핏 셔츠", "오버사이즈 코트", "린넨 셔츠")
	for _, q := range []string{"오", "오버", "오버핏"} {
		f.src.LoadTyping(q)
	}
	if len(f.timers.pending) != 3 || !f.timers.pending[0].stopped || !f.timers.pending[1].stopped || f.timers.pending[2].stopped {
		t.Fatalf("each key should replace the pending wait: %+v", f.timers.pending)
	}
	if !f.src.Loading() || f.busy != 1 {
		t.Fatalf("loading=%v busy=%d", f.src.Loading(), f.busy)
	}
	select {
	case c := <-f.store.calls:
		t.Fatalf("asked the store before the seller paused: %+v", c)
	default:
	}
	f.timers.fire(t)
	f.ui.next() // the timer hands the start to the UI goroutine
	f.serve(t, "count", "오버핏")
	f.serve(t, "page", "오버핏")
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[오버핏 셔츠]" || f.busy != 0 {
		t.Errorf("rows %s, %d unsettled", got, f.busy)
	}
}

func TestListSourceDebounceFiredLate(t *testing.T) {
	// A timer that fired just as the next key came (its stop too late) must not start the older query.
	f := newFixture("오버핏 셔츠", "린넨 셔츠")
	f.src.LoadTyping("오")
	f.timers.fire(t)
	start := <-f.ui.queue // the fired timer's start is queued for the UI goroutine
	f.src.LoadTyping("오버")
	start() // runs after the newer key: it must do nothing
	f.timers.fire(t)
	f.ui.next()
	f.serve(t, "count", "오버")
	f.serve(t, "page", "오버")
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[오버핏 셔츠]" || f.busy != 0 {
		t.Errorf("rows %s, %d unsettled", got, f.busy)
	}
}

func TestListSourceFetchesMissingPages(t *testing.T) {
	f := newFixture("a1", "a2", "a3", "a4", "a5", "a6", "a7")
	f.src.MaxPages = 2
	f.src.Load("a")
	f.serve(t, "count", "a")
	f.serve(t, "page", "a")
	f.ui.next()
	if f.src.Len() != 7 {
		t.Fatalf("len = %d", f.src.Len())
	}
	if _, ok := f.src.Row(4); ok {
		t.Fatal("row 4 was read without loading its page")
	}
	f.src.Row(5) // the same page, already on its way: not asked twice
	c := f.serve(t, "page", "a")
	if c.offset != 4 || c.limit != 2 {
		t.Errorf("asked %d+%d, want 4+2", c.offset, c.limit)
	}
	select {
	case c := <-f.store.calls:
		t.Fatalf("a page was asked twice: %+v", c)
	default:
	}
	f.ui.next()
	if r, ok := f.src.Row(4); !ok || r != "a5" || f.lastEvent() != ListPageLoaded {
		t.Fatalf("row 4 = %q %v, events %v", r, ok, f.events)
	}
	// the last, short page; with MaxPages 2 the farthest page (0) is let go
	f.src.Row(6)
	c = f.serve(t, "page", "a")
	if c.offset != 6 || c.limit != 1 {
		t.Errorf("asked %d+%d, want 6+1", c.offset, c.limit)
	}
	f.ui.next()
	if r, _ := f.src.Row(6); r != "a7" {
		t.Errorf("row 6 = %q", r)
	}
	if _, ok := f.src.Row(0); ok {
		t.Error("page 0 should have been let go")
	}
	f.serve(t, "page", "a") // Row(0) asked for it again
	f.ui.next()
	if r, ok := f.src.Row(0); !ok || r != "a1" || f.busy != 0 {
		t.Errorf("row 0 = %q %v, %d unsettled", r, ok, f.busy)
	}
}

func TestListSourcePageOfReplacedQueryDropped(t *testing.T) {
	f := newFixture("a1", "a2", "a3", "b1")
	f.src.Load("a")
	f.serve(t, "count", "a")
	f.serve(t, "page", "a")
	f.ui.next()
	f.src.Row(2)
	page := <-f.store.calls
	f.src.Load("b")
	if page.ctx.Err() == nil {
		t.Error("the old page's context was not cancelled")
	}
	if _, ok := f.src.Row(2); ok {
		t.Error("old rows' pages are read while a new query loads")
	}
	page.release <- nil
	f.ui.next() // the old page: dropped
	f.serve(t, "count", "b")
	f.serve(t, "page", "b")
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[b1]" || f.busy != 0 {
		t.Errorf("rows %s, %d unsettled", got, f.busy)
	}
}

func TestListSourceErrors(t *testing.T) {
	f := newFixture("a1", "a2", "a3")
	f.src.Load("a")
	c := <-f.store.calls
	c.release <- errors.New("디스크를 읽지 못했습니다")
	f.ui.next()
	if f.src.Loading() || f.src.Err() == nil || f.lastEvent() != ListFailed || f.src.Len() != 0 {
		t.Fatalf("after a failed count: loading=%v err=%v events=%v len=%d", f.src.Loading(), f.src.Err(), f.events, f.src.Len())
	}

	// a failed page stays missing (no retry loop on every redraw) until the next Load
	f.src.Reload()
	if f.src.Err() != nil {
		t.Error("Reload kept the old error")
	}
	f.serve(t, "count", "a")
	f.serve(t, "page", "a")
	f.ui.next()
	f.src.Row(2)
	c = <-f.store.calls
	c.release <- errors.New("잠김")
	f.ui.next()
	if f.lastEvent() != ListFailed || f.src.Loading() {
		t.Fatalf("events %v", f.events)
	}
	if _, ok := f.src.Row(2); ok {
		t.Error("a failed page returned a row")
	}
	select {
	case c := <-f.store.calls:
		t.Fatalf("a failed page was retried at once: %+v", c)
	default:
	}
	if r, ok := f.src.Row(1); !ok || r != "a2" || f.busy != 0 {
		t.Errorf("the loaded page was lost: %q %v, %d unsettled", r, ok, f.busy)
	}
}

func TestListSourceShortListAndCap(t *testing.T) {
	f := newFixture("a1", "a2", "a3")
	f.src.Count = nil // a short list: one call returns every row
	f.src.Load("a")
	c := f.serve(t, "page", "a")
	if c.limit != 0 {
		t.Errorf("a short list asked a limit of %d", c.limit)
	}
	f.ui.next()
	if got := fmt.Sprint(f.rows()); got != "[a1 a2 a3]" || !f.ui.idle() {
		t.Errorf("rows %s", got)
	}

	g := newFixture("a1", "a2", "a3", "a4", "a5")
	g.src.Cap = 3
	g.src.Load("a")
	g.serve(t, "count", "a")
	g.serve(t, "page", "a")
	g.ui.next()
	if g.src.Len() != 3 || g.src.Total() != 5 {
		t.Errorf("capped: len %d total %d", g.src.Len(), g.src.Total())
	}
}

func TestListSourceEmptyAnswerAsksNoPage(t *testing.T) {
	f := newFixture("a1")
	f.src.Load("zz")
	f.serve(t, "count", "zz")
	f.ui.next() // no page call for zero rows
	if f.src.Len() != 0 || f.lastEvent() != ListLoaded || f.busy != 0 {
		t.Errorf("len %d events %v busy %d", f.src.Len(), f.events, f.busy)
	}
}

func TestListSourceInline(t *testing.T) {
	// Run at once (as the views tests do under Fyne's test driver), the source behaves like a store that
	// answers instantly: rows are there when Load returns, and a missing page is read inside Row.
	names := []string{"a1", "a2", "a3", "a4", "a5"}
	var events []ListEvent
	src := &ListSource[string, string]{
		Count: func(_ context.Context, q string) (int, error) { return len(names), nil },
		Page: func(_ context.Context, q string, offset, limit, total int) ([]string, error) {
			return names[offset:min(len(names), offset+limit)], nil
		},
		PageSize: 2, Debounce: -1,
		Go: func(f func()) { f() }, Do: func(f func()) { f() },
		OnChange: func(ev ListEvent) { events = append(events, ev) },
	}
	src.LoadTyping("a")
	if src.Loading() || src.Len() != 5 || fmt.Sprint(events) != fmt.Sprint([]ListEvent{ListLoading, ListLoaded}) {
		t.Fatalf("loading=%v len=%d events=%v", src.Loading(), src.Len(), events)
	}
	if r, ok := src.Row(4); !ok || r != "a5" {
		t.Errorf("row 4 = %q %v", r, ok)
	}
	if len(events) != 2 {
		t.Errorf("a page read inside Row announced itself (the table would refresh inside its own update): %v", events)
	}
}
