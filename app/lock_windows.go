//go:build windows

package app

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockRange is the byte tryLock locks: one far past the holder note. Windows locks are mandatory, so a
// locked byte cannot be read by another process; locking beyond the file's end (which Windows allows) leaves
// the note readable for the second start's message.
func lockRange() *windows.Overlapped { return &windows.Overlapped{OffsetHigh: 1} } // byte 4 GiB

// tryLock takes f's exclusive lock without waiting; errLocked when another handle holds it. The system
// drops the lock when the holder closes the handle or dies, however it dies.
func tryLock(f *os.File) error {
	err := windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, lockRange())
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return errLocked
	}
	return err
}

// unlock releases tryLock's lock.
func unlock(f *os.File) error {
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, lockRange())
}
