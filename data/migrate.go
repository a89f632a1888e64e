package data

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step. Step N is applied when user_version is N-1 and sets it to N.
type migration struct {
	step int
	name string
	sql  string
}

func embeddedMigrations() []migration {
	migs, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		panic(err) // the embedded files are part of the build; a bad name is a programming error
	}
	return migs
}

// loadMigrations reads NNNN_name.sql files and checks they are numbered 1, 2, 3 … without gaps.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("data: read migrations: %w", err)
	}
	var migs []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		step, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("data: migration %q is not named NNNN_name.sql", e.Name())
		}
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("data: read migration %s: %w", e.Name(), err)
		}
		migs = append(migs, migration{step: step, name: name, sql: string(body)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].step < migs[j].step })
	for i, m := range migs {
		if m.step != i+1 {
			return nil, fmt.Errorf("data: migration steps must be 1..N without gaps, found %d at position %d", m.step, i+1)
		}
	}
	return migs, nil
}

// migrate applies the missing steps, each in its own transaction together with its user_version bump, so a
// failing step leaves the file exactly at the previous version.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, len(s.migrations))
}

func (s *Store) migrateTo(ctx context.Context, target int) error {
	current, err := userVersion(ctx, s.w)
	if err != nil {
		return err
	}
	steps := max(0, min(target, len(s.migrations))-current)
	for _, m := range s.migrations {
		if m.step <= current || m.step > target {
			continue
		}
		s.reportOpen(OpenProgress{Stage: OpenMigrating, Step: m.step - current, Steps: steps})
		err := s.Write(ctx, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			// PRAGMA takes no bound parameters; step is an int we own.
			_, err := tx.ExecContext(ctx, `PRAGMA user_version = `+strconv.Itoa(m.step))
			return err
		})
		if err != nil {
			return &MigrationError{Step: m.step, Name: m.name, Err: err}
		}
	}
	return nil
}
