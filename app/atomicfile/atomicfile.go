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
	"strconv"
)

// Perm is the mode of a new file: readable by others like any document the seller saves (the umask still
// applies). A file that already exists keeps its own mode.
const Perm fs.FileMode = 0o644

// Write creates or replaces path with what write produces. The temporary file lives beside path (a rename
// is only atomic within one file system), is synced before the rename, and is removed on every failure,
// including an error returned by write; the target is then left as it was.
func Write(path string, write func(w io.Writer) error) (err error) {
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
	if err := write(tmp); err != nil {
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
