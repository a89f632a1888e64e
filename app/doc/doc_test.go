package doc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

// render runs one document into a buffer and checks it is a PDF.
func render(t *testing.T, draw func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF: %q", buf.Bytes()[:min(buf.Len(), 20)])
	}
	return buf.Bytes()
}

var pageObject = regexp.MustCompile(`/Type /Page[^s]`)

// pages counts the page objects in a PDF.
func pages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// text extracts the text of pages first to last (0: all) with pdftotext, skipping the test when
// poppler-utils is not installed (apt-get install poppler-utils); CI without it still runs the rest.
func text(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed; text checks skipped")
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-layout"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(bin, append(args, file, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// contains fails for every want missing from got.
func contains(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", got)
	}
}

// pageOf checks the footer's "x / y"; pdftotext may drop the spaces around the slash.
func pageOf(t *testing.T, txt string, x, y int) {
	t.Helper()
	if !regexp.MustCompile(fmt.Sprintf(`(^|\s)%d ?/ ?%d\s`, x, y)).MatchString(txt) {
		t.Errorf("no page number %d / %d in:\n%s", x, y, txt)
	}
}

// invalidWith checks err is an ErrInvalid *apperr.Error whose Korean message holds want.
func invalidWith(t *testing.T, err error, want string) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *apperr.Error", err)
	}
	if got := apperr.ErrorCode(err); got != apperr.ErrInvalid {
		t.Errorf("code = %q, want %q", got, apperr.ErrInvalid)
	}
	if !strings.Contains(apperr.Message(err), want) {
		t.Errorf("message = %q, want it to hold %q", apperr.Message(err), want)
	}
	if !strings.HasPrefix(err.Error(), "doc: ") {
		t.Errorf("err = %q, want the package's context", err)
	}
}

func TestPurchaseOrder(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return PurchaseOrder(b, samplePO(4)) })
		if got, want := pages(pdf), 1; got != want {
			t.Errorf("pages = %d, want %d", got, want)
		}
		txt := text(t, pdf, 0, 0)
		contains(t, txt, "PO-20261124-007", "공급가액", "세액", "겨울 니트 머플러", "45,000",
			"1,227,273", "122,727", "면세", "㈜한빛섬유 귀중", "발주처", "공급처", "123-45-67890", "배송지",
			"(10881) 경기도 파주시", "비고", "익월 10일", "총 합계", "3,289,500원", "2026-11-24", "2026-12-01")
		pageOf(t, txt, 1, 1)
	})
	t.Run("MultiPage", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return PurchaseOrder(b, samplePO(120)) })
		n := pages(pdf)
		if n < 3 {
			t.Fatalf("pages = %d, want a long order to run on", n)
		}
		p2 := text(t, pdf, 2, 2)
		contains(t, p2, "발주서 (계속)", "발주번호 PO-20261124-007", "품명", "공급가액", "합계")
		pageOf(t, p2, 2, n)
		last := text(t, pdf, n, n)
		contains(t, last, "총 합계")
		pageOf(t, last, n, n)
	})
	t.Run("LongNamesStayInTheirCells", func(t *testing.T) {
		po := samplePO(1)
		po.Lines[0].Name = strings.Repeat("아주 긴 상품명 ", 30)
		po.Lines[0].Option = strings.Repeat("옵션이름", 40)
		txt := text(t, render(t, func(b *bytes.Buffer) error { return PurchaseOrder(b, po) }), 0, 0)
		contains(t, txt, "…")
	})
	t.Run("Minimal", func(t *testing.T) {
		po := PurchaseOrderDoc{Number: "PO-20261124-001", OrderedOn: day("2026-11-24"),
			Buyer: Store{Name: "하루공방"}, Supplier: Supplier{Name: "공급사"},
			Lines: []PurchaseOrderLine{{Name: "샘플", Quantity: 1}}}
		txt := text(t, render(t, func(b *bytes.Buffer) error { return PurchaseOrder(b, po) }), 0, 0)
		contains(t, txt, "협의", "샘플")
		if strings.Contains(txt, "비고") {
			t.Error("empty notes printed a 비고 heading")
		}
	})
	t.Run("ErrNoLines", func(t *testing.T) {
		po := samplePO(0)
		invalidWith(t, PurchaseOrder(&bytes.Buffer{}, po), "발주할 품목이 없습니다")
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for name, c := range map[string]struct {
			edit func(*PurchaseOrderDoc)
			want string
		}{
			"Number":   {func(po *PurchaseOrderDoc) { po.Number = "PO-2026-1" }, "발주번호"},
			"Quantity": {func(po *PurchaseOrderDoc) { po.Lines[1].Quantity = 0 }, "2번 품목"},
			"Price":    {func(po *PurchaseOrderDoc) { po.Lines[0].UnitPrice = -1 }, "단가는 0원 이상"},
			"Due":      {func(po *PurchaseOrderDoc) { po.DueOn = day("2026-11-01") }, "납기일이 발주일보다 빠릅니다"},
			"Supplier": {func(po *PurchaseOrderDoc) { po.Supplier.Name = " " }, "공급처 업체명"},
			"Huge":     {func(po *PurchaseOrderDoc) { po.Lines[0].UnitPrice = 1 << 40 }, "금액이 너무 큽니다"},
		} {
			t.Run(name, func(t *testing.T) {
				po := samplePO(4)
				c.edit(&po)
				var buf bytes.Buffer
				invalidWith(t, PurchaseOrder(&buf, po), c.want)
				if buf.Len() != 0 {
					t.Error("wrote output despite the error")
				}
			})
		}
	})
}

