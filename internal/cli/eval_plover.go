package cli

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/annals/annals/eval/plover"
	"github.com/annals/annals/event"
)

// evalPlover runs "annals eval plover": annals' whole pipeline on the
// texts of PLOVER gold records.
func evalPlover(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval plover", Usage: "--records FILE.json [--dicts DIR] [--show-fails]",
		Short: "score annals on PLOVER gold records, coded from their raw text"}
	fs := newFlags(env, c)
	records := fs.String("records", "", "PLOVER gold records `FILE` (JSON array)")
	showFails := fs.Bool("show-fails", false, "list the records whose triples differ")
	cf := addCodingFlags(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *records == "" {
		fs.Usage()
		return ErrUsage
	}
	recs, err := readFile(*records, plover.Read)
	if err != nil {
		return err
	}
	p, err := cf.pipeline()
	if err != nil {
		return err
	}
	var res plover.Result
	for _, r := range recs {
		doc := &event.Document{ID: r.ID, Text: r.Text}
		if t, err := time.Parse("2006-01-02", r.Date); err == nil {
			doc.Published = t
		}
		out, err := p.Code(ctx, doc)
		if err != nil {
			return fmt.Errorf("record %s: %w", r.ID, err)
		}
		var found []plover.Triple
		seen := map[plover.Triple]bool{}
		for _, rec := range out.Records {
			if rec.Plover == "" || rec.Source == nil {
				continue
			}
			tr := plover.Triple{Actor: plover.Prefix(rec.Source.Code), Event: rec.Plover}
			if rec.Target != nil {
				tr.Target = plover.Prefix(rec.Target.Code)
			}
			if !seen[tr] {
				seen[tr] = true
				found = append(found, tr)
			}
		}
		gold := r.Gold()
		before := res
		res.Add(found, gold)
		if *showFails && (res.FoundOK-before.FoundOK != len(found) || res.GoldOK-before.GoldOK != len(gold)) {
			fmt.Fprintf(env.Stdout, "FAIL %s: %s\n  expected: %v\n  found:    %v\n", r.ID, r.Text, gold, found)
		}
	}
	events := make([]string, 0, len(res.ByEvent))
	for ev := range res.ByEvent {
		events = append(events, ev)
	}
	sort.Strings(events)
	fmt.Fprintf(env.Stdout, "%-12s %5s %6s %9s %7s\n", "category", "gold", "found", "precision", "recall")
	for _, ev := range events {
		c := res.ByEvent[ev]
		fmt.Fprintf(env.Stdout, "%-12s %5d %6d %9.3f %7.3f\n", ev, c.Gold, c.Found, c.Precision(), c.Recall())
	}
	fmt.Fprintf(env.Stdout, "records=%d precision=%.3f recall=%.3f f1=%.3f\n", res.Records, res.Precision(), res.Recall(), res.F1())
	return nil
}
