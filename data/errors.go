package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// OpenErrorKind says why a database file was refused.
type OpenErrorKind int

// The reasons Open refuses a file. In every case the file is left untouched.
const (
	KindUnreadable          OpenErrorKind = iota + 1 // the file could not be read at all
	KindNotDatabase                                  // not an SQLite file
	KindCorrupt                                      // an SQLite file that fails quick_check
	KindNewerVersion                                 // written by a newer SellerDesk
	KindFolder                                       // the path is a folder, not a file
	KindReadOnlyNeedsUpdate                          // only readable, and it needs a schema update first
	KindCannotCreate                                 // no file yet, and its folder cannot be written
	KindReadOnlyLog                                  // read-only, with a write-ahead log SQLite cannot read there
)

// OpenError is returned by Open when a file is refused. Its message is the sentence the seller sees.
type OpenError struct {
	Path    string
	Kind    OpenErrorKind
	Detail  string // technical detail, for the log
	Version int    // the file's schema version (KindNewerVersion)
	Known   int    // the newest schema version this build knows (KindNewerVersion)
}

func (e *OpenError) Error() string {
	switch e.Kind {
	case KindNotDatabase:
		return fmt.Sprintf("'%s' 파일은 셀러데스크 데이터 파일이 아닙니다. 파일은 그대로 두었습니다. 다른 파일을 지정하세요.", e.Path)
	case KindCorrupt:
		return fmt.Sprintf("데이터 파일 '%s'이(가) 손상되었습니다(%s). 파일은 그대로 두었습니다. 백업에서 복원하세요.", e.Path, e.Detail)
	case KindFolder:
		return fmt.Sprintf("'%s'은(는) 폴더입니다. 데이터 파일의 경로를 지정하세요(예: %s).", e.Path, filepath.Join(e.Path, "sellerdesk.db"))
	case KindReadOnlyNeedsUpdate:
		return fmt.Sprintf("데이터 파일 '%s'은(는) 읽기 전용이라 이 버전의 셀러데스크에 맞게 데이터 구조를 바꿀 수 없습니다(데이터 버전 %d, 이 프로그램은 %d). 파일은 그대로 두었습니다. 파일과 폴더에 쓰기 권한을 주거나, 쓸 수 있는 폴더로 복사한 뒤 여세요.", e.Path, e.Version, e.Known)
	case KindReadOnlyLog:
		return fmt.Sprintf("데이터 파일 '%s'에 아직 반영되지 않은 변경 기록(%s-wal)이 있는데, 폴더가 읽기 전용이라 읽을 수 없습니다. 파일은 그대로 두었습니다. 폴더에 쓰기 권한을 주거나, 폴더째 쓸 수 있는 곳으로 복사한 뒤 여세요.", e.Path, filepath.Base(e.Path))
	case KindCannotCreate:
		return fmt.Sprintf("데이터 폴더 '%s'에 쓸 수 없어 새 데이터 파일을 만들 수 없습니다. 폴더의 쓰기 권한을 확인하거나 쓸 수 있는 위치를 --db로 지정하세요.", filepath.Dir(e.Path))
	case KindNewerVersion:
		return fmt.Sprintf("데이터 파일 '%s'은(는) 더 새로운 버전의 셀러데스크에서 만들어졌습니다(데이터 버전 %d, 이 프로그램은 %d까지). 파일은 그대로 두었습니다. 셀러데스크를 최신 버전으로 업데이트하세요.", e.Path, e.Version, e.Known)
	default:
		return fmt.Sprintf("데이터 파일 '%s'을(를) 읽을 수 없습니다: %s", e.Path, e.Detail)
	}
}

// MigrationError names the migration step that failed; the file keeps the version it had before that step.
type MigrationError struct {
	Step int
	Name string
	Err  error
}

func (e *MigrationError) Error() string {
	return fmt.Sprintf("데이터 구조 업데이트 %d단계(%s)에 실패했습니다. 파일은 이전 상태 그대로입니다: %v", e.Step, e.Name, e.Err)
}

func (e *MigrationError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *OpenError) KoreanMessage() bool { return true }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *MigrationError) KoreanMessage() bool { return true }

// ReadOnlyKey is the sentence a *ReadOnlyError says, and the translation key the views and commands look up.
const ReadOnlyKey = "읽기 전용으로 열었습니다. 데이터 파일이나 그 폴더에 쓸 수 없어 저장하지 않았고, 기존 데이터는 그대로입니다. 파일과 폴더의 쓰기 권한을 확인한 뒤 셀러데스크를 다시 시작하세요."

