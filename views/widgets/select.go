package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Select is a choice that answers Enter and Esc as a form's other inputs do: Fyne gives keys to the focused
// widget, and its Select ignores both, so a form whose cursor is on a choice could be neither submitted nor
// cancelled from the keyboard. In a FormDialog, Enter submits and Esc cancels.
type Select struct {
	widget.Select
	OnSubmit func()
	OnEscape func()
}

// NewSelect makes a Select of options with its placeholder (write it as what to choose: "카테고리를 고르세요").
func NewSelect(options []string, placeholder string, changed func(string)) *Select {
	s := &Select{}
	s.Options = options
	s.PlaceHolder = placeholder
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey submits on Enter, cancels on Esc, and otherwise moves through the choices as Fyne's Select does.
func (s *Select) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.OnSubmit != nil {
			s.OnSubmit()
			return
		}
	case fyne.KeyEscape:
		if s.OnEscape != nil {
			s.OnEscape()
			return
		}
	}
	s.Select.TypedKey(k)
}
