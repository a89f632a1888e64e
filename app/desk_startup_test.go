package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sellerdesk/app/clock"
)

// damageTail scribbles over the data file's last pages (rows written last), leaving the header and the
// schema, in the first pages, readable: damage that only a whole-file check finds.
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

// crashedRun runs a real second SellerDesk process on the data file at path, which loads a small demo
// store, closes, opens again and is then killed: the last run did not close. With damage, the file's tail
// is damaged after the kill, as a power cut in the middle of a write might leave it.
func crashedRun(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestUncleanRunIsChecked$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_CRASH_DB="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "open" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

// runUntilKilled is the helper process of crashedRun.
func runUntilKilled(path string) {
	ctx := context.Background()
	at := clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local))
	d, err := Open(ctx, path, testInfo, WithClock(at.Now))
	if err == nil {
		err = d.LoadDemo(ctx, DemoOptions{Seed: 5, Orders: 300}, nil)
	}
	if err == nil {
		err = d.Close() // the demo is in the main file, not the WAL, before the damage
	}
	if err == nil {
		d, err = Open(ctx, path, testInfo, WithClock(at.Now))
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("open")
	bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(0)
}

func TestUncleanRunIsChecked(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_CRASH_DB"); path != "" {
		runUntilKilled(path)
		return
	}
	ctx := context.Background()
	at := clock.At(time.Date(2031, 6, 15, 11, 0, 0, 0, time.Local))
	open := func(t *testing.T, path string) *Desk {
		t.Helper()
		d, err := Open(ctx, path, testInfo, WithClock(at.Now))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}

	t.Run("CleanRunsAreNotChecked", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DBFileName)
		d := open(t, path)
		headless := open(t, path) // a command run beside the window, closed cleanly
		headless.Close()
		if unclean, err := d.LastRunUnclean(ctx); err != nil || unclean {
			t.Fatalf("unclean = %v %v after clean runs", unclean, err)
		}
		d.Close()
		d = open(t, path)
		if unclean, err := d.LastRunUnclean(ctx); err != nil || unclean {
			t.Fatalf("unclean = %v %v after the window closed", unclean, err)
		}
	})

	t.Run("SoundFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DBFileName)
		crashedRun(t, path)
		d := open(t, path)
		if unclean, err := d.LastRunUnclean(ctx); err != nil || !unclean {
			t.Fatalf("unclean = %v %v after a killed run", unclean, err)
		}
		r, err := d.CheckAfterUncleanRun(ctx)
		if err != nil || r.Problem != "" || r.Path != path || r.Size == 0 {
			t.Fatalf("check = %+v %v", r, err)
		}
		if unclean, _ := d.LastRunUnclean(ctx); unclean {
			t.Error("a passed check did not forget the run that did not close")
		}
	})

	t.Run("CheckCommandCounts", func(t *testing.T) {
		// `sellerdesk check` after the crash passes: the window need not check again
		path := filepath.Join(t.TempDir(), DBFileName)
		crashedRun(t, path)
		d := open(t, path)
		if r, err := d.Check(ctx); err != nil || r.Problem != "" {
			t.Fatalf("check = %+v %v", r, err)
		}
		if unclean, _ := d.LastRunUnclean(ctx); unclean {
			t.Error("a passed full check did not forget the run that did not close")
		}
	})

	t.Run("DamagedFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DBFileName)
		crashedRun(t, path)
		damageTail(t, path)
		d := open(t, path) // opening does not read the whole file, so the damage is not seen here
		r, err := d.CheckAfterUncleanRun(ctx)
		if err != nil || r.Problem == "" {
			t.Fatalf("check = %+v %v, want a problem", r, err)
		}
		if unclean, _ := d.LastRunUnclean(ctx); !unclean {
			t.Error("a failed check forgot the run: the next start would not check again")
		}
		if r, err := d.Check(ctx); err == nil && r.Problem == "" {
			t.Error("the full check passed a damaged file")
		}
		if unclean, _ := d.LastRunUnclean(ctx); !unclean {
			t.Error("a failed full check forgot the run")
		}

		// the day's backup copies the same pages, and its check says so too; no older backup is rotated away
		_, err = d.AutoBackupWithProgress(ctx, nil)
		if !errors.Is(err, ErrDataDamaged) || !strings.Contains(Message(err), "복원하세요") {
			t.Fatalf("backup of a damaged file: %v", err)
		}
		_, err = d.BackupNow(ctx, "")
		if !errors.Is(err, ErrDataDamaged) || !strings.Contains(Message(err), "복원하세요") {
			t.Fatalf("지금 백업 of a damaged file: %v", err)
		}
		if files, _ := d.Backups(); len(files) != 0 {
			t.Errorf("a backup that failed its check was kept: %+v", files)
		}
	})
}

