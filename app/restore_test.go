package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRestoreRefusals(t *testing.T) {
	ctx := context.Background()
	plain := func(t *testing.T, name string, stmts ...string) string {
		path := filepath.Join(t.TempDir(), name)
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return path
	}
	cases := []struct {
		name string
		file func(t *testing.T, d *Desk) string
		says string
		en   string
	}{
		{"Foreign", func(t *testing.T, _ *Desk) string {
			return plain(t, "notes.db", `CREATE TABLE notes (body TEXT)`)
		}, "셀러데스크 백업 파일이 아닙니다", "is not a SellerDesk backup file"},
		{"ForeignWithOrders", func(t *testing.T, _ *Desk) string {
			return plain(t, "shop.db", `CREATE TABLE orders (id INTEGER PRIMARY KEY)`, `PRAGMA user_version = 3`)
		}, "셀러데스크 백업 파일이 아닙니다", "is not a SellerDesk backup file"},
		{"Empty", func(t *testing.T, _ *Desk) string {
			path := filepath.Join(t.TempDir(), "empty.db")
			os.WriteFile(path, nil, 0o600)
			return path
		}, "비어 있는 파일입니다", "is an empty file"},
		{"Newer", func(t *testing.T, d *Desk) string {
			path, err := d.BackupNow(ctx, filepath.Join(t.TempDir(), "new.db"))
			if err != nil {
				t.Fatal(err)
			}
			db, _ := sql.Open("sqlite", path)
			defer db.Close()
			db.Exec(`PRAGMA user_version = 999`)
			return path
		}, "더 새로운 버전", "newer version"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := openDesk(t)
			if _, err := d.SaveProfile(ctx, StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}); err != nil {
				t.Fatal(err)
			}
			src := c.file(t, d)
			for what, run := range map[string]func() error{
				"Restore":       func() error { _, err := d.Restore(ctx, src, nil); return err },
				"InspectBackup": func() error { _, err := d.InspectBackup(ctx, src); return err },
			} {
				err := run()
				if ErrorCode(err) != ErrInvalid || !strings.Contains(Message(err), c.says) || !strings.Contains(Message(err), filepath.Base(src)) {
					t.Errorf("%s: %v (code %s)", what, err, ErrorCode(err))
				}
				if got := Text(err, TranslatorFor(English)); !strings.Contains(got, c.en) {
					t.Errorf("%s in English: %q", what, got)
				}
			}
			if p, _ := d.Profile(ctx); p.Name != "하루공방" {
				t.Errorf("a refused restore changed the data: %q", p.Name)
			}
			// nothing was saved as a before-restore backup: nothing was about to be replaced
			files, _ := d.Backups()
			for _, f := range files {
				if f.Kind == BackupBeforeRestore {
					t.Errorf("a refused restore saved %s", f.Path)
				}
			}
		})
	}
}

func TestInspectBackupSummary(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	if _, err := d.SaveProfile(ctx, StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}); err != nil {
		t.Fatal(err)
	}
	path, err := d.BackupNow(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := d.InspectBackup(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// a backup in the backups folder is dated by its name, which the desk's pinned clock wrote
	if got, want := sum.Made, d.Now().Truncate(1e9); !got.Equal(want) {
		t.Errorf("made = %v, want %v", got, want)
	}
	if sum.Products != 0 || sum.Orders != 0 || sum.Returns != 0 || sum.Path != path {
		t.Errorf("summary = %+v", sum)
	}
	if files, _ := d.Backups(); len(files) != 1 {
		t.Errorf("inspecting made or removed backups: %+v", files)
	}
}
