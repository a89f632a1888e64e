package customers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
	"sellerdesk/app/atomicfile"
	"sellerdesk/data"
)

// Columns of a contact file, in order. The consent columns go together: a 수신동의 value is taken only
// with its date and how it was given.
var FileColumns = []string{"이름", "전화", "이메일", "주소", "태그", "메모", "수신동의", "동의일", "동의방법"}

const fileSheet = "고객"

// Export writes every contact (not those merged away) to an xlsx file, the latest consent with its date
// and way; it returns how many it wrote.
func (s *Service) Export(ctx context.Context, path string) (int, error) {
	q := s.store.Read()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", fileSheet); err != nil {
		return 0, internal(err, "고객 파일을 만들지 못했습니다.")
	}
	sw, err := f.NewStreamWriter(fileSheet)
	if err != nil {
		return 0, internal(err, "고객 파일을 만들지 못했습니다.")
	}
	head := make([]any, len(FileColumns))
	for i, c := range FileColumns {
		head[i] = c
	}
	if err := sw.SetRow("A1", head); err != nil {
		return 0, internal(err, "고객 파일을 만들지 못했습니다.")
	}
	n := 0
	for offset := 0; ; offset += 1000 {
		rows, err := data.ListCustomers(ctx, q, data.CustomerQuery{Limit: 1000, Offset: offset})
		if err != nil {
			return 0, internal(err, "고객 목록을 읽지 못했습니다.")
		}
		if len(rows) == 0 {
			break
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		latest, err := data.LatestConsents(ctx, q, ids)
		if err != nil {
			return 0, internal(err, "수신 동의를 읽지 못했습니다.")
		}
		for _, r := range rows {
			tags, _ := data.CustomerTags(ctx, q, r.ID)
			addr := ""
			if ds, err := data.CustomerDetails(ctx, q, r.ID); err == nil {
				for _, d := range ds {
					if d.Kind == data.DetailAddress {
						addr = d.Value
						break
					}
				}
			}
			consent, at, how := "", "", ""
			if c, ok := latest[r.ID]; ok {
				consent, at, how = "거부", c.At.Local().Format("2006-01-02"), c.Method
				if c.Granted {
					consent = "동의"
				}
			}
			n++
			cell, _ := excelize.CoordinatesToCellName(1, n+1)
			if err := sw.SetRow(cell, []any{r.Name, r.Phone, r.Email, addr, strings.Join(tags, ","), r.Note, consent, at, how}); err != nil {
				return 0, internal(err, "고객 파일을 만들지 못했습니다.")
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, internal(err, "고객 파일을 만들지 못했습니다.")
	}
	err = atomicfile.Write(path, func(w io.Writer) error { return f.Write(w) })
	if err != nil {
		return 0, apperr.New(apperr.ErrInternal, "고객 파일 '{{.Path}}'을(를) 저장하지 못했습니다: {{.Err}}", "Path", path, "Err", err.Error())
	}
	return n, nil
}

// ImportReport is what an import did, or why it did nothing.
type ImportReport struct {
	Added, Updated, Consents int
	Problems                 []apperr.Msg // one per refused row; any problem and nothing is imported
}

type importRow struct {
	line                                 int
	name, phone, email, addr, tags, note string
	consent, at, how                     string
	when                                 time.Time
}

// Import reads a contact file (the columns of FileColumns, by their header names) all or nothing: a
// contact known by email, or by name and phone, gets the new details and tags; others are added. A
// 수신동의 value (동의/거부) is recorded only with its 동의일 and 동의방법; a row with one and not the other
// is refused, and so is the file.
func (s *Service) Import(ctx context.Context, path string) (ImportReport, error) {
	var rep ImportReport
	f, err := excelize.OpenFile(path)
	if err != nil {
		return rep, apperr.New(apperr.ErrInvalid, "'{{.Path}}'을(를) 엑셀 파일로 읽을 수 없습니다.", "Path", path)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return rep, apperr.New(apperr.ErrInvalid, "파일에 시트가 없습니다.")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil || len(rows) == 0 {
		return rep, apperr.New(apperr.ErrInvalid, "파일에 머리글 행이 없습니다.")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	if _, ok := col["이름"]; !ok {
		return rep, apperr.New(apperr.ErrInvalid, "머리글에 '이름' 열이 없습니다. 내보낸 고객 파일의 머리글을 그대로 쓰세요.")
	}
	get := func(r []string, name string) string {
		if i, ok := col[name]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	var list []importRow
	for i, r := range rows[1:] {
		line := i + 2
		ir := importRow{line: line, name: get(r, "이름"), phone: get(r, "전화"), email: get(r, "이메일"), addr: get(r, "주소"),
			tags: get(r, "태그"), note: get(r, "메모"), consent: get(r, "수신동의"), at: get(r, "동의일"), how: get(r, "동의방법")}
		if ir.name == "" && ir.phone == "" && ir.email == "" {
			continue
		}
		if err := validate(ir.name, ir.phone, ir.email); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				for _, m := range ae.FieldMsgs {
					rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: {{.Why}}", "Line", line, "Why", m))
				}
			}
			continue
		}
		switch ir.consent {
		case "":
			if ir.at != "" || ir.how != "" {
				rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: 동의일·동의방법이 있지만 수신동의(동의/거부)가 비어 있습니다.", "Line", line))
			}
		case "동의", "거부":
			when, err := parseDay(ir.at)
			switch {
			case ir.at == "" || ir.how == "":
				rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: 수신동의는 동의일과 동의방법이 함께 있어야 기록합니다.", "Line", line))
			case err != nil:
				rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: 동의일 '{{.Value}}'을(를) 날짜로 읽을 수 없습니다 (예: 2026-11-20).", "Line", line, "Value", ir.at))
			case when.After(s.Now()):
				rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: 동의일이 오늘보다 늦습니다.", "Line", line))
			default:
				ir.when = when
			}
		default:
			rep.Problems = append(rep.Problems, apperr.M("{{.Line}}행: 수신동의는 '동의' 또는 '거부'로 적으세요.", "Line", line))
		}
		list = append(list, ir)
	}
	if len(rep.Problems) > 0 {
		return rep, nil
	}
	err = s.write(ctx, "고객 가져오기", func(tx *data.Tx) error {
		var touched []int64
		for _, ir := range list {
			id, err := data.CustomerByEmail(ctx, tx, ir.email)
			if err != nil {
				return err
			}
			if id == 0 && ir.phone != "" {
				if id, err = data.CustomerByKey(ctx, tx, data.NameKey(ir.name, ir.phone)); err != nil {
					return err
				}
			}
			if id == 0 {
				if id, err = data.AddCustomerTx(ctx, tx, data.NewCustomer{Name: ir.name, Phone: ir.phone, Email: ir.email,
					Address: ir.addr, Note: ir.note, Source: data.SourceImport}); err != nil {
					return err
				}
				rep.Added++
			} else {
				for _, d := range []struct{ kind, v string }{{data.DetailPhone, ir.phone}, {data.DetailEmail, ir.email}, {data.DetailAddress, ir.addr}} {
					if err := data.AddCustomerDetailTx(ctx, tx, id, d.kind, d.v, data.SourceImport); err != nil {
						return err
					}
				}
				rep.Updated++
			}
			if ir.tags != "" {
				old, err := data.CustomerTags(ctx, tx, id)
				if err != nil {
					return err
				}
				if err := data.SetCustomerTagsTx(ctx, tx, id, append(old, strings.Split(ir.tags, ",")...)); err != nil {
					return err
				}
			}
			if ir.consent != "" {
				if _, err := data.AddConsentTx(ctx, tx, data.ConsentRecord{CustomerID: id, Granted: ir.consent == "동의", At: ir.when,
					Method: "가져오기: " + ir.how, Note: fmt.Sprintf("%s %d행", path, ir.line)}); err != nil {
					return err
				}
				rep.Consents++
			}
			touched = append(touched, id)
		}
		return data.RefreshCustomerFiguresTx(ctx, tx, touched, sold())
	})
	return rep, err
}

func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006.01.02", "2006/01/02", "2006-1-2", "01-02-06"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}
