package server

import (
	"encoding/json"
	"net/url"
	"testing"
)

// FuzzQuery sends arbitrary query strings to every read endpoint of a
// server over a real (empty) store: each must answer 200 or 400 with a
// JSON body, never fail inside or reach the database with bad input.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"country=KEN&code=19", "from=2024-01-01&to=2024-12-31&quad=4", "bbox=-5,33,5,42&limit=10",
		"text=%27%3B+DROP+TABLE+events%3B--", "cursor=20240101.5", "by=root&interval=week", "mode=negated&plover=ASSAULT",
		"source=%ff", "limit=99999999999999999999", "bbox=nan,nan,nan,nan", "quad=1&quad=2",
	} {
		f.Add(seed)
	}
	s, err := New(Options{Store: emptyStore(f)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return // not a query string a client would send
		}
		for _, path := range []string{"/api/events", "/api/timeseries", "/api/actors", "/api/places"} {
			rec := serve(t, s, "GET", path+"?"+q.Encode(), nil, "")
			if rec.Code != 200 && rec.Code != 400 {
				t.Fatalf("GET %s?%s: %d %s", path, raw, rec.Code, rec.Body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("GET %s?%s: body is not JSON: %q", path, raw, rec.Body)
			}
		}
	})
}

// FuzzParseFilter checks that every filter the parser accepts is one the
// store can take: a known quad class, an ordered bounding box.
func FuzzParseFilter(f *testing.F) {
	f.Add("quad=3&bbox=1,2,3,4&code=190")
	f.Add("bbox=-90,-180,90,180&from=2020-02-29")
	f.Add("bbox=nan,0,1,1")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := readFilter(q)
		if err != nil {
			return
		}
		if flt.QuadClass < 0 || flt.QuadClass > 4 {
			t.Errorf("%q: quad %d", raw, flt.QuadClass)
		}
		if b := flt.BBox; b != nil && !(b.MinLat <= b.MaxLat && b.MinLon <= b.MaxLon && b.MinLat >= -90 && b.MaxLon <= 180) {
			t.Errorf("%q: bbox %+v", raw, *b)
		}
		for _, c := range flt.Code {
			if c < '0' || c > '9' {
				t.Errorf("%q: code %q", raw, flt.Code)
			}
		}
	})
}
