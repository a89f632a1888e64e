package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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
