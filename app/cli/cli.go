// Package cli runs SellerDesk's headless commands (demo, backup, restore, check, version) on the same
// services as the window, for scripting, scheduled backups and tests.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"sellerdesk/app"
	"sellerdesk/app/format"
)

// Usage is printed to stderr for a bad command or flag, and to stdout for -h.
const Usage = `사용법 / usage:
  sellerdesk [--db PATH]                     창을 엽니다 (open the window)
  sellerdesk [--db PATH] demo [--orders N]   빈 매장에 데모 데이터를 채웁니다
  sellerdesk [--db PATH] backup [FILE]       지금 백업합니다 (기본: 데이터 폴더의 backups)
  sellerdesk [--db PATH] restore FILE        백업에서 복원합니다 (현재 데이터는 먼저 백업)
  sellerdesk [--db PATH] check               데이터 파일 무결성을 검사합니다
  sellerdesk [--db PATH] import products FILE [--password PW]
                                             엑셀로 상품을 일괄 등록합니다 (문제가 있으면 아무것도 등록하지 않음)
  sellerdesk [--db PATH] export products FILE
                                             상품 전체를 대량 수정용 엑셀로 내보냅니다
  sellerdesk [--db PATH] import orders FILE [--password PW] [--json]
                                             스마트스토어 주문 엑셀/CSV를 가져옵니다 (상품주문번호 기준으로 갱신)
  sellerdesk [--db PATH] export shipping FILE
                                             송장이 입력된 발송 전 주문을 스마트스토어 일괄발송 엑셀로 저장합니다
  sellerdesk [--db PATH] po pdf PO-NUMBER --out FILE
                                             발주서를 PDF로 저장합니다 (예: PO-20261124-001)
  sellerdesk [--db PATH] returns label RT-NUMBER --out FILE
                                             반품 라벨(4×6인치) PDF를 저장합니다
  sellerdesk [--db PATH] orders find QUERY [--json] [--limit N]
                                             주문을 찾습니다 (주문번호, 이름, 전화 뒤 4자리, 송장번호, 상품명)
  sellerdesk version                         버전을 표시합니다

  --db PATH   데이터 파일 위치 (환경 변수 SELLERDESK_DB 로도 지정)
종료 코드: 0 성공, 1 실패, 2 잘못된 명령`

// Invocation is a parsed command line.
type Invocation struct {
	DB      string   // --db, "" for the default
	Command string   // "" opens the window
	Args    []string // the command's own arguments, flags included
	Help    bool
}

// UsageError is a command line that cannot be run; the program prints Usage and exits 2.
type UsageError struct{ Reason string }

func (e *UsageError) Error() string { return e.Reason }

var commands = map[string]bool{"demo": true, "backup": true, "restore": true, "check": true, "version": true,
	"import": true, "export": true, "orders": true, "po": true, "returns": true}

// Parse reads the global flags and the command name.
func Parse(args []string) (Invocation, error) {
	var inv Invocation
	fs := flag.NewFlagSet("sellerdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&inv.DB, "db", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			inv.Help = true
			return inv, nil
		}
		return inv, &UsageError{Reason: "잘못된 옵션입니다: " + flagReason(err)}
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return inv, nil
	}
	inv.Command, inv.Args = rest[0], rest[1:]
	if inv.Command == "help" {
		inv.Help = true
		return inv, nil
	}
	if !commands[inv.Command] {
		return inv, &UsageError{Reason: fmt.Sprintf("알 수 없는 명령입니다: %s", inv.Command)}
	}
	return inv, nil
}

func flagReason(err error) string {
	s := err.Error()
	s = strings.Replace(s, "flag provided but not defined", "정의되지 않은 옵션", 1)
	s = strings.Replace(s, "flag needs an argument", "값이 필요한 옵션", 1)
	return s
}

