package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// screenForm is a dialog of labelled inputs whose confirm button does not close it: the screen checks what
// was typed, writes it off the UI goroutine and closes the form only once the write was accepted. A refusal
// shows each reason under its field (or above the buttons when it names no field) and keeps the seller's
// input where it was. Its content has a minimum width, so wrapping text and inputs never collapse into a
// narrow column.
type screenForm struct {
	d       *dialog.CustomDialog
	confirm *widget.Button
	general *widget.Label
	msgs    map[string]*widget.Label
	order   []string
	onOK    func(f *screenForm)
}

// formRow is one row of a screenForm: a label (empty for a full-width row), the input, and the service's
// field name whose messages show under it ("" for none).
type formRow struct {
	label string
	input fyne.CanvasObject
	field string
}

// minWidth makes o at least w wide.
func minWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, o)
}

// newScreenForm builds the form; width is its content's minimum width. onOK runs when the seller confirms
// (the button, or Enter in a one-line entry).
func newScreenForm(sh *shell, title, confirm string, width float32, rows []formRow, onOK func(f *screenForm)) *screenForm {
	f := &screenForm{msgs: map[string]*widget.Label{}, onOK: onOK,
		general: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}}
	f.general.Hide()
	grid := container.New(layout.NewFormLayout())
	var full []fyne.CanvasObject
	for _, r := range rows {
		input := r.input
		if e, ok := r.input.(*widget.Entry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { f.submit() }
		}
		if r.field != "" {
			msg := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
			msg.Hide()
			f.msgs[r.field] = msg
			f.order = append(f.order, r.field)
			input = container.NewVBox(r.input, msg)
		}
		if r.label == "" && r.field == "" {
			if len(grid.Objects) == 0 {
				full = append(full, input)
				continue
			}
		}
		grid.Add(&widget.Label{Text: r.label, TextStyle: fyne.TextStyle{Bold: true}})
		grid.Add(input)
	}
	body := container.NewVBox(append(full, grid, f.general)...)
	f.confirm = &widget.Button{Text: confirm, Importance: widget.HighImportance, OnTapped: f.submit}
	cancel := &widget.Button{Text: lang.L("취소"), OnTapped: func() { f.d.Hide() }}
	f.d = dialog.NewCustomWithoutButtons(title, minWidth(body, width), sh.win)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	return f
}

func (f *screenForm) submit() {
	if f.confirm.Disabled() {
		return
	}
	f.onOK(f)
}

// show opens the form.
func (f *screenForm) show() { f.d.Show() }

// close hides the form after an accepted write.
func (f *screenForm) close() { f.d.Hide() }

// busy disables the confirm button while the write runs.
func (f *screenForm) busy(on bool) {
	if on {
		f.confirm.Disable()
	} else {
		f.confirm.Enable()
	}
}

// setErrors shows each message under its field and clears the others; a message for a field the form does
// not show goes above the buttons. It reports whether there was any message.
func (f *screenForm) setErrors(fields map[string]string) bool {
	var general string
	for name, msg := range fields {
		if _, ok := f.msgs[name]; !ok {
			if general != "" {
				general += "\n"
			}
			general += msg
		}
	}
	for _, name := range f.order {
		l := f.msgs[name]
		if m := fields[name]; m != "" {
			l.SetText(m)
			l.Show()
		} else {
			l.Hide()
		}
	}
	f.general.SetText(general)
	f.general.Hidden = general == ""
	f.general.Refresh()
	return len(fields) > 0
}

// refused shows a write's refusal in the form: an input problem at its fields, anything else as the
// form's general message.
func (f *screenForm) refused(err error) {
	f.busy(false)
	if m := fieldTexts(err); len(m) > 0 {
		f.setErrors(m)
		return
	}
	f.setErrors(map[string]string{"": sellerText(err)})
}
