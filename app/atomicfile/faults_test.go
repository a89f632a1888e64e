package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sellerdesk/app/apperr"
)

// fullDisk is a writer in front of the temporary file that takes limit bytes and then fails as a full disk
// does.
type fullDisk struct {
	w     io.Writer
	limit int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.w.Write(p[:f.limit])
		f.limit = 0
		return n, &os.PathError{Op: "write", Path: "temp", Err: syscall.ENOSPC}
	}
	f.limit -= len(p)
	return f.w.Write(p)
}

// TestWriteOnFullDisk: an export that meets a full disk half way (an injected write error) leaves no
// temporary file, keeps the file the seller had, and says in Korean what happened.
func TestWriteOnFullDisk(t *testing.T) {
	old := wrap
	wrap = func(f *os.File) io.Writer { return &fullDisk{w: f, limit: 64 << 10} }
	defer func() { wrap = old }()

	dir := t.TempDir()
	path := filepath.Join(dir, "주문_내보내기.xlsx")
	os.WriteFile(path, []byte("지난주 파일"), 0o644)
	err := Write(path, func(w io.Writer) error {
		chunk := strings.Repeat("x", 8<<10)
		for range 128 { // 1 MB
			if _, err := io.WriteString(w, chunk); err != nil {
				return fmt.Errorf("sheet: write: %w", err)
			}
		}
		return nil
	})
	var ae *apperr.Error
	if !errors.As(err, &ae) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want an *apperr.Error with the ENOSPC cause", err)
	}
	if msg := apperr.Text(err, apperr.Korean); !strings.Contains(msg, "디스크 공간이 부족") || !strings.Contains(msg, path) {
		t.Errorf("message %q does not say the disk is full and which file", msg)
	}
	if b, _ := os.ReadFile(path); string(b) != "지난주 파일" {
		t.Errorf("the earlier file became %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("folder holds %q: a temporary file was left", got)
	}
}

// TestWriteRemovesStaleTemps: a temporary file a crashed export of the same file left (older than
// StaleAfter) is removed by the next write of that file; a recent one (another export running now) and
// other files stay.
func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	stale := filepath.Join(dir, ".report.xlsx.123456.tmp")
	recent := filepath.Join(dir, ".report.xlsx.654321.tmp")
	other := filepath.Join(dir, ".other.xlsx.111.tmp")
	for _, p := range []string{stale, recent, other} {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := os.Stat(stale)
	if err != nil {
		t.Fatal(err)
	}
	past := st.ModTime().Add(-2 * StaleAfter)
	for _, p := range []string{stale, other} {
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary file is still there (%v)", err)
	}
	for _, p := range []string{recent, other, path} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s is gone: %v", filepath.Base(p), err)
		}
	}
}

// TestWriteReadOnlyFolder: a folder that may not be written is said in Korean, naming the file.
func TestWriteReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in any folder; the data package's read-only tests run as another user")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := WriteFile(filepath.Join(dir, "a.xlsx"), []byte("x"))
	if msg := apperr.Text(err, apperr.Korean); !strings.Contains(msg, "쓸 권한이 없어") {
		t.Errorf("message %q, want the Korean permission sentence", msg)
	}
}
