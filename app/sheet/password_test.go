package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
)

// orderHeaderCells is a small order export header: the required columns and a few more.
var orderHeaderCells = []string{"상품주문번호", "주문번호", "주문상태", "주문세부상태", "구매자명", "수취인명", "수취인연락처1",
	"상품명", "옵션정보", "옵션관리코드", "수량", "상품가격", "최종 상품별 총 주문금액", "결제일", "주문일시", "송장번호"}

var orderRowCells = [][]string{
	{"2026112210000001", "2026112299990001", "결제완료", "신규주문", "김민지", "김민지", "010-1234-5678",
		"오버핏 반팔 티셔츠", "색상: 블랙", "TEE-01-블랙", "2", "19,800", "39,600", "2026-11-22 14:06:00", "2026-11-22 14:05:31", ""},
	{"2026112210000002", "2026112299990001", "배송중", "", "김민지", "김민지", "0504-1111-2222",
		"머그컵 화이트", "", "", "1", "8900", "8900", "2026.11.22", "2026.11.22", "601234567890"},
}

var courierHeaderCells = []string{"받는분", "받는분전화번호", "운송장번호", "품목"}

var courierRowCells = [][]string{{"김민지", "010-9999-2222", "6012-3456-7890", "티셔츠"}, {"박서준", "010-3333-4444", "601234567891", "머그"}}

var ssHeaderCells = []string{"상품상태", "카테고리ID", "상품명", "판매가", "재고수량", "상세정보", "판매자 상품코드", "부가세", "원산지 코드",
	"옵션형태", "옵션명", "옵션값", "옵션가", "옵션 재고수량"}

var ssRowCells = [][]string{
	{"신상품", "50000803", "스트라이프 셔츠", "29,000", "", "<p>상세</p>", "SS-1", "과세상품", "0200037",
		"조합형", "색상\n사이즈", "빨강,파랑\nS,M", "0,0,1000,1000", "1,2,3,4"},
	{"신상품", "50000803", "무지 양말", "5000", "30", "", "SS-2", "면세상품", "00", "", "", "", "", ""},
}

// importer opens one kind of file with a password and says how many good rows it read.
type importer struct {
	name string
	file func(t testing.TB, save ...excelize.Options) []byte
	read func(b []byte, password string) (int, error)
}

var importers = []importer{
	{"OrderExport", func(t testing.TB, save ...excelize.Options) []byte {
		return sheetFile(t, "발주발송관리", orderHeaderCells, orderRowCells, save...)
	}, func(b []byte, pw string) (int, error) {
		file, err := ReadOrders(context.Background(), bytes.NewReader(b), ReadOrderOptions{Password: pw}, nil)
		if err != nil {
			return 0, err
		}
		return len(file.Rows), nil
	}},
	{"ProductTemplate", func(t testing.TB, save ...excelize.Options) []byte {
		return sheetFile(t, "상품등록", header, [][]string{{"A1", "셔츠", "", "", "10000"}, {"B1", "바지", "", "", "20000"}}, save...)
	}, func(b []byte, pw string) (int, error) {
		o := opts
		o.Password = pw
		file, err := ReadProducts(context.Background(), bytes.NewReader(b), o, nil)
		if err != nil {
			return 0, err
		}
		return len(file.Products), nil
	}},
	{"SmartStoreBulk", func(t testing.TB, save ...excelize.Options) []byte {
		return sheetFile(t, "일괄등록", ssHeaderCells, ssRowCells, save...)
	}, func(b []byte, pw string) (int, error) {
		o := opts
		o.Password = pw
		file, err := ReadProducts(context.Background(), bytes.NewReader(b), o, nil)
		if err != nil {
			return 0, err
		}
		return len(file.Products), nil
	}},
	{"CourierFile", func(t testing.TB, save ...excelize.Options) []byte {
		return sheetFile(t, "Sheet1", courierHeaderCells, courierRowCells, save...)
	}, func(b []byte, pw string) (int, error) {
		rows, _, err := ReadCourierFile(context.Background(), bytes.NewReader(b), pw)
		return len(rows), err
	}},
}

