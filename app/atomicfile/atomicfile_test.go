package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// entries lists a folder, so a test can see a temporary file left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWrite(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "상품_대량수정.xlsx")
		if err := WriteFile(path, []byte("첫 내용")); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, []byte("새 내용")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != "새 내용" {
			t.Errorf("content = %q", b)
		}
		if got := entries(t, dir); len(got) != 1 || got[0] != "상품_대량수정.xlsx" {
			t.Errorf("folder holds %q, want only the file", got)
		}
	})

	t.Run("FailingWriterKeepsTarget", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "발주서.pdf")
		os.WriteFile(path, []byte("어제 저장한 발주서"), 0o644)
		boom := errors.New("disk full")
		err := Write(path, func(w io.Writer) error {
			io.WriteString(w, "반쯤 쓴")
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want the writer's error", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "어제 저장한 발주서" {
			t.Errorf("target changed to %q", b)
		}
		if got := entries(t, dir); len(got) != 1 {
			t.Errorf("folder holds %q: a temporary file was left", got)
		}
	})

	t.Run("FailingWriterCreatesNothing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.xlsx")
		if err := Write(path, func(io.Writer) error { return errors.New("cancelled") }); err == nil {
			t.Fatal("no error")
		}
		if got := entries(t, dir); len(got) != 0 {
			t.Errorf("folder holds %q after a failed first write", got)
		}
	})

	t.Run("MissingFolder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "없는 폴더", "a.xlsx")
		if err := WriteFile(path, []byte("x")); err == nil {
			t.Error("wrote into a folder that does not exist")
		}
	})

	t.Run("TargetIsAFolder", func(t *testing.T) {
		dir := t.TempDir()
		if err := WriteFile(dir, []byte("x")); err == nil {
			t.Error("replaced a folder")
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			t.Errorf("the folder is gone: %v", err)
		}
	})

	t.Run("KeepsMode", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("Windows files have no Unix mode bits")
		}
		dir := t.TempDir()
		private := filepath.Join(dir, "private.xlsx")
		os.WriteFile(private, []byte("old"), 0o600)
		os.Chmod(private, 0o600)
		if err := WriteFile(private, []byte("new")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
			t.Errorf("replaced file mode = %v, want 0600", st.Mode().Perm())
		}
		fresh := filepath.Join(dir, "fresh.xlsx")
		if err := WriteFile(fresh, []byte("new")); err != nil {
			t.Fatal(err)
		}
		// a new document is readable by its owner and never executable, whatever the umask
		if st, _ := os.Stat(fresh); st.Mode().Perm()&0o600 != 0o600 || st.Mode().Perm()&0o111 != 0 || st.Mode().Perm()&^Perm != 0 {
			t.Errorf("new file mode = %v", st.Mode().Perm())
		}
	})
}
