package applog

import (
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// unwritableDir is a data folder the log cannot be written in: a 0500 folder, or for root (whom permissions
// do not stop) a path under a regular file.
func unwritableDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(file, "data")
	}
	dir := filepath.Join(t.TempDir(), "readonly")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	return dir
}

// TestNewFallsBackToTemp: with a data folder that cannot be written, the log goes to the temporary folder
// and says why, instead of stopping `check` and `orders find`.
func TestNewFallsBackToTemp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // os.TempDir on Unix
	t.Setenv("TMP", tmp)    // and on Windows
	dir := unwritableDir(t)

	log, out, err := New(dir, slog.LevelInfo)
	if err != nil {
		t.Fatalf("New on an unwritable folder: %v", err)
	}
	log.Info("order lookup", "query", "홍길동")
	out.Close()
	want := filepath.Join(FallbackDir(), FileName)
	if !strings.HasPrefix(want, tmp) {
		t.Fatalf("fallback %s is not in the temporary folder %s", want, tmp)
	}
	if got := out.(*RotatingFile).Path(); got != want {
		t.Errorf("logging to %s, want %s", got, want)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"data folder cannot be written", dir, "order lookup"} {
		if !strings.Contains(string(b), s) {
			t.Errorf("the fallback log lacks %q:\n%s", s, b)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
		t.Error("a log appeared in the unwritable folder")
	}
}

// TestNewNowhereToLog: when the temporary folder cannot be written either, New says so.
func TestNewNowhereToLog(t *testing.T) {
	dir := unwritableDir(t)
	t.Setenv("TMPDIR", dir)
	t.Setenv("TMP", dir)
	if _, _, err := New(dir, slog.LevelInfo); err == nil {
		t.Error("New succeeded with nowhere to write")
	}
}

// TestNewWritesInDataFolder: a writable data folder keeps the log.
func TestNewWritesInDataFolder(t *testing.T) {
	dir := t.TempDir()
	_, out, err := New(dir, slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if got, want := out.(*RotatingFile).Path(), filepath.Join(dir, FileName); got != want {
		t.Errorf("logging to %s, want %s", got, want)
	}
}
