//go:build unix

package app

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sellerdesk/app/orders"
)

// roDeskOutcome is what starting the window's way (lock, open) in a read-only data folder came to.
type roDeskOutcome struct {
	LockErr, OpenErr  string
	ReadOnly          bool
	Notice            string
	CheckErr, Problem string
	FindErr           string
	WriteMsg          string
	BackupHere        string // what a backup into the data folder's backups/ says
	BackupElsewhere   string // the error of a backup to the temporary folder, "" when it worked
	Left              []string
}

// roDeskProbe starts on the data file at path as the window does (its lock, then the desk), then checks,
// looks up orders and tries to save a setting.
func roDeskProbe(path string) (out roDeskOutcome) {
	ctx := context.Background()
	release, err := LockWindow(path, testInfo)
	if err != nil {
		out.LockErr = err.Error()
		return out
	}
	defer release()
	d, err := Open(ctx, path, testInfo, WithClock(faultDay.Now))
	if err != nil {
		out.OpenErr = err.Error()
		return out
	}
	defer func() {
		d.Close()
		es, _ := os.ReadDir(filepath.Dir(path))
		for _, e := range es {
			out.Left = append(out.Left, e.Name())
		}
	}()
	out.ReadOnly = d.ReadOnly()
	if m, ok := d.ReadOnlyNotice(); ok {
		out.Notice = m.Text(TranslatorFor(Korean))
	}
	r, err := d.Check(ctx)
	out.Problem = r.Problem
	if err != nil {
		out.CheckErr = err.Error()
	}
	if _, err := d.Orders.Find(ctx, orders.Query{}); err != nil {
		out.FindErr = err.Error()
	}
	out.WriteMsg = Text(d.SetTheme(ctx, ThemeDark), TranslatorFor(Korean))
	if _, err := d.BackupNow(ctx, ""); err != nil {
		out.BackupHere = Text(err, TranslatorFor(Korean))
	}
	elsewhere := filepath.Join(os.TempDir(), "elsewhere.db")
	if _, err := d.BackupNow(ctx, elsewhere); err != nil {
		out.BackupElsewhere = err.Error()
	}
	os.Remove(elsewhere)
	return out
}

// TestReadOnlyDataFolder: in a data folder the seller cannot write (a folder shared read-only, files
// copied from a CD), the window's lock, the log and the session marker do not stop the start: the desk
// opens read-only with its notice, the check and an order lookup work, a save is refused in Korean, and
// nothing is added to the folder. Run as root, the probe runs as the user nobody in a copy of this test
// binary (root ignores permissions); otherwise the folder is chmod-ed 0555.
func TestReadOnlyDataFolder(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_RO_DESK"); path != "" {
		b, _ := json.Marshal(roDeskProbe(path))
		os.Stdout.Write(append(b, '\n'))
		os.Exit(0)
	}
	base := t.TempDir()
	os.Chmod(filepath.Dir(base), 0o755)
	os.Chmod(base, 0o755)
	dir := filepath.Join(base, "data")
	path := filepath.Join(dir, DBFileName)
	d := openFaultDesk(t, path)
	d.Close()
	os.Remove(path + WindowLockSuffix) // as on a folder copied from a CD: no lock file
	before := names(t, dir, false)
	tmp := filepath.Join(base, "tmp") // the temporary folder, for the log and the workbooks
	os.Mkdir(tmp, 0o777)
	os.Chmod(tmp, 0o777)

	// probe starts on the file with temp as the temporary folder
	probe := func(temp string) (got roDeskOutcome) {
		t.Helper()
		if os.Geteuid() != 0 {
			t.Setenv("TMPDIR", temp)
			os.Chmod(dir, 0o555)
			defer os.Chmod(dir, 0o755)
			return roDeskProbe(path)
		}
		os.Chmod(dir, 0o755)  // root's: nobody may not create files in it
		os.Chmod(path, 0o666) // the file itself may be written: only the folder stops SQLite
		bin := filepath.Join(tmp, "app.test")
		if _, err := os.Stat(bin); err != nil {
			src, err := os.Open(os.Args[0])
			if err != nil {
				t.Fatal(err)
			}
			dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
			if err == nil {
				_, err = io.Copy(dst, src)
				dst.Close()
			}
			src.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "-test.run=^TestReadOnlyDataFolder$")
		cmd.Env = append(os.Environ(), "SELLERDESK_TEST_RO_DESK="+path, "TMPDIR="+temp, "HOME="+tmp)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Dir = "/"
		raw, err := cmd.Output()
		if err != nil {
			t.Fatalf("probe as nobody: %v\n%s", err, raw)
		}
		line, _, _ := strings.Cut(string(raw), "\n")
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("probe said %q: %v", raw, err)
		}
		return got
	}

	// with no temporary folder to log in either, the start says where it could not write; a lock file left
	// in the folder (read-only for this user) is locked without being written
	noTemp := filepath.Join(base, "notemp")
	os.Mkdir(noTemp, 0o555)
	lock := path + WindowLockSuffix
	if err := os.WriteFile(lock, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	if got := probe(noTemp); got.LockErr != "" || !strings.Contains(got.OpenErr, "임시 폴더") {
		t.Errorf("with a read-only lock file and no folder to log in, the start says %+v", got)
	}
	os.Remove(lock)

	got := probe(tmp)
	if got.LockErr != "" || got.OpenErr != "" {
		t.Fatalf("start in a read-only folder: lock %q, open %q", got.LockErr, got.OpenErr)
	}
	if !got.ReadOnly || !strings.Contains(got.Notice, "데이터 폴더") {
		t.Errorf("read-only %v, notice %q", got.ReadOnly, got.Notice)
	}
	if got.CheckErr != "" || got.Problem != "" || got.FindErr != "" {
		t.Errorf("check %q %q, orders find %q", got.CheckErr, got.Problem, got.FindErr)
	}
	if !strings.Contains(got.WriteMsg, "읽기 전용으로 열었습니다") {
		t.Errorf("a save says %q", got.WriteMsg)
	}
	if !strings.Contains(got.BackupHere, "쓸 권한이 없어") || got.BackupElsewhere != "" {
		t.Errorf("a backup into the data folder says %q; one elsewhere: %q", got.BackupHere, got.BackupElsewhere)
	}
	if strings.Join(got.Left, ",") != strings.Join(before, ",") {
		t.Errorf("the folder went from %v to %v", before, got.Left)
	}
}
