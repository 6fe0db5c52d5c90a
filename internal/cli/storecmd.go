package cli

import (
	"context"
	"flag"
	"fmt"
	"time"
)

func storeCommand() *Command {
	return &Command{
		Name:  "store",
		Usage: "{rebuild-rollups|compact|prune} [--db FILE | --postgres DSN] [flags]",
		Short: "look after a store: recount its rollups, reclaim space, delete old events",
		Run: func(ctx context.Context, env *Env, args []string) error {
			return subcommand(ctx, env, "store", map[string]func(context.Context, *Env, []string) error{
				"rebuild-rollups": storeRebuildRollups,
				"compact":         storeCompact,
				"prune":           storePrune,
			}, args)
		},
	}
}

func storeRebuildRollups(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "store rebuild-rollups", Usage: "[--db FILE | --postgres DSN] [--check]",
		Short: "recount the rollups the timeline, map and network read from the events (writers wait meanwhile)"}
	fs := newFlags(env, c)
	sf := addStoreFlags(fs)
	check := fs.Bool("check", false, "only compare the rollups with a recount, and fail naming the rows that differ")
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	s, err := sf.open(ctx, *check)
	if err != nil {
		return err
	}
	defer s.Close()
	if *check {
		if err := s.VerifyRollups(ctx); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "the rollups match a recount of the events")
		return nil
	}
	start := time.Now()
	if err := s.RebuildRollups(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "rollups recounted in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// addYes registers --yes, which the commands that delete or rewrite take
// before they act; without it they only say what they would do.
func addYes(fs *flag.FlagSet) *bool {
	return fs.Bool("yes", false, "do it; without --yes the command only says what it would do")
}

func storeCompact(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "store compact", Usage: "[--db FILE | --postgres DSN] [--yes]",
		Short: "reclaim the space of deleted rows and refresh the query planner's statistics (VACUUM, ANALYZE)"}
	fs := newFlags(env, c)
	sf := addStoreFlags(fs)
	yes := addYes(fs)
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	s, err := sf.open(ctx, !*yes)
	if err != nil {
		return err
	}
	defer s.Close()
	plan, err := s.Compact(ctx, false)
	if err != nil {
		return err
	}
	if !*yes {
		fmt.Fprintln(env.Stdout, "compact would run, taking a while on a big store (SQLite rewrites the file and needs its size free on disk):")
		for _, q := range plan {
			fmt.Fprintln(env.Stdout, "  "+q)
		}
		fmt.Fprintln(env.Stdout, "run again with --yes to do it")
		return nil
	}
	start := time.Now()
	if _, err := s.Compact(ctx, true); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "compacted in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

func storePrune(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "store prune", Usage: "--before DATE [--db FILE | --postgres DSN] [--yes]",
		Short: "delete the events whose date ended before DATE, their mentions and rollup counts, and the documents left without mentions"}
	fs := newFlags(env, c)
	sf := addStoreFlags(fs)
	before := fs.String("before", "", "delete events whose whole date lies before this `date` (YYYY-MM-DD); undated events stay")
	yes := addYes(fs)
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	if *before == "" {
		return fmt.Errorf("--before DATE is required")
	}
	day, err := time.Parse(time.DateOnly, *before)
	if err != nil {
		return fmt.Errorf("--before %q: want a date YYYY-MM-DD", *before)
	}
	s, err := sf.open(ctx, !*yes)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.Prune(ctx, day, *yes)
	if err != nil {
		return err
	}
	verb := "would delete"
	if *yes {
		verb = "deleted"
	}
	fmt.Fprintf(env.Stdout, "prune before %s %s %d events, %d mentions and %d documents\n", *before, verb, p.Events, p.Mentions, p.Documents)
	if !*yes {
		fmt.Fprintln(env.Stdout, "run again with --yes to do it (then annals store compact to give the space back)")
	}
	return nil
}
