package views

// The shell's dialog helpers, for every screen (polish-infra owns this file; screens call, never copy).
//
//	sh.toast(lang.L("상품 3개를 수정했습니다."))          // success: a toast at the bottom, goes by itself
//	d := sh.formDialog(lang.L("수거 시작"), lang.L("수거 시작"))  // widgets.FormDialog on the window
//	sh.chooseSave(widgets.FileOptions{FileName: "발주서.pdf", Extensions: []string{".pdf"}}, func(path string) {…})
//	sh.chooseOpen(widgets.FileOptions{Extensions: []string{".xlsx", ".csv"}}, func(path string) {…})
//	sh.saveFile(savedPDF, lang.L("반품 라벨"), lang.L("반품 라벨을 만드는 중입니다…"), "RT-1.pdf",
//		func(ctx context.Context, w io.Writer) error { … })  // ask, make behind 취소, write atomically, confirm
//	sh.showSaved(savedSheet, lang.L("직배송 시트"), path, lang.L("3건을 저장했습니다."))  // after a save of your own
//	sh.showEmpty(…) / newEmptyState(…)                   // see views/empty.go
//
// chooseSave/chooseOpen go through sh.files (a widgets.FileChooser: Fyne's dialog in Korean in the app, a
// widgets.ScriptedChooser in tests: sh.files = &widgets.ScriptedChooser{Answers: []string{path}}). A
// save confirmation always offers 열기 and 폴더 열기, for PDFs and spreadsheets alike; when the system
// viewer cannot start, it says so in the dialog and both buttons stay.

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/atomicfile"
	"sellerdesk/views/widgets"
)

// toast tells the seller, quietly, that something worked; safe from any goroutine.
func (sh *shell) toast(msg string) {
	fyne.Do(func() { sh.toaster.Toast(msg) })
}

// formDialog starts a form dialog on the window with 취소 as its dismiss button (see widgets.FormDialog).
func (sh *shell) formDialog(title, confirm string) *widgets.FormDialog {
	return widgets.NewFormDialog(sh.win, title, confirm, lang.L("취소"))
}

// chooseSave asks where to save a file and calls save with the path; nothing happens on cancel, and a
// failure of the dialog is shown.
func (sh *shell) chooseSave(opts widgets.FileOptions, save func(path string)) {
	sh.files.Save(opts, func(path string, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		if path != "" {
			save(path)
		}
	})
}

// chooseOpen asks for a file to open and calls open with its path; nothing happens on cancel.
func (sh *shell) chooseOpen(opts widgets.FileOptions, open func(path string)) {
	sh.files.Open(opts, func(path string, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		if path != "" {
			open(path)
		}
	})
}

// savedKind is what a saved file is, for the confirmation's wording.
type savedKind int

const (
	savedPDF savedKind = iota
	savedSheet
	savedFile
)

// saveFile asks where to save name, makes it with write behind the progress dialog with 취소 (title and
// message name what is made), writes it there atomically (a 취소 or a failure leaves no file) and confirms
// with 열기 and 폴더 열기. done (may be nil) runs after it was saved, with the path.
func (sh *shell) saveFile(kind savedKind, title, message, name string, write func(context.Context, io.Writer) error, done ...func(path string)) {
	exts := []string{filepath.Ext(name)}
	if exts[0] == "" {
		exts = nil
	}
	sh.chooseSave(widgets.FileOptions{FileName: name, Extensions: exts}, func(path string) {
		working(sh, title, message, func(ctx context.Context) (struct{}, error) {
			var buf bytes.Buffer
			if err := write(ctx, &buf); err != nil {
				return struct{}{}, err
			}
			if err := ctx.Err(); err != nil {
				return struct{}{}, err
			}
			return struct{}{}, atomicfile.WriteFile(path, buf.Bytes())
		}, func(struct{}) {
			sh.showSaved(kind, title, path, "")
			for _, f := range done {
				f(path)
			}
		})
	})
}

// savedDialog is the confirmation after a file was saved: what and where, with 열기 and 폴더 열기.
type savedDialog struct {
	sh      *shell
	path    string
	dlg     *dialog.CustomDialog
	problem *widgets.ErrorLine
	open    *widget.Button
	folder  *widget.Button
}