func TestLineAmounts(t *testing.T) {
	for _, c := range []struct {
		name               string
		line               PurchaseOrderLine
		supply, tax, total int64
	}{
		{"Excluded", PurchaseOrderLine{Quantity: 50, UnitPrice: 8900}, 445000, 44500, 489500},
		{"ExcludedDropsFraction", PurchaseOrderLine{Quantity: 1, UnitPrice: 999}, 999, 99, 1098},
		{"Included", PurchaseOrderLine{Quantity: 30, UnitPrice: 45000, TaxIncluded: true}, 1227273, 122727, 1350000},
		{"IncludedRoundsHalfUp", PurchaseOrderLine{Quantity: 1, UnitPrice: 1000, TaxIncluded: true}, 909, 91, 1000},
		{"IncludedRoundsUp", PurchaseOrderLine{Quantity: 1, UnitPrice: 15, TaxIncluded: true}, 14, 1, 15},
		{"TaxFree", PurchaseOrderLine{Quantity: 20, UnitPrice: 6500, TaxFree: true}, 130000, 0, 130000},
		{"TaxFreeWinsOverIncluded", PurchaseOrderLine{Quantity: 1, UnitPrice: 1100, TaxFree: true, TaxIncluded: true}, 1100, 0, 1100},
		{"Free", PurchaseOrderLine{Quantity: 3}, 0, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, x, a := c.line.Amounts()
			if s != c.supply || x != c.tax || a != c.total {
				t.Errorf("Amounts() = %d, %d, %d; want %d, %d, %d", s, x, a, c.supply, c.tax, c.total)
			}
			if s+x != a {
				t.Errorf("공급가액 + 세액 = %d, want 합계 %d", s+x, a)
			}
		})
	}
	s, x, a := samplePO(4).Totals()
	if got, want := [3]int64{s, x, a}, [3]int64{3002273, 287227, 3289500}; got != want {
		t.Errorf("Totals() = %v, want %v", got, want)
	}
}

