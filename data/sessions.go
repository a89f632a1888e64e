package data

// Session markers: how a SellerDesk tells that a file is open elsewhere, or was left open by a session that
// did not close.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// A session marker says "a SellerDesk has this file open". Open leaves one beside the data file
// (sellerdesk.db-open-<random>) and Close removes it, so a marker left behind is a session that ended
// without closing: a crash, a power cut, a killed process. Each session has its own marker, so the window
// and a headless command on the same file never take each other's for their own. A marker is a tiny SQLite
// file its session keeps locked (locking_mode=EXCLUSIVE), which lets another process tell a live session
// from a dead one through SQLite's own file locks, the same on Windows, macOS and Linux: a live session's
// marker cannot be read, a dead one's can, because the system drops a process's locks when it ends.
const markerInfix = "-open-"

type marker struct {
	path string
	db   *sql.DB
	conn *sql.Conn // held for the session: the connection that holds the lock
}

// placeMarker creates this session's marker and takes its lock.
func placeMarker(ctx context.Context, dbPath string) (*marker, error) {
	token := make([]byte, 8)
	if _, err := rand.Read(token); err != nil {
		return nil, err
	}
	m := &marker{path: dbPath + markerInfix + hex.EncodeToString(token)}
	var err error
	m.db, err = sql.Open("sqlite", m.path+"?_pragma=locking_mode(EXCLUSIVE)&_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err == nil {
		m.conn, err = m.db.Conn(ctx)
	}
	if err == nil {
		// the first write takes the file's exclusive lock; locking_mode=EXCLUSIVE keeps it until the
		// connection closes, or the process ends
		_, err = m.conn.ExecContext(ctx, `CREATE TABLE session (pid INTEGER)`)
	}
	if err == nil {
		_, err = m.conn.ExecContext(ctx, `INSERT INTO session VALUES (?)`, os.Getpid())
	}
	if err != nil {
		m.remove()
		return nil, fmt.Errorf("data: session marker %s: %w", m.path, err)
	}
	return m, nil
}

// remove releases the marker's lock and deletes it: the session closed cleanly.
func (m *marker) remove() error {
	if m.conn != nil {
		m.conn.Close()
	}
	if m.db != nil {
		m.db.Close()
	}
	if err := os.Remove(m.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("data: remove session marker: %w", err)
	}
	return nil
}

// markerLive reports whether a live session holds the marker at path: reading it is then refused as busy.
// A marker that reads (or is not even a database: its session died while making it) is stale.
func markerLive(ctx context.Context, path string) bool {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
	if err != nil {
		return false
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n)
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED)
}

// StaleSessions lists the markers of sessions that had this file open and ended without closing. It reads
// only the small marker files beside the data file. A session still running (the window, a headless
// command) is not stale, and this session's own marker is never listed.
func (s *Store) StaleSessions(ctx context.Context) ([]string, error) {
	_, stale, err := s.sessions(ctx)
	return stale, err
}

// OtherSessions counts the other sessions (windows, headless commands, in any process) that have the file
// open now. When there are none, nothing in the data folder is in use by another SellerDesk, so what an
// ended one left there (a restore's temporary copy) may be removed.
func (s *Store) OtherSessions(ctx context.Context) (int, error) {
	live, _, err := s.sessions(ctx)
	return live, err
}

// sessions reads the markers beside the file, this session's own aside: how many are live, and the stale.
func (s *Store) sessions(ctx context.Context) (live int, stale []string, err error) {
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, nil, fmt.Errorf("data: list session markers: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), base+markerInfix) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if s.marker != nil && path == filepath.Join(dir, filepath.Base(s.marker.path)) {
			continue
		}
		if markerLive(ctx, path) {
			live++
		} else {
			stale = append(stale, path)
		}
	}
	return live, stale, nil
}

// ForgetSessions removes stale session markers (from StaleSessions) once the file has been checked after
// them, so the next start does not check again.
//
// A store open read-only forgets nothing: it checked without being able to write, and a later session
// that can write checks again.
func (s *Store) ForgetSessions(markers []string) error {
	if s.access != Writable {
		return nil
	}
	_, base := filepath.Split(s.path)
	var errs []error
	for _, m := range markers {
		if !strings.HasPrefix(filepath.Base(m), base+markerInfix) {
			continue // only ever a marker of this data file
		}
		if err := os.Remove(m); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("data: forget session markers: %w", err)
	}
	return nil
}
