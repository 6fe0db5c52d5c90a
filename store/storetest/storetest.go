// Package storetest is the conformance suite every store.Store backend
// must pass: idempotent saves, atomic transactions, folding counts, each
// filter, pagination cursors and concurrent writers.
//
// A backend's test calls Run with a function that opens a fresh, empty
// store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, opt store.Options) store.Store { ... })
//	}
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Opener opens a fresh, empty store with opt; the test owns it and closes
// it through t.Cleanup or by calling Close.
type Opener func(t *testing.T, opt store.Options) store.Store

// Clock is the fixed DATEADDED time of the suite's saves.
var Clock = time.Date(2020, 1, 25, 12, 0, 0, 0, time.UTC)

func options(window int) store.Options {
	return store.Options{FoldWindowDays: window, Now: func() time.Time { return Clock }}
}

// Run runs the whole suite against the stores open makes.
func Run(t *testing.T, open Opener) {
	t.Run("SaveAndRead", func(t *testing.T) { testSaveAndRead(t, open) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open) })
	t.Run("Atomic", func(t *testing.T) { testAtomic(t, open) })
	t.Run("BadInput", func(t *testing.T) { testBadInput(t, open) })
	t.Run("HasDocument", func(t *testing.T) { testHasDocument(t, open) })
	t.Run("Folding", func(t *testing.T) { testFolding(t, open) })
	t.Run("Undated", func(t *testing.T) { testUndated(t, open) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, open) })
	t.Run("Pagination", func(t *testing.T) { testPagination(t, open) })
	t.Run("TextPages", func(t *testing.T) { testTextPages(t, open) })
	t.Run("Aggregates", func(t *testing.T) { testAggregates(t, open) })
	t.Run("DatePeriods", func(t *testing.T) { testDatePeriods(t, open) })
	t.Run("Counts", func(t *testing.T) { testCounts(t, open) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open) })
	t.Run("BigBatch", func(t *testing.T) { testBigBatch(t, open) })
	t.Run("Rollups", func(t *testing.T) { testRollups(t, open) })
	t.Run("DiskSize", func(t *testing.T) { testDiskSize(t, open) })
}

// testBigBatch saves a batch of 20,000 events, each its own fold base:
// more than PostgreSQL's lock table holds by default (64 locks a
// connection, some 6,400 in all), were a writer to lock each base.
func testBigBatch(t *testing.T, open Opener) {
	s := open(t, options(1))
	const docs, perDoc = 2000, 10
	items := make([]store.Item, docs)
	for i := range items {
		recs := make([]event.Record, perDoc)
		for j := range recs {
			recs[j] = Rec("2020-01-05", fmt.Sprintf("IRQ%04d", i), fmt.Sprintf("USA%02d", j), "042", "Baghdad", j)
		}
		items[i] = store.Item{Doc: Doc(fmt.Sprintf("https://big.example/%d", i), "big", "", "2020-01-05"), Records: recs}
	}
	if _, err := s.SaveBatch(ctx(t), items); err != nil {
		t.Fatalf("save %d documents of %d records: %v", docs, perDoc, err)
	}
	if st := stats(t, s); st.Events != docs*perDoc || st.Mentions != docs*perDoc {
		t.Errorf("stats %+v, want %d events and mentions", st, docs*perDoc)
	}
}

// testDiskSize checks that the size on disk, where a backend reports it,
// grows as events are saved.
func testDiskSize(t *testing.T, open Opener) {
	s, ok := open(t, options(0)).(interface {
		DiskSize(context.Context) (int64, error)
	})
	if !ok {
		t.Skip("the store does not report its size on disk")
	}
	before, err := s.DiskSize(t.Context())
	if err != nil || before <= 0 {
		t.Fatalf("empty store: %d bytes, %v", before, err)
	}
	Populate(t, s.(store.Store), 2000)
	if after, err := s.DiskSize(t.Context()); err != nil || after <= before {
		t.Errorf("after 2000 events: %d bytes (%v), before %d", after, err, before)
	}
}

// Doc makes a document; its text is unique to url unless text is given.
func Doc(url, source, text string, published string) *event.Document {
	if text == "" {
		text = "Article at " + url + ". Its sentences report events."
	}
	d := &event.Document{URL: url, Source: source, Title: "Title of " + url, Text: text}
	if published != "" {
		d.Published, _ = time.Parse("2006-01-02", published)
	}
	return d
}

// Rec makes a record: date, source and target actor codes, CAMEO code,
// place name ("" for none) and sentence index.
func Rec(date, src, tgt, code, place string, sentence int) event.Record {
	r := event.Record{
		ID:       fmt.Sprintf("e-%s-%s-%s-%s-%d", date, src, tgt, code, sentence),
		Date:     date,
		Sentence: event.SentenceRef{Index: sentence, Start: sentence * 10, End: sentence*10 + 9, Text: fmt.Sprintf("Sentence %d says %s met %s.", sentence, src, tgt)},
		Code:     code,
		Root:     cameo.Root(code),
		Mode:     event.Asserted,
		Evidence: event.Evidence{Verb: "met", Rule: "test", Start: sentence*10 + 2, End: sentence*10 + 5},
	}
	if c, ok := cameo.Lookup(code); ok {
		r.QuadClass, r.Goldstein, r.Plover = c.QuadClass, c.Goldstein, c.Plover
	}
	if src != "" {
		r.Source = &event.Actor{Text: src, Code: src, Country: src[:3], Start: sentence * 10, End: sentence*10 + 1}
	}
	if tgt != "" {
		r.Target = &event.Actor{Text: tgt, Code: tgt, Country: tgt[:3], Start: sentence*10 + 6, End: sentence*10 + 8}
	}
	if p, ok := places[place]; ok {
		r.Location = &p
	}
	return r
}

