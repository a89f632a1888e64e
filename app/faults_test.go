package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// withTempBase makes the desk's per-process temporary folder in base instead of the system's.
func withTempBase(base string) Option { return func(o *openOptions) { o.tempBase = base } }

var faultDay = clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local))

func openFaultDesk(t *testing.T, path string, opts ...Option) *Desk {
	t.Helper()
	d, err := Open(context.Background(), path, testInfo, append([]Option{WithClock(faultDay.Now), withTempBase(t.TempDir())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// names lists dir; without SQLite's own -wal and -shm files when noSQLite is set (a read-only connection
// may make them, empty, where the folder can be written)
func names(t *testing.T, dir string, noSQLite bool) []string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		if noSQLite && (strings.HasSuffix(e.Name(), "-wal") || strings.HasSuffix(e.Name(), "-shm")) {
			continue
		}
		out = append(out, e.Name())
	}
	return out
}

// TestReadOnlyDesk: a desk open read-only shows its notice, reads (settings, order lookup, the check), and
// refuses each write in Korean (English in English) instead of a "see the log" fault: a setting, a restore;
// no backup is due, and nothing is left in the data folder.
func TestReadOnlyDesk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", DBFileName)
	d := openFaultDesk(t, path)
	if err := d.SetTheme(ctx, ThemeDark); err != nil {
		t.Fatal(err)
	}
	backup, err := d.BackupNow(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	before := names(t, filepath.Dir(path), true)

	d = openFaultDesk(t, path, ReadOnly())
	defer d.Close()
	if !d.ReadOnly() {
		t.Fatal("ReadOnly() = false")
	}
	if m, ok := d.ReadOnlyNotice(); !ok || !strings.Contains(m.Text(TranslatorFor(Korean)), "읽기 전용으로 열었습니다") {
		t.Errorf("notice = %q %v", m.Key, ok)
	}
	if d.Theme(ctx) != ThemeDark {
		t.Error("the saved theme is not read")
	}
	if _, err := d.Orders.Find(ctx, orders.Query{}); err != nil {
		t.Errorf("orders find on a read-only desk: %v", err)
	}
	if r, err := d.Check(ctx); err != nil || r.Problem != "" {
		t.Errorf("check on a read-only desk: %+v %v", r, err)
	}
	err = d.SetTheme(ctx, ThemeLight)
	if got := Text(err, TranslatorFor(Korean)); !strings.Contains(got, "읽기 전용으로 열었습니다") || strings.Contains(got, "로그") {
		t.Errorf("write on a read-only desk says %q", got)
	}
	if got := Text(err, TranslatorFor(English)); !strings.Contains(got, "read-only") {
		t.Errorf("in English it says %q", got)
	}
	if ErrorCode(err) != ErrConflict {
		t.Errorf("code %v, want conflict", ErrorCode(err))
	}
	_, err = d.Restore(ctx, backup, nil)
	if got := Text(err, TranslatorFor(Korean)); !strings.Contains(got, "복원할 수 없습니다") {
		t.Errorf("restore on a read-only desk says %q", got)
	}
	if due, err := d.AutoBackupDue(); due || err != nil {
		t.Errorf("AutoBackupDue = %v %v, want none on a read-only desk", due, err)
	}
	if after := names(t, filepath.Dir(path), true); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("the data folder went from %v to %v", before, after)
	}
}

// TestOpenSweepsLeftovers: opening the desk removes what ended processes left: their temporary folders
// (excelize's big files) in the system's temporary folder, a restore's temporary copy, a backup's unfinished
// copy, the store's write check; other programs' files stay, and nothing is removed while another session
// has the file open. Closing removes this process's temporary folder.
func TestOpenSweepsLeftovers(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, DBFileName)
	d := openFaultDesk(t, path)
	d.Close()

	mk := func(p string, isDir bool) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		var err error
		if isDir {
			err = os.MkdirAll(p, 0o700)
			if err == nil {
				err = os.WriteFile(filepath.Join(p, "restore.db"), []byte("copy"), 0o600)
			}
		} else {
			err = os.WriteFile(p, []byte("half"), 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// another session has the file open: nothing of the data folder is touched
	other := openFaultDesk(t, path)
	restoreDir := mk(filepath.Join(dir, ".sellerdesk-restore-123456"), true)
	gone := []string{
		restoreDir,
		mk(filepath.Join(dir, "backups", ".sellerdesk-manual-20310615-100000.db.55.tmp"), false),
		mk(filepath.Join(dir, ".sellerdesk-write-check-77.tmp"), false),
	}
	kept := []string{
		mk(filepath.Join(dir, ".notes.txt.5.tmp"), false),
		mk(filepath.Join(dir, "keep.tmp"), false),
	}
	tempBase := t.TempDir()
	dead := mk(filepath.Join(tempBase, "sellerdesk-999999999", "excelize-123"), false)
	mk(filepath.Join(tempBase, "sellerdesk-999999999.lock"), false)

	d, err := Open(ctx, path, testInfo, WithClock(faultDay.Now), withTempBase(tempBase))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(restoreDir); err != nil {
		t.Errorf("a leftover was removed while another session had the file open: %v", err)
	}
	d.Close()
	other.Close()

	d, err = Open(ctx, path, testInfo, WithClock(faultDay.Now), withTempBase(tempBase))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range gone {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there (%v)", p, err)
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Dir(dead)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an ended process's temporary folder is still there (%v)", err)
	}
	mine := d.TempDir()
	if st, err := os.Stat(mine); err != nil || !st.IsDir() || filepath.Dir(mine) != tempBase {
		t.Fatalf("TempDir %q: %v", mine, err)
	}
	d.Close()
	if _, err := os.Stat(mine); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the desk's temporary folder outlived Close (%v)", err)
	}
}

// TestOpenPathMistakes: a folder given as the data file, and a path through a file, are each said as such.
func TestOpenPathMistakes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, err := Open(ctx, dir, testInfo, WithClock(faultDay.Now), withTempBase(t.TempDir()))
	if got := Text(err, TranslatorFor(Korean)); !strings.Contains(got, "폴더입니다") {
		t.Errorf("a folder as the data file says %q", got)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o600)
	_, err = Open(ctx, filepath.Join(file, "sub", DBFileName), testInfo, WithClock(faultDay.Now), withTempBase(t.TempDir()))
	if got := Text(err, TranslatorFor(Korean)); !strings.Contains(got, "폴더가 아니라 파일") {
		t.Errorf("a path through a file says %q", got)
	}
}

