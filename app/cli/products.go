package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/productimport"
	"sellerdesk/app/sheet"
)

// importProducts is `import products FILE [--password PW] [--dry-run]`. A registration template or Smart
// Store file is a 일괄 등록; a file made by `export products` whose every product is registered is a 대량
// 수정, printed as '상품 코드 항목: 이전 → 새 값' lines and applied in one transaction: a product's field (판매가
// …) changed on one of its option rows, or filled down them, is one change (sheet.ProductFile.Settle). A file
// with any problem is reported row by row and nothing is written; --dry-run prints and writes nothing.
func importProducts(ctx context.Context, c *call) error {
	path, dry := c.arg(0), c.on("dry-run")
	im := productimport.New(c.desk.Catalog)
	p, err := im.Read(ctx, path, c.str("password"), productimport.Auto, c.progress)
	if err != nil {
		return passwordHint(err)
	}
	for _, n := range p.Notes() {
		fmt.Fprintln(c.out, n) // the template rows skipped, the codes made: the seller sees what was not read
	}
	if len(p.Problems) > 0 {
		printProblems(c.out, p.Problems)
		msg := fmt.Sprintf("%s곳에 문제가 있어 아무것도 바꾸지 않았습니다(위 목록: 시트, 행, 열, 이유).", format.Number(int64(len(p.Problems))))
		if p.Mixed {
			msg = fmt.Sprintf("등록된 상품과 새 상품이 한 파일에 섞여 있어 아무것도 바꾸지 않았습니다(위 목록 %s곳). 새 상품과 고칠 상품을 다른 파일로 나눠 올리세요.", format.Number(int64(len(p.Problems))))
		}
		return &app.Error{Code: app.ErrInvalid, Message: msg}
	}
	if p.Mode == productimport.BulkEdit {
		return bulkEdit(ctx, c, im, p, dry)
	}
	if dry {
		fmt.Fprintf(c.out, "상품 %s개(옵션 %s개)를 등록할 수 있습니다. --dry-run 이라 등록하지 않았습니다: %s\n",
			format.Number(int64(len(p.Products))), format.Number(int64(p.Options)), path)
		return nil
	}
	res, err := im.Apply(ctx, p, c.progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "상품 %s개(옵션 %s개)를 등록했습니다: %s\n", format.Number(int64(res.Created)), format.Number(int64(res.Options)), path)
	return nil
}

// bulkEdit prints a 대량 수정's changes and applies them unless dry.
func bulkEdit(ctx context.Context, c *call, im *productimport.Importer, p *productimport.Preview, dry bool) error {
	if p.Unchanged() {
		fmt.Fprintf(c.out, "바뀐 내용이 없습니다. 아무것도 바꾸지 않았습니다: %s (상품 %s개)\n", p.Path, format.Number(int64(len(p.Products))))
		return nil
	}
	for _, ch := range p.Changes {
		fmt.Fprintln(c.out, ch)
	}
	n, products := format.Number(int64(len(p.Changes))), format.Number(int64(p.ChangedProducts()))
	if dry {
		fmt.Fprintf(c.out, "대량 수정: 상품 %s개에서 %s건이 바뀝니다. --dry-run 이라 반영하지 않았습니다: %s\n", products, n, p.Path)
		return nil
	}
	if _, err := im.Apply(ctx, p, c.progress); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "대량 수정: 상품 %s개에서 %s건을 반영했습니다: %s\n", products, n, p.Path)
	return nil
}

// passwordHint turns sheet's password error into what to type: the window asks instead.
func passwordHint(err error) error {
	var pe *sheet.PasswordError
	switch {
	case !errors.As(err, &pe):
		return err
	case pe.Wrong:
		return &app.Error{Code: app.ErrInvalid, Err: err, Key: "엑셀 파일의 암호가 맞지 않습니다. --password 를 확인하세요."}
	}
	return &app.Error{Code: app.ErrInvalid, Err: err, Key: "암호가 걸린 엑셀 파일입니다. --password 로 암호를 주세요."}
}

// printProblems lists a file's problems one a line: sheet, row, column, reason, tab-separated for scripts.
func printProblems(out io.Writer, problems []sheet.Problem) {
	for _, p := range problems {
		col := p.Column
		if col == "" {
			col = "-"
		}
		fmt.Fprintf(out, "%s\t%d행\t%s\t%s\n", p.Sheet, p.Row, col, p.Reason)
	}
}

// exportProducts is `export products FILE`: the whole live catalog in the 대량 수정 layout.
func exportProducts(ctx context.Context, c *call) error {
	path, n := c.arg(0), 0
	err := save(path, func(w io.Writer) error {
		var err error
		n, err = productimport.New(c.desk.Catalog).WriteExport(ctx, w, catalog.ListFilter{Sort: catalog.SortCode})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "상품 %s개를 내보냈습니다: %s\n", format.Number(int64(n)), path)
	return nil
}
