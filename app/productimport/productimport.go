// Package productimport is the product import workflow, written once for the window and the command line:
// read a product file (a password-protected one returns a *sheet.PasswordError, so the window can ask and the
// command can say to pass --password), decide whether it registers new products (일괄 등록) or edits
// registered ones (대량 수정), preview what it would do — every problem by sheet, row and column, or every
// change as '항목: 이전 → 새 값' — and apply it in one transaction, with progress and cancel.
//
// It lives beside catalog rather than in it because it reads spreadsheets, and app/sheet already depends on
// catalog for the product types.
package productimport

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/sheet"
)

// Mode says what a file is for.
type Mode int

// The modes: the window has a button for each of Register and BulkEdit; the command line lets the file tell.
const (
	// Auto decides from the file: an export whose every product is registered is a 대량 수정; a Smart Store
	// file or one with new products is a 일괄 등록 (and any registered code in it is a problem).
	Auto Mode = iota
	// Register adds new products (일괄 등록); a code the store already has is a problem.
	Register
	// BulkEdit changes registered products (대량 수정); a code the store does not have is an error.
	BulkEdit
)

// Importer runs the workflow on the catalog.
type Importer struct {
	cat *catalog.Service
}

// New builds the workflow on the catalog service.
func New(cat *catalog.Service) *Importer { return &Importer{cat: cat} }

// Preview is what a file would do, read and checked but not yet applied.
type Preview struct {
	Path     string
	Mode     Mode // Register or BulkEdit, never Auto
	Format   sheet.Format
	Products []catalog.Product
	Options  int             // sellable options over all products
	Problems []sheet.Problem // when any, Apply writes nothing
	// Mixed is set when an Auto file holds registered and new products together: it is read as a 일괄 등록
	// whose registered codes are problems, and the seller splits the file.
	Mixed bool
	// Changes is a 대량 수정's diff; empty when the file changes nothing.
	Changes []Change
	// Skipped are the rows above the data read as the template's own (필수/선택, 예시, 작성 안내), never
	// imported; Generated the 판매자 상품코드 made for Smart Store rows without one. Notes says both in the
	// seller's words.
	Skipped   []sheet.Skipped
	Generated []sheet.GeneratedCode
	raw       []catalog.Change // as the catalog compares them again inside the transaction
	carries   catalog.Fields   // the columns the file has: a 대량 수정 leaves every other field as stored
}

// Change is one field a 대량 수정 changes, with its values written for the seller (45,000원, 12개).
type Change struct {
	Product  string // the product code, and the option after " · " for an option's field
	Field    string // 상품명, 판매가, 재고 …
	Old, New string
}

// String is the change as one line: "상품 P0001 판매가: 19,000원 → 21,000원".
func (c Change) String() string {
	return fmt.Sprintf("상품 %s %s: %s → %s", c.Product, c.Field, c.Old, c.New)
}

// Unchanged reports a 대량 수정 file that matches the store already: applying it writes nothing.
func (p *Preview) Unchanged() bool {
	return p.Mode == BulkEdit && len(p.Problems) == 0 && len(p.Changes) == 0
}

// Notes are what the preview tells the seller besides problems and changes: the template rows it skipped
// and the codes it made, one sentence each.
func (p *Preview) Notes() []string {
	var out []string
	for _, s := range p.Skipped {
		out = append(out, fmt.Sprintf("%d행은 템플릿의 %s 행이라 읽지 않았습니다.", s.Row, s.Why))
	}
	for _, g := range p.Generated {
		out = append(out, fmt.Sprintf("%d행: 판매자 상품코드가 비어 있어 %s(으)로 %s을(를) 만들었습니다.", g.Row, g.From, g.Code))
	}
	return out
}

// ChangedProducts counts the products a 대량 수정 changes.
func (p *Preview) ChangedProducts() int {
	seen := map[string]bool{}
	for _, c := range p.raw {
		seen[c.ProductCode] = true
	}
	return len(seen)
}

// Read reads and checks the file at path as mode says and returns what applying it would do. It writes
// nothing. A password-protected file read without its password, or with a wrong one, returns a
// *sheet.PasswordError (its Wrong tells which; errors.Is matches sheet.ErrPasswordRequired / ErrWrongPassword).
func (im *Importer) Read(ctx context.Context, path, password string, mode Mode, progress func(float64)) (*Preview, error) {
	cats, err := im.cat.Categories(ctx)
	if err != nil {
		return nil, err
	}
	sups, err := im.cat.Suppliers(ctx)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		e := apperr.New(apperr.ErrInvalid, "파일을 열 수 없습니다: {{.Path}}", "Path", path)
		e.Err = err
		return nil, e
	}
	defer f.Close()
	file, err := sheet.ReadProducts(ctx, f, sheet.ReadOptions{Password: password, Categories: cats, Suppliers: sups}, progress)
	if err != nil {
		return nil, err
	}
	p := &Preview{Path: path, Mode: mode, Format: file.Format, Products: file.Products, carries: file.Carries,
		Skipped: file.Skipped, Generated: file.Generated}
	for _, pr := range file.Products {
		p.Options += len(pr.Options)
	}
	if mode != BulkEdit {
		pcodes, ocodes := file.Codes()
		products, options, err := im.cat.ExistingCodes(ctx, pcodes, ocodes)
		if err != nil {
			return nil, err
		}
		if mode == Auto {
			p.Mode = decide(file, products)
			p.Mixed = p.Mode == Register && file.Format == sheet.FormatTemplate && len(products) > 0 && len(products) < len(distinct(pcodes))
		}
		if p.Mode == Register {
			file.MarkExisting(products, options)
		}
	}
	if p.Mode == BulkEdit {
		if err := im.settle(ctx, file); err != nil {
			return nil, err
		}
	}
	p.Problems, p.Products = file.Problems, file.Products
	if p.Mode == BulkEdit && len(p.Problems) == 0 {
		if p.raw, err = im.cat.DiffBulkEditCarrying(ctx, file.Products, p.carries); err != nil {
			return nil, err
		}
		for _, c := range p.raw {
			p.Changes = append(p.Changes, forSeller(c))
		}
	}
	return p, nil
}

