package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"sellerdesk/app/sales"
)

func init() {
	addCommands(
		&command{name: "report sales", flags: []option{
			{name: "from", value: "YYYY-MM-DD", def: "", required: true}, {name: "to", value: "YYYY-MM-DD", def: "", required: true},
			{name: "by", value: "day|week|month|payment|buyer|product|option|category|channel|region|hour", def: ""},
			{name: "compare", value: "prev|year", def: ""},
			{name: "format", value: "table|csv|json|xlsx|pdf", def: "table"}, {name: "out", value: "FILE", def: ""}},
			about: "기간의 매출 보고서를 출력하거나 저장합니다 (결제일 기준, 취소 제외, 환불은 환불한 날)",
			check: checkReport, run: runReport},
		&command{name: "report rebuild", about: "매출 집계를 주문 내역에서 다시 만듭니다 (check가 차이를 찾았을 때)", run: runRebuild},
	)
}

// reportZone is the zone the command's days are read in: the seller's (KST).
var reportZone = time.FixedZone("KST", 9*60*60)

var reportFormats = map[string]bool{"table": true, "csv": true, "json": true, "xlsx": true, "pdf": true}

// reportArgs are the report's flags read and checked.
type reportArgs struct {
	period  sales.Period
	by      sales.By
	compare sales.CompareWith
	format  string
}

func readReportArgs(c *call) (reportArgs, error) {
	var a reportArgs
	from, err := sales.ParseDay(c.str("from"), reportZone)
	if err != nil {
		return a, usageErr("--from 날짜를 읽을 수 없습니다: %s (예: 2026-11-01)", c.str("from"))
	}
	to, err := sales.ParseDay(c.str("to"), reportZone)
	if err != nil {
		return a, usageErr("--to 날짜를 읽을 수 없습니다: %s (예: 2026-11-30)", c.str("to"))
	}
	if to.Before(from) {
		return a, usageErr("--to(%s)가 --from(%s)보다 앞입니다.", c.str("to"), c.str("from"))
	}
	a.period = sales.Period{From: from, To: to}
	if s := c.str("by"); s != "" {
		if a.by, err = sales.ParseBy(s); err != nil {
			return a, usageErr("알 수 없는 --by 입니다: %s (day, week, month, payment, buyer, product, option, category, channel, region, hour 중 하나)", s)
		}
	}
	switch cmp := c.str("compare"); cmp {
	case "", "prev", "year":
		a.compare = sales.CompareWith(cmp)
	default:
		return a, usageErr("알 수 없는 --compare 입니다: %s (prev 또는 year)", cmp)
	}
	a.format = c.str("format")
	if !reportFormats[a.format] {
		return a, usageErr("알 수 없는 --format 입니다: %s (table, csv, json, xlsx, pdf 중 하나)", a.format)
	}
	if (a.format == "xlsx" || a.format == "pdf") && c.str("out") == "" {
		return a, usageErr("--format %s 에는 --out FILE 이 필요합니다.", a.format)
	}
	return a, nil
}

func checkReport(c *call) error {
	_, err := readReportArgs(c)
	return err
}

func runReport(ctx context.Context, c *call) error {
	a, err := readReportArgs(c)
	if err != nil {
		return err
	}
	svc := c.desk.Sales()
	bys := []sales.By{}
	switch {
	case a.by != "":
		bys = append(bys, a.by)
	case a.format == "xlsx":
		bys = sales.ReportBys(a.period)
	case a.format == "pdf":
		bys = sales.PDFBys(a.period)
	}
	r, err := svc.Report(ctx, a.period, bys)
	if err != nil {
		return err
	}
	if prof, err := c.desk.Profile(ctx); err == nil {
		r.Store = prof.Name
	}
	write := func(w io.Writer) error {
		switch a.format {
		case "csv":
			return reportCSV(w, r)
		case "json":
			return reportJSON(w, r, a.compare)
		case "xlsx":
			return sales.WriteXLSX(w, r)
		case "pdf":
			return sales.WritePDF(w, r, a.compare)
		}
		return reportTable(w, r, a.compare)
	}
	if out := c.str("out"); out != "" {
		if err := save(out, write); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "매출 보고서를 저장했습니다: %s (%s)\n", out, r.Period)
		return nil
	}
	return write(c.out)
}

// compared is the figure of the earlier period asked for, and its label.
func compared(l sales.SummaryLine, s sales.Summary, cmp sales.CompareWith) (int64, string, sales.Period) {
	if cmp == sales.CompareYear {
		return l.Year, "작년 같은 기간", s.YearPeriod
	}
	return l.Prev, "이전 기간", s.PrevPeriod
}

