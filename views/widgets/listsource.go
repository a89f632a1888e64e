package widgets

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// ListEvent tells a screen what changed in its ListSource. OnChange receives it on the UI goroutine.
type ListEvent int

// The events a ListSource reports.
const (
	// ListLoading: a new query was asked; the rows shown are still the old ones. Show a quiet 불러오는 중.
	ListLoading ListEvent = iota
	// ListLoaded: the count and first page of the newest query arrived. Refresh the table and the count.
	ListLoaded
	// ListPageLoaded: a further page arrived while the seller scrolled. Refresh the table.
	ListPageLoaded
	// ListFailed: a load failed; Err says why. The source is no longer loading.
	ListFailed
)

// Defaults for a ListSource's zero fields.
const (
	DefaultPageSize = 100
	DefaultMaxPages = 20
	DefaultDebounce = 150 * time.Millisecond
)

// ListSource keeps the rows of a list that lives in the database, so the window never waits for it. It asks
// for the count and first page off the UI goroutine, waits a moment while the seller is still typing, drops
// answers to a query that has since been replaced (each query has a generation number, and starting one
// cancels the previous one's context), and hands the table only rows it already holds: a row not loaded yet
// reads as missing and its page is fetched in the background. Every callback runs on the UI goroutine
// through Do.
//
// Set the fields before the first Load; Count, Page, After and Do may be replaced between loads (tests hold
// the real service back that way). Its methods are called on the UI goroutine.
type ListSource[Q, R any] struct {
	// Count counts the query's rows. Nil for a short list whose Page returns every row at once.
	Count func(ctx context.Context, q Q) (int, error)
	// Page reads rows [offset, offset+limit) of the query; total is the length the list shows (some stores
	// read a page better knowing it). With Count nil it is called once, with limit 0, for every row.
	Page func(ctx context.Context, q Q, offset, limit, total int) ([]R, error)
	// Cap, above zero, is the most rows the list shows whatever Count says (Total still tells the count).
	Cap int
	// PageSize is the rows per page (DefaultPageSize when 0); MaxPages how many pages stay loaded
	// (DefaultMaxPages when 0) so scrolling a long list keeps a window of it, never all of it.
	PageSize, MaxPages int
	// Debounce is how long LoadTyping waits for the next key before asking (DefaultDebounce when 0; a
	// negative value asks at once).
	Debounce time.Duration
	// After runs f after d on another goroutine and returns a stop that reports whether it stopped f in time
	// (time.AfterFunc when nil). Tests fire it by hand.
	After func(d time.Duration, f func()) (stop func() bool)
	// Do runs f on the UI goroutine (fyne.Do when nil).
	Do func(f func())
	// Go runs a load off the UI goroutine (a new goroutine when nil). A test that cannot have real
	// concurrency (Fyne's test driver runs fyne.Do on the calling goroutine) may run it at once instead,
	// with Do and a negative Debounce doing the same: the list then behaves as if the store answered
	// instantly.
	Go func(f func())
	// Track, when set, is told when background work begins and returns the func to call when it has ended
	// (its answer applied or dropped), so the shell and tests can wait for the list to settle.
	Track func() (done func())
	// OnChange hears what changed, on the UI goroutine.
	OnChange func(ListEvent)

	// mu guards the state below. In the app every method and answer runs on the UI goroutine; the lock is
	// for Fyne's test driver, whose Do runs the answer on the loading goroutine itself.
	mu      sync.Mutex
	gen     uint64 // bumped by every Load: an answer carrying an older one is dropped
	want    Q      // the newest query asked
	cancel  context.CancelFunc
	ctx     context.Context // the newest started query's, for its page loads
	stop    func() bool     // stops the pending debounce
	stopped func()          // the pending debounce's Track done

	loading  bool
	err      error
	shownGen uint64
	shown    Q
	total    int // what Count said
	length   int // rows shown: total, capped
	pages    map[int][]R
	fetching map[int]bool
	failed   map[int]bool // pages that failed stay missing until the next Load, so a table redraw does not retry in a loop
	inRow    bool         // a page fetched by Row answered before Row returned (Go and Do ran at once)
}

// Load asks for q now: a filter, sort or refresh.
func (s *ListSource[Q, R]) Load(q Q) { s.ask(q, false) }