var places = map[string]event.Location{
	"Baghdad": {Name: "Baghdad", Country: "IRQ", Admin1: "Baghdad", Lat: 33.34, Lon: 44.40, GazetteerID: "geonames:98182"},
	"Basra":   {Name: "Basra", Country: "IRQ", Admin1: "Basra", Lat: 30.51, Lon: 47.78, GazetteerID: "geonames:99532"},
	"Paris":   {Name: "Paris", Country: "FRA", Admin1: "Ile-de-France", Lat: 48.85, Lon: 2.35, GazetteerID: "geonames:2988507"},
}

func ctx(t *testing.T) context.Context { return t.Context() }

func save(t *testing.T, s store.Store, d *event.Document, recs ...event.Record) store.SaveResult {
	t.Helper()
	res, err := s.SaveDocument(ctx(t), d, recs)
	if err != nil {
		t.Fatalf("SaveDocument(%s): %v", d.URL, err)
	}
	return res
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(ctx(t))
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func allEvents(t *testing.T, s store.Store, f store.Filter) []store.Event {
	t.Helper()
	var out []store.Event
	for ev, err := range s.AllEvents(ctx(t), f) {
		if err != nil {
			t.Fatalf("AllEvents: %v", err)
		}
		out = append(out, ev)
	}
	return out
}

func testSaveAndRead(t *testing.T, open Opener) {
	s := open(t, options(0))
	d := Doc("https://news.example/a", "Example News", "", "2020-01-24")
	d.Author = "A. Writer"
	recs := []event.Record{
		Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
		Rec("2020-01-05", "IRQGOV", "USA", "0311", "", 4),
	}
	recs[1].Quote = &event.Quote{Speaker: "the minister", Text: "We will talk."}
	recs[1].Mode = event.Reported
	res := save(t, s, d, recs...)
	want := store.SaveResult{DocumentID: event.DocumentID(d.Text), Mentions: 2, NewEvents: 2}
	if res != want {
		t.Fatalf("SaveDocument = %+v, want %+v", res, want)
	}
	if got := stats(t, s); got != (store.Stats{Documents: 1, Events: 2, Mentions: 2}) {
		t.Fatalf("Stats = %+v", got)
	}
	doc, err := s.Document(ctx(t), res.DocumentID)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	if doc.Text != d.Text || doc.URL != d.URL || doc.Author != d.Author || doc.Source != d.Source ||
		!doc.Published.Equal(d.Published) || !doc.Added.Equal(Clock) || doc.Hash != event.ContentHash(d.Text) {
		t.Errorf("Document = %+v, want the saved fields of %+v", doc, d)
	}
	if len(doc.Mentions) != 2 {
		t.Fatalf("Document has %d mentions, want 2", len(doc.Mentions))
	}
	m := doc.Mentions[1]
	if m.SentenceIndex != 4 || m.SentenceStart != 40 || m.SentenceEnd != 49 || m.SourceStart != 40 || m.TargetStart != 46 ||
		m.VerbStart != 42 || m.VerbEnd != 45 || m.Mode != event.Reported || m.Quote == nil || m.Quote.Speaker != "the minister" ||
		m.SourceName != "Example News" || m.URL != d.URL || m.DocLen != len(d.Text) || m.Record.ID != recs[1].ID ||
		m.Confidence != store.Confidence(&recs[1]) || !m.Added.Equal(Clock) || !m.EventAdded.Equal(Clock) {
		t.Errorf("mention = %+v", m)
	}
	if _, err := s.Document(ctx(t), "no-such-doc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(missing) error = %v, want ErrNotFound", err)
	}
	evs := allEvents(t, s, store.Filter{})
	if len(evs) != 2 {
		t.Fatalf("AllEvents gave %d events, want 2", len(evs))
	}
	ev := evs[0]
	if ev.Record.Code != "106" || ev.Record.Location == nil || ev.Record.Location.Name != "Baghdad" ||
		ev.SourceURL != d.URL || !ev.IsRootEvent || !ev.FirstSeen.Equal(Clock) || ev.Date.Format("2006-01-02") != "2020-01-05" ||
		ev.FoldKey != "IRQLEG|USAMIL|106|geonames:98182|20200105" || ev.NumMentions != 1 {
		t.Errorf("event = %+v", ev)
	}
	if evs[1].IsRootEvent {
		t.Errorf("event of sentence 4 marked as root event")
	}
	n := 0
	for m, err := range s.AllMentions(ctx(t), store.Filter{}) {
		if err != nil {
			t.Fatalf("AllMentions: %v", err)
		}
		if m.EventID != evs[n].ID {
			t.Errorf("mention %d of event %d, want %d", n, m.EventID, evs[n].ID)
		}
		n++
	}
	if n != 2 {
		t.Errorf("AllMentions gave %d, want 2", n)
	}
}

