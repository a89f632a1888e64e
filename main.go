// Command sellerdesk is 셀러데스크, a desktop back office for small Korean online sellers. With no command
// it opens the window; with a command from app/cli's command table (imports, exports, orders, backups,
// checks, the demo store …; `sellerdesk help` lists them) it runs that command headless.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/signal"

	fyneapp "fyne.io/fyne/v2/app"

	"sellerdesk/app"
	"sellerdesk/app/cli"
	"sellerdesk/app/clock"
	"sellerdesk/views"
)

// FyneApp.toml is the one place the name, ID and version are written.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	info, err := app.ParseAppInfo(fyneAppTOML)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	inv := cli.Parse(os.Args[1:])
	if inv.Headless() {
		cli.AttachConsole() // before anything is printed: see app/cli/console_windows.go
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.Run(ctx, inv, cli.Env{Info: info, Clock: clock.System(), Getenv: os.Getenv, Stdout: os.Stdout, Stderr: os.Stderr})
		stop()
		os.Exit(code)
	}

	a := fyneapp.NewWithID(info.ID)
	a.SetIcon(views.AppIcon())
	ctx := context.Background()
	path, err := app.ResolveDBPath(inv.DB, os.Getenv)
	release := func() error { return nil }
	if err == nil {
		// before the store: a second window never opens the file
		var unlock func() error
		if unlock, err = app.LockWindow(path, info); err == nil {
			release = unlock
		}
	}
	if err != nil {
		release()
		views.ShowStartupError(a, err, path)
		return
	}
	defer release()
	// the file opens while the app runs: a file an older version wrote may take a while to bring up to date,
	// and the window says so instead of showing nothing
	desk := views.RunDesk(a, path, func(progress func(app.OpeningProgress)) (*app.Desk, error) {
		return app.Open(ctx, path, info, app.WithClock(clock.System()), app.WithOpenProgress(progress))
	})
	if desk != nil {
		desk.Close()
	}
}
