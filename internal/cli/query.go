package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/annals/annals/store"
)

func queryCommand() *Command {
	c := &Command{
		Name:  "query",
		Usage: "[--db FILE | --postgres DSN] [--by day|week|root|quad|country|actor] [filters]",
		Short: "count the stored events that match filters, grouped by a key",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		ff := addFilterFlags(fs)
		by := fs.String("by", "day", "group by `key`: day, week, root, quad, country or actor")
		if err := parseNoArgs(env, c, fs, args); err != nil {
			return err
		}
		s, f, err := sf.openFiltered(ctx, ff)
		if err != nil {
			return err
		}
		defer s.Close()
		counts, err := s.Counts(ctx, store.GroupBy(*by), f)
		if err != nil {
			return err
		}
		return printCounts(env, *by, counts)
	}
	return c
}

// printCounts prints counts as an aligned table with a total line.
func printCounts(env *Env, key string, counts []store.Count) error {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tevents\tmentions\tgoldstein\t\n", key)
	var events, mentions int64
	for _, c := range counts {
		k := c.Key
		if k == "" {
			k = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t\n", k, c.Events, c.Mentions, c.Goldstein)
		events += c.Events
		mentions += c.Mentions
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t\t\n", events, mentions)
	return tw.Flush()
}
