// Package txn runs a service's write in one store transaction and turns what went wrong into what the seller
// is told. Every service (catalog, orders, purchasing, returns) writes through it, so a cancelled action
// reads the same everywhere: it is reported as cancelled, never as a fault, and nothing was written.
package txn

import (
	"context"
	"errors"
	"log/slog"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// Writer writes for one service.
type Writer struct {
	Store *data.Store
	Log   *slog.Logger
	// Area names the service's work in the seller's words ("주문", "상품"), a translation key of its own:
	// the cancel message says it ("{{.Area}} 작업을 취소했습니다"), since the services word what differently
	// ("상품을", "주문 가져오기").
	Area string
	// Fault words the message for an unexpected failure of the write named what (a key too), in the
	// service's own phrasing, as a key with values so that it translates whole: a sentence glued from
	// pieces matches no translation. nil uses FaultMsg.
	Fault func(what string) apperr.Msg
}

// FaultMsg is the message for an unexpected failure of the write named what, for a service with no wording
// of its own.
func FaultMsg(what string) apperr.Msg {
	return apperr.M("{{.What}}에 실패했습니다. 아무것도 저장하지 않았습니다. 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
}

// Write runs fn in one transaction and commits when fn returns nil; otherwise nothing fn wrote stays.
//   - an *apperr.Error from fn (a rule the seller broke) comes back as it is;
//   - a cancelled or timed-out context comes back as an *apperr.Error (ErrConflict) that says the work was
//     stopped and nothing changed, and errors.Is(err, context.Canceled) (or DeadlineExceeded) holds;
//   - anything else is logged and becomes an ErrInternal with the service's fault message.
//
// The context is checked before the rule errors: a data call that failed because the seller pressed 취소
// may come back wrapped in anything, and the seller should read "취소했습니다", not a fault.
func (w Writer) Write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	err := w.Store.Write(ctx, fn)
	if err == nil {
		return nil
	}
	if stop := stopped(ctx, err); stop != nil {
		key := "{{.Area}} 작업을 취소했습니다. 아무것도 바뀌지 않았습니다."
		if errors.Is(stop, context.DeadlineExceeded) {
			key = "{{.Area}} 작업이 너무 오래 걸려 멈췄습니다. 아무것도 바뀌지 않았습니다. 다시 시도하세요."
		}
		// the area is a Msg, so the seller's language translates it inside the sentence
		e := apperr.New(apperr.ErrConflict, key, "Area", apperr.M(w.Area))
		e.Err = errors.Join(stop, err)
		return e
	}
	if key, args, ok := data.KnownFault(err); ok {
		// another SellerDesk writing, a store open read-only, a full disk: facts the seller can act on, not faults
		return &apperr.Error{Code: apperr.ErrConflict, Key: key, Args: args, Err: err}
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	w.Log.Error(w.Area+" write", "what", what, "err", err)
	fault := FaultMsg
	if w.Fault != nil {
		fault = w.Fault
	}
	m := fault(what)
	return &apperr.Error{Code: apperr.ErrInternal, Err: err, Key: m.Key, Args: m.Args}
}

// stopped is the context error that ended the write, or nil when the write failed for another reason.
func stopped(ctx context.Context, err error) error {
	if e := ctx.Err(); e != nil {
		return e
	}
	for _, e := range []error{context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, e) {
			return e
		}
	}
	return nil
}
