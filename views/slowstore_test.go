package views

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app/catalog"
	"sellerdesk/views/widgets"
)

// slowList puts the app's concurrent path back on a screen's list source (the views tests otherwise run
// loads at once, see settle_test.go) and holds the real service back: every count waits until the test
// releases it. Loads run on real goroutines; their answers queue for the UI goroutine, which is the test's
// own goroutine draining ui; the typing pause is a timer the test fires.
type slowList[Q any] struct {
	t      *testing.T
	ui     chan func()
	calls  chan heldCall[Q]
	timers []*heldTimer
}

// heldCall is one count the real service has not been asked yet.
type heldCall[Q any] struct {
	q       Q
	release chan struct{}
}

type heldTimer struct {
	f              func()
	stopped, fired bool
}

func holdList[Q, R any](t *testing.T, src *widgets.ListSource[Q, R]) *slowList[Q] {
	l := &slowList[Q]{t: t, ui: make(chan func(), 16), calls: make(chan heldCall[Q], 16)}
	count := src.Count
	src.Go = func(f func()) { go f() }
	src.Do = func(f func()) { l.ui <- f }
	src.Debounce = widgets.DefaultDebounce
	src.After = func(_ time.Duration, f func()) func() bool {
		tm := &heldTimer{f: f}
		l.timers = append(l.timers, tm)
		return func() bool {
			if tm.fired {
				return false
			}
			tm.stopped = true
			return true
		}
	}
	src.Count = func(ctx context.Context, q Q) (int, error) {
		c := heldCall[Q]{q: q, release: make(chan struct{})}
		l.calls <- c
		<-c.release
		// Answer even when the newer query cancelled this one, as a store that ignores the cancel would:
		// the list must drop the stale answer by its generation, not by luck.
		return count(context.WithoutCancel(ctx), q)
	}
	return l
}

// pause fires the typing pause's timer (the newest still pending, as time would) and runs the start it
// hands to the UI goroutine; the held count call it starts is returned.
func (l *slowList[Q]) pause() heldCall[Q] {
	l.t.Helper()
	var tm *heldTimer
	for i := len(l.timers) - 1; i >= 0 && tm == nil; i-- {
		if !l.timers[i].stopped && !l.timers[i].fired {
			tm = l.timers[i]
		}
	}
	if tm == nil {
		l.t.Fatal("no typing pause pending")
	}
	tm.fired = true
	go tm.f()
	l.runUI()
	return <-l.calls
}

// runUI runs the next func a background load handed to the UI goroutine, waiting for it.
func (l *slowList[Q]) runUI() { (<-l.ui)() }

// answer lets a held count reach the real service and applies (or drops) its answer on the UI goroutine.
func (l *slowList[Q]) answer(c heldCall[Q]) {
	close(c.release)
	l.runUI()
}

func TestProductSearchWhileStoreIsSlow(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	for i, name := range []string{"오버핏 셔츠", "오버사이즈 코트", "린넨 셔츠", "코튼 팬츠"} {
		p := catalog.Product{Code: "P" + string(rune('A'+i)), Name: name, Price: 10000, Status: catalog.StatusSale,
			TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
		if _, err := s.svc.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	s.refresh()
	sh.waitJobs()
	if !hasLabel(c, "상품 4개") {
		t.Fatalf("labels: %v", visibleTexts(c))
	}

	slow := holdList(t, s.pager.ListSource)
	test.Type(s.search, "오")
	if s.search.Text != "오" || !hasLabel(c, "불러오는 중…") {
		t.Fatalf("typing did not show at once with the loading state: %q, %v", s.search.Text, visibleTexts(c))
	}
	first := slow.pause()
	if first.q.Query != "오" {
		t.Fatalf("asked %q", first.q.Query)
	}
	// The count for "오" is held in the store. Typing must not wait for it: if the window waited for the
	// database, test.Type would never return.
	test.Type(s.search, "버핏")
	if s.search.Text != "오버핏" || !hasLabel(c, "불러오는 중…") {
		t.Fatalf("typing behind a slow store: %q, %v", s.search.Text, visibleTexts(c))
	}
	if !hasLabel(c, "린넨 셔츠") {
		t.Errorf("the rows shown should stay until the answer: %v", visibleTexts(c))
	}
	last := slow.pause()
	if last.q.Query != "오버핏" || len(slow.calls) != 0 {
		t.Fatalf("asked %q (and %d more): every key asked the store", last.q.Query, len(slow.calls))
	}

	slow.answer(last)
	if !hasLabel(c, "상품 1개") || !hasLabel(c, "오버핏 셔츠") || hasLabel(c, "오버사이즈 코트") || hasLabel(c, "린넨 셔츠") {
		t.Fatalf("after the answer for 오버핏: %v", visibleTexts(c))
	}
	// The answer for "오" comes last: it matches two products, and must not replace the list for 오버핏.
	slow.answer(first)
	if !hasLabel(c, "상품 1개") || !hasLabel(c, "오버핏 셔츠") || hasLabel(c, "오버사이즈 코트") || hasLabel(c, "불러오는 중…") {
		t.Errorf("a stale answer replaced the list: %v", visibleTexts(c))
	}
	sh.waitJobs() // every background load has settled: nothing was left holding the shell
}

func TestOrderSearchWhileStoreIsSlow(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	path := writeOrders(t, t.TempDir(), "")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := s.svc.ImportFile(context.Background(), f, path, "", nil); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	sh.waitJobs()
	if !hasLabel(c, "주문 3건") {
		t.Fatalf("labels: %v", visibleTexts(c))
	}

	slow := holdList(t, s.pager)
	test.Type(s.search, "하늘")
	stale := slow.pause()
	// the seller clears the box and looks for someone else while the store is still busy
	s.search.SetText("")
	test.Type(s.search, "최유나")
	if s.search.Text != "최유나" || !hasLabel(c, "불러오는 중…") {
		t.Fatalf("typing behind a slow store: %q, %v", s.search.Text, visibleTexts(c))
	}
	last := slow.pause()
	if stale.q.Search != "하늘" || last.q.Search != "최유나" {
		t.Fatalf("asked %q then %q", stale.q.Search, last.q.Search)
	}
	slow.answer(last)
	slow.answer(stale)
	if !hasLabel(c, "주문 1건") || !hasLabel(c, "머그컵") || hasLabel(c, "린넨 셔츠") {
		t.Errorf("the list for 최유나: %v", visibleTexts(c))
	}
	if got := s.pager.Query(); got.Search != "최유나" {
		t.Errorf("the list shows the rows of %q", got.Search)
	}
	sh.waitJobs()
}

func TestProductListLoadFails(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	count := s.pager.Count
	s.pager.Count = func(context.Context, catalog.ListFilter) (int, error) { return 0, errors.New("database is locked") }
	test.Type(s.search, "셔츠")
	sh.waitJobs()
	if hasLabel(c, "불러오는 중…") || !hasLabel(c, "목록을 불러오지 못했습니다") || !containsLabel(c, "예기치 못한 오류가 발생했습니다") {
		t.Fatalf("a failed load should say so, not keep loading: %v", visibleTexts(c))
	}
	// the next search works again
	s.pager.Count = count
	test.Type(s.search, " ")
	sh.waitJobs()
	if !hasLabel(c, "상품 0개") {
		t.Errorf("after the store recovered: %v", visibleTexts(c))
	}
}
