package productimport_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/app/productimport"
)

// smartStoreTemplate writes app/sheet's testdata file of Smart Store's 93-column template (section row,
// headers, 필수/선택 row, example, guides, five products; sources cited in the file) as an xlsx at path.
func smartStoreTemplate(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "sheet", "testdata", "products", "smartstore_2026_93col.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "일괄등록")
	r := 0
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		r++
		for c, v := range strings.Split(line, "\t") {
			if v = strings.NewReplacer(`\\`, `\`, `\n`, "\n").Replace(v); v != "" {
				cell, _ := excelize.CoordinatesToCellName(c+1, r)
				f.SetCellStr("일괄등록", cell, v)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// orderFile is a Smart Store order export (notice row, header, one row per line) of lines given as
// {상품주문번호, 상품명, 옵션정보, 옵션관리코드, 판매자 상품코드, 수량}.
func orderFile(t *testing.T, lines [][6]string) []byte {
	t.Helper()
	header := []string{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "주문세부상태", "결제일", "상품명", "옵션정보",
		"옵션관리코드", "수량", "상품가격", "최종 상품별 총 주문금액", "판매자 상품코드", "수취인연락처1", "통합배송지", "우편번호", "주문일시"}
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellStr("Sheet1", "A1", "※ 상품주문번호, 택배사, 송장번호를 확인하세요.")
	for c, h := range header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 2)
		f.SetCellStr("Sheet1", cell, h)
	}
	for i, l := range lines {
		row := []string{l[0], "2026112210" + fmt.Sprint(i), "김하늘", "김하늘", "결제완료", "신규주문", "2026-11-22 14:06:00",
			l[1], l[2], l[3], l[5], "19000", "19000", l[4], "010-1234-5678", "서울특별시 마포구 월드컵로 1", "04001", "2026-11-22 14:05:31"}
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+3)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSmartStoreTemplate imports Smart Store's template as downloaded: the template's own rows are named
// and skipped, rows without 판매자 상품코드 get one shown in the preview, the same file imported again finds
// every product and changes nothing, and later order lines find their options by the 옵션정보 text.
func TestSmartStoreTemplate(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "ExcelSaveTemplate.xlsx")
	smartStoreTemplate(t, path)
	before, _ := d.Catalog.CountProducts(ctx, catalog.ListFilter{})

	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != productimport.Register || len(p.Problems) != 0 || len(p.Products) != 5 || p.Options != 4+5+4+1+1 {
		t.Fatalf("mode %d, %d products, %d options, problems %v", p.Mode, len(p.Products), p.Options, p.Problems)
	}
	notes := strings.Join(p.Notes(), "\n")
	for _, want := range []string{"3행은 템플릿의 필수/선택 표시 행이라", "4행은 템플릿의 예시 행이라", "6행은 템플릿의 작성 안내 행이라",
		"8행: 판매자 상품코드가 비어 있어 상품명(으)로 " + catalog.SmartStoreCode("", "코튼 양말 세트")} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	codes := map[string]bool{}
	for _, pr := range p.Products {
		codes[pr.Code] = true // the preview lists the products by these codes
	}
	socksCode := catalog.SmartStoreCode("", "코튼 양말 세트")
	if !codes[socksCode] || !codes["LS-100"] || !codes[catalog.SmartStoreCode("", "무지 에코백")] {
		t.Fatalf("preview codes %v", codes)
	}
	res, err := im.Apply(ctx, p, nil)
	if err != nil || res.Created != 5 {
		t.Fatalf("register = %+v, %v", res, err)
	}

	t.Run("SameFileAgain", func(t *testing.T) {
		again, err := im.Read(ctx, path, "", productimport.Auto, nil)
		if err != nil {
			t.Fatal(err)
		}
		if again.Mode != productimport.BulkEdit || !again.Unchanged() {
			t.Fatalf("the same file again: mode %d, problems %v, changes\n%s", again.Mode, again.Problems, lines(again.Changes))
		}
		if res, err := im.Apply(ctx, again, nil); err != nil || res.Created != 0 || res.Updated != 0 {
			t.Errorf("apply again = %+v, %v", res, err)
		}
		if n, _ := d.Catalog.CountProducts(ctx, catalog.ListFilter{}); n != before+5 {
			t.Errorf("%d products after importing the file twice, want %d", n, before+5)
		}
		socks, err := d.Catalog.ProductByCode(ctx, socksCode)
		if err != nil || socks.OptionKind != catalog.OptionsSingle || len(socks.Options) != 5 {
			t.Errorf("단독형 with two names stored as %+v, %v", socks, err)
		}
	})

	t.Run("OrdersFindTheOptions", func(t *testing.T) {
		shirt, _ := d.Catalog.ProductByCode(ctx, "LS-100")
		cap, _ := d.Catalog.ProductByCode(ctx, "CAP-7")
		mug, _ := d.Catalog.ProductByCode(ctx, "MUG-1")
		file := orderFile(t, [][6]string{
			{"2026112210000001", "여성 린넨 셔츠", "색상: 블랙 / 사이즈: L", "", "LS-100", "2"},
			{"2026112210000002", "데일리 볼캡", "소재: 울", "", "CAP-7", "1"},
			{"2026112210000003", "스톤웨어 머그", "", "", "MUG-1", "1"},
			{"2026112210000004", "여성 린넨 셔츠", "색상: 화이트 / 사이즈: M", "", "LS-100", "1"},
		})
		if _, err := d.ImportOrders(ctx, bytes.NewReader(file), "주문.xlsx", "", nil); err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{"2026112210000001": shirt.Options[3].ID, "2026112210000002": cap.Options[3].ID,
			"2026112210000003": mug.Options[0].ID, "2026112210000004": shirt.Options[0].ID}
		lines, err := d.Orders.Find(ctx, orders.Query{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int64{}
		for _, l := range lines {
			detail, err := d.Orders.Detail(ctx, l.OrderID)
			if err != nil {
				t.Fatal(err)
			}
			for _, dl := range detail.Lines {
				got[dl.ProductOrderNo] = dl.OptionID
			}
		}
		for no, id := range want {
			if got[no] != id {
				t.Errorf("line %s linked to option %d, want %d", no, got[no], id)
			}
		}
		// linked lines take their option's stock
		if after, _ := d.Catalog.ProductByCode(ctx, "LS-100"); after.Options[3].Stock != shirt.Options[3].Stock-2 || after.Options[0].Stock != shirt.Options[0].Stock-1 {
			t.Errorf("stock of 블랙 / L %d → %d, 화이트 / M %d → %d", shirt.Options[3].Stock, after.Options[3].Stock, shirt.Options[0].Stock, after.Options[0].Stock)
		}
	})
}

// TestBulkEditCountsProducts: a 대량 수정 of the demo catalog with four changes in three products says
// three products were changed, whatever the catalog's size.
func TestBulkEditCountsProducts(t *testing.T) {
	ctx := context.Background()
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), info)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.LoadDemo(ctx, app.DemoOptions{Orders: 30}, nil); err != nil {
		t.Fatal(err)
	}
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	f, _ := os.Create(path)
	n, err := im.WriteExport(ctx, f, catalog.ListFilter{Sort: catalog.SortCode})
	f.Close()
	if err != nil || n < 20 {
		t.Fatalf("export %d products: %v", n, err)
	}
	ps, _ := d.Catalog.ExportProducts(ctx, catalog.ListFilter{Sort: catalog.SortCode})
	setCell(t, path, ps[0].Code, 0, "판매가", ps[0].Price+100)
	setCell(t, path, ps[0].Code, 0, "원가", ps[0].Cost+100)
	setCell(t, path, ps[5].Code, 0, "판매가", ps[5].Price+100)
	setCell(t, path, ps[10].Code, 0, "상품명", ps[10].Name+" (리뉴얼)")
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != productimport.BulkEdit || len(p.Changes) != 4 || p.ChangedProducts() != 3 {
		t.Fatalf("mode %d, %d changes in %d products:\n%s", p.Mode, len(p.Changes), p.ChangedProducts(), lines(p.Changes))
	}
	res, err := im.Apply(ctx, p, nil)
	if err != nil || res.Updated != 3 {
		t.Errorf("bulk edit = %+v, %v; want 3 products updated", res, err)
	}
}

// TestTopLevelCategories: the template's category drop-down offers every category by its path; the
// top-level ones (의류, 잡화, 리빙) are their own names and import as such.
func TestTopLevelCategories(t *testing.T) {
	ctx := context.Background()
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), info)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.LoadDemo(ctx, app.DemoOptions{Orders: 10}, nil); err != nil {
		t.Fatal(err)
	}
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "템플릿.xlsx")
	f, _ := os.Create(path)
	if err := im.WriteTemplate(ctx, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := x.GetRows("목록")
	cats := map[string]bool{}
	for _, r := range list {
		if len(r) > 0 {
			cats[r[0]] = true // the drop-down's choices
		}
	}
	for i, c := range []string{"리빙", "의류", "잡화", "의류 > 상의"} {
		if !cats[c] {
			t.Fatalf("the drop-down lacks %q: %v", c, cats)
		}
		row := []any{fmt.Sprintf("TOP-%d", i), "카테고리 " + c, c, "", 10000, "", "", "", "", "", "", "", "없음", "", "", "", "", "", "", "", "", 3}
		x.SetSheetRow("상품등록", fmt.Sprintf("A%d", i+6), &row)
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 0 || len(p.Products) != 4 {
		t.Fatalf("%d products, problems %v", len(p.Products), p.Problems)
	}
	all, _ := d.Catalog.Categories(ctx)
	for _, pr := range p.Products {
		path := ""
		for _, c := range all {
			if c.ID == pr.CategoryID {
				path = c.Path
			}
		}
		if want := strings.TrimPrefix(pr.Name, "카테고리 "); path != want {
			t.Errorf("%s: category %q, want %q", pr.Code, path, want)
		}
	}
}
