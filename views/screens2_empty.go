package views

// Empty lists that say what to do (polish-screens-2, #14): on a new store a list with no rows explains what
// it is for and offers the first step (새 상품, 주문 가져오기 …); a search or filter that finds nothing says
// so and offers to clear it, for a store with rows is not a new store.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/views/widgets"
)

// listEmpty stacks two empty states over a list: first (nothing at all yet) and none (nothing matches).
type listEmpty struct {
	first, none *widgets.EmptyState
	box         *fyne.Container
}

// newListEmpty puts first and a "nothing matches" state over list; noneTitle is e.g. "조건에 맞는 주문이
// 없습니다" and clear empties the search and filters.
func newListEmpty(list fyne.CanvasObject, first *widgets.EmptyState, noneTitle string, clear func()) *listEmpty {
	none := widgets.NewEmptyState(theme.SearchIcon(), noneTitle,
		lang.L("검색어나 필터를 바꾸거나, 모두 지우고 전체 목록을 보세요."),
		&widget.Button{Text: lang.L("필터 지우기"), Icon: theme.ContentClearIcon(), Importance: widget.HighImportance, OnTapped: clear})
	return &listEmpty{first: first, none: none, box: container.NewStack(list, first, none)}
}

// update shows the state that fits what the list source reported: total rows of a query that is filtered
// or not. While a query loads the shown state stays; a failed load shows neither (the count says why).
func (e *listEmpty) update(ev widgets.ListEvent, total int, filtered bool) {
	switch ev {
	case widgets.ListLoading, widgets.ListPageLoaded:
		return
	case widgets.ListFailed:
		e.first.SetShown(false)
		e.none.SetShown(false)
		return
	}
	e.first.SetShown(total == 0 && !filtered)
	e.none.SetShown(total == 0 && filtered)
}
