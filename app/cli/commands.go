package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sellerdesk/app"
	"sellerdesk/app/atomicfile"
	"sellerdesk/app/format"
)

// command is one headless command, declared once: Parse, Run and the usage text all read it.
type command struct {
	name    string   // its words: "check", "import products"
	args    []string // positional arguments in order; "[FILE]" is optional
	flags   []option
	about   string // one line of help, in Korean
	offline bool   // runs without opening the store (version)
	// check refuses flag values the flag package accepts but the command does not (a negative count);
	// it returns a *UsageError
	check func(c *call) error
	run   func(ctx context.Context, c *call) error
}

// option is one flag of a command. The type of def says what it takes: bool (a switch), string, int, uint64.
type option struct {
	name     string // without dashes
	value    string // what it takes, for the usage: "PW", "N", "FILE"; "" for a switch
	def      any
	required bool
}

// commands is every headless command, in the order the usage lists them.
var commands = []*command{
	{name: "demo", flags: []option{{name: "orders", value: "N", def: 0}, {name: "seed", value: "N", def: uint64(20261124)}},
		about: "빈 매장에 데모 데이터를 채웁니다 (주문 N건, 기본 3,000건)", check: checkDemo, run: runDemo},
	{name: "backup", args: []string{"[FILE]"}, about: "지금 백업합니다 (기본: 데이터 폴더의 backups)", run: runBackup},
	{name: "restore", args: []string{"FILE"}, about: "백업에서 복원합니다 (현재 데이터는 먼저 백업)", run: runRestore},
	{name: "check", about: "데이터 파일 무결성과 재고 이력을 검사합니다", run: runCheck},
	{name: "import products", args: []string{"FILE"}, flags: []option{{name: "password", value: "PW", def: ""}, {name: "dry-run", def: false}},
		about: "엑셀로 상품을 일괄 등록하거나, 내보낸 파일의 고친 값을 대량 수정합니다 (--dry-run: 보여주기만)",
		run:   importProducts},
	{name: "export products", args: []string{"FILE"}, about: "상품 전체를 대량 수정용 엑셀로 내보냅니다", run: exportProducts},
	{name: "import orders", args: []string{"FILE"}, flags: []option{{name: "password", value: "PW", def: ""}, {name: "json", def: false}},
		about: "스마트스토어 주문 엑셀/CSV를 가져옵니다 (상품주문번호 기준으로 갱신)", run: importOrders},
	{name: "export shipping", args: []string{"FILE"}, about: "송장이 입력된 발송 전 주문을 스마트스토어 일괄발송 엑셀로 저장합니다", run: exportShipping},
	{name: "po pdf", args: []string{"PO-NUMBER"}, flags: []option{{name: "out", value: "FILE", def: "", required: true}},
		about: "발주서를 PDF로 저장합니다 (예: PO-20261124-001)", run: poPDF},
	{name: "returns label", args: []string{"RT-NUMBER"}, flags: []option{{name: "out", value: "FILE", def: "", required: true}},
		about: "반품 라벨(4×6인치) PDF를 저장합니다", run: returnLabel},
	{name: "orders find", args: []string{"QUERY"}, flags: []option{{name: "json", def: false}, {name: "limit", value: "N", def: 100}},
		about: "주문을 찾습니다 (검색어: 주문번호, 이름, 전화 뒤 4자리, 송장번호, 상품명)",
		check: checkFind, run: findOrders},
	{name: "version", offline: true, about: "버전을 표시합니다", run: runVersion},
}

// addCommands adds an area's commands (report sales, mail …) from the area's own file, in an init func, so
// a new area never edits the table above. They are listed before version, which stays last.
func addCommands(cs ...*command) {
	last := commands[len(commands)-1]
	commands = append(append(commands[:len(commands)-1:len(commands)-1], cs...), last)
}

// Usage is printed to stderr for a bad command or flag, and to stdout for -h; it is made from the table
// (after every init func has added its commands).
func Usage() string { return usageText(commands) }

// usageColumn is where each command's help starts, so the lines read as a table.
const usageColumn = 43

func usageText(cmds []*command) string {
	var b strings.Builder
	b.WriteString("사용법 / usage:\n")
	line := func(form, about string) {
		if len(form) > usageColumn-2 {
			fmt.Fprintf(&b, "  %s\n  %s%s\n", form, strings.Repeat(" ", usageColumn), about)
			return
		}
		fmt.Fprintf(&b, "  %-*s%s\n", usageColumn, form, about)
	}
	line("sellerdesk [--db PATH]", "창을 엽니다 (open the window)")
	for _, c := range cmds {
		line(c.line(), c.about)
	}
	b.WriteString("\n  --db PATH   데이터 파일 위치 (환경 변수 SELLERDESK_DB 로도 지정)\n")
	b.WriteString("종료 코드: 0 성공, 1 실패, 2 잘못된 명령")
	return b.String()
}

