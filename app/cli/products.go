package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/sheet"
)

// importProducts is `import products FILE`: 일괄 등록 of a template or Smart Store file. A file with any
// problem is reported row by row and nothing is written.
func importProducts(path, password string) command {
	return func(ctx context.Context, d *app.Desk, out io.Writer, progress func(float64)) error {
		cats, err := d.Catalog.Categories(ctx)
		if err != nil {
			return err
		}
		sups, err := d.Catalog.Suppliers(ctx)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return &app.Error{Code: app.ErrInvalid, Err: err, Message: fmt.Sprintf("파일을 열 수 없습니다: %s", path)}
		}
		defer f.Close()
		file, err := sheet.ReadProducts(ctx, f, sheet.ReadOptions{Password: password, Categories: cats, Suppliers: sups}, progress)
		if errors.Is(err, sheet.ErrPasswordRequired) {
			return &app.Error{Code: app.ErrInvalid, Err: err, Message: "암호가 걸린 엑셀 파일입니다. --password 로 암호를 주세요."}
		}
		if err != nil {
			return err
		}
		pc, oc := file.Codes()
		existingProducts, existingOptions, err := d.Catalog.ExistingCodes(ctx, pc, oc)
		if err != nil {
			return err
		}
		file.MarkExisting(existingProducts, existingOptions)
		if len(file.Problems) > 0 {
			for _, p := range file.Problems {
				col := p.Column
				if col == "" {
					col = "-"
				}
				fmt.Fprintf(out, "%s\t%d행\t%s\t%s\n", p.Sheet, p.Row, col, p.Reason)
			}
			return &app.Error{Code: app.ErrInvalid, Message: fmt.Sprintf("%d곳에 문제가 있어 아무것도 등록하지 않았습니다(위 목록: 시트, 행, 열, 이유).", len(file.Problems))}
		}
		res, err := d.Catalog.ImportProducts(ctx, file.Products, filepath.Base(path), progress)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "상품 %d개(옵션 %d개)를 등록했습니다: %s\n", res.Created, res.Options, path)
		return nil
	}
}

// exportProducts is `export products FILE`: the whole live catalog in the 대량 수정 layout.
func exportProducts(path string) command {
	return func(ctx context.Context, d *app.Desk, out io.Writer, _ func(float64)) error {
		ps, err := d.Catalog.ExportProducts(ctx, catalog.ListFilter{Sort: catalog.SortCode})
		if err != nil {
			return err
		}
		cats, err := d.Catalog.Categories(ctx)
		if err != nil {
			return err
		}
		sups, err := d.Catalog.Suppliers(ctx)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := sheet.WriteProducts(&buf, ps, cats, sups); err != nil {
			return err
		}
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
			return &app.Error{Code: app.ErrInternal, Err: err, Message: fmt.Sprintf("파일을 쓸 수 없습니다: %s", path)}
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return &app.Error{Code: app.ErrInternal, Err: err, Message: fmt.Sprintf("파일을 쓸 수 없습니다: %s", path)}
		}
		fmt.Fprintf(out, "상품 %d개를 내보냈습니다: %s\n", len(ps), path)
		return nil
	}
}
