package orders

import (
	"context"
	"testing"

	"sellerdesk/app/catalog"
	"sellerdesk/data"
)

// Products registered from Smart Store's own file without a 판매자 상품코드 got a code made from their
// 상품번호 (or name). An order file's line without a 판매자 상품코드 finds them by its 상품번호 or 상품명, and a
// line whose 옵션관리코드 the catalog does not know still finds its option by the 옵션정보 text remembered
// at registration.
func TestOrderLinesFindSmartStoreProducts(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	byNo := catalog.Product{Code: catalog.SmartStoreCode("8812345678", ""), Name: "린넨 앞치마", Price: 15000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 4}}}
	byName := catalog.Product{Code: catalog.SmartStoreCode("", "세라믹 컵받침"), Name: "세라믹 컵받침", Price: 6000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 4}}}
	for _, p := range []catalog.Product{byNo, byName} {
		if _, err := d.catalog.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	header := append(append([]string{}, exportHeader...), "상품번호")
	lines := []line{
		paidLine("2026112510000101", "2026112599990101", "김하늘", "린넨 앞치마", "", "", "", 1).with("상품번호", "8812345678"),
		paidLine("2026112510000102", "2026112599990102", "김하늘", "세라믹 컵받침", "", "", "", 2),
		// an 옵션관리코드 set only in Smart Store: the option text names the option (remembered by the catalog
		// import as order_code_mappings; here as the seller's own link would be)
		paidLine("2026112510000103", "2026112599990103", "김하늘", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: L", "SS-OPT-77", "TEE-01", 1),
	}
	var tee int64
	if err := d.store.Read().QueryRow(`SELECT id FROM product_options WHERE code = 'TEE-01-블랙-L'`).Scan(&tee); err != nil {
		t.Fatal(err)
	}
	if err := d.store.Write(ctx, func(tx *data.Tx) error {
		return data.SaveMappingTx(ctx, tx, "TEE-01", "", "색상: 블랙 / 사이즈: L", tee)
	}); err != nil {
		t.Fatal(err)
	}
	res := d.importBytes(t, xlsxExport(t, header, lines, ""), "ss.xlsx", "")
	if res.New != 3 || res.Unmatched != 0 {
		t.Fatalf("import = %+v, want three lines, all linked", res)
	}
	if got := d.stockOf(t, "TEE-01-블랙-L"); got != 9 {
		t.Errorf("TEE-01 블랙/L stock = %d, want 10 − 1", got)
	}
	for code, want := range map[string]int64{byNo.Code: 3, byName.Code: 2} {
		var n int64
		d.store.Read().QueryRow(`SELECT o.stock FROM product_options o JOIN products p ON p.id = o.product_id WHERE p.code = ?`, code).Scan(&n)
		if n != want {
			t.Errorf("%s stock = %d, want %d", code, n, want)
		}
	}
}
