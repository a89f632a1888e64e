package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

// openShellOn opens the main window on the data file at path, its clock on testDay.
func openShellOn(t *testing.T, path string) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := LoadTranslations(app.Korean); err != nil {
		t.Fatal(err)
	}
	d, err := app.Open(context.Background(), path, testInfo, app.WithClock(clock.At(testDay).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	w := test.NewTempWindow(t, nil)
	sh := newShell(a, w, d, newJobs(true))
	w.Resize(MinWindowSize)
	return sh, w
}

// demoFile makes a small demo store at path and closes it, so the whole store is in the main file.
func demoFile(t *testing.T, path string) {
	t.Helper()
	d, err := app.Open(context.Background(), path, testInfo, app.WithClock(clock.At(testDay.AddDate(0, 0, -1)).Now))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.LoadDemo(context.Background(), app.DemoOptions{Seed: 4, Orders: 300}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := d.BackupNow(context.Background(), ""); err != nil { // yesterday's backup
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

// leaveUncleanMarker leaves what a session that died while opening the file leaves beside it: a session
// marker no live session holds (see data.Store.StaleSessions).
func leaveUncleanMarker(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path+"-open-crashed", nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

// damageTail scribbles over the data file's last pages (rows, not the header or the schema): damage that
// opening the file does not read and only a whole-file check finds.
func damageTail(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(raw) - 4096*8; i < len(raw); i += 5 {
		raw[i] = 0xA5
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// holdJobs wraps the queued startup jobs so that each stops at its first report until release is closed;
// reported receives the status text each reported.
func holdJobs(sh *shell, release <-chan struct{}) <-chan string {
	reported := make(chan string, len(sh.work.queue))
	for i, j := range sh.work.queue {
		run := j.run
		sh.work.queue[i].run = func(ctx context.Context, report func(string, float64)) error {
			first := true
			return run(ctx, func(status string, fraction float64) {
				report(status, fraction)
				if first {
					first = false
					reported <- status
					<-release
				}
			})
		}
	}
	return reported
}

// TestStartupWorkAfterFirstScreen: after a session that did not close, on the day's first start, the
// window shows its dashboard and answers the seller while the check and then the backup run behind it,
// each in the quiet status line; when they are done the line goes and the dashboard shows the new backup.
func TestStartupWorkAfterFirstScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), app.DBFileName)
	demoFile(t, path)
	leaveUncleanMarker(t, path)
	sh, w := openShellOn(t, path)
	c := w.Canvas()
	sh.start()
	release := make(chan struct{})
	reported := holdJobs(sh, release)
	if len(sh.work.queue) != 3 {
		t.Fatalf("%d jobs queued, want the check, the backup and the contacts", len(sh.work.queue))
	}
	if sh.title.Text != "대시보드" || sh.status.Visible() {
		t.Fatalf("before the first frame: screen %q, status shown %v", sh.title.Text, sh.status.Visible())
	}
	if backups, _ := sh.desk.Backups(); len(backups) != 1 {
		t.Fatalf("work ran before the first frame: %d backups", len(backups))
	}

	sh.firstFrameDrawn()
	if got := <-reported; got != "데이터 파일 점검 중…" {
		t.Errorf("first job reported %q", got)
	}
	if !sh.status.Visible() || sh.status.Text != "데이터 파일 점검 중…" {
		t.Errorf("status line = %q (shown %v)", sh.status.Text, sh.status.Visible())
	}
	// the seller goes on working while the check is held
	tapText(t, c, "주문")
	if sh.title.Text != "주문" {
		t.Errorf("navigation while the check runs shows %q", sh.title.Text)
	}
	tapText(t, c, "대시보드")
	release <- struct{}{} // let the check go on; the backup then stops at its first report
	if got := <-reported; !strings.HasPrefix(got, "자동 백업 중…") {
		t.Errorf("second job reported %q", got)
	}
	if !strings.HasPrefix(sh.status.Text, "자동 백업 중…") || !strings.HasSuffix(sh.status.Text, "%") {
		t.Errorf("status line during the backup = %q", sh.status.Text)
	}
	if err := sh.desk.SetTheme(context.Background(), app.ThemeDark); err != nil { // a write while the backup holds its snapshot
		t.Errorf("write during the backup: %v", err)
	}
	close(release)
	sh.waitJobs()

	if sh.status.Visible() {
		t.Errorf("status line still shown: %q", sh.status.Text)
	}
	if unclean, _ := sh.desk.LastRunUnclean(context.Background()); unclean {
		t.Error("a sound check left the unclean run to be checked again")
	}
	backups, _ := sh.desk.Backups()
	if len(backups) != 2 || backups[0].Kind != app.BackupAuto {
		t.Fatalf("backups after the first start of the day = %+v", backups)
	}
	if !hasLabel(c, "마지막 백업: 2026-11-24 10:00") {
		t.Errorf("dashboard does not show the new backup; labels: %v", visibleTexts(c))
	}
	if hasLabel(c, "데이터 파일이 손상되었습니다") {
		t.Error("a sound file was reported damaged")
	}
}

// TestStartupCheckWarnsOfDamage: the check after a session that did not close finds a damaged page that
// opening the file did not read, and the seller is told at once, in Korean, what is wrong, that a backup
// exists and to restore it; the day's backup of the damaged file is not attempted.
func TestStartupCheckWarnsOfDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), app.DBFileName)
	demoFile(t, path)
	damageTail(t, path)
	leaveUncleanMarker(t, path)

	sh, w := openShellOn(t, path)
	c := w.Canvas()
	sh.start()
	if sh.title.Text != "대시보드" {
		t.Fatalf("the window opens on %q", sh.title.Text)
	}
	sh.firstFrameDrawn()
	sh.waitJobs()

	var warning string
	for _, s := range visibleTexts(c) {
		if strings.HasPrefix(s, "데이터 파일에서 손상된 부분을 찾았습니다.") {
			warning = s
		}
	}
	if !hasLabel(c, "데이터 파일이 손상되었습니다") || warning == "" {
		t.Fatalf("no damage warning; labels: %v", visibleTexts(c))
	}
	for _, want := range []string{"백업 1개", "2026-11-23", "'백업에서 복원'으로 그 백업을 되살리세요"} {
		if !strings.Contains(warning, want) {
			t.Errorf("warning does not say %q: %q", want, warning)
		}
	}
	if backups, _ := sh.desk.Backups(); len(backups) != 1 {
		t.Errorf("a backup of the damaged file was attempted or kept: %+v", backups)
	}
	test.Tap(button(t, c, "백업에서 복원…"))
	if !hasLabel(c, "복원할 백업을 고르세요.") {
		t.Errorf("백업에서 복원… does not open the restore choice; labels: %v", visibleTexts(c))
	}
}

// TestBackupNowWarnsOfDamage: 지금 백업 on a damaged file fails the copy's check, and the seller gets the
// same warning as at start, not a word about disk space.
func TestBackupNowWarnsOfDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), app.DBFileName)
	demoFile(t, path)
	damageTail(t, path)
	sh, w := openShellOn(t, path)
	c := w.Canvas()
	test.Tap(button(t, c, "지금 백업"))
	sh.waitJobs()
	if !hasLabel(c, "데이터 파일이 손상되었습니다") {
		t.Fatalf("no damage warning; labels: %v", visibleTexts(c))
	}
	if backups, _ := sh.desk.Backups(); len(backups) != 1 {
		t.Errorf("backups = %+v, want only yesterday's", backups)
	}
}

// TestStartupWorkAfterClose: work queued once the desk has closed does not start, and nothing waits for it.
func TestStartupWorkAfterClose(t *testing.T) {
	sh, _ := openShell(t)
	sh.start()
	sh.desk.Close()
	sh.firstFrameDrawn()
	sh.waitJobs()
	if backups, _ := sh.desk.Backups(); len(backups) != 0 {
		t.Errorf("a backup ran after Close: %+v", backups)
	}
}
