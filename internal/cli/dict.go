package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/annals/annals/dict"
)

func dictCommand() *Command {
	return &Command{
		Name:  "dict",
		Usage: "check [--dicts DIR]",
		Short: "validate dictionaries (annals' own, or those in a folder)",
		Run: func(ctx context.Context, env *Env, args []string) error {
			return subcommand(ctx, env, "dict", map[string]func(context.Context, *Env, []string) error{
				"check": dictCheck,
			}, args)
		},
	}
}

// dictCheck runs "annals dict check": it loads the dictionaries, prints
// one FILE:LINE: REASON line per problem and fails when there is one.
func dictCheck(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "dict check", Usage: "[--dicts DIR]",
		Short: "validate dictionaries: every problem as FILE:LINE: REASON; exit status 1 when there is one"}
	fs := newFlags(env, c)
	dir := fs.String("dicts", "", "dictionary `DIR` (annals' or PETRARCH's format); default: the embedded ones")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var set *dict.Set
	var err error
	name := "embedded dictionaries"
	if *dir == "" {
		set, err = dict.Default()
	} else {
		name = *dir
		set, err = dict.LoadDir(*dir)
	}
	problems := flatten(err)
	if set != nil {
		problems = append(problems, set.Verbs.Warnings...)
		problems = append(problems, set.Actors.Warnings...)
	}
	for _, p := range problems {
		var le *dict.LineError
		if errors.As(p, &le) {
			fmt.Fprintf(env.Stdout, "%s:%d: %v\n", le.File, le.Line, le.Err)
		} else {
			fmt.Fprintln(env.Stdout, p)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %d problems", name, len(problems))
	}
	fmt.Fprintf(env.Stdout, "%s: ok: %d verb blocks, %d actor records, %d agents\n",
		name, len(set.Verbs.Blocks), set.Actors.Count, set.Agents.Count)
	return nil
}

// flatten returns the errors joined in err, one by one.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