func testIdempotent(t *testing.T, open Opener) {
	s := open(t, options(0))
	d := Doc("https://news.example/a", "Example News", "", "2020-01-24")
	recs := []event.Record{Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0), Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 1)}
	first := save(t, s, d, recs...)
	before := stats(t, s)
	evBefore := allEvents(t, s, store.Filter{})
	for _, c := range []struct {
		name string
		doc  *event.Document
	}{
		{"same document", d},
		{"same text, another URL", Doc("https://mirror.example/a", "Mirror", d.Text, "")},
		{"same text, another id", &event.Document{ID: "other-id", URL: d.URL, Text: d.Text}},
	} {
		res := save(t, s, c.doc, recs...)
		if !res.Skipped || res.DocumentID != first.DocumentID || res.Mentions != 0 {
			t.Errorf("%s: SaveDocument = %+v, want skipped as %s", c.name, res, first.DocumentID)
		}
	}
	res, err := s.SaveBatch(ctx(t), []store.Item{{Doc: d, Records: recs}, {Doc: d, Records: recs}})
	if err != nil || !res[0].Skipped || !res[1].Skipped {
		t.Errorf("SaveBatch of stored documents = %+v, %v; want both skipped", res, err)
	}
	if got := stats(t, s); got != before {
		t.Errorf("after re-saving: Stats = %+v, want %+v", got, before)
	}
	if got := allEvents(t, s, store.Filter{}); !slices.EqualFunc(got, evBefore, sameCounts) {
		t.Errorf("after re-saving: events %+v, want %+v", got, evBefore)
	}
	// Two copies of a new document in one batch store it once.
	d2 := Doc("https://news.example/b", "Example News", "", "")
	res, err = s.SaveBatch(ctx(t), []store.Item{{Doc: d2, Records: recs[:1]}, {Doc: d2, Records: recs[:1]}})
	if err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	if res[0].Skipped == res[1].Skipped || res[0].DocumentID != res[1].DocumentID {
		t.Errorf("SaveBatch of a document twice = %+v, want one saved and one skipped", res)
	}
	if got := stats(t, s); got.Documents != before.Documents+1 || got.Mentions != before.Mentions+1 {
		t.Errorf("after batch with duplicate: Stats = %+v", got)
	}
}

func sameCounts(a, b store.Event) bool {
	return a.ID == b.ID && a.FoldKey == b.FoldKey && a.NumMentions == b.NumMentions &&
		a.NumSources == b.NumSources && a.NumArticles == b.NumArticles
}

func testAtomic(t *testing.T, open Opener) {
	s := open(t, options(0))
	stored := &event.Document{ID: "doc-1", URL: "https://news.example/1", Source: "A", Text: "First text."}
	save(t, s, stored, Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0))
	before := stats(t, s)
	evBefore := allEvents(t, s, store.Filter{})
	// The second item reuses a stored id with a new text: the database
	// refuses it in the middle of the transaction, after the first item's
	// rows were written (its hash sorts first), so the whole batch must
	// roll back.
	_, err := s.SaveBatch(ctx(t), []store.Item{
		{Doc: Doc("https://news.example/2", "B", "", ""), Records: []event.Record{
			Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
			Rec("2020-01-06", "FRAGOV", "DEUGOV", "040", "Paris", 1),
		}},
		{Doc: &event.Document{ID: "doc-1", URL: "https://news.example/3", Text: "Another text."}, Records: []event.Record{
			Rec("2020-01-07", "FRAGOV", "DEUGOV", "040", "Paris", 0),
		}},
	})
	if err == nil {
		t.Fatal("SaveBatch with a conflicting document id succeeded")
	}
	if !strings.Contains(err.Error(), "doc-1") {
		t.Errorf("error %q does not name the document", err)
	}
	if got := stats(t, s); got != before {
		t.Errorf("after failed batch: Stats = %+v, want %+v", got, before)
	}
	if got := allEvents(t, s, store.Filter{}); !slices.EqualFunc(got, evBefore, sameCounts) {
		t.Errorf("after failed batch: events %+v, want %+v", got, evBefore)
	}
}

func testBadInput(t *testing.T, open Opener) {
	s := open(t, options(0))
	good := Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "", 0)
	badDate := good
	badDate.Date = "5 January"
	badSentence := good
	badSentence.Sentence.Text = "bad \xff byte"
	for _, c := range []struct {
		name string
		doc  *event.Document
		rec  event.Record
		want string
	}{
		{"invalid UTF-8 text", &event.Document{URL: "file:bad.txt", Text: "caf\xe9"}, good, "file:bad.txt"},
		{"binary text", &event.Document{URL: "file:bin.dat", Text: "\x00\x01\x02"}, good, "file:bin.dat"},
		{"malformed date", Doc("file:date.txt", "", "", ""), badDate, "5 January"},
		{"invalid UTF-8 sentence", Doc("file:sent.txt", "", "", ""), badSentence, "file:sent.txt"},
	} {
		_, err := s.SaveDocument(ctx(t), c.doc, []event.Record{c.rec})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.want)
		}
	}
	if _, err := s.SaveBatch(ctx(t), []store.Item{{Doc: nil}}); err == nil {
		t.Error("SaveBatch with a nil document succeeded")
	}
	if got := stats(t, s); got != (store.Stats{}) {
		t.Errorf("after bad input: Stats = %+v, want nothing stored", got)
	}
	for _, f := range []store.Filter{{QuadClass: 7}, {SourceActor: "IRQ%"}, {BBox: &store.BoundingBox{MinLat: 10, MaxLat: 0}}} {
		if _, err := s.Events(ctx(t), f, store.Page{}); err == nil {
			t.Errorf("Events(%+v) succeeded, want an error", f)
		}
	}
	if _, err := s.Events(ctx(t), store.Filter{}, store.Page{Cursor: "garbage"}); err == nil {
		t.Error("Events with a garbage cursor succeeded")
	}
}

// article is a document with its records, for table-driven tests.
type article struct {
	doc  *event.Document
	recs []event.Record
}

func saveAll(t *testing.T, s store.Store, arts []article) {
	t.Helper()
	for _, a := range arts {
		save(t, s, a.doc, a.recs...)
	}
}

// foldSummary is an event's fold key with its counts, "key m/s/a".
func foldSummary(evs []store.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, fmt.Sprintf("%s %d/%d/%d", e.FoldKey, e.NumMentions, e.NumSources, e.NumArticles))
	}
	sort.Strings(out)
	return out
}

