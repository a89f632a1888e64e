package data

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// The sync writes a new contact's lookup entries from its batch alone (its one key's buyer name and phone)
// and a known contact's by reading it again; either way the entries are those a full rewrite from the
// contact's record, details and keys gives. Batches of 2 orders make keys new in one batch and known in the
// next, names change on a later order, one name is empty, one phone has no tail.
func TestSyncLookupEntriesMatchAFullRewrite(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	addOrder(t, s, "A1", "kim01", "김민지", "010-1234-5678", day, 10000, "PAYED")
	addOrder(t, s, "B1", "", "이서준", "010-2222-3333", day, 7000, "DELIVERED")
	addOrder(t, s, "A2", "kim01", "김민지 (본명 김민주)", "010 1234 9999", day.AddDate(0, 0, 1), 5000, "PAYED")
	addOrder(t, s, "C1", "lee", "Lee Kim", "+82 10-5555-1111", day, 1000, "PAYED")
	addOrder(t, s, "D1", "noname", "", "010-7777-0000", day, 1000, "PAYED")
	addOrder(t, s, "E1", "", "박하늘", "12", day, 1000, "PAYED")
	addOrder(t, s, "A3", "kim01", "김민주", "010-1234-5678", day.AddDate(0, 0, 2), 5000, "PAYED")
	addOrder(t, s, "F1", "", "최유리", "010-5555-1212", day, 2000, "PAYED")
	addOrder(t, s, "F2", "", "최유리", "010-5555-1212", day.AddDate(0, 0, 1), 2000, "PAYED")
	syncInBatches(t, s, 2)
	entries := func() []string {
		t.Helper()
		var out []string
		rows, err := s.Read().QueryContext(ctx, `SELECT 'fts', rowid, name_pairs || '/' || tails || '/' || emails FROM customer_search
			UNION ALL SELECT 'letter', customer_id, letter FROM customer_letters ORDER BY 1, 2, 3`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var kind, v string
			var id int64
			if err := rows.Scan(&kind, &id, &v); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %d %s", kind, id, v))
		}
		return out
	}
	synced := entries()
	if len(synced) == 0 {
		t.Fatal("the sync wrote no lookup entries")
	}
	var ids []int64
	rows, err := s.Read().QueryContext(ctx, `SELECT id FROM customers ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != 6 {
		t.Fatalf("contacts = %d, want 6", len(ids))
	}
	if err := s.Write(ctx, func(tx *Tx) error { return RefreshCustomerSearchTx(ctx, tx, ids) }); err != nil {
		t.Fatal(err)
	}
	if rewritten := entries(); !reflect.DeepEqual(synced, rewritten) {
		t.Fatalf("the sync's lookup entries differ from a full rewrite:\nsync:    %q\nrewrite: %q", synced, rewritten)
	}
}
