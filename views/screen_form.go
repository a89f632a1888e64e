package views

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/views/widgets"
)

// screenForm is how the screens of orders, products, returns and purchasing ask for input: a
// widgets.FormDialog (minimum width, never taller than the window, a reserved problem line under each
// field, Enter and Esc) whose confirm does not close it by itself. The screen checks what was typed, writes
// it off the UI goroutine and closes the form only once the write was accepted; a refusal shows each reason
// under its field (or above the buttons when it names no field) and keeps the seller's input where it was.
type screenForm struct {
	d      *widgets.FormDialog
	fields map[string]*widgets.FormField
	onOK   func(f *screenForm)
}

// formRow is one row of a screenForm: a label, the input, and the service's field name whose messages show
// under it ("" for none). A row with neither label nor field spans the form (a sentence, a check box).
type formRow struct {
	label string
	input fyne.CanvasObject
	field string
}

// newScreenForm builds the form with 취소; width is its content's minimum width. onOK runs when the seller
// confirms (the button, or Enter).
func newScreenForm(sh *shell, title, confirm string, width float32, rows []formRow, onOK func(f *screenForm)) *screenForm {
	return newFormWith(sh, title, confirm, lang.L("취소"), width, nil, rows, onOK)
}

// newFormWith is newScreenForm with its own dismiss text and, under the rows, extra (other actions, such as
// 저장하고 PDF; nil for none).
func newFormWith(sh *shell, title, confirm, dismiss string, width float32, extra fyne.CanvasObject, rows []formRow,
	onOK func(f *screenForm)) *screenForm {
	f := &screenForm{d: widgets.NewFormDialog(sh.win, title, confirm, dismiss), fields: map[string]*widgets.FormField{}, onOK: onOK}
	f.d.MinWidth = width
	for i, r := range rows {
		if l, ok := r.input.(*widget.Label); ok && i == 0 && r.label == "" && r.field == "" && l.Wrapping != fyne.TextWrapOff {
			// an explanation before the fields reads across the whole dialog
			f.d.SetIntro(l.Text)
			continue
		}
		if r.label == "" && r.field == "" {
			f.d.AddRow(r.input)
			continue
		}
		ff := f.d.AddField(r.label, r.input, nil)
		if r.field != "" {
			f.fields[r.field] = ff
		}
	}
	if extra != nil {
		f.d.AddRow(extra)
	}
	// Esc in any entry of the form cancels it, also in entries nested in a row (quantities, customs items)
	for _, r := range rows {
		escapeCancels(r.input, f.d.Cancel)
	}
	f.d.OnSubmit = func() bool {
		f.onOK(f)
		return false // the screen closes it once its write was accepted
	}
	return f
}

// show opens the form.
func (f *screenForm) show() { f.d.Show() }

// close hides the form after an accepted write.
func (f *screenForm) close() { f.d.Busy(false); f.d.Hide() }

// busy disables the buttons while the write runs.
func (f *screenForm) busy(on bool) { f.d.Busy(on) }

// setErrors shows each message under its field and clears the others; a message for a field the form does
// not show goes above the buttons. It reports whether there was any message.
func (f *screenForm) setErrors(fields map[string]string) bool {
	var general string
	for name, msg := range fields {
		if _, ok := f.fields[name]; !ok {
			if general != "" {
				general += "\n"
			}
			general += msg
		}
	}
	for name, ff := range f.fields {
		f.d.SetFieldError(ff, fields[name])
	}
	f.d.SetProblem(general)
	f.revealProblem()
	return len(fields) > 0
}

// revealProblem scrolls a tall form so the first field with a problem is in view: the cursor goes there,
// but Fyne does not scroll to it, and a problem below the fold would look like nothing happened.
func (f *screenForm) revealProblem() {
	var first *widgets.FormField
	for _, ff := range f.d.Fields() {
		if ff.Message() != nil && ff.Message().Text() != "" {
			first = ff
			break
		}
	}
	if first == nil {
		return
	}
	drv := fyne.CurrentApp().Driver()
	c := drv.CanvasForObject(first.Widget)
	if c == nil {
		return
	}
	for _, o := range c.Overlays().List() {
		if sc := scrollHolding(o, first.Widget); sc != nil {
			y := drv.AbsolutePositionForObject(first.Widget).Y - drv.AbsolutePositionForObject(sc.Content).Y
			bottom := y + first.Widget.Size().Height + first.Message().MinSize().Height
			if off := sc.Offset.Y; y < off || bottom > off+sc.Size().Height {
				sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, max(0, y-theme.Padding()*4)))
			}
			return
		}
	}
}

// scrollHolding is the innermost scroll container under o that holds target, nil when none does.
func scrollHolding(o, target fyne.CanvasObject) *container.Scroll {
	var found *container.Scroll
	var walk func(o fyne.CanvasObject, in *container.Scroll) bool
	walk = func(o fyne.CanvasObject, in *container.Scroll) bool {
		if o == target {
			found = in
			return true
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				if walk(c, in) {
					return true
				}
			}
		case *container.Scroll:
			return walk(x.Content, x)
		case *widget.PopUp:
			return walk(x.Content, in)
		default:
			// Fyne wraps an overlay in its internal OverlayContainer, whose Content field is exported
			if v := reflect.ValueOf(o); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
				if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
					if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
						return walk(c, in)
					}
				}
			}
		}
		return false
	}
	walk(o, nil)
	return found
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

// escapeCancels makes Esc in every widgets.Entry inside o call cancel.
func escapeCancels(o fyne.CanvasObject, cancel func()) {
	switch x := o.(type) {
	case *widgets.Entry:
		x.OnEscape = cancel
	case *fyne.Container:
		for _, c := range x.Objects {
			escapeCancels(c, cancel)
		}
	case *container.Scroll:
		escapeCancels(x.Content, cancel)
	}
}
