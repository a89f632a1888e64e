package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// countSettings is how many settings rows the store holds.
func countSettings(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.Read().QueryRow(`SELECT count(*) FROM settings`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOpenFolderGivenAsFile: a folder passed as the data file is said to be a folder, not "not a database".
func TestOpenFolderGivenAsFile(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), dir, testClock())
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindFolder || !strings.Contains(err.Error(), "폴더입니다") {
		t.Fatalf("Open(folder) = %v, want KindFolder saying it is a folder", err)
	}
}

// TestReadOnlyOption: a store opened with ReadOnly reads, refuses every write with a *ReadOnlyError in Korean,
// runs no migration, leaves no session marker, and its backup still works.
func TestReadOnlyOption(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sellerdesk.db")
	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	fillSettings(t, s, 3)
	s.Close()

	ro, err := Open(ctx, path, testClock(), ReadOnly())
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	defer ro.Close()
	if ro.Access() != ReadOnlyAsked {
		t.Errorf("access = %v, want ReadOnlyAsked", ro.Access())
	}
	if got := countSettings(t, ro); got < 3 {
		t.Errorf("read %d settings, want at least 3", got)
	}
	if m := markers(t, path); len(m) != 0 {
		t.Errorf("a read-only session left markers %v", m)
	}
	err = ro.SetSetting(ctx, "ro.test", "x")
	var re *ReadOnlyError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "읽기 전용으로 열었습니다") {
		t.Fatalf("write on a read-only store = %v, want a *ReadOnlyError", err)
	}
	if key, _, ok := KnownFault(err); !ok || key != ReadOnlyKey {
		t.Errorf("KnownFault(read-only) = %q %v", key, ok)
	}
	if _, err := ro.PrepareRestore(ctx, path); !errors.As(err, &re) {
		t.Errorf("restore on a read-only store = %v, want a *ReadOnlyError", err)
	}
	if err := ro.BackupTo(ctx, filepath.Join(t.TempDir(), "copy.db")); err != nil {
		t.Errorf("backup of a read-only store: %v", err)
	}
	if problem, err := ro.Check(ctx); err != nil || problem != "" {
		t.Errorf("check of a read-only store: %q %v", problem, err)
	}
	if err := ro.Close(); err != nil {
		t.Errorf("close: %v", err)
	}

	t.Run("NeedsUpdate", func(t *testing.T) {
		old := filepath.Join(t.TempDir(), "old.db")
		migs := embeddedMigrations()
		s, err := openWith(ctx, old, migs[:5], testClock())
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err = Open(ctx, old, testClock(), ReadOnly())
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Kind != KindReadOnlyNeedsUpdate || !strings.Contains(err.Error(), "읽기 전용") {
			t.Fatalf("read-only open of an old store = %v, want KindReadOnlyNeedsUpdate", err)
		}
		if v := fileVersion(t, old); v != 5 {
			t.Errorf("the old store is now at version %d, want 5 (untouched)", v)
		}
	})
	t.Run("NoFile", func(t *testing.T) {
		_, err := Open(ctx, filepath.Join(t.TempDir(), "none.db"), testClock(), ReadOnly())
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Kind != KindCannotCreate {
			t.Fatalf("read-only open of no file = %v, want KindCannotCreate", err)
		}
	})
}

