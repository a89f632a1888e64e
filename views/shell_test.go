package views

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
)

func TestShellNavigation(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	if got := sh.title.Text; got != "대시보드" {
		t.Fatalf("opens on %q, want 대시보드", got)
	}
	if !hasLabel(c, "셀러데스크에 오신 것을 환영합니다") {
		t.Error("dashboard greeting missing on a fresh store")
	}
	for _, a := range sh.areas {
		tapText(t, c, a.title)
		if got := sh.title.Text; got != a.title {
			t.Errorf("tapped %q, screen shows %q", a.title, got)
		}
	}
	if !hasLabel(c, "매장 정보") && button(t, c, "매장 정보 저장") == nil {
		t.Error("settings screen not shown")
	}
	tapText(t, c, "대시보드")
	test.Tap(button(t, c, "매장 정보 입력"))
	if sh.title.Text != "설정" {
		t.Errorf("매장 정보 입력 opened %q", sh.title.Text)
	}
}

// fakeScreen records the keyboard shortcuts it receives.
type fakeScreen struct{ searched, created int }

func (f *fakeScreen) build() fyne.CanvasObject { return widget.NewLabel("fake") }
func (f *fakeScreen) focusSearch()             { f.searched++ }
func (f *fakeScreen) createNew()               { f.created++ }

func TestShortcuts(t *testing.T) {
	sh, w := openShell(t)
	fake := &fakeScreen{}
	sh.areas = append(sh.areas, area{title: "가짜", open: func(*shell) screen { return fake }})
	sh.nav.Refresh()
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	create := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

	typeShortcut(t, w.Canvas(), find) // the dashboard has no search: nothing happens, nothing breaks
	sh.nav.Select(len(sh.areas) - 1)
	typeShortcut(t, w.Canvas(), find)
	typeShortcut(t, w.Canvas(), create)
	typeShortcut(t, w.Canvas(), create)
	if fake.searched != 1 || fake.created != 2 {
		t.Errorf("searched %d created %d, want 1 and 2", fake.searched, fake.created)
	}
}

func TestFirstRunDemo(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	sh.start()
	sh.firstFrameDrawn()
	sh.waitJobs() // the test driver runs fyne.Do inline: let the background backup finish first
	if !hasLabel(c, "셀러데스크에 오신 것을 환영합니다!") {
		t.Fatal("first-run choice not shown on a fresh store")
	}
	test.Tap(button(t, c, "데모 데이터 불러오기"))
	sh.waitJobs()
	p, _ := sh.desk.Profile(context.Background())
	if p.Name == "" {
		t.Fatal("demo not loaded")
	}
	if !hasLabel(c, p.Name+" 관리자님, 안녕하세요") {
		t.Errorf("dashboard does not greet the demo store; labels: %v", visibleTexts(c))
	}
	// the day's automatic backup was made in the background
	if backups, _ := sh.desk.Backups(); len(backups) == 0 {
		t.Error("no automatic backup at start")
	}
}

func TestFirstRunEmpty(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	sh.start()
	sh.firstFrameDrawn()
	sh.waitJobs() // the test driver runs fyne.Do inline: let the background backup finish first
	test.Tap(button(t, c, "빈 상태로 시작"))
	sh.waitJobs()
	if sh.title.Text != "설정" {
		t.Errorf("starting empty should open 설정, shows %q", sh.title.Text)
	}
	if need, _ := sh.desk.NeedsFirstRunChoice(context.Background()); need {
		t.Error("the choice would be asked again")
	}
	if empty, _ := sh.desk.IsEmpty(context.Background()); !empty {
		t.Error("starting empty wrote data")
	}
}

// TestFirstRunOffTheWindow: whether to ask is read in the background, the choice shows once it arrives, and
// 빈 상태로 시작 is recorded only when the queued write runs.
func TestFirstRunOffTheWindow(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	sh.start()
	if hasLabel(c, "셀러데스크에 오신 것을 환영합니다!") {
		t.Fatal("the choice showed before the read ran: the store was read on the UI goroutine")
	}
	sh.waitJobs()
	if !hasLabel(c, "셀러데스크에 오신 것을 환영합니다!") {
		t.Fatal("first-run choice not shown on a fresh store")
	}
	test.Tap(button(t, c, "빈 상태로 시작"))
	if need, _ := sh.desk.NeedsFirstRunChoice(context.Background()); !need {
		t.Fatal("the choice was recorded on the UI goroutine, before the queued write ran")
	}
	sh.waitJobs()
	if need, _ := sh.desk.NeedsFirstRunChoice(context.Background()); need {
		t.Error("the choice was not recorded")
	}
	if sh.title.Text != "설정" {
		t.Errorf("starting empty should open 설정, shows %q", sh.title.Text)
	}
}

