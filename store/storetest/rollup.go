package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// randomArticle makes an article of one to four records drawn from small
// sets of actors, codes, places and dates, so that many fold together;
// some dates are months, years or missing, some events background.
func randomArticle(r *rand.Rand, n int) article {
	actors := []string{"IRQGOV", "IRQMIL", "USAGOV", "USAMIL", "FRA", "IRQ", ""}
	codes := []string{"040", "042", "190", "193", "010", "145"}
	names := []string{"Baghdad", "Basra", "Paris", ""}
	dates := []string{"2020-03-01", "2020-03-02", "2020-03-03", "2020-03-05", "2020-03-08", "2020-03-09", "2020-03", "2020-02", "2019", ""}
	var recs []event.Record
	for k := range 1 + r.IntN(4) {
		rec := Rec(dates[r.IntN(len(dates))], actors[r.IntN(len(actors))], actors[r.IntN(len(actors))],
			codes[r.IntN(len(codes))], names[r.IntN(len(names))], k)
		if len(rec.Date) == 7 {
			rec.DatePrecision = event.PrecisionMonth
		} else if len(rec.Date) == 4 {
			rec.DatePrecision = event.PrecisionYear
		}
		rec.Background = r.IntN(5) == 0
		recs = append(recs, rec)
	}
	published := ""
	if r.IntN(3) > 0 {
		published = fmt.Sprintf("2020-03-%02d", 1+r.IntN(9))
	}
	return article{Doc(fmt.Sprintf("https://o%d.example/%d", n%3, n), fmt.Sprintf("outlet %d", n%3), "", published), recs}
}

// testRollups saves random articles, saves some again, and prunes, and
// after each step compares the rollups with a recount of the events.
func testRollups(t *testing.T, open Opener) {
	s := open(t, options(1))
	r := rand.New(rand.NewPCG(16, 2020))
	var saved []article
	verify := func(step string) {
		t.Helper()
		if err := s.VerifyRollups(ctx(t)); err != nil {
			t.Fatalf("after %s: %v", step, err)
		}
	}
	verify("opening")
	for i := range 120 {
		var step string
		switch op := r.IntN(10); {
		case op < 6: // new articles, one or a batch
			var items []store.Item
			for range 1 + r.IntN(3) {
				a := randomArticle(r, len(saved))
				saved = append(saved, a)
				items = append(items, store.Item{Doc: a.doc, Records: a.recs})
			}
			if _, err := s.SaveBatch(ctx(t), items); err != nil {
				t.Fatalf("step %d: save: %v", i, err)
			}
			step = fmt.Sprintf("step %d: saving %d articles", i, len(items))
		case op < 9 && len(saved) > 0: // saved again, alone or with a new one
			a := saved[r.IntN(len(saved))]
			items := []store.Item{{Doc: a.doc, Records: a.recs}}
			if op == 8 {
				b := randomArticle(r, len(saved))
				saved = append(saved, b)
				items = append(items, store.Item{Doc: b.doc, Records: b.recs})
			}
			if _, err := s.SaveBatch(ctx(t), items); err != nil {
				t.Fatalf("step %d: save again: %v", i, err)
			}
			step = fmt.Sprintf("step %d: saving a stored article again", i)
		default:
			before := time.Date(2020, 3, 1+r.IntN(6), 0, 0, 0, 0, time.UTC)
			pruneChecked(t, s, before)
			step = fmt.Sprintf("step %d: pruning before %s", i, before.Format(time.DateOnly))
		}
		verify(step)
	}
	if err := s.RebuildRollups(ctx(t)); err != nil {
		t.Fatal(err)
	}
	verify("rebuilding")
}

// pruneChecked prunes before the day and checks that it deleted what its
// dry run counted and that no dated event ended before it is left.
func pruneChecked(t *testing.T, s store.Store, before time.Time) {
	t.Helper()
	plan, err := s.Prune(ctx(t), before, false)
	if err != nil {
		t.Fatal(err)
	}
	was := stats(t, s)
	done, err := s.Prune(ctx(t), before, true)
	if err != nil {
		t.Fatal(err)
	}
	now := stats(t, s)
	if done != plan || was.Events-now.Events != plan.Events || was.Mentions-now.Mentions != plan.Mentions || was.Documents-now.Documents != plan.Documents {
		t.Errorf("prune before %s: planned %+v, did %+v, stats went from %+v to %+v", before.Format(time.DateOnly), plan, done, was, now)
	}
	for _, e := range allEvents(t, s, store.Filter{}) {
		if !e.Date.IsZero() && e.Last.Before(before) {
			t.Errorf("prune before %s left event %s (%s to %s)", before.Format(time.DateOnly), e.FoldKey, e.Date.Format(time.DateOnly), e.Last.Format(time.DateOnly))
		}
	}
}
