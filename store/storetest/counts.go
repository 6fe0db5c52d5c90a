package storetest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// UndoCounts are the statements that take a database back to the schema
// before events kept their counts (migration 4), for the tests of older
// migrations.
func UndoCounts() []string {
	var q []string
	for _, k := range store.CountKinds {
		q = append(q, "DROP INDEX events_"+string(k))
		for _, c := range []string{"_low", "_high", "_precision"} {
			q = append(q, "ALTER TABLE events DROP COLUMN "+string(k)+c)
		}
	}
	return append(q, "DELETE FROM schema_version WHERE version = 4")
}

// counted gives r counts.
func counted(r event.Record, cs ...event.Count) event.Record {
	r.Counts = cs
	return r
}

func count(k event.CountKind, low, high int64, p event.CountPrecision, text string, start int) event.Count {
	return event.Count{Kind: k, Low: low, High: high, Precision: p, Text: text, Start: start, End: start + len(text)}
}

// countSummary renders an event's counts, "killed 50-60 at_least; ...".
func countSummary(cs []event.Count) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %d-%d %s", c.Kind, c.Low, c.High, c.Precision))
	}
	return strings.Join(out, "; ")
}

func testCounts(t *testing.T, open Opener) {
	s := open(t, options(1))
	// One clash reported by two outlets in one batch, then by a third
	// outlet the next day: the event spans the three mentions' counts.
	clash := Rec("2020-01-05", "IRQMIL", "IRQREB", "190", "Basra", 0)
	first := counted(clash,
		count(event.Killed, 56, 56, event.AtLeast, "At least 56", 0),
		count(event.Injured, 200, 200, event.AtLeast, "more than 200", 30))
	second := counted(clash, count(event.Killed, 60, 60, event.Exact, "60 people", 4))
	march := counted(Rec("2020-01-07", "IRQOPP", "IRQGOV", "141", "Baghdad", 1),
		count(event.Crowd, 2000, 9999, event.Vague, "Thousands", 10))
	arrest := counted(Rec("2020-01-08", "IRQCOP", "IRQOPP", "173", "Baghdad", 2),
		count(event.Arrested, 12, 12, event.Exact, "twelve protesters", 20))
	quiet := Rec("2020-01-09", "FRAGOV", "DEUGOV", "040", "Paris", 3)
	if _, err := s.SaveBatch(ctx(t), []store.Item{
		{Doc: Doc("https://a.example/clash", "A", "", "2020-01-05"), Records: []event.Record{first}},
		{Doc: Doc("https://b.example/clash", "B", "", "2020-01-05"), Records: []event.Record{second, march, arrest, quiet}},
	}); err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	later := clash
	later.Date = "2020-01-06"
	save(t, s, Doc("https://c.example/clash", "C", "", "2020-01-06"),
		counted(later, count(event.Killed, 50, 50, event.About, "some 50", 8)))

	byCode := map[string]store.Event{}
	for _, e := range allEvents(t, s, store.Filter{}) {
		byCode[e.Record.Code] = e
	}
	for _, c := range []struct{ code, want string }{
		{"190", "killed 50-60 about; injured 200-200 at_least"},
		{"141", "crowd 2000-9999 vague"},
		{"173", "arrested 12-12 exact"},
		{"040", ""},
	} {
		if got := countSummary(byCode[c.code].Record.Counts); got != c.want {
			t.Errorf("event %s: counts %q, want %q", c.code, got, c.want)
		}
	}
	// The event's counts keep the words of its first mention.
	if cs := byCode["190"].Record.Counts; len(cs) < 2 || cs[0].Text != "At least 56" || cs[0].End != 11 || cs[1].Text != "more than 200" {
		t.Errorf("event 190's counts %+v: want the words of its first mention", cs)
	}
	// Each mention keeps its own.
	var mentions []string
	for m, err := range s.AllMentions(ctx(t), store.Filter{Code: "190"}) {
		if err != nil {
			t.Fatalf("AllMentions: %v", err)
		}
		mentions = append(mentions, countSummary(m.Record.Counts))
	}
	if want := []string{"killed 56-56 at_least; injured 200-200 at_least", "killed 60-60 exact", "killed 50-50 about"}; !slices.Equal(mentions, want) {
		t.Errorf("mentions of event 190: counts %q, want %q", mentions, want)
	}

	// Places sum the low ends of their events' counts.
	places, err := s.Places(ctx(t), store.Filter{})
	if err != nil {
		t.Fatalf("Places: %v", err)
	}
	people := map[string]string{}
	for _, p := range places {
		people[p.Name] = fmt.Sprint(p.People)
	}
	if want := map[string]string{"Basra": "map[injured:200 killed:50]", "Baghdad": "map[arrested:12 crowd:2000]", "Paris": "map[]"}; !maps.Equal(people, want) {
		t.Errorf("places' people %v, want %v", people, want)
	}

	none := int64(-1)
	for _, c := range []struct {
		name   string
		bounds []store.CountBound
		want   []string
	}{
		{"killed reaches 58", []store.CountBound{{Kind: event.Killed, Min: 58, Max: none}}, []string{"190"}},
		{"killed reaches 61", []store.CountBound{{Kind: event.Killed, Min: 61, Max: none}}, nil},
		{"killed can be 50", []store.CountBound{{Kind: event.Killed, Min: none, Max: 50}}, []string{"190"}},
		{"killed below 50", []store.CountBound{{Kind: event.Killed, Min: none, Max: 49}}, nil},
		{"any crowd", []store.CountBound{{Kind: event.Crowd, Min: 0, Max: none}}, []string{"141"}},
		{"a crowd in range", []store.CountBound{{Kind: event.Crowd, Min: 5000, Max: 6000}}, []string{"141"}},
		{"a crowd above the range", []store.CountBound{{Kind: event.Crowd, Min: 10000, Max: none}}, nil},
		{"arrests and injuries", []store.CountBound{{Kind: event.Arrested, Min: 1, Max: none}, {Kind: event.Injured, Min: 1, Max: none}}, nil},
		{"injuries and deaths", []store.CountBound{{Kind: event.Injured, Min: 100, Max: none}, {Kind: event.Killed, Min: 0, Max: 100}}, []string{"190"}},
	} {
		var got []string
		for _, e := range allEvents(t, s, store.Filter{Counts: c.bounds}) {
			got = append(got, e.Record.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: events %v, want %v", c.name, got, c.want)
		}
		// Mentions and aggregates take the same filter.
		n := 0
		for _, err := range s.AllMentions(ctx(t), store.Filter{Counts: c.bounds}) {
			if err != nil {
				t.Fatalf("%s: AllMentions: %v", c.name, err)
			}
			n++
		}
		if n > 0 != (len(c.want) > 0) {
			t.Errorf("%s: %d mentions for %d events", c.name, n, len(c.want))
		}
	}

	// Sorted by a count, page by page: the largest first, then the
	// events without one, newest id first.
	for _, c := range []struct {
		kind event.CountKind
		want []string
	}{
		{event.Killed, []string{"190", "040", "173", "141"}},
		{event.Crowd, []string{"141", "040", "173", "190"}},
	} {
		for _, limit := range []int{1, 3} {
			var got []string
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 4 {
					t.Fatalf("sort %s, limit %d: more pages than events", c.kind, limit)
				}
				page, err := s.Events(ctx(t), store.Filter{}, store.Page{Limit: limit, Cursor: cursor, Sort: c.kind})
				if err != nil {
					t.Fatalf("Events sorted by %s: %v", c.kind, err)
				}
				for _, e := range page.Events {
					got = append(got, e.Record.Code)
				}
				if cursor = page.Next; cursor == "" {
					break
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("sort %s, limit %d: events %v, want %v", c.kind, limit, got, c.want)
			}
		}
	}
	if _, err := s.Events(ctx(t), store.Filter{}, store.Page{Sort: "wounded"}); err == nil {
		t.Error("Events sorted by an unknown kind succeeded")
	}
	if _, err := s.Events(ctx(t), store.Filter{}, store.Page{Sort: event.Killed, Cursor: "18000.4"}); err == nil {
		t.Error("Events sorted by a count with a date cursor succeeded")
	}

	// A count the record format does not define is refused, naming what.
	before := stats(t, s)
	for _, c := range []struct {
		name  string
		count event.Count
		want  string
	}{
		{"unknown kind", count("wounded", 3, 3, event.Exact, "three", 0), "wounded"},
		{"unknown precision", count(event.Killed, 3, 3, "roughly", "three", 0), "roughly"},
		{"negative", count(event.Killed, -3, 3, event.Exact, "three", 0), "-3"},
		{"low above high", count(event.Crowd, 900, 200, event.Vague, "hundreds", 0), "900-200"},
		{"binary words", count(event.Crowd, 200, 900, event.Vague, "hun\x00dreds", 0), "NUL"},
	} {
		_, err := s.SaveDocument(ctx(t), Doc("https://d.example/"+c.name, "D", "", ""), []event.Record{counted(quiet, c.count)})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.want)
		}
	}
	if got := stats(t, s); got != before {
		t.Errorf("after bad counts: Stats = %+v, want %+v", got, before)
	}
	for _, b := range []store.CountBound{{Kind: "wounded", Min: 1, Max: -1}, {Kind: event.Killed, Min: 9, Max: 3}, {Kind: event.Killed, Min: -5, Max: -1}} {
		if _, err := s.Events(ctx(t), store.Filter{Counts: []store.CountBound{b}}, store.Page{}); err == nil {
			t.Errorf("Events with count bound %+v succeeded, want an error", b)
		}
	}
}
