//go:build unix

package data

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// roOutcome is what opening a store in a read-only place came to, as the probe saw it.
type roOutcome struct {
	Access   Access
	Kind     OpenErrorKind // when Open refused
	Err      string
	Settings int  // rows read
	WriteRO  bool // a write was refused with a *ReadOnlyError
	Left     []string
}

// roProbe opens the store at path as the seller's program does and tries a read and a write.
func roProbe(path string) (out roOutcome) {
	ctx := context.Background()
	defer func() {
		entries, _ := os.ReadDir(filepath.Dir(path))
		for _, e := range entries {
			out.Left = append(out.Left, e.Name())
		}
	}()
	s, err := Open(ctx, path, testClock())
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) {
			out.Kind = oe.Kind
		}
		out.Err = err.Error()
		return out
	}
	defer s.Close()
	out.Access = s.Access()
	if err := s.Read().QueryRow(`SELECT count(*) FROM settings`).Scan(&out.Settings); err != nil {
		out.Err = err.Error()
	}
	var re *ReadOnlyError
	out.WriteRO = errors.As(s.SetSetting(ctx, "ro.write", "x"), &re)
	return out
}

// asOtherUser runs roProbe(path) where permissions apply: in this process when it is not root (the caller
// has chmod-ed the files), else in a copy of this test binary run as the user nobody, since root ignores
// permissions. The files made by root then are what nobody may only read.
func asOtherUser(t *testing.T, path string) roOutcome {
	t.Helper()
	if os.Geteuid() != 0 {
		return roProbe(path)
	}
	bin := copyTestBinary(t)
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyPlaces$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_RO_PROBE="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	cmd.Dir = "/"
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("probe as nobody: %v\n%s", err, raw)
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	var out roOutcome
	if err := json.Unmarshal([]byte(line), &out); err != nil {
		t.Fatalf("probe said %q: %v", raw, err)
	}
	return out
}

var testBinaryCopy string

// copyTestBinary puts this test binary where the user nobody can run it (go test builds it in a folder only
// its owner may enter), once per run.
func copyTestBinary(t *testing.T) string {
	t.Helper()
	if testBinaryCopy != "" {
		return testBinaryCopy
	}
	dir, err := os.MkdirTemp("", "sellerdesk-test-bin-")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	bin := filepath.Join(dir, "data.test")
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err == nil {
		_, err = io.Copy(dst, src)
		dst.Close()
	}
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	testBinaryCopy = bin
	return bin
}

