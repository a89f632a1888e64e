package widgets

// The pieces a form dialog's fields are made of, usable on their own too: the reserved problem line, the
// quiet hint under an input, and an entry that hears Esc.

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ErrorLine is a field's problem in red, one line always reserved for it, so the form does not jump as
// problems come and go.
type ErrorLine struct {
	widget.BaseWidget
	label *widget.Label
}

// NewErrorLine makes an empty problem line.
func NewErrorLine() *ErrorLine {
	e := &ErrorLine{label: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord,
		SizeName: theme.SizeNameCaptionText}}
	// extended now: a label laid out before it was ever measured (an empty problem line) would get its
	// renderer, and its text a zero size, only when first measured, at the size it already has — the
	// problem then drew nothing
	e.label.ExtendBaseWidget(e.label)
	e.ExtendBaseWidget(e)
	return e
}

// SetText shows msg ("" leaves the line empty but keeps its height).
func (e *ErrorLine) SetText(msg string) {
	if e.label.Text == msg {
		return
	}
	e.label.SetText(msg)
	e.Refresh()
}

// Text is the problem shown ("" when none).
func (e *ErrorLine) Text() string { return e.label.Text }

// CreateRenderer draws the label over a spacer one caption line high.
func (e *ErrorLine) CreateRenderer() fyne.WidgetRenderer {
	spacer := canvas.NewRectangle(color.Transparent)
	return &errorLineRenderer{e: e, spacer: spacer, objs: []fyne.CanvasObject{spacer, e.label}}
}

type errorLineRenderer struct {
	e      *ErrorLine
	spacer *canvas.Rectangle
	objs   []fyne.CanvasObject
}

func (r *errorLineRenderer) Layout(s fyne.Size) {
	r.e.label.Move(fyne.NewPos(0, 0))
	r.e.label.Resize(s)
	r.spacer.Resize(s)
}

func (r *errorLineRenderer) MinSize() fyne.Size {
	probe := &widget.Label{Text: "가", SizeName: theme.SizeNameCaptionText}
	m := fyne.NewSize(0, probe.MinSize().Height)
	if r.e.label.Text != "" {
		m = m.Max(r.e.label.MinSize())
	}
	return m
}

func (r *errorLineRenderer) Refresh()                     { r.e.label.Refresh() }
func (r *errorLineRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *errorLineRenderer) Destroy()                     {}

// NewHint is quiet explanatory text under an input: caption size, wrapped, in the theme's hint colour
// (which the seller theme keeps at WCAG AA contrast).
func NewHint(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText,
		Importance: widget.LowImportance}
}

// Entry is a text entry that tells its dialog when Esc is pressed in it (Fyne gives the key to the focused
// entry, which ignores it), so Esc cancels a form wherever the cursor is.
type Entry struct {
	widget.Entry
	OnEscape func()
}

// NewEntry makes a single-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewEntryWithPlaceholder makes a single-line Entry showing placeholder (write it as an example:
// "예: 19,800", so it never reads as a typed value).
func NewEntryWithPlaceholder(placeholder string) *Entry {
	e := NewEntry()
	e.PlaceHolder = placeholder
	return e
}

// TypedKey cancels on Esc and otherwise types as an entry does.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}
