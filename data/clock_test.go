package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testDay is the day every data test stands on: far from the day the suite runs, so nothing passes by luck.
var testDay = time.Date(2031, 6, 15, 9, 30, 0, 0, time.UTC)

// testStamp is testDay as the store writes it.
var testStamp = testDay.Format(TimeLayout)

func testClock() Option { return WithClock(func() time.Time { return testDay }) }

func TestOpenNeedsClock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(context.Background(), path)
	if !errors.Is(err, errNoClock) || s != nil {
		t.Fatalf("Open without a clock = %v, %v; want errNoClock", s, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused Open created %s: %v", path, err)
	}
}

// TestTxReadsClockOnce: a transaction reads the clock once, when it begins, and stamps every row with that
// time; the next transaction reads it again. The clock here moves an hour each time it is read, so a
// second read inside one transaction would show.
func TestTxReadsClockOnce(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2028, 2, 29, 23, 59, 59, 999_000_000, time.FixedZone("KST", 9*3600))
	reads, moving := 0, false // migrations run in transactions too; the clock starts moving once the store is open
	s, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time {
		if !moving {
			return at
		}
		reads++
		return at.Add(time.Duration(reads-1) * time.Hour)
	}))
	if err != nil {
		t.Fatal(err)
	}
	moving = true
	t.Cleanup(func() { s.Close() })
	stamped := func(key string) string {
		var v string
		if err := s.Read().QueryRow(`SELECT updated_at FROM settings WHERE key = ?`, key).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}

	var txNow time.Time
	err = s.Write(ctx, func(tx *Tx) error {
		txNow = tx.Now()
		for _, k := range []string{"a", "b", "c"} {
			if err := SetSettingTx(ctx, tx, k, "1"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := txNow, at; !got.Equal(want) || got.Location() != at.Location() {
		t.Errorf("tx.Now() = %v, want %v in the clock's location", got, want)
	}
	for _, k := range []string{"a", "b", "c"} {
		if got, want := stamped(k), "2028-02-29T14:59:59.999Z"; got != want {
			t.Errorf("setting %s stamped %s, want %s", k, got, want)
		}
	}
	if err := s.SetSetting(ctx, "b", "2"); err != nil {
		t.Fatal(err)
	}
	if got, want := stamped("b"), "2028-02-29T15:59:59.999Z"; got != want {
		t.Errorf("the next transaction stamped %s, want %s (one read later)", got, want)
	}
	if got, want := s.Now(), at.Add(2*time.Hour); !got.Equal(want) {
		t.Errorf("Store.Now() = %v, want %v", got, want)
	}
}
