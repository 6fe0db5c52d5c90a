package storetest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
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
		if r.IntN(3) == 0 { // a toll, which folding widens
			low := int64(r.IntN(20))
			rec.Counts = []event.Count{{Kind: store.CountKinds[r.IntN(len(store.CountKinds))], Low: low, High: low + int64(r.IntN(3)), Precision: event.About}}
		}
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
		if i%10 == 9 {
			checkAggregates(t, s, step)
		}
	}
	if err := s.RebuildRollups(ctx(t)); err != nil {
		t.Fatal(err)
	}
	verify("rebuilding")
	checkScanLimit(t, s)
}

// checkScanLimit asks for a view no rollup answers (a mode filter) with
// a bound on the events read: it counts the newest that many and says
// the answer is partial; with a bound above the matches it is whole.
func checkScanLimit(t *testing.T, s store.Store) {
	f := store.Filter{Mode: event.Asserted}
	all, err := s.Aggregate(ctx(t), store.AggregateQuery{View: store.ViewCounts, By: store.ByDay, Filter: f})
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, c := range all.Counts {
		n += c.Events
	}
	if all.Table != "events" || all.Partial || n < 10 {
		t.Fatalf("counts of %d asserted events read %s, partial %v", n, all.Table, all.Partial)
	}
	for _, c := range []struct {
		limit   int
		partial bool
		want    int64
	}{{7, true, 7}, {int(n), false, n}, {int(n) - 1, true, n - 1}} {
		got, err := s.Aggregate(ctx(t), store.AggregateQuery{View: store.ViewCounts, By: store.ByRoot, Filter: f, ScanLimit: c.limit})
		if err != nil {
			t.Fatal(err)
		}
		var m int64
		for _, c := range got.Counts {
			m += c.Events
		}
		if got.Partial != c.partial || m != c.want {
			t.Errorf("scan limit %d of %d events: counted %d, partial %v; want %d, %v", c.limit, n, m, got.Partial, c.want, c.partial)
		}
	}
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

// checkAggregates compares the views the rollups answer with the same
// views counted from the events, for filters each rollup answers, and
// checks that they were answered by a rollup.
func checkAggregates(t *testing.T, s store.Store, step string) {
	t.Helper()
	yes := true
	filters := []store.Filter{
		{},
		{From: time.Date(2020, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 3, 8, 0, 0, 0, 0, time.UTC)},
		{To: time.Date(2020, 3, 31, 0, 0, 0, 0, time.UTC)},
		{Country: "IRQ", Background: &yes},
		{Code: "1"}, {Code: "04", QuadClass: 1},
		{Actor: "USA"}, {SourceActor: "IR"}, {TargetActor: "IRQMIL"},
		{Place: "Basra"}, {BBox: &store.BoundingBox{MinLat: 30, MinLon: 40, MaxLat: 35, MaxLon: 50}},
	}
	type query struct {
		view store.View
		by   store.GroupBy
	}
	queries := []query{{store.ViewNetwork, ""}, {store.ViewPlaces, ""}}
	for _, g := range []store.GroupBy{store.ByDay, store.ByWeek, store.ByRoot, store.ByQuadClass, store.ByCountry, store.ByActor} {
		queries = append(queries, query{store.ViewCounts, g})
	}
	for _, f := range filters {
		for _, q := range queries {
			aq := store.AggregateQuery{View: q.view, By: q.by, Filter: f}
			got, err := s.Aggregate(ctx(t), aq)
			if err != nil {
				t.Fatalf("after %s: %s by %s of %+v: %v", step, q.view, q.by, f, err)
			}
			aq.FromEvents = true
			want, err := s.Aggregate(ctx(t), aq)
			if err != nil {
				t.Fatalf("after %s: %s by %s of %+v from the events: %v", step, q.view, q.by, f, err)
			}
			if want.Table != "events" || got.Partial || want.Partial {
				t.Errorf("after %s: %s by %s of %+v: read %s (partial %v) from the events", step, q.view, q.by, f, want.Table, want.Partial)
			}
			place, actor := f.Place != "" || f.BBox != nil, f.Actor != "" || f.SourceActor != "" || f.TargetActor != ""
			events := place && (q.view == store.ViewNetwork || q.by == store.ByActor) || actor && q.view == store.ViewPlaces
			if (got.Table == "events") != events {
				t.Errorf("after %s: %s by %s of %+v read %s", step, q.view, q.by, f, got.Table)
			}
			// The network the UI opens with reads a row an edge, without
			// grouping (SQLite's migration 0013, PostgreSQL's 0012).
			byActor := f
			byActor.Actor, byActor.SourceActor, byActor.TargetActor = "", "", ""
			if q.view == store.ViewNetwork && reflect.ValueOf(byActor).IsZero() && got.Table != "rollup_edge_pair" {
				t.Errorf("after %s: network of %+v read %s, want rollup_edge_pair", step, f, got.Table)
			}
			if q.view != store.ViewCounts {
				aq.FromEvents, aq.Limit = false, 2
				top, err := s.Aggregate(ctx(t), aq)
				if err != nil {
					t.Fatal(err)
				}
				first := store.Aggregate{Edges: got.Edges[:min(2, len(got.Edges))], Places: got.Places[:min(2, len(got.Places))]}
				if g, w := rounded(top), rounded(first); g != w {
					t.Errorf("after %s: %s of %+v, limit 2: %s, want the first two, %s", step, q.view, f, g, w)
				}
			}
			if g, w := rounded(got), rounded(want); g != w {
				t.Errorf("after %s: %s by %s of %+v:\n%s gave %s\nevents gave %s", step, q.view, q.by, f, got.Table, g, w)
			}
		}
		checkSeries(t, s, step, f)
	}
}

// checkSeries compares the timelines of every root and quad class counted
// in one read (AggregateQuery.Series), from a rollup and from the events,
// with a read a series, its filter narrowed to the root or quad class.
func checkSeries(t *testing.T, s store.Store, step string, f store.Filter) {
	t.Helper()
	for _, series := range []store.GroupBy{store.ByRoot, store.ByQuadClass} {
		keys, err := s.Aggregate(ctx(t), store.AggregateQuery{View: store.ViewCounts, By: series, Filter: f})
		if err != nil {
			t.Fatalf("after %s: counts by %s of %+v: %v", step, series, f, err)
		}
		for _, by := range []store.GroupBy{store.ByDay, store.ByWeek} {
			var want store.Aggregate
			for _, k := range keys.Counts {
				kf := f
				switch n, err := strconv.Atoi(k.Key); {
				case series == store.ByQuadClass && err == nil && n > 0:
					kf.QuadClass = n
				case series == store.ByRoot && k.Key != "":
					if len(f.Code) < len(k.Key) {
						kf.Code = k.Key
					}
				default:
					continue // no filter keeps only these events
				}
				one, err := s.Aggregate(ctx(t), store.AggregateQuery{View: store.ViewCounts, By: by, Filter: kf})
				if err != nil {
					t.Fatalf("after %s: counts by %s of %+v: %v", step, by, kf, err)
				}
				for _, c := range one.Counts {
					c.Series = k.Key
					want.Counts = append(want.Counts, c)
				}
			}
			for _, fromEvents := range []bool{false, true} {
				all, err := s.Aggregate(ctx(t), store.AggregateQuery{View: store.ViewCounts, By: by, Series: series, Filter: f, FromEvents: fromEvents})
				if err != nil {
					t.Fatalf("after %s: counts by %s and %s of %+v: %v", step, series, by, f, err)
				}
				var got store.Aggregate
				for _, c := range all.Counts {
					if c.Series != "" && c.Series != "0" {
						got.Counts = append(got.Counts, c)
					}
				}
				if g, w := rounded(got), rounded(want); g != w {
					t.Errorf("after %s: counts by %s and %s of %+v from %s:\n got %s\nwant %s", step, series, by, f, all.Table, g, w)
				}
			}
		}
	}
}

// rounded prints an answer with its Goldstein means rounded, since sums
// kept in another order differ in the last bits.
func rounded(a store.Aggregate) string {
	r := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
	for i := range a.Counts {
		a.Counts[i].Goldstein = r(a.Counts[i].Goldstein)
	}
	for i := range a.Edges {
		a.Edges[i].Goldstein = r(a.Edges[i].Goldstein)
	}
	return fmt.Sprintf("%v %v %v", a.Counts, a.Edges, a.Places)
}
