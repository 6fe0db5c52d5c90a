package cli

import (
	"context"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/annals/annals/ingest"
)

func actorsCommand() *Command {
	c := &Command{
		Name:  "actors",
		Usage: "--unknown [--dicts DIR] INPUT...",
		Short: "list the people and organisations the dictionaries lack, by frequency",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		unknown := fs.Bool("unknown", false, "list names no actor dictionary holds (the only listing so far)")
		top := fs.Int("top", 100, "print the `N` most frequent names; 0 prints all")
		cf := addCodingFlags(fs)
		inputs, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if !*unknown || len(inputs) == 0 {
			fs.Usage()
			return ErrUsage
		}
		p, err := cf.pipeline()
		if err != nil {
			return err
		}
		type entry struct {
			text, label string
			n           int
			codes       map[string]int
		}
		byName := map[string]*entry{}
		opts := ingest.Options{Stdin: env.Stdin, Warn: func(in, msg string) { fmt.Fprintf(env.Stderr, "annals actors: %s: %s\n", in, msg) }}
		for it := range ingest.Open(ctx, inputs, opts) {
			if it.Err != nil {
				fmt.Fprintf(env.Stderr, "annals actors: %v\n", it.Err)
				continue
			}
			res, err := p.Code(ctx, it.Doc)
			if err != nil {
				fmt.Fprintf(env.Stderr, "annals actors: %s: %v\n", it.Input, err)
				continue
			}
			for _, u := range res.Unknown {
				e := byName[u.Text]
				if e == nil {
					e = &entry{text: u.Text, label: u.Label, codes: map[string]int{}}
					byName[u.Text] = e
				}
				e.n++
				if u.Code != "" {
					e.codes[u.Code]++
				}
			}
		}
		list := make([]*entry, 0, len(byName))
		for _, e := range byName {
			list = append(list, e)
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].n != list[j].n {
				return list[i].n > list[j].n
			}
			return list[i].text < list[j].text
		})
		if *top > 0 && len(list) > *top {
			list = list[:*top]
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "count\tlabel\tname\tcode from context")
		for _, e := range list {
			best, bn := "-", 0
			for c, n := range e.codes {
				if n > bn || n == bn && c < best {
					best, bn = c, n
				}
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", e.n, e.label, e.text, best)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		return ctx.Err()
	}
	return c
}
