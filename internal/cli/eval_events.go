package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/annals/annals/eval/corpus"
	"github.com/annals/annals/eval/events"
	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
	"github.com/annals/annals/pipeline"
)

// evalEvents runs "annals eval events": annals' whole pipeline on
// hand-coded news articles (docs/codebook.md), scored at article level.
func evalEvents(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval events", Usage: "--gold FILE [--shared DIR] [--show-misses]",
		Short: "score annals on hand-coded news articles whose texts are in the shared folder"}
	fs := newFlags(env, c)
	g := addGoldFlags(fs, "docs/codebook.md", "list each missed and each false event with its likeliest cause")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	arts, err := readFile(*g.gold, events.Read)
	if err != nil {
		return err
	}
	p, err := g.coding.pipeline()
	if err != nil {
		return err
	}
	p = p.WithSentences()
	texts := corpus.New(*g.shared)
	res := events.NewResult()
	for i := range arts {
		a := &arts[i]
		text, err := texts.Text(a.Ref)
		if err != nil {
			return err
		}
		doc := goldDocument(a.Key, a.Title, a.Published, text)
		date := 0
		if t := doc.Published; !t.IsZero() {
			date = t.Year()*10000 + int(t.Month())*100 + t.Day()
		}
		out, err := p.Code(ctx, doc)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Key, err)
		}
		res.Add(a, text, &events.Coded{Records: out.Records, Sentences: out.Sentences,
			Explain: func(s *event.Sentence) pipeline.Explanation { return p.Explain(s, date) }})
	}
	printEvents(env.Stdout, res, *g.showMisses)
	return nil
}

// printEvents prints the misses (when asked), the cause counts, the table
// by root and the last line of figures.
func printEvents(w io.Writer, res *events.Result, showMisses bool) {
	if showMisses {
		for _, m := range res.Misses {
			g := m.Gold
			fmt.Fprintf(w, "MISS [%s] %s: %s %s %s %q\n  in: %s\n", m.Cause, m.Article,
				strings.Join(g.Source, "|"), strings.Join(g.Root, "|"), strings.Join(g.Target, "|"), g.Evidence, m.Sentence)
		}
		for _, m := range res.False {
			r := m.Record
			fmt.Fprintf(w, "FALSE [%s] %s: %s %s %s (%s)\n  in: %s\n", m.Cause, m.Article,
				actorCode(r.Source), r.Code, actorCode(r.Target), r.Evidence.Verb, m.Sentence)
		}
		for _, m := range res.WrongDates {
			r := m.Record
			fmt.Fprintf(w, "DATE %s: gold %s, coded %q (%s) for %s %s %s (%s)\n  in: %s\n", m.Article, m.Gold.Date,
				r.Date, r.DatePrecision, actorCode(r.Source), r.Code, actorCode(r.Target), r.Evidence.Verb, m.Sentence)
		}
		for _, m := range res.Misplaced {
			got := "none"
			if l := m.Record.Location; l != nil {
				got = fmt.Sprintf("%s (%s)", l.Name, l.Country)
			}
			fmt.Fprintf(w, "PLACE [%s] %s: %s %s %s (%s) gold %s (%s), annals %s\n  in: %s\n", m.Cause, m.Article,
				actorCode(m.Record.Source), m.Record.Code, actorCode(m.Record.Target), m.Record.Evidence.Verb,
				m.Gold.Place.Name, m.Gold.Place.Country, got, m.Sentence)
		}
	}
	printCauses(w, "misses", res.Misses)
	printCauses(w, "false events", res.False)
	fmt.Fprintf(w, "%-5s %6s %6s %9s %7s\n", "root", "gold", "coded", "precision", "recall")
	for _, root := range slices.Sorted(maps.Keys(res.ByRoot)) {
		s := res.ByRoot[root]
		fmt.Fprintf(w, "%-5s %6d %6d %9.3f %7.3f\n", root, s.Gold, s.Coded, s.Precision(), s.Recall())
	}
	fmt.Fprintf(w, "articles=%d events=%d recall=%.3f precision=%.3f f1=%.3f dates=%.3f places=%.3f\n",
		res.Articles, res.Events.Want, res.Events.Recall(), res.Events.Precision(), res.Events.F1(),
		score.Ratio(res.Dates, res.Dated), score.Ratio(res.Places, res.Sited))
}

func printCauses(w io.Writer, what string, ms []events.Miss) {
	n := map[string]int{}
	for _, m := range ms {
		n[m.Cause]++
	}
	causes := slices.SortedFunc(maps.Keys(n), func(a, b string) int { return n[b] - n[a] })
	fmt.Fprintf(w, "%s: %d\n", what, len(ms))
	for _, c := range causes {
		fmt.Fprintf(w, "  %4d  %s\n", n[c], c)
	}
}
