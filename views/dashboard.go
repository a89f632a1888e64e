package views

import (
	"context"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
)

// dashboardScreen is the first thing the seller sees: whose store this is, today's date, and whether the
// data is safe (where it lives, when it was last backed up). Later areas add their figures here.
type dashboardScreen struct {
	sh         *shell
	greeting   *widget.Label
	today      *widget.Label
	profileTip *fyne.Container
	dataFile   *widget.Label
	lastBackup *widget.Label
	backupInfo *widget.Label
	products   *widget.Label
	lowStock   *widget.Label
	soldOut    *widget.Label
}

func newDashboardScreen(sh *shell) *dashboardScreen {
	return &dashboardScreen{
		sh:         sh,
		greeting:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		today:      &widget.Label{},
		dataFile:   &widget.Label{Wrapping: fyne.TextWrapBreak, Selectable: true},
		lastBackup: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		backupInfo: &widget.Label{Wrapping: fyne.TextWrapWord},
		products:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		lowStock:   &widget.Label{},
		soldOut:    &widget.Label{},
	}
}

func (s *dashboardScreen) build() fyne.CanvasObject {
	s.profileTip = container.NewHBox(
		widget.NewIcon(theme.InfoIcon()),
		widget.NewLabel(lang.L("매장 정보를 입력하면 발주서와 반품 라벨에 인쇄됩니다.")),
		&widget.Button{Text: lang.L("매장 정보 입력"), Importance: widget.HighImportance, OnTapped: s.onOpenSettings},
	)
	dataCard := widget.NewCard(lang.L("데이터 파일"), "", container.NewVBox(
		s.dataFile,
		container.NewHBox(&widget.Button{Text: lang.L("데이터 폴더 열기"), Icon: theme.FolderOpenIcon(), OnTapped: s.onOpenFolder}),
	))
	backupCard := widget.NewCard(lang.L("백업"), "", container.NewVBox(
		s.lastBackup,
		s.backupInfo,
		container.NewHBox(&widget.Button{Text: lang.L("지금 백업"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onBackupNow}),
	))
	catalogCard := widget.NewCard(lang.L("상품"), "", container.NewVBox(
		s.products, s.lowStock, s.soldOut,
		container.NewHBox(&widget.Button{Text: lang.L("재고부족 상품 보기"), Icon: theme.WarningIcon(), OnTapped: s.onLowStock}),
	))
	s.refresh()
	return container.NewVScroll(container.NewVBox(
		s.greeting, s.today, s.profileTip,
		container.NewGridWithColumns(2, catalogCard, backupCard),
		dataCard,
	))
}

// dashboardData is what the dashboard shows, read off the UI goroutine.
type dashboardData struct {
	profile          app.StoreProfile
	size             int64
	backups          []app.BackupFile
	total, low, out  int
	profileErr, bErr error
}

// refresh reads the figures in the background and shows them when they arrive; the old ones stay meanwhile.
func (s *dashboardScreen) refresh() {
	d := s.sh.desk
	background(s.sh, func(ctx context.Context) (dashboardData, error) {
		var v dashboardData
		v.profile, v.profileErr = d.Profile(ctx)
		if st, err := os.Stat(d.DataFile()); err == nil {
			v.size = st.Size()
		}
		v.backups, v.bErr = d.Backups()
		svc := d.Catalog
		var err error
		if v.total, err = svc.CountProducts(ctx, catalog.ListFilter{}); err != nil {
			return v, err
		}
		v.low, _ = svc.CountProducts(ctx, catalog.ListFilter{LowStock: true})
		v.out, _ = svc.CountProducts(ctx, catalog.ListFilter{Status: catalog.StatusSoldOut})
		return v, nil
	}, s.show)
}

// show puts the figures read by refresh on screen, on the UI goroutine.
func (s *dashboardScreen) show(v dashboardData, catalogErr error) {
	d := s.sh.desk
	if v.profileErr != nil {
		s.sh.showError(v.profileErr)
	}
	if v.profile.Name == "" {
		s.greeting.SetText(lang.L("셀러데스크에 오신 것을 환영합니다"))
		s.profileTip.Show()
	} else {
		s.greeting.SetText(lang.L("{{.Name}} 관리자님, 안녕하세요", map[string]any{"Name": v.profile.Name}))
		s.profileTip.Hide()
	}
	s.today.SetText(lang.L("오늘은 {{.Date}}입니다.", map[string]any{"Date": format.Date(d.Now())}))
	s.dataFile.SetText(d.DataFile() + "  (" + format.Bytes(v.size) + ")")

	if v.bErr != nil {
		s.sh.showError(v.bErr)
	}
	backups := v.backups
	if len(backups) == 0 {
		s.lastBackup.SetText(lang.L("아직 백업이 없습니다"))
		s.lastBackup.Importance = widget.WarningImportance
	} else {
		s.lastBackup.SetText(lang.L("마지막 백업: {{.Time}}", map[string]any{"Time": format.DateTime(backups[0].Time)}))
		s.lastBackup.Importance = widget.MediumImportance
		if d.Now().Sub(backups[0].Time) > 48*time.Hour {
			s.lastBackup.Importance = widget.WarningImportance
		}
	}
	s.lastBackup.Refresh()
	if catalogErr != nil {
		s.sh.showError(catalogErr)
	} else {
		s.showCatalog(v.total, v.low, v.out)
	}
	s.backupInfo.SetText(lang.L("셀러데스크는 매일 처음 시작할 때 자동으로 백업하고 최근 {{.Keep}}개를 보관합니다. 보관 중인 백업: {{.Count}}개",
		map[string]any{"Keep": app.KeepAutoBackups, "Count": len(backups)}))
}

func (s *dashboardScreen) onOpenSettings() { s.sh.goTo(lang.L("설정")) }

func (s *dashboardScreen) onOpenFolder() { s.sh.openFolder(s.sh.desk.DataDir) }

func (s *dashboardScreen) onBackupNow() { s.sh.backupNow(s.refresh) }

// showCatalog shows how many products are live, how many run low and how many are sold out.
func (s *dashboardScreen) showCatalog(total, low, out int) {
	s.products.SetText(lang.L("등록된 상품 {{.N}}개", map[string]any{"N": format.Number(int64(total))}))
	s.lowStock.SetText(lang.L("재고부족(안전재고 이하) {{.N}}개", map[string]any{"N": format.Number(int64(low))}))
	s.soldOut.SetText(lang.L("품절 {{.N}}개", map[string]any{"N": format.Number(int64(out))}))
	s.lowStock.Importance = widget.MediumImportance
	if low > 0 {
		s.lowStock.Importance = widget.WarningImportance
	}
	s.lowStock.Refresh()
}

// onLowStock opens 상품 filtered to the products at or below their safety stock.
func (s *dashboardScreen) onLowStock() {
	s.sh.goTo(lang.L("상품"))
	if p, ok := s.sh.screens[s.sh.current].(*productsScreen); ok {
		p.lowStock.SetChecked(true)
	}
}
