package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/annals/annals/eval/counts"
	"github.com/annals/annals/event"
)

// evalCounts runs "annals eval counts": annals' whole pipeline on
// articles whose counts of people were annotated by hand
// (docs/counts.md), scored per count mention.
func evalCounts(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval counts", Usage: "--gold FILE [--shared DIR] [--show-misses]",
		Short: "score annals' counts (killed, injured, arrested, crowd) on hand-annotated articles"}
	fs := newFlags(env, c)
	gold := fs.String("gold", "", "gold `FILE` (JSON Lines, one article a line; see docs/counts.md)")
	shared := fs.String("shared", "../shared", "`DIR` that holds the articles' files")
	showMisses := fs.Bool("show-misses", false, "list each missed and each false count with its sentence")
	cf := addCodingFlags(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		fs.Usage()
		return ErrUsage
	}
	arts, err := readFile(*gold, counts.Read)
	if err != nil {
		return err
	}
	p, err := cf.pipeline()
	if err != nil {
		return err
	}
	corpus := counts.NewCorpus(*shared)
	res := counts.NewResult()
	for i := range arts {
		a := &arts[i]
		text, err := corpus.Text(a)
		if err != nil {
			return err
		}
		doc := &event.Document{ID: a.Key, Title: a.Title, Text: text}
		if t, err := time.Parse(time.DateOnly, a.Published); err == nil {
			doc.Published = t
		}
		out, err := p.Code(ctx, doc)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Key, err)
		}
		res.Add(a, text, out.Counts)
	}
	printCountScores(env.Stdout, res, *showMisses)
	return nil
}

// printCountScores prints the misses (when asked), the table by kind and the
// last line of figures.
func printCountScores(w io.Writer, res *counts.Result, showMisses bool) {
	if showMisses {
		for _, m := range res.Misses {
			if g := m.Gold; g != nil {
				fmt.Fprintf(w, "MISS %s: %s %d-%d %s %q\n  in: %s\n", m.Article, g.Kind, g.Low, g.High, g.Precision, g.Words, m.Sentence)
			} else {
				c := m.Coded
				fmt.Fprintf(w, "FALSE %s: %s %d-%d %s %q\n  in: %s\n", m.Article, c.Kind, c.Low, c.High, c.Precision, c.Text, m.Sentence)
			}
		}
	}
	fmt.Fprintf(w, "%-9s %5s %6s %6s %9s %7s %11s\n", "kind", "gold", "coded", "found", "precision", "recall", "exact_range")
	for _, k := range slices.Sorted(maps.Keys(res.ByKind)) {
		t := res.ByKind[k]
		fmt.Fprintf(w, "%-9s %5d %6d %6d %9.3f %7.3f %11.3f\n", k, t.Gold, t.Coded, t.Found, t.Precision(), t.Recall(), t.ExactRange())
	}
	fmt.Fprintf(w, "counts=%d precision=%.3f recall=%.3f exact_range=%.3f\n", res.Gold, res.Precision(), res.Recall(), res.ExactRange())
}
