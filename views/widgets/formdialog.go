package widgets

// Form dialogs that keep their shape and their input.
//
// Usage (a refund, say):
//
//	d := widgets.NewFormDialog(win, lang.L("환불하고 완료"), lang.L("환불하고 완료"), lang.L("취소"))
//	d.SetIntro(lang.L("반품을 완료하고 아래 금액을 환불 처리합니다."))
//	fee := widgets.NewEntry()                       // Esc in it cancels, Enter submits
//	fee.SetPlaceHolder(lang.L("예: 3,000"))
//	feeField := d.AddField(lang.L("반품 배송비"), fee, func() string {
//		if _, err := parseWon(fee.Text); err != nil { return lang.L("숫자로 입력하세요") }
//		return ""
//	})
//	feeField.Hint = lang.L("고객 부담분만 입력하세요.")  // optional quiet line under the input
//	d.Consequence = func() string { return lang.L("환불 금액: {{.Won}}", …) } // live, before confirming
//	d.OnSubmit = func() bool {                    // fields' checks passed; false keeps the dialog open
//		d.Busy(true)                              // optional: saving in the background
//		save(…, func(err error) {
//			d.Busy(false)
//			if err != nil { d.SetFieldError(feeField, msg); return } // the input stays as typed
//			d.Hide(); toaster.Toast(lang.L("환불했습니다."))
//		})
//		return false
//	}
//	d.Show()
//
// What it guarantees: the body is at least MinWidth wide (480 by default), so wrapped explanations read as
// sentences, not one syllable per line; it never grows past the window (a tall form scrolls inside, so it
// fits a 1093×570 window); a problem shows under its field in red without closing, each field keeping one
// line reserved for it so nothing jumps; the Consequence line is recomputed whenever a field changes; Enter
// (in a single-line entry, or with nothing focused) submits, Esc cancels, Tab moves down the form in the
// order the fields were added, and the first field has the focus when it opens. A choice that must answer
// Enter and Esc too is a widgets.Select (Fyne's Select takes both keys and ignores them). When a line
// appears, goes or grows (the consequence, a problem), the body is laid out again and the dialog grows and
// stays centred; FormField.SetHint changes a field's quiet line while the form is shown.

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormField is one labelled input of a FormDialog.
type FormField struct {
	Label  string
	Widget fyne.CanvasObject
	// Check returns the problem with the field's current value ("" when fine); it runs on submit and,
	// once a problem was shown, again on each change until the value is fine.
	Check func() string
	// Hint is a quiet explanation under the input (optional; set before Show, changed after with SetHint).
	Hint string

	msg  *ErrorLine
	hint *widget.Label
}

// SetHint changes the quiet line under the input, also while the form is shown (e.g. the stock after a
// receipt, following the quantity typed). A field shown without a hint gets none.
func (f *FormField) SetHint(text string) {
	f.Hint = text
	if f.hint != nil {
		f.hint.SetText(text)
	}
}

// Message is the field's reserved problem line.
func (f *FormField) Message() *ErrorLine { return f.msg }

// FormDialog is a modal form: fields, an optional explanation above them and a live consequence line
// above the buttons. See the file's notes for its use.
type FormDialog struct {
	// OnSubmit runs when the seller confirms and every field's Check passed; it returns whether the dialog
	// may close (false keeps it open, e.g. while a background save runs or after SetFieldError).
	OnSubmit func() bool
	// OnCancel runs when the seller cancels (취소, Esc).
	OnCancel func()
	// Consequence returns what confirming will do, computed from the fields (e.g. "환불 금액: 45,000원");
	// recomputed on every change. Optional.
	Consequence func() string
	// MinWidth is the body's least width; 480 unless set before Show.
	MinWidth float32

	win      fyne.Window
	title    string
	intro    *widget.Label
	fields   []*FormField
	extra    []fyne.CanvasObject
	conseq   *widget.Label
	problem  *ErrorLine
	confirm  *widget.Button
	cancel   *widget.Button
	dlg      *dialog.CustomDialog
	content  *fyne.Container // the body, once Show built it
	size     fyne.Size       // the dialog's size as last set
	prevKey  func(*fyne.KeyEvent)
	shown    bool
	busy     bool
	disabled bool
}