// Run executes a headless command and returns the process exit code: 0 done, 1 failed (one Korean line
// on stderr), 2 bad usage (reason and Usage on stderr).
func Run(ctx context.Context, inv Invocation, info app.AppInfo, getenv func(string) string, stdout, stderr io.Writer) int {
	if inv.Help {
		fmt.Fprintln(stdout, Usage)
		return 0
	}
	if inv.Command == "version" {
		if len(inv.Args) > 0 {
			return usage(stderr, &UsageError{Reason: "version 명령은 인수를 받지 않습니다."})
		}
		fmt.Fprintln(stdout, info.String())
		return 0
	}
	cmd, err := parseCommand(inv)
	if err != nil {
		return usage(stderr, err)
	}
	path, err := app.ResolveDBPath(inv.DB, getenv)
	if err != nil {
		return fail(stderr, err)
	}
	desk, err := app.Open(ctx, path, info)
	if err != nil {
		return fail(stderr, err)
	}
	defer desk.Close()
	if err := cmd(ctx, desk, stdout, newProgress(stderr)); err != nil {
		desk.Log.Error("command failed", "command", inv.Command, "err", err)
		return fail(stderr, err)
	}
	return 0
}

type command func(ctx context.Context, d *app.Desk, stdout io.Writer, progress func(float64)) error

