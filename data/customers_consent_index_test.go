package data

import (
	"context"
	"strings"
	"testing"
)

// TestCustomerConsentIndexServesRecordFilters: since 0018 the consent index holds only contacts with a
// record; the list's 동의/거부 filter and the count of contacts with a record must still read it (a scan of
// every contact otherwise), and the no-record filter walks the list's order.
func TestCustomerConsentIndexServesRecordFilters(t *testing.T) {
	s, _ := openCustomerStore(t)
	ctx := context.Background()
	plan := func(q string, args ...any) string {
		t.Helper()
		rows, err := s.Read().QueryContext(ctx, `EXPLAIN QUERY PLAN `+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			out = append(out, detail)
		}
		return strings.Join(out, "; ")
	}
	for _, consent := range []string{"YES", "NO"} {
		where, args := CustomerQuery{Consent: consent}.where()
		p := plan(`SELECT c.id FROM customers c WHERE `+where+` ORDER BY c.last_order_at DESC, c.id DESC LIMIT 100`, args...)
		if !strings.Contains(p, "customers_consent") || strings.Contains(p, "TEMP B-TREE") {
			t.Errorf("%s list plan = %q, want the consent index in its order", consent, p)
		}
	}
	if p := plan(`SELECT count(*) FROM customers WHERE consent IN ('YES', 'NO') AND merged_into IS NULL AND consent <> ''`); !strings.Contains(p, "customers_consent") {
		t.Errorf("count plan = %q, want the consent index", p)
	}
	where, args := CustomerQuery{Consent: "NONE"}.where()
	if p := plan(`SELECT c.id FROM customers c WHERE `+where+` ORDER BY c.last_order_at DESC, c.id DESC LIMIT 100`, args...); strings.Contains(p, "TEMP B-TREE") {
		t.Errorf("no-record list plan = %q, want the list's order walked", p)
	}
}
