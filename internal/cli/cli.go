// Package cli holds annals' subcommands, one file each. A subcommand parses
// its flags, wires the packages that do the work and prints; the work itself
// lives in those packages.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Command is one annals subcommand.
type Command struct {
	Name  string // first word after "annals"
	Usage string // usage line after the name
	Short string // one line for the command list
	// Run runs the command with its arguments (after the name). Output goes
	// to env.Stdout; diagnostics to env.Stderr.
	Run func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command may touch of the process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// ErrUsage reports a command line that does not parse; the message has
// been printed already.
var ErrUsage = errors.New("usage")

// commands lists every subcommand; each is defined in its own file.
func commands() []*Command {
	cmds := []*Command{
		evalCommand(),
		exportCommand(),
		ingestCommand(),
		queryCommand(),
		storeCommand(),
		gazetteerCommand(),
		trainCommand(),
		parseCommand(),
		dictCommand(),
		codeCommand(),
		actorsCommand(),
		serveCommand(),
		queueCommand(),
		workerCommand(),
		watchCommand(),
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name < cmds[j].Name })
	return cmds
}

// Main runs annals with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, env *Env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.Name != args[0] {
			continue
		}
		err := c.Run(ctx, env, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, ErrUsage), errors.Is(err, flag.ErrHelp):
			return 2
		default:
			fmt.Fprintf(env.Stderr, "annals %s: %v\n", c.Name, err)
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "annals: unknown command %q\n", args[0])
	usage(env.Stderr, cmds)
	return 2
}

func usage(w io.Writer, cmds []*Command) {
	fmt.Fprintln(w, "annals turns news text into coded political event data.")
	fmt.Fprintln(w, "\nUsage:\n  annals COMMAND [flags] [args]\n\nCommands:")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name, c.Short)
	}
	fmt.Fprintln(w, "\nRun 'annals COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set for a command that prints its usage to env.Stderr.
func newFlags(env *Env, c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet("annals "+c.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: annals %s %s\n\n%s\n\nFlags:\n", c.Name, c.Usage, c.Short)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("annals code file.txt --published 2020-01-24").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, ErrUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// envFlag is a string flag that falls back on an environment variable,
// read when the value is asked for, after the flags are parsed. The
// variable never becomes the flag's default, so -h cannot print it: these
// variables hold secrets (a token, a DSN with its password, a NATS URL
// with credentials). Setting the flag, even to "", overrides the variable.
type envFlag struct {
	env      string // the variable read when the flag is not set
	fallback string // when neither is set
	value    string
	set      bool
}

func (f *envFlag) String() string { return "" } // nothing for -h to show

func (f *envFlag) Set(v string) error {
	f.value, f.set = v, true
	return nil
}

// Value is the flag's value, else the variable's, else the fallback.
func (f *envFlag) Value() string {
	if f.set {
		return f.value
	}
	if v := os.Getenv(f.env); v != "" {
		return v
	}
	return f.fallback
}

// openInput opens a named file, or standard input for "-".
func openInput(env *Env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(env.Stdin), nil
	}
	return os.Open(name)
}

// subcommand dispatches "annals NAME SUB ..." to one of subs.
func subcommand(ctx context.Context, env *Env, name string, subs map[string]func(context.Context, *Env, []string) error, args []string) error {
	if len(args) == 0 || subs[args[0]] == nil {
		names := make([]string, 0, len(subs))
		for k := range subs {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Fprintf(env.Stderr, "Usage: annals %s {%s} [flags]\n", name, strings.Join(names, "|"))
		return ErrUsage
	}
	return subs[args[0]](ctx, env, args[1:])
}
