package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// liveStore opens a store in its own folder with one setting that a restore must never lose when it refuses.
func liveStore(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sellerdesk.db")
	s, err := Open(context.Background(), path, testClock())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetSetting(context.Background(), "kept", "yes"); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// sqliteFile writes a plain SQLite file by running stmts.
func sqliteFile(t *testing.T, name string, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	backupOf := func(t *testing.T, s *Store) string {
		path := filepath.Join(t.TempDir(), "backup.db")
		if err := s.BackupTo(ctx, path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cases := []struct {
		name   string
		file   func(t *testing.T, s *Store) string
		reason RestoreRefusal
		says   string
	}{
		{"ForeignSQLite", func(t *testing.T, _ *Store) string {
			return sqliteFile(t, "notes.db", `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('memo')`)
		}, RefuseNotSellerDesk, "셀러데스크 백업 파일이 아닙니다"},
		{"ForeignWithOrders", func(t *testing.T, _ *Store) string {
			return sqliteFile(t, "shop.db", `CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)`, `INSERT INTO orders (total) VALUES (1000)`)
		}, RefuseNotSellerDesk, "셀러데스크 백업 파일이 아닙니다"},
		{"ForeignWithOrdersAndOurVersion", func(t *testing.T, _ *Store) string {
			// a version our files had, and an orders table, but not our columns
			return sqliteFile(t, "shop.db", `CREATE TABLE settings (key TEXT)`, `CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)`, `PRAGMA user_version = 3`)
		}, RefuseNotSellerDesk, "셀러데스크 백업 파일이 아닙니다"},
		{"ForeignWithOtherApplicationID", func(t *testing.T, _ *Store) string {
			return sqliteFile(t, "other.db", `CREATE TABLE orders (id INTEGER PRIMARY KEY)`, `PRAGMA application_id = 42`, `PRAGMA user_version = 10`)
		}, RefuseNotSellerDesk, "셀러데스크 백업 파일이 아닙니다"},
		{"NotSQLite", func(t *testing.T, _ *Store) string {
			path := filepath.Join(t.TempDir(), "주문.xlsx")
			os.WriteFile(path, []byte("PK\x03\x04 not a database"), 0o600)
			return path
		}, RefuseNotSellerDesk, "셀러데스크 백업 파일이 아닙니다"},
		{"Empty", func(t *testing.T, _ *Store) string {
			path := filepath.Join(t.TempDir(), "empty.db")
			os.WriteFile(path, nil, 0o600)
			return path
		}, RefuseEmpty, "비어 있는 파일입니다"},
		{"NewerVersion", func(t *testing.T, s *Store) string {
			path := backupOf(t, s)
			db, _ := sql.Open("sqlite", path)
			defer db.Close()
			if _, err := db.Exec(`PRAGMA user_version = 999`); err != nil {
				t.Fatal(err)
			}
			return path
		}, RefuseNewerVersion, "더 새로운 버전"},
		{"Damaged", func(t *testing.T, s *Store) string {
			// rows enough for pages past the schema's, then garbage over the last of them
			if err := s.Write(ctx, func(tx *Tx) error {
				for i := range 200 {
					if _, err := tx.ExecContext(ctx, `INSERT INTO settings VALUES (?, ?, 'x')`, "pad"+strings.Repeat("k", i%10)+string(rune('a'+i%26))+string(rune('a'+i/26)), strings.Repeat("v", 400)); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			path := backupOf(t, s)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := len(b) - 3*4096; i < len(b); i++ {
				b[i] = byte(i * 7)
			}
			os.WriteFile(path, b, 0o600)
			return path
		}, RefuseDamaged, "손상"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, live := liveStore(t)
			src := c.file(t, s)
			before, _ := os.ReadFile(src)
			err := s.RestoreFrom(ctx, src, nil)
			var re *RestoreError
			if !errors.As(err, &re) || re.Reason != c.reason {
				t.Fatalf("err = %v, want reason %d", err, c.reason)
			}
			if !strings.Contains(err.Error(), c.says) {
				t.Errorf("message %q does not say %q", err.Error(), c.says)
			}
			if _, err := s.PrepareRestore(ctx, src); !errors.As(err, &re) {
				t.Errorf("PrepareRestore = %v", err)
			}
			if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
			if v, _, _ := s.Setting(ctx, "kept"); v != "yes" {
				t.Error("a refused restore changed the store")
			}
			if err := s.SetSetting(ctx, "after", "ok"); err != nil {
				t.Errorf("write after a refused restore: %v", err)
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(live), ".sellerdesk-restore-*"))
			if len(left) > 0 {
				t.Errorf("temporary copies left: %v", left)
			}
			// the store opens again as it was
			s.Close()
			again, err := Open(ctx, live, testClock())
			if err != nil {
				t.Fatalf("reopen after a refused restore: %v", err)
			}
			defer again.Close()
			if v, _, _ := again.Setting(ctx, "kept"); v != "yes" {
				t.Error("the store lost its data after a refused restore")
			}
		})
	}
}

func TestRestoreOlderVersion(t *testing.T) {
	ctx := context.Background()
	// a backup from before application_id: version 6, a product, an order and a return in it
	old := filepath.Join(t.TempDir(), "sellerdesk-auto-20250101-090000.db")
	o, err := openWith(ctx, old, embeddedMigrations()[:6], testClock())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO products (code, name, price, status, created_at, updated_at) VALUES ('P1', '머그컵', 12000, 'SALE', 'x', 'x')`,
		`INSERT INTO orders (order_no, ordered_at, created_at, updated_at) VALUES ('2025010100001', 'x', 'x', 'x')`,
		`INSERT INTO returns (rt_no, order_id, kind, reason, fault, method, state, created_at, updated_at)
			VALUES ('RT-1', 1, 'RETURN', '단순 변심', 'BUYER', 'PICKUP', 'REQUESTED', 'x', 'x')`,
		`INSERT INTO settings VALUES ('from.backup', 'yes', 'x')`,
	} {
		if _, err := o.w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	o.Close()
	var appID int
	db, _ := sql.Open("sqlite", old)
	db.QueryRow(`PRAGMA application_id`).Scan(&appID)
	db.Close()
	if appID != 0 {
		t.Fatalf("a version-6 file has application_id %d", appID)
	}
	before, _ := os.ReadFile(old)

	s, _ := liveStore(t)
	p, err := s.PrepareRestore(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Summary, (BackupSummary{Modified: p.Summary.Modified, Version: 6, Products: 1, Orders: 1, Returns: 1}); got != want {
		t.Errorf("summary = %+v, want %+v", got, want)
	}
	if p.Summary.Modified.IsZero() {
		t.Error("no date in the summary")
	}
	if err := s.RestorePrepared(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	p.Close()
	if v, _, _ := s.Setting(ctx, "from.backup"); v != "yes" {
		t.Error("the backup's data is not there")
	}
	if _, ok, _ := s.Setting(ctx, "kept"); ok {
		t.Error("data from before the restore is still there")
	}
	if v, _ := s.Version(ctx); v != s.LatestVersion() {
		t.Errorf("version after restore = %d", v)
	}
	s.Read().QueryRow(`PRAGMA application_id`).Scan(&appID)
	if appID != ApplicationID {
		t.Errorf("application_id after restore = %d", appID)
	}
	if after, _ := os.ReadFile(old); !bytes.Equal(before, after) {
		t.Error("restoring changed the backup file (it is migrated in a copy)")
	}
	// a backup made now carries the id and is recognised by it
	now := filepath.Join(t.TempDir(), "now.db")
	if err := s.BackupTo(ctx, now); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyBackup(ctx, now); err != nil {
		t.Errorf("a fresh backup does not verify: %v", err)
	}
}

func TestBackupFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits; the data folder's ACL applies")
	}
	s, _ := liveStore(t)
	dst := filepath.Join(t.TempDir(), "usb", "backup.db")
	// a file dialog may have created the target already, readable by all
	os.MkdirAll(filepath.Dir(dst), 0o755)
	os.WriteFile(dst, nil, 0o644)
	if err := s.BackupTo(context.Background(), dst); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("backup file mode = %o, want 600", got)
	}
}
