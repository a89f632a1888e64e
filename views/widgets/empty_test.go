package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestEmptyStateSaysWhatToDo(t *testing.T) {
	test.NewTempApp(t)
	imported := false
	e := NewEmptyState(theme.StorageIcon(), "아직 상품이 없습니다", "상품 파일을 가져오거나 새 상품을 등록하세요.",
		&widget.Button{Text: "가져오기", OnTapped: func() { imported = true }})
	w := test.NewTempWindow(t, container.NewStack(widget.NewLabel("table"), e))
	w.Resize(fyne.NewSize(900, 600))
	if e.Visible() {
		t.Fatal("shown before the list said it is empty")
	}
	e.SetShown(true)
	if e.Text.Size().Width < 400 {
		t.Errorf("the explanation wraps in %v px", e.Text.Size().Width)
	}
	test.Tap(e.Actions[0])
	if !imported {
		t.Error("the action did nothing")
	}
}
