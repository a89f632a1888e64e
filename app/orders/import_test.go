package orders

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
	"sellerdesk/app/sheet"
)

func threeLines() []line {
	return []line{
		paidLine("2026112210000001", "2026112299990001", "김민지", "오버핏 반팔 티셔츠", "색상: 블랙 / 사이즈: M", "TEE-01-블랙-M", "TEE-01", 2),
		paidLine("2026112210000002", "2026112299990001", "김민지", "머그컵 화이트", "", "", "MUG-01", 1),
		paidLine("2026112210000003", "2026112299990002", "박서준", "단종된 에코백", "", "", "BAG-OLD", 1),
	}
}

func TestImportNewThenSameFileAgain(t *testing.T) {
	d := openDesk(t)
	file := xlsxExport(t, exportHeader, threeLines(), "")
	res := d.importBytes(t, file, "주문1.xlsx", "")
	if res.New != 3 || res.Updated != 0 || res.Unchanged != 0 || res.Failed != 0 {
		t.Fatalf("first import = %+v, want 3 new", res)
	}
	if res.Unmatched != 1 {
		t.Errorf("unmatched = %d, want 1 (the bag no product has)", res.Unmatched)
	}
	if got := d.stockOf(t, "TEE-01-블랙-M"); got != 8 {
		t.Errorf("tee stock = %d, want 10 − 2", got)
	}
	if got := d.mugStock(t); got != 2 {
		t.Errorf("mug stock = %d, want 3 − 1 (matched by 판매자 상품코드)", got)
	}
	res = d.importBytes(t, file, "주문1.xlsx", "")
	if res.New != 0 || res.Updated != 0 || res.Unchanged != 3 {
		t.Fatalf("same file again = %+v, want 3 unchanged", res)
	}
	if got := d.stockOf(t, "TEE-01-블랙-M"); got != 8 {
		t.Errorf("tee stock after the same file again = %d, want still 8", got)
	}
	if n := d.movements(t, "2026112210000001"); n != 1 {
		t.Errorf("movements of the line = %d, want exactly 1", n)
	}
	var lines int
	d.store.Read().QueryRow(`SELECT count(*) FROM order_lines`).Scan(&lines)
	if lines != 3 {
		t.Errorf("order lines = %d, want 3 (no duplicates)", lines)
	}
	mism, err := d.catalog.LedgerMismatches(context.Background())
	if err != nil || len(mism) != 0 {
		t.Errorf("ledger mismatches %v %v", mism, err)
	}
	var sold int64
	d.store.Read().QueryRow(`SELECT sold_qty FROM products WHERE code = 'TEE-01'`).Scan(&sold)
	if sold != 2 {
		t.Errorf("판매량 = %d, want 2", sold)
	}
}

func TestImportLaterDownloadUpdatesStatusTrackingAndStock(t *testing.T) {
	d := openDesk(t)
	lines := threeLines()
	d.importBytes(t, xlsxExport(t, exportHeader, lines, ""), "1.xlsx", "")

	later := []line{
		lines[0].with("주문상태", "배송중", "주문세부상태", "", "택배사", "CJ대한통운", "송장번호", "012345678901", "발송일", "2026.11.23"),
		lines[1].with("주문상태", "취소완료", "주문세부상태", ""),
		lines[2],
	}
	res := d.importBytes(t, xlsxExport(t, exportHeader, later, ""), "2.xlsx", "")
	if res.New != 0 || res.Updated != 2 || res.Unchanged != 1 {
		t.Fatalf("later download = %+v, want 2 updated, 1 unchanged", res)
	}
	got, err := d.orders.Find(context.Background(), Query{Search: "012345678901"})
	if err != nil || len(got) != 1 {
		t.Fatalf("find by tracking = %v %v", got, err)
	}
	if got[0].Status != StatusDelivering || got[0].Courier != "CJ대한통운" || got[0].TrackingNo != "012345678901" {
		t.Errorf("line after later download = %+v", got[0])
	}
	if got := d.mugStock(t); got != 3 {
		t.Errorf("mug stock after cancel = %d, want given back to 3", got)
	}
	if n := d.movements(t, "2026112210000002"); n != 2 {
		t.Errorf("movements of the cancelled line = %d, want take + give back", n)
	}
	// The cancel file again gives nothing back twice; an older download never moves a line back.
	d.importBytes(t, xlsxExport(t, exportHeader, later, ""), "2.xlsx", "")
	res = d.importBytes(t, xlsxExport(t, exportHeader, lines[:1], ""), "old.xlsx", "")
	if got := d.mugStock(t); got != 3 {
		t.Errorf("mug stock after the cancel file twice = %d, want 3", got)
	}
	if n := d.movements(t, "2026112210000002"); n != 2 {
		t.Errorf("movements after repeating = %d, want 2", n)
	}
	got, _ = d.orders.Find(context.Background(), Query{Search: "2026112210000001"})
	if len(got) != 1 || got[0].Status != StatusDelivering || got[0].TrackingNo != "012345678901" {
		t.Errorf("older download moved the line back: %+v", got)
	}
	detail, err := d.orders.Detail(context.Background(), got[0].OrderID)
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, l := range detail.Lines {
		if l.ProductOrderNo == "2026112210000001" {
			for _, h := range l.History {
				hist = append(hist, h.From+"→"+h.To)
			}
		}
	}
	if strings.Join(hist, ",") != "→PAYED,PAYED→DELIVERING" {
		t.Errorf("history = %v", hist)
	}
}

