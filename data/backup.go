package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
)

// BackupProgress is how far a backup has got: the share of the file copied, then the check of the copy.
type BackupProgress struct {
	Copied   float64 // 0…1: the share of the file's pages copied so far
	Checking bool    // the copy is complete and integrity_check is reading it
}

// BackupTo writes a consistent copy of the live database to dst while the app keeps running; see Backup.
func (s *Store) BackupTo(ctx context.Context, dst string) error { return s.Backup(ctx, dst, nil) }

// Backup writes a consistent copy of the live database to dst while the app keeps running: copy the pages
// to a temporary name beside dst, integrity_check the copy, fsync it, then rename it into place. dst is
// replaced only by a copy that passed the check, so a crash or a full disk never leaves a half-written
// backup under the final name. The copy is of the live file's pages, so its integrity_check is also the
// day's full check of the live file: a damaged page fails it with an *OpenError of KindCorrupt.
// progress, when not nil, is called from Backup's goroutine after each step of the copy and once when the
// check begins.
func (s *Store) Backup(ctx context.Context, dst string, progress func(BackupProgress)) error {
	if progress == nil {
		progress = func(BackupProgress) {}
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data: backup folder %s: %w", dir, err)
	}
	// the temporary name only has to be unique; SQLite takes an empty existing file as an empty database
	f, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	if err := s.copyTo(ctx, tmp, progress); err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	progress(BackupProgress{Copied: 1, Checking: true})
	if err := verifyFile(ctx, tmp, len(s.migrations)); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("data: backup to %s: %w", dst, ctx.Err())
		}
		return fmt.Errorf("data: backup to %s: copy failed its check: %w", dst, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	return syncDir(dir)
}

// copyTo copies the live file to tmp with SQLite's online backup API, page by page so it can report
// progress and stop when ctx is cancelled. It runs on a connection of its own that holds one read
// transaction from the first page to the last: in WAL mode a reader never blocks the writer, so an import
// started during the day's backup goes on, and the copy is the single point in time the transaction
// began (without it, every commit by the writer would restart the copy from page one). VACUUM INTO, used
// before, reads the same way but reports nothing until it ends and rebuilds every index on the way.
func (s *Store) copyTo(ctx context.Context, tmp string, progress func(BackupProgress)) error {
	db, err := sql.Open("sqlite", withParams(s.base(), "_pragma=busy_timeout(10000)", "_pragma=query_only(1)"))
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return err
	}
	// the first read begins the transaction's snapshot; ROLLBACK ends it (nothing was written)
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	var objects int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
		return err
	}
	err = conn.Raw(func(dc any) error {
		bk, ok := dc.(interface {
			NewBackup(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("driver does not support the backup API")
		}
		// the copy needs no journal and no fsync of its own: a failed copy is thrown away, a finished one
		// is synced before its rename
		b, err := bk.NewBackup(tmp + "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
		if err != nil {
			return err
		}
		return copyPages(ctx, b, s.backupPages, func(f float64) {
			if f < 1 {
				progress(BackupProgress{Copied: f})
			}
		})
	})
	if err != nil {
		return err
	}
	progress(BackupProgress{Copied: 1})
	// the copied header says WAL, as the live file's does; a backup is one self-contained file, so it is
	// switched back to a rollback journal (no -wal or -shm beside it when it is read or restored)
	cp, err := sql.Open("sqlite", tmp)
	if err != nil {
		return err
	}
	defer cp.Close()
	var mode string
	return cp.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
}

// VerifyBackup checks, without writing anything, that path is a SellerDesk store this build can restore
// (see PrepareRestore): recognised as ours, not newer than this build, passing integrity_check.
func (s *Store) VerifyBackup(ctx context.Context, path string) error {
	_, _, err := inspectBackup(ctx, path, s.migrations)
	return err
}

// verifyFile checks a backup's own fresh copy: an SQLite file, not newer than this build, passing
// integrity_check.
func verifyFile(ctx context.Context, path string, known int) error {
	if _, err := os.Stat(path); err != nil {
		return &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	if _, existing, err := probe(ctx, path, path, known); err != nil {
		return err
	} else if !existing {
		return &OpenError{Path: path, Kind: KindNotDatabase} // an empty file holds no backup
	}
	return checkFile(ctx, path, "integrity_check")
}

// RestoreFrom replaces the whole content of the live database with the backup at src, once it has been
// checked and migrated in a temporary copy (see PrepareRestore): a refused file is a *RestoreError and
// leaves the store as it was. progress, when not nil, is called with the fraction copied so far.
func (s *Store) RestoreFrom(ctx context.Context, src string, progress func(float64)) error {
	p, err := s.PrepareRestore(ctx, src)
	if err != nil {
		return err
	}
	defer p.Close()
	return s.RestorePrepared(ctx, p, progress)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable. Windows cannot open a directory for sync; NTFS journals the rename itself.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}

// copyPages runs an online backup or restore to its end, pages at a time, so a cancel stops it between steps
// and the copied fraction reaches progress (when not nil) after each. It always finishes the backup object.
func copyPages(ctx context.Context, b *sqlite.Backup, pages int32, progress func(float64)) error {
	for {
		if err := ctx.Err(); err != nil {
			b.Finish()
			return err
		}
		more, err := b.Step(pages)
		if err != nil {
			b.Finish()
			return err
		}
		if total := b.PageCount(); progress != nil && total > 0 {
			progress(float64(total-b.Remaining()) / float64(total))
		}
		if !more {
			return b.Finish()
		}
	}
}
