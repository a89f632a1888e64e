package views

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A store without contacts says what the 고객 list is for and how contacts come in; a search that finds
// nobody says so instead and offers to clear it (#14's empty states, for the 고객 area of #16).
func TestCustomerListEmptyStates(t *testing.T) {
	sh, w := openShell(t)
	tapText(t, w.Canvas(), "고객")
	sh.waitJobs()
	s, ok := sh.screens[sh.current].(*customersScreen)
	if !ok {
		t.Fatalf("고객 opened %T", sh.screens[sh.current])
	}
	texts := visibleTexts(w.Canvas())
	if !slices.Contains(texts, "아직 고객이 없습니다") || s.src.Total() != 0 || button(t, w.Canvas(), "새 고객") == nil {
		t.Fatalf("empty store's 고객 list shows %q", texts)
	}
	if slices.Contains(texts, "조건에 맞는 고객이 없습니다") {
		t.Errorf("an unfiltered empty list says nothing matches: %q", texts)
	}

	sh2, s2, _ := customersShell(t)
	c := sh2.win.Canvas()
	if texts := visibleTexts(c); slices.Contains(texts, "아직 고객이 없습니다") || slices.Contains(texts, "조건에 맞는 고객이 없습니다") {
		t.Fatalf("a list with contacts shows an empty state: %q", texts)
	}
	s2.search.SetText("없는사람")
	sh2.waitJobs()
	texts = visibleTexts(c)
	if !slices.Contains(texts, "조건에 맞는 고객이 없습니다") || slices.Contains(texts, "아직 고객이 없습니다") {
		t.Fatalf("a search finding nobody shows %q", texts)
	}
	test.Tap(button(t, c, "필터 지우기"))
	sh2.waitJobs()
	if s2.search.Text != "" || s2.src.Total() != 3 {
		t.Errorf("필터 지우기 left search %q and %d contacts", s2.search.Text, s2.src.Total())
	}
	if texts := visibleTexts(c); slices.Contains(texts, "조건에 맞는 고객이 없습니다") {
		t.Errorf("after 필터 지우기 the list still says nothing matches: %q", texts)
	}
}
