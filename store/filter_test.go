package store_test

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

func TestParseFilter(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, c := range []struct {
		query string
		want  store.Filter
	}{
		{"", store.Filter{}},
		{"country=", store.Filter{}},
		{"from=2024-01-01&to=2024-01-31", store.Filter{From: day("2024-01-01"), To: day("2024-01-31")}},
		{"from=2024-01-31&to=2024-01-31", store.Filter{From: day("2024-01-31"), To: day("2024-01-31")}},
		// Codes are read in any case and stored in one.
		{"country=usa", store.Filter{Country: "USA"}},
		{"country=+Ken+", store.Filter{Country: "KEN"}},
		{"source=irqgov&target=Usa&actor=ken", store.Filter{SourceActor: "IRQGOV", TargetActor: "USA", Actor: "KEN"}},
		{"plover=assault", store.Filter{Plover: "ASSAULT"}},
		{"mode=Negated", store.Filter{Mode: event.Negated}},
		{"code=19", store.Filter{Code: "19"}},
		{"code=1951", store.Filter{Code: "1951"}},
		{"code=1", store.Filter{Code: "1"}},
		{"quad=4", store.Filter{QuadClass: 4}},
		{"bbox=-5,33,5,42", store.Filter{BBox: &store.BoundingBox{MinLat: -5, MinLon: 33, MaxLat: 5, MaxLon: 42}}},
		{"bbox=-90,+-180,+90,+180", store.Filter{BBox: &store.BoundingBox{MinLat: -90, MinLon: -180, MaxLat: 90, MaxLon: 180}}},
		// Place names and words are taken as given.
		{"place=Nairobi&text=police+arrested", store.Filter{Place: "Nairobi", Text: "police arrested"}},
		{"background=true", store.Filter{Background: ptr(true)}},
		{"background=false", store.Filter{Background: ptr(false)}},
		// Keys that are not filters are the caller's.
		{"limit=10&cursor=x", store.Filter{}},
		// Counts: the flags' keys, or the API's comparisons.
		{"min-killed=10", store.Filter{Counts: []store.CountBound{{Kind: event.Killed, Min: 10, Max: -1}}}},
		{"killed>=10", store.Filter{Counts: []store.CountBound{{Kind: event.Killed, Min: 10, Max: -1}}}},
		{"crowd<=500&crowd>=0", store.Filter{Counts: []store.CountBound{{Kind: event.Crowd, Min: 0, Max: 500}}}},
		{"max-arrested=3&injured>=1", store.Filter{Counts: []store.CountBound{
			{Kind: event.Injured, Min: 1, Max: -1}, {Kind: event.Arrested, Min: -1, Max: 3}}}},
		{"min-killed=", store.Filter{}},
	} {
		q, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.ParseFilter(q)
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %+v, want %+v", c.query, got, c.want)
		}
	}
}

func ptr(b bool) *bool { return &b }

func TestParseFilterErrors(t *testing.T) {
	for _, c := range []struct{ query, key string }{
		{"code=abc", "code"},
		{"code=1a", "code"},
		{"code=99", "code"}, // digits, but no CAMEO code starts so
		{"code=19511", "code"},
		{"code=-1", "code"},
		{"country=us", "country"},
		{"country=U5A", "country"},
		{"country=KEN&country=TZA", "country"},
		{"plover=CONFLICT", "plover"},
		{"mode=sarcastic", "mode"},
		{"from=January", "from"},
		{"to=2024-13-01", "to"},
		{"from=2024-02-01&to=2024-01-31", "to"},
		{"quad=0", "quad"},
		{"quad=5", "quad"},
		{"quad=x", "quad"},
		{"min-killed=-1", "min-killed"},
		{"killed>=ten", "min-killed"},
		{"killed>=1e3", "min-killed"},
		{"crowd>=1,000", "min-crowd"},
		{"min-crowd=99999999999999999999", "min-crowd"},
		{"min-killed=5&killed>=6", "min-killed"},
		{"min-injured=10&max-injured=9", "max-injured"},
		{"background=maybe", "background"},
		{"bbox=1,2,3", "bbox"},
		{"bbox=nan,0,1,1", "bbox"},
		{"bbox=0,0,95,1", "bbox"},
		{"bbox=10,0,5,1", "bbox"},
		{"source=IRQ%27--", "source"},
		{"actor=IRQ%25", "actor"},
		{"text=%ff%fe", "text"},
		{"place=a%00b", "place"},
		{"text=" + strings.Repeat("a", store.MaxFilterValue+1), "text"},
	} {
		q, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = store.ParseFilter(q)
		var fe *store.FilterError
		if !errors.As(err, &fe) || fe.Key != c.key || !strings.HasPrefix(err.Error(), c.key+" ") {
			t.Errorf("%q: error %v, want a FilterError for %s", c.query, err, c.key)
		}
	}
}

func TestFilterCheck(t *testing.T) {
	for _, f := range []store.Filter{
		{QuadClass: 7},
		{SourceActor: "IRQ%"},
		{Code: "19'"},
		{BBox: &store.BoundingBox{MinLat: 10, MaxLat: 0}},
		{BBox: &store.BoundingBox{MinLat: math.NaN()}},
		{Text: "a\x00b"},
		{DocumentID: "\xff"},
		{From: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 1, 31, 23, 0, 0, 0, time.UTC)},
	} {
		if err := f.Check(); err == nil {
			t.Errorf("Check(%+v) = nil, want an error", f)
		}
	}
	// A filter made in code need not name real codes: synthetic data
	// (the benchmarks' C01 countries) is filtered too.
	if err := (store.Filter{Country: "C01", Code: "0", Actor: "C10GOV", QuadClass: 2}).Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// FuzzParseFilter checks that every filter ParseFilter accepts passes
// Check, so that a store never refuses what the API and the CLI let
// through, and that every refusal is a FilterError.
func FuzzParseFilter(f *testing.F) {
	f.Add("quad=3&bbox=1,2,3,4&code=190")
	f.Add("bbox=-90,-180,90,180&from=2020-02-29")
	f.Add("bbox=nan,0,1,1")
	f.Add("country=usa&plover=protest&mode=NEGATED&source=irq")
	f.Add("killed>=5&crowd<=900&min-injured=0")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := store.ParseFilter(q)
		if err != nil {
			var fe *store.FilterError
			if !errors.As(err, &fe) {
				t.Errorf("%q: error %v is no FilterError", raw, err)
			}
			return
		}
		if err := flt.Check(); err != nil {
			t.Errorf("%q: ParseFilter accepted %+v, which Check refuses: %v", raw, flt, err)
		}
	})
}

func ExampleParseFilter() {
	f, err := store.ParseFilter(url.Values{"country": {"ken"}, "code": {"14"}, "from": {"2024-03-01"}})
	fmt.Println(f.Country, f.Code, f.From.Format(time.DateOnly), err)
	_, err = store.ParseFilter(url.Values{"code": {"abc"}})
	fmt.Println(err)
	// Output:
	// KEN 14 2024-03-01 <nil>
	// code "abc": want a CAMEO event code or its prefix: a root (19), a base (190) or a code (1951)
}