func testFolding(t *testing.T, open Opener) {
	march := func(date string, sentence int) event.Record {
		return Rec(date, "IRQLEG", "USAMIL", "106", "Baghdad", sentence)
	}
	// Articles without a publication date, and the key their undated
	// mentions of the march fold under.
	undated1, undated2 := Doc("https://u.example/1", "U", "", ""), Doc("https://v.example/1", "V", "", "")
	undatedKey := func(d *event.Document) string {
		r := march("", 0)
		return store.FoldKey(store.UndatedBase(store.FoldBase(&r), event.ContentHash(d.Text)), store.NoDay)
	}
	for _, c := range []struct {
		name   string
		window int
		arts   []article
		want   []string // fold key mentions/sources/articles
	}{
		{"two sentences of one article", 0, []article{
			{Doc("https://a.example/1", "A", "", ""), []event.Record{march("2020-01-05", 0), march("2020-01-05", 3)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 2/1/1"}},
		{"three articles, two outlets", 0, []article{
			{Doc("https://a.example/1", "A", "", ""), []event.Record{march("2020-01-05", 0)}},
			{Doc("https://a.example/2", "A", "", ""), []event.Record{march("2020-01-05", 2), march("2020-01-05", 5)}},
			{Doc("https://b.example/1", "B", "", ""), []event.Record{march("2020-01-05", 1)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 4/2/3"}},
		{"outlet from the URL host", 0, []article{
			{Doc("https://www.a.example/1", "", "", ""), []event.Record{march("2020-01-05", 0)}},
			{Doc("https://a.example/2", "", "", ""), []event.Record{march("2020-01-05", 0)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 2/1/2"}},
		{"other day, no window", 0, []article{
			{Doc("https://a.example/1", "A", "", ""), []event.Record{march("2020-01-05", 0)}},
			{Doc("https://b.example/1", "B", "", ""), []event.Record{march("2020-01-06", 0)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 1/1/1", "IRQLEG|USAMIL|106|geonames:98182|20200106 1/1/1"}},
		{"other day inside a two-day window", 2, []article{
			{Doc("https://a.example/1", "A", "", ""), []event.Record{march("2020-01-05", 0)}},
			{Doc("https://b.example/1", "B", "", ""), []event.Record{march("2020-01-07", 0), march("2020-01-03", 1)}},
			{Doc("https://c.example/1", "C", "", ""), []event.Record{march("2020-01-08", 0)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 3/2/2", "IRQLEG|USAMIL|106|geonames:98182|20200108 1/1/1"}},
		{"other code, target or place", 5, []article{
			{Doc("https://a.example/1", "A", "", ""), []event.Record{
				march("2020-01-05", 0),
				Rec("2020-01-05", "IRQLEG", "USAMIL", "1056", "Baghdad", 1),
				Rec("2020-01-05", "IRQLEG", "USAGOV", "106", "Baghdad", 2),
				Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Basra", 3),
				Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "", 4),
			}},
		}, []string{
			"IRQLEG|USAGOV|106|geonames:98182|20200105 1/1/1",
			"IRQLEG|USAMIL|1056|geonames:98182|20200105 1/1/1",
			"IRQLEG|USAMIL|106|geonames:98182|20200105 1/1/1",
			"IRQLEG|USAMIL|106|geonames:99532|20200105 1/1/1",
			"IRQLEG|USAMIL|106||20200105 1/1/1",
		}},
		{"undated records take the publication date", 0, []article{
			{Doc("https://a.example/1", "A", "", "2020-01-05"), []event.Record{march("", 0)}},
			{Doc("https://b.example/1", "B", "", ""), []event.Record{march("2020-01-05", 0)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 2/2/2"}},
		{"undated mentions of one article fold together", 0, []article{
			{undated1, []event.Record{march("", 0), march("", 3)}},
		}, []string{undatedKey(undated1) + " 2/1/1"}},
		{"undated articles do not fold together", 5, []article{
			{undated1, []event.Record{march("", 0)}},
			{undated2, []event.Record{march("", 0)}},
		}, []string{undatedKey(undated1) + " 1/1/1", undatedKey(undated2) + " 1/1/1"}},
		{"undated mentions do not fold into dated events", 5, []article{
			{Doc("https://a.example/1", "A", "", "2020-01-05"), []event.Record{march("", 0)}},
			{undated1, []event.Record{march("", 0)}},
			{Doc("https://c.example/1", "C", "", ""), []event.Record{march("2020-01-05", 0)}},
		}, []string{"IRQLEG|USAMIL|106|geonames:98182|20200105 2/2/2", undatedKey(undated1) + " 1/1/1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := open(t, options(c.window))
			saveAll(t, s, c.arts)
			if got := foldSummary(allEvents(t, s, store.Filter{})); !slices.Equal(got, c.want) {
				t.Errorf("events:\n got %q\nwant %q", got, c.want)
			}
			n := 0
			for _, a := range c.arts {
				n += len(a.recs)
			}
			if got := stats(t, s).Mentions; got != int64(n) {
				t.Errorf("%d mentions stored, want every one of the %d", got, n)
			}
		})
	}
}

func testHasDocument(t *testing.T, open Opener) {
	s := open(t, options(0))
	d := Doc("https://news.example/a", "Example News", "Parliament voted.\n\nTroops stayed.", "")
	has := func(text string) bool {
		t.Helper()
		ok, err := s.HasDocument(ctx(t), event.ContentHash(text))
		if err != nil {
			t.Fatalf("HasDocument: %v", err)
		}
		return ok
	}
	if has(d.Text) {
		t.Error("HasDocument in an empty store = true")
	}
	save(t, s, d, Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0))
	if !has(d.Text) || !has("Parliament voted. Troops stayed.") {
		t.Error("HasDocument of the stored text (or of it reflowed) = false")
	}
	if has("Parliament voted. Troops left.") {
		t.Error("HasDocument of another text = true")
	}
}

// testUndated stores events without a date beside dated ones and reads
// them back through every listing: they have no date, come last newest
// first, date filters leave them out and counts by day or week put them
// under the key "".
func testUndated(t *testing.T, open Opener) {
	s := open(t, options(0))
	saveAll(t, s, corpus())
	dated := stats(t, s).Events
	d := Doc("https://u.example/1", "U", "Undated article about a vote and a meeting.", "")
	save(t, s, d, Rec("", "IRQLEG", "USAMIL", "106", "Baghdad", 0), Rec("", "FRAGOV", "DEUGOV", "040", "Paris", 1))
	doc, err := s.Document(ctx(t), event.DocumentID(d.Text))
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	if !doc.Published.IsZero() {
		t.Errorf("undated document read back as published %v", doc.Published)
	}
	var all []store.Event
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > int(dated)+2 {
			t.Fatal("more pages than events")
		}
		page, err := s.Events(ctx(t), store.Filter{}, store.Page{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatalf("Events: %v", err)
		}
		all = append(all, page.Events...)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(all) != int(dated)+2 {
		t.Fatalf("pages gave %d events, want %d", len(all), dated+2)
	}
	for i, e := range all {
		if undated := i >= int(dated); e.Date.IsZero() != undated {
			t.Errorf("event %d of %d (%s) has date %v; want the undated ones last, with no date", i, len(all), e.FoldKey, e.Date)
		}
	}
	for _, f := range []store.Filter{{From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}, {To: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		if got := allEvents(t, s, f); len(got) != int(dated) {
			t.Errorf("Events(%+v) gave %d events, want the %d dated ones", f, len(got), dated)
		}
	}
	for _, g := range []store.GroupBy{store.ByDay, store.ByWeek, store.ByRoot} {
		counts, err := s.Counts(ctx(t), g, store.Filter{})
		if err != nil {
			t.Fatalf("Counts(%s): %v", g, err)
		}
		n, undated := int64(0), int64(0)
		for _, c := range counts {
			n += c.Events
			if c.Key == "" {
				undated += c.Events
			}
		}
		if n != dated+2 || g != store.ByRoot && undated != 2 {
			t.Errorf("Counts(%s) = %+v: %d events, %d under \"\"; want %d, 2 of them undated", g, counts, n, undated, dated+2)
		}
	}
}

// corpus is a small set of distinct events for filter and paging tests.
func corpus() []article {
	return []article{
		{Doc("https://a.example/1", "A", "The parliament voted to expel the troops from Baghdad.", ""), []event.Record{
			Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
			Rec("2020-01-06", "IRQGOV", "USAGOV", "0311", "Baghdad", 1),
		}},
		{Doc("https://b.example/1", "B", "Protesters marched in Basra.", ""), []event.Record{
			Rec("2020-01-10", "IRQOPP", "IRQGOV", "141", "Basra", 0),
			Rec("2020-01-12", "USAMIL", "IRQREB", "190", "Basra", 1),
		}},
		{Doc("https://c.example/1", "C", "France and Germany met in Paris.", ""), []event.Record{
			Rec("2020-02-01", "FRAGOV", "DEUGOV", "040", "Paris", 0),
			Rec("2020-02-03", "FRAGOV", "IRQGOV", "070", "", 1),
			Rec("2020-02-04", "DEUGOV", "", "051", "Paris", 2),
		}},
	}
}

func testFilters(t *testing.T, open Opener) {
	s := open(t, options(0))
	arts := corpus()
	arts[2].recs[1].Mode = event.Future
	saveAll(t, s, arts)
	day := func(d string) time.Time { t, _ := time.Parse("2006-01-02", d); return t }
	for _, c := range []struct {
		name string
		f    store.Filter
		want []string // event codes, newest first
	}{
		{"none", store.Filter{}, []string{"051", "070", "040", "190", "141", "0311", "106"}},
		{"from", store.Filter{From: day("2020-01-12")}, []string{"051", "070", "040", "190"}},
		{"to", store.Filter{To: day("2020-01-06")}, []string{"0311", "106"}},
		{"from and to", store.Filter{From: day("2020-01-06"), To: day("2020-02-01")}, []string{"040", "190", "141", "0311"}},
		{"source actor prefix", store.Filter{SourceActor: "IRQ"}, []string{"141", "0311", "106"}},
		{"source actor exact", store.Filter{SourceActor: "IRQGOV"}, []string{"0311"}},
		{"target actor", store.Filter{TargetActor: "IRQGOV"}, []string{"070", "141"}},
		{"either actor", store.Filter{Actor: "USA"}, []string{"190", "0311", "106"}},
		{"code root", store.Filter{Code: "03"}, []string{"0311"}},
		{"code", store.Filter{Code: "106"}, []string{"106"}},
		{"quad class", store.Filter{QuadClass: 1}, []string{"051", "040", "0311"}},
		{"plover", store.Filter{Plover: "PROTEST"}, []string{"141"}},
		{"mode", store.Filter{Mode: event.Future}, []string{"070"}},
		{"country", store.Filter{Country: "FRA"}, []string{"051", "040"}},
		{"place", store.Filter{Place: "Basra"}, []string{"190", "141"}},
		{"bounding box", store.Filter{BBox: &store.BoundingBox{MinLat: 30, MinLon: 40, MaxLat: 34, MaxLon: 45}}, []string{"0311", "106"}},
		{"text", store.Filter{Text: "usamil"}, []string{"190", "106"}},
		{"text, all words", store.Filter{Text: "IRQOPP IRQGOV"}, []string{"141"}},
		{"text, no match", store.Filter{Text: "volcano"}, nil},
		{"document", store.Filter{DocumentID: event.DocumentID(arts[1].doc.Text)}, []string{"190", "141"}},
		{"two filters", store.Filter{Country: "IRQ", QuadClass: 3}, []string{"141", "106"}},
		{"three filters", store.Filter{SourceActor: "IRQ", Code: "1", From: day("2020-01-01")}, []string{"141", "106"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			page, err := s.Events(ctx(t), c.f, store.Page{})
			if err != nil {
				t.Fatalf("Events: %v", err)
			}
			var got []string
			for _, e := range page.Events {
				got = append(got, e.Record.Code)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Events = %q, want %q", got, c.want)
			}
			if page.Next != "" {
				t.Errorf("Next = %q on the only page", page.Next)
			}
			ms, err := s.Mentions(ctx(t), c.f, store.Page{})
			if err != nil {
				t.Fatalf("Mentions: %v", err)
			}
			if len(ms.Mentions) != len(c.want) {
				t.Errorf("Mentions gave %d, want %d (one per event)", len(ms.Mentions), len(c.want))
			}
		})
	}
}

// testTextPages pages through listings by words that most sentences
// hold, that one holds, and that none does, alone and with another
// filter: a store may read a common word's events in order and look up
// each (SQLite) and a rare word's from its matches, and both must list
// the same events as the filter selects, newest first.
func testTextPages(t *testing.T, open Opener) {
	s := open(t, options(0))
	var recs []event.Record
	for i := range 40 {
		src := "IRQGOV" // in 30 of the 40 sentences
		if i%4 == 3 {
			src = "FRAGOV"
		}
		if i == 17 {
			src = "DEUGOV" // in one
		}
		place := "Baghdad"
		if i%3 == 0 {
			place = "Paris"
		}
		code := []string{"010", "020", "030", "040", "042", "043", "051", "057", "070", "106"}[i%10]
		recs = append(recs, Rec(fmt.Sprintf("2020-01-%02d", 1+i%28), src, "USAGOV", code, place, i))
	}
	save(t, s, Doc("https://a.example/1", "A", "", ""), recs...)
	for _, f := range []store.Filter{
		{Text: "irqgov"}, {Text: "deugov"}, {Text: "volcano"}, {Text: "irqgov usagov", Country: "FRA"}, {Text: "fragov", From: time.Date(2020, 1, 10, 0, 0, 0, 0, time.UTC)},
	} {
		var want []int64 // ids of the events f selects, newest first
		var all []store.Event
		for e, err := range s.AllEvents(ctx(t), store.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, e)
		}
		slices.SortFunc(all, func(a, b store.Event) int {
			if c := b.Date.Compare(a.Date); c != 0 {
				return c
			}
			return int(b.ID - a.ID)
		})
		for _, e := range all {
			words := strings.Fields(strings.ToLower(strings.Trim(e.Record.Sentence.Text, ".")))
			ok := true
			for _, w := range strings.Fields(f.Text) {
				ok = ok && slices.Contains(words, w)
			}
			if ok && (f.Country == "" || e.Record.Location != nil && e.Record.Location.Country == f.Country) && !e.Date.Before(f.From) {
				want = append(want, e.ID)
			}
		}
		for _, limit := range []int{3, 50} {
			var got []int64
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 40 {
					t.Fatalf("%+v limit %d: more pages than events", f, limit)
				}
				page, err := s.Events(ctx(t), f, store.Page{Limit: limit, Cursor: cursor})
				if err != nil {
					t.Fatalf("Events(%+v): %v", f, err)
				}
				for _, e := range page.Events {
					got = append(got, e.ID)
				}
				if cursor = page.Next; cursor == "" {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Events(%+v), limit %d: ids %v, want %v", f, limit, got, want)
			}
		}
	}
}

func testPagination(t *testing.T, open Opener) {
	s := open(t, options(0))
	// Several events share a day, so the cursor must order by id within it.
	var recs []event.Record
	for i := range 11 {
		recs = append(recs, Rec(fmt.Sprintf("2020-01-%02d", 1+i/3), "IRQGOV", "USAGOV", fmt.Sprintf("%03d", 10+i), "", i))
	}
	save(t, s, Doc("https://a.example/1", "A", "", ""), recs...)
	for _, limit := range []int{1, 3, 4, 11, 20} {
		var got []int64
		var days []time.Time
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 11 {
				t.Fatalf("limit %d: more pages than events", limit)
			}
			page, err := s.Events(ctx(t), store.Filter{}, store.Page{Limit: limit, Cursor: cursor})
			if err != nil {
				t.Fatalf("Events: %v", err)
			}
			if len(page.Events) > limit {
				t.Fatalf("limit %d: page of %d", limit, len(page.Events))
			}
			for _, e := range page.Events {
				got = append(got, e.ID)
				days = append(days, e.Date)
			}
			if page.Next == "" {
				break
			}
			cursor = page.Next
		}
		if len(got) != 11 || len(slices.Compact(slices.Sorted(slices.Values(got)))) != 11 {
			t.Errorf("limit %d: pages gave ids %v, want 11 distinct", limit, got)
		}
		for i := 1; i < len(days); i++ {
			if days[i].After(days[i-1]) || days[i].Equal(days[i-1]) && got[i] > got[i-1] {
				t.Errorf("limit %d: not newest first at %d: %v", limit, i, got)
			}
		}
	}
	// Either actor: events matching on both sides appear once, in order.
	both := open(t, options(0))
	saveAll(t, both, corpus())
	var codes []string
	cursor := ""
	for pages := 0; pages < 10; pages++ {
		page, err := both.Events(ctx(t), store.Filter{Actor: "IRQ"}, store.Page{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatalf("Events: %v", err)
		}
		for _, e := range page.Events {
			codes = append(codes, e.Record.Code)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if want := []string{"070", "190", "141", "0311", "106"}; !slices.Equal(codes, want) {
		t.Errorf("either-actor pages gave %q, want %q", codes, want)
	}
	var mids []int64
	cursor = ""
	for {
		page, err := s.Mentions(ctx(t), store.Filter{}, store.Page{Limit: 4, Cursor: cursor})
		if err != nil {
			t.Fatalf("Mentions: %v", err)
		}
		for _, m := range page.Mentions {
			mids = append(mids, m.ID)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(mids) != 11 || !slices.IsSorted(mids) || len(slices.Compact(slices.Clone(mids))) != 11 {
		t.Errorf("mention pages gave %v, want 11 increasing ids", mids)
	}
}

func testAggregates(t *testing.T, open Opener) {
	s := open(t, options(0))
	arts := corpus()
	// A second report of the Basra protest adds a mention, not an event.
	arts = append(arts, article{Doc("https://d.example/1", "D", "", ""), []event.Record{Rec("2020-01-10", "IRQOPP", "IRQGOV", "141", "Basra", 0)}})
	saveAll(t, s, arts)
	summarize := func(cs []store.Count) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s:%d/%d", c.Key, c.Events, c.Mentions))
		}
		return out
	}
	for _, c := range []struct {
		g    store.GroupBy
		f    store.Filter
		want []string
	}{
		{store.ByDay, store.Filter{Country: "IRQ"}, []string{"2020-01-05:1/1", "2020-01-06:1/1", "2020-01-10:1/2", "2020-01-12:1/1"}},
		{store.ByWeek, store.Filter{}, []string{"2019-12-30:1/1", "2020-01-06:3/4", "2020-01-27:1/1", "2020-02-03:2/2"}},
		{store.ByRoot, store.Filter{}, []string{"03:1/1", "04:1/1", "05:1/1", "07:1/1", "10:1/1", "14:1/2", "19:1/1"}},
		{store.ByQuadClass, store.Filter{}, []string{"1:3/3", "2:1/1", "3:2/3", "4:1/1"}},
		{store.ByCountry, store.Filter{}, []string{"IRQ:4/5", "FRA:2/2", ":1/1"}},
		{store.ByActor, store.Filter{Country: "IRQ"}, []string{"IRQGOV:1/1", "IRQLEG:1/1", "IRQOPP:1/2", "USAMIL:1/1"}},
	} {
		got, err := s.Counts(ctx(t), c.g, c.f)
		if err != nil {
			t.Fatalf("Counts(%s): %v", c.g, err)
		}
		if g := summarize(got); !slices.Equal(g, c.want) {
			t.Errorf("Counts(%s) = %q, want %q", c.g, g, c.want)
		}
	}
	if _, err := s.Counts(ctx(t), "colour", store.Filter{}); err == nil {
		t.Error("Counts by an unknown key succeeded")
	}
	edges, err := s.ActorNetwork(ctx(t), store.Filter{Actor: "IRQ"})
	if err != nil {
		t.Fatalf("ActorNetwork: %v", err)
	}
	var got []string
	for _, e := range edges {
		got = append(got, fmt.Sprintf("%s>%s:%d/%d c%d x%d %.1f", e.Source, e.Target, e.Events, e.Mentions, e.Cooperation, e.Conflict, e.Goldstein))
	}
	want := []string{"FRAGOV>IRQGOV:1/1 c1 x0 7.0", "IRQGOV>USAGOV:1/1 c1 x0 5.2", "IRQLEG>USAMIL:1/1 c0 x1 -5.0", "IRQOPP>IRQGOV:1/2 c0 x1 -6.5", "USAMIL>IRQREB:1/1 c0 x1 -10.0"}
	if !slices.Equal(got, want) {
		t.Errorf("ActorNetwork = %q, want %q", got, want)
	}
	places, err := s.Places(ctx(t), store.Filter{})
	if err != nil {
		t.Fatalf("Places: %v", err)
	}
	got = nil
	for _, p := range places {
		got = append(got, fmt.Sprintf("%s/%s %.2f,%.2f %s:%d/%d", p.Name, p.Country, p.Lat, p.Lon, p.GazetteerID, p.Events, p.Mentions))
	}
	want = []string{"Baghdad/IRQ 33.34,44.40 geonames:98182:2/2", "Basra/IRQ 30.51,47.78 geonames:99532:2/3", "Paris/FRA 48.85,2.35 geonames:2988507:2/2"}
	if !slices.Equal(got, want) {
		t.Errorf("Places = %q, want %q", got, want)
	}
}

// SavePeriods saves events dated at every precision, among them a year
// and a month written in full as records made before dates were
// shortened; CheckPeriods checks what a store gives back of them. A
// backend's migration test saves them, undoes its schema's date periods
// and checks them again once the store is reopened.
func SavePeriods(t *testing.T, s store.Store) {
	t.Helper()
	at := func(r event.Record, prec string, background bool) event.Record {
		r.DatePrecision, r.Background = prec, background
		return r
	}
	save(t, s, Doc("https://h.example/1", "H", "", "2020-01-24"),
		at(Rec("1933", "DEUGOV", "DEUOPP", "173", "", 0), "year", true),
		at(Rec("2019-03-01", "IRQOPP", "IRQGOV", "141", "Basra", 1), "month", true), // a month written in full
		at(Rec("2020-01-06", "IRQGOV", "USAGOV", "040", "", 2), "week", false),
		at(Rec("2020-01-01", "IRQGOV", "USAGOV", "040", "", 3), "day", false),
		at(Rec("2020-01-24", "IRQGOV", "USAGOV", "010", "", 4), "publication", false),
	)
	save(t, s, Doc("https://h.example/2", "I", "", "2020-01-25"),
		at(Rec("1933-01-01", "DEUGOV", "DEUOPP", "173", "", 0), "year", true), // the same year, written in full: folds
	)
}

// CheckPeriods checks the events of SavePeriods.
func CheckPeriods(t *testing.T, s store.Store) {
	t.Helper()
	periods := func(f store.Filter) []string {
		var out []string
		for _, e := range allEvents(t, s, f) {
			out = append(out, fmt.Sprintf("%s..%s/%d", e.Date.Format("2006-01-02"), e.Last.Format("2006-01-02"), e.NumMentions))
		}
		slices.Sort(out)
		return out
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	yes, no := true, false
	for _, c := range []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all", store.Filter{}, []string{"1933-01-01..1933-12-31/2", "2019-03-01..2019-03-31/1",
			"2020-01-01..2020-01-01/1", "2020-01-06..2020-01-12/1", "2020-01-24..2020-01-24/1"}},
		{"a year holds its year", store.Filter{From: day("1933-01-01"), To: day("1933-12-31")}, []string{"1933-01-01..1933-12-31/2"}},
		{"a year is not in its January", store.Filter{From: day("1933-01-01"), To: day("1933-01-31")}, nil},
		{"a month is not in its first week", store.Filter{To: day("2019-03-07")}, []string{"1933-01-01..1933-12-31/2"}},
		{"a week lies in January", store.Filter{From: day("2020-01-01"), To: day("2020-01-31")}, []string{"2020-01-01..2020-01-01/1", "2020-01-06..2020-01-12/1", "2020-01-24..2020-01-24/1"}},
		{"a week is not in its Monday", store.Filter{From: day("2020-01-06"), To: day("2020-01-06")}, nil},
		{"background", store.Filter{Background: &yes}, []string{"1933-01-01..1933-12-31/2", "2019-03-01..2019-03-31/1"}},
		{"not background", store.Filter{Background: &no}, []string{"2020-01-01..2020-01-01/1", "2020-01-06..2020-01-12/1", "2020-01-24..2020-01-24/1"}},
	} {
		if got := periods(c.f); !slices.Equal(got, c.want) {
			t.Errorf("%s: events %q, want %q", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		g    store.GroupBy
		want []string
	}{
		{store.ByDay, []string{"1933:1", "2019-03:1", "2020-01-01:1", "2020-01-06/2020-01-12:1", "2020-01-24:1"}},
		{store.ByWeek, []string{"1933:1", "2019-03:1", "2019-12-30:1", "2020-01-06:1", "2020-01-20:1"}},
	} {
		counts, err := s.Counts(ctx(t), c.g, store.Filter{})
		if err != nil {
			t.Fatalf("Counts(%s): %v", c.g, err)
		}
		var got []string
		for _, k := range counts {
			got = append(got, fmt.Sprintf("%s:%d", k.Key, k.Events))
			if wantPeriod := len(k.Key) != 10; wantPeriod == k.First.IsZero() ||
				k.Key == "1933" && (k.First.Format("2006-01-02") != "1933-01-01" || k.Last.Format("2006-01-02") != "1933-12-31") {
				t.Errorf("Counts(%s): key %s has the period %v..%v", c.g, k.Key, k.First, k.Last)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("Counts(%s) = %q, want %q: a period longer than a bin under its own key", c.g, got, c.want)
		}
	}
}

func testDatePeriods(t *testing.T, open Opener) {
	s := open(t, options(0))
	SavePeriods(t, s)
	CheckPeriods(t, s)
	// The 1 January of the year: another event, counted on its day.
	jan1 := Rec("1933-01-01", "DEUGOV", "DEUOPP", "173", "", 0)
	jan1.DatePrecision = "day"
	if res := save(t, s, Doc("https://h.example/3", "J", "", "2020-01-25"), jan1); res.NewEvents != 1 {
		t.Errorf("a day of a year-precision event's year folded into it: %+v", res)
	}
	jan, err := s.Counts(ctx(t), store.ByDay, store.Filter{From: time.Date(1933, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(1933, 1, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(jan) != 1 || jan[0].Key != "1933-01-01" || jan[0].Events != 1 {
		t.Errorf("Counts by day in January 1933: %+v, %v; want the day's one event", jan, err)
	}
}

func testConcurrent(t *testing.T, open Opener) {
	// Twenty articles from four outlets report overlapping events; saved
	// by eight goroutines at once (each document twice), the store must end
	// up as if they were saved one by one.
	var arts []article
	for i := range 20 {
		var recs []event.Record
		for j := range 4 {
			k := (i + j) % 6
			recs = append(recs, Rec(fmt.Sprintf("2020-03-%02d", 1+k), "IRQGOV", fmt.Sprintf("USA%03d", k%3), "040", "Baghdad", j))
		}
		arts = append(arts, article{Doc(fmt.Sprintf("https://o%d.example/%d", i%4, i), fmt.Sprintf("outlet %d", i%4), "", ""), recs})
	}
	serial := open(t, options(1))
	saveAll(t, serial, arts)
	want := foldSummary(allEvents(t, serial, store.Filter{}))

	conc := open(t, options(1))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Go(func() {
			for i := range arts {
				a := arts[(i+w*5)%len(arts)]
				if w%2 == 0 {
					_, err := conc.SaveDocument(t.Context(), a.doc, a.recs)
					if err != nil {
						errs <- err
						return
					}
					continue
				}
				b := arts[(i+w*5+1)%len(arts)]
				if _, err := conc.SaveBatch(t.Context(), []store.Item{{Doc: a.doc, Records: a.recs}, {Doc: b.doc, Records: b.recs}}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent save: %v", err)
	}
	if got := foldSummary(allEvents(t, conc, store.Filter{})); !slices.Equal(got, want) {
		t.Errorf("concurrent saves gave events\n%q\nserial saves\n%q", got, want)
	}
	if got, want := stats(t, conc), stats(t, serial); got != want {
		t.Errorf("concurrent Stats = %+v, serial %+v", got, want)
	}
}
