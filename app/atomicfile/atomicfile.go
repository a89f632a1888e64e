// Package atomicfile writes a file so that readers only ever see the old content or the whole new content:
// the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file is renamed
// over the target. A failed or interrupted export therefore never leaves half a spreadsheet or PDF behind, and
// never destroys the file the seller had there before.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"sellerdesk/app/apperr"
)

// Perm is the mode of a new file: readable by others like any document the seller saves (the umask still
// applies). A file that already exists keeps its own mode.
const Perm fs.FileMode = 0o644

// Write creates or replaces path with what write produces. The temporary file lives beside path (a rename
// is only atomic within one file system), is synced before the rename, and is removed on every failure,
// including an error returned by write; the target is then left as it was. A full disk or a folder the
// seller may not write is said in a Korean sentence (an *apperr.Error naming the file); an error of write's
// own comes back as it is. Temporary files of the same target that a crashed write left behind (older than
// StaleAfter) are removed on the way.
func Write(path string, write func(w io.Writer) error) (err error) {
	defer func() { err = explain(path, err) }()
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	perm, keep := Perm, false
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("atomicfile: %s is not a regular file", path)
		}
		perm, keep = st.Mode().Perm(), true
	}
	tmp, err := createTemp(dir, base, perm)
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	removeStale(dir, base, tmp)
	if err := write(wrap(tmp)); err != nil {
		return err
	}
	// a new file's mode is Perm narrowed by the umask; a replaced file keeps the mode it had
	if keep {
		if err := tmp.Chmod(perm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
			return fmt.Errorf("atomicfile: %w", err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("atomicfile: sync %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("atomicfile: close %s: %w", name, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	syncDir(dir)
	return nil
}

// WriteFile is Write for bytes already in memory.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// wrap is what write writes to: the temporary file itself. A test puts a failing writer in front of it to
// prove that a write error (a full disk) leaves nothing behind.
var wrap = func(f *os.File) io.Writer { return f }

// StaleAfter is how old a temporary file of the same target must be before Write takes it for a crashed
// write's leftover and removes it: far longer than any export takes, so another process's write of the
// same file at the same moment is never touched.
const StaleAfter = time.Hour

// removeStale removes the temporary files of target base in dir (.base.N.tmp) older than StaleAfter. Their
// age is measured against the new temporary file's own time, so no clock is read.
func removeStale(dir, base string, fresh *os.File) {
	st, err := fresh.Stat()
	if err != nil {
		return
	}
	entries, _ := os.ReadDir(dir)
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		digits, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() || name == filepath.Base(fresh.Name()) {
			continue
		}
		if digits, ok = strings.CutSuffix(digits, ".tmp"); !ok {
			continue
		}
		if _, err := strconv.ParseUint(digits, 10, 64); err != nil {
			continue
		}
		old := filepath.Join(dir, name)
		if ost, err := os.Lstat(old); err == nil && st.ModTime().Sub(ost.ModTime()) > StaleAfter {
			os.Remove(old)
		}
	}
}

// explain turns a failure whose cause the seller can act on into a Korean sentence naming the file: a full
// disk, or a file or folder that may not be written. Other errors come back as they are.
func explain(path string, err error) error {
	var ae *apperr.Error
	switch {
	case err == nil, errors.As(err, &ae):
		return err
	case IsDiskFull(err):
		e := apperr.New(apperr.ErrConflict, "디스크 공간이 부족해 {{.Path}}을(를) 저장하지 못했습니다. 만들던 파일은 지웠고, 같은 이름의 이전 파일은 그대로입니다. 공간을 비운 뒤 다시 저장하세요.", "Path", path)
		e.Err = err
		return e
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		e := apperr.New(apperr.ErrConflict, "{{.Path}}에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더나 이름을 고르세요.", "Path", path)
		e.Err = err
		return e
	}
	return err
}

// IsDiskFull reports whether err says the disk is full: ENOSPC, or on Windows ERROR_DISK_FULL and
// ERROR_HANDLE_DISK_FULL (which do not match ENOSPC there).
func IsDiskFull(err error) bool {
	var en syscall.Errno
	if !errors.As(err, &en) {
		return false
	}
	return en == syscall.ENOSPC || runtime.GOOS == "windows" && (en == errorDiskFull || en == errorHandleDiskFull)
}

// The Windows error numbers of a full disk.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// createTemp makes a new hidden file beside the target. os.CreateTemp would always use mode 0600; opening
// with O_EXCL and the wanted mode lets the umask decide, as for any file the program creates.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64()%1e9, 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// syncDir makes the rename itself durable where the system allows it; Windows cannot open a folder for
// syncing and makes the rename durable on its own, so a failure here is not an error.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
