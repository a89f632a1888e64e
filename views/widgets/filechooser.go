package widgets

// File choosing behind a small interface, so that tests drive it.
//
// Usage (in views, through the shell: sh.chooseSave / sh.chooseOpen in views/dialogs.go):
//
//	var files widgets.FileChooser = widgets.NewFyneChooser(win)
//	files.Save(widgets.FileOptions{FileName: "발주서.pdf", Extensions: []string{".pdf"}},
//		func(path string, err error) {
//			if err != nil { showError(err); return }
//			if path == "" { return } // cancelled
//			… write the file at path …
//		})
//
// Tests give the shell a ScriptedChooser instead, which answers with the paths the test queued and
// records what was asked (title, file name, extensions).
//
// Why Fyne's own dialog, dressed in Korean, and not a native one: a native dialog (zenity, sqweek/dialog,
// GTK through cgo, the XDG portal) cannot be driven by Fyne's test driver, needs cgo/GTK or a helper program
// on Linux, and on Windows/macOS would open outside the window's theme. Fyne's dialog runs everywhere the
// window runs and in tests. Its texts go through lang (ko.json translates "Save", "Open", "Cancel", "New
// Folder", "Show Hidden Files" …) except the sidebar's place names ("Home", "Computer", "Desktop",
// "Documents", …: fyne dialog/file.go loadFavorites and file_unix.go getPlaces use them raw as labels) and
// the title, which it builds as verb + noun ("Save" + "File" → "저장 파일"). NewFyneChooser sets a Korean
// title ("파일 저장", "파일 열기"), confirm and dismiss texts, and relabels the sidebar through lang
// ("Home" → "홈", "Computer" → "컴퓨터") by wrapping the sidebar list's UpdateItem once the dialog shows.

import (
	"os"
	"path/filepath"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// FileOptions says what a file dialog asks for.
type FileOptions struct {
	Title      string   // "" is "파일 저장" or "파일 열기"
	FileName   string   // suggested name (save)
	Extensions []string // e.g. ".pdf"; empty: any file
	Dir        string   // folder to start in ("" is the last one used, else the home folder)
}

// FileChooser asks the seller for a file. chosen gets the path, "" with a nil error when the seller
// cancelled, or the error that stopped the dialog.
type FileChooser interface {
	Save(opts FileOptions, chosen func(path string, err error))
	Open(opts FileOptions, chosen func(path string, err error))
}

// FyneChooser is Fyne's file dialog over a window, in Korean (see the notes at the top of the file).
type FyneChooser struct {
	win     fyne.Window
	lastDir string
	// Shown is the dialog last opened (for tests of the chooser itself).
	Shown *dialog.FileDialog
}

// NewFyneChooser makes the chooser for win.
func NewFyneChooser(win fyne.Window) *FyneChooser { return &FyneChooser{win: win} }

// Save asks where to save a file. No file is left at the path: the caller writes it (atomically) there.
func (c *FyneChooser) Save(opts FileOptions, chosen func(string, error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			chosen("", err)
			return
		}
		path := savePath(w)
		c.lastDir = filepath.Dir(path)
		chosen(path, nil)
	}, c.win)
	if opts.Title == "" {
		opts.Title = lang.L("파일 저장")
	}
	d.SetConfirmText(lang.L("저장"))
	d.SetFileName(opts.FileName)
	c.show(d, opts)
}

// Open asks for a file to open.
func (c *FyneChooser) Open(opts FileOptions, chosen func(string, error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			chosen("", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		c.lastDir = filepath.Dir(path)
		chosen(path, nil)
	}, c.win)
	if opts.Title == "" {
		opts.Title = lang.L("파일 열기")
	}
	d.SetConfirmText(lang.L("열기"))
	c.show(d, opts)
}

func (c *FyneChooser) show(d *dialog.FileDialog, opts FileOptions) {
	d.SetTitleText(opts.Title)
	d.SetDismissText(lang.L("취소"))
	if len(opts.Extensions) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(withUpper(opts.Extensions)))
	}
	dir := opts.Dir
	if dir == "" {
		dir = c.lastDir
	}
	if dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
			}
		}
	}
	c.Shown = d
	d.Show()
	// as large as is comfortable, never larger than the window (a 1093×570 window keeps its margins)
	size := fyne.NewSize(900, 600)
	if cs := c.win.Canvas().Size(); cs.Width > 0 {
		size = size.Min(cs.Subtract(fyne.NewSize(40, 40)))
	}
	d.Resize(size)
	// the overlay centres its popup when laid out: once more after the popup grew, or it hangs off the
	// window's right and bottom edges
	if top := c.win.Canvas().Overlays().Top(); top != nil {
		top.Refresh()
	}
	c.translateSidebar()
}

// savePath closes the file Fyne's save dialog opened for writing (empty by now, after its own overwrite
// question) and takes the empty file away, so a save the seller then cancels, or that fails, leaves
// nothing behind; it returns the file's path.
func savePath(w fyne.URIWriteCloser) string {
	path := w.URI().Path()
	w.Close()
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		_ = os.Remove(path)
	}
	return path
}

// withUpper adds the upper-case form of each extension (".pdf" also matches "SCAN.PDF").
func withUpper(exts []string) []string {
	out := append([]string(nil), exts...)
	seen := map[string]bool{}
	for _, e := range exts {
		seen[e] = true
	}
	for _, e := range exts {
		u := upperASCII(e)
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// translateSidebar finds the file dialog's place list (the leading side of its split) in the top overlay
// and makes its rows show their names through lang.
func (c *FyneChooser) translateSidebar() {
	top := c.win.Canvas().Overlays().Top()
	list := findSidebar(top)
	if list == nil {
		return
	}
	update := list.UpdateItem
	list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		update(id, o)
		if row, ok := o.(*fyne.Container); ok && len(row.Objects) > 1 {
			if l, ok := row.Objects[1].(*widget.Label); ok {
				l.SetText(lang.L(l.Text))
			}
		}
	}
	list.Refresh()
}

func findSidebar(o fyne.CanvasObject) *widget.List {
	switch x := o.(type) {
	case *widget.PopUp:
		return findSidebar(x.Content)
	case *container.Split:
		if l, ok := x.Leading.(*widget.List); ok {
			return l
		}
		if l := findSidebar(x.Leading); l != nil {
			return l
		}
		return findSidebar(x.Trailing)
	case *fyne.Container:
		for _, child := range x.Objects {
			if l := findSidebar(child); l != nil {
				return l
			}
		}
	default:
		if c := overlayContent(o); c != nil {
			return findSidebar(c)
		}
	}
	return nil
}

// overlayContent is what an overlay holds: a canvas's overlays are wrappers (Fyne's internal
// OverlayContainer) whose exported Content is the popup.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}

// ScriptedChooser is a FileChooser for tests: each Save or Open takes the next queued answer ("" is a
// cancel) and records what was asked.
type ScriptedChooser struct {
	Answers []string
	Asked   []FileOptions
	Saves   int
	Opens   int
}

// Save answers with the next queued path.
func (s *ScriptedChooser) Save(opts FileOptions, chosen func(string, error)) {
	s.Saves++
	s.answer(opts, chosen)
}

// Open answers with the next queued path.
func (s *ScriptedChooser) Open(opts FileOptions, chosen func(string, error)) {
	s.Opens++
	s.answer(opts, chosen)
}

func (s *ScriptedChooser) answer(opts FileOptions, chosen func(string, error)) {
	s.Asked = append(s.Asked, opts)
	path := ""
	if len(s.Answers) > 0 {
		path, s.Answers = s.Answers[0], s.Answers[1:]
	}
	chosen(path, nil)
}
