package store

import (
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

func TestEventDay(t *testing.T) {
	pub := time.Date(2020, 1, 24, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name    string
		date    string
		pub     time.Time
		want    string
		wantErr bool
	}{
		{"record date", "2020-01-05", pub, "2020-01-05", false},
		{"publication date", "", pub, "2020-01-24", false},
		{"unknown", "", time.Time{}, "0001-01-01", false},
		{"before 1970", "1968-08-21", pub, "1968-08-21", false},
		{"malformed", "2020/01/05", pub, "", true},
	} {
		day, err := EventDay(&event.Record{Date: c.date}, &event.Document{Published: c.pub})
		if (err != nil) != c.wantErr {
			t.Errorf("%s: error %v", c.name, err)
			continue
		}
		if err == nil && DayTime(day).Format("2006-01-02") != c.want || c.pub.IsZero() && c.date == "" && day != NoDay {
			t.Errorf("%s: EventDay = %s, want %s", c.name, DayTime(day).Format("2006-01-02"), c.want)
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