func TestCustomsDeclaration(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return CustomsDeclaration(b, sampleCustoms()) })
		if got, want := pages(pdf), 1; got != want {
			t.Errorf("pages = %d, want %d", got, want)
		}
		contains(t, text(t, pdf, 0, 0), "CUSTOMS DECLARATION", "CN23", "세관신고서", "EE123456789KR",
			"보내는 사람", "받는 사람", "Emily Johnson", "United States", "Sale of goods", "판매 물품",
			"Wool knit scarf", "6117.10", "0.360", "69.00", "98.50", "1.050", "1.280", "KRW 23,500",
			"개인통관고유부호", "P123456789012", "INV-20261124-014", "2026-11-24", "Sender's signature", "서명")
	})
	t.Run("CN22ManyItems", func(t *testing.T) {
		d := sampleCustoms()
		d.Form = CN22
		d.ImporterCode = ""
		for len(d.Items) < 60 {
			d.Items = append(d.Items, d.Items[len(d.Items)%3])
		}
		d.GrossWeightGrams = 30000
		pdf := render(t, func(b *bytes.Buffer) error { return CustomsDeclaration(b, d) })
		n := pages(pdf)
		if n < 2 {
			t.Fatalf("pages = %d, want the items to run on", n)
		}
		contains(t, text(t, pdf, 2, 2), "CN22 (continued)", "Detailed description of contents")
		if strings.Contains(text(t, pdf, 0, 0), "개인통관고유부호") {
			t.Error("importer's code printed though not given")
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for name, c := range map[string]struct {
			edit func(*CustomsDoc)
			want string
		}{
			"NoItems":     {func(d *CustomsDoc) { d.Items = nil }, "신고할 내용품이 없습니다"},
			"Korean":      {func(d *CustomsDoc) { d.Items[0].Description = "니트 머플러" }, "영문으로 적어야"},
			"Weight":      {func(d *CustomsDoc) { d.Items[2].NetWeightGrams = 0 }, "3번 품목"},
			"HSCode":      {func(d *CustomsDoc) { d.Items[0].HSCode = "61A7" }, "HS 코드"},
			"Gross":       {func(d *CustomsDoc) { d.GrossWeightGrams = 500 }, "총 중량(0.500 kg)"},
			"Category":    {func(d *CustomsDoc) { d.Category = 0 }, "물품 종류"},
			"OtherNote":   {func(d *CustomsDoc) { d.Category = CategoryOther }, "'기타'"},
			"Importer":    {func(d *CustomsDoc) { d.ImporterCode = "P12345" }, "개인통관고유부호"},
			"Addressee":   {func(d *CustomsDoc) { d.Addressee.Country = "" }, "받는 사람"},
			"UnknownForm": {func(d *CustomsDoc) { d.Form = "CN99" }, "CN22 또는 CN23"},
		} {
			t.Run(name, func(t *testing.T) {
				d := sampleCustoms()
				c.edit(&d)
				invalidWith(t, CustomsDeclaration(&bytes.Buffer{}, d), c.want)
			})
		}
	})
}

func TestReturnLabel(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(2)) })
		if got, want := pages(pdf), 1; got != want {
			t.Errorf("pages = %d, want %d", got, want)
		}
		if !bytes.Contains(pdf, []byte("/MediaBox [0 0 288.00 432.00]")) {
			t.Error("page is not 4×6 inch (288×432 pt)")
		}
		contains(t, text(t, pdf, 0, 0), "RT-20261124-001", "받는 분", "보내는 분", "하루공방 반품센터",
			"이서연", "010-9876-5432", "(48058) 부산광역시", "2026112214053100", "CJ대한통운", "지정반품택배",
			"겨울 니트 머플러 / 차콜 / FREE", "6,000원", "색상·사이즈변경", "경비실", "발행일 2026-11-24")
	})
	t.Run("ManyItemsCounted", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(12)) })
		if got := pages(pdf); got != 1 {
			t.Errorf("pages = %d, want 1", got)
		}
		txt := text(t, pdf, 0, 0)
		m := regexp.MustCompile(`외 (\d+)건`).FindStringSubmatch(txt)
		if m == nil {
			t.Fatalf("no 외 N건 line:\n%s", txt)
		}
		shown := strings.Count(txt, "개\n") - 1 // item lines end with their quantity; the 외 N건 line too
		if n, _ := strconv.Atoi(m[1]); shown+n != 12 {
			t.Errorf("%d shown + 외 %d건 != 12 items", shown, n)
		}
	})
	t.Run("Reprint", func(t *testing.T) {
		a := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(3)) })
		b := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(3)) })
		if !bytes.Equal(a, b) {
			t.Error("the same label rendered twice differs")
		}
	})
	t.Run("BarcodeScans", func(t *testing.T) {
		// Optional: rasterise the label and read the barcode back (apt-get install poppler-utils zbar-tools).
		toppm, err1 := exec.LookPath("pdftoppm")
		zbar, err2 := exec.LookPath("zbarimg")
		if err1 != nil || err2 != nil {
			t.Skip("pdftoppm or zbarimg not installed")
		}
		dir := t.TempDir()
		pdf := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(1)) })
		if err := os.WriteFile(filepath.Join(dir, "l.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(toppm, "-png", "-r", "203", "-singlefile", filepath.Join(dir, "l.pdf"), filepath.Join(dir, "l")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		out, err := exec.Command(zbar, "-q", "--raw", filepath.Join(dir, "l.png")).Output()
		if err != nil {
			t.Fatalf("zbarimg found no barcode: %v", err)
		}
		if got, want := strings.TrimSpace(string(out)), "RT-20261124-001"; got != want {
			t.Errorf("barcode reads %q, want %q", got, want)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for name, c := range map[string]struct {
			edit func(*ReturnLabelDoc)
			want string
		}{
			"Number":    {func(l *ReturnLabelDoc) { l.Number = "RT-2026-11-24" }, "반품번호"},
			"Lowercase": {func(l *ReturnLabelDoc) { l.Number = "rt-20261124-001" }, "반품번호"},
			"Hangul":    {func(l *ReturnLabelDoc) { l.Number = "반품-20261124-001" }, "반품번호"},
			"NoItems":   {func(l *ReturnLabelDoc) { l.Items = nil }, "반품할 상품이 없습니다"},
			"Quantity":  {func(l *ReturnLabelDoc) { l.Items[0].Quantity = 0 }, "1번째 반품 상품"},
			"From":      {func(l *ReturnLabelDoc) { l.From.Address = "" }, "보내는 분"},
			"To":        {func(l *ReturnLabelDoc) { l.To = Contact{} }, "받는 분"},
		} {
			t.Run(name, func(t *testing.T) {
				l := sampleLabel(2)
				c.edit(&l)
				invalidWith(t, ReturnLabel(&bytes.Buffer{}, l), c.want)
			})
		}
	})
}

