package cli

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/annals/annals/cameo"
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

// printCounts prints counts as an aligned table with a total line. Keys
// that are codes (CAMEO roots, quad classes) get their names in a last
// column, left unaligned so that it reads as text.
func printCounts(env *Env, key string, counts []store.Count) error {
	var label func(key string) string
	switch store.GroupBy(key) {
	case store.ByRoot:
		label = func(k string) string {
			c, _ := cameo.Lookup(k)
			return c.Name
		}
	case store.ByQuadClass:
		label = func(k string) string {
			q, _ := strconv.Atoi(k)
			return cameo.QuadClassName(q)
		}
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tevents\tmentions\tgoldstein\t", key)
	if label != nil {
		fmt.Fprint(tw, "  label") // right-aligned cells end flush at the tab
	}
	fmt.Fprintln(tw)
	var events, mentions int64
	for _, c := range counts {
		k := c.Key
		if k == "" {
			k = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t", k, c.Events, c.Mentions, c.Goldstein)
		if label != nil {
			fmt.Fprint(tw, "  "+label(c.Key))
		}
		fmt.Fprintln(tw)
		events += c.Events
		mentions += c.Mentions
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t\t\n", events, mentions)
	return tw.Flush()
}
