package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
)

// ApplicationID is what migration 0010 writes into SQLite's header ("SDsk"): a file that carries it is a
// SellerDesk store, whatever its tables.
const ApplicationID = 0x5344736b

// applicationIDStep is the migration that sets ApplicationID: a file at this version or later without it
// was not written by SellerDesk.
const applicationIDStep = 10

// RestoreRefusal says why a file was not restored.
type RestoreRefusal int

// The reasons a restore refuses a file. In every case neither the file nor the store was changed.
const (
	RefuseUnreadable    RestoreRefusal = iota + 1 // the file could not be read
	RefuseEmpty                                   // a 0-byte file
	RefuseNotSellerDesk                           // not SQLite, or another program's SQLite file
	RefuseNewerVersion                            // a store written by a newer SellerDesk
	RefuseDamaged                                 // fails integrity_check
	RefuseMigration                               // its update to this version's structure failed
)

// RestoreError is why a file was refused as a backup to restore. Its message is a Korean sentence; app
// turns it into an error with a translation key.
type RestoreError struct {
	Path    string
	Reason  RestoreRefusal
	Version int   // the file's schema version (RefuseNewerVersion)
	Known   int   // the newest schema version this build knows (RefuseNewerVersion)
	Err     error // the cause, for the log (an *OpenError or *MigrationError when there is one)
}

func (e *RestoreError) Error() string {
	name := filepath.Base(e.Path)
	switch e.Reason {
	case RefuseEmpty:
		return fmt.Sprintf("'%s'은(는) 비어 있는 파일입니다. 데이터는 그대로 두었습니다.", name)
	case RefuseNotSellerDesk:
		return fmt.Sprintf("'%s'은(는) 셀러데스크 백업 파일이 아닙니다. 데이터는 그대로 두었습니다.", name)
	case RefuseNewerVersion:
		return fmt.Sprintf("'%s'은(는) 더 새로운 버전의 셀러데스크에서 만든 백업입니다(데이터 버전 %d, 이 프로그램은 %d까지). 데이터는 그대로 두었습니다.", name, e.Version, e.Known)
	case RefuseDamaged:
		return fmt.Sprintf("백업 파일 '%s'이(가) 손상되었습니다. 데이터는 그대로 두었습니다. 다른 백업을 고르세요.", name)
	case RefuseMigration:
		return fmt.Sprintf("백업 파일 '%s'을(를) 이 버전의 구조로 바꾸지 못했습니다. 데이터는 그대로 두었습니다.", name)
	}
	return fmt.Sprintf("백업 파일 '%s'을(를) 읽을 수 없습니다. 데이터는 그대로 두었습니다.", name)
}

func (e *RestoreError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *RestoreError) KoreanMessage() bool { return true }

// BackupSummary is what a backup holds, read from its copy migrated to this version.
type BackupSummary struct {
	Modified time.Time // when the file was last written
	Version  int       // its schema version before the update
	Products int64
	Orders   int64
	Returns  int64
}

// PreparedRestore is a backup checked and migrated in a temporary copy, ready to replace the store. Close
// removes the copy.
type PreparedRestore struct {
	Src     string
	Summary BackupSummary
	dir     string // the temporary folder holding the copy
	copy    string
}

// Close removes the temporary copy.
func (p *PreparedRestore) Close() error { return os.RemoveAll(p.dir) }

