package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/annals/annals/export"
)

func exportCommand() *Command {
	c := &Command{
		Name:  "export",
		Usage: "[--db FILE | --postgres DSN] [--format jsonl|gdelt|parquet] [--table events|mentions] [--out FILE] [filters]",
		Short: "write stored events or mentions as JSON Lines, GDELT 2.0 TSV or Parquet",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		ff := addFilterFlags(fs)
		format := fs.String("format", string(export.JSONL), "output `format`: jsonl, gdelt or parquet")
		table := fs.String("table", "events", "`table` to write: events or mentions")
		out := fs.String("out", "-", "output `file`; - for standard output")
		if err := parseNoArgs(env, c, fs, args); err != nil {
			return err
		}
		if *table != "events" && *table != "mentions" {
			return fmt.Errorf("--table %q: want events or mentions", *table)
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
		if *table == "events" {
			n, err = export.WriteEvents(w, export.Format(*format), s.AllEvents(ctx, f))
		} else {
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
