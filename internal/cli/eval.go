package cli

import "context"

func evalCommand() *Command {
	return &Command{
		Name:  "eval",
		Usage: "{counts|events|extract|geo|ner|petrarch|plover|police|quotes|ud} [flags]",
		Short: "score annals against a gold set; the last line holds the figures",
		Run: func(ctx context.Context, env *Env, args []string) error {
			return subcommand(ctx, env, "eval", map[string]func(context.Context, *Env, []string) error{
				// one entry per gold-set kind, each in eval_NAME.go
				"counts":   evalCounts,
				"events":   evalEvents,
				"extract":  evalExtract,
				"geo":      evalGeo,
				"ner":      evalNER,
				"petrarch": evalPetrarch,
				"plover":   evalPlover,
				"police":   evalPolice,
				"quotes":   evalQuotes,
				"ud":       evalUD,
			}, args)
		},
	}
}