// TestKnownFaultMessages: a backup or restore stopped by a full disk, a refused folder or another
// SellerDesk writing says so in Korean (with the space to make), not "see the log".
func TestKnownFaultMessages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", DBFileName)
	d := openFaultDesk(t, path)
	defer d.Close()
	full := &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	denied := &os.PathError{Op: "open", Path: "x", Err: os.ErrPermission}
	busy := &data.BusyError{Path: path}
	ko := TranslatorFor(Korean)
	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"BackupFull", d.diskFault("/mnt/usb/b.db", full), []string{"디스크 공간이 부족", "/mnt/usb/b.db", "100 MB"}},
		{"BackupDenied", d.diskFault("/mnt/usb/b.db", denied), []string{"쓸 권한이 없어", "다른 폴더"}},
		{"RestoreFull", d.restoreFault("b.db", fmt.Errorf("data: restore: %w", &data.FullError{Path: path, Need: 300 << 20})), []string{"디스크 공간이 부족해 복원하지 못했습니다", "데이터는 그대로", "200 MB"}},
		{"RestoreBusy", d.restoreFault("b.db", busy), []string{"다른 셀러데스크"}},
		{"RestoreDenied", d.restoreFault("b.db", &data.ReadOnlyError{Path: path}), []string{"읽기 전용"}},
		{"RestoreRefusedFull", d.restoreRefused(context.Background(), "b.db", fmt.Errorf("data: restore: temporary copy: %w", full)), []string{"디스크 공간이 부족"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Text(c.err, ko)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			if strings.Contains(got, "로그") {
				t.Errorf("%q points to the log for a known cause", got)
			}
		})
	}
	if e := d.diskFault("x", errors.New("something else")); e != nil {
		t.Errorf("an unknown cause became %v", e)
	}
}
