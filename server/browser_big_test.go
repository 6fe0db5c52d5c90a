package server

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// bigStoreBudget is how long a view of the UI may take over a big store,
// from the navigation to its data drawn (issue 16).
const bigStoreBudget = time.Second

// TestBrowserBigStore opens each view of the UI by its address, as a
// bookmark does, over a big SQLite store built beforehand and named by
// $ANNALS_BIG_STORE, unfiltered and for the country of the busiest place,
// and fails a view whose data is not drawn within bigStoreBudget. It logs
// each view's time. Building a big store takes minutes, so the test is
// opt-in and CI's default run skips it:
//
//	nice -n 10 go run ./bench/store -events 1000000 -db /tmp/annals-1m.db -scans 0
//	ANNALS_BIG_STORE=/tmp/annals-1m.db go test ./server -run TestBrowserBigStore -v
//
// The time is taken in the test, around the browser's work, so it
// includes the polling of the page: it is an upper bound.
func TestBrowserBigStore(t *testing.T) {
	path := os.Getenv("ANNALS_BIG_STORE")
	if path == "" {
		t.Skip("ANNALS_BIG_STORE names no store; build one with go run ./bench/store -events 1000000 -db FILE and set ANNALS_BIG_STORE=FILE to time the UI over it")
	}
	// sqlite.Open would make an empty store of a wrong path.
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("ANNALS_BIG_STORE: %v", err)
	}
	var pageErrors syncList
	ctx := browser(t, &pageErrors)
	st, err := sqlite.Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events == 0 {
		t.Fatalf("ANNALS_BIG_STORE %s holds no events", path)
	}
	t.Logf("%s: %d documents, %d events, %d mentions", path, stats.Documents, stats.Events, stats.Mentions)
	srv, err := New(Options{Store: st}) // read-only: no coder, no token
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	shots := screenshotDir(t)
	loads := 0

	// Each view and what it draws of its data.
	views := []struct{ name, drawn string }{
		{"events", `table.events tbody tr`},
		{"timeline", `svg.chart rect`},
		{"map", `svg.map circle.place`},
		{"network", `svg.network path.edge`},
	}
	open := func(shot string, filters url.Values) {
		for _, v := range views {
			hash := "#/" + v.name
			if len(filters) > 0 {
				hash += "?" + filters.Encode()
			}
			t.Run(hash, func(t *testing.T) {
				p := &page{t: t, ctx: ctx, base: ts.URL, shots: shots, errors: &pageErrors, seen: len(pageErrors.list()), loads: &loads}
				p.do("desktop viewport", desktop)
				start := time.Now()
				p.load(hash)
				p.wait(hash, `document.querySelector("`+v.drawn+`") !== null`)
				took := time.Since(start)
				t.Logf("%s drawn in %d ms", hash, took.Milliseconds())
				p.rendered(hash)
				if took > bigStoreBudget {
					t.Errorf("%s took %v over %d events, want under %v", hash, took.Round(time.Millisecond), stats.Events, bigStoreBudget)
				}
				p.shot("big-" + v.name + shot)
				p.pageErrors(hash)
			})
		}
	}
	open("", nil)
	// The busiest place's country: a filter that still matches many
	// events, whatever made the store.
	var places Places
	rec := serve(t, srv, "GET", "/api/places?limit=1", nil, "")
	if err := json.Unmarshal(rec.Body.Bytes(), &places); err != nil || rec.Code != 200 || len(places.Places) == 0 || places.Places[0].Country == "" {
		t.Fatalf("GET /api/places?limit=1: status %d, %q (%v): no busiest country", rec.Code, rec.Body.String(), err)
	}
	open("-country", url.Values{"country": {places.Places[0].Country}})
}
