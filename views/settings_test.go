package views

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
)

func openSettings(t *testing.T) (*shell, *settingsScreen) {
	return openArea[*settingsScreen](t, "설정")
}

func TestSettingsValidation(t *testing.T) {
	sh, s := openSettings(t)
	c := sh.win.Canvas()
	ctx := context.Background()

	// Typing a wrong business number shows the problem right under the field while typing.
	test.Type(s.byName[app.FieldBusinessNo].Entry, "220-81-62518")
	if got := s.byName[app.FieldBusinessNo].Message.Text; got != "사업자등록번호가 올바르지 않습니다. 번호를 다시 확인하세요." {
		t.Errorf("business number message = %q", got)
	}
	if !s.byName[app.FieldBusinessNo].Message.Visible() {
		t.Error("message hidden")
	}

	// Saving with required fields empty names each of them and writes nothing.
	test.Tap(button(t, c, "매장 정보 저장"))
	sh.waitJobs()
	for field, want := range map[string]string{
		app.FieldName:  "상호를 입력하세요.",
		app.FieldOwner: "대표자 이름을 입력하세요.",
		app.FieldPhone: "연락처를 입력하세요.",
	} {
		if got := s.byName[field].Message.Text; got != want || !s.byName[field].Message.Visible() {
			t.Errorf("%s message = %q (visible %v), want %q", field, got, s.byName[field].Message.Visible(), want)
		}
	}
	if s.byName[app.FieldEmail].Message.Visible() {
		t.Error("an empty optional field was flagged")
	}
	if p, _ := sh.desk.Profile(ctx); p != (app.StoreProfile{}) {
		t.Fatalf("invalid profile written: %+v", p)
	}

	// Fixing the fields and saving stores the profile, normalized, and says so.
	s.byName[app.FieldBusinessNo].Entry.SetText("")
	test.Type(s.byName[app.FieldBusinessNo].Entry, "2208162517")
	test.Type(s.byName[app.FieldName].Entry, "하루공방")
	test.Type(s.byName[app.FieldOwner].Entry, "김하루")
	test.Type(s.byName[app.FieldPhone].Entry, "01012345678")
	test.Type(s.byName[app.FieldEmail].Entry, "hello@haru.kr")
	test.Tap(button(t, c, "매장 정보 저장"))
	sh.waitJobs()
	p, err := sh.desk.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := app.StoreProfile{Name: "하루공방", Owner: "김하루", BusinessNo: "220-81-62517", Phone: "010-1234-5678", Email: "hello@haru.kr"}
	if p != want {
		t.Errorf("stored %+v, want %+v", p, want)
	}
	if s.saved.Text != "저장했습니다." {
		t.Errorf("confirmation = %q", s.saved.Text)
	}
	if got := s.byName[app.FieldPhone].Entry.Text; got != "010-1234-5678" {
		t.Errorf("phone shown as %q after save", got)
	}
	for _, f := range s.fields {
		if f.Message.Visible() {
			t.Errorf("%s still shows %q", f.Name, f.Message.Text)
		}
	}
}

func TestSettingsTheme(t *testing.T) {
	sh, s := openSettings(t)
	s.themes.SetSelected("어둡게")
	if got := sh.desk.Theme(context.Background()); got != app.ThemeSystem {
		t.Errorf("the theme was written on the UI goroutine, before the queued write ran: %q", got)
	}
	sh.waitJobs()
	if got := sh.desk.Theme(context.Background()); got != app.ThemeDark {
		t.Errorf("theme saved as %q", got)
	}
	th, ok := sh.fyneApp.Settings().Theme().(*sellerTheme)
	if !ok || th.forced == nil {
		t.Fatal("dark theme not applied")
	}
	s.language.SetSelected("English")
	if got := sh.desk.Language(context.Background()); got != app.Korean {
		t.Errorf("the language was written on the UI goroutine, before the queued write ran: %q", got)
	}
	sh.waitJobs()
	if got := sh.desk.Language(context.Background()); got != app.English {
		t.Errorf("language saved as %q", got)
	}
	if !hasLabel(sh.win.Canvas(), "셀러데스크를 다시 시작하면 새 언어로 표시됩니다.") {
		t.Error("no note that the language applies after a restart")
	}
}

