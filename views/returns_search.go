package views

import (
	"context"
	"strings"

	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
)

// returnsQuery is what the returns list asks for: the filters and what was typed in the search box.
type returnsQuery struct {
	filter returns.Filter
	search string
}

// isReturnNumber reports whether v is a return number as a scanner reads it (RT-20261124-001).
func isReturnNumber(v string) bool {
	v = strings.ToUpper(strings.TrimSpace(v))
	return strings.HasPrefix(v, "RT-") && len(v) > 3
}

// search keeps the requests the seller's words find: the return number (part of it), and through the
// orders' own search — the order number, the buyer's or recipient's name, the phone's last four digits, the
// parcel's tracking number (hyphens or not) — and the pickup's tracking number.
func (s *returnsScreen) search(ctx context.Context, rows []returns.Row, text string) ([]returns.Row, error) {
	text = strings.TrimSpace(text)
	up := strings.ToUpper(text)
	orderIDs := map[int64]bool{}
	lines, err := s.sh.desk.Orders.Find(ctx, orders.Query{Search: searchText(text), Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		orderIDs[l.OrderID] = true
	}
	tracking := trackingDigits(text)
	pickup := len(tracking) >= 8 && strings.Trim(tracking, "0123456789") == ""
	var out []returns.Row
	for _, r := range rows {
		switch {
		case strings.Contains(strings.ToUpper(r.Number), up), orderIDs[r.OrderID], strings.Contains(r.OrderNo, text):
			out = append(out, r)
		case pickup:
			// the pickup's number lives on the request: read it only when a tracking number was typed
			full, err := s.svc.Get(ctx, r.Number)
			if err != nil {
				return nil, err
			}
			if full.TrackingNo != "" && strings.Contains(trackingDigits(full.TrackingNo), tracking) {
				out = append(out, r)
			}
		}
	}
	return out, nil
}