// NewFormDialog makes a form dialog on win with its title and the texts of its two buttons.
func NewFormDialog(win fyne.Window, title, confirm, dismiss string) *FormDialog {
	d := &FormDialog{win: win, title: title, MinWidth: 480}
	d.confirm = &widget.Button{Text: confirm, Importance: widget.HighImportance, OnTapped: d.Submit}
	d.cancel = &widget.Button{Text: dismiss, OnTapped: d.Cancel}
	d.conseq = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	d.conseq.Hide()
	d.problem = NewErrorLine()
	return d
}

// SetIntro sets the explanation shown above the fields (wrapped to the dialog's width).
func (d *FormDialog) SetIntro(text string) {
	if d.intro == nil {
		d.intro = &widget.Label{Wrapping: fyne.TextWrapWord}
	}
	d.intro.SetText(text)
}

// SetConfirmImportance sets the look of the confirm button (WarningImportance for what cannot be undone).
func (d *FormDialog) SetConfirmImportance(i widget.Importance) {
	d.confirm.Importance = i
	d.confirm.Refresh()
}

// AddField adds a labelled input; check (may be nil) returns the problem with its value.
func (d *FormDialog) AddField(label string, input fyne.CanvasObject, check func() string) *FormField {
	f := &FormField{Label: label, Widget: input, Check: check, msg: NewErrorLine()}
	d.fields = append(d.fields, f)
	d.watch(f)
	return f
}

// AddRow adds something that is not a field (a table of lines, a note) below the fields added so far.
func (d *FormDialog) AddRow(o fyne.CanvasObject) {
	d.fields = append(d.fields, &FormField{Widget: o})
}

// Fields lists the dialog's fields in order.
func (d *FormDialog) Fields() []*FormField { return d.fields }

// ConfirmButton is the dialog's confirm button (for tests and for enabling it by hand).
func (d *FormDialog) ConfirmButton() *widget.Button { return d.confirm }

// Dialog is the Fyne dialog underneath, once Show ran.
func (d *FormDialog) Dialog() *dialog.CustomDialog { return d.dlg }

// watch recomputes the consequence and re-checks f whenever its input changes, after the caller's own
// change handler.
func (d *FormDialog) watch(f *FormField) {
	changed := func() { d.fieldChanged(f) }
	switch w := f.Widget.(type) {
	case *Entry:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
		w.OnEscape = d.Cancel
		if !w.MultiLine && w.OnSubmitted == nil {
			w.OnSubmitted = func(string) { d.Submit() }
		}
	case *widget.Entry:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
		if !w.MultiLine && w.OnSubmitted == nil {
			w.OnSubmitted = func(string) { d.Submit() }
		}
	case *widget.Select:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
	case *Select:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
		w.OnEscape = d.Cancel
		if w.OnSubmit == nil {
			w.OnSubmit = d.Submit
		}
	case *widget.SelectEntry:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
	case *widget.Check:
		prev := w.OnChanged
		w.OnChanged = func(b bool) { call1(prev, b); changed() }
	case *widget.RadioGroup:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
	case *DateField:
		prev := w.OnChanged
		w.OnChanged = func(s string) { call1(prev, s); changed() }
		w.entry.OnEscape = d.Cancel
		w.entry.OnSubmitted = func(string) { d.Submit() }
	}
}

func call1[T any](f func(T), v T) {
	if f != nil {
		f(v)
	}
}

func (d *FormDialog) fieldChanged(f *FormField) {
	if f.msg.Text() != "" && f.Check != nil {
		f.msg.SetText(f.Check())
	}
	d.problem.SetText("")
	d.Changed()
}

// Refresh lays the shown form out again, e.g. after rows of its own (AddRow) changed their content.
func (d *FormDialog) Refresh() { d.relayout() }

// Changed recomputes the consequence line; call it when something the line depends on changed outside
// the fields (the fields call it themselves).
func (d *FormDialog) Changed() {
	if d.Consequence == nil {
		return
	}
	text := d.Consequence()
	if text == d.conseq.Text && (text == "") == !d.conseq.Visible() {
		return
	}
	d.conseq.SetText(text)
	if text == "" {
		d.conseq.Hide()
	} else {
		d.conseq.Show()
	}
	d.relayout()
}

