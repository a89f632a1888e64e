package data

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fillSettings writes n wide settings rows, enough for many b-tree pages at the end of the file.
func fillSettings(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	err := s.Write(ctx, func(tx *Tx) error {
		for i := 0; i < n; i++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)`,
				fmt.Sprintf("fill.%05d", i), strings.Repeat("값", 300), tx.stamp()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// damageTail scribbles over the file's last pages (settings rows written last), leaving the header and the
// schema, which live in the first pages, readable.
func damageTail(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) < 4096*40 {
		t.Fatalf("file too small to damage only its tail: %d bytes", len(raw))
	}
	for i := len(raw) - 4096*8; i < len(raw); i += 5 {
		raw[i] = 0xA5
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// markers lists the session markers beside the data file at path.
func markers(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(path + markerInfix + "*")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOpenWithoutWholeFileCheck: a store at the latest version with a damaged page deep in the file opens
// (Open reads the header and the schema, not every page), and QuickCheck, which the window runs in the
// background after a session that did not close, finds the damage.
func TestOpenWithoutWholeFileCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	fillSettings(t, s, 400)
	s.Close()
	damageTail(t, path)

	s, err = Open(ctx, path, testClock())
	if err != nil {
		t.Fatalf("Open read the whole file and refused it: %v", err)
	}
	defer s.Close()
	problem, err := s.QuickCheck(ctx)
	if err == nil && problem == "" {
		t.Fatal("QuickCheck passed a damaged file")
	}
}

// TestOpenChecksBeforeMigration: when a migration is due, the one moment SellerDesk rewrites the schema, a
// damaged file is refused whole and left exactly as it was.
func TestOpenChecksBeforeMigration(t *testing.T) {
	ctx := context.Background()
	latest := embeddedMigrations()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	old, err := openWith(ctx, path, latest[:len(latest)-1], testClock())
	if err != nil {
		t.Fatal(err)
	}
	fillSettings(t, old, 400)
	old.Close()
	damageTail(t, path)
	before, _ := os.ReadFile(path)

	_, err = Open(ctx, path, testClock())
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindCorrupt {
		t.Fatalf("err = %v, want a KindCorrupt OpenError", err)
	}
	if !strings.Contains(err.Error(), "백업에서 복원하세요") {
		t.Errorf("message %q does not say what to do", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused file was modified")
	}
	if m := markers(t, path); len(m) != 0 {
		t.Errorf("a refused open left session markers: %v", m)
	}
}

func TestSessionMarkers(t *testing.T) {
	ctx := context.Background()
	t.Run("CloseRemovesIt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		if got := len(markers(t, path)); got != 1 {
			t.Fatalf("%d markers while open, want 1", got)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if m := markers(t, path); len(m) != 0 {
			t.Errorf("markers left after a clean close: %v", m)
		}
	})

	t.Run("HeadlessBesideWindow", func(t *testing.T) {
		// the window has the file open; a headless command opens and closes it; the window's marker stays
		// and is never taken for a stale one, by the command or by a later start
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		window, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer window.Close()
		headless, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		if stale, err := headless.StaleSessions(ctx); err != nil || len(stale) != 0 {
			t.Errorf("the headless command sees the live window as stale: %v %v", stale, err)
		}
		if err := headless.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(window.marker.path); err != nil {
			t.Fatalf("the headless command removed the window's marker: %v", err)
		}
		if stale, err := window.StaleSessions(ctx); err != nil || len(stale) != 0 {
			t.Errorf("stale after a clean headless run: %v %v", stale, err)
		}
	})

	t.Run("AbandonedIsStale", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		crashed, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		left := crashed.marker.path
		// what a crash does: the lock goes, the file stays
		crashed.marker.conn.Close()
		crashed.marker.db.Close()
		crashed.marker = nil
		crashed.Close()

		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stale, err := s.StaleSessions(ctx)
		if err != nil || len(stale) != 1 || stale[0] != left {
			t.Fatalf("stale = %v %v, want [%s]", stale, err, left)
		}
		if err := s.ForgetSessions(stale); err != nil {
			t.Fatal(err)
		}
		if stale, _ := s.StaleSessions(ctx); len(stale) != 0 {
			t.Errorf("still stale after ForgetSessions: %v", stale)
		}
		if _, err := os.Stat(s.marker.path); err != nil {
			t.Errorf("ForgetSessions touched the live marker: %v", err)
		}
	})

	t.Run("HalfMadeIsStale", func(t *testing.T) {
		// a session that died between creating its marker and writing it leaves an empty file
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		if err := os.WriteFile(path+markerInfix+"0000", nil, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if stale, _ := s.StaleSessions(ctx); len(stale) != 1 {
			t.Errorf("stale = %v, want the empty marker", stale)
		}
	})

	t.Run("OtherFilesAreNotMarkers", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "sellerdesk.db")
		other, err := Open(ctx, filepath.Join(dir, "other.db"), testClock())
		if err != nil {
			t.Fatal(err)
		}
		other.marker.conn.Close() // another data file's abandoned marker
		other.marker.db.Close()
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if stale, _ := s.StaleSessions(ctx); len(stale) != 0 {
			t.Errorf("another data file's marker counted: %v", stale)
		}
		if err := s.ForgetSessions([]string{other.marker.path}); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(other.marker.path); err != nil {
			t.Error("ForgetSessions removed another data file's marker")
		}
	})
}

// TestSessionMarkerAcrossProcesses runs a real second process that opens the store and is then killed: while
// it runs its marker is live, once it is killed the marker is stale.
func TestSessionMarkerAcrossProcesses(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_HOLD_STORE"); path != "" {
		holdStoreOpen(path)
		return
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestSessionMarkerAcrossProcesses$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_HOLD_STORE="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "open ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}
	theirs := strings.TrimSpace(strings.TrimPrefix(line, "open "))
	if stale, err := s.StaleSessions(ctx); err != nil || len(stale) != 0 {
		t.Errorf("a running process's marker is stale: %v %v", stale, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	stale, err := s.StaleSessions(ctx)
	if err != nil || len(stale) != 1 || stale[0] != theirs {
		t.Errorf("after the kill stale = %v %v, want [%s]", stale, err, theirs)
	}
}

// holdStoreOpen is the helper process: open the store, say where its marker is, wait to be killed.
func holdStoreOpen(path string) {
	s, err := Open(context.Background(), path, testClock())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("open", s.marker.path)
	bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(0)
}

// TestBackupDoesNotBlockWriter: the writer commits while a backup is half way through its copy (held there
// by its progress callback), and the copy is the point in time the backup began.
func TestBackupDoesNotBlockWriter(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fillSettings(t, s, 200)
	s.backupPages = 2 // many steps, so the write lands between two of them
	dst := filepath.Join(t.TempDir(), "backup.db")
	wrote, steps, last, checking := false, 0, 0.0, false
	err := s.Backup(ctx, dst, func(p BackupProgress) {
		if p.Copied < last {
			t.Errorf("progress went back from %v to %v: the copy restarted", last, p.Copied)
		}
		last = p.Copied
		if p.Checking {
			checking = true
			return
		}
		steps++
		if !wrote && p.Copied > 0 && p.Copied < 1 {
			// the backup holds its read transaction here; a writer it blocked would fail with "locked"
			// after the busy timeout
			if err := s.SetSetting(ctx, "during.backup", "yes"); err != nil {
				t.Errorf("write during the backup: %v", err)
			}
			wrote = true
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !wrote || steps < 3 || !checking || last != 1 {
		t.Fatalf("wrote %v in %d steps, checking %v, last %v", wrote, steps, checking, last)
	}
	if v, ok, _ := s.Setting(ctx, "during.backup"); !ok || v != "yes" {
		t.Error("the write made during the backup is not in the store")
	}
	copyDB, err := sql.Open("sqlite", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var n int
	if err := copyDB.QueryRow(`SELECT count(*) FROM settings WHERE key = 'during.backup'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the copy holds a write made after it began (%d, %v)", n, err)
	}
	if err := copyDB.QueryRow(`SELECT count(*) FROM settings WHERE key LIKE 'fill.%'`).Scan(&n); err != nil || n != 200 {
		t.Errorf("the copy holds %d of 200 rows (%v)", n, err)
	}
	var mode string
	if err := copyDB.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("the copy's journal_mode = %q (%v), want delete", mode, err)
	}

	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		dst := filepath.Join(t.TempDir(), "cancelled.db")
		err := s.Backup(cctx, dst, func(p BackupProgress) {
			if p.Copied > 0 {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		left, _ := os.ReadDir(filepath.Dir(dst))
		if len(left) != 0 {
			t.Errorf("a cancelled backup left %d files", len(left))
		}
	})
}

