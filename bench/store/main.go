// Command store is annals' scale benchmark of the event store: it fills
// a store with synthetic events whose skew is news-like (a few countries
// get most events, days have bursts), then measures what the API asks of
// it: event listings with concurrent clients, the timeline, the map and
// the actor network unfiltered and filtered by country (from the rollups
// and, for comparison, from the events), full-text search, and the disk
// the store takes per million events.
//
//	go run ./bench/store -events 1000000 -db /tmp/bench.db
//	go run ./bench/store -events 1000000 -postgres postgres://postgres@127.0.0.1:5432/bench
//
// A store that already holds the events is measured without filling it
// again. The report is Markdown, for docs/benchmarks.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/postgres"
	"github.com/annals/annals/store/sqlite"
)

func main() {
	n := flag.Int("events", 1_000_000, "synthetic `events` to store (records; about one in eight folds into another)")
	dbPath := flag.String("db", "bench-store.db", "SQLite database `file`")
	dsn := flag.String("postgres", "", "PostgreSQL `DSN` instead of SQLite (a database of its own: its size is reported)")
	clients := flag.Int("clients", 8, "concurrent `clients` of the listing")
	lists := flag.Int("lists", 800, "listing `requests` in all")
	views := flag.Int("views", 20, "`runs` of each view from the rollups and of each full-text search (0: none)")
	scans := flag.Int("scans", 3, "`runs` of each view from the events, for comparison (0: none)")
	batch := flag.Int("batch", 2000, "`documents` of ten records each that the fill saves in one transaction")
	flag.Parse()
	if *batch < 1 {
		fmt.Fprintln(os.Stderr, "bench/store: -batch must be at least 1")
		os.Exit(2)
	}
	if err := run(context.Background(), *n, *dbPath, *dsn, *clients, *lists, *views, *scans, *batch); err != nil {
		fmt.Fprintln(os.Stderr, "bench/store:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, n int, dbPath, dsn string, clients, lists, views, scans, batch int) error {
	var s store.Store
	var err error
	backend := "sqlite"
	if dsn != "" {
		backend = "postgres"
		s, err = postgres.Open(ctx, dsn, store.Options{FoldWindowDays: 1})
	} else {
		s, err = sqlite.Open(ctx, dbPath, store.Options{FoldWindowDays: 1})
	}
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	g := newGenerator()
	if st.Mentions < int64(n) {
		if st.Mentions > 0 {
			return fmt.Errorf("the store holds %d mentions, fewer than %d: give an empty one", st.Mentions, n)
		}
		start := time.Now()
		if err := g.fill(ctx, s, n, batch); err != nil {
			return err
		}
		el := time.Since(start)
		fmt.Printf("filled %d records in %s: %.0f records/s\n", n, el.Round(time.Second), float64(n)/el.Seconds())
		// What compact does, so that the planner knows the tables.
		if _, err := s.Compact(ctx, true); err != nil {
			return err
		}
		if st, err = s.Stats(ctx); err != nil {
			return err
		}
	}
	size, err := s.(interface {
		DiskSize(context.Context) (int64, error)
	}).DiskSize(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("\n%s: %d documents, %d events, %d mentions; %.0f MB, %.0f MB per million events\n\n",
		backend, st.Documents, st.Events, st.Mentions, float64(size)/1e6, float64(size)/1e6/(float64(st.Events)/1e6))

	fmt.Println("| query | answered from | runs | p50 | p99 |")
	fmt.Println("|---|---|---|---|---|")
	// The views ask what the API asks: the map its 500 busiest places and
	// the network its 100 heaviest edges (one more, to tell whether more
	// matched).
	//
	// Listings: the first page of two-filter queries from concurrent
	// clients, as the UI's event list asks.
	lat, err := concurrent(clients, lists, func(i int) error {
		_, err := s.Events(ctx, g.listFilters[i%len(g.listFilters)], store.Page{})
		return err
	})
	if err != nil {
		return err
	}
	// Each listing's share of the same run, so that a slow plan shows
	// apart from the queue of clients.
	each := make([][]time.Duration, len(g.listFilters))
	for i, d := range lat {
		each[i%len(each)] = append(each[i%len(each)], d)
	}
	row(fmt.Sprintf("event list, first page, %d clients", clients), "events", lat)
	for i, f := range g.listFilters {
		if len(each[i]) > 0 {
			row("  "+describeFilter(f), "events", each[i])
		}
	}
	top := store.Filter{Country: g.countries[0]}
	mid := store.Filter{Country: g.countries[len(g.countries)/4]}
	for _, v := range []struct {
		name string
		q    store.AggregateQuery
	}{
		{"timeline by day", store.AggregateQuery{View: store.ViewCounts, By: store.ByDay}},
		{"timeline by day, country " + top.Country + " (busiest)", store.AggregateQuery{View: store.ViewCounts, By: store.ByDay, Filter: top}},
		{"timeline by day, country " + mid.Country, store.AggregateQuery{View: store.ViewCounts, By: store.ByDay, Filter: mid}},
		{"map", store.AggregateQuery{View: store.ViewPlaces, Limit: 501}},
		{"map, country " + top.Country, store.AggregateQuery{View: store.ViewPlaces, Filter: top, Limit: 501}},
		{"network", store.AggregateQuery{View: store.ViewNetwork, Limit: 101}},
		{"network, country " + top.Country, store.AggregateQuery{View: store.ViewNetwork, Filter: top, Limit: 101}},
		{"timeline by day, text and country (bounded scan)", store.AggregateQuery{View: store.ViewCounts, By: store.ByDay,
			Filter: store.Filter{Country: top.Country, Text: "talks"}, ScanLimit: 20_000}},
	} {
		for _, fromEvents := range []bool{false, true} {
			runs := views
			if fromEvents {
				if scans == 0 || v.q.ScanLimit > 0 {
					continue
				}
				runs = scans
			}
			q := v.q
			q.FromEvents = fromEvents
			var table string
			lat, err := sequential(runs, func() error {
				a, err := s.Aggregate(ctx, q)
				table = a.Table
				if a.Partial {
					table += ", partial"
				}
				return err
			})
			if err != nil {
				return err
			}
			row(v.name, table, lat)
		}
	}
	for _, w := range []string{"talks", g.rareWord()} {
		lat, err := sequential(views, func() error {
			_, err := s.Events(ctx, store.Filter{Text: w}, store.Page{})
			return err
		})
		if err != nil {
			return err
		}
		row("full text "+w+", first page", "events", lat)
	}
	return nil
}

// row prints the median and 99th percentile of lat; nothing for no runs.
func row(name, table string, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	p := func(q float64) string {
		return fmt.Sprintf("%.1f ms", float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds())/1000)
	}
	fmt.Printf("| %s | %s | %d | %s | %s |\n", name, table, len(lat), p(0.5), p(0.99))
}

// sequential times n runs of f one after another.
func sequential(n int, f func() error) ([]time.Duration, error) {
	var lat []time.Duration
	for range n {
		t0 := time.Now()
		if err := f(); err != nil {
			return nil, err
		}
		lat = append(lat, time.Since(t0))
	}
	return lat, nil
}

// describeFilter names the fields of a listing's filter, as the report
// shows them.
func describeFilter(f store.Filter) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+" "+v)
		}
	}
	add("country", f.Country)
	add("source", f.SourceActor)
	add("target", f.TargetActor)
	add("actor", f.Actor)
	add("code", f.Code)
	add("plover", f.Plover)
	if f.QuadClass != 0 {
		add("quad", fmt.Sprint(f.QuadClass))
	}
	if !f.From.IsZero() {
		add("from", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		add("to", f.To.Format(time.DateOnly))
	}
	return strings.Join(parts, ", ")
}

