package cli

import (
	"context"
	"fmt"

	"sellerdesk/app/apperr"
	"sellerdesk/app/format"
)

func init() {
	addCommands(
		&command{name: "customers export", args: []string{"FILE"}, about: "고객 목록을 엑셀로 내보냅니다 (수신동의는 날짜·방법과 함께)", run: customersExport},
		&command{name: "customers import", args: []string{"FILE"},
			about: "고객 엑셀을 가져옵니다 (전부 또는 전무; 수신동의는 동의일·동의방법이 있을 때만)", run: customersImport},
	)
}

// syncFirst brings the contacts up to the orders before a command reads them.
func syncFirst(ctx context.Context, c *call) error {
	_, err := c.desk.Customers().Sync(ctx, func(done, total int64) {
		if c.progress != nil && total > 0 {
			c.progress(float64(done) / float64(total))
		}
	})
	return err
}

func customersExport(ctx context.Context, c *call) error {
	if err := syncFirst(ctx, c); err != nil {
		return err
	}
	n, err := c.desk.Customers().Export(ctx, c.arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "고객 %s명을 내보냈습니다: %s\n", format.Number(int64(n)), c.arg(0))
	return nil
}

func customersImport(ctx context.Context, c *call) error {
	if err := syncFirst(ctx, c); err != nil {
		return err
	}
	rep, err := c.desk.Customers().Import(ctx, c.arg(0))
	if err != nil {
		return err
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Fprintln(c.out, p.Text(apperr.Korean))
		}
		return apperr.New(apperr.ErrInvalid, "고쳐야 할 행이 {{.N}}개 있어 아무것도 가져오지 않았습니다.", "N", len(rep.Problems))
	}
	fmt.Fprintf(c.out, "새 고객 %s명, 갱신 %s명, 수신동의 기록 %s건을 가져왔습니다.\n", format.Number(int64(rep.Added)),
		format.Number(int64(rep.Updated)), format.Number(int64(rep.Consents)))
	return nil
}
