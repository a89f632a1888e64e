package views

// polish-screens-2 (#14): what a seller meets on a new store and in the remaining dialogs.

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// selectsSpeakKorean fails for every drop-down on c that would show Fyne's English "(Select one)" when
// nothing is picked.
func selectsSpeakKorean(t *testing.T, where string, c fyne.Canvas) int {
	t.Helper()
	n := 0
	for _, o := range everything(c) {
		if s, ok := o.(*widget.Select); ok {
			n++
			if s.PlaceHolder == "" || s.PlaceHolder == "(Select one)" {
				t.Errorf("%s: a drop-down (%v) shows Fyne's \"(Select one)\"", where, s.Options)
			}
		}
	}
	return n
}

func TestSelectsSayChooseInKorean(t *testing.T) {
	sh, s := openArea[*productsScreen](t, "상품")
	c := sh.win.Canvas()
	if selectsSpeakKorean(t, "상품", c) == 0 {
		t.Fatal("the products screen shows no drop-down")
	}
	s.createNew()
	sh.waitJobs()
	if selectsSpeakKorean(t, "새 상품", c) == 0 {
		t.Fatal("the product form shows no drop-down")
	}

	sh2, o := openArea[*ordersScreen](t, "주문")
	o.onManualOrder()
	sh2.waitJobs()
	if selectsSpeakKorean(t, "주문/수동 주문", sh2.win.Canvas()) == 0 {
		t.Fatal("the manual order shows no drop-down")
	}

	sh3, _ := openArea[*returnsScreen](t, "반품·교환")
	selectsSpeakKorean(t, "반품·교환", sh3.win.Canvas())
	sh4, _ := openArea[*poScreen](t, "발주")
	selectsSpeakKorean(t, "발주", sh4.win.Canvas())
}