func TestImportRemembersMapping(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	d.importBytes(t, xlsxExport(t, exportHeader, threeLines(), ""), "1.xlsx", "")
	unmatched, err := d.orders.Find(ctx, Query{Unmatched: true})
	if err != nil || len(unmatched) != 1 || unmatched[0].ProductName != "단종된 에코백" {
		t.Fatalf("unmatched = %v %v", unmatched, err)
	}
	var mugOption int64
	d.store.Read().QueryRow(`SELECT o.id FROM product_options o JOIN products p ON p.id = o.product_id WHERE p.code = 'MUG-01'`).Scan(&mugOption)
	if err := d.orders.MapLine(ctx, unmatched[0].ID, mugOption, true); err != nil {
		t.Fatal(err)
	}
	if got := d.mugStock(t); got != 1 {
		t.Errorf("mug stock after mapping a paid line = %d, want 3 − 1 − 1", got)
	}
	next := paidLine("2026112510000009", "2026112599990009", "이도윤", "단종된 에코백", "", "", "BAG-OLD", 1)
	res := d.importBytes(t, xlsxExport(t, exportHeader, []line{next}, ""), "next.xlsx", "")
	if res.New != 1 || res.Unmatched != 0 {
		t.Errorf("next import = %+v, want the line matched by the remembered mapping", res)
	}
	if got := d.mugStock(t); got != 0 {
		t.Errorf("mug stock = %d, want 0", got)
	}
	var status string
	d.store.Read().QueryRow(`SELECT status FROM products WHERE code = 'MUG-01'`).Scan(&status)
	if status != "OUTOFSTOCK" {
		t.Errorf("mug status = %s, want 품절 once every option is at 0", status)
	}
}

func TestImportEncryptedFile(t *testing.T) {
	d := openDesk(t)
	file := xlsxExport(t, exportHeader, threeLines(), "1234")
	ctx := context.Background()
	_, err := d.orders.ImportFile(ctx, bytes.NewReader(file), "암호.xlsx", "", nil)
	if !errors.Is(err, sheet.ErrPasswordRequired) {
		t.Errorf("no password: %v, want ErrPasswordRequired", err)
	}
	_, err = d.orders.ImportFile(ctx, bytes.NewReader(file), "암호.xlsx", "0000", nil)
	if !errors.Is(err, sheet.ErrWrongPassword) {
		t.Errorf("wrong password: %v, want ErrWrongPassword", err)
	}
	res, err := d.orders.ImportFile(ctx, bytes.NewReader(file), "암호.xlsx", "1234", nil)
	if err != nil || res.New != 3 {
		t.Errorf("right password: %+v %v", res, err)
	}
}

func TestImportCSV(t *testing.T) {
	for _, cp949 := range []bool{true, false} {
		d := openDesk(t)
		res := d.importBytes(t, csvExport(t, exportHeader, threeLines(), cp949), "주문.csv", "")
		if res.New != 3 || res.Failed != 0 {
			t.Fatalf("cp949=%v: %+v", cp949, res)
		}
		got, err := d.orders.Find(context.Background(), Query{Search: "김민지"})
		if err != nil || len(got) != 2 {
			t.Errorf("cp949=%v: find 김민지 = %d lines, %v", cp949, len(got), err)
		}
	}
}

