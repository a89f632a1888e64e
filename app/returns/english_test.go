package returns

import (
	"context"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/assets"
)

// The service's refusals are keys with values, so a seller working in English reads them in English, the
// values (quantities, dates, states) filled in.
func TestRefusalsReadInEnglish(t *testing.T) {
	en, err := assets.TranslationTable("en")
	if err != nil {
		t.Fatal(err)
	}
	english := func(key string, args map[string]any) string {
		if v, ok := en[key]; ok && v != "" {
			return apperr.Render(v, args)
		}
		return apperr.Render(key, args)
	}
	d := openDesk(t)
	ctx := context.Background()
	base := Request{OrderID: d.order, Kind: KindReturn, Reason: "COLOR_AND_SIZE", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 3}}}
	_, tooMany := d.ret.Create(ctx, base)
	base.Lines[0].Qty = 1
	no, err := d.ret.Create(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	_, badMove := d.ret.Apply(ctx, no, MoveComplete, MoveInput{})
	_, missing := d.ret.Get(ctx, "RT-20990101-001")
	d.clock.Set(time.Date(2026, 12, 10, 10, 0, 0, 0, time.Local))
	_, late := d.ret.Create(ctx, base)
	for _, c := range []struct {
		err  error
		want string
	}{
		{tooMany, "Return 1 to 2 of 오버핏 티셔츠 (bought 2, already requested 0)."},
		{badMove, "A request in state 'Requested' cannot be moved by 'Complete'."},
		{missing, "Return number RT-20990101-001 was not found."},
		{late, "The change-of-mind return window has passed: delivered 2026-11-20, last day 2026-11-27."},
	} {
		if got := apperr.Text(c.err, english); !strings.Contains(got, c.want) {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
