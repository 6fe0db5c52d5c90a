package server

import (
	"context"
	"encoding/json"
	"fmt"

	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
	"github.com/annals/annals/store/storetest"
)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
		Comp    struct {
			Parameters map[string]struct {
				Name        string `json:"name"`
				Description string `json:"description"`
			} `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q, want 3.x", doc.OpenAPI)
	}
	s, err := New(Options{Store: emptyStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, r := range s.routes() {
		method, path, _ := strings.Cut(r.pattern, " ")
		if !strings.HasPrefix(path, "/api/") || path == "/api/" {
			continue // the UI and the not-found answer
		}
		served[r.pattern] = true
		if !documented[method+" "+path] {
			t.Errorf("route %s is not in openapi.json", r.pattern)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("openapi.json documents %s, which the server does not serve", k)
		}
	}
	for _, p := range store.FilterParams {
		if doc.Comp.Parameters[p.Key].Name != p.Key {
			t.Errorf("filter parameter %q is not in openapi.json's components", p.Key)
		}
	}
	for _, c := range cameo.PloverCategories() {
		if !strings.Contains(doc.Comp.Parameters["plover"].Description, c) {
			t.Errorf("openapi.json's plover parameter does not list %s", c)
		}
	}
	rec := serve(t, s, "GET", "/api/openapi.json", nil, "")
	if rec.Code != 200 || !json.Valid(rec.Body.Bytes()) {
		t.Errorf("GET /api/openapi.json: %d, valid JSON %v", rec.Code, json.Valid(rec.Body.Bytes()))
	}
}

func emptyStore(t testing.TB) store.Store {
	st, err := sqlite.Open(context.Background(), t.TempDir()+"/empty.db", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// truth is what the store holds, read around the server, to check its
// answers against.
type truth struct {
	events   []store.Event
	mentions []store.Mention
}

func readTruth(t *testing.T, st store.Store) truth {
	var tr truth
	for e, err := range st.AllEvents(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		tr.events = append(tr.events, e)
	}
	for m, err := range st.AllMentions(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		tr.mentions = append(tr.mentions, m)
	}
	return tr
}

// ids lists the events for which keep holds, sorted.
func (tr truth) ids(keep func(store.Event) bool) []int64 {
	var out []int64
	for _, e := range tr.events {
		if keep(e) {
			out = append(out, e.ID)
		}
	}
	slices.Sort(out)
	return out
}

func (tr truth) sentences(id int64) []string {
	var out []string
	for _, m := range tr.mentions {
		if m.EventID == id {
			out = append(out, m.Record.Sentence.Text)
		}
	}
	return out
}

func TestEventsFilters(t *testing.T) {
	f := newFixture(t)
	tr := readTruth(t, f.store)
	if len(tr.events) < 10 {
		t.Fatalf("only %d events coded from the test articles", len(tr.events))
	}
	// Values to filter by come from the coded events, so the test follows
	// the pipeline, and the expected sets are computed here independently.
	var placed, dual, moded store.Event
	for _, e := range tr.events {
		if e.Record.Mode != event.Asserted && moded.ID == 0 {
			moded = e
		}
		if e.Record.Location != nil && placed.ID == 0 {
			placed = e
		}
		if e.Record.Source != nil && e.Record.Target != nil && e.Record.Mode != "" && dual.ID == 0 {
			dual = e
		}
	}
	if placed.ID == 0 || dual.ID == 0 || moded.ID == 0 {
		t.Fatal("no event with a place, or none with both actors, or none not asserted")
	}
	loc := placed.Record.Location
	src, tgt := dual.Record.Source.Code, dual.Record.Target.Code
	day := dual.Date
	code := func(e store.Event, p string) bool { return strings.HasPrefix(e.Record.Code, p) }
	srcCode := func(e store.Event) string {
		if e.Record.Source == nil {
			return ""
		}
		return e.Record.Source.Code
	}
	tgtCode := func(e store.Event) string {
		if e.Record.Target == nil {
			return ""
		}
		return e.Record.Target.Code
	}
	country := func(e store.Event) string {
		if e.Record.Location == nil {
			return ""
		}
		return e.Record.Location.Country
	}
	word := "shelled"
	cases := []struct {
		name  string
		query url.Values
		keep  func(store.Event) bool
	}{
		{"none", url.Values{}, func(store.Event) bool { return true }},
		{"from", url.Values{"from": {day.Format(time.DateOnly)}}, func(e store.Event) bool { return !e.Date.Before(day) }},
		{"to", url.Values{"to": {day.Format(time.DateOnly)}}, func(e store.Event) bool { return !e.Date.After(day) }},
		{"source", url.Values{"source": {src}}, func(e store.Event) bool { return strings.HasPrefix(srcCode(e), src) }},
		{"source prefix", url.Values{"source": {src[:3]}}, func(e store.Event) bool { return strings.HasPrefix(srcCode(e), src[:3]) }},
		{"source lower case", url.Values{"source": {strings.ToLower(src)}}, func(e store.Event) bool { return strings.HasPrefix(srcCode(e), src) }},
		{"target", url.Values{"target": {tgt}}, func(e store.Event) bool { return strings.HasPrefix(tgtCode(e), tgt) }},
		{"actor", url.Values{"actor": {src[:3]}}, func(e store.Event) bool {
			return strings.HasPrefix(srcCode(e), src[:3]) || strings.HasPrefix(tgtCode(e), src[:3])
		}},
		{"country", url.Values{"country": {loc.Country}}, func(e store.Event) bool { return country(e) == loc.Country }},
		{"country lower case", url.Values{"country": {strings.ToLower(loc.Country)}}, func(e store.Event) bool { return country(e) == loc.Country }},
		{"code", url.Values{"code": {dual.Record.Code}}, func(e store.Event) bool { return code(e, dual.Record.Code) }},
		{"root", url.Values{"code": {dual.Record.Root}}, func(e store.Event) bool { return code(e, dual.Record.Root) }},
		{"quad", url.Values{"quad": {fmt.Sprint(dual.Record.QuadClass)}}, func(e store.Event) bool { return e.Record.QuadClass == dual.Record.QuadClass }},
		{"plover", url.Values{"plover": {dual.Record.Plover}}, func(e store.Event) bool { return e.Record.Plover == dual.Record.Plover }},
		{"plover lower case", url.Values{"plover": {strings.ToLower(dual.Record.Plover)}}, func(e store.Event) bool { return e.Record.Plover == dual.Record.Plover }},
		{"mode", url.Values{"mode": {string(moded.Record.Mode)}}, func(e store.Event) bool { return e.Record.Mode == moded.Record.Mode }},
		{"mode upper case", url.Values{"mode": {strings.ToUpper(string(moded.Record.Mode))}}, func(e store.Event) bool { return e.Record.Mode == moded.Record.Mode }},
		{"place", url.Values{"place": {loc.Name}}, func(e store.Event) bool { return e.Record.Location != nil && e.Record.Location.Name == loc.Name }},
		{"bbox", url.Values{"bbox": {fmt.Sprintf("%f,%f,%f,%f", loc.Lat-1, loc.Lon-1, loc.Lat+1, loc.Lon+1)}}, func(e store.Event) bool {
			l := e.Record.Location
			return l != nil && l.Lat >= loc.Lat-1 && l.Lat <= loc.Lat+1 && l.Lon >= loc.Lon-1 && l.Lon <= loc.Lon+1
		}},
		{"text", url.Values{"text": {word}}, func(e store.Event) bool {
			return slices.ContainsFunc(tr.sentences(e.ID), func(s string) bool { return strings.Contains(s, word) })
		}},
		{"country and code", url.Values{"country": {loc.Country}, "code": {placed.Record.Root}}, func(e store.Event) bool {
			return country(e) == loc.Country && code(e, placed.Record.Root)
		}},
		{"no match", url.Values{"source": {"ZZZ"}}, func(store.Event) bool { return false }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := tr.ids(c.keep)
			if c.name != "no match" && len(want) == 0 {
				t.Fatalf("test data has no event for %v", c.query)
			}
			if c.name != "none" && len(want) == len(tr.events) {
				t.Fatalf("filter %v keeps every event; it tests nothing", c.query)
			}
			q := c.query
			q.Set("limit", "500")
			var page EventPage
			if code := f.do(t, "GET", "/api/events?"+q.Encode(), nil, &page); code != 200 {
				t.Fatalf("status %d", code)
			}
			var got []int64
			for _, e := range page.Events {
				got = append(got, e.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("events %v, want %v", got, want)
			}
		})
	}
}

func TestEventsPagination(t *testing.T) {
	f := newFixture(t)
	var all EventPage
	f.do(t, "GET", "/api/events?limit=500", nil, &all)
	if len(all.Events) < 5 || all.Next != "" {
		t.Fatalf("%d events in one page, next %q", len(all.Events), all.Next)
	}
	for i := 1; i < len(all.Events); i++ {
		if all.Events[i].Date > all.Events[i-1].Date {
			t.Fatalf("events not newest first: %s after %s", all.Events[i].Date, all.Events[i-1].Date)
		}
	}
	var got []int64
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all.Events) {
			t.Fatal("pagination does not end")
		}
		var p EventPage
		target := "/api/events?limit=3"
		if cursor != "" {
			target += "&cursor=" + url.QueryEscape(cursor)
		}
		if code := f.do(t, "GET", target, nil, &p); code != 200 {
			t.Fatalf("GET %s: %d", target, code)
		}
		if len(p.Events) > 3 {
			t.Fatalf("page of %d events, limit 3", len(p.Events))
		}
		for _, e := range p.Events {
			got = append(got, e.ID)
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	var want []int64
	for _, e := range all.Events {
		want = append(want, e.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("paged events %v, want %v", got, want)
	}
}

func TestBadRequests(t *testing.T) {
	s, err := New(Options{Store: emptyStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		target string
		status int
	}{
		{"/api/events?colour=red", 400},
		{"/api/events?quad=5", 400},
		{"/api/events?quad=x", 400},
		{"/api/events?from=2024-13-01", 400},
		{"/api/events?to=yesterday", 400},
		{"/api/events?bbox=1,2,3", 400},
		{"/api/events?bbox=10,0,5,1", 400},
		{"/api/events?bbox=0,0,95,1", 400},
		{"/api/events?limit=0", 400},
		{"/api/events?limit=501", 400},
		{"/api/events?cursor=%27%3B+DROP+TABLE+events", 400},
		{"/api/events?cursor=0", 400},                       // not one the server gave
		{"/api/events?cursor=MjAyNDAxMDEuNQ.00000000", 400}, // a wrong checksum
		{"/api/events?code=1a", 400},
		{"/api/events?code=abc", 400},
		{"/api/events?code=99", 400}, // digits, but no CAMEO code
		{"/api/events?country=us", 400},
		{"/api/events?plover=CONFLICT", 400},
		{"/api/events?from=2024-02-01&to=2024-01-31", 400},
		{"/api/events?source=IRQ%27--", 400},
		{"/api/events?mode=sarcastic", 400},
		{"/api/events?country=KEN&country=TZA", 400},
		{"/api/events?text=%ff%fe", 400},
		{"/api/events?text=" + strings.Repeat("a", maxParam+1), 400},
		{"/api/timeseries?interval=month", 400},
		{"/api/timeseries?by=actor", 400},
		{"/api/actors?limit=100000", 400},
		{"/api/places?limit=-1", 400},
		{"/api/documents/d-nosuchdoc", 404},
		{"/api/documents/a%00b", 400},
		{"/api/documents/reuters:123%20x", 404}, // ids from inputs may hold any printable text
		{"/api/documents/d-1?x=1", 400},
		{"/api/nothing", 404},
		{"/api/events?text=%27%22%3B", 200}, // odd characters are data, not SQL
	} {
		rec := serve(t, s, "GET", c.target, nil, "")
		if rec.Code != c.status {
			t.Errorf("GET %s: %d %s, want %d", c.target, rec.Code, rec.Body, c.status)
			continue
		}
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Errorf("GET %s: body %q is not JSON", c.target, rec.Body)
		}
		if c.status != 200 && body["error"] == "" {
			t.Errorf("GET %s: no error message", c.target)
		}
	}
}

func TestTimeseries(t *testing.T) {
	f := newFixture(t)
	tr := readTruth(t, f.store)
	country := ""
	for _, e := range tr.events {
		if e.Record.Location != nil {
			country = e.Record.Location.Country
		}
	}
	for _, c := range []struct {
		query string
		keep  func(store.Event) bool
	}{
		{"", func(store.Event) bool { return true }},
		{"country=" + country, func(e store.Event) bool { return e.Record.Location != nil && e.Record.Location.Country == country }},
		{"quad=1", func(e store.Event) bool { return e.Record.QuadClass == 1 }},
	} {
		want := len(tr.ids(c.keep))
		for _, interval := range []string{"day", "week"} {
			for _, by := range []string{"all", "quad", "root"} {
				target := fmt.Sprintf("/api/timeseries?interval=%s&by=%s&%s", interval, by, c.query)
				var ts Timeseries
				if code := f.do(t, "GET", target, nil, &ts); code != 200 {
					t.Fatalf("GET %s: %d", target, code)
				}
				total := 0
				keys := map[string]bool{}
				for _, s := range ts.Series {
					if keys[s.Key] {
						t.Errorf("GET %s: series %q twice", target, s.Key)
					}
					keys[s.Key] = true
					if by == "quad" && !regexp.MustCompile(`^[1-4]$`).MatchString(s.Key) {
						t.Errorf("GET %s: quad series %q", target, s.Key)
					}
					if by == "root" && (len(s.Key) != 2 || !strings.HasPrefix(s.Label, s.Key+" ")) {
						t.Errorf("GET %s: root series %q labelled %q", target, s.Key, s.Label)
					}
					for i, p := range s.Points {
						d, err := time.Parse(time.DateOnly, p.Date)
						if err != nil || interval == "week" && d.Weekday() != time.Monday {
							t.Errorf("GET %s: point date %q", target, p.Date)
						}
						if i > 0 && p.Date <= s.Points[i-1].Date {
							t.Errorf("GET %s: points out of order", target)
						}
						total += int(p.Events)
					}
					// An event dated only to a longer period is counted
					// apart, never on the period's first day.
					for _, p := range s.Periods {
						first, err1 := time.Parse(time.DateOnly, p.First)
						last, err2 := time.Parse(time.DateOnly, p.Last)
						fits := first.Equal(last) || interval == "week" && first.Weekday() == time.Monday && last.Sub(first) <= 6*24*time.Hour
						if err1 != nil || err2 != nil || fits || p.Period == "" {
							t.Errorf("GET %s: period %+v fits the %s bins", target, p, interval)
						}
						total += int(p.Events)
					}
				}
				if total != want {
					t.Errorf("GET %s: %d events in the series, want %d", target, total, want)
				}
			}
		}
	}
}

// TestUndatedEvents posts an article without a publication date: its
// events are listed with an empty date, and the time series, which cannot
// place them, leave them out rather than put them on the day of the post.
func TestUndatedEvents(t *testing.T) {
	f := newFixture(t)
	dated := len(readTruth(t, f.store).events)
	var res Posted
	post := PostDocument{Title: "Undated", Text: "Iraqi forces attacked militants near Mosul on Thursday, the Iraqi defence ministry said."}
	if code := f.do(t, "POST", "/api/documents", post, &res); code != http.StatusCreated || res.NewEvents == 0 {
		t.Fatalf("post: status %d, %+v", code, res)
	}
	var page EventPage
	if code := f.do(t, "GET", "/api/events?limit=500", nil, &page); code != 200 {
		t.Fatalf("GET /api/events: %d", code)
	}
	undated := 0
	for _, e := range page.Events {
		if (e.Record.Doc.ID == res.ID) != (e.Date == "") {
			t.Errorf("event %d of document %s dated %q", e.ID, e.Record.Doc.ID, e.Date)
		}
		if e.Date == "" {
			undated++
		}
	}
	if undated != res.NewEvents || len(page.Events) != dated+undated {
		t.Errorf("%d undated events of %d, want the %d of the post", undated, len(page.Events), res.NewEvents)
	}
	var ts Timeseries
	if code := f.do(t, "GET", "/api/timeseries?interval=day&by=all", nil, &ts); code != 200 {
		t.Fatalf("GET /api/timeseries: %d", code)
	}
	total := 0
	for _, s := range ts.Series {
		for _, p := range s.Points {
			if p.Date == "" {
				t.Errorf("series %q has a point without a date", s.Key)
			}
			total += int(p.Events)
		}
		for _, p := range s.Periods {
			total += int(p.Events)
		}
	}
	if total != dated {
		t.Errorf("%d events in the time series, want the %d dated ones", total, dated)
	}
}

// TestYearPrecision posts an article with an event dated only to a year:
// the API writes its year, never its 1 January; a date filter holds it
// only when the whole year lies in the range; the time series counts it
// apart from the days; background filters it.
func TestYearPrecision(t *testing.T) {
	f := newFixture(t)
	var res Posted
	post := PostDocument{Title: "History", Published: "2024-03-12", Text: "Kenyan police arrested twelve protesters in Nairobi in 2019."}
	if code := f.do(t, "POST", "/api/documents", post, &res); code != http.StatusCreated || res.NewEvents != 1 {
		t.Fatalf("post: status %d, %+v", code, res)
	}
	ids := func(query string) []string {
		var page EventPage
		if code := f.do(t, "GET", "/api/events?limit=500&"+query, nil, &page); code != 200 {
			t.Fatalf("GET /api/events?%s: %d", query, code)
		}
		var out []string
		for _, e := range page.Events {
			if e.Record.Doc.ID == res.ID {
				out = append(out, e.Date+" "+e.DatePrecision+" "+e.Record.Date+" "+e.Record.DatePrecision)
				if !e.Record.Background {
					t.Errorf("%s: the event of 2019 is not background", query)
				}
			}
		}
		return out
	}
	for _, c := range []struct {
		query string
		n     int
	}{
		{"", 1}, {"from=2019-01-01&to=2019-12-31", 1}, {"from=2019-01-01&to=2019-01-31", 0}, {"to=2019-06-30", 0},
		{"background=true", 1}, {"background=false", 0},
	} {
		got := ids(c.query)
		if len(got) != c.n || c.n == 1 && got[0] != "2019 year 2019 year" {
			t.Errorf("events?%s: %q, want %d dated 2019 at year precision", c.query, got, c.n)
		}
	}
	var ts Timeseries
	if code := f.do(t, "GET", "/api/timeseries?interval=day&by=all&country=KEN", nil, &ts); code != 200 {
		t.Fatalf("GET /api/timeseries: %d", code)
	}
	for _, p := range ts.Series[0].Points {
		if strings.HasPrefix(p.Date, "2019") {
			t.Errorf("the event of 2019 is on a day: %+v", p)
		}
	}
	if ps := ts.Series[0].Periods; len(ps) == 0 || ps[0] != (Period{Period: "2019", First: "2019-01-01", Last: "2019-12-31", Events: 1, Mentions: 1, Goldstein: ps[0].Goldstein}) {
		t.Errorf("periods %+v, want 2019 with one event", ps)
	}
}

func TestActors(t *testing.T) {
	f := newFixture(t)
	tr := readTruth(t, f.store)
	both := tr.ids(func(e store.Event) bool { return e.Record.Source != nil && e.Record.Target != nil })
	var net Network
	if code := f.do(t, "GET", "/api/actors?limit=2000", nil, &net); code != 200 {
		t.Fatalf("status %d", code)
	}
	var events int64
	for i, e := range net.Edges {
		events += e.Events
		if e.Cooperation+e.Conflict > e.Events || e.Source == "" || e.Target == "" {
			t.Errorf("edge %+v", e)
		}
		if i > 0 && e.Events > net.Edges[i-1].Events {
			t.Errorf("edges not heaviest first")
		}
	}
	if int(events) != len(both) || net.Truncated {
		t.Errorf("edges hold %d events (truncated %v), want %d", events, net.Truncated, len(both))
	}
	// Quad 4 keeps only conflict on every edge.
	var conflict Network
	f.do(t, "GET", "/api/actors?quad=4", nil, &conflict)
	if len(conflict.Edges) == 0 {
		t.Fatal("no material conflict edges")
	}
	for _, e := range conflict.Edges {
		if e.Conflict != e.Events || e.Cooperation != 0 {
			t.Errorf("quad 4 edge %+v", e)
		}
	}
	var one Network
	f.do(t, "GET", "/api/actors?limit=1", nil, &one)
	if len(one.Edges) != 1 || !one.Truncated || one.Edges[0] != net.Edges[0] {
		t.Errorf("limit 1: %+v", one)
	}
}

func TestPlaces(t *testing.T) {
	f := newFixture(t)
	tr := readTruth(t, f.store)
	placed := tr.ids(func(e store.Event) bool { return e.Record.Location != nil })
	var ps Places
	if code := f.do(t, "GET", "/api/places", nil, &ps); code != 200 {
		t.Fatalf("status %d", code)
	}
	var n int64
	for _, p := range ps.Places {
		n += p.Events
		if p.Name == "" || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			t.Errorf("place %+v", p)
		}
	}
	if int(n) != len(placed) || len(ps.Places) < 2 {
		t.Errorf("%d places hold %d events, want %d events", len(ps.Places), n, len(placed))
	}
	first := ps.Places[0]
	var in Places
	f.do(t, "GET", "/api/places?"+url.Values{"country": {first.Country}}.Encode(), nil, &in)
	for _, p := range in.Places {
		if p.Country != first.Country {
			t.Errorf("country %s: place %+v", first.Country, p)
		}
	}
	if !slices.ContainsFunc(in.Places, func(p Place) bool { return p.Name == first.Name }) {
		t.Errorf("country %s: %s missing", first.Country, first.Name)
	}
}

func TestDocument(t *testing.T) {
	f := newFixture(t)
	for i, posted := range f.docs {
		var d Document
		if code := f.do(t, "GET", "/api/documents/"+posted.ID, nil, &d); code != 200 {
			t.Fatalf("document %s: %d", posted.ID, code)
		}
		if len(d.Mentions) != posted.Mentions || d.Published == "" {
			t.Errorf("document %s: %d mentions, published %q; posted %+v", d.ID, len(d.Mentions), d.Published, posted)
		}
		if i > 0 && d.Title != articles[i-1].Title {
			t.Errorf("document %s: title %q, want %q", d.ID, d.Title, articles[i-1].Title)
		}
		for _, m := range d.Mentions {
			s, v := m.Sentence, m.Verb
			if s.Start < 0 || s.End > len(d.Text) || d.Text[s.Start:s.End] != m.Record.Sentence.Text {
				t.Errorf("mention %d: sentence span %v does not hold %q", m.ID, s, m.Record.Sentence.Text)
				continue
			}
			if v.Start < s.Start || v.End > s.End || v.Start >= v.End {
				t.Errorf("mention %d: verb span %v outside sentence %v", m.ID, v, s)
				continue
			}
			verb := strings.Fields(m.Record.Evidence.Verb)
			if len(verb) == 0 || !strings.Contains(strings.ToLower(d.Text[v.Start:v.End]), strings.ToLower(verb[0])) {
				t.Errorf("mention %d: verb span %q, evidence %q", m.ID, d.Text[v.Start:v.End], m.Record.Evidence.Verb)
			}
			if m.Description == "" {
				t.Errorf("mention %d: code %s has no description", m.ID, m.Record.Code)
			}
		}
	}
	// The markup of the hostile article is stored and served verbatim, as
	// data; the UI test checks that it never runs.
	var d Document
	f.do(t, "GET", "/api/documents/"+f.docs[2].ID, nil, &d)
	if !strings.Contains(d.Text, "<script>window.__pwned=2</script>") || !strings.Contains(d.Title, "onerror=") {
		t.Errorf("hostile article altered: %q", d.Title)
	}
}

// pageFetcher serves one HTML page for any URL.
type pageFetcher struct{ page string }

func (p pageFetcher) Fetch(ctx context.Context, req ingest.Request) (*ingest.Response, error) {
	return &ingest.Response{URL: req.URL, ContentType: "text/html; charset=utf-8", Body: []byte(p.page)}, nil
}

func TestPostDocument(t *testing.T) {
	p := testPipeline(t)
	st := emptyStore(t)
	page := `<html><head><title>Kenya police arrest protesters</title></head><body><article><p>Kenyan police arrested twelve protesters in Nairobi on Friday, the interior ministry said.</p></article></body></html>`
	rw, err := New(Options{Store: st, Coder: p, Token: testToken, Fetcher: pageFetcher{page}, MaxBodyBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	ro, err := New(Options{Store: st, Coder: p})
	if err != nil {
		t.Fatal(err)
	}
	text := PostDocument{Text: "Kenyan police arrested twelve protesters in Nairobi on Friday.", Published: "2024-03-08"}
	for _, c := range []struct {
		name   string
		srv    *Server
		body   any
		token  string
		status int
	}{
		{"read-only server", ro, text, testToken, 403},
		{"no token", rw, text, "", 401},
		{"wrong token", rw, text, "guess", 401},
		{"text", rw, text, testToken, 201},
		{"same text again", rw, text, testToken, 201},
		{"same words, other spacing", rw, PostDocument{Text: strings.Replace(text.Text, " ", "  ", 1), Published: text.Published}, testToken, 201},
		{"url", rw, PostDocument{URL: "https://news.example/kenya"}, testToken, 201},
		{"text and url", rw, PostDocument{Text: "x", URL: "https://news.example/"}, testToken, 400},
		{"neither", rw, PostDocument{Title: "empty"}, testToken, 400},
		{"not http", rw, PostDocument{URL: "file:///etc/passwd"}, testToken, 400},
		{"bad date", rw, PostDocument{Text: "x", Published: "March"}, testToken, 400},
		{"unknown field", rw, []byte(`{"text":"x","colour":"red"}`), testToken, 400},
		{"not JSON", rw, []byte("text=hello"), testToken, 400},
		{"binary", rw, PostDocument{Text: "\x00\x01\x02\x03 binary"}, testToken, 400},
		{"too large", rw, PostDocument{Text: strings.Repeat("Police arrested protesters. ", 200)}, testToken, 413},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := serve(t, c.srv, "POST", "/api/documents", c.body, c.token)
			if rec.Code != c.status {
				t.Fatalf("status %d %s, want %d", rec.Code, rec.Body, c.status)
			}
			if c.status != 201 {
				return
			}
			var res Posted
			if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			// Spacing does not make another document (event.ContentHash),
			// and a document stored before is not coded again.
			again := c.name == "same text again" || c.name == "same words, other spacing"
			if res.Skipped != again || (res.Records == 0) != again {
				t.Errorf("posted %+v", res)
			}
			d, err := st.Document(t.Context(), res.ID)
			if err != nil {
				t.Fatal(err)
			}
			if c.name == "url" && (d.URL != "https://news.example/kenya" || d.Title != "Kenya police arrest protesters") {
				t.Errorf("fetched document %q %q", d.URL, d.Title)
			}
		})
	}
}

func TestSecurityHeadersAndUI(t *testing.T) {
	s, err := New(Options{Store: emptyStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ target, ctype string }{
		{"/", "text/html"},
		{"/app.js", "javascript"},
		{"/style.css", "text/css"},
		{"/dist/countries-110m.json", "application/json"},
		{"/api/events", "application/json"},
	} {
		rec := serve(t, s, "GET", c.target, nil, "")
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), c.ctype) {
			t.Errorf("GET %s: %d %q", c.target, rec.Code, rec.Header().Get("Content-Type"))
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: CSP %q", c.target, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", c.target)
		}
	}
	// The CSP forbids inline scripts, so the page must have none.
	page := serve(t, s, "GET", "/", nil, "").Body.String()
	for _, m := range regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(m[1], "src=") || strings.TrimSpace(m[2]) != "" {
			t.Errorf("inline script in index.html: %q", m[0])
		}
	}
	if regexp.MustCompile(`(?i)\son[a-z]+=`).MatchString(page) {
		t.Error("inline event handler in index.html")
	}
	// The UI never parses data as HTML.
	js := serve(t, s, "GET", "/app.js", nil, "").Body.String()
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		if strings.Contains(js, sink) {
			t.Errorf("app.js uses %s", sink)
		}
	}
}

func TestHTTPServerLimits(t *testing.T) {
	s, err := New(Options{Store: emptyStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer("127.0.0.1:0")
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Errorf("server without limits: %+v", hs)
	}
}

func TestNewNeedsStore(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("New without a store: no error")
	}
}

var _ http.Handler = (*Server)(nil)

// TestEventCounts filters and sorts events by their counts, given as the
// CLI's keys (min-killed=) or as comparisons (killed>=), on hand-made
// records: the coder's counts are tested where they are made.
func TestEventCounts(t *testing.T) {
	st := emptyStore(t)
	text := "Gunmen killed 14 people in Basra. Thousands marched in Baghdad. Police held 9 protesters."
	rec := func(code, place string, sentence int, c event.Count) event.Record {
		r := storetest.Rec("2024-05-0"+fmt.Sprint(sentence+1), "IRQ", "IRQCVL", code, place, sentence)
		r.Counts = []event.Count{c}
		return r
	}
	span := func(k event.CountKind, low, high int64, p event.CountPrecision, words string) event.Count {
		i := strings.Index(text, words)
		return event.Count{Kind: k, Low: low, High: high, Precision: p, Text: words, Start: i, End: i + len(words)}
	}
	if _, err := st.SaveDocument(t.Context(), storetest.Doc("https://counts.example/1", "Wire", text, "2024-05-03"), []event.Record{
		rec("190", "Basra", 0, span(event.Killed, 14, 14, event.Exact, "14 people")),
		rec("141", "Baghdad", 1, span(event.Crowd, 2000, 9999, event.Vague, "Thousands")),
		rec("173", "Baghdad", 2, span(event.Arrested, 9, 9, event.Exact, "9 protesters")),
	}); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	codes := func(target string) []string {
		t.Helper()
		rec := serve(t, s, "GET", target, nil, "")
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
		var page EventPage
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range page.Events {
			out = append(out, e.Record.Code)
			if len(e.Record.Counts) != 1 || e.Record.Counts[0].Text == "" {
				t.Errorf("GET %s: event %s has counts %+v, want its one count with its words", target, e.Record.Code, e.Record.Counts)
			}
		}
		return out
	}
	for _, c := range []struct {
		target string
		want   []string
	}{
		{"/api/events?killed>=10", []string{"190"}},
		{"/api/events?min-killed=15", nil},
		{"/api/events?crowd>=5000&crowd<=5000", []string{"141"}},
		{"/api/events?max-arrested=8", nil},
		{"/api/events?arrested<=9", []string{"173"}},
		{"/api/events?sort=crowd", []string{"141", "173", "190"}},
		{"/api/events?sort=arrested&limit=1", []string{"173"}},
	} {
		if got := codes(c.target); !slices.Equal(got, c.want) {
			t.Errorf("GET %s: events %v, want %v", c.target, got, c.want)
		}
	}
	// Pages sorted by a count follow each other; a cursor pages only
	// through the order it came from.
	var got []string
	target := "/api/events?sort=crowd&limit=1"
	for range 4 {
		var page EventPage
		if rec := serve(t, s, "GET", target, nil, ""); rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &page) != nil {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
		for _, e := range page.Events {
			got = append(got, e.Record.Code)
		}
		if page.Next == "" {
			break
		}
		target = "/api/events?sort=crowd&limit=1&cursor=" + url.QueryEscape(page.Next)
	}
	if want := []string{"141", "173", "190"}; !slices.Equal(got, want) {
		t.Errorf("pages sorted by crowd: %v, want %v", got, want)
	}
	var first EventPage
	if rec := serve(t, s, "GET", "/api/events?limit=1", nil, ""); json.Unmarshal(rec.Body.Bytes(), &first) != nil || first.Next == "" {
		t.Fatalf("no next page of the newest events: %s", rec.Body)
	}
	for _, target := range []string{
		"/api/events?sort=killed&cursor=" + url.QueryEscape(first.Next),
		"/api/events?killed>=ten", "/api/events?killed>10", "/api/events?killed>=5&min-killed=5",
		"/api/events?sort=wounded", "/api/events?min-crowd=9&max-crowd=1",
	} {
		if rec := serve(t, s, "GET", target, nil, ""); rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 400", target, rec.Code)
		}
	}
}

// TestPartial reads the views with a filter the rollups do not keep (a
// mode) on a server that reads at most two events for it: the answers
// say they are partial, and those the rollups answer do not.
func TestPartial(t *testing.T) {
	f := newFixture(t)
	srv, err := New(Options{Store: f.store, ScanLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		target  string
		partial bool
	}{
		{"/api/actors?mode=asserted", true},
		{"/api/places?mode=asserted", true},
		{"/api/timeseries?mode=asserted&by=root", true},
		{"/api/timeseries?mode=asserted&by=all", true},
		{"/api/actors", false},
		{"/api/places?country=IRQ", false},
		{"/api/timeseries?by=quad&code=1", false},
	} {
		rec := serve(t, srv, "GET", c.target, nil, "")
		var got struct {
			Partial bool `json:"partial"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != 200 || err != nil {
			t.Fatalf("%s: status %d, %v", c.target, rec.Code, err)
		}
		if got.Partial != c.partial {
			t.Errorf("%s: partial %v, want %v", c.target, got.Partial, c.partial)
		}
	}
}
