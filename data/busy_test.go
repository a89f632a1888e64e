package data

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// writerBound opens a store whose connections wait WriterBusyTimeout, the bound the seller's store uses.
func writerBound() Option {
	return func(s *Store) { s.busyMillis = int(WriterBusyTimeout / time.Millisecond) }
}

// TestBusyStore: while another connection to the file holds a write transaction (another window's import),
// a write gives up after the bounded wait with a busy error, and reading, opening and backing up the file
// do not wait at all.
func TestBusyStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sellerdesk.db")
	holder, err := Open(ctx, path, testClock(), writerBound())
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	s, err := Open(ctx, path, testClock(), writerBound())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	holding, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- holder.Write(ctx, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('busy.held', '', '')`); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	select {
	case <-holding:
	case err := <-done:
		t.Fatalf("the holding write ended early: %v", err)
	}

	t.Run("WriteGivesUp", func(t *testing.T) {
		err := s.Write(ctx, func(tx *Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('busy.mine', '', '')`)
			return err
		})
		if !IsBusy(err) {
			t.Fatalf("write while another holds the file = %v, want a busy error", err)
		}
		var be *BusyError
		// the store's Write already names the busy file (data: begin: …); asBusy keeps that as it is
		if got := asBusy(path, err); !errors.As(got, &be) || be.Path != path || be.Error() != BusyKey {
			t.Errorf("busy write = %#v, want a *BusyError for %s saying %q", got, path, BusyKey)
		}
		// bounded by the connections' own busy timeout, read back rather than timed (no timed tests): the old
		// 10 s would fail this
		var ms int
		if err := s.w.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&ms); err != nil || ms != int(WriterBusyTimeout/time.Millisecond) {
			t.Errorf("the writer waits %d ms (%v), want %v", ms, err, WriterBusyTimeout)
		}
	})
	t.Run("ReadDoesNotWait", func(t *testing.T) {
		var n int
		if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = 'busy.held'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("read while another writes = %d, %v; want the last committed state (0), no error", n, err)
		}
	})
	t.Run("OpenDoesNotWait", func(t *testing.T) {
		// no migration pending: opening takes no write lock (statistics give up at once when busy)
		third, err := Open(ctx, path, testClock(), writerBound())
		if err != nil {
			t.Fatalf("open while another writes: %v", err)
		}
		if err := third.Close(); err != nil {
			t.Errorf("close while another writes: %v", err)
		}
	})
	t.Run("BackupDoesNotWait", func(t *testing.T) {
		if err := s.BackupTo(ctx, filepath.Join(dir, "copy.db")); err != nil {
			t.Errorf("backup while another writes: %v", err)
		}
	})

	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// once the other write ends, the same write goes through
	if err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('busy.mine', '', '')`)
		return err
	}); err != nil {
		t.Errorf("write after the other ended: %v", err)
	}
}

func TestIsBusy(t *testing.T) {
	if IsBusy(nil) || IsBusy(errors.New("disk full")) {
		t.Error("a nil or plain error counts as busy")
	}
	if err := asBusy("x.db", errors.New("disk full")); errors.As(err, new(*BusyError)) {
		t.Error("asBusy wrapped an error that is not busy")
	}
	if asBusy("x.db", nil) != nil {
		t.Error("asBusy(nil) is not nil")
	}
}