// relayout lays the shown body out again after a line appeared, went or changed its number of lines (the
// consequence, a problem), and lets the dialog grow to its new minimum; within the window's limit the
// form's scroll gives up the room.
func (d *FormDialog) relayout() {
	if d.content == nil || !d.shown {
		return
	}
	d.content.Refresh()
	if d.size.IsZero() {
		return // not on the window yet: Show sizes it
	}
	if m := d.dlg.MinSize(); m.Width > d.size.Width+0.5 || m.Height > d.size.Height+0.5 {
		d.size = d.size.Max(m)
		d.dlg.Resize(d.size)
		// a dialog is centred when its overlay is laid out: grown, it would reach past the window's
		// bottom from where it stood, so the overlays lay out (and centre) again
		for _, o := range d.win.Canvas().Overlays().List() {
			o.Refresh()
		}
	}
}

// ConsequenceText is the consequence line as shown ("" when none).
func (d *FormDialog) ConsequenceText() string {
	if !d.conseq.Visible() {
		return ""
	}
	return d.conseq.Text
}

// SetFieldError shows msg under f (the input keeps what was typed) and puts the cursor there.
func (d *FormDialog) SetFieldError(f *FormField, msg string) {
	if f.msg.Text() != msg {
		f.msg.SetText(msg)
		d.relayout()
	}
	if msg != "" {
		d.focus(f.Widget)
	}
}

// SetProblem shows a problem that belongs to no one field above the buttons ("" clears it).
func (d *FormDialog) SetProblem(msg string) {
	if d.problem.Text() != msg {
		d.problem.SetText(msg)
		d.relayout()
	}
}

// Problem is the text of the dialog's general problem line.
func (d *FormDialog) Problem() string { return d.problem.Text() }

// Busy disables the buttons while a background save runs (true) and enables them again (false).
func (d *FormDialog) Busy(b bool) {
	d.busy = b
	d.updateConfirm()
	if b {
		d.cancel.Disable()
	} else {
		d.cancel.Enable()
	}
}

// SetConfirmEnabled enables or disables the confirm button (e.g. until a choice is made).
func (d *FormDialog) SetConfirmEnabled(ok bool) {
	d.disabled = !ok
	d.updateConfirm()
}

func (d *FormDialog) updateConfirm() {
	if d.busy || d.disabled {
		d.confirm.Disable()
	} else {
		d.confirm.Enable()
	}
}

// Submit checks every field, shows the problems at their fields, and when all pass runs OnSubmit; the
// dialog closes when OnSubmit says so.
func (d *FormDialog) Submit() {
	if d.busy || d.disabled || !d.shown {
		return
	}
	var first *FormField
	changed := false
	for _, f := range d.fields {
		if f.Check == nil {
			continue
		}
		msg := f.Check()
		changed = changed || f.msg.Text() != msg
		f.msg.SetText(msg)
		if msg != "" && first == nil {
			first = f
		}
	}
	if changed {
		d.relayout()
	}
	if first != nil {
		d.focus(first.Widget)
		return
	}
	if d.OnSubmit == nil || d.OnSubmit() {
		d.Hide()
	}
}

// Cancel closes the dialog without submitting.
func (d *FormDialog) Cancel() {
	if d.busy || !d.shown {
		return
	}
	d.Hide()
	if d.OnCancel != nil {
		d.OnCancel()
	}
}

// Hide closes the dialog.
func (d *FormDialog) Hide() {
	if !d.shown {
		return
	}
	d.shown = false
	d.win.Canvas().SetOnTypedKey(d.prevKey)
	d.dlg.Hide()
}

// Visible reports whether the dialog is showing.
func (d *FormDialog) Visible() bool { return d.shown }

func (d *FormDialog) focus(o fyne.CanvasObject) {
	if f, ok := o.(fyne.Focusable); ok {
		d.win.Canvas().Focus(f)
	} else if df, ok := o.(*DateField); ok {
		d.win.Canvas().Focus(df.entry)
	}
}

