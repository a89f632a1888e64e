package sheet

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// FuzzTemplateRows fuzzes the rows between the header and the data of Smart Store's 93-column template
// (the 필수/선택 row, the example and the guides, as sellers leave, edit or half-delete them). Whatever they
// hold, no row is dropped silently: every non-empty row under the header is skipped by name (Skipped), read
// into a product, or a problem; skipped rows are a run right under the header, within guideZone.
func FuzzTemplateRows(f *testing.F) {
	rows := tsvRows(f, "smartstore_2026_93col.tsv")
	join := func(rs [][]string) string {
		var lines []string
		for _, r := range rs {
			lines = append(lines, strings.Join(r, "\t"))
		}
		return strings.Join(lines, "\n")
	}
	f.Add(join(rows[2:6]))
	f.Add(join(rows[2:4]))
	f.Add(join(rows[3:6]))
	f.Add("필수\t선택\n\t\t예시) 상품명")
	f.Add("\t\t상품명을 입력하세요.\t\t숫자만 입력")
	f.Add("")
	head, data := rows[:2], rows[6:]
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		var middle [][]string
		for i, line := range strings.Split(s, "\n") {
			if i == 8 {
				break
			}
			cells := strings.Split(line, "\t")
			if len(cells) > 93 {
				cells = cells[:93]
			}
			middle = append(middle, cells)
		}
		all := append(append(append([][]string(nil), head...), middle...), data...)
		file, err := ReadProducts(context.Background(), bytes.NewReader(rowsXLSX(t, "일괄등록", all, nil)), opts, nil)
		if err != nil {
			t.Fatalf("ReadProducts: %v", err)
		}
		accounted := map[int]bool{}
		for i, sk := range file.Skipped {
			if sk.Row < 3 || sk.Row > 2+guideZone || i > 0 && sk.Row <= file.Skipped[i-1].Row {
				t.Fatalf("skipped rows out of place: %+v", file.Skipped)
			}
			accounted[sk.Row] = true
		}
		for _, src := range file.sources {
			accounted[src.row] = true
		}
		for _, p := range file.Problems {
			accounted[p.Row] = true
		}
		if len(file.Problems) > 0 && file.Problems[0].Row == 2 {
			return // a problem about the file as a whole (no products at all): nothing is imported
		}
		for r, cells := range all[2:] {
			if strings.TrimSpace(strings.Join(cells, "")) == "" {
				continue
			}
			if n := r + 3; !accounted[n] {
				t.Fatalf("row %d neither skipped, read nor a problem: %q\nskipped %+v problems %+v", n, cells, file.Skipped, file.Problems)
			}
		}
		if len(file.Problems) == 0 {
			for _, p := range file.Products {
				if p.Code == "" || len(p.Options) == 0 {
					t.Fatalf("product without a code or options: %+v", p)
				}
			}
		}
	})
}

// FuzzCodeRepair: restoring a code's leading zeros only ever puts zeros in front, and a restored code stays
// as it is when restored again.
func FuzzCodeRepair(f *testing.F) {
	for _, s := range []string{"0", "00", "3", "17", "200037", "1110", "101.21", "61091", "6109.10", "중국", "1e5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if out, ok := restoreOrigin(s); ok {
			if !strings.HasSuffix(out, s) || strings.Trim(strings.TrimSuffix(out, s), "0") != "" {
				t.Fatalf("restoreOrigin(%q) = %q: more than leading zeros", s, out)
			}
			if again, _ := restoreOrigin(out); again != out {
				t.Fatalf("restoreOrigin(%q) = %q, then %q", s, out, again)
			}
		}
		out := restoreHS(s)
		if !strings.HasSuffix(out, s) || strings.Trim(strings.TrimSuffix(out, s), "0") != "" {
			t.Fatalf("restoreHS(%q) = %q: more than leading zeros", s, out)
		}
		if again := restoreHS(out); again != out {
			t.Fatalf("restoreHS(%q) = %q, then %q", s, out, again)
		}
	})
}