func parseCommand(inv Invocation) (command, error) {
	fs := flag.NewFlagSet(inv.Command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var orders *int
	var seed *uint64
	var password *string
	var asJSON *bool
	var limit *int
	var out *string
	switch inv.Command {
	case "demo":
		orders = fs.Int("orders", 0, "")
		seed = fs.Uint64("seed", 20261124, "")
	case "import":
		password = fs.String("password", "", "")
		asJSON = fs.Bool("json", false, "")
	case "orders":
		asJSON = fs.Bool("json", false, "")
		limit = fs.Int("limit", 100, "")
	case "po", "returns":
		out = fs.String("out", "", "")
	}
	if err := parseInterspersed(fs, inv.Args); err != nil {
		return nil, &UsageError{Reason: fmt.Sprintf("%s: 잘못된 옵션입니다: %s", inv.Command, flagReason(err))}
	}
	args := fs.Args()
	want := func(min, max int) error {
		if len(args) < min || len(args) > max {
			return &UsageError{Reason: fmt.Sprintf("%s 명령의 인수 개수가 맞지 않습니다.", inv.Command)}
		}
		return nil
	}
	switch inv.Command {
	case "demo":
		if err := want(0, 0); err != nil {
			return nil, err
		}
		if *orders < 0 {
			return nil, &UsageError{Reason: "--orders 는 0 이상의 수여야 합니다: " + strconv.Itoa(*orders)}
		}
		return func(ctx context.Context, d *app.Desk, out io.Writer, p func(float64)) error {
			if err := d.LoadDemo(ctx, app.DemoOptions{Orders: *orders, Seed: *seed}, p); err != nil {
				return err
			}
			prof, _ := d.Profile(ctx)
			fmt.Fprintf(out, "데모 매장 '%s'을(를) 만들었습니다: %s\n", prof.Name, d.Store.Path())
			return nil
		}, nil
	case "import", "export":
		kinds := "products|shipping"
		if inv.Command == "import" {
			kinds = "products|orders"
		}
		if len(args) != 2 || !strings.Contains("|"+kinds+"|", "|"+args[0]+"|") {
			return nil, &UsageError{Reason: fmt.Sprintf("%s 명령은 '%s %s 파일' 형식으로 씁니다.", inv.Command, inv.Command, kinds)}
		}
		switch inv.Command + " " + args[0] {
		case "import orders":
			return importOrders(args[1], *password, *asJSON), nil
		case "import products":
			return importProducts(args[1], *password), nil
		case "export shipping":
			return exportShipping(args[1]), nil
		}
		return exportProducts(args[1]), nil
	case "po":
		if len(args) != 2 || args[0] != "pdf" {
			return nil, &UsageError{Reason: "po 명령은 'po pdf 발주번호 --out 파일' 형식으로 씁니다."}
		}
		if *out == "" {
			return nil, &UsageError{Reason: "po pdf 에는 저장할 파일 --out 이 필요합니다."}
		}
		return poPDF(args[1], *out), nil
	case "returns":
		if len(args) != 2 || args[0] != "label" {
			return nil, &UsageError{Reason: "returns 명령은 'returns label 반품번호 --out 파일' 형식으로 씁니다."}
		}
		if *out == "" {
			return nil, &UsageError{Reason: "returns label 에는 저장할 파일 --out 이 필요합니다."}
		}
		return returnLabel(args[1], *out), nil
	case "orders":
		if len(args) < 1 || args[0] != "find" {
			return nil, &UsageError{Reason: "orders 명령은 'orders find 검색어' 형식으로 씁니다."}
		}
		if len(args) != 2 {
			return nil, &UsageError{Reason: "orders find 에는 검색어 하나가 필요합니다 (빈칸이 있으면 따옴표로 감싸세요)."}
		}
		if *limit < 1 || *limit > 10000 {
			return nil, &UsageError{Reason: "--limit 은 1부터 10000 사이여야 합니다: " + strconv.Itoa(*limit)}
		}
		return findOrders(args[1], *asJSON, *limit), nil
	case "backup":
		if err := want(0, 1); err != nil {
			return nil, err
		}
		dst := ""
		if len(args) == 1 {
			dst = args[0]
		}
		return func(ctx context.Context, d *app.Desk, out io.Writer, _ func(float64)) error {
			path, err := d.BackupNow(ctx, dst)
			if err != nil {
				return err
			}
			size := int64(0)
			if st, err := os.Stat(path); err == nil {
				size = st.Size()
			}
			fmt.Fprintf(out, "백업했습니다: %s (%s)\n", path, format.Bytes(size))
			return nil
		}, nil
	case "restore":
		if err := want(1, 1); err != nil {
			return nil, &UsageError{Reason: "restore 명령에는 복원할 백업 파일 하나가 필요합니다."}
		}
		src := args[0]
		return func(ctx context.Context, d *app.Desk, out io.Writer, p func(float64)) error {
			saved, err := d.Restore(ctx, src, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "복원했습니다: %s\n복원 전 데이터는 여기에 백업했습니다: %s\n", src, saved)
			return nil
		}, nil
	case "check":
		if err := want(0, 0); err != nil {
			return nil, err
		}
		return func(ctx context.Context, d *app.Desk, out io.Writer, _ func(float64)) error {
			r, err := d.Check(ctx)
			if err != nil {
				return err
			}
			if r.Problem != "" {
				return &app.Error{Code: app.ErrInternal, Message: "데이터 파일에 문제가 있습니다: " + r.Problem + " 백업에서 복원하세요."}
			}
			fmt.Fprintf(out, "정상입니다: %s (%s, 데이터 버전 %d)\n", r.Path, format.Bytes(r.Size), r.Version)
			return nil
		}, nil
	}
	return nil, &UsageError{Reason: "알 수 없는 명령입니다: " + inv.Command}
}

// parseInterspersed parses flags that may come before, between or after the arguments
// ("import orders FILE --json" as well as "import --json orders FILE").
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(rest)
}

func usage(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	fmt.Fprintln(stderr, Usage)
	return 2
}

func fail(stderr io.Writer, err error) int {
	msg := app.Message(err)
	// one line: the first line of the message is the reason
	msg, _, _ = strings.Cut(msg, "\n")
	fmt.Fprintln(stderr, "오류: "+msg)
	return 1
}

// newProgress reports a long job's progress on a terminal and stays silent in scripts and logs.
func newProgress(stderr io.Writer) func(float64) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	last := -1
	return func(frac float64) {
		pct := int(frac * 100)
		if pct == last {
			return
		}
		last = pct
		fmt.Fprintf(f, "\r진행 %3d%%", pct)
		if pct >= 100 {
			fmt.Fprintln(f)
		}
	}
}
