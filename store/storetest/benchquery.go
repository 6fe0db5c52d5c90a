package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Populate saves about n distinct made-up events into s: two years of
// dates, 60 countries, 240 actors, every CAMEO root, one mention each.
// It is deterministic, so runs compare.
func Populate(tb testing.TB, s store.Store, n int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	countries := make([]string, 60)
	for i := range countries {
		countries[i] = fmt.Sprintf("C%02d", i)
	}
	roles := []string{"GOV", "MIL", "REB", "OPP"}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	const perDoc, perBatch = 10, 500
	for done := 0; done < n; {
		items := make([]store.Item, 0, perBatch)
		for range perBatch {
			recs := make([]event.Record, perDoc)
			for j := range recs {
				// A skewed pick, as news is: a few countries get most events.
				src := countries[int(float64(len(countries))*rng.Float64()*rng.Float64())]
				tgt := countries[rng.IntN(len(countries))]
				r := Rec(start.AddDate(0, 0, rng.IntN(730)).Format("2006-01-02"),
					src+roles[rng.IntN(len(roles))], tgt+roles[rng.IntN(len(roles))],
					fmt.Sprintf("%02d%d", 1+rng.IntN(20), rng.IntN(10)), "", j)
				r.Location = &event.Location{Name: "City of " + src, Country: src, Lat: rng.Float64()*140 - 70, Lon: rng.Float64()*360 - 180}
				recs[j] = r
			}
			items = append(items, store.Item{Doc: &event.Document{URL: fmt.Sprintf("https://q.example/%d", done), Source: fmt.Sprintf("outlet %d", done%50), Text: fmt.Sprintf("Query benchmark article %d.", done)}, Records: recs})
			done += perDoc
		}
		if _, err := s.SaveBatch(tb.Context(), items); err != nil {
			tb.Fatal(err)
		}
	}
}

// QueryFilters are the two-filter listings BenchQueries asks for, as an
// analyst or the web UI would.
func QueryFilters() []store.Filter {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	return []store.Filter{
		{Country: "C01", QuadClass: 4},
		{SourceActor: "C00", Code: "19"},
		{Code: "14", From: day("2020-06-01")},
		{Actor: "C02", To: day("2019-03-01")},
		{TargetActor: "C30GOV", QuadClass: 1},
		{Country: "C45", Code: "04"},
		{From: day("2019-05-01"), To: day("2019-05-31")},
		{Plover: "ASSAULT", Country: "C03"},
		{Code: "0", SourceActor: "C10"},
		{QuadClass: 2, From: day("2020-12-01")},
	}
}

// BenchQueries measures the first page (50 events) of each of
// QueryFilters over the store's events, reporting the median and the 99th
// percentile latency.
func BenchQueries(b *testing.B, s store.Store) {
	filters := QueryFilters()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		f := filters[i%len(filters)]
		i++
		t0 := time.Now()
		if _, err := s.Events(b.Context(), f, store.Page{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
