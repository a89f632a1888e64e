package views

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/format"
	"sellerdesk/views/widgets"
)

// Backup and restore are shell actions: the dashboard and the settings screen both offer them.

func backupKindLabel(k app.BackupKind) string {
	switch k {
	case app.BackupAuto:
		return lang.L("자동 백업")
	case app.BackupManual:
		return lang.L("직접 백업")
	case app.BackupBeforeRestore:
		return lang.L("복원 전 데이터")
	}
	return string(k)
}

// backupNow writes a backup into the data folder's backups, with a progress dialog, then calls after.
func (sh *shell) backupNow(after func()) *widgets.Running {
	return sh.backupTo("", after)
}

func (sh *shell) backupTo(dst string, after func()) *widgets.Running {
	var path string
	return sh.runJob(lang.L("백업"), lang.L("데이터를 백업하는 중입니다…"),
		func(ctx context.Context, _ func(float64)) error {
			var err error
			path, err = sh.desk.BackupNow(ctx, dst)
			return err
		},
		func(err error) {
			if errors.Is(err, app.ErrDataDamaged) {
				sh.desk.Log.Error("backup found damage", "err", err)
				sh.showDamaged()
				return
			}
			if err != nil {
				sh.showError(err)
				return
			}
			dialog.ShowInformation(lang.L("백업 완료"), lang.L("백업했습니다:\n{{.Path}}", map[string]any{"Path": path}), sh.win)
			if after != nil {
				after()
			}
		})
}

// onBackupToFile asks where to save a backup (a USB stick, a cloud folder) and writes it there.
func (sh *shell) onBackupToFile(after func()) {
	sh.chooseSave(widgets.FileOptions{Title: lang.L("다른 위치에 백업"),
		FileName:   fmt.Sprintf("셀러데스크-백업-%s.db", sh.desk.Now().Format("20060102-1504")),
		Extensions: []string{".db"}},
		func(path string) { sh.backupTo(path, after) })
}

// onRestore lets the seller pick a backup from the backups folder or any file, confirms, then restores.
func (sh *shell) onRestore() {
	backups, err := sh.desk.Backups()
	if err != nil {
		sh.showError(err)
		return
	}
	var picked string
	list := &widget.List{
		Length: func() int { return len(backups) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewGridWithColumns(3, widget.NewLabel("2026-11-24 09:00"), widget.NewLabel("복원 전 데이터"), widget.NewLabel("999.9 MB"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container).Objects
			row[0].(*widget.Label).SetText(format.DateTime(backups[id].Time))
			row[1].(*widget.Label).SetText(backupKindLabel(backups[id].Kind))
			row[2].(*widget.Label).SetText(format.Bytes(backups[id].Size))
		},
	}
	list.ExtendBaseWidget(list)
	var dlg *dialog.CustomDialog
	restoreBtn := &widget.Button{Text: lang.L("선택한 백업으로 복원"), Importance: widget.WarningImportance}
	restoreBtn.Disable()
	list.OnSelected = func(id widget.ListItemID) {
		picked = backups[id].Path
		restoreBtn.Enable()
	}
	restoreBtn.OnTapped = func() {
		dlg.Hide()
		sh.confirmRestore(picked)
	}
	fromFile := &widget.Button{Text: lang.L("다른 파일에서 선택…"), OnTapped: func() {
		dlg.Hide()
		sh.pickRestoreFile()
	}}
	var body fyne.CanvasObject = list
	if len(backups) == 0 {
		empty := widgets.NewEmptyState(theme.HistoryIcon(), lang.L("아직 백업이 없습니다"),
			lang.L("데이터 폴더에 백업이 없습니다. USB나 클라우드 폴더에 둔 백업이 있으면 아래의 '다른 파일에서 선택…'으로 고르세요."))
		empty.SetShown(true)
		body = empty
	}
	dlg = dialog.NewCustom(lang.L("백업에서 복원"), lang.L("닫기"),
		container.NewBorder(widget.NewLabel(lang.L("복원할 백업을 고르세요.")), container.NewHBox(fromFile, restoreBtn), nil, nil, body), sh.win)
	dlg.Resize(fyne.NewSize(620, 460))
	dlg.Show()
}

func (sh *shell) pickRestoreFile() {
	sh.chooseOpen(widgets.FileOptions{Title: lang.L("복원할 백업 파일"), Extensions: []string{".db", ".sqlite"}},
		sh.confirmRestore)
}

// restoreDialog shows what a backup holds before the seller agrees to replace the data with it. It opens
// at once; the check of the file (read-only, integrity_check, its update in a temporary copy) runs in the
// background, and 복원 is enabled only once the summary is shown. A file the check refuses closes the
// dialog with the reason; nothing was changed.
type restoreDialog struct {
	sh      *shell
	path    string
	dlg     *dialog.CustomDialog
	summary *widget.Label
	restore *widget.Button
}

// confirmRestore checks the backup at path, shows what it holds and asks before restoring it.
func (sh *shell) confirmRestore(path string) {
	r := &restoreDialog{sh: sh, path: path}
	r.build()
	r.dlg.Show()
	background(sh, func(ctx context.Context) (app.BackupSummary, error) {
		return sh.desk.InspectBackup(ctx, path)
	}, r.onChecked)
}

func (r *restoreDialog) build() {
	r.summary = &widget.Label{Text: lang.L("백업 파일을 확인하는 중입니다…"), Wrapping: fyne.TextWrapWord}
	warn := &widget.Label{Wrapping: fyne.TextWrapWord,
		Text: lang.L("지금 데이터를 이 백업의 내용으로 바꿉니다:\n{{.Path}}\n\n현재 데이터는 복원 전에 자동으로 백업해 둡니다. 계속할까요?",
			map[string]any{"Path": filepath.Base(r.path)})}
	r.restore = &widget.Button{Text: lang.L("복원"), Importance: widget.WarningImportance, OnTapped: r.onConfirm}
	r.restore.Disable()
	cancel := &widget.Button{Text: lang.L("취소"), OnTapped: func() { r.dlg.Hide() }}
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("백업에서 복원"), container.NewVBox(r.summary, widget.NewSeparator(), warn), r.sh.win)
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, r.restore})
	r.dlg.Resize(fyne.NewSize(520, 0))
}

