package orders

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/data"
)

// exportHeader is a recent Smart Store column set, in a seller's order (a subset: columns are matched by name).
var exportHeader = []string{"상품주문번호", "주문번호", "배송방법", "택배사", "송장번호", "발송일", "판매채널", "구매자명",
	"구매자ID", "수취인명", "주문상태", "주문세부상태", "결제일", "상품명", "상품종류", "옵션정보", "옵션관리코드", "수량",
	"옵션가격", "상품가격", "최종 상품별 할인액", "최종 상품별 총 주문금액", "배송비 합계", "제주/도서 추가배송비",
	"판매자 상품코드", "수취인연락처1", "수취인연락처2", "통합배송지", "구매자연락처", "우편번호", "배송메세지", "결제수단",
	"주문일시"}

// exportNotice is the notice row Smart Store puts above the header: it mentions header words in a sentence.
const exportNotice = "※ 상품주문번호, 택배사, 송장번호를 확인하세요. 개인정보는 주문 처리 목적으로만 사용해야 합니다."

// line is one export row, by header name.
type line map[string]string

func paidLine(pono, orderNo, buyer, product, optionInfo, optionCode, productCode string, qty int) line {
	return line{"상품주문번호": pono, "주문번호": orderNo, "배송방법": "택배,등기,소포", "판매채널": "스마트스토어",
		"구매자명": buyer, "구매자ID": "buyer***", "수취인명": buyer, "주문상태": "결제완료", "주문세부상태": "신규주문",
		"결제일": "2026-11-22 14:06:00", "상품명": product, "상품종류": "조합형옵션상품", "옵션정보": optionInfo,
		"옵션관리코드": optionCode, "수량": fmt.Sprint(qty), "옵션가격": "0", "상품가격": "19,800",
		"최종 상품별 할인액": "0", "최종 상품별 총 주문금액": fmt.Sprint(19800 * qty), "배송비 합계": "3,000",
		"제주/도서 추가배송비": "0", "판매자 상품코드": productCode, "수취인연락처1": "010-1234-5678",
		"구매자연락처": "010-9876-4321", "통합배송지": "서울특별시 마포구 월드컵로 1 101동 202호", "우편번호": "04001",
		"배송메세지": "문 앞에 놓아주세요", "결제수단": "신용카드", "주문일시": "2026-11-22 14:05:31"}
}

func (l line) with(kv ...string) line {
	out := line{}
	for k, v := range l {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// xlsxExport writes lines as Smart Store does: notice row, header row, one row per line, all text cells;
// with a password the workbook is encrypted.
func xlsxExport(t testing.TB, header []string, lines []line, password string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{exportNotice}); err != nil {
		t.Fatal(err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := sw.SetRow("A2", row); err != nil {
		t.Fatal(err)
	}
	for n, l := range lines {
		cells := make([]any, len(header))
		for i, h := range header {
			cells[i] = l[h]
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+3)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// csvExport writes lines as CSV in UTF-8 or CP949.
func csvExport(t testing.TB, header []string, lines []line, cp949 bool) []byte {
	t.Helper()
	var b strings.Builder
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for i, h := range header {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(quote(h))
	}
	b.WriteString("\r\n")
	for _, l := range lines {
		for i, h := range header {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(quote(l[h]))
		}
		b.WriteString("\r\n")
	}
	if !cp949 {
		return []byte(b.String())
	}
	out, err := korean.EUCKR.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type desk struct {
	orders  *Service
	catalog *catalog.Service
	store   *data.Store
	clock   *clock.Pinned
}

// openDesk opens a fresh store with a small catalog: a T-shirt with 색상 × 사이즈 options and a mug without
// options. Its clock stands on 2026-11-24 10:00 in Seoul.
func openDesk(t testing.TB) desk {
	t.Helper()
	dir := t.TempDir()
	c := clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.FixedZone("KST", 9*3600)))
	store, err := data.Open(context.Background(), filepath.Join(dir, "sellerdesk.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat := catalog.New(store, dir, log)
	groups := []catalog.OptionGroup{{Name: "색상", Values: []string{"블랙", "화이트"}}, {Name: "사이즈", Values: []string{"M", "L"}}}
	tee := catalog.Product{Code: "TEE-01", Name: "오버핏 반팔 티셔츠", Price: 19800, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsCombination, OptionGroups: groups}
	tee.Options = catalog.CombineOptions(catalog.OptionsCombination, groups, nil)
	for i := range tee.Options {
		tee.Options[i].Code = "TEE-01-" + strings.Join(tee.Options[i].Values, "-")
		tee.Options[i].Stock = 10
	}
	if _, err := cat.SaveProduct(context.Background(), tee, "test"); err != nil {
		t.Fatal(err)
	}
	mug := catalog.Product{Code: "MUG-01", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
	if _, err := cat.SaveProduct(context.Background(), mug, "test"); err != nil {
		t.Fatal(err)
	}
	return desk{orders: New(store, log), catalog: cat, store: store, clock: c}
}

// stockOf reads an option's stock by its code.
func (d desk) stockOf(t testing.TB, optionCode string) int64 {
	t.Helper()
	var n int64
	if err := d.store.Read().QueryRow(`SELECT stock FROM product_options WHERE code = ?`, optionCode).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// mugStock reads the mug's stock (it has one option without a code).
func (d desk) mugStock(t testing.TB) int64 {
	t.Helper()
	var n int64
	if err := d.store.Read().QueryRow(`SELECT o.stock FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE p.code = 'MUG-01'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (d desk) movements(t testing.TB, productOrderNo string) int {
	t.Helper()
	var n int
	if err := d.store.Read().QueryRow(`SELECT count(*) FROM stock_movements WHERE source_ref = ?`, stockRef(productOrderNo)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (d desk) importBytes(t testing.TB, b []byte, name, password string) ImportResult {
	t.Helper()
	res, err := d.orders.ImportFile(context.Background(), bytes.NewReader(b), name, password, nil)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return res
}
