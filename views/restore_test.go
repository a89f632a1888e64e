package views

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/format"
)

// The restore dialog shows what the backup holds and enables 복원 only once the check has passed.
func TestRestoreShowsSummaryBeforeAsking(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	ctx := context.Background()
	if _, err := sh.desk.SaveProfile(ctx, app.StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}); err != nil {
		t.Fatal(err)
	}
	backup, err := sh.desk.BackupNow(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.desk.SaveProfile(ctx, app.StoreProfile{Name: "이틀공방", Owner: "김하루", Phone: "010-1234-5678"}); err != nil {
		t.Fatal(err)
	}

	sh.confirmRestore(backup)
	if !hasLabel(c, "백업 파일을 확인하는 중입니다…") {
		t.Error("the dialog does not say the file is being checked")
	}
	restore := button(t, c, "복원")
	if !restore.Disabled() {
		t.Fatal("복원 is enabled before the backup was checked")
	}
	sh.waitJobs()
	want := "이 백업에 담긴 데이터\n백업 날짜: " + format.DateTime(testDay) + "\n상품 0개 · 주문 0건 · 반품/교환 0건"
	if !hasLabel(c, want) {
		t.Errorf("no summary %q; shown: %q", want, visibleTexts(c))
	}
	if restore.Disabled() {
		t.Fatal("복원 stays disabled after the check passed")
	}
	test.Tap(restore)
	sh.waitJobs()
	if p, _ := sh.desk.Profile(ctx); p.Name != "하루공방" {
		t.Errorf("restored name = %q", p.Name)
	}
}

// A file that is not a SellerDesk backup is refused with its reason, never offered for restore.
func TestRestoreRefusesForeignFile(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	ctx := context.Background()
	if _, err := sh.desk.SaveProfile(ctx, app.StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	sh.confirmRestore(foreign)
	sh.waitJobs()
	found := false
	for _, s := range visibleTexts(c) {
		if strings.Contains(s, "'shop.db'는 셀러데스크 백업 파일이 아닙니다") {
			found = true
		}
		if s == "복원" {
			t.Error("the restore dialog is still open for a refused file")
		}
	}
	if !found {
		t.Errorf("no refusal shown: %q", visibleTexts(c))
	}
	if p, _ := sh.desk.Profile(ctx); p.Name != "하루공방" {
		t.Errorf("a refused restore changed the data: %q", p.Name)
	}
}
