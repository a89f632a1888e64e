package views

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/views/widgets"
)

// newTextTable is a read-only table of text with a bold header row: the import problems, previews and
// diffs all look this way. cell returns the text of a data cell.
func newTextTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string) *widget.Table {
	t := &widget.Table{
		Length:     func() (int, int) { return rows(), len(headers) },
		CreateCell: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cell(id.Row, id.Col))
		},
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} },
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(headers[id.Col])
		},
	}
	t.ExtendBaseWidget(t)
	for col, w := range widths {
		t.SetColumnWidth(col, w)
	}
	return t
}

// loadInline makes the views' list sources and background loads run at once on the calling goroutine.
// Only the views tests set it (see settle_test.go): Fyne's test driver runs fyne.Do on the calling
// goroutine, so a real background load would change widgets while the test's own goroutine draws them.
// The slow-store test puts the app's concurrent path back on the screen it tests.
var loadInline bool

// trackList readies src for a screen: its background loads join the shell's count of running work, so
// waitJobs can wait for a list to settle. It returns src.
func trackList[Q, R any](sh *shell, src *widgets.ListSource[Q, R]) *widgets.ListSource[Q, R] {
	src.Track = func() func() {
		sh.bg.Add(1)
		return sh.bg.Done
	}
	if loadInline {
		src.Go, src.Do, src.Debounce = runNow, runNow, -1
	}
	return src
}

func runNow(f func()) { f() }

// showListState shows a list's quiet loading state or its failure on the list's count label, and reports
// whether ev was one of those (else the screen writes its count). A failure is also told in a dialog.
func (sh *shell) showListState(count *widget.Label, ev widgets.ListEvent, err error) bool {
	switch ev {
	case widgets.ListLoading:
		count.Importance = widget.LowImportance
		count.SetText(lang.L("불러오는 중…"))
		return true
	case widgets.ListFailed:
		count.Importance = widget.DangerImportance
		count.SetText(lang.L("목록을 불러오지 못했습니다"))
		sh.showError(err)
		return true
	}
	count.Importance = widget.MediumImportance
	return false
}

// background runs load off the UI goroutine and hands its answer to done on the UI goroutine, for what a
// screen or dialog needs besides its list (filter choices, a dialog's data before it opens).
func background[T any](sh *shell, load func(context.Context) (T, error), done func(T, error)) {
	run, do := func(f func()) { go f() }, fyne.Do
	if loadInline {
		run, do = runNow, runNow
	}
	sh.bg.Add(1)
	run(func() {
		v, err := load(context.Background())
		do(func() {
			defer sh.bg.Done()
			done(v, err)
		})
	})
}