// showSaved confirms a saved file at path; message ("" for the usual sentence) says what was saved. It
// opens nothing by itself: the seller chooses 열기 (the system viewer: a PDF to print, a spreadsheet) or
// 폴더 열기.
func (sh *shell) showSaved(kind savedKind, title, path, message string) *savedDialog {
	if message == "" {
		switch kind {
		case savedPDF:
			message = lang.L("PDF 파일을 저장했습니다.")
		case savedSheet:
			message = lang.L("엑셀 파일을 저장했습니다.")
		default:
			message = lang.L("파일을 저장했습니다.")
		}
	}
	d := &savedDialog{sh: sh, path: path, problem: widgets.NewErrorLine()}
	where := &widget.Label{Text: path, Wrapping: fyne.TextWrapBreak, Selectable: true}
	d.open = &widget.Button{Text: lang.L("열기"), Icon: theme.FileIcon(), Importance: widget.HighImportance, OnTapped: d.onOpen}
	d.folder = &widget.Button{Text: lang.L("폴더 열기"), Icon: theme.FolderOpenIcon(), OnTapped: d.onFolder}
	closeBtn := &widget.Button{Text: lang.L("닫기"), OnTapped: func() { d.dlg.Hide() }}
	body := container.NewVBox(
		&widget.Label{Text: message, Wrapping: fyne.TextWrapWord},
		widget.NewSeparator(),
		where,
		d.problem,
	)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.New(&minWidthLayout{width: 480}, body), sh.win)
	d.dlg.SetButtons([]fyne.CanvasObject{closeBtn, d.folder, d.open})
	d.dlg.Show()
	sh.win.Canvas().Focus(d.open)
	return d
}

func (d *savedDialog) onOpen() {
	if err := d.sh.openPath(d.path); err != nil {
		d.sh.desk.Log.Warn("open saved file", "path", d.path, "err", err)
		d.problem.SetText(lang.L("이 파일을 열 프로그램을 시작하지 못했습니다. 폴더 열기로 파일을 찾아 직접 여세요."))
		return
	}
	d.dlg.Hide()
}

func (d *savedDialog) onFolder() {
	if err := d.sh.openPath(filepath.Dir(d.path)); err != nil {
		d.sh.desk.Log.Warn("open folder", "path", d.path, "err", err)
		d.problem.SetText(lang.L("폴더를 열지 못했습니다. 위의 위치를 복사해 파일 탐색기에서 여세요."))
		return
	}
	d.dlg.Hide()
}

// openPath opens a file or a folder with the system's program for it.
func (sh *shell) openPath(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return sh.openURL(u)
}

// minWidthLayout lays its objects over each other, at least width wide: a dialog's wrapped sentences then
// read as lines instead of a column of syllables.
type minWidthLayout struct{ width float32 }

func (l *minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	return m
}

// newSelect is widget.NewSelect with a Korean placeholder: Fyne's own, "(Select one)", is a constant that
// does not go through the translations. placeholder "" is "선택하세요".
func newSelect(options []string, changed func(string), placeholder ...string) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("선택하세요")
	if len(placeholder) > 0 && placeholder[0] != "" {
		s.PlaceHolder = placeholder[0]
	}
	return s
}

// submitForm runs a form dialog's write off the window with its buttons disabled. A refusal stays in the
// form: a message about one of fields (the service's field name → its row) under that row, anything else
// above the buttons, the seller's input kept; once the write is accepted the form closes and done runs.
func submitForm[T any](sh *shell, d *widgets.FormDialog, fields map[string]*widgets.FormField,
	write func(context.Context) (T, error), done func(T)) {
	d.Busy(true)
	background(sh, write, func(v T, err error) {
		d.Busy(false)
		if err != nil {
			shown := false
			for name, row := range fields {
				if m := fieldText(err, name); m != "" {
					d.SetFieldError(row, m)
					shown = true
				}
			}
			if !shown {
				d.SetProblem(sellerText(err))
			}
			return
		}
		d.Hide()
		done(v)
	})
}
