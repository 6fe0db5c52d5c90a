package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Bench measures how fast s saves coded documents, batch documents per
// transaction, each with ten records. Every two consecutive documents report
// the same ten events, so half the records start events and half fold into
// them. It reports records/s (mentions written) and events/s (distinct
// events created).
func Bench(b *testing.B, s store.Store, batch int) {
	tmpl := make([]event.Record, 10)
	for i := range tmpl {
		tmpl[i] = Rec("2000-01-01", fmt.Sprintf("SRC%03d", i), fmt.Sprintf("TGT%03d", i), fmt.Sprintf("%03d", 10+i*10), "Baghdad", i)
	}
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs, records, events int
	items := make([]store.Item, batch)
	for b.Loop() {
		for i := range items {
			date := start.AddDate(0, 0, docs/2).Format("2006-01-02")
			recs := make([]event.Record, len(tmpl))
			for j := range recs {
				recs[j] = tmpl[j]
				recs[j].Date = date
			}
			items[i] = store.Item{
				Doc:     &event.Document{URL: fmt.Sprintf("https://bench%d.example/%d", docs%7, docs), Source: fmt.Sprintf("outlet %d", docs%7), Text: fmt.Sprintf("Benchmark article number %d.", docs)},
				Records: recs,
			}
			docs++
		}
		res, err := s.SaveBatch(b.Context(), items)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			records += r.Mentions
			events += r.NewEvents
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(records)/sec, "records/s")
	b.ReportMetric(float64(events)/sec, "events/s")
}
