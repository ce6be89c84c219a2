// Command briefpack turns articles into briefing packs: a briefing PDF, a
// comparison workbook, CSV tables and JSON Lines.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// defaultMemoryLimit is the soft heap limit the CLI sets unless GOMEMLIMIT
// is given: the garbage collector works harder near it, which keeps a run
// on a small machine (or one hostile input) from growing without bound.
const defaultMemoryLimit = 900 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	ExitOK      = 0 // everything succeeded
	ExitFailed  = 1 // some inputs or outputs failed; the rest was written
	ExitUsage   = 2 // the run could not start: bad flags, config or arguments
	ExitLocked  = 3 // another run holds the output folder
	ExitStopped = 130
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

func exit(code int, err error) error { return &exitError{code, err} }

// Main runs the CLI and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(ctx, args)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "briefpack:", ee.err)
		}
		return ee.code
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "briefpack: stopped; nothing was published")
		return ExitStopped
	}
	// Anything else comes from argument parsing: a usage error.
	fmt.Fprintln(stderr, "briefpack:", err)
	return ExitUsage
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
