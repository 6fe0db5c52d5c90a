package store

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/annals/annals/event"
)

func TestFoldBase(t *testing.T) {
	for _, c := range []struct {
		name string
		rec  event.Record
		want string
	}{
		{"no actors, no place", event.Record{Code: "040"}, "||040|"},
		{"gazetteer id names the place", event.Record{Source: &event.Actor{Code: "IRQ"}, Code: "040",
			Location: &event.Location{Name: "Bagdad", Country: "IRQ", GazetteerID: "geonames:98182"}}, "IRQ||040|geonames:98182"},
		{"name and country without an id", event.Record{Target: &event.Actor{Code: "USA"}, Code: "190",
			Location: &event.Location{Name: "Baghdad", Country: "IRQ"}}, "|USA|190|baghdad/IRQ"},
		{"a day folds with a day", event.Record{Code: "040", Date: "2020-01-05", DatePrecision: "day"}, "||040|"},
		{"a year folds only with its year", event.Record{Code: "040", Date: "1933", DatePrecision: "year"}, "||040||year"},
		{"publication is a day", event.Record{Code: "040", Date: "2020-01-24", DatePrecision: "publication"}, "||040|"},
	} {
		if got := FoldBase(&c.rec); got != c.want {
			t.Errorf("%s: FoldBase = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestOutlet(t *testing.T) {
	for _, c := range []struct {
		doc  event.Document
		want string
	}{
		{event.Document{Source: "Reuters", URL: "https://www.reuters.com/x"}, "Reuters"},
		{event.Document{URL: "https://WWW.Reuters.com/x"}, "reuters.com"},
		{event.Document{URL: "file:march.txt"}, "file:march.txt"},
		{event.Document{}, ""},
	} {
		if got := Outlet(&c.doc); got != c.want {
			t.Errorf("Outlet(%+v) = %q, want %q", c.doc, got, c.want)
		}
	}
}

func TestEventPeriod(t *testing.T) {
	pub := time.Date(2020, 1, 24, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name        string
		date, prec  string
		pub         time.Time
		first, last string // "" for an error
	}{
		{"record date", "2020-01-05", "day", pub, "2020-01-05", "2020-01-05"},
		{"publication precision", "2020-01-24", "publication", pub, "2020-01-24", "2020-01-24"},
		{"week", "2020-01-06", "week", pub, "2020-01-06", "2020-01-12"},
		{"month", "2019-02", "month", pub, "2019-02-01", "2019-02-28"},
		{"year", "1933", "year", pub, "1933-01-01", "1933-12-31"},
		{"year written in full", "1933-01-01", "year", pub, "1933-01-01", "1933-12-31"},
		{"publication date", "", "", pub, "2020-01-24", "2020-01-24"},
		{"unknown", "", "", time.Time{}, "0001-01-01", "0001-01-01"},
		{"before 1970", "1968-08-21", "day", pub, "1968-08-21", "1968-08-21"},
		{"malformed", "2020/01/05", "day", pub, "", ""},
	} {
		first, last, err := EventPeriod(&event.Record{Date: c.date, DatePrecision: c.prec}, &event.Document{Published: c.pub})
		if (err != nil) != (c.first == "") {
			t.Errorf("%s: error %v", c.name, err)
			continue
		}
		if err != nil {
			continue
		}
		if DayTime(first).Format("2006-01-02") != c.first || DayTime(last).Format("2006-01-02") != c.last ||
			c.pub.IsZero() && c.date == "" && (first != NoDay || last != NoDay) {
			t.Errorf("%s: EventPeriod = %s..%s, want %s..%s", c.name, DayTime(first).Format("2006-01-02"), DayTime(last).Format("2006-01-02"), c.first, c.last)
		}
	}
}

func TestConfidence(t *testing.T) {
	actor := &event.Actor{Code: "IRQ"}
	for _, c := range []struct {
		name string
		rec  event.Record
		want int
	}{
		{"complete and asserted", event.Record{Source: actor, Target: actor, Location: &event.Location{}, Mode: event.Asserted}, 100},
		{"no place", event.Record{Source: actor, Target: actor, Mode: event.Asserted}, 90},
		{"reported, no target", event.Record{Source: actor, Location: &event.Location{}, Mode: event.Reported}, 60},
		{"nothing but hedged", event.Record{Mode: event.Hypothetical}, 10},
	} {
		if got := Confidence(&c.rec); got != c.want {
			t.Errorf("%s: Confidence = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestFoldCounts(t *testing.T) {
	c := func(k event.CountKind, low, high int64, p event.CountPrecision, text string) event.Count {
		return event.Count{Kind: k, Low: low, High: high, Precision: p, Text: text}
	}
	for _, tc := range []struct {
		name     string
		mentions [][]event.Count
		want     []event.Count
	}{
		{"no counts", [][]event.Count{nil, nil}, nil},
		{"one mention keeps its count", [][]event.Count{{c(event.Crowd, 200, 999, event.Vague, "hundreds")}},
			[]event.Count{c(event.Crowd, 200, 999, event.Vague, "hundreds")}},
		{"agreeing mentions keep the first words", [][]event.Count{
			{c(event.Killed, 12, 12, event.Exact, "twelve dead")}, {c(event.Killed, 12, 12, event.Exact, "12 people")}},
			[]event.Count{c(event.Killed, 12, 12, event.Exact, "twelve dead")}},
		{"two exact numbers make about", [][]event.Count{
			{c(event.Killed, 12, 12, event.Exact, "twelve dead")}, {c(event.Killed, 14, 14, event.Exact, "14 dead")}},
			[]event.Count{c(event.Killed, 12, 14, event.About, "twelve dead")}},
		{"the loosest precision wins", [][]event.Count{
			{c(event.Arrested, 30, 30, event.AtLeast, "at least 30")}, {c(event.Arrested, 24, 99, event.Vague, "dozens")}},
			[]event.Count{c(event.Arrested, 24, 99, event.Vague, "at least 30")}},
		{"kinds fold apart, in their order", [][]event.Count{
			{c(event.Crowd, 5000, 5000, event.Exact, "a crowd of 5,000"), c(event.Injured, 3, 3, event.Exact, "three hurt")},
			{c(event.Killed, 1, 1, event.Exact, "a man"), c(event.Injured, 2, 2, event.About, "two")}},
			[]event.Count{c(event.Killed, 1, 1, event.Exact, "a man"), c(event.Injured, 2, 3, event.About, "three hurt"),
				c(event.Crowd, 5000, 5000, event.Exact, "a crowd of 5,000")}},
	} {
		in := make([][]event.Count, len(tc.mentions))
		for i, m := range tc.mentions {
			in[i] = slices.Clone(m)
		}
		got := FoldCounts(in...)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: FoldCounts = %+v, want %+v", tc.name, got, tc.want)
		}
		if !reflect.DeepEqual(in, tc.mentions) {
			t.Errorf("%s: FoldCounts changed its input: %+v", tc.name, in)
		}
	}
}