// roPlace makes a folder the other user can reach holding a store (or none), with the modes given for the
// process that will open it: a non-root run chmod-s to these modes; a root run keeps root's ownership,
// where othersFile/othersDir say what nobody may do.
func roPlace(t *testing.T, migs []migration, dirWritable, fileWritable bool) (dir, path string) {
	t.Helper()
	base := t.TempDir()
	os.Chmod(filepath.Dir(base), 0o755)
	os.Chmod(base, 0o755)
	dir = filepath.Join(base, "data")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "sellerdesk.db")
	if migs != nil {
		s, err := openWith(context.Background(), path, migs, testClock())
		if err != nil {
			t.Fatal(err)
		}
		fillSettings(t, s, 3)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	fileMode, dirMode := os.FileMode(0o444), os.FileMode(0o555)
	if os.Geteuid() == 0 {
		fileMode, dirMode = 0o644, 0o755 // root's own files: nobody reads them only
	}
	if fileWritable {
		fileMode = 0o666
	}
	if dirWritable {
		dirMode = 0o777
	}
	if migs != nil {
		if err := os.Chmod(path, fileMode); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, dirMode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir, path
}

// TestReadOnlyPlaces: a data file or data folder the seller cannot write is opened read-only instead of
// refused: reads work, writes are refused with the Korean read-only message, nothing is left beside the
// file; a folder where SQLite cannot make its -shm file is read as immutable. A store that needs a schema
// update there, or a store that does not exist yet, is refused with its own message. Run as root, the probe
// runs in a copy of this binary as the user nobody (root ignores permissions).
func TestReadOnlyPlaces(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_RO_PROBE"); path != "" {
		b, _ := json.Marshal(roProbe(path))
		os.Stdout.Write(append(b, '\n'))
		os.Exit(0)
	}
	all := embeddedMigrations()
	readable := func(t *testing.T, got roOutcome, want Access) {
		t.Helper()
		if got.Err != "" || got.Access != want || got.Settings < 3 || !got.WriteRO {
			t.Errorf("outcome %+v, want access %v with 3+ settings read and the write refused as read-only", got, want)
		}
		for _, name := range got.Left {
			if strings.Contains(name, "-open-") || strings.Contains(name, "write-check") {
				t.Errorf("left %s beside the file", name)
			}
		}
	}
	t.Run("File", func(t *testing.T) {
		_, path := roPlace(t, all, true, false)
		readable(t, asOtherUser(t, path), ReadOnlyFile)
	})
	t.Run("Folder", func(t *testing.T) {
		_, path := roPlace(t, all, false, true)
		readable(t, asOtherUser(t, path), ReadOnlyFolder)
	})
	t.Run("FileAndFolder", func(t *testing.T) {
		_, path := roPlace(t, all, false, false)
		readable(t, asOtherUser(t, path), ReadOnlyFile)
	})
	t.Run("FolderWithUncheckpointedLog", func(t *testing.T) {
		// a writer that died left its -wal (with committed rows) and -shm beside the file
		_, path := roPlace(t, all, true, true)
		os.Chmod(filepath.Dir(path), 0o755)
		src := filepath.Join(t.TempDir(), "live.db")
		s, err := Open(context.Background(), src, testClock())
		if err != nil {
			t.Fatal(err)
		}
		fillSettings(t, s, 5)
		for _, suffix := range []string{"", "-wal", "-shm"} {
			b, err := os.ReadFile(src + suffix)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path+suffix, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		if os.Geteuid() != 0 {
			os.Chmod(path, 0o444)
			os.Chmod(filepath.Dir(path), 0o555)
		} else {
			os.Chmod(path, 0o644) // root's: nobody reads it only
		}
		got := asOtherUser(t, path)
		readable(t, got, ReadOnlyFile)
		if got.Settings < 5 {
			t.Errorf("read %d settings: the log's committed rows were not read", got.Settings)
		}
		// without its -shm, the log cannot be read from a read-only folder: said so, not "damaged"
		os.Chmod(filepath.Dir(path), 0o755)
		os.Remove(path + "-shm")
		os.Chmod(path, 0o666)
		if os.Geteuid() != 0 {
			os.Chmod(filepath.Dir(path), 0o555)
		}
		if got := asOtherUser(t, path); got.Kind != KindReadOnlyLog || !strings.Contains(got.Err, "읽기 전용") {
			t.Errorf("outcome %+v, want KindReadOnlyLog", got)
		}
	})
	t.Run("NeedsUpdate", func(t *testing.T) {
		_, path := roPlace(t, all[:6], false, false)
		got := asOtherUser(t, path)
		if got.Kind != KindReadOnlyNeedsUpdate || !strings.Contains(got.Err, "쓰기 권한") {
			t.Errorf("outcome %+v, want KindReadOnlyNeedsUpdate", got)
		}
		if v := fileVersion(t, path); v != 6 {
			t.Errorf("the file is at version %d, want 6 (untouched)", v)
		}
	})
	t.Run("NoFileInReadOnlyFolder", func(t *testing.T) {
		_, path := roPlace(t, nil, false, false)
		if got := asOtherUser(t, path); got.Kind != KindCannotCreate || !strings.Contains(got.Err, "쓸 수 없어") {
			t.Errorf("outcome %+v, want KindCannotCreate", got)
		}
	})
}