// TestBackupCopyFailsItsCheck: the backup copies the live file's pages, so a damaged page fails the copy's
// integrity_check, the backup is refused with KindCorrupt, and nothing is left under the backup's name.
func TestBackupCopyFailsItsCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	fillSettings(t, s, 400)
	s.Close()
	damageTail(t, path)
	s, err = Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dst := filepath.Join(t.TempDir(), "backup.db")
	err = s.BackupTo(ctx, dst)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindCorrupt {
		t.Fatalf("err = %v, want a KindCorrupt OpenError", err)
	}
	if left, _ := os.ReadDir(filepath.Dir(dst)); len(left) != 0 {
		t.Errorf("a failed backup left %d files", len(left))
	}
}

// TestCloseDoesNotWaitForReaders: another connection reads an older snapshot while the store closes. The
// store waits an hour for locks here, so a checkpoint that waited for that reader would hang the test
// (and fail it at go test's timeout) instead of returning.
func TestCloseDoesNotWaitForReaders(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := openWith(ctx, path, embeddedMigrations(), testClock(), func(s *Store) { s.busyMillis = 3_600_000 })
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "before", "1"); err != nil {
		t.Fatal(err)
	}
	reader, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	rtx, err := reader.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := rtx.QueryRow(`SELECT count(*) FROM settings`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "after", "2"); err != nil { // the WAL now runs past the reader's snapshot
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	rtx.Rollback()
	reader.Close()

	s, err = Open(ctx, path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, ok, _ := s.Setting(ctx, "after"); !ok || v != "2" {
		t.Error("a write committed before Close is lost")
	}
}
