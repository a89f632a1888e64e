package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Access says whether a store may be written and, when it may not, why.
type Access int

// The ways a store is open.
const (
	Writable       Access = iota // the usual: read and write
	ReadOnlyAsked                // opened with the ReadOnly option
	ReadOnlyFile                 // the data file cannot be written (its permissions, a read-only disk)
	ReadOnlyFolder               // the data folder cannot be written: SQLite cannot make its -shm file there
)

// ReadOnly opens the store without writing anything to the file or beside it. Open also opens read-only
// by itself when the data file or its folder cannot be written (a file copied from a CD, a folder shared
// read-only, permissions changed): the seller can still look up orders, check the file and back it up, and
// every write is refused with a *ReadOnlyError. A file that would need a schema update cannot be opened
// read-only (KindReadOnlyNeedsUpdate), nor can a store be created where nothing can be written
// (KindCannotCreate).
func ReadOnly() Option { return func(s *Store) { s.access = ReadOnlyAsked } }

// Access says whether the store may be written and, when it may not, why.
func (s *Store) Access() Access { return s.access }

// decideAccess looks at the file and its folder before anything opens them: a folder given for the file is
// refused; a file or folder that cannot be written makes the store read-only.
func (s *Store) decideAccess() error {
	st, err := os.Stat(s.path)
	switch {
	case err == nil && st.IsDir():
		return &OpenError{Path: s.path, Kind: KindFolder}
	case err == nil && s.access == Writable:
		switch err := fileWritable(s.path); {
		case err == nil:
		case denied(err):
			s.access = ReadOnlyFile
		default:
			return &OpenError{Path: s.path, Kind: KindUnreadable, Detail: err.Error()}
		}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return &OpenError{Path: s.path, Kind: KindUnreadable, Detail: err.Error()}
	}
	if !canCreateIn(filepath.Dir(s.path)) {
		if s.access == Writable {
			s.access = ReadOnlyFolder
		}
		// SQLite makes the -shm file of a WAL store beside it; where it cannot, and no writer has left one
		// with a log to read, the file is read as immutable (no -shm, no locks: nobody can write it there)
		s.immutable = !hasWAL(s.path)
	}
	return nil
}

// openReadOnly finishes Open for a store that may not be written: no migration, no statistics, no session
// marker; readers and the (refusing) writer are query_only connections to the read-only file.
func (s *Store) openReadOnly(ctx context.Context, version int, existing bool) (*Store, error) {
	if !existing {
		return nil, &OpenError{Path: s.path, Kind: KindCannotCreate}
	}
	if version < len(s.migrations) {
		return nil, &OpenError{Path: s.path, Kind: KindReadOnlyNeedsUpdate, Version: version, Known: len(s.migrations)}
	}
	var err error
	if s.w, err = sql.Open("sqlite", s.dsn(true)); err != nil {
		return nil, fmt.Errorf("data: open %s read-only: %w", s.path, err)
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite", s.dsn(false)); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("data: open %s read-only: %w", s.path, err)
	}
	s.r.SetMaxOpenConns(4)
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		s.Close()
		return nil, s.readOnlyCause(&OpenError{Path: s.path, Kind: KindUnreadable, Detail: err.Error()})
	}
	return s, nil
}

// readOnlyCause names what really stopped a read-only open: a file that reads as damaged or unreadable
// only because its write-ahead log cannot be read from a read-only folder (SQLite needs to make or write
// the -shm file for it) is said to be that, not damage.
func (s *Store) readOnlyCause(err error) error {
	var oe *OpenError
	if s.access != ReadOnlyFolder || !hasWAL(s.path) || !errors.As(err, &oe) || (oe.Kind != KindCorrupt && oe.Kind != KindUnreadable) {
		return err
	}
	return &OpenError{Path: s.path, Kind: KindReadOnlyLog, Detail: oe.Detail}
}

// roURI opens path read-only through SQLite's URI handling (mode=ro: no write, no journal, no new file),
// and with immutable=1 also without a -shm file or locks.
func roURI(path string, immutable bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows; a URI's path starts with a slash
	}
	uri := "file://" + (&url.URL{Path: p}).EscapedPath() + "?mode=ro"
	if immutable {
		uri += "&immutable=1"
	}
	return uri
}

// denied reports whether err says the file or folder may not be written: its permissions, or a read-only
// file system.
func denied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// canCreateIn reports whether a file can be created in dir, by creating one and removing it: the one test
// that tells the truth everywhere (permissions, ACLs, a read-only disk, an administrator's rights). Any
// failure other than a refusal (a folder that does not exist yet) is left for SQLite to report.
func canCreateIn(dir string) bool {
	f, err := os.CreateTemp(dir, ".sellerdesk-write-check-*.tmp")
	if err != nil {
		return !denied(err)
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// hasWAL reports whether the store at path has a write-ahead log with content beside it: committed
// writes a reader must see, which an immutable connection would not read.
func hasWAL(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}