// ReadOnlyError says a write was refused because the store is open read-only (see ReadOnly), or because
// SQLite found the file could no longer be written. Nothing was written.
type ReadOnlyError struct {
	Path string
	Err  error // SQLite's SQLITE_READONLY, when it came from SQLite; nil when refused up front
}

func (e *ReadOnlyError) Error() string { return ReadOnlyKey }

func (e *ReadOnlyError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *ReadOnlyError) KoreanMessage() bool { return true }

// FullKey is the sentence a *FullError says, with {{.Dir}} the data folder and {{.Need}} the free space
// to make there; it is the translation key too.
const FullKey = "디스크 공간이 부족해 저장하지 못했습니다. 이번 작업은 모두 취소되어 기존 데이터는 그대로입니다. 데이터 폴더 {{.Dir}}이(가) 있는 디스크에 {{.Need}} 이상 여유 공간을 만든 뒤 다시 시도하세요."

// FullError says a write failed because the disk (or the file's page limit) was full: SQLite's SQLITE_FULL.
// The transaction was rolled back whole, so the store holds exactly what it held before.
type FullError struct {
	Path string
	// Need is how much free space to make, in bytes: the data file's size (with its WAL), and at least
	// MinFreeSpace. A write can grow the WAL by as much as it changes, and the day's backup and a restore
	// each need a whole copy of the file beside it.
	Need int64
	Err  error
}

// MinFreeSpace is the least free space a FullError asks for.
const MinFreeSpace = 100 << 20

func (e *FullError) Error() string { return renderKey(FullKey, e.Args()) }

func (e *FullError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *FullError) KoreanMessage() bool { return true }

// Args are the values of FullKey's fields.
func (e *FullError) Args() map[string]any {
	return map[string]any{"Dir": filepath.Dir(e.Path), "Need": FormatSize(e.Need)}
}

// FormatSize writes a size for the seller: "120 MB", "1.5 GB".
func FormatSize(n int64) string {
	const mb = 1 << 20
	switch {
	case n >= 10<<30:
		return fmt.Sprintf("%d GB", (n+(1<<30)-1)>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MB", (n+mb-1)/mb)
}

// renderKey fills a key's {{.Name}} fields with their values, as the Korean text of the key.
func renderKey(key string, args map[string]any) string {
	for k, v := range args {
		key = strings.ReplaceAll(key, "{{."+k+"}}", fmt.Sprint(v))
	}
	return key
}

// KnownFault says whether err is a fault whose cause the seller can act on — another SellerDesk writing
// (*BusyError, SQLITE_BUSY), a store open read-only (*ReadOnlyError, SQLITE_READONLY), a full disk
// (*FullError, SQLITE_FULL) — and gives its sentence as a translation key with values. A service turns it
// into its own error type instead of the "see the log" message it keeps for the unknown.
func KnownFault(err error) (key string, args map[string]any, ok bool) {
	var be *BusyError
	var re *ReadOnlyError
	var fe *FullError
	switch {
	case errors.As(err, &fe):
		return FullKey, fe.Args(), true
	case errors.As(err, &re):
		return ReadOnlyKey, nil, true
	case errors.As(err, &be), IsBusy(err):
		return BusyKey, nil, true
	case sqliteCode(err) == sqlite3.SQLITE_FULL:
		return FullKey, (&FullError{Need: MinFreeSpace}).Args(), true
	case sqliteCode(err) == sqlite3.SQLITE_READONLY:
		return ReadOnlyKey, nil, true
	}
	return "", nil, false
}

// IsFull reports whether err is, or wraps, a *FullError or SQLite's SQLITE_FULL.
func IsFull(err error) bool {
	var fe *FullError
	return errors.As(err, &fe) || sqliteCode(err) == sqlite3.SQLITE_FULL
}

// sqliteCode is the primary result code of the *sqlite.Error in err's chain, 0 when there is none.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code() & 0xff
}

// classify turns a failed write's error into the typed fault it is (busy, read-only, full) for the data
// file at path, so callers tell them apart with errors.As; other errors, and nil, come back as they are.
func classify(path string, err error) error {
	if err == nil {
		return nil
	}
	var be *BusyError
	var re *ReadOnlyError
	var fe *FullError
	if errors.As(err, &be) || errors.As(err, &re) || errors.As(err, &fe) {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_FULL:
		return &FullError{Path: path, Need: needFor(path), Err: err}
	case sqlite3.SQLITE_READONLY:
		return &ReadOnlyError{Path: path, Err: err}
	}
	return asBusy(path, err)
}

// needFor is how much free space a full disk under the data file at path should get (see FullError.Need).
func needFor(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return max(n, MinFreeSpace)
}