// Show builds and shows the dialog, the first field focused.
func (d *FormDialog) Show() {
	d.dlg = dialog.NewCustomWithoutButtons(d.title, d.body(), d.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	d.dlg.SetOnClosed(func() {
		if d.shown { // closed from outside (the dialog's own dismissal)
			d.shown = false
			d.win.Canvas().SetOnTypedKey(d.prevKey)
		}
	})
	d.prevKey = d.win.Canvas().OnTypedKey()
	d.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			d.Cancel()
		case fyne.KeyReturn, fyne.KeyEnter:
			d.Submit()
		default:
			call1(d.prevKey, k)
		}
	})
	d.shown = true
	d.Changed()
	d.dlg.Show()
	d.size = d.dlg.MinSize()
	for _, f := range d.fields {
		if f.Check != nil || isInput(f.Widget) {
			d.focus(f.Widget)
			break
		}
	}
}

func isInput(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *Entry, *widget.Entry, *DateField, *widget.SelectEntry, *Select:
		return true
	}
	return false
}

// body lays out the intro, the fields (label column, then input, hint and reserved problem line), the
// consequence and the general problem, at least MinWidth wide and never taller than the window allows.
func (d *FormDialog) body() fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, f := range d.fields {
		if f.Label == "" && f.Check == nil {
			rows = append(rows, layout.NewSpacer(), f.Widget)
			continue
		}
		cell := []fyne.CanvasObject{f.Widget}
		if f.Hint != "" {
			f.hint = NewHint(f.Hint)
			cell = append(cell, f.hint)
		}
		cell = append(cell, f.msg)
		label := &widget.Label{Text: f.Label, TextStyle: fyne.TextStyle{Bold: true}}
		rows = append(rows, label, container.NewVBox(cell...))
	}
	form := container.New(layout.NewFormLayout(), rows...)
	top := []fyne.CanvasObject{}
	if d.intro != nil {
		top = append(top, d.intro)
	}
	top = append(top, form)
	bottom := container.NewVBox(d.conseq, d.problem)
	d.content = container.New(&fitLayout{win: d.win, minWidth: &d.MinWidth, reserve: 170},
		container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(
			// the scroll bar is drawn over the content's right edge: keep the inputs clear of it
			container.NewBorder(nil, nil, nil, scrollBarRoom(), container.NewVBox(top...)))))
	return d.content
}

// fitLayout gives its one child at least minWidth and at most the window's size less reserve (the
// dialog's title, buttons and margins): a form dialog's body keeps its sentences readable and never pushes
// the dialog off a small window — the scroll inside takes the rest.
type fitLayout struct {
	win      fyne.Window
	minWidth *float32
	reserve  float32
}

func (l *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var want fyne.Size
	for _, o := range objs {
		want = want.Max(contentMin(o))
	}
	if want.Width < *l.minWidth {
		want.Width = *l.minWidth
	}
	c := l.win.Canvas().Size()
	if c.Width > 0 && want.Width > c.Width-80 {
		want.Width = c.Width - 80
	}
	if c.Height > 0 && want.Height > c.Height-l.reserve {
		want.Height = c.Height - l.reserve
	}
	return want
}

// contentMin is what o needs without its scrolling: a Border whose centre is a vertical scroll wants the
// scrolled content's full height.
func contentMin(o fyne.CanvasObject) fyne.Size {
	c, ok := o.(*fyne.Container)
	if !ok {
		return o.MinSize()
	}
	var h, w float32
	for _, child := range c.Objects {
		if !child.Visible() {
			continue
		}
		m := child.MinSize()
		if s, ok := child.(*container.Scroll); ok && s.Content != nil {
			m = s.Content.MinSize()
		}
		h += m.Height
		if m.Width > w {
			w = m.Width
		}
	}
	if n := visibleCount(c.Objects); n > 1 {
		h += theme.Padding() * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

func visibleCount(objs []fyne.CanvasObject) int {
	n := 0
	for _, o := range objs {
		if o.Visible() {
			n++
		}
	}
	return n
}

// scrollBarRoom is an empty strip as wide as a scroll bar, for the right edge of scrolled content.
func scrollBarRoom() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(theme.ScrollBarSize(), 0))
	return r
}