// TestPasswordError opens each importer's file protected with a password: with none, with a wrong one and
// with the right one. Every importer answers with the same typed error and the same Korean sentences.
func TestPasswordError(t *testing.T) {
	for _, im := range importers {
		t.Run(im.name, func(t *testing.T) {
			plain := im.file(t)
			want, err := im.read(plain, "")
			if err != nil || want != 2 {
				t.Fatalf("unprotected file: %d rows, %v", want, err)
			}
			protected := im.file(t, excelize.Options{Password: "스토어1234"})
			if !bytes.HasPrefix(protected, oleHeader) {
				t.Fatal("excelize did not encrypt the file")
			}

			_, err = im.read(protected, "")
			var pe *PasswordError
			if !errors.As(err, &pe) || pe.Wrong || !errors.Is(err, ErrPasswordRequired) || errors.Is(err, ErrWrongPassword) {
				t.Fatalf("no password: %v (%T), want a PasswordError asking for the password", err, err)
			}
			if got := apperr.Message(err); got != passwordRequiredMessage {
				t.Errorf("no password: the seller reads %q", got)
			}
			if got := apperr.ErrorCode(err); got != apperr.ErrInvalid {
				t.Errorf("no password: code %s, want %s", got, apperr.ErrInvalid)
			}

			_, err = im.read(protected, "스토어0000")
			if !errors.As(err, &pe) || !pe.Wrong || !errors.Is(err, ErrWrongPassword) || errors.Is(err, ErrPasswordRequired) {
				t.Fatalf("wrong password: %v (%T), want a PasswordError saying the password is wrong", err, err)
			}
			if got := apperr.Message(err); got != wrongPasswordMessage {
				t.Errorf("wrong password: the seller reads %q", got)
			}
			if !errors.Is(err, excelize.ErrWorkbookPassword) {
				t.Errorf("wrong password: excelize's cause is not kept for the log: %v", pe.Err)
			}

			got, err := im.read(protected, "스토어1234")
			if err != nil || got != want {
				t.Errorf("right password: %d rows, %v; want %d", got, err, want)
			}
			// a password given for a file that has none is no obstacle
			if got, err := im.read(plain, "1234"); err != nil || got != want {
				t.Errorf("password for an unprotected file: %d rows, %v", got, err)
			}
		})
	}
}

// TestOldExcelIsNotProtected: an Excel 97–2003 workbook (.xls) is a compound file like an encrypted xlsx.
// Taken for a protected file, it would send the seller round a password prompt that no password satisfies.
// The row importers (orders, courier files) read a real .xls and call one whose Workbook stream is not a
// workbook damaged; the product importers, which read xlsx only, say the .xls format is not read.
func TestOldExcelIsNotProtected(t *testing.T) {
	rowImporter := map[string]bool{"OrderExport": true, "CourierFile": true}
	for _, im := range importers {
		t.Run(im.name, func(t *testing.T) {
			fake := asOldExcel(t, im.file(t, excelize.Options{Password: "1234"}))
			for _, pw := range []string{"", "1234"} {
				_, err := im.read(fake, pw)
				if errors.Is(err, ErrPasswordRequired) || errors.Is(err, ErrWrongPassword) {
					t.Fatalf("password %q: %v: an .xls is never a password question", pw, err)
				}
				if rowImporter[im.name] {
					if err == nil || errors.Is(err, ErrOldExcel) || !strings.Contains(apperr.Message(err), "손상") {
						t.Errorf("password %q: %v, want the .xls reader's damaged-file message", pw, err)
					}
				} else if !errors.Is(err, ErrOldExcel) {
					t.Errorf("password %q: %v, want ErrOldExcel", pw, err)
				}
			}
		})
	}
}

// asOldExcel renames the EncryptedPackage stream of an encrypted workbook to Workbook, the stream an .xls
// keeps its sheets in: the same compound file an Excel 97–2003 workbook is, as far as a reader can tell
// before parsing the stream.
func asOldExcel(t testing.TB, encrypted []byte) []byte {
	t.Helper()
	utf16le := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return append(b, 0, 0)
	}
	out := bytes.Clone(encrypted)
	i := bytes.Index(out, utf16le("EncryptedPackage"))
	if i < 0 || i%128 != 0 {
		t.Fatalf("no EncryptedPackage directory entry (at %d)", i)
	}
	name := utf16le("Workbook")
	clear(out[i : i+64])
	copy(out[i:], name)
	binary.LittleEndian.PutUint16(out[i+64:], uint16(len(name)))
	if encryptedPackage(out) {
		t.Fatal("the renamed stream is still found")
	}
	return out
}

// TestPartsDeclaringGigabytes: a few KB of zip can declare hundreds of 16 MB parts, or one part of
// gigabytes (FuzzProductFile found that one), for which excelize would reserve memory up front. Every
// importer refuses such a file as damaged, at once.
func TestPartsDeclaringGigabytes(t *testing.T) {
	for _, c := range []struct {
		name  string
		parts int
		size  uint64
	}{{"ManyParts", 200, 16<<20 - 1}, {"OneHugePart", 1, 3 << 30}} {
		for _, im := range importers {
			t.Run(c.name+"/"+im.name, func(t *testing.T) {
				base := storedXLSX(t, im.file(t))
				zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				for _, f := range zr.File {
					body, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					w, _ := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store, CompressedSize64: f.UncompressedSize64, UncompressedSize64: f.UncompressedSize64})
					if _, err := io.Copy(w, body); err != nil {
						t.Fatal(err)
					}
				}
				for i := range c.parts {
					w, _ := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("xl/media/part%d.xml", i), Method: zip.Store,
						CompressedSize64: 1, UncompressedSize64: c.size})
					w.Write([]byte("x"))
				}
				if err := zw.Close(); err != nil {
					t.Fatal(err)
				}
				_, err = im.read(buf.Bytes(), "")
				if apperr.ErrorCode(err) != apperr.ErrInvalid || !strings.Contains(apperr.Message(err), "손상된 파일") {
					t.Errorf("err = %v, want the file refused as damaged", err)
				}
			})
		}
	}
}
