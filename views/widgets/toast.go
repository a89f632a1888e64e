package widgets

// Toaster: a short success message (snackbar) at the bottom of the window that goes away by itself.
//
// Usage: the shell stacks one layer over its content once —
//
//	toaster := widgets.NewToaster(func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) })
//	win.SetContent(container.NewStack(content, toaster))
//
// — and a screen says what it did: sh.toast(lang.L("상품 3개를 수정했습니다.")) (views/dialogs.go). The toast
// takes no clicks (what is under it stays clickable), follows the theme, and a newer toast replaces an
// older one. The schedule func decides when it hides; nil keeps it until the next (tests).

import (
	"image/color"

	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ToastDuration is how long a toast stays.
const ToastDuration = 4 * time.Second

// Toaster is a layer, as large as the window's content, that shows toasts at its bottom centre.
type Toaster struct {
	widget.BaseWidget
	schedule func(time.Duration, func())
	label    *widget.Label
	icon     *widget.Icon
	bg       *canvas.Rectangle
	gen      int
	showing  bool
}

// NewToaster makes the layer; schedule runs f after d on the UI goroutine (nil: toasts stay).
func NewToaster(schedule func(time.Duration, func())) *Toaster {
	t := &Toaster{schedule: schedule,
		label: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		icon:  widget.NewIcon(theme.ConfirmIcon()),
		bg:    canvas.NewRectangle(color.Transparent)}
	t.ExtendBaseWidget(t)
	return t
}

// Toast shows msg as a toast, replacing the one shown.
func (t *Toaster) Toast(msg string) {
	t.gen++
	gen := t.gen
	t.label.SetText(msg)
	t.showing = true
	t.Refresh()
	if t.schedule != nil {
		t.schedule(ToastDuration, func() {
			if t.gen == gen {
				t.Dismiss()
			}
		})
	}
}

// Dismiss hides the toast shown.
func (t *Toaster) Dismiss() {
	t.showing = false
	t.Refresh()
}

// Text is the toast shown ("" when none).
func (t *Toaster) Text() string {
	if !t.showing {
		return ""
	}
	return t.label.Text
}

// CreateRenderer draws the bubble at the bottom centre.
func (t *Toaster) CreateRenderer() fyne.WidgetRenderer {
	r := &toastRenderer{t: t, objs: []fyne.CanvasObject{t.bg, t.icon, t.label}}
	r.Refresh()
	return r
}

type toastRenderer struct {
	t    *Toaster
	objs []fyne.CanvasObject
}

func (r *toastRenderer) Layout(size fyne.Size) {
	pad := theme.InnerPadding()
	lm := r.t.label.MinSize()
	if max := size.Width - 80; lm.Width > max && max > 0 {
		lm.Width = max
	}
	is := fyne.NewSquareSize(theme.IconInlineSize())
	w := pad + is.Width + lm.Width + pad
	h := fyne.Max(lm.Height, is.Height) + pad
	x := (size.Width - w) / 2
	y := size.Height - h - 3*pad
	r.t.bg.Move(fyne.NewPos(x, y))
	r.t.bg.Resize(fyne.NewSize(w, h))
	r.t.icon.Move(fyne.NewPos(x+pad, y+(h-is.Height)/2))
	r.t.icon.Resize(is)
	r.t.label.Move(fyne.NewPos(x+pad+is.Width, y+(h-lm.Height)/2))
	r.t.label.Resize(lm)
}

func (r *toastRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *toastRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := r.t.Theme()
	r.t.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.t.bg.StrokeColor = th.Color(theme.ColorNameSuccess, v)
	r.t.bg.StrokeWidth = 2
	r.t.bg.CornerRadius = theme.InputRadiusSize()
	for _, o := range r.objs {
		if r.t.showing {
			o.Show()
		} else {
			o.Hide()
		}
	}
	r.t.bg.Refresh()
	r.t.label.Refresh()
	r.Layout(r.t.Size())
}

func (r *toastRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *toastRenderer) Destroy()                     {}
