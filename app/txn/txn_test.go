package txn

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

func open(t *testing.T) (Writer, *bytes.Buffer) {
	t.Helper()
	at := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), data.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var log bytes.Buffer
	return Writer{Store: s, Log: slog.New(slog.NewTextHandler(&log, nil)), Area: "주문"}, &log
}

// setting writes one setting, the smallest write a test can check for.
func setting(ctx context.Context) func(tx *data.Tx) error {
	return func(tx *data.Tx) error { return data.SetSettingTx(ctx, tx, "k", "v") }
}

func written(t *testing.T, w Writer) bool {
	t.Helper()
	_, ok, err := w.Store.Setting(context.Background(), "k")
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestWrite(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		w, _ := open(t)
		if err := w.Write(context.Background(), "저장", setting(context.Background())); err != nil {
			t.Fatal(err)
		}
		if !written(t, w) {
			t.Error("a write that succeeded left nothing")
		}
	})
	t.Run("RuleErrorPassesThrough", func(t *testing.T) {
		w, log := open(t)
		rule := &apperr.Error{Code: apperr.ErrConflict, Message: "이미 발송한 주문입니다."}
		err := w.Write(context.Background(), "저장", func(tx *data.Tx) error {
			setting(context.Background())(tx)
			return rule
		})
		if err != rule {
			t.Errorf("err = %v, want the rule's own error", err)
		}
		if written(t, w) || log.Len() > 0 {
			t.Errorf("a refused write left data (%v) or a log line (%q)", written(t, w), log)
		}
	})
	t.Run("ErrInternal", func(t *testing.T) {
		w, log := open(t)
		err := w.Write(context.Background(), "주문 가져오기", func(tx *data.Tx) error {
			setting(context.Background())(tx)
			return errors.New("disk I/O error")
		})
		if apperr.ErrorCode(err) != apperr.ErrInternal || !strings.HasPrefix(apperr.Message(err), "주문 가져오기에 실패했습니다.") {
			t.Errorf("err = %v (%s)", err, apperr.ErrorCode(err))
		}
		if written(t, w) || !strings.Contains(log.String(), "disk I/O error") {
			t.Errorf("written = %v, log = %q", written(t, w), log)
		}
		w.Fault = func(what string) apperr.Msg {
			return apperr.M("{{.What}} 저장하지 못했습니다.", "What", apperr.M(what))
		}
		err = w.Write(context.Background(), "상품을", func(*data.Tx) error { return errors.New("boom") })
		if apperr.Message(err) != "상품을 저장하지 못했습니다." {
			t.Errorf("the service's own wording was not used: %q", apperr.Message(err))
		}
	})
}

