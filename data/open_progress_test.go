package data

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// Opening a file an older version wrote reports the check, each migration step counted from the file's
// version, and the statistics; an up-to-date file reports nothing, a new file only its migrations.
func TestOpenReportsAnUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	clk := WithClock(func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) })
	all := embeddedMigrations()
	older := len(all) - 3
	open := func(migs []migration) []OpenProgress {
		t.Helper()
		var got []OpenProgress
		s, err := openWith(ctx, path, migs, clk, WithOpenProgress(func(p OpenProgress) { got = append(got, p) }))
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		return got
	}
	fresh := open(all[:older])
	if len(fresh) != older || fresh[0] != (OpenProgress{Stage: OpenMigrating, Step: 1, Steps: older}) ||
		fresh[older-1] != (OpenProgress{Stage: OpenMigrating, Step: older, Steps: older}) {
		t.Fatalf("a new file reported %+v, want its %d migrations only", fresh, older)
	}
	want := []OpenProgress{{Stage: OpenChecking}, {OpenMigrating, 1, 3}, {OpenMigrating, 2, 3}, {OpenMigrating, 3, 3},
		{Stage: OpenOptimizing}}
	if got := open(all); !reflect.DeepEqual(got, want) {
		t.Fatalf("upgrade reported %+v, want %+v", got, want)
	}
	if got := open(all); len(got) != 0 {
		t.Fatalf("an up-to-date file reported %+v, want nothing", got)
	}
}
