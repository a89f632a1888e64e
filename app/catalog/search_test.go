package catalog

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestSearchAndSort(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	for i, name := range []string{"오버핏 셔츠", "린넨 셔츠", "코튼 팬츠", "셔링 원피스"} {
		p := simple(fmt.Sprintf("SK-%03d", i), name, int64(10000+i*1000), int64(i))
		if _, err := s.SaveProduct(ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	p := tee("OPT", []string{"블루"}, []string{"M"}, 1)
	p.Options[0].Code = "ZX-9981"
	s.SaveProduct(ctx, p, "")
	for q, want := range map[string]int{"셔츠": 3, "셔": 4, "린넨 셔츠": 1, "SK-00": 4, "sk-001": 1, "9981": 1, "없는말": 0, "-": 5} {
		if n, err := s.CountProducts(ctx, ListFilter{Query: q}); err != nil || n != want {
			t.Errorf("search %q = %d (%v), want %d", q, n, err, want)
		}
	}
	rows, _ := s.ListProducts(ctx, ListFilter{Sort: SortPrice, Desc: true, Limit: 2})
	if len(rows) != 2 || rows[0].Price < rows[1].Price || rows[0].Code != "OPT" {
		t.Errorf("price desc = %+v", rows)
	}
	rows, _ = s.ListProducts(ctx, ListFilter{Sort: SortName, Offset: 1, Limit: 1})
	if len(rows) != 1 || rows[0].Name != "셔링 원피스" {
		t.Errorf("second by name = %+v", rows)
	}
}

// TestCountMatchesList checks every counting path against the rows the list returns.
func TestCountMatchesList(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	top, _ := s.SaveCategory(ctx, Category{Name: "의류"})
	sub, _ := s.SaveCategory(ctx, Category{Name: "상의", ParentID: top.ID})
	other, _ := s.SaveCategory(ctx, Category{Name: "리빙"})
	for i, name := range []string{"린넨 셔츠", "오버핏 셔츠", "셔츠형 원피스", "머그컵", "코튼 팬츠", "셔츠 수납함"} {
		p := simple(fmt.Sprintf("CM-%d", i), name, 10000, int64(i%3))
		p.CategoryID = []int64{sub.ID, sub.ID, top.ID, other.ID, top.ID, other.ID}[i]
		if i == 1 {
			p.Status = StatusSuspended
		}
		if _, err := s.SaveProduct(ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	archived, _ := s.SaveProduct(ctx, simple("CM-X", "보관된 셔츠", 10000, 1), "")
	s.AdjustStock(ctx, archived.Options[0].ID, -1, ReasonSale, "", "order")
	s.DeleteProducts(ctx, []int64{archived.ID})
	for _, f := range []ListFilter{
		{}, {Query: "셔츠"}, {CategoryID: top.ID}, {Query: "셔츠", CategoryID: top.ID},
		{Query: "셔츠", CategoryID: top.ID, Status: StatusSale}, {Query: "셔츠", LowStock: true},
		{CategoryID: other.ID, LowStock: true}, {Query: "셔츠", Archived: true}, {Query: "컵"}, {Query: "cm-3"},
	} {
		rows, err := s.ListProducts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountProducts(ctx, f)
		if err != nil || n != len(rows) {
			t.Errorf("%+v: count %d (%v), list %d", f, n, err, len(rows))
		}
	}
	if n, _ := s.CountProducts(ctx, ListFilter{Query: "셔츠", CategoryID: top.ID}); n != 3 {
		t.Errorf("셔츠 in 의류 = %d, want 3", n)
	}
}

func TestCodeSearch(t *testing.T) {
	s := openService(t)
	ctx := context.Background()
	tee := tee("HR-0027", []string{"블랙", "화이트"}, []string{"M"}, 3) // options HR-0027-0, HR-0027-1
	bottle := simple("BT-5", "스텐 텀블러 500ml", 12000, 4)
	other := simple("HR-1027", "린넨 셔츠", 30000, 2)
	for _, p := range []Product{tee, bottle, other} {
		if _, err := s.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		query string
		want  string
	}{
		{"HR-0027", "HR-0027"},    // a whole code
		{"hr-00", "HR-0027"},      // its start, typed in small letters
		{"HR", "HR-0027,HR-1027"}, // letters only: the letter-pair search, which finds codes too
		{"HR-0027-1", "HR-0027"},  // an option code finds its product
		{"1027", "HR-1027"},       // a part from the middle: letter pairs
		{"0027", "HR-0027"},       // also from the middle
		{"500ml", "BT-5"},         // code-like but in a name
		{"HR-9", ""},              // starts no code, contains nothing
	} {
		rows, err := s.ListProducts(ctx, ListFilter{Query: c.query, Sort: SortCode})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Code)
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("search %q found %v, want %s", c.query, got, c.want)
		}
		n, err := s.CountProducts(ctx, ListFilter{Query: c.query})
		if err != nil || n != len(rows) {
			t.Errorf("count %q = %d, list %d (%v)", c.query, n, len(rows), err)
		}
	}
	n, _ := s.CountProducts(ctx, ListFilter{Query: "hr-", Status: StatusSuspended})
	if n != 0 {
		t.Errorf("code search with a status filter counted %d", n)
	}
}

// TestSearchFiltersFollowChanges checks that a search combined with category and status filters follows
// every way a product's status or category changes (the search index holds them as words).
func TestSearchFiltersFollowChanges(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	top, _ := s.SaveCategory(ctx, Category{Name: "의류"})
	sub, _ := s.SaveCategory(ctx, Category{Name: "상의", ParentID: top.ID})
	other, _ := s.SaveCategory(ctx, Category{Name: "리빙"})
	ids := map[string]int64{}
	for i, c := range []struct {
		name string
		cat  int64
		st   Status
	}{{"린넨 셔츠", sub.ID, StatusSale}, {"오버핏 셔츠", sub.ID, StatusSuspended}, {"셔츠형 원피스", top.ID, StatusSale}, {"셔츠 수납함", other.ID, StatusSale}} {
		p := simple(fmt.Sprintf("SF-%d", i), c.name, 10000, 2)
		p.CategoryID, p.Status = c.cat, c.st
		saved, err := s.SaveProduct(ctx, p, "")
		if err != nil {
			t.Fatal(err)
		}
		ids[c.name] = saved.ID
	}
	count := func(f ListFilter) int {
		t.Helper()
		n, err := s.CountProducts(ctx, f)
		rows, err2 := s.ListProducts(ctx, f)
		if err != nil || err2 != nil || n != len(rows) {
			t.Fatalf("%+v: count %d, list %d (%v %v)", f, n, len(rows), err, err2)
		}
		return n
	}
	inTop := ListFilter{Query: "셔츠", CategoryID: top.ID, Status: StatusSale}
	if n := count(inTop); n != 2 {
		t.Errorf("셔츠 in 의류 on sale = %d, want 2", n)
	}
	if err := s.MoveToCategory(ctx, []int64{ids["린넨 셔츠"]}, other.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(inTop); n != 1 {
		t.Errorf("after moving one out = %d, want 1", n)
	}
	if err := s.SetStatus(ctx, []int64{ids["오버핏 셔츠"]}, StatusSale); err != nil {
		t.Fatal(err)
	}
	if n := count(inTop); n != 2 {
		t.Errorf("after putting one on sale = %d, want 2", n)
	}
	// selling out turns a product 품절 automatically
	p, _ := s.Product(ctx, ids["셔츠형 원피스"])
	if _, err := s.AdjustStock(ctx, p.Options[0].ID, -2, ReasonAdjust, "", ""); err != nil {
		t.Fatal(err)
	}
	if n := count(inTop); n != 1 {
		t.Errorf("after one sold out = %d, want 1", n)
	}
	if n := count(ListFilter{Query: "셔츠", Status: StatusSoldOut}); n != 1 {
		t.Errorf("품절 셔츠 = %d, want 1", n)
	}
	// editing a product in the editor moves it too
	p, _ = s.Product(ctx, ids["셔츠 수납함"])
	p.CategoryID = sub.ID
	if _, err := s.SaveProduct(ctx, p, ""); err != nil {
		t.Fatal(err)
	}
	if n := count(inTop); n != 2 {
		t.Errorf("after editing one into 상의 = %d, want 2", n)
	}
}

// TestSearchUnderMovedCategory: a search filtered by a top category finds products two levels below it, and
// follows a middle category when it moves under another parent.
func TestSearchUnderMovedCategory(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	clothes, _ := s.SaveCategory(ctx, Category{Name: "의류"})
	tops, _ := s.SaveCategory(ctx, Category{Name: "상의", ParentID: clothes.ID})
	tees, _ := s.SaveCategory(ctx, Category{Name: "티셔츠", ParentID: tops.ID})
	living, _ := s.SaveCategory(ctx, Category{Name: "리빙"})
	for i, c := range []int64{tees.ID, tees.ID, tops.ID, living.ID, 0} {
		p := simple(fmt.Sprintf("MV-%d", i), fmt.Sprintf("코튼 셔츠 %d", i), 10000, 1)
		p.CategoryID = c
		if _, err := s.SaveProduct(ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	count := func(cat int64) int {
		t.Helper()
		f := ListFilter{Query: "셔츠", CategoryID: cat, Status: StatusSale}
		n, err := s.CountProducts(ctx, f)
		rows, err2 := s.ListProducts(ctx, f)
		if err != nil || err2 != nil || n != len(rows) {
			t.Fatalf("category %d: count %d, list %d (%v %v)", cat, n, len(rows), err, err2)
		}
		return n
	}
	if a, b, c := count(clothes.ID), count(tops.ID), count(living.ID); a != 3 || b != 3 || c != 1 {
		t.Errorf("의류 %d, 상의 %d, 리빙 %d; want 3, 3, 1", a, b, c)
	}
	tops.ParentID = living.ID // 상의 (with 티셔츠 below it) moves under 리빙
	if _, err := s.SaveCategory(ctx, tops); err != nil {
		t.Fatal(err)
	}
	if a, c, e := count(clothes.ID), count(living.ID), count(tees.ID); a != 0 || c != 4 || e != 2 {
		t.Errorf("after the move: 의류 %d, 리빙 %d, 티셔츠 %d; want 0, 4, 2", a, c, e)
	}
	tops.Name = "상의·티" // a rename keeps everything where it is
	if _, err := s.SaveCategory(ctx, tops); err != nil {
		t.Fatal(err)
	}
	if c := count(living.ID); c != 4 {
		t.Errorf("after a rename: 리빙 %d, want 4", c)
	}
}

// TestLiveCountFollowsChanges: the unfiltered list's count comes from a kept number (migration 0009); it
// must follow every way products come and go, and a failed import must leave it alone.
func TestLiveCountFollowsChanges(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	check := func(step string, want int) {
		t.Helper()
		n, err := s.CountProducts(ctx, ListFilter{})
		rows, _ := s.ListProducts(ctx, ListFilter{})
		if err != nil || n != want || len(rows) != want {
			t.Fatalf("%s: count %d, list %d, want %d (%v)", step, n, len(rows), want, err)
		}
	}
	check("empty", 0)
	a, _ := s.SaveProduct(ctx, simple("LC-A", "상품 가", 1000, 1), "")
	b, _ := s.SaveProduct(ctx, simple("LC-B", "상품 나", 1000, 1), "")
	check("two saved", 2)
	a.Name = "상품 가 (수정)"
	if _, err := s.SaveProduct(ctx, a, ""); err != nil {
		t.Fatal(err)
	}
	check("one edited", 2)
	if _, err := s.ImportProducts(ctx, []Product{simple("LC-C", "상품 다", 1000, 1), simple("LC-D", "상품 라", 1000, 1)}, "a.xlsx", nil); err != nil {
		t.Fatal(err)
	}
	check("two imported", 4)
	if _, err := s.ImportProducts(ctx, []Product{simple("LC-E", "상품 마", 1000, 1), simple("LC-E", "상품 마", 1000, 1)}, "b.xlsx", nil); err == nil {
		t.Fatal("an import with one code twice went through")
	}
	check("failed import", 4)
	if _, err := s.AdjustStock(ctx, b.Options[0].ID, -1, ReasonSale, "", "order-1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.DeleteProducts(ctx, []int64{a.ID, b.ID}); err != nil { // a deleted, b archived
		t.Fatal(err)
	}
	check("one deleted, one archived", 2)
	if err := s.RestoreProducts(ctx, []int64{b.ID}); err != nil {
		t.Fatal(err)
	}
	check("restored", 3)
}
