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

// BackupTo writes a consistent copy of the live database to dst while the app keeps running: VACUUM INTO a
// temporary name beside dst, integrity_check the copy, fsync it, then rename it into place. dst is replaced
// only by a copy that passed the check, so a crash or a full disk never leaves a half-written backup under
// the final name.
func (s *Store) BackupTo(ctx context.Context, dst string) error {
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data: backup folder %s: %w", dir, err)
	}
	// the temporary name only has to be unique; VACUUM INTO accepts an empty existing file
	f, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	// VACUUM INTO reads inside one read transaction, so the copy is a single point in time even while
	// the writer keeps committing. It runs on a connection of its own (the read pool is query_only, which
	// SQLite applies to VACUUM INTO too) and so never blocks the seller's writes.
	db, err := sql.Open("sqlite", s.path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	_, err = db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	db.Close()
	if err != nil {
		return fmt.Errorf("data: backup to %s: %w", dst, err)
	}
	if err := verifyFile(ctx, tmp, len(s.migrations)); err != nil {
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

// VerifyBackup checks that path is a SellerDesk database this build can restore: an SQLite file, not newer
// than this build, passing integrity_check.
func (s *Store) VerifyBackup(ctx context.Context, path string) error {
	return verifyFile(ctx, path, len(s.migrations))
}

func verifyFile(ctx context.Context, path string, known int) error {
	if err := probe(ctx, path, known); err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	defer db.Close()
	if problem, err := check(ctx, db, "integrity_check"); err != nil || problem != "" {
		if err != nil {
			problem = err.Error()
		}
		return &OpenError{Path: path, Kind: KindCorrupt, Detail: problem}
	}
	return nil
}

// RestoreFrom replaces the whole content of the live database with the backup at src, using SQLite's online
// backup API on the writer connection: it is one write transaction, so readers see either the old or the
// restored data and a failure leaves the old data in place. An older backup is then migrated up. progress,
// when not nil, is called with the fraction copied so far.
func (s *Store) RestoreFrom(ctx context.Context, src string, progress func(float64)) error {
	if err := verifyFile(ctx, src, len(s.migrations)); err != nil {
		return err
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("driver does not support the backup API")
		}
		b, err := r.NewRestore(src + "?_pragma=busy_timeout(10000)")
		if err != nil {
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				b.Finish()
				return err
			}
			more, err := b.Step(512)
			if err != nil {
				b.Finish()
				return err
			}
			if progress != nil && b.PageCount() > 0 {
				progress(float64(b.PageCount()-b.Remaining()) / float64(b.PageCount()))
			}
			if !more {
				break
			}
		}
		return b.Finish()
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("data: restore from %s: %w", src, err)
	}
	return s.migrate(ctx)
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
