package cli

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"

	"github.com/annals/annals/event"
	"github.com/annals/annals/export"
	"github.com/annals/annals/store"
)

func exportCommand() *Command {
	c := &Command{
		Name:  "export",
		Usage: "[--db FILE | --postgres DSN] [--format jsonl|gdelt|parquet] [--table events|mentions] [--sort KIND] [--out FILE] [filters]",
		Short: "write stored events or mentions as JSON Lines, GDELT 2.0 TSV or Parquet",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		ff := addFilterFlags(fs)
		format := fs.String("format", string(export.JSONL), "output `format`: jsonl, gdelt or parquet")
		table := fs.String("table", "events", "`table` to write: events or mentions")
		out := fs.String("out", "-", "output `file`; - for standard output")
		sort := fs.String("sort", "", "write the events with the largest count of this `kind` first (killed, injured, arrested or crowd), those without one last; default: in id order")
		if err := parseNoArgs(env, c, fs, args); err != nil {
			return err
		}
		if *table != "events" && *table != "mentions" {
			return fmt.Errorf("--table %q: want events or mentions", *table)
		}
		kind := event.CountKind(*sort)
		switch {
		case kind != "" && !slices.Contains(store.CountKinds, kind):
			return fmt.Errorf("--sort %q: want killed, injured, arrested or crowd", *sort)
		case kind != "" && *table != "events":
			return fmt.Errorf("--sort %s: only events are sorted by their counts (--table events)", *sort)
		}
		s, f, err := sf.openFiltered(ctx, ff)
		if err != nil {
			return err
		}
		defer s.Close()
		var w io.Writer = env.Stdout
		var fh *os.File
		if *out != "-" {
			if fh, err = os.Create(*out); err != nil {
				return err
			}
			defer fh.Close() // a second Close after the checked one below is harmless
			w = fh
		}
		var n int
		switch {
		case kind != "":
			n, err = export.WriteEvents(w, export.Format(*format), eventsBy(ctx, s, f, kind))
		case *table == "events":
			n, err = export.WriteEvents(w, export.Format(*format), s.AllEvents(ctx, f))
		default:
			n, err = export.WriteMentions(w, export.Format(*format), s.AllMentions(ctx, f))
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", *table, err)
		}
		if fh != nil {
			if err := fh.Close(); err != nil {
				return fmt.Errorf("export %s: %w", *out, err)
			}
		}
		fmt.Fprintf(env.Stderr, "%d %s written\n", n, *table)
		return nil
	}
	return c
}

// eventsBy yields the events that match f, the largest count of kind k
// first, page by page.
func eventsBy(ctx context.Context, s store.Store, f store.Filter, k event.CountKind) iter.Seq2[store.Event, error] {
	return func(yield func(store.Event, error) bool) {
		p := store.Page{Limit: store.MaxLimit, Sort: k}
		for {
			page, err := s.Events(ctx, f, p)
			if err != nil {
				yield(store.Event{}, err)
				return
			}
			for _, e := range page.Events {
				if !yield(e, nil) {
					return
				}
			}
			if page.Next == "" {
				return
			}
			p.Cursor = page.Next
		}
	}
}
