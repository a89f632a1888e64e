package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempPrefix names a process's temporary folder in the system's temporary folder: sellerdesk-<pid>, and
// beside it sellerdesk-<pid>.lock, locked while the process lives.
const tempPrefix = "sellerdesk-"

// TempDir is this process's own temporary folder, for the big temporary files a workbook needs (excelize
// unpacks a 100,000-row sheet's cells there, some 200 MB). The system does not clean its temporary folder
// while a PC runs for weeks, so a killed import would leave those files behind for good; with one folder
// per process, the next start removes the folders of processes that are gone, whole.
//
// Whether a folder's process is gone is told by an operating-system lock, not by its process number
// (numbers are reused): the process holds sellerdesk-<pid>.lock locked as long as it lives, and the system
// drops the lock when it ends, however it ends.
type TempDir struct {
	path     string
	lockPath string
	lock     *os.File
	// Swept lists the folders of ended processes that OpenTempDir removed, for the log.
	Swept []string
}

// OpenTempDir removes the temporary folders that ended SellerDesk processes left in base (os.TempDir() in
// the program) and makes this process's own. Close removes it.
func OpenTempDir(base string) (*TempDir, error) {
	t := &TempDir{Swept: sweepTempDirs(base)}
	name := tempPrefix + strconv.Itoa(os.Getpid())
	t.path, t.lockPath = filepath.Join(base, name), filepath.Join(base, name+".lock")
	f, err := os.OpenFile(t.lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("app: temporary folder lock %s: %w", t.lockPath, err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("app: temporary folder lock %s: %w", t.lockPath, err)
	}
	t.lock = f
	// a folder by this name is an ended process's that had the same number: nobody else's files
	if err := errors.Join(os.RemoveAll(t.path), os.Mkdir(t.path, 0o700)); err != nil {
		t.Close()
		return nil, fmt.Errorf("app: temporary folder %s: %w", t.path, err)
	}
	return t, nil
}

// Path is the folder; pass it to excelize as Options.TmpDir.
func (t *TempDir) Path() string { return t.path }

// Close removes the folder with whatever is left in it, then its lock.
func (t *TempDir) Close() error {
	if t.lock == nil {
		return nil
	}
	err := os.RemoveAll(t.path)
	// unlocked and closed before it is removed: Windows does not remove a file that is open
	err = errors.Join(err, unlock(t.lock), t.lock.Close())
	t.lock = nil
	if rerr := os.Remove(t.lockPath); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		err = errors.Join(err, rerr)
	}
	if err != nil {
		return fmt.Errorf("app: remove temporary folder %s: %w", t.path, err)
	}
	return nil
}

// sweepTempDirs removes the folders in base of SellerDesk processes that ended without removing them (a
// crash, a killed import) and returns them. A folder whose lock is held belongs to a live process and stays;
// one that cannot be opened (another user's) is not ours to remove.
func sweepTempDirs(base string) []string {
	locks, _ := filepath.Glob(filepath.Join(base, tempPrefix+"*.lock"))
	var swept []string
	for _, lockPath := range locks {
		name := strings.TrimSuffix(filepath.Base(lockPath), ".lock")
		pid, err := strconv.Atoi(strings.TrimPrefix(name, tempPrefix))
		if err != nil || pid == os.Getpid() {
			continue // not a process's folder, or ours (OpenTempDir clears it)
		}
		f, err := os.OpenFile(lockPath, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if tryLock(f) != nil {
			f.Close()
			continue // its process lives
		}
		dir := filepath.Join(base, name)
		if os.RemoveAll(dir) == nil {
			swept = append(swept, dir)
		}
		unlock(f)
		f.Close()
		os.Remove(lockPath)
	}
	return swept
}
