package widgets

// EmptyState: what an empty list says on a new store — what the list is for and what to do first.
//
// Usage: stack it over the list and show it when the list has no rows —
//
//	empty := widgets.NewEmptyState(theme.StorageIcon(), lang.L("아직 상품이 없습니다"),
//		lang.L("스마트스토어 상품 파일을 가져오거나 새 상품을 등록하세요. 둘러보려면 데모 데이터를 불러오세요."),
//		&widget.Button{Text: lang.L("가져오기"), OnTapped: s.onImport},
//		&widget.Button{Text: lang.L("새 상품"), Importance: widget.HighImportance, OnTapped: s.createNew})
//	body := container.NewStack(table, empty)
//	empty.SetShown(count == 0 && query == "")   // a search that finds nothing is not an empty store
//
// The first action given is the first thing to do; the block is centred and wraps to a readable width.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// EmptyState is a centred block: icon, title, what to do, buttons.
type EmptyState struct {
	widget.BaseWidget
	Title   *widget.Label
	Text    *widget.Label
	Actions []*widget.Button
	icon    fyne.Resource
}

// NewEmptyState makes an empty state; it starts hidden (SetShown(true) shows it).
func NewEmptyState(icon fyne.Resource, title, text string, actions ...*widget.Button) *EmptyState {
	e := &EmptyState{icon: icon, Actions: actions,
		Title: &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter,
			SizeName: theme.SizeNameSubHeadingText},
		Text: &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}}
	e.ExtendBaseWidget(e)
	e.Hide()
	return e
}

// SetShown shows or hides the block.
func (e *EmptyState) SetShown(show bool) {
	if show {
		e.Show()
	} else {
		e.Hide()
	}
}

// CreateRenderer centres the block, at most 520 px wide.
func (e *EmptyState) CreateRenderer() fyne.WidgetRenderer {
	buttons := container.NewHBox(layout.NewSpacer())
	for _, b := range e.Actions {
		buttons.Add(b)
	}
	buttons.Add(layout.NewSpacer())
	items := []fyne.CanvasObject{}
	if e.icon != nil {
		icon := widget.NewIcon(e.icon)
		items = append(items, container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(48), icon)))
	}
	items = append(items, e.Title, e.Text, buttons)
	block := container.New(&minWidthBox{width: 520}, container.NewVBox(items...))
	return widget.NewSimpleRenderer(container.NewCenter(block))
}

// minWidthBox gives its content a fixed width (narrower when the space is), so wrapped text centres well.
type minWidthBox struct{ width float32 }

func (l *minWidthBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidthBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(0, 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	if m.Width < l.width {
		m.Width = l.width
	}
	return m
}