// TestWriteCancelled: however a cancel arrives (before the write, while fn writes, after fn returned), the
// seller reads that the work was cancelled, errors.Is finds context.Canceled, nothing is written and nothing
// is logged as a fault.
func TestWriteCancelled(t *testing.T) {
	cases := []struct {
		name string
		run  func(w Writer) error
	}{
		{"Before", func(w Writer) error {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return w.Write(ctx, "주문 가져오기", setting(ctx))
		}},
		{"WhileWriting", func(w Writer) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			return w.Write(ctx, "주문 가져오기", func(tx *data.Tx) error {
				if err := setting(ctx)(tx); err != nil {
					return err
				}
				cancel()
				// the next statement fails on the cancelled context, wrapped as data wraps it
				return data.SetSettingTx(ctx, tx, "k2", "v")
			})
		}},
		{"RuleErrorAfterCancel", func(w Writer) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			return w.Write(ctx, "주문 가져오기", func(tx *data.Tx) error {
				setting(ctx)(tx)
				cancel()
				return &apperr.Error{Code: apperr.ErrInvalid, Message: "3행: 수량이 없습니다."}
			})
		}},
		{"AfterFnReturned", func(w Writer) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			return w.Write(ctx, "주문 가져오기", func(tx *data.Tx) error {
				setting(ctx)(tx)
				cancel() // fn does not look at ctx again; the commit must not go through
				return nil
			})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, log := open(t)
			err := c.run(w)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled in its chain", err)
			}
			if code := apperr.ErrorCode(err); code == apperr.ErrInternal {
				t.Errorf("a cancel reported as an internal fault: %v", err)
			}
			if got, want := apperr.Message(err), "주문 작업을 취소했습니다. 아무것도 바뀌지 않았습니다."; got != want {
				t.Errorf("message = %q, want %q", got, want)
			}
			if written(t, w) {
				t.Error("a cancelled write was committed")
			}
			if log.Len() > 0 {
				t.Errorf("a cancel was logged as a fault: %q", log)
			}
		})
	}
	t.Run("DeadlineExceeded", func(t *testing.T) {
		w, _ := open(t)
		ctx, cancel := context.WithDeadline(context.Background(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		defer cancel()
		err := w.Write(ctx, "주문 가져오기", setting(ctx))
		if !errors.Is(err, context.DeadlineExceeded) || apperr.ErrorCode(err) == apperr.ErrInternal ||
			!strings.Contains(apperr.Message(err), "너무 오래 걸려") {
			t.Errorf("err = %v (%s)", err, apperr.ErrorCode(err))
		}
		if written(t, w) {
			t.Error("a timed-out write was committed")
		}
	})
}

// TestMessagesTranslateWhole: the cancel and fault messages are keys with their values, the area and the
// work being keys of their own, so a translation matches the whole sentence and its parts.
func TestMessagesTranslateWhole(t *testing.T) {
	english := map[string]string{
		"{{.Area}} 작업을 취소했습니다. 아무것도 바뀌지 않았습니다.":                   "{{.Area}}: cancelled. Nothing was changed.",
		"{{.What}}에 실패했습니다. 아무것도 저장하지 않았습니다. 자세한 내용은 로그에 기록했습니다.": "{{.What}} failed. Nothing was saved. The details are in the log.",
		"주문":      "Orders",
		"주문 가져오기": "Import orders",
	}
	tr := func(key string, args map[string]any) string {
		if v, ok := english[key]; ok {
			key = v
		}
		return apperr.Render(key, args)
	}
	w, _ := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := w.Write(ctx, "주문 가져오기", setting(ctx))
	if got, want := apperr.Text(err, tr), "Orders: cancelled. Nothing was changed."; got != want {
		t.Errorf("cancel in English = %q, want %q", got, want)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled in its chain", err)
	}
	err = w.Write(context.Background(), "주문 가져오기", func(*data.Tx) error { return errors.New("disk full") })
	if got, want := apperr.Text(err, tr), "Import orders failed. Nothing was saved. The details are in the log."; got != want {
		t.Errorf("fault in English = %q, want %q", got, want)
	}
}

// TestBusyStoreIsNamed: while another SellerDesk (here a second store on the same file) holds the write
// lock, a write gives up after the store's bounded wait and tells the seller the file is in use — a conflict
// with its own sentence, not a fault for the log — and writes nothing.
func TestBusyStoreIsNamed(t *testing.T) {
	w, log := open(t)
	ctx := context.Background()
	other, err := data.Open(ctx, w.Store.Path(), data.WithClock(w.Store.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- other.Write(ctx, func(tx *data.Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	err = w.Write(ctx, "저장", setting(ctx))
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.ErrConflict || ae.Key != data.BusyKey {
		t.Fatalf("busy write = %#v, want a conflict saying %q", err, data.BusyKey)
	}
	if !data.IsBusy(err) {
		t.Error("the busy cause is lost")
	}
	if strings.Contains(log.String(), "ERROR") {
		t.Errorf("a busy store was logged as a fault: %s", log.String())
	}
	if written(t, w) {
		t.Error("the refused write left a row")
	}
}

// A store opened read-only refuses a write with the read-only sentence (a fact the seller can act on),
// not with the sentence that points at the log.
func TestWriteOnReadOnlyStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	at := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	clk := data.WithClock(func() time.Time { return at })
	s, err := data.Open(ctx, path, clk)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := data.Open(ctx, path, clk, data.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var log bytes.Buffer
	w := Writer{Store: ro, Log: slog.New(slog.NewTextHandler(&log, nil)), Area: "주문"}
	err = w.Write(ctx, "저장", setting(ctx))
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.ErrConflict {
		t.Fatalf("err = %v, want a conflict the seller can act on", err)
	}
	if msg := apperr.Message(err); !strings.Contains(msg, "읽기 전용") || strings.Contains(msg, "로그") {
		t.Errorf("message = %q", msg)
	}
}