func (r *restoreDialog) onChecked(sum app.BackupSummary, err error) {
	if err != nil {
		r.dlg.Hide()
		r.sh.showError(err)
		return
	}
	r.summary.SetText(lang.L("이 백업에 담긴 데이터\n백업 날짜: {{.Made}}\n상품 {{.Products}}개 · 주문 {{.Orders}}건 · 반품/교환 {{.Returns}}건",
		map[string]any{"Made": format.DateTime(sum.Made), "Products": format.Number(sum.Products),
			"Orders": format.Number(sum.Orders), "Returns": format.Number(sum.Returns)}))
	r.dlg.Resize(fyne.NewSize(520, 0)) // the summary is taller than the line it replaced: lay the dialog out again
	r.restore.Enable()
}

func (r *restoreDialog) onConfirm() {
	r.dlg.Hide()
	r.sh.restore(r.path)
}

func (sh *shell) restore(path string) *widgets.Running {
	var saved string
	return sh.runJob(lang.L("백업에서 복원"), lang.L("백업에서 복원하는 중입니다…"),
		func(ctx context.Context, progress func(float64)) error {
			var err error
			saved, err = sh.desk.Restore(ctx, path, progress)
			return err
		},
		func(err error) {
			if errors.Is(err, context.Canceled) {
				dialog.ShowInformation(lang.L("복원 취소"), lang.L("복원을 취소했습니다. 기존 데이터는 그대로입니다."), sh.win)
				return
			}
			if err != nil {
				sh.showError(err)
				return
			}
			sh.reload()
			dialog.ShowInformation(lang.L("복원 완료"), lang.L("백업에서 복원했습니다.\n복원 전 데이터는 여기에 보관했습니다:\n{{.Path}}",
				map[string]any{"Path": saved}), sh.win)
		})
}

// reload rebuilds every screen from the store, after a restore replaced what they showed.
func (sh *shell) reload() {
	sh.fyneApp.Settings().SetTheme(newSellerTheme(sh.desk.Theme(context.Background())))
	cur := sh.current
	sh.screens = map[int]screen{}
	sh.objects = map[int]fyne.CanvasObject{}
	sh.content.Objects = nil
	sh.show(cur)
}

// openFolder opens a folder in the system's file manager.
func (sh *shell) openFolder(dir string) {
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = sh.fyneApp.OpenURL(u)
	}
	if err != nil {
		sh.showError(&app.Error{Code: app.ErrInternal, Err: err,
			Message: lang.L("폴더를 열 수 없습니다: {{.Dir}}", map[string]any{"Dir": dir})})
	}
}