// TestSettingsSaveOffTheWindow: the profile reaches the store only when the queued write runs, 저장 is
// disabled meanwhile; a refused profile keeps what was typed with the reason under its field.
func TestSettingsSaveOffTheWindow(t *testing.T) {
	sh, s := openSettings(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	test.Type(s.byName[app.FieldName].Entry, "하루공방")
	test.Type(s.byName[app.FieldOwner].Entry, "김하루")
	test.Type(s.byName[app.FieldPhone].Entry, "01012345678")
	save := button(t, c, "매장 정보 저장")
	test.Tap(save)
	if p, _ := sh.desk.Profile(ctx); p != (app.StoreProfile{}) {
		t.Fatalf("the profile was written on the UI goroutine, before the queued write ran: %+v", p)
	}
	if !save.Disabled() {
		t.Error("매장 정보 저장 is enabled while the save is in flight")
	}
	test.Tap(save) // a second tap while the first save runs does nothing
	sh.waitJobs()
	if save.Disabled() {
		t.Error("매장 정보 저장 stays disabled after the save")
	}
	want := app.StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}
	if p, _ := sh.desk.Profile(ctx); p != want {
		t.Fatalf("stored %+v, want %+v", p, want)
	}
	if got := s.byName[app.FieldPhone].Entry.Text; got != want.Phone || s.saved.Text != "저장했습니다." {
		t.Errorf("after the save the form shows phone %q and %q", got, s.saved.Text)
	}

	// a refused profile: nothing stored, the form keeps what was typed and says why under the field
	s.byName[app.FieldOwner].Entry.SetText("")
	test.Type(s.byName[app.FieldEmail].Entry, "hello@haru")
	test.Tap(save)
	sh.waitJobs()
	if p, _ := sh.desk.Profile(ctx); p != want {
		t.Errorf("a refused profile was stored: %+v", p)
	}
	if got := s.byName[app.FieldEmail].Entry.Text; got != "hello@haru" {
		t.Errorf("the refused form shows e-mail %q, want what was typed", got)
	}
	if got := s.byName[app.FieldName].Entry.Text; got != "하루공방" {
		t.Errorf("the refused form shows name %q", got)
	}
	owner := s.byName[app.FieldOwner].Message
	if owner.Text != "대표자 이름을 입력하세요." || !owner.Visible() || !hasLabel(c, owner.Text) {
		t.Errorf("owner message = %q (visible %v)", owner.Text, owner.Visible())
	}
	if email := s.byName[app.FieldEmail].Message; email.Text == "" || !email.Visible() {
		t.Errorf("no message under the refused e-mail")
	}
	if s.saved.Text != "" || save.Disabled() {
		t.Errorf("after a refusal: confirmation %q, 저장 disabled %v", s.saved.Text, save.Disabled())
	}
}

func TestSettingsRestore(t *testing.T) {
	sh, s := openSettings(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	before := app.StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}
	if _, err := sh.desk.SaveProfile(ctx, before); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "usb", "백업.db")
	sh.backupTo(backup, nil)
	sh.waitJobs()

	changed := before
	changed.Name = "이틀공방"
	if _, err := sh.desk.SaveProfile(ctx, changed); err != nil {
		t.Fatal(err)
	}
	s.refresh()

	sh.confirmRestore(backup)
	sh.waitJobs() // the backup is checked in the background before 복원 is enabled
	test.Tap(button(t, c, "복원"))
	sh.waitJobs()
	if p, _ := sh.desk.Profile(ctx); p.Name != "하루공방" {
		t.Fatalf("restored name = %q", p.Name)
	}
	// the screens were rebuilt from the restored data
	s2 := sh.screens[sh.current].(*settingsScreen)
	if got := s2.byName[app.FieldName].Entry.Text; got != "하루공방" {
		t.Errorf("settings shows %q after restore", got)
	}
	backups, _ := sh.desk.Backups()
	if len(backups) == 0 || backups[0].Kind != app.BackupBeforeRestore {
		t.Errorf("the data before the restore was not kept: %+v", backups)
	}
}

func TestSettingsBackupToFileOpensDialog(t *testing.T) {
	sh, _ := openSettings(t)
	c := sh.win.Canvas()
	before := len(c.Overlays().List())
	test.Tap(button(t, c, "다른 위치에 백업…"))
	if len(c.Overlays().List()) != before+1 {
		t.Fatal("no save dialog opened")
	}
	if button(t, c, "저장") == nil || button(t, c, "취소") == nil {
		t.Error("the save dialog's buttons are not in Korean")
	}
}
