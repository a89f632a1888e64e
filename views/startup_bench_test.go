package views

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

// benchStorePath is the 1,000,000-line order store app/orders' benchmarks build and cache
// (openBenchStore); SELLERDESK_BENCH_STORE points at another.
func benchStorePath() string {
	if p := os.Getenv("SELLERDESK_BENCH_STORE"); p != "" {
		return p
	}
	return filepath.Join(os.TempDir(), "sellerdesk-bench-orders-v4.db")
}

// BenchmarkOpenLargeStore is what the window does before its first frame on a store of a million order
// lines. Window: open the desk, load the translations, build the shell with its dashboard (theme, profile,
// backups, catalog counts) and queue the work that runs after the first frame (start), then close. Desk:
// app.Open and Close alone, as every headless command pays them. It runs on a copy of the cached store, so
// the store itself is never changed; the copy is warm in the page cache, as a file the seller opens every
// day is. Fyne's real driver adds the GL window and the first paint, which this does not measure.
//
//	go test -tags migrated_fynedo -run '^$' -bench OpenLargeStore -benchtime 10x -count 3 ./views/
func BenchmarkOpenLargeStore(b *testing.B) {
	src := benchStorePath()
	if _, err := os.Stat(src); err != nil {
		b.Skipf("no benchmark store at %s (go test -run '^$' -bench Lookup ./app/orders/ builds it): %v", src, err)
	}
	path := filepath.Join(b.TempDir(), app.DBFileName)
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	at := clock.At(testDay)
	ctx := context.Background()
	b.Run("Desk", func(b *testing.B) {
		for b.Loop() {
			d, err := app.Open(ctx, path, testInfo, app.WithClock(at.Now))
			if err != nil {
				b.Fatal(err)
			}
			if err := d.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Window", func(b *testing.B) { benchOpenWindow(b, path, at) })
}

func benchOpenWindow(b *testing.B, path string, at *clock.Pinned) {
	a := test.NewTempApp(b)
	ctx := context.Background()
	for b.Loop() {
		d, err := app.Open(ctx, path, testInfo, app.WithClock(at.Now))
		if err != nil {
			b.Fatal(err)
		}
		if err := LoadTranslations(d.Language(ctx)); err != nil {
			b.Fatal(err)
		}
		w := test.NewWindow(nil)
		sh := newShell(a, w, d, newJobs(false))
		sh.start()
		if len(sh.work.queue) == 0 {
			b.Fatal("no work queued for after the first frame")
		}
		w.Close()
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
