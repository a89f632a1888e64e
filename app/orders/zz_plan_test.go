package orders

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sellerdesk/data"
)

func TestZZPlans(t *testing.T) {
	if os.Getenv("PLANS") == "" {
		t.Skip()
	}
	store, err := data.Open(context.Background(), benchOrdersDB)
	_ = 0
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	svc := New(store, nil)
	svc.Now = func() time.Time { return time.Date(2026, 11, 24, 18, 0, 0, 0, time.Local) }
	for _, q := range []Query{{Search: "서준"}, {Status: FilterNew}} {
		dq := svc.dataQuery(q)
		dq.Limit = 100
		for _, walk := range []bool{false, true} {
			where, args := dq.WhereForTest(context.Background(), store.Read(), walk)
			for _, sql := range []string{`SELECT count(*) FROM order_lines l WHERE ` + where,
				`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE ` + where + ` ORDER BY l.ordered_at DESC, l.id DESC LIMIT 100`} {
				start := time.Now()
				rows, err := store.Read().Query(`EXPLAIN QUERY PLAN `+sql, args...)
				if err != nil {
					t.Fatal(err)
				}
				var plan []string
				for rows.Next() {
					var a, b, c int
					var d string
					rows.Scan(&a, &b, &c, &d)
					plan = append(plan, d)
				}
				rows.Close()
				start = time.Now()
				r2, _ := store.Read().Query(sql, args...)
				n := 0
				for r2.Next() {
					n++
				}
				r2.Close()
				t.Logf("%+v walk=%v %s: %v\n   %s", q.Search+q.PaymentMethod+q.Channel+q.Status, walk, sql[:30], time.Since(start), strings.Join(plan, " | "))
			}
		}
	}
}
