package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// reserved keeps o's room in the layout while o is hidden: a selection bar that appears when the first
// row is ticked must not push the table down under the mouse (the next click would un-tick the row).
func reserved(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(reserveLayout{}, o)
}

// reserveLayout sizes its objects to its own size and asks, shown or hidden, for their minimum size.
type reserveLayout struct{}

func (reserveLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (reserveLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}
