// Package applog writes SellerDesk's log to a size-rotated file in the data folder, so a seller can send it
// with a problem report and it never grows without bound.
package applog

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// FileName is the current log's name in the data folder; older ones are FileName.1 … FileName.<keep>.
const FileName = "sellerdesk.log"

// RotatingFile is an io.Writer that starts a new file when the current one would pass maxBytes,
// keeping the last keep old files.
type RotatingFile struct {
	mu       sync.Mutex
	path     string
	maxBytes int64
	keep     int
	f        *os.File
	size     int64
}

// OpenRotating opens (appending) path and rotates it at maxBytes, keeping keep older files.
func OpenRotating(path string, maxBytes int64, keep int) (*RotatingFile, error) {
	r := &RotatingFile{path: path, maxBytes: maxBytes, keep: keep}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *RotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("applog: open %s: %w", r.path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("applog: stat %s: %w", r.path, err)
	}
	r.f, r.size = f, st.Size()
	return nil
}

// Write appends p, rotating first when p would push the file past its limit.
func (r *RotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.size > 0 && r.size+int64(len(p)) > r.maxBytes {
		if err := r.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

func (r *RotatingFile) rotate() error {
	r.f.Close()
	os.Remove(fmt.Sprintf("%s.%d", r.path, r.keep))
	for i := r.keep - 1; i >= 1; i-- {
		os.Rename(fmt.Sprintf("%s.%d", r.path, i), fmt.Sprintf("%s.%d", r.path, i+1))
	}
	if r.keep > 0 {
		os.Rename(r.path, r.path+".1")
	} else {
		os.Remove(r.path)
	}
	return r.open()
}

// Close closes the current file.
func (r *RotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.f.Close()
}

// Path is the file the log is written to now.
func (r *RotatingFile) Path() string { return r.path }

// New opens the log in dir (5 MB a file, three old files kept) and returns a text logger writing to it.
// When dir cannot be written (a read-only data folder, a backup opened from a CD), the log goes to the
// user's temporary folder instead (FallbackDir), and its first line says why: looking up an order or
// checking the file must not fail for want of a place to log. Only when neither can be written is it an
// error. The closer is a *RotatingFile, whose Path says where the log went.
func New(dir string, level slog.Level) (*slog.Logger, io.Closer, error) {
	w, err := OpenRotating(filepath.Join(dir, FileName), 5<<20, 3)
	if err != nil {
		fallback := FallbackDir()
		var ferr error
		if ferr = os.MkdirAll(fallback, 0o700); ferr == nil {
			w, ferr = OpenRotating(filepath.Join(fallback, FileName), 5<<20, 3)
		}
		if ferr != nil {
			return nil, nil, errors.Join(err, ferr)
		}
		log := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
		log.Warn("data folder cannot be written; logging to the temporary folder", "dir", dir, "err", err)
		return log, w, nil
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})), w, nil
}

// FallbackDir is where New logs when the data folder cannot be written: a folder of this user's in the
// system's temporary folder (on a shared /tmp, another user's folder of the same name could not be written).
func FallbackDir() string {
	name := "sellerdesk-log"
	if uid := os.Getuid(); uid >= 0 { // -1 on Windows, whose temporary folder is the user's own
		name = fmt.Sprintf("%s-%d", name, uid)
	}
	return filepath.Join(os.TempDir(), name)
}