// LoadTyping asks for q once the seller pauses typing: each call within Debounce of the last replaces it.
func (s *ListSource[Q, R]) LoadTyping(q Q) { s.ask(q, true) }

// Reload asks again for the newest query, e.g. after a batch action changed rows.
func (s *ListSource[Q, R]) Reload() {
	s.mu.Lock()
	q := s.want
	s.mu.Unlock()
	s.ask(q, false)
}

// Len is the number of rows the list shows: the last answer's count, capped.
func (s *ListSource[Q, R]) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.length
}

// Total is what Count said for the rows shown (it may exceed Len when Cap applies).
func (s *ListSource[Q, R]) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// Query is the query whose rows are shown.
func (s *ListSource[Q, R]) Query() Q {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shown
}

// Loading reports whether a newer query than the rows shown is on its way.
func (s *ListSource[Q, R]) Loading() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loading
}

// Err is why the last load failed, or nil.
func (s *ListSource[Q, R]) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Row returns row i when it is loaded. When it is not, its page is fetched in the background (ListPageLoaded
// follows) and Row reports false, so a table's UpdateCell never waits.
func (s *ListSource[Q, R]) Row(i int) (R, bool) {
	s.mu.Lock()
	r, ok, fetch := s.rowLocked(i)
	if fetch == nil {
		s.mu.Unlock()
		return r, ok
	}
	s.inRow = true
	s.mu.Unlock()
	fetch()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inRow = false
	r, ok, _ = s.rowLocked(i) // the page is there already when the fetch ran at once
	return r, ok
}

// rowLocked returns row i when it is loaded, or else a fetch of its page to start (nil when none is due).
func (s *ListSource[Q, R]) rowLocked(i int) (r R, ok bool, fetch func()) {
	if i < 0 || i >= s.length {
		return r, false, nil
	}
	size := s.pageSize()
	p := i / size
	if rows, ok := s.pages[p]; ok {
		if j := i % size; j < len(rows) {
			return rows[j], true, nil
		}
		return r, false, nil
	}
	// While a newer query is on its way the old rows' pages are not worth reading; a short list has every
	// page already; a failed page waits for the next Load.
	if s.loading || s.Count == nil || s.fetching[p] || s.failed[p] || s.ctx == nil || s.inRow {
		return r, false, nil
	}
	s.fetching[p] = true
	ctx, gen, q, length := s.ctx, s.shownGen, s.shown, s.length
	return r, false, func() { s.fetchPage(ctx, gen, q, p, length) }
}

// ask starts a new generation for q, now or after the debounce.
func (s *ListSource[Q, R]) ask(q Q, typing bool) {
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.want = q
	if s.cancel != nil {
		s.cancel() // the older query's answer is no longer wanted: let its SQL stop early
		s.cancel, s.ctx = nil, nil
	}
	s.stopPendingLocked()
	s.loading, s.err = true, nil
	delay := time.Duration(0)
	if typing {
		delay = s.Debounce
		if delay == 0 {
			delay = DefaultDebounce
		}
	}
	if delay > 0 {
		done := s.track()
		do := s.do()
		s.stopped = done
		s.stop = s.after()(delay, func() {
			do(func() {
				s.start(gen)
				done()
			})
		})
	}
	s.mu.Unlock()
	s.emit(ListLoading)
	if delay <= 0 {
		s.start(gen)
	}
}

// stopPendingLocked stops a debounce not yet fired. When it fired already, its own start sees a newer
// generation and does nothing, and releases its Track itself.
func (s *ListSource[Q, R]) stopPendingLocked() {
	if s.stop == nil {
		return
	}
	if s.stop() {
		s.stopped()
	}
	s.stop, s.stopped = nil, nil
}

// start loads generation gen's count and first page on a goroutine, unless a newer query replaced it.
func (s *ListSource[Q, R]) start(gen uint64) {
	s.mu.Lock()
	if gen != s.gen {
		s.mu.Unlock()
		return
	}
	s.stop, s.stopped = nil, nil
	ctx, cancel := context.WithCancel(context.Background())
	s.ctx, s.cancel = ctx, cancel
	q, count, page, do, size, limit := s.want, s.Count, s.Page, s.do(), s.pageSize(), s.Cap
	done := s.track()
	run := s.goer()
	s.mu.Unlock()
	run(func() {
		total, length, rows, err := first(ctx, q, count, page, size, limit)
		do(func() {
			s.answer(gen, q, total, length, rows, err)
			done()
		})
	})
}

// first reads the count and the first page (every row when count is nil).
func first[Q, R any](ctx context.Context, q Q, count func(context.Context, Q) (int, error),
	page func(context.Context, Q, int, int, int) ([]R, error), size, limit int) (total, length int, rows []R, err error) {
	if count == nil {
		rows, err = page(ctx, q, 0, 0, 0)
		return len(rows), len(rows), rows, err
	}
	if total, err = count(ctx, q); err != nil {
		return 0, 0, nil, err
	}
	length = total
	if limit > 0 {
		length = min(length, limit)
	}
	if length == 0 {
		return total, 0, nil, nil
	}
	rows, err = page(ctx, q, 0, min(size, length), length)
	return total, length, rows, err
}

// answer applies generation gen's first answer on the UI goroutine, or drops it when a newer query was asked.
func (s *ListSource[Q, R]) answer(gen uint64, q Q, total, length int, rows []R, err error) {
	s.mu.Lock()
	if gen != s.gen {
		s.mu.Unlock()
		return
	}
	s.loading = false
	s.shownGen, s.shown = gen, q
	s.pages, s.fetching, s.failed = map[int][]R{}, map[int]bool{}, map[int]bool{}
	if err != nil {
		// Rows of an older query under the new filter would mislead: show none, and say why.
		s.err, s.total, s.length = err, 0, 0
		s.mu.Unlock()
		s.emit(ListFailed)
		return
	}
	s.total, s.length = total, length
	size := s.pageSize()
	for p := 0; p*size < len(rows); p++ {
		s.pages[p] = rows[p*size : min(len(rows), (p+1)*size)]
	}
	s.mu.Unlock()
	s.emit(ListLoaded)
}

// fetchPage reads page p of the rows shown off the UI goroutine.
func (s *ListSource[Q, R]) fetchPage(ctx context.Context, gen uint64, q Q, p, length int) {
	s.mu.Lock()
	page, do, size, run := s.Page, s.do(), s.pageSize(), s.goer()
	done := s.track()
	s.mu.Unlock()
	run(func() {
		rows, err := page(ctx, q, p*size, min(size, length-p*size), length)
		do(func() {
			s.pageAnswer(gen, p, rows, err)
			done()
		})
	})
}

// pageAnswer keeps a fetched page, dropping it when the list has moved on to another query.
func (s *ListSource[Q, R]) pageAnswer(gen uint64, p int, rows []R, err error) {
	s.mu.Lock()
	if gen != s.gen || gen != s.shownGen {
		s.mu.Unlock()
		return
	}
	delete(s.fetching, p)
	if err != nil {
		s.failed[p], s.err = true, err
		s.mu.Unlock()
		s.emit(ListFailed)
		return
	}
	s.pages[p] = rows
	if len(s.pages) > s.maxPages() {
		// keep the pages near where the seller is: drop the farthest
		far, dist := -1, -1
		for k := range s.pages {
			d := k - p
			if d < 0 {
				d = -d
			}
			if d > dist {
				far, dist = k, d
			}
		}
		delete(s.pages, far)
	}
	quiet := s.inRow // Row is returning the row itself, from inside the table's own update
	s.mu.Unlock()
	if !quiet {
		s.emit(ListPageLoaded)
	}
}

func (s *ListSource[Q, R]) emit(ev ListEvent) {
	if s.OnChange != nil {
		s.OnChange(ev)
	}
}

func (s *ListSource[Q, R]) pageSize() int {
	if s.PageSize > 0 {
		return s.PageSize
	}
	return DefaultPageSize
}

func (s *ListSource[Q, R]) maxPages() int {
	if s.MaxPages > 0 {
		return s.MaxPages
	}
	return DefaultMaxPages
}

func (s *ListSource[Q, R]) do() func(func()) {
	if s.Do != nil {
		return s.Do
	}
	return fyne.Do
}

func (s *ListSource[Q, R]) goer() func(func()) {
	if s.Go != nil {
		return s.Go
	}
	return func(f func()) { go f() }
}

func (s *ListSource[Q, R]) after() func(time.Duration, func()) func() bool {
	if s.After != nil {
		return s.After
	}
	return func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
}

func (s *ListSource[Q, R]) track() func() {
	if s.Track != nil {
		return s.Track()
	}
	return func() {}
}
