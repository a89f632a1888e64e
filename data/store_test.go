package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sellerdesk.db"), testClock())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// schema lists every table, index and trigger with its SQL, to compare two files' structure.
func schema(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			t.Fatal(err)
		}
		b.WriteString(typ + " " + name + " " + text + "\n")
	}
	return b.String()
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	t.Run("FromEmpty", func(t *testing.T) {
		s := openTemp(t)
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v, s.LatestVersion(); got != want || want < 1 {
			t.Fatalf("version = %d, want %d (>0)", got, want)
		}
		for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2"} {
			var got string
			if err := s.Read().QueryRow(`PRAGMA ` + pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
			}
		}
	})
	t.Run("EmptyFileIsFresh", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	})
	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetSetting(ctx, "theme", "dark"); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err = Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if got, ok, err := s.Setting(ctx, "theme"); err != nil || !ok || got != "dark" {
			t.Fatalf("setting after reopen = %q %v %v", got, ok, err)
		}
	})
	t.Run("ReadPoolCannotWrite", func(t *testing.T) {
		s := openTemp(t)
		if _, err := s.Read().Exec(`INSERT INTO settings VALUES ('k', 'v', 'now')`); err == nil {
			t.Fatal("write through the read pool succeeded")
		}
	})
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	latest := embeddedMigrations()
	fresh := openTemp(t)
	want := schema(t, fresh.Read())

	// A file left at every earlier version by an older SellerDesk opens and ends up identical to a fresh one.
	for from := 0; from < len(latest); from++ {
		path := filepath.Join(t.TempDir(), "old.db")
		old, err := openWith(ctx, path, latest[:from], testClock())
		if err != nil {
			t.Fatalf("create version %d: %v", from, err)
		}
		old.Close()
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatalf("open from version %d: %v", from, err)
		}
		if got := schema(t, s.Read()); got != want {
			t.Errorf("from version %d schema differs:\n%s\nwant\n%s", from, got, want)
		}
		s.Close()
	}

	t.Run("FailedStepLeavesFileAsItWas", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sellerdesk.db")
		s, err := Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetSetting(ctx, "keep", "me"); err != nil {
			t.Fatal(err)
		}
		before := schema(t, s.Read())
		s.Close()

		broken := append(append([]migration{}, latest...), migration{
			step: len(latest) + 1, name: "broken",
			sql: `CREATE TABLE half_done (id INTEGER); INSERT INTO settings VALUES ('x','y','z'); THIS IS NOT SQL;`,
		})
		_, err = openWith(ctx, path, broken, testClock())
		var me *MigrationError
		if !errors.As(err, &me) || me.Step != len(latest)+1 || me.Name != "broken" {
			t.Fatalf("err = %v, want a MigrationError naming step %d", err, len(latest)+1)
		}
		if !strings.Contains(err.Error(), "broken") {
			t.Errorf("message %q does not name the step", err)
		}
		s, err = Open(ctx, path, testClock())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if got := schema(t, s.Read()); got != before {
			t.Errorf("schema changed by a failed step:\n%s", got)
		}
		if v, _ := s.Version(ctx); v != len(latest) {
			t.Errorf("version = %d, want %d", v, len(latest))
		}
		if _, ok, _ := s.Setting(ctx, "x"); ok {
			t.Error("a row written by the failed step survived")
		}
	})

	t.Run("Names", func(t *testing.T) {
		_, err := loadMigrations(fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}, "m")
		if err == nil {
			t.Error("a gap in migration steps was accepted")
		}
		_, err = loadMigrations(fstest.MapFS{"m/first.sql": {}}, "m")
		if err == nil {
			t.Error("a migration without a number was accepted")
		}
	})
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		kind OpenErrorKind
		says string
	}{
		{"ErrNotDatabase", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("상품명,판매가\n티셔츠,12000\n"), 0o600)
		}, KindNotDatabase, "셀러데스크 데이터 파일이 아닙니다"},
		{"ErrNewerVersion", func(t *testing.T, path string) {
			s, err := Open(ctx, path, testClock())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.w.Exec(`PRAGMA user_version = 999`); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}, KindNewerVersion, "더 새로운 버전"},
		{"ErrCorrupt", func(t *testing.T, path string) {
			s, err := Open(ctx, path, testClock())
			if err != nil {
				t.Fatal(err)
			}
			// enough rows for several b-tree pages, then scribble over the middle of the file
			for i := 0; i < 300; i++ {
				if err := s.SetSetting(ctx, strings.Repeat("k", 200)+string(rune('가'+i)), strings.Repeat("값", 100)); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			raw, _ := os.ReadFile(path)
			for i := 4096 * 2; i < len(raw)-4096; i += 7 {
				raw[i] = 0xA5
			}
			os.WriteFile(path, raw, 0o600)
		}, KindCorrupt, "손상"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sellerdesk.db")
			c.make(t, path)
			before, _ := os.ReadFile(path)
			_, err := Open(ctx, path, testClock())
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if !strings.Contains(err.Error(), c.says) {
				t.Errorf("message %q does not say %q", err, c.says)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("a refused file was modified")
			}
			for _, side := range []string{"-wal", "-shm"} {
				if st, err := os.Stat(path + side); err == nil && st.Size() > 0 && c.kind != KindNewerVersion {
					t.Errorf("%s left beside a refused file", side)
				}
			}
		})
	}
}

func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := StoreProfile{Name: "하늘상회", Owner: "김하늘", BusinessNo: "220-81-62517", Phone: "02-123-4567"}
	if err := s.Write(ctx, func(tx *Tx) error { return SaveProfileTx(ctx, tx, p) }); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "theme", "light"); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "백업 폴더", "sellerdesk-backup.db")
	if err := s.BackupTo(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyBackup(ctx, backup); err != nil {
		t.Fatalf("backup does not verify: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(backup), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// The seller changes things after the backup …
	changed := p
	changed.Name = "바다상회"
	if err := s.Write(ctx, func(tx *Tx) error { return SaveProfileTx(ctx, tx, changed) }); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "theme", "dark"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "added.after", "yes"); err != nil {
		t.Fatal(err)
	}
	// … and restores: every table is back as it was, the live handle keeps working.
	var last float64
	if err := s.RestoreFrom(ctx, backup, func(f float64) { last = f }); err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %v, want 1", last)
	}
	got, err := s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != p {
		t.Errorf("profile after restore = %+v, want %+v", got, p)
	}
	if v, _, _ := s.Setting(ctx, "theme"); v != "light" {
		t.Errorf("theme after restore = %q", v)
	}
	if _, ok, _ := s.Setting(ctx, "added.after"); ok {
		t.Error("a setting written after the backup survived the restore")
	}
	if err := s.SetSetting(ctx, "after.restore", "ok"); err != nil {
		t.Fatalf("write after restore: %v", err)
	}
	var mode string
	s.Read().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode after restore = %s", mode)
	}
	if problem, err := s.Check(ctx); err != nil || problem != "" {
		t.Errorf("integrity after restore: %q %v", problem, err)
	}

	t.Run("RefusesForeignFile", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "notes.txt")
		os.WriteFile(bad, []byte("hello"), 0o600)
		err := s.RestoreFrom(ctx, bad, nil)
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Kind != KindNotDatabase {
			t.Fatalf("err = %v", err)
		}
		if v, _, _ := s.Setting(ctx, "after.restore"); v != "ok" {
			t.Error("a refused restore changed the store")
		}
	})
}