// fileVersion reads a closed store's user_version without opening it as a store.
func fileVersion(t *testing.T, path string) int {
	t.Helper()
	s := &Store{path: path, access: ReadOnlyAsked}
	v, _, err := probe(context.Background(), path, s.base(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFullDisk: with the file's page limit reached (PRAGMA max_page_count, a real SQLITE_FULL), a big
// write fails with a *FullError that says in Korean that nothing of it was kept and how much space to
// make; the transaction is rolled back whole, and the store writes again once there is room.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	before := countSettings(t, s)
	var pages int
	if err := s.w.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// the writer pool is one connection kept open, so the limit stays on it
	if _, err := s.w.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+4)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("가", 2000)
	err := s.Write(ctx, func(tx *Tx) error {
		for i := range 200 {
			if err := SetSettingTx(ctx, tx, fmt.Sprintf("full.%d", i), big); err != nil {
				return err
			}
		}
		return nil
	})
	var fe *FullError
	if !errors.As(err, &fe) {
		t.Fatalf("write on a full file = %v, want a *FullError", err)
	}
	msg := err.Error()
	for _, want := range []string{"디스크 공간이 부족", "기존 데이터는 그대로", filepath.Dir(s.Path()), "100 MB"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if key, args, ok := KnownFault(err); !ok || key != FullKey || args["Need"] != "100 MB" {
		t.Errorf("KnownFault(full) = %q %v %v", key, args, ok)
	}
	if got := countSettings(t, s); got != before {
		t.Errorf("after the failed write the store holds %d settings, want %d (nothing half-written)", got, before)
	}
	if _, err := s.w.Exec(`PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "full.after", "ok"); err != nil {
		t.Fatalf("write once there is room: %v", err)
	}
	if problem, err := s.Check(ctx); err != nil || problem != "" {
		t.Errorf("check after the full disk: %q %v", problem, err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{1: "1 MB", 100 << 20: "100 MB", 3 << 29: "1.5 GB", 12 << 30: "12 GB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestBusyAcrossProcesses runs a real second process that holds a write transaction on the file (another
// window's import): this process's write gives up within the bounded wait with the Korean busy message,
// its reads and its backup do not wait, and closing does not wait either.
func TestBusyAcrossProcesses(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_HOLD_WRITE"); path != "" {
		holdWrite(path)
		return
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(ctx, path, testClock(), writerBound())
	if err != nil {
		t.Fatal(err)
	}
	fillSettings(t, s, 2)
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestBusyAcrossProcesses$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_HOLD_WRITE="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || strings.TrimSpace(line) != "holding" {
		cmd.Process.Kill()
		t.Fatalf("helper said %q, %v", line, err)
	}

	s, err = Open(ctx, path, testClock(), writerBound())
	if err != nil {
		t.Fatalf("open beside a writer: %v", err)
	}
	// the write must give up by itself well before this deadline: a context error means it waited on
	wctx, cancel := context.WithTimeout(ctx, WriterBusyTimeout+2*time.Second)
	err = s.SetSetting(wctx, "busy.mine", "x")
	cancel()
	var be *BusyError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "다른 셀러데스크") {
		t.Errorf("write while another process writes = %v, want a *BusyError within %v", err, WriterBusyTimeout)
	}
	done, backupDir := make(chan error, 1), t.TempDir()
	go func() {
		var n int
		err := s.Read().QueryRow(`SELECT count(*) FROM settings`).Scan(&n)
		if err == nil {
			err = s.BackupTo(ctx, filepath.Join(backupDir, "b.db"))
		}
		if n < 2 && err == nil {
			err = fmt.Errorf("read %d settings beside the writer", n)
		}
		done <- errors.Join(err, s.Close())
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("reading, backing up and closing beside a writer: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("reading, backing up and closing beside a writer waited on it")
	}
}

// holdWrite is the helper process: open the store, begin a write and hold it until stdin closes.
func holdWrite(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path, testClock())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s.Write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('held', '', '')`); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("holding")
		bufio.NewReader(os.Stdin).ReadString('\n')
		return errors.New("released")
	})
	s.Close()
	os.Exit(0)
}

// TestFullDiskDuringRestore: a restore that runs out of room half way (the page limit again) is a
// *FullError and leaves the store exactly as it was.
func TestFullDiskDuringRestore(t *testing.T) {
	ctx := context.Background()
	big := openTemp(t)
	fillSettings(t, big, 1)
	pad := strings.Repeat("가", 1000)
	if err := big.Write(ctx, func(tx *Tx) error {
		for i := range 200 {
			if err := SetSettingTx(ctx, tx, fmt.Sprintf("pad.%d", i), pad); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "big.db")
	if err := big.BackupTo(ctx, backup); err != nil {
		t.Fatal(err)
	}

	s := openTemp(t)
	before := countSettings(t, s)
	var pages int
	if err := s.w.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+8)); err != nil {
		t.Fatal(err)
	}
	err := s.RestoreFrom(ctx, backup, nil)
	var fe *FullError
	if !errors.As(err, &fe) {
		t.Fatalf("restore onto a full file = %v, want a full-disk error", err)
	}
	if got := countSettings(t, s); got != before {
		t.Errorf("after the failed restore the store holds %d settings, want %d", got, before)
	}
	if problem, err := s.Check(ctx); err != nil || problem != "" {
		t.Errorf("check after the failed restore: %q %v", problem, err)
	}
}
