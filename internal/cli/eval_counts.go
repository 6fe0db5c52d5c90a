package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/annals/annals/eval/counts"
)

// evalCounts runs "annals eval counts": annals' whole pipeline on
// articles whose counts of people were annotated by hand
// (docs/counts.md), scored per count mention.
func evalCounts(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval counts", Usage: "--gold FILE [--shared DIR] [--show-misses]",
		Short: "score annals' counts (killed, injured, arrested, crowd) on hand-annotated articles"}
	fs := newFlags(env, c)
	g := addGoldFlags(fs, "docs/counts.md", "list each missed and each false count with its sentence")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	arts, err := readFile(*g.gold, counts.Read)
	if err != nil {
		return err
	}
	p, err := g.coding.pipeline()
	if err != nil {
		return err
	}
	corpus := counts.NewCorpus(*g.shared)
	res := counts.NewResult()
	for i := range arts {
		a := &arts[i]
		text, err := corpus.Text(a)
		if err != nil {
			return err
		}
		out, err := p.Code(ctx, goldDocument(a.Key, a.Title, a.Published, text))
		if err != nil {
			return fmt.Errorf("%s: %w", a.Key, err)
		}
		res.Add(a, text, out.Counts)
	}
	printCountScores(env.Stdout, res, *g.showMisses)
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
