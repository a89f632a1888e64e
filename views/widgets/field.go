package widgets

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// NewField builds a field. check returns the Korean problem with a value, or "" when it is fine.
func NewField(name, label, placeholder string, check func(string) string) *Field {
	f := &Field{
		Name:    name,
		Label:   &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}},
		Entry:   &widget.Entry{PlaceHolder: placeholder},
		Message: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord},
		check:   check,
	}
	f.Entry.ExtendBaseWidget(f.Entry)
	f.Message.Hide()
	f.Entry.Validator = func(s string) error {
		if f.check == nil {
			return nil
		}
		if msg := f.check(s); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
	f.Entry.OnChanged = func(string) { f.Validate() }
	return f
}

// Validate runs the field's check and shows or clears its message; it reports whether the value is fine.
func (f *Field) Validate() bool {
	err := f.Entry.Validate()
	if err != nil {
		f.ShowMessage(err.Error())
		return false
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

// Object lays the field out: label on the left, input and message stacked on the right.
func (f *Field) Object() fyne.CanvasObject {
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, f.Label.MinSize().Height), f.Label), nil,
		container.NewVBox(f.Entry, f.Message))
}
