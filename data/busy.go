package data

import (
	"errors"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// WriterBusyTimeout is how long a write waits for another process's write to finish before it gives up
// with a *BusyError. An import in another window or command can hold the file for minutes, so waiting longer
// only makes the seller stare at a frozen screen; a few seconds still lets a short write elsewhere (a status
// move, a backup's bookkeeping) finish unnoticed. Readers never wait on a writer: in WAL mode they read the
// last committed state.
const WriterBusyTimeout = 2500 * time.Millisecond

// BusyKey is the sentence a *BusyError says, and the translation key the views and commands look up.
const BusyKey = "데이터 파일을 다른 셀러데스크 창이나 명령이 쓰고 있습니다. 그 작업이 끝난 뒤 다시 시도하세요."

// BusyError says a write gave up because another connection (another SellerDesk window or headless
// command) held the data file's write lock for longer than WriterBusyTimeout. Nothing was written.
type BusyError struct {
	Path string // the data file
	Err  error  // SQLite's SQLITE_BUSY, for the log
}

func (e *BusyError) Error() string { return BusyKey }

func (e *BusyError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *BusyError) KoreanMessage() bool { return true }

// IsBusy reports whether err is, or wraps, a *BusyError or SQLite's SQLITE_BUSY / SQLITE_LOCKED: another
// connection held the lock for longer than this one would wait.
func IsBusy(err error) bool {
	var be *BusyError
	if errors.As(err, &be) {
		return true
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff // extended codes (SQLITE_BUSY_SNAPSHOT …) keep the primary in the low byte
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// asBusy turns a busy failure into a *BusyError for the data file at path, so every caller (the services'
// writes, a migration at open, a restore) can tell it from a fault with errors.As; other errors, and nil,
// come back as they are.
func asBusy(path string, err error) error {
	var be *BusyError
	if err == nil || errors.As(err, &be) || !IsBusy(err) {
		return err
	}
	return &BusyError{Path: path, Err: err}
}