func TestDashboardBackupNow(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	if !hasLabel(c, "아직 백업이 없습니다") {
		t.Fatal("a fresh store should say it has no backup")
	}
	test.Tap(button(t, c, "지금 백업"))
	sh.waitJobs()
	backups, _ := sh.desk.Backups()
	if len(backups) != 1 || backups[0].Kind != app.BackupManual {
		t.Fatalf("backups = %+v", backups)
	}
	if _, err := os.Stat(backups[0].Path); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range visibleTexts(c) {
		if strings.HasPrefix(s, "마지막 백업: ") {
			found = true
		}
		if strings.HasPrefix(s, "백업했습니다:") && !strings.Contains(s, backups[0].Path) {
			t.Errorf("confirmation does not name the file: %q", s)
		}
	}
	if !found {
		t.Errorf("dashboard does not show the last backup; labels: %v", visibleTexts(c))
	}
}

func TestDashboardCatalog(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	if err := sh.desk.LoadDemo(context.Background(), app.DemoOptions{Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	// whatever the demo's sales left, one option is at its safety stock: the dashboard has one to show
	rows, err := sh.desk.Catalog.ListProducts(context.Background(), catalog.ListFilter{Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no demo product: %v", err)
	}
	prod, err := sh.desk.Catalog.Product(context.Background(), rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if o := prod.Options[0]; !o.LowStock() {
		if _, err := sh.desk.Catalog.AdjustStock(context.Background(), o.ID, o.SafetyStock-o.Stock, catalog.ReasonAdjust, "test", ""); err != nil {
			t.Fatal(err)
		}
	}
	sh.reload()
	// the figures are read off the UI goroutine: they show once the read ran
	if hasLabel(c, "등록된 상품 30개") {
		t.Errorf("the dashboard read the store on the UI goroutine: %v", visibleTexts(c))
	}
	sh.waitJobs()
	low, _ := sh.desk.Catalog.CountProducts(context.Background(), catalog.ListFilter{LowStock: true})
	if low == 0 {
		t.Fatal("the demo store should have low-stock products")
	}
	if !hasLabel(c, "등록된 상품 30개") || !hasLabel(c, fmt.Sprintf("재고부족(안전재고 이하) %d개", low)) {
		t.Fatalf("dashboard figures missing; labels: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "재고부족 상품 보기"))
	sh.waitJobs()
	p := sh.screens[sh.current].(*productsScreen)
	if !p.lowStock.Checked || p.pager.Len() != low || !hasLabel(c, fmt.Sprintf("상품 %d개", low)) {
		t.Errorf("low-stock list shows %d products (filter %v), want %d; labels: %v", p.pager.Len(), p.lowStock.Checked, low, visibleTexts(c))
	}
}

// TestFirstRunNotOfferedWithOrders: a store that holds orders but no products (an order file imported
// first) does not open with the 빈 상태로 시작 / 데모 데이터 choice.
func TestFirstRunNotOfferedWithOrders(t *testing.T) {
	sh, w := openShell(t)
	if _, err := sh.desk.ImportOrderFile(context.Background(), writeOrders(t, t.TempDir(), ""), "", nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := sh.desk.Catalog.CountProducts(context.Background(), catalog.ListFilter{}); n != 0 {
		t.Fatalf("the store has %d products; the test wants none", n)
	}
	if need, _ := sh.desk.NeedsFirstRunChoice(context.Background()); !need {
		t.Fatal("the desk no longer counts this store as new: the test looks at nothing")
	}
	sh.start()
	sh.waitJobs()
	if hasLabel(w.Canvas(), "셀러데스크에 오신 것을 환영합니다!") {
		t.Error("a store with orders is greeted as new, with the demo data choice")
	}
}