// settle lets the sheet decide, against the stored products, what a 대량 수정 means where the rows of one
// product disagree on a product field (the export repeats them on every option row and the seller changes
// one). Only those products are read here; the diff reads every product anyway.
func (im *Importer) settle(ctx context.Context, file *sheet.ProductFile) error {
	codes := file.Disputed()
	if len(codes) == 0 {
		return nil
	}
	stored := make(map[string]catalog.Product, len(codes))
	for _, code := range codes {
		cur, err := im.cat.ProductByCode(ctx, code)
		switch {
		case apperr.ErrorCode(err) == apperr.ErrNotFound:
			continue // not registered: its rows stay problems, and the diff names the code
		case err != nil:
			return err
		}
		stored[code] = cur
	}
	file.Settle(stored)
	return nil
}

// decide tells a 대량 수정 from a 일괄 등록 by what the store holds rather than by the file's looks: the
// export and the template share their columns, and a seller may well copy rows from one to the other. A
// Smart Store file whose every product is registered is read as a 대량 수정 too: the same file imported
// again finds its products (by the codes it gave them) and changes only what differs, nothing when nothing
// does.
func decide(file *sheet.ProductFile, registered map[string]bool) Mode {
	if len(file.Products) == 0 {
		return Register
	}
	for _, p := range file.Products {
		if !registered[p.Code] {
			return Register
		}
	}
	return BulkEdit
}

func distinct(codes []string) map[string]bool {
	m := map[string]bool{}
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// forSeller writes a catalog change's values the way the seller reads them.
func forSeller(c catalog.Change) Change {
	what := c.ProductCode
	if c.OptionLabel != "" {
		what += " · " + c.OptionLabel
	} else if c.OptionCode != "" {
		what += " · " + c.OptionCode
	}
	value := func(s string) string {
		n, err := strconv.ParseInt(s, 10, 64)
		switch {
		case s == "":
			return "(없음)"
		case err != nil:
			return s
		}
		switch c.Field {
		case "판매가", "원가", "옵션가":
			return format.Won(n)
		case "재고", "안전재고":
			return format.Number(n) + "개"
		case "무게":
			return format.Number(n) + "g"
		}
		return s
	}
	if c.Field == "상세설명" {
		// a whole description would flood the list: its start says which edit it is
		return Change{Product: what, Field: c.Field, Old: value(clip(c.Old)), New: value(clip(c.New))}
	}
	return Change{Product: what, Field: c.Field, Old: value(c.Old), New: value(c.New)}
}

// clip shortens a long text to its first 40 characters and "…", on one line.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// Apply writes a previewed file in one transaction: a 일괄 등록 adds every product or none, a 대량 수정
// writes exactly the previewed changes or nothing (when the store moved on since the preview it is refused,
// so the seller never confirms one diff and gets another). A file with problems, and an unchanged 대량 수정,
// write nothing. Cancelling ctx rolls the transaction back.
func (im *Importer) Apply(ctx context.Context, p *Preview, progress func(float64)) (catalog.ImportResult, error) {
	if len(p.Problems) > 0 {
		return catalog.ImportResult{}, apperr.New(apperr.ErrInvalid,
			"{{.N}}곳에 문제가 있어 아무것도 반영하지 않았습니다. 엑셀을 고친 뒤 다시 올리세요.", "N", format.Number(int64(len(p.Problems))))
	}
	source := filepath.Base(p.Path)
	switch p.Mode {
	case Register:
		return im.cat.ImportProducts(ctx, p.Products, source, progress)
	case BulkEdit:
		if len(p.raw) == 0 {
			return catalog.ImportResult{}, nil
		}
		res, err := im.cat.ApplyPreviewedBulkEditCarrying(ctx, p.Products, p.carries, p.raw, source, progress)
		if err == nil {
			// the products the seller saw change, counted once each, whatever the file's size: the apply
			// wrote exactly the previewed changes or nothing
			res.Updated = p.ChangedProducts()
		}
		return res, err
	}
	return catalog.ImportResult{}, fmt.Errorf("productimport: apply a preview of mode %d", p.Mode)
}

// WriteExport writes the products f selects in the 대량 수정 layout (one row per option, the template's
// columns), the file Read takes back as a 대량 수정, and returns how many products it wrote.
func (im *Importer) WriteExport(ctx context.Context, w io.Writer, f catalog.ListFilter) (int, error) {
	ps, err := im.cat.ExportProducts(ctx, f)
	if err != nil {
		return 0, err
	}
	cats, err := im.cat.Categories(ctx)
	if err != nil {
		return 0, err
	}
	sups, err := im.cat.Suppliers(ctx)
	if err != nil {
		return 0, err
	}
	return len(ps), sheet.WriteProducts(w, ps, cats, sups)
}

// WriteTemplate writes the 일괄 등록 template, its lists holding the store's categories and suppliers.
func (im *Importer) WriteTemplate(ctx context.Context, w io.Writer) error {
	cats, err := im.cat.Categories(ctx)
	if err != nil {
		return err
	}
	sups, err := im.cat.Suppliers(ctx)
	if err != nil {
		return err
	}
	return sheet.WriteTemplate(w, cats, sups)
}
