package views

import (
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
