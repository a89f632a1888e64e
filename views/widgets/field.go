package widgets

import (
	"image/color"

	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Field is a labelled text input whose problem, if any, shows in red right under it — from the check
// while typing or from the service after 저장.
type Field struct {
	Name    string // the service's field name, to route its messages here
	Label   *widget.Label
	Entry   *widget.Entry
	Message *widget.Label
	check   func(string) string
}

// NewField builds a field. check returns the Korean problem with a value, or "" when it is fine. A
// placeholder that looks like a value (19,800 · 010-1234-5678 · shop@example.com) is shown as an example,
// "예: 19,800", so it never reads as typed next to a "must be above 0" problem.
func NewField(name, label, placeholder string, check func(string) string) *Field {
	f := &Field{
		Name:    name,
		Label:   &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}},
		Entry:   &widget.Entry{PlaceHolder: AsExample(placeholder)},
		Message: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		check:   check,
	}
	f.Entry.ExtendBaseWidget(f.Entry)
	f.Message.Hide()
	f.Entry.OnChanged = func(string) { f.Validate() }
	return f
}

// Validate runs the field's check and shows or clears its message; it reports whether the value is fine.
// The entry itself carries no Fyne validator: its ✓/! icon judged the text on its own terms (a ✓ beside
// "12" while the message under it says the number is short); the message is the one verdict.
func (f *Field) Validate() bool {
	if f.check != nil {
		if msg := f.check(f.Entry.Text); msg != "" {
			f.ShowMessage(msg)
			return false
		}
	}
	f.ShowMessage("")
	return true
}

// ShowMessage shows msg under the input, or hides the message when msg is "".
func (f *Field) ShowMessage(msg string) {
	f.Message.SetText(msg)
	if msg == "" {
		f.Message.Hide()
	} else {
		f.Message.Show()
	}
}

// Object lays the field out: label on the left, input and message stacked on the right. One line is kept
// for the message even when there is none, so the fields below do not jump as problems come and go.
func (f *Field) Object() fyne.CanvasObject {
	line := (&widget.Label{Text: "가", Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}).MinSize().Height
	reserve := canvas.NewRectangle(color.Transparent)
	reserve.SetMinSize(fyne.NewSize(0, line))
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, f.Label.MinSize().Height), f.Label), nil,
		container.NewVBox(f.Entry, container.NewStack(reserve, f.Message)))
}

// AsExample writes a placeholder that looks like a typed value (it has a digit or an @, or no Hangul at
// all) as an example: "19,800" → "예: 19,800". A placeholder already an example, or a description
// ("반품 상품을 받을 주소"), is kept.
func AsExample(placeholder string) string {
	p := strings.TrimSpace(placeholder)
	if p == "" || strings.HasPrefix(p, "예") || strings.HasPrefix(strings.ToLower(p), "e.g") {
		return placeholder
	}
	valueLike := strings.ContainsAny(p, "0123456789@")
	hangul := strings.IndexFunc(p, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0
	if !valueLike && hangul {
		return placeholder
	}
	return lang.L("예: {{.Example}}", map[string]any{"Example": p})
}