func reportTable(w io.Writer, r sales.Report, cmp sales.CompareWith) error {
	s := r.Summary
	fmt.Fprintf(w, "매출 보고서 %s\n%s\n\n", s.Period, sales.RuleLine)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "항목\t이번 기간\t"
	if cmp != "" {
		_, label, p := compared(sales.SummaryLine{}, s, cmp)
		head += label + " (" + p.String() + ")\t증감\t"
	}
	fmt.Fprintln(tw, head)
	for _, l := range s.Lines(r.Buyers) {
		row := l.Label + "\t" + sales.CellText(l.Now, l.Money) + "\t"
		if cmp != "" && !strings.Contains(l.Label, "구매자") {
			then, _, _ := compared(l, s, cmp)
			row += sales.CellText(then, l.Money) + "\t" + sales.Compare(l.Now, then).Text() + "\t"
		}
		fmt.Fprintln(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if m, ok := s.Now.Margin(); ok {
		fmt.Fprintf(w, "이익률 %s (원가 없는 결제금액 %s)\n", sales.PercentText(m, false), sales.PercentText(s.Now.UncostedShare(), false))
	} else if s.Now.Gross > 0 {
		fmt.Fprintln(w, "원가가 입력된 상품이 없어 매출총이익을 계산하지 않았습니다.")
	}
	for _, b := range r.Breakdowns {
		fmt.Fprintf(w, "\n%s\n", b.By.Label())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		cols := b.Columns()
		var titles []string
		for _, c := range cols {
			titles = append(titles, c.Title)
		}
		fmt.Fprintln(tw, strings.Join(titles, "\t")+"\t")
		for _, row := range append(append([]sales.Row(nil), b.Rows...), b.Total) {
			var cells []string
			for _, c := range cols {
				cells = append(cells, sales.CellText(c.Value(row), c.Money))
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// reportCSV writes the breakdown's rows (or the summary's figures without --by), numbers plain.
func reportCSV(w io.Writer, r sales.Report) error {
	cw := csv.NewWriter(w)
	if len(r.Breakdowns) == 0 {
		cw.Write([]string{"항목", "이번 기간", "이전 기간", "작년 같은 기간"})
		for _, l := range r.Summary.Lines(r.Buyers) {
			cw.Write([]string{l.Label, fmt.Sprint(l.Now), fmt.Sprint(l.Prev), fmt.Sprint(l.Year)})
		}
	}
	for _, b := range r.Breakdowns {
		cols := b.Columns()
		var titles []string
		for _, c := range cols {
			titles = append(titles, c.Title)
		}
		cw.Write(titles)
		for _, row := range append(append([]sales.Row(nil), b.Rows...), b.Total) {
			var cells []string
			for _, c := range cols {
				switch v := c.Value(row).(type) {
				case float64:
					cells = append(cells, fmt.Sprintf("%.4f", v))
				default:
					cells = append(cells, fmt.Sprint(v))
				}
			}
			cw.Write(cells)
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonFigures struct {
	Gross, Refunds, Net, Shipping, Orders, Lines, Qty, AvgOrder int64
	Profit, CostedGross, UncostedGross                          int64
}

func figuresJSON(f sales.Figures) jsonFigures {
	return jsonFigures{f.Gross, f.Refunds, f.Net, f.Shipping, f.Orders, f.Lines, f.Qty, f.AvgOrder, f.Profit, f.CostedGross, f.UncostedGross}
}

func reportJSON(w io.Writer, r sales.Report, cmp sales.CompareWith) error {
	type jsonRow struct {
		Key, Label          string
		Orders, Lines, Qty  int64
		Gross, Refunds, Net int64
		Share               float64
		Cost                int64  `json:",omitempty"`
		CategoryID          int64  `json:",omitempty"`
		FirstOrder          string `json:",omitempty"`
	}
	type jsonBreakdown struct {
		By    string
		Rows  []jsonRow
		Total jsonRow
	}
	out := struct {
		From, To   string
		Rule       string
		Figures    jsonFigures
		Buyers     sales.Buyers
		Compare    string            `json:",omitempty"`
		Earlier    *jsonFigures      `json:",omitempty"`
		EarlierOf  string            `json:",omitempty"`
		Change     map[string]string `json:",omitempty"`
		Breakdowns []jsonBreakdown
	}{From: r.Period.From.Format(time.DateOnly), To: r.Period.To.Format(time.DateOnly), Rule: sales.RuleLine,
		Figures: figuresJSON(r.Summary.Now), Buyers: r.Buyers, Breakdowns: []jsonBreakdown{}}
	if cmp != "" {
		f, p := r.Summary.Prev, r.Summary.PrevPeriod
		if cmp == sales.CompareYear {
			f, p = r.Summary.Year, r.Summary.YearPeriod
		}
		e := figuresJSON(f)
		out.Compare, out.Earlier, out.EarlierOf = string(cmp), &e, p.String()
		out.Change = map[string]string{"Gross": sales.Compare(r.Summary.Now.Gross, f.Gross).Text(),
			"Net": sales.Compare(r.Summary.Now.Net, f.Net).Text(), "Orders": sales.Compare(r.Summary.Now.Orders, f.Orders).Text()}
	}
	row := func(x sales.Row) jsonRow {
		j := jsonRow{Key: x.Key, Label: x.Label, Orders: x.Orders, Lines: x.Lines, Qty: x.Qty, Gross: x.Gross,
			Refunds: x.Refunds, Net: x.Net, Share: x.Share, Cost: x.Cost, CategoryID: x.CategoryID}
		if !x.FirstOrder.IsZero() {
			j.FirstOrder = x.FirstOrder.Format(time.DateOnly)
		}
		return j
	}
	for _, b := range r.Breakdowns {
		jb := jsonBreakdown{By: string(b.By), Rows: []jsonRow{}, Total: row(b.Total)}
		for _, x := range b.Rows {
			jb.Rows = append(jb.Rows, row(x))
		}
		out.Breakdowns = append(out.Breakdowns, jb)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func runRebuild(ctx context.Context, c *call) error {
	if err := c.desk.Sales().Rebuild(ctx); err != nil {
		return err
	}
	fmt.Fprintln(c.out, "매출 집계를 주문 내역에서 다시 만들었습니다.")
	return nil
}