// concurrent times n calls of f spread over clients goroutines; the
// latency of call i is the i-th of the answer.
func concurrent(clients, n int, f func(i int) error) ([]time.Duration, error) {
	var mu sync.Mutex
	lat := make([]time.Duration, n)
	var errs []error
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; i < n; i += clients {
				t0 := time.Now()
				err := f(i)
				d := time.Since(t0)
				mu.Lock()
				lat[i] = d
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return lat, errors.Join(errs...)
}

// generator makes news-like synthetic events, deterministically.
type generator struct {
	rng         *rand.Rand
	countries   []string
	cweights    []float64 // cumulative, Zipf-like: a few countries dominate
	days        []float64 // cumulative weights of the days: bursts
	codes       []cameo.Code
	kweights    []float64
	words       []string
	listFilters []store.Filter
}

var start = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)

const spanDays = 3 * 365

func newGenerator() *generator {
	g := &generator{rng: rand.New(rand.NewPCG(16, 10))}
	g.countries = strings.Fields(`USA IRQ SYR UKR RUS ISR PSE CHN IRN AFG PAK IND GBR FRA DEU TUR YEM EGY SAU NGA
		SDN SOM ETH KEN LBY MLI COD MMR PHL MEX COL VEN BRA ARG JPN KOR PRK TWN IDN THA VNM BGD LKA NPL KAZ
		UZB GEO ARM AZE BLR POL HUN ITA ESP GRC SRB BIH ZAF ZWE MOZ CMR TCD NER BFA SEN GHA CIV HTI CUB`)
	g.cweights = cumulative(len(g.countries), func(i int) float64 { return 1 / math.Pow(float64(i+1), 1.1) })
	// A day has a weekly rhythm and, one day in thirty, a burst of five
	// to twenty times the usual news.
	r := rand.New(rand.NewPCG(1, 1))
	g.days = cumulative(spanDays, func(d int) float64 {
		w := 1.0
		if d%7 == 5 || d%7 == 6 {
			w = 0.6
		}
		if r.IntN(30) == 0 {
			w *= 5 + 15*r.Float64()
		}
		return w
	})
	for _, c := range cameo.Codes() {
		if len(c.Code) >= 3 && c.QuadClass > 0 {
			g.codes = append(g.codes, c)
		}
	}
	g.kweights = cumulative(len(g.codes), func(i int) float64 { return 1 / math.Pow(float64(i%40+1), 0.9) })
	for i := range 5000 {
		g.words = append(g.words, fmt.Sprintf("w%04dx", i))
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	g.listFilters = []store.Filter{
		{Country: g.countries[1], QuadClass: 4},
		{SourceActor: g.countries[0], Code: "19"},
		{Code: "14", From: day("2024-06-01")},
		{Actor: g.countries[2], To: day("2022-03-01")},
		{TargetActor: g.countries[5] + "GOV", QuadClass: 1},
		{Country: g.countries[30], Code: "04"},
		{From: day("2023-05-01"), To: day("2023-05-31")},
		{Plover: "ASSAULT", Country: g.countries[3]},
		{Code: "0", SourceActor: g.countries[10]},
		{QuadClass: 2, From: day("2024-12-01")},
	}
	return g
}

func cumulative(n int, w func(int) float64) []float64 {
	c := make([]float64, n)
	sum := 0.0
	for i := range c {
		sum += w(i)
		c[i] = sum
	}
	for i := range c {
		c[i] /= sum
	}
	return c
}

func (g *generator) pick(cum []float64) int {
	i, _ := slices.BinarySearch(cum, g.rng.Float64())
	return min(i, len(cum)-1)
}

func (g *generator) rareWord() string { return g.words[len(g.words)-1] }

var roles = []string{"GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "COP", ""}

var verbs = []string{"met", "attacked", "accused", "praised", "threatened", "sanctioned", "visited", "arrested", "protested", "called for talks with"}

// record makes one synthetic record on day.
func (g *generator) record(day time.Time, sentence int) event.Record {
	src := g.countries[g.pick(g.cweights)]
	tgt := src
	if g.rng.IntN(3) > 0 {
		tgt = g.countries[g.pick(g.cweights)]
	}
	srcCode, tgtCode := src+roles[g.rng.IntN(len(roles))], tgt+roles[g.rng.IntN(len(roles))]
	where := src
	if g.rng.IntN(4) == 0 {
		where = tgt
	}
	city := g.rng.IntN(1 + g.rng.IntN(20))
	c := g.codes[g.pick(g.kweights)]
	verb := verbs[g.rng.IntN(len(verbs))]
	// Common words, a Zipf-like pick of the vocabulary, and "talks" in
	// one sentence in ten.
	text := fmt.Sprintf("Officials of %s said %s forces %s %s near %s city %d on %s, %s %s.", where, srcCode, verb, tgtCode,
		where, city, day.Format("2 January"), g.words[int(float64(len(g.words))*g.rng.Float64()*g.rng.Float64())], g.words[g.rng.IntN(len(g.words))])
	if g.rng.IntN(10) == 0 {
		text += " Both sides called for talks."
	}
	ci := 0
	for i, k := range g.countries {
		if k == where {
			ci = i
		}
	}
	return event.Record{
		ID:        fmt.Sprintf("bench-%d-%d", g.rng.Uint64(), sentence),
		Date:      day.Format(time.DateOnly),
		Sentence:  event.SentenceRef{Index: sentence, Start: sentence * 120, End: sentence*120 + len(text), Text: text},
		Source:    &event.Actor{Text: srcCode, Code: srcCode, Country: src},
		Target:    &event.Actor{Text: tgtCode, Code: tgtCode, Country: tgt},
		Code:      c.Code,
		Root:      cameo.Root(c.Code),
		QuadClass: c.QuadClass,
		Goldstein: c.Goldstein,
		Plover:    c.Plover,
		Mode:      event.Asserted,
		Evidence:  event.Evidence{Verb: verb, Rule: "bench"},
		Location: &event.Location{Name: fmt.Sprintf("%s city %d", where, city), Country: where,
			Lat: float64(ci%18)*9 - 80 + float64(city)*0.1, Lon: float64(ci/18)*45 - 170 + float64(city)*0.1,
			GazetteerID: fmt.Sprintf("bench:%s:%d", where, city)},
	}
}

// fill saves n records, ten a document, perBatch documents a transaction; one
// record in eight repeats one of its document's day from an earlier
// document, as outlets report the same happening.
func (g *generator) fill(ctx context.Context, s store.Store, n, perBatch int) error {
	const perDoc = 10
	var recent []event.Record
	docs := 0
	for done := 0; done < n; {
		items := make([]store.Item, 0, perBatch)
		for range perBatch {
			day := start.AddDate(0, 0, g.pick(g.days))
			recs := make([]event.Record, perDoc)
			for j := range recs {
				if len(recent) > 0 && g.rng.IntN(8) == 0 {
					r := recent[g.rng.IntN(len(recent))]
					r.Sentence.Index, r.ID = j, fmt.Sprintf("bench-again-%d-%d", docs, j)
					recs[j] = r
					continue
				}
				recs[j] = g.record(day, j)
			}
			recent = append(recent[max(0, len(recent)-1000):], recs...)
			items = append(items, store.Item{Doc: &event.Document{
				URL:       fmt.Sprintf("https://outlet%d.example/%d", docs%60, docs),
				Source:    fmt.Sprintf("outlet %d", docs%60),
				Published: day,
				Text:      fmt.Sprintf("Synthetic article %d.", docs),
			}, Records: recs})
			docs++
			done += perDoc
		}
		if _, err := s.SaveBatch(ctx, items); err != nil {
			return err
		}
		if done%100_000 == 0 {
			fmt.Fprintf(os.Stderr, "%d records\n", done)
		}
	}
	return nil
}