// PrepareRestore checks src as a backup and readies it to restore, never writing to src or to the store:
// src must be a SellerDesk store (ApplicationID in its header, or, for files from before migration 0010,
// a known version with every table and column that version has), no newer than this build, and pass
// integrity_check, all on a read-only connection. It is then copied with SQLite's backup API into a
// temporary folder beside the store and migrated there by the same code that opens a store. Anything else
// is a *RestoreError.
func (s *Store) PrepareRestore(ctx context.Context, src string) (*PreparedRestore, error) {
	if s.access != Writable {
		return nil, &ReadOnlyError{Path: s.path}
	}
	version, modified, err := inspectBackup(ctx, src, s.migrations)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(filepath.Dir(s.path), ".sellerdesk-restore-*")
	if err != nil {
		return nil, fmt.Errorf("data: restore: temporary folder: %w", err)
	}
	p := &PreparedRestore{Src: src, dir: dir, copy: filepath.Join(dir, "restore.db")}
	if err := p.build(ctx, s, version, modified); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

func (p *PreparedRestore) build(ctx context.Context, s *Store, version int, modified time.Time) error {
	if err := copyFile(ctx, readOnlyDSN(p.Src), p.copy); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &RestoreError{Path: p.Src, Reason: RefuseUnreadable, Err: err}
	}
	cp, err := openWith(ctx, p.copy, s.migrations, WithClock(s.clock))
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var me *MigrationError
		if errors.As(err, &me) {
			return &RestoreError{Path: p.Src, Reason: RefuseMigration, Err: err}
		}
		return &RestoreError{Path: p.Src, Reason: RefuseDamaged, Err: err}
	}
	sum := BackupSummary{Modified: modified, Version: version}
	err = cp.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM orders),
		(SELECT count(*) FROM returns)`).Scan(&sum.Products, &sum.Orders, &sum.Returns)
	if cerr := cp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("data: restore: read the migrated copy: %w", err)
	}
	p.Summary = sum
	// the copy came out in WAL mode, as every opened store does; the restore reads it as one plain file
	db, err := sql.Open("sqlite", p.copy)
	if err != nil {
		return err
	}
	defer db.Close()
	var mode string
	return db.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
}

// readOnlyDSN opens path read-only through SQLite's own URI handling, so no write, no journal and no
// created file can touch a file the seller only wanted to look at.
func readOnlyDSN(path string) string {
	return roURI(path, false) + "&_pragma=busy_timeout(10000)"
}

// inspectBackup recognises src as a SellerDesk store this build can restore and returns its version and
// when it was last written; it only reads.
func inspectBackup(ctx context.Context, src string, migs []migration) (int, time.Time, error) {
	info, err := os.Stat(src)
	if err != nil {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseUnreadable, Err: err}
	}
	if info.IsDir() {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseNotSellerDesk}
	}
	if info.Size() == 0 {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseEmpty}
	}
	f, err := os.Open(src)
	if err != nil {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseUnreadable, Err: err}
	}
	head := make([]byte, len(sqliteHeader))
	_, err = f.Read(head)
	f.Close()
	if err != nil || string(head) != string(sqliteHeader) {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseNotSellerDesk,
			Err: &OpenError{Path: src, Kind: KindNotDatabase}}
	}
	db, err := sql.Open("sqlite", readOnlyDSN(src))
	if err != nil {
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseUnreadable, Err: err}
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	damaged := func(err error) (int, time.Time, error) {
		if ctx.Err() != nil {
			return 0, time.Time{}, ctx.Err()
		}
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseDamaged,
			Err: &OpenError{Path: src, Kind: KindCorrupt, Detail: err.Error()}}
	}
	var appID, version int
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return damaged(err)
	}
	if version, err = userVersion(ctx, db); err != nil {
		return damaged(err)
	}
	switch {
	case appID == ApplicationID && version > len(migs):
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseNewerVersion, Version: version, Known: len(migs),
			Err: &OpenError{Path: src, Kind: KindNewerVersion, Version: version, Known: len(migs)}}
	case appID == ApplicationID && version >= applicationIDStep:
		// ours by its header
	case appID == 0 && version >= 1 && version < applicationIDStep && version <= len(migs):
		// from before the header carried the id: ours only if it has every table and column of its version
		missing, err := missingColumns(ctx, db, migs[:version])
		if err != nil {
			return damaged(err)
		}
		if missing != "" {
			return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseNotSellerDesk,
				Err: fmt.Errorf("version %d without %s", version, missing)}
		}
	default:
		return 0, time.Time{}, &RestoreError{Path: src, Reason: RefuseNotSellerDesk,
			Err: fmt.Errorf("application_id %d, user_version %d", appID, version)}
	}
	problem, err := check(ctx, db, "integrity_check")
	if err != nil {
		return damaged(err)
	}
	if problem != "" {
		return damaged(errors.New(problem))
	}
	return version, info.ModTime(), nil
}

// missingColumns builds the schema of migs in memory and names the first table or column of it that db
// lacks, "" when db has them all.
func missingColumns(ctx context.Context, db *sql.DB, migs []migration) (string, error) {
	ref, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return "", err
	}
	defer ref.Close()
	ref.SetMaxOpenConns(1) // one connection: every :memory: connection is a database of its own
	for _, m := range migs {
		if _, err := ref.ExecContext(ctx, m.sql); err != nil {
			return "", fmt.Errorf("data: reference schema step %d: %w", m.step, err)
		}
	}
	want, err := tableColumns(ctx, ref)
	if err != nil {
		return "", err
	}
	have, err := tableColumns(ctx, db)
	if err != nil {
		return "", err
	}
	for table, cols := range want {
		got, ok := have[table]
		if !ok {
			return "table " + table, nil
		}
		for c := range cols {
			if !got[c] {
				return "column " + table + "." + c, nil
			}
		}
	}
	return "", nil
}

// tableColumns is every table of db (SQLite's own aside) with its columns.
func tableColumns(ctx context.Context, db *sql.DB) (map[string]map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			return nil, err
		}
		if out[table] == nil {
			out[table] = map[string]bool{}
		}
		out[table][col] = true
	}
	return out, rows.Err()
}

// copyFile copies the database at the DSN src into the new file dst with SQLite's backup API, which
// includes what src's WAL holds (a byte copy would miss it).
func copyFile(ctx context.Context, src, dst string) error {
	db, err := sql.Open("sqlite", src)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		bk, ok := dc.(interface {
			NewBackup(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("driver does not support the backup API")
		}
		b, err := bk.NewBackup(dst)
		if err != nil {
			return err
		}
		return copyPages(ctx, b, 1024, nil)
	})
}

// RestorePrepared replaces the whole content of the live database with the prepared copy, using SQLite's
// online backup API on the writer connection: one write transaction, so readers see either the old or the
// restored data and a failure leaves the old data in place. progress, when not nil, is called with the
// fraction copied so far.
func (s *Store) RestorePrepared(ctx context.Context, p *PreparedRestore, progress func(float64)) error {
	if s.access != Writable {
		return &ReadOnlyError{Path: s.path}
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
		b, err := r.NewRestore(p.copy + "?_pragma=busy_timeout(10000)")
		if err != nil {
			return err
		}
		return copyPages(ctx, b, 512, progress)
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("data: restore from %s: %w", p.Src, classify(s.path, err))
	}
	// the copy is already at this version; migrate is a no-op unless that changed under us
	if err := s.migrate(ctx); err != nil {
		return err
	}
	// the restored file's statistics may be another store's, or none: the planner gets its own. The data
	// is already replaced, so a failure here is no failed restore (it only costs speed until the next
	// start's optimize); it is not reported as one, which would tell the seller the old data is still there
	_ = s.Optimize(ctx)
	return nil
}
