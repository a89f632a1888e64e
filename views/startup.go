package views

import (
	"errors"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
)

// ShowStartupError runs a small window that says, in Korean, why the data file could not be opened
// (not SellerDesk's, damaged, from a newer version …) and how to go on. The file is never touched.
func ShowStartupError(a fyne.App, err error, dbPath string) {
	beforeTheFile(a)
	w := a.NewWindow(lang.L("셀러데스크"))
	startupErrorContent(a, w, err, dbPath)
	w.ShowAndRun()
}

// beforeTheFile sets the language and theme of a window shown before the data file is open: Korean and the
// system's light or dark, since the seller's own choices are kept in the file.
func beforeTheFile(a fyne.App) {
	_ = LoadTranslations(app.Korean)
	a.Settings().SetTheme(newSellerTheme(app.ThemeSystem))
}

// startupErrorContent puts on w why the data file could not be opened and the ways on.
func startupErrorContent(a fyne.App, w fyne.Window, err error, dbPath string) {
	msg := &widget.Label{Text: sellerText(err), Wrapping: fyne.TextWrapWord}
	hint := &widget.Label{Wrapping: fyne.TextWrapWord, Text: lang.L("다른 데이터 파일로 시작하려면 --db 옵션이나 SELLERDESK_DB 환경 변수로 위치를 지정하세요. 백업에서 되살리려면 'sellerdesk restore 백업파일' 명령을 사용하세요.")}
	body := container.NewVBox(msg, hint)
	if errors.Is(err, app.ErrWindowOpen) {
		body = container.NewVBox(msg) // the file is fine and in use: another file or a restore is not the answer
	}
	buttons := container.NewHBox()
	if dbPath != "" {
		buttons.Add(&widget.Button{Text: lang.L("데이터 폴더 열기"), Icon: theme.FolderOpenIcon(), OnTapped: func() {
			if u, err := url.Parse(storage.NewFileURI(filepath.Dir(dbPath)).String()); err == nil {
				_ = a.OpenURL(u)
			}
		}})
	}
	buttons.Add(&widget.Button{Text: lang.L("닫기"), Importance: widget.HighImportance, OnTapped: a.Quit})
	w.SetContent(container.NewPadded(container.NewBorder(
		&widget.Label{Text: lang.L("데이터 파일을 열 수 없습니다"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		buttons, widget.NewIcon(theme.ErrorIcon()), nil,
		body)))
	w.Resize(fyne.NewSize(640, 300))
	w.CenterOnScreen()
}
