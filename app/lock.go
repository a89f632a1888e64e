package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"sellerdesk/app/apperr"
)

// WindowLockSuffix names the window's lock file beside the data file: sellerdesk.db.window-lock.
const WindowLockSuffix = ".window-lock"

// errLocked is what tryLock says when another process (or another open file in this one) holds the lock.
var errLocked = errors.New("app: lock held")

// ErrWindowOpen is in the chain of LockWindow's error when another SellerDesk window has the data file
// open (errors.Is), so main can tell it from a folder it cannot write.
var ErrWindowOpen = errors.New("app: another window has the data file open")

// windowHolder is the note the holding window writes into the lock file, so a second start can say who
// holds the file.
type windowHolder struct {
	PID     int    `json:"pid"`
	Program string `json:"program"` // AppInfo.String(): name, version and build
	Exe     string `json:"exe,omitempty"`
}

// LockWindow takes the window's lock on the data file at dbPath: an operating-system lock (flock on macOS
// and Linux, LockFileEx on Windows) on the file dbPath+WindowLockSuffix, held until release is called or
// the process ends, however it ends (the system drops it; nothing stale is left to clean up). Only the
// window takes it: two windows on one file would each show the other's work only after a reload and fight
// over the same orders, while a headless command (a scheduled backup, a lookup) may run beside a window.
// When another window holds it, the error (ErrConflict, errors.Is ErrWindowOpen) names the holder's program
// and process number from the note it left in the lock file.
func LockWindow(dbPath string, info AppInfo) (release func() error, err error) {
	path := dbPath + WindowLockSuffix
	// the lock comes before the store is opened (a second window must not open it at all), so on the first
	// start the data folder is made here
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, lockFileError(path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil && denied(err) {
		// a data folder (or lock file) the seller may not write: the store opens read-only there. The lock
		// is taken on the file if it exists (a lock needs no write access); where it does not and cannot be
		// made, no other window can make it either, and a read-only window changes nothing to fight over
		if f, err = os.Open(path); errors.Is(err, fs.ErrNotExist) {
			return func() error { return nil }, nil
		}
	}
	if err != nil {
		return nil, lockFileError(path, err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if !errors.Is(err, errLocked) {
			return nil, lockFileError(path, err)
		}
		return nil, windowOpenError(dbPath, path)
	}
	exe, _ := os.Executable()
	note, _ := json.Marshal(windowHolder{PID: os.Getpid(), Program: info.String(), Exe: exe})
	// the note is only for the second start's message: failing to write it (a read-only lock file) does not
	// stop the window
	if f.Truncate(0) == nil {
		f.WriteAt(note, 0)
	}
	var once sync.Once
	var released error
	return func() error {
		once.Do(func() {
			f.Truncate(0) // the file stays (removing it would let two starts lock two different files)
			released = errors.Join(unlock(f), f.Close())
		})
		return released
	}, nil
}

// windowOpenError says which window holds the data file, as far as the holder's note tells.
func windowOpenError(dbPath, lockPath string) error {
	var h windowHolder
	raw, err := os.ReadFile(lockPath)
	if err == nil {
		err = json.Unmarshal(raw, &h)
	}
	var e *apperr.Error
	if err != nil || h.PID == 0 {
		// the holder is still writing its note, or an older build left none
		e = apperr.New(apperr.ErrConflict, "데이터 파일 {{.Path}}은(는) 이미 다른 셀러데스크 창이 열고 있습니다. 열려 있는 창을 쓰거나, 그 창을 닫은 뒤 다시 시작하세요.",
			"Path", dbPath)
	} else {
		e = apperr.New(apperr.ErrConflict, "데이터 파일 {{.Path}}은(는) 이미 다른 셀러데스크 창({{.Program}}, 프로세스 번호 {{.PID}})이 열고 있습니다. 열려 있는 창을 쓰거나, 그 창을 닫은 뒤 다시 시작하세요.",
			"Path", dbPath, "Program", h.Program, "PID", h.PID)
	}
	e.Err = fmt.Errorf("%w: %s holds %s (%s)", ErrWindowOpen, h.Program, lockPath, h.Exe)
	return e
}

// lockFileError says the window's lock file could not be made or locked: a folder the seller cannot write.
func lockFileError(path string, err error) error {
	e := apperr.New(apperr.ErrInternal, "데이터 폴더 {{.Dir}}에 창 잠금 파일을 만들 수 없습니다. 폴더의 쓰기 권한을 확인하세요.",
		"Dir", filepath.Dir(path))
	e.Err = fmt.Errorf("app: window lock %s: %w", path, err)
	return e
}

// denied reports whether err says a file or folder may not be written: its permissions, or a read-only disk.
func denied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
