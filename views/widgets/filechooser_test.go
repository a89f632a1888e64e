package widgets

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walk lists the objects under o the way the seller sees them, popups included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

func TestFyneChooserIsKorean(t *testing.T) {
	test.NewTempApp(t)
	if err := lang.AddTranslationsForLocale([]byte(`{"Home": "홈", "Computer": "컴퓨터", "파일 저장": "파일 저장"}`), "en"); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1093, 570))
	dir := t.TempDir()
	c := NewFyneChooser(w)
	c.Save(FileOptions{FileName: "발주서.pdf", Extensions: []string{".pdf"}, Dir: dir}, func(string, error) {})
	var texts []string
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	has := func(s string) bool {
		for _, t := range texts {
			if t == s {
				return true
			}
		}
		return false
	}
	if !has("파일 저장") {
		t.Errorf("title not 파일 저장: %q", texts)
	}
	if !has("홈") || has("Home") {
		t.Errorf("sidebar not translated: %q", texts)
	}
	if has("Computer") {
		t.Errorf("Computer left in English: %q", texts)
	}
	top := overlayContent(w.Canvas().Overlays().Top()).(*widget.PopUp)
	if p, s := top.Position().Add(top.Content.Position()), top.Content.Size(); p.X < 0 || p.Y < 0 || p.X+s.Width > 1093 || p.Y+s.Height > 570 {
		t.Errorf("file dialog at %v, %v, is not inside the 1093×570 window", p, s)
	}
}

func TestFyneChooserSaveLeavesNoEmptyFile(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "a.pdf")
	w, err := storage.Writer(storage.NewFileURI(path)) // what Fyne's save dialog hands over
	if err != nil {
		t.Fatal(err)
	}
	if got := savePath(w); got != path {
		t.Errorf("path %q, want %q", got, path)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an empty file is left at the chosen path: %v", err)
	}
	if got := withUpper([]string{".pdf", ".xlsx"}); len(got) != 4 || got[2] != ".PDF" {
		t.Errorf("withUpper %v", got)
	}
}

func TestScriptedChooser(t *testing.T) {
	s := &ScriptedChooser{Answers: []string{"/tmp/x.pdf", ""}}
	var got []string
	s.Save(FileOptions{FileName: "x.pdf"}, func(p string, err error) { got = append(got, p) })
	s.Open(FileOptions{}, func(p string, err error) { got = append(got, p) })
	if len(got) != 2 || got[0] != "/tmp/x.pdf" || got[1] != "" || s.Saves != 1 || s.Opens != 1 || s.Asked[0].FileName != "x.pdf" {
		t.Errorf("scripted answers %q, asked %+v", got, s.Asked)
	}
}
