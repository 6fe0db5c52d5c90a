package server

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/pipeline"
)

// FuzzQuery sends arbitrary query strings to every read endpoint of a
// server over a real (empty) store: each must answer 200 or 400 with a
// JSON body, never fail inside or reach the database with bad input.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"country=KEN&code=19", "from=2024-01-01&to=2024-12-31&quad=4", "bbox=-5,33,5,42&limit=10",
		"text=%27%3B+DROP+TABLE+events%3B--", "cursor=20240101.5", "by=root&interval=week", "mode=negated&plover=ASSAULT",
		"source=%ff", "limit=99999999999999999999", "bbox=nan,nan,nan,nan", "quad=1&quad=2",
		"killed>=10&sort=crowd", "min-crowd=5&max-crowd=1", "sort=injured&cursor=x", "arrested<=-1",
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

// noEvents is a coder that finds nothing, so that FuzzPostDocument
// exercises reading and storing the body, not the language models.
type noEvents struct{}

func (noEvents) Code(ctx context.Context, doc *event.Document) (*pipeline.Result, error) {
	return &pipeline.Result{}, nil
}

// FuzzPostDocument posts arbitrary bodies: each is stored (201) or
// refused as the client's fault (400, 413), never a server failure.
func FuzzPostDocument(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Police arrested protesters.","published":"2024-03-08"}`, `{"url":"ftp://x"}`, `{"text":""}`,
		`{"text":"\u0000\u0001"}`, `{"text":"a","colour":1}`, `[1,2]`, `{"text":"\xff\xfe bad"}`, `{"published":"2024-02-30","text":"x"}`,
	} {
		f.Add([]byte(seed))
	}
	s, err := New(Options{Store: emptyStore(f), Coder: noEvents{}, Token: testToken, MaxBodyBytes: 1 << 12})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := serve(t, s, "POST", "/api/documents", body, testToken)
		switch rec.Code {
		case 201, 400, 413:
		default:
			t.Fatalf("POST %q: %d %s", body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("POST %q: body is not JSON: %q", body, rec.Body)
		}
	})
}