// TestAutoBackupProgressAndWrites: the day's backup reports its progress, and a write made while it holds
// its read transaction (here, from its progress callback) completes.
func TestAutoBackupProgressAndWrites(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	if err := d.LoadDemo(ctx, DemoOptions{Seed: 2, Orders: 200}, nil); err != nil {
		t.Fatal(err)
	}
	var seen []BackupProgress
	wrote := false
	path, err := d.AutoBackupWithProgress(ctx, func(p BackupProgress) {
		seen = append(seen, p)
		if !wrote && !p.Checking {
			if err := d.SetTheme(ctx, ThemeDark); err != nil {
				t.Errorf("write during the backup: %v", err)
			}
			wrote = true
		}
	})
	if err != nil || path == "" {
		t.Fatalf("backup = %q %v", path, err)
	}
	if !wrote || len(seen) < 2 || !seen[len(seen)-1].Checking || seen[len(seen)-1].Copied != 1 {
		t.Fatalf("progress = %+v, wrote %v", seen, wrote)
	}
	if th := d.Theme(ctx); th != ThemeDark {
		t.Errorf("theme after the backup = %v", th)
	}
	if due, err := d.AutoBackupDue(); err != nil || due {
		t.Errorf("still due after today's backup: %v %v", due, err)
	}
}

// TestCloseStopsBackgroundWork: Close cancels work started with Go and waits for it, so a backup cut short
// by quitting leaves neither a backup nor its temporary copy.
func TestCloseStopsBackgroundWork(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), DBFileName), testInfo,
		WithClock(clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local)).Now))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.LoadDemo(ctx, DemoOptions{Seed: 2, Orders: 200}, nil); err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	var once sync.Once
	var backupErr error
	finished := false
	d.Go(func(ctx context.Context) {
		_, backupErr = d.AutoBackupWithProgress(ctx, func(BackupProgress) {
			once.Do(func() {
				close(started)
				<-ctx.Done() // hold the backup here until Close cancels it
			})
		})
		finished = true
	})
	<-started
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if !finished {
		t.Fatal("Close returned before the background work")
	}
	if ErrorCode(backupErr) != ErrConflict || !errors.Is(backupErr, context.Canceled) {
		t.Errorf("backup stopped by Close: %v", backupErr)
	}
	if left, _ := os.ReadDir(d.BackupDir()); len(left) != 0 {
		t.Errorf("a stopped backup left %d files in the backups folder", len(left))
	}
}

// TestAutoBackupRemovesLeftovers: the temporary copies a backup cut off by a crash left behind (each as
// large as the data file) go with the next day's backup; one named for today, perhaps another process's
// backup still running, stays.
func TestAutoBackupRemovesLeftovers(t *testing.T) {
	ctx := context.Background()
	c := clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local))
	d := openDeskAt(t, c)
	if err := os.MkdirAll(d.BackupDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	leftovers := map[string]bool{ // name → removed by today's backup
		".sellerdesk-auto-20310614-090000.db.123456.tmp":         true,
		".sellerdesk-auto-20310614-090000.db.123456.tmp-journal": true,
		".sellerdesk-manual-20310601-120000.db.777.tmp":          true,
		".sellerdesk-manual-20310615-093000.db.888.tmp":          false,
		".notes.tmp": false,
	}
	for name := range leftovers {
		if err := os.WriteFile(filepath.Join(d.BackupDir(), name), []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.AutoBackup(ctx); err != nil {
		t.Fatal(err)
	}
	for name, removed := range leftovers {
		_, err := os.Stat(filepath.Join(d.BackupDir(), name))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
