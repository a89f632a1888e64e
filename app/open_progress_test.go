package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"sellerdesk/app/clock"
)

// Open passes the store's upgrade stages on in the desk's words: a new file reports each of its schema
// steps, counted up to the last; opening it again reports nothing (nothing to bring up to date).
func TestOpenReportsItsUpgradeSteps(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), DBFileName)
	at := clock.At(time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)).Now
	open := func() []OpeningProgress {
		t.Helper()
		var got []OpeningProgress
		d, err := Open(ctx, path, testInfo, WithClock(at), WithOpenProgress(func(p OpeningProgress) { got = append(got, p) }))
		if err != nil {
			t.Fatal(err)
		}
		d.Close()
		return got
	}
	got := open()
	if len(got) == 0 {
		t.Fatal("a new file reported no steps")
	}
	for i, p := range got {
		if p.Stage != OpeningUpgrade || p.Step != i+1 || p.Steps != len(got) {
			t.Fatalf("report %d = %+v, want step %d of %d", i, p, i+1, len(got))
		}
	}
	if again := open(); len(again) != 0 {
		t.Fatalf("opening an up-to-date file reported %+v", again)
	}
}