// commandsNamed returns the commands whose first word is word.
func commandsNamed(word string) []*command {
	var out []*command
	for _, c := range commands {
		if c.words()[0] == word {
			out = append(out, c)
		}
	}
	return out
}

func (c *command) words() []string { return strings.Fields(c.name) }

// form is how the command is written: "po pdf PO-NUMBER --out FILE".
func (c *command) form() string {
	parts := append([]string{c.name}, c.args...)
	for _, f := range c.flags {
		s := "--" + f.name
		if f.value != "" {
			s += " " + f.value
		}
		if !f.required {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// line is the command's usage line.
func (c *command) line() string {
	if c.offline {
		return "sellerdesk " + c.form()
	}
	return "sellerdesk [--db PATH] " + c.form()
}

func (c *command) flag(name string) *option {
	for i := range c.flags {
		if c.flags[i].name == name {
			return &c.flags[i]
		}
	}
	return nil
}

func (c *command) argCount() (min, max int) {
	for _, a := range c.args {
		if !strings.HasPrefix(a, "[") {
			min++
		}
	}
	return min, len(c.args)
}

// define adds the flag to fs and returns the pointer its value lands in.
func (o option) define(fs *flag.FlagSet) any {
	switch d := o.def.(type) {
	case bool:
		return fs.Bool(o.name, d, "")
	case int:
		return fs.Int(o.name, d, "")
	case uint64:
		return fs.Uint64(o.name, d, "")
	default:
		return fs.String(o.name, fmt.Sprint(d), "")
	}
}

// call is one run of a command: its arguments and flag values, the open desk and where to write.
type call struct {
	args     []string
	vals     map[string]any
	desk     *app.Desk // nil for an offline command
	out      io.Writer
	progress func(float64) // nil when nobody watches
	info     app.AppInfo
}

// arg is the i-th positional argument, "" when an optional one was left out.
func (c *call) arg(i int) string {
	if i < len(c.args) {
		return c.args[i]
	}
	return ""
}

func (c *call) str(name string) string { return *c.vals[name].(*string) }
func (c *call) on(name string) bool    { return *c.vals[name].(*bool) }
func (c *call) num(name string) int    { return *c.vals[name].(*int) }
func (c *call) u64(name string) uint64 { return *c.vals[name].(*uint64) }

// save writes a file the command made through the one atomic writer, so a failure leaves whatever was
// there before.
func save(path string, write func(io.Writer) error) error {
	if err := atomicfile.Write(path, write); err != nil {
		if app.ErrorCode(err) != app.ErrInternal {
			return err // the seller's own problem (a PO that does not exist), already in Korean
		}
		return &app.Error{Code: app.ErrInternal, Err: err, Message: fmt.Sprintf("파일을 저장할 수 없습니다: %s", path)}
	}
	return nil
}

func checkDemo(c *call) error {
	if n := c.num("orders"); n < 0 {
		return usageErr("--orders 는 0 이상의 수여야 합니다: %d", n)
	}
	return nil
}

func runDemo(ctx context.Context, c *call) error {
	if err := c.desk.LoadDemo(ctx, app.DemoOptions{Orders: c.num("orders"), Seed: c.u64("seed")}, c.progress); err != nil {
		return err
	}
	prof, _ := c.desk.Profile(ctx)
	fmt.Fprintln(c.out, format.FixParticles(fmt.Sprintf("데모 매장 '%s'을(를) 만들었습니다: %s", prof.Name, c.desk.DataFile())))
	return nil
}

func runBackup(ctx context.Context, c *call) error {
	path, err := c.desk.BackupNow(ctx, c.arg(0))
	if err != nil {
		return err
	}
	size := int64(0)
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(c.out, "백업했습니다: %s (%s)\n", path, format.Bytes(size))
	return nil
}

func runRestore(ctx context.Context, c *call) error {
	src := c.arg(0)
	saved, err := c.desk.Restore(ctx, src, c.progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "복원했습니다: %s\n복원 전 데이터는 여기에 백업했습니다: %s\n", src, saved)
	return nil
}

func runCheck(ctx context.Context, c *call) error {
	r, err := c.desk.Check(ctx)
	if err != nil {
		return err
	}
	if r.Problem != "" {
		return &app.Error{Code: app.ErrInternal, Message: "데이터 파일에 문제가 있습니다: " + r.Problem + " 백업에서 복원하세요."}
	}
	fmt.Fprintf(c.out, "정상입니다: %s (%s, 데이터 버전 %d)\n", r.Path, format.Bytes(r.Size), r.Version)
	return nil
}

func runVersion(_ context.Context, c *call) error {
	fmt.Fprintln(c.out, c.info.String())
	return nil
}