func TestImportOldColumnSetAndTextAmounts(t *testing.T) {
	d := openDesk(t)
	header := []string{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "상품명", "옵션정보", "수량",
		"상품가격", "상품별 할인액", "상품별 총 주문금액", "판매자 상품코드", "유입경로", "결제일", "(수취인연락처1)", "(기본주소)",
		"(상세주소)", "(우편번호)"}
	l := line{"상품주문번호": "2025010110000001", "주문번호": "2025010199990001", "구매자명": "최유나",
		"수취인명": "최유나", "주문상태": "배송완료", "상품명": "머그컵 화이트", "수량": "1", "상품가격": "9,000원",
		"상품별 할인액": "1,000", "상품별 총 주문금액": "8,000", "판매자 상품코드": "MUG-01", "유입경로": "네이버쇼핑",
		"결제일": "2025.01.01", "(수취인연락처1)": "0504-1111-2222", "(기본주소)": "부산광역시 해운대구", "(상세주소)": "1층",
		"(우편번호)": "04800"}
	res := d.importBytes(t, xlsxExport(t, header, []line{l}, ""), "old.xlsx", "")
	if res.New != 1 || res.Failed != 0 {
		t.Fatalf("old export = %+v", res)
	}
	got, _ := d.orders.Find(context.Background(), Query{Search: "2222"})
	if len(got) != 1 {
		t.Fatalf("find by phone tail: %v", got)
	}
	g := got[0]
	if g.Amount != 8000 || g.Channel != "네이버쇼핑" || g.Status != StatusDelivered || g.RecipientPhoneMasked != "0504-****-2222" {
		t.Errorf("line = %+v", g)
	}
	detail, _ := d.orders.Detail(context.Background(), g.OrderID)
	if detail.Order.Postcode != "04800" || detail.Order.Address != "부산광역시 해운대구" || detail.Order.AddressDetail != "1층" {
		t.Errorf("address = %+v", detail.Order)
	}
}

func TestImportBadInput(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()

	// Only the notice row: no header.
	f := xlsxExport(t, nil, nil, "")
	_, err := d.orders.ImportFile(ctx, bytes.NewReader(f), "빈.xlsx", "", nil)
	if err == nil || !strings.Contains(apperr.Message(err), "제목 행") {
		t.Errorf("notice only: %v", err)
	}
	// No 상품주문번호 column: named in the message.
	var noKey []string
	for _, h := range exportHeader {
		if h != "상품주문번호" {
			noKey = append(noKey, h)
		}
	}
	f = xlsxExport(t, noKey, threeLines(), "")
	_, err = d.orders.ImportFile(ctx, bytes.NewReader(f), "열없음.xlsx", "", nil)
	if err == nil || !strings.Contains(apperr.Message(err), "'상품주문번호'") || !strings.Contains(apperr.Message(err), "2행") {
		t.Errorf("no 상품주문번호 column: %v", err)
	}
	// Not an xlsx at all.
	_, err = d.orders.ImportFile(ctx, bytes.NewReader([]byte("PK\x03\x04garbage")), "깨짐.xlsx", "", nil)
	if err == nil || apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("broken file: %v", err)
	}

	good := threeLines()
	rows := []line{
		good[0],
		good[0], // duplicate row
		good[1].with("주문상태", "배송보류중"),         // unknown status word
		good[2].with("주문일시", "22/11/2026 오후"), // malformed date
		paidLine("2026112210000004", "2026112299990004", "정하늘", "머그컵 화이트", "", "", "MUG-01", 1).with("수량", "두 개"),
		paidLine("2026112210000005", "2026112299990005", "정하늘", "머그컵 화이트", "", "", "MUG-01", 1).with("최종 상품별 총 주문금액", "-500"),
	}
	res := d.importBytes(t, xlsxExport(t, exportHeader, rows, ""), "bad.xlsx", "")
	if res.New != 1 || res.Failed != 5 {
		t.Fatalf("bad rows = %+v, want 1 new and 5 failed", res)
	}
	want := []struct {
		row    int
		column string
		reason string
	}{
		{4, "상품주문번호", "3행과 겹칩니다"},
		{6, "주문일시", "날짜로 읽을 수 없습니다"},
		{7, "수량", "'두 개'은(는) 숫자가 아닙니다"},
		{8, "총 주문금액", "0 이상"},
		{5, "주문상태", "'배송보류중'"},
	}
	for _, w := range want {
		found := false
		for _, p := range res.Problems {
			if p.Row == w.row && strings.Contains(p.Column, w.column) && strings.Contains(p.Reason, w.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem at row %d column %s with %q in %+v", w.row, w.column, w.reason, res.Problems)
		}
	}
	if got := d.stockOf(t, "TEE-01-블랙-M"); got != 8 {
		t.Errorf("tee stock = %d, want only the one good line taken", got)
	}
}

func TestImportCancelLeavesNothingWritten(t *testing.T) {
	d := openDesk(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := d.orders.ImportFile(ctx, bytes.NewReader(xlsxExport(t, exportHeader, threeLines(), "")), "x.xlsx", "", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want canceled", err)
	}
	var n int
	d.store.Read().QueryRow(`SELECT count(*) FROM order_lines`).Scan(&n)
	if n != 0 {
		t.Errorf("%d lines written by a cancelled import", n)
	}
}
