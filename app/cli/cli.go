// Package cli runs SellerDesk's headless commands on the same services as the window, for scripting,
// scheduled backups and tests. Each command is declared once, in the table in commands.go (its words,
// arguments, flags, one line of help and what it runs); parsing and the usage text both come from that table.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sellerdesk/app"
	"sellerdesk/app/clock"
	"sellerdesk/app/format"
)

// Env is what a command runs with: the program's identity, the desk's clock, the environment and the
// terminal. main passes the real ones; tests pin the clock and capture the output.
type Env struct {
	Info   app.AppInfo
	Clock  clock.Clock // nil is the system clock
	Getenv func(string) string
	Stdout io.Writer
	Stderr io.Writer
}

// Invocation is a parsed command line.
type Invocation struct {
	DB   string // --db, "" for the default
	Help bool   // -h, --help or help: the usage on stdout
	// Err is a command line that cannot be run (a *UsageError): Run prints it with the usage and exits 2.
	Err error

	cmd  *command
	args []string       // the command's positional arguments, its words removed
	vals map[string]any // flag name → *string, *bool, *int or *uint64
}

// Headless reports whether the command line asks for a command (or for help, or is wrong) rather than for the
// window; main then attaches to the console and calls Run.
func (inv Invocation) Headless() bool { return inv.Help || inv.Err != nil || inv.cmd != nil }

// Command is the command's name ("import products"), "" for the window.
func (inv Invocation) Command() string {
	if inv.cmd == nil {
		return ""
	}
	return inv.cmd.name
}

// UsageError is a command line that cannot be run; the program prints it and the usage and exits 2.
type UsageError struct{ Reason string }

func (e *UsageError) Error() string { return e.Reason }

func usageErr(format string, a ...any) error { return &UsageError{Reason: fmt.Sprintf(format, a...)} }

// Parse reads a command line (without the program name): the global --db, the command's words, its flags
// (before, between or after its arguments) and its arguments, all checked against the command table.
func Parse(args []string) Invocation {
	var inv Invocation
	fs := flag.NewFlagSet("sellerdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&inv.DB, "db", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			inv.Help = true
		} else {
			inv.Err = usageErr("잘못된 옵션입니다: %s", flagReason(err))
		}
		return inv
	}
	rest := fs.Args()
	switch {
	case len(rest) == 0:
		return inv
	case rest[0] == "help":
		inv.Help = true
		return inv
	}
	group := commandsNamed(rest[0])
	if len(group) == 0 {
		inv.Err = usageErr("알 수 없는 명령입니다: %s", rest[0])
		return inv
	}
	// the flags of every command that starts with this word, so that "import --json orders FILE" parses
	// before it is known which import is meant; the chosen command's own flags are checked below
	cfs := flag.NewFlagSet(rest[0], flag.ContinueOnError)
	cfs.SetOutput(io.Discard)
	vals := map[string]any{}
	for _, c := range group {
		for _, f := range c.flags {
			if _, dup := vals[f.name]; !dup {
				vals[f.name] = f.define(cfs)
			}
		}
	}
	if err := parseInterspersed(cfs, rest[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			inv.Help = true
		} else {
			inv.Err = usageErr("%s: 잘못된 옵션입니다: %s", rest[0], flagReason(err))
		}
		return inv
	}
	pos := cfs.Args()
	cmd := group[0]
	if len(group) > 1 || len(cmd.words()) > 1 {
		cmd = nil
		for _, c := range group {
			if len(pos) > 0 && c.words()[1] == pos[0] {
				cmd = c
			}
		}
		if cmd == nil {
			var forms []string
			for _, c := range group {
				forms = append(forms, "'"+c.form()+"'")
			}
			inv.Err = usageErr("%s 명령은 %s 형식으로 씁니다.", rest[0], strings.Join(forms, " 또는 "))
			return inv
		}
		pos = pos[1:]
	}
	var stray error
	cfs.Visit(func(f *flag.Flag) {
		if stray == nil && cmd.flag(f.Name) == nil {
			stray = usageErr("%s 명령에는 --%s 옵션이 없습니다.", cmd.name, f.Name)
		}
	})
	if stray != nil {
		inv.Err = stray
		return inv
	}
	min, max := cmd.argCount()
	if len(pos) < min || len(pos) > max {
		inv.Err = usageErr("%s 명령의 인수가 맞지 않습니다. 형식: %s", cmd.name, cmd.form())
		return inv
	}
	for _, f := range cmd.flags {
		if f.required && isZero(vals[f.name]) {
			inv.Err = usageErr("%s 명령에는 --%s %s 옵션이 필요합니다.", cmd.name, f.name, f.value)
			return inv
		}
	}
	inv.cmd, inv.args, inv.vals = cmd, pos, vals
	if cmd.check != nil {
		if err := cmd.check(inv.call(Env{}, nil, nil)); err != nil {
			inv.Err = err
		}
	}
	return inv
}