func TestReturnPolicy(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		pdf := render(t, func(b *bytes.Buffer) error { return ReturnPolicy(b, samplePolicy()) })
		if got, want := pages(pdf), 1; got != want {
			t.Errorf("pages = %d, want %d", got, want)
		}
		txt := text(t, pdf, 0, 0)
		contains(t, txt, "반품·교환 안내", "하루공방", "작성일 2026-11-24", "1. 반품·교환 신청 기간",
			"2. 반품 배송비", "왕복 배송비 6,000원", "• ", "hello@harugongbang.kr")
		pageOf(t, txt, 1, 1)
		// Wrapped Hangul comes back whole: joining the lines gives the sentence as written.
		flat := strings.Join(strings.Fields(txt), "")
		for _, s := range []string{
			"상품을받으신날부터7일이내에반품·교환을신청하실수있습니다.",
			"가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하",
		} {
			if !strings.Contains(flat, s) {
				t.Errorf("wrapped text lost %q", s)
			}
		}
	})
	t.Run("MultiPage", func(t *testing.T) {
		d := samplePolicy()
		for i := 0; i < 4; i++ {
			d.Sections = append(d.Sections, d.Sections...)
		}
		pdf := render(t, func(b *bytes.Buffer) error { return ReturnPolicy(b, d) })
		n := pages(pdf)
		if n < 2 {
			t.Fatalf("pages = %d, want several", n)
		}
		p2 := text(t, pdf, 2, 2)
		contains(t, p2, "하루공방 · 반품·교환 안내")
		pageOf(t, p2, 2, n)
	})
	t.Run("ErrEmpty", func(t *testing.T) {
		d := samplePolicy()
		d.Sections = []PolicySection{{Heading: " ", Body: "\n"}}
		invalidWith(t, ReturnPolicy(&bytes.Buffer{}, d), "안내할 내용이 없습니다")
	})
}

func TestMetadata(t *testing.T) {
	pdf := render(t, func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(1)) })
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed")
	}
	file := filepath.Join(t.TempDir(), "l.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, file).Output()
	if err != nil {
		t.Fatal(err)
	}
	contains(t, string(out), "반품 라벨 RT-20261124-001", "셀러데스크", "하루공방 반품센터")
}

func TestNilWriter(t *testing.T) {
	if err := ReturnLabel(nil, sampleLabel(1)); !errors.Is(err, errNoWriter) {
		t.Errorf("err = %v, want errNoWriter", err)
	}
}

func BenchmarkPurchaseOrder100(b *testing.B) {
	po := samplePO(100)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := PurchaseOrder(&buf, po); err != nil {
			b.Fatal(err)
		}
	}
}
