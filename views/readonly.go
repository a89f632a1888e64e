package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
)

// readOnlyBanner is the strip above every screen that says the data file is open read-only, why, and what
// to do: the seller may look things up and back up elsewhere, and learns before typing that nothing will
// be saved. When the store may be written it is a hidden object, which a box lays out as nothing, so the
// shell can always put it in place.
func readOnlyBanner(d *app.Desk) fyne.CanvasObject {
	notice, ok := d.ReadOnlyNotice()
	if !ok {
		hidden := widget.NewLabel("")
		hidden.Hide()
		return hidden
	}
	text := &widget.Label{Text: msgText(notice), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.WarningIcon()), nil, text)
}