func isZero(v any) bool {
	switch p := v.(type) {
	case *string:
		return *p == ""
	case *int:
		return *p == 0
	}
	return false
}

func flagReason(err error) string {
	s := err.Error()
	s = strings.Replace(s, "flag provided but not defined", "정의되지 않은 옵션", 1)
	s = strings.Replace(s, "flag needs an argument", "값이 필요한 옵션", 1)
	s = strings.Replace(s, "invalid value", "잘못된 값", 1)
	return s
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

// Run executes a parsed command line and returns the process exit code: 0 done, 1 failed (one Korean line
// on stderr), 2 bad usage (the reason and the usage on stderr).
func Run(ctx context.Context, inv Invocation, env Env) int {
	switch {
	case inv.Help:
		fmt.Fprintln(env.Stdout, Usage())
		return 0
	case inv.Err != nil:
		return usage(env.Stderr, inv.Err)
	case inv.cmd == nil:
		return usage(env.Stderr, usageErr("명령이 없습니다."))
	}
	if inv.cmd.offline {
		if err := inv.cmd.run(ctx, inv.call(env, nil, nil)); err != nil {
			return fail(env.Stderr, err, korean())
		}
		return 0
	}
	if env.Clock == nil {
		env.Clock = clock.System()
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	path, err := app.ResolveDBPath(inv.DB, env.Getenv)
	if err != nil {
		return fail(env.Stderr, err, korean())
	}
	desk, err := app.Open(ctx, path, env.Info, app.WithClock(env.Clock))
	if err != nil {
		return fail(env.Stderr, err, korean())
	}
	defer desk.Close()
	if err := inv.cmd.run(ctx, inv.call(env, desk, newProgress(env.Stderr))); err != nil {
		desk.Log.Error("command failed", "command", inv.cmd.name, "err", err)
		// the seller's language is known only once the store is open; it is read after the command so
		// a command that changes it (none does today) still speaks the language it leaves behind
		return fail(env.Stderr, err, app.TranslatorFor(desk.Language(ctx)))
	}
	return 0
}

func (inv Invocation) call(env Env, d *app.Desk, progress func(float64)) *call {
	return &call{args: inv.args, vals: inv.vals, desk: d, out: env.Stdout, progress: progress, info: env.Info}
}

func usage(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	fmt.Fprintln(stderr, Usage())
	return 2
}

// korean speaks before the store is open, when the seller's language is not known yet.
func korean() app.Translator { return app.TranslatorFor(app.Korean) }

// fail prints err as one line in the language tr speaks: the errors from app carry keys with values, so
// an English store reads its errors in English, as the window shows them.
func fail(stderr io.Writer, err error, tr app.Translator) int {
	msg := app.Text(err, tr)
	// one line: the first line of the message is the reason
	msg, _, _ = strings.Cut(msg, "\n")
	// a value before a particle is written both ways in the key ("을(를)"): print the one its word takes
	msg = format.FixParticles(msg)
	fmt.Fprintln(stderr, tr("오류: {{.Message}}", map[string]any{"Message": msg}))
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
