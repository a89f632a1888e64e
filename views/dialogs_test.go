package views

import (
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/widget"

	"sellerdesk/views/widgets"
)

// TestSaveConfirmationOffersOpenAndFolder: a saved PDF or spreadsheet is confirmed with 열기 and 폴더 열기;
// when the system viewer cannot start, the dialog says so and both buttons stay.
func TestSaveConfirmationOffersOpenAndFolder(t *testing.T) {
	for _, kind := range []savedKind{savedPDF, savedSheet} {
		sh, w := openShell(t)
		dir := t.TempDir()
		path := filepath.Join(dir, "발주서.pdf")
		if kind == savedSheet {
			path = filepath.Join(dir, "직배송.xlsx")
		}
		var opened []string
		sh.openURL = func(u *url.URL) error {
			opened = append(opened, u.Path)
			return errors.New("no viewer")
		}
		sh.files = &widgets.ScriptedChooser{Answers: []string{path}}
		sh.saveFile(kind, "발주서 PDF", "만드는 중…", filepath.Base(path), func(_ context.Context, out io.Writer) error {
			_, err := out.Write([]byte("content"))
			return err
		})
		sh.waitJobs()
		if b, err := os.ReadFile(path); err != nil || string(b) != "content" {
			t.Fatalf("saved %q, %v", b, err)
		}
		c := w.Canvas()
		open := button(t, c, "열기")
		button(t, c, "폴더 열기")
		open.OnTapped()
		if len(opened) != 1 || opened[0] != path {
			t.Errorf("열기 opened %v", opened)
		}
		if !hasLabel(c, "이 파일을 열 프로그램을 시작하지 못했습니다. 폴더 열기로 파일을 찾아 직접 여세요.") {
			t.Errorf("no word that the viewer did not start: %q", visibleTexts(c))
		}
		folder := button(t, c, "폴더 열기") // still there
		sh.openURL = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
		folder.OnTapped()
		if got := opened[len(opened)-1]; got != dir {
			t.Errorf("폴더 열기 opened %q, want %q", got, dir)
		}
	}
}

// TestSaveCancelledWritesNothing: cancelling the file dialog neither writes nor confirms.
func TestSaveCancelledWritesNothing(t *testing.T) {
	sh, w := openShell(t)
	chooser := &widgets.ScriptedChooser{Answers: []string{""}}
	sh.files = chooser
	made := false
	sh.saveFile(savedPDF, "반품 라벨", "…", "RT-1.pdf", func(context.Context, io.Writer) error { made = true; return nil })
	sh.waitJobs()
	if made || chooser.Saves != 1 || chooser.Asked[0].FileName != "RT-1.pdf" || chooser.Asked[0].Extensions[0] != ".pdf" {
		t.Errorf("made %v, asked %+v", made, chooser.Asked)
	}
	for _, o := range everything(w.Canvas()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "폴더 열기" {
			t.Error("a confirmation after a cancel")
		}
	}
}

// TestToastOverContent: a success shows as a toast over the screen.
func TestToastOverContent(t *testing.T) {
	sh, w := openShell(t)
	sh.toast("상품 3개를 수정했습니다.")
	if !hasLabel(w.Canvas(), "상품 3개를 수정했습니다.") || sh.toaster.Text() != "상품 3개를 수정했습니다." {
		t.Errorf("no toast: %q", visibleTexts(w.Canvas()))
	}
}

// TestSelectPlaceholderKorean: a choice not made yet reads 선택하세요, not Fyne's "(Select one)".
func TestSelectPlaceholderKorean(t *testing.T) {
	_, w := openShell(t)
	s := newSelect([]string{"CJ대한통운", "우체국택배"}, nil)
	w.SetContent(s)
	if got := s.PlaceHolder; got != "선택하세요" {
		t.Errorf("placeholder %q", got)
	}
	for _, o := range everything(w.Canvas()) {
		if rt, ok := o.(*widget.RichText); ok && rt.String() == "(Select one)" {
			t.Error("the select shows (Select one)")
		}
	}
	if got := newSelect(nil, nil, "택배사 고르기").PlaceHolder; got != "택배사 고르기" {
		t.Errorf("own placeholder %q", got)
	}
}
