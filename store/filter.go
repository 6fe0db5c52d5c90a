package store

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
)

// FilterParam is one key of an event filter, as the API's query
// parameters and the CLI's flags spell it.
type FilterParam struct {
	Key string
	// Usage is one line of help; a `quoted` word names the value, the
	// way package flag reads it.
	Usage string
	// Op, when set, is the comparison the API also takes for the key,
	// as a query string writes it: "killed>=10" parses as the key
	// "killed>" with the value 10, the same as min-killed=10.
	Op string
}

// FilterParams are the keys ParseFilter reads, in the order help lists
// them.
var FilterParams = append([]FilterParam{
	{"from", "events on or after this `date` (YYYY-MM-DD)", ""},
	{"to", "events on or before this `date` (YYYY-MM-DD)", ""},
	{"source", "source actor `code` or its prefix (IRQ matches IRQGOV)", ""},
	{"target", "target actor `code` or its prefix", ""},
	{"actor", "either actor's `code` or its prefix", ""},
	{"country", "`ISO3` country of the event's place (KEN)", ""},
	{"code", "CAMEO event `code` or its prefix: a root (19), a base (190) or a code (1951)", ""},
	{"quad", "quad `class`: " + quadClasses(), ""},
	{"plover", "PLOVER `category` (ASSAULT, PROTEST, ...)", ""},
	{"mode", "`mode`: asserted, negated, future, intended, reported or hypothetical", ""},
	{"place", "place `name`, exact", ""},
	{"bbox", "places inside `minlat,minlon,maxlat,maxlon` (degrees)", ""},
	{"text", "`words` that all occur in a sentence reporting the event", ""},
	{"background", "`true`: only past events told as background (history); false: only the others", ""},
}, countParams()...)

// CountKinds are the kinds of count an event can state, in the order
// filters, columns and tables list them.
var CountKinds = []event.CountKind{event.Killed, event.Injured, event.Arrested, event.Crowd}

// countKindList lists CountKinds for messages: "killed, injured, ...".
func countKindList() string {
	ks := make([]string, len(CountKinds))
	for i, k := range CountKinds {
		ks[i] = string(k)
	}
	return strings.Join(ks, ", ")
}

// countParams are the bounds of each kind of count, min-killed and
// max-killed, ..., with their comparisons killed>=N and killed<=N.
func countParams() []FilterParam {
	var ps []FilterParam
	for _, k := range CountKinds {
		ps = append(ps,
			FilterParam{"min-" + string(k), "events whose " + string(k) + " count reaches this `number` (the high end of its range is at least it)", string(k) + ">"},
			FilterParam{"max-" + string(k), "events whose " + string(k) + " count can be this `number` or fewer (the low end of its range is at most it)", string(k) + "<"})
	}
	return ps
}

// quadClasses lists the quad classes with their names, for help: "1
// verbal cooperation, 2 material cooperation, ...".
func quadClasses() string {
	var qs []string
	for q := 1; cameo.QuadClassName(q) != ""; q++ {
		qs = append(qs, strconv.Itoa(q)+" "+cameo.QuadClassName(q))
	}
	return strings.Join(qs, ", ")
}

// MaxFilterValue bounds the length of one filter value, in bytes.
const MaxFilterValue = 200

// FilterError is a filter value that ParseFilter or Filter.Check refuses.
// Its message starts with the key, so that a command can prefix its flag
// dashes ("--code").
type FilterError struct {
	Key   string // the FilterParams key ("document" for DocumentID)
	Value string
	Want  string // what the key takes
}

func (e *FilterError) Error() string { return fmt.Sprintf("%s %q: %s", e.Key, e.Value, e.Want) }

// ParseFilter reads an event filter from key/value pairs (an API query,
// a command's flags) with the keys of FilterParams; other keys are left
// to the caller. An empty value does not filter. Codes are read without
// regard to case (usa is USA, negated is NEGATED), as they are stored in
// one case. Every value is checked, against the CAMEO and PLOVER tables
// where it names a code, so a filter that cannot match because it is
// misspelt is an error rather than an empty answer.
func ParseFilter(q url.Values) (Filter, error) {
	var f Filter
	v := make(map[string]string, len(FilterParams))
	for _, p := range FilterParams {
		vs := q[p.Key]
		if p.Op != "" && len(q[p.Op]) > 0 {
			if len(vs) > 0 {
				return f, &FilterError{p.Key, strings.Join(append(vs, q[p.Op]...), ","), "given both as " + p.Key + " and as " + p.Op + "=, want one value"}
			}
			vs = q[p.Op]
		}
		switch {
		case len(vs) == 0:
			continue
		case len(vs) > 1:
			return f, &FilterError{p.Key, strings.Join(vs, ","), fmt.Sprintf("given %d times, want one value", len(vs))}
		case len(vs[0]) > MaxFilterValue || !utf8.ValidString(vs[0]):
			return f, &FilterError{p.Key, vs[0], fmt.Sprintf("want valid UTF-8 of at most %d bytes", MaxFilterValue)}
		}
		v[p.Key] = strings.TrimSpace(vs[0])
	}
	f.SourceActor = strings.ToUpper(v["source"])
	f.TargetActor = strings.ToUpper(v["target"])
	f.Actor = strings.ToUpper(v["actor"])
	f.Country = strings.ToUpper(v["country"])
	f.Code = v["code"]
	f.Plover = strings.ToUpper(v["plover"])
	f.Mode = event.Mode(strings.ToLower(v["mode"]))
	f.Place = v["place"]
	f.Text = v["text"]
	if c := f.Country; c != "" && (len(c) != 3 || strings.IndexFunc(c, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0) {
		return f, &FilterError{"country", v["country"], "want an ISO 3166-1 alpha-3 country code (KEN)"}
	}
	if f.Code != "" && (!digits(f.Code) || !cameo.HasPrefix(f.Code)) {
		return f, &FilterError{"code", f.Code, "want a CAMEO event code or its prefix: a root (19), a base (190) or a code (1951)"}
	}
	if f.Plover != "" && !cameo.IsPloverCategory(f.Plover) {
		return f, &FilterError{"plover", v["plover"], "want a PLOVER category: " + strings.Join(cameo.PloverCategories(), ", ")}
	}
	switch f.Mode {
	case "", event.Asserted, event.Negated, event.Future, event.Intended, event.Reported, event.Hypothetical:
	default:
		return f, &FilterError{"mode", v["mode"], "want asserted, negated, future, intended, reported or hypothetical"}
	}
	for _, d := range []struct {
		key string
		t   *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if s := v[d.key]; s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return f, &FilterError{d.key, s, "want a date, YYYY-MM-DD"}
			}
			*d.t = t
		}
	}
	if s := v["background"]; s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return f, &FilterError{"background", s, "want true or false"}
		}
		f.Background = &b
	}
	if s := v["quad"]; s != "" {
		q, err := strconv.Atoi(s)
		if err != nil || cameo.QuadClassName(q) == "" {
			return f, &FilterError{"quad", s, "want 1, 2, 3 or 4"}
		}
		f.QuadClass = q
	}
	if s := v["bbox"]; s != "" {
		parts := strings.Split(s, ",")
		if len(parts) != 4 {
			return f, &FilterError{"bbox", s, "want minlat,minlon,maxlat,maxlon"}
		}
		var n [4]float64
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return f, &FilterError{"bbox", s, "want minlat,minlon,maxlat,maxlon in degrees"}
			}
			n[i] = x
		}
		f.BBox = &BoundingBox{MinLat: n[0], MinLon: n[1], MaxLat: n[2], MaxLon: n[3]}
	}
	for _, k := range CountKinds {
		b := CountBound{Kind: k, Min: -1, Max: -1}
		for _, n := range []struct {
			key string
			v   *int64
		}{{"min-" + string(k), &b.Min}, {"max-" + string(k), &b.Max}} {
			s := v[n.key]
			if s == "" {
				continue
			}
			x, err := strconv.ParseInt(s, 10, 64)
			if err != nil || x < 0 || !digits(s) {
				return f, &FilterError{n.key, s, "want a whole number of people, 0 or more, in digits"}
			}
			*n.v = x
		}
		if b.Min >= 0 || b.Max >= 0 {
			f.Counts = append(f.Counts, b)
		}
	}
	return f, f.Check()
}

// Check reports the first field of f that no store can take: text that is
// not UTF-8 or holds a NUL byte, a code prefix of other characters than
// letters and digits, a quad class outside 1-4, a bounding box outside
// the globe or upside down, a date range that ends before it starts. The
// stores check every filter they are given with it; ParseFilter checks
// more, against the code tables.
func (f Filter) Check() error {
	for _, s := range []struct{ key, v string }{
		{"source", f.SourceActor}, {"target", f.TargetActor}, {"actor", f.Actor}, {"country", f.Country},
		{"code", f.Code}, {"plover", f.Plover}, {"mode", string(f.Mode)}, {"place", f.Place}, {"text", f.Text},
		{"document", f.DocumentID},
	} {
		if !utf8.ValidString(s.v) || strings.IndexByte(s.v, 0) >= 0 {
			return &FilterError{s.key, s.v, "want UTF-8 text without NUL bytes"}
		}
	}
	for _, s := range []struct{ key, v string }{
		{"source", f.SourceActor}, {"target", f.TargetActor}, {"actor", f.Actor}, {"code", f.Code},
	} {
		if !alnum(s.v) {
			return &FilterError{s.key, s.v, "want letters and digits (a code or its prefix)"}
		}
	}
	if f.QuadClass != 0 && cameo.QuadClassName(f.QuadClass) == "" {
		return &FilterError{"quad", strconv.Itoa(f.QuadClass), "want 1, 2, 3 or 4"}
	}
	if b := f.BBox; b != nil {
		s := fmt.Sprintf("%g,%g,%g,%g", b.MinLat, b.MinLon, b.MaxLat, b.MaxLon)
		for i, x := range []float64{b.MinLat, b.MinLon, b.MaxLat, b.MaxLon} {
			limit := 90.0
			if i%2 == 1 {
				limit = 180
			}
			if math.IsNaN(x) || math.Abs(x) > limit {
				return &FilterError{"bbox", s, "want minlat,minlon,maxlat,maxlon in degrees"}
			}
		}
		if b.MinLat > b.MaxLat || b.MinLon > b.MaxLon {
			return &FilterError{"bbox", s, "the minimum is above the maximum"}
		}
	}
	for _, b := range f.Counts {
		if !slices.Contains(CountKinds, b.Kind) {
			return &FilterError{"count", string(b.Kind), "want a kind of count: " + countKindList()}
		}
		if b.Min < -1 || b.Max < -1 {
			return &FilterError{"min-" + string(b.Kind), fmt.Sprintf("%d..%d", b.Min, b.Max), "want bounds of 0 or more, or -1 for none"}
		}
		if b.Min >= 0 && b.Max >= 0 && b.Max < b.Min {
			return &FilterError{"max-" + string(b.Kind), strconv.FormatInt(b.Max, 10), "want a number at or above min-" + string(b.Kind) + " (" + strconv.FormatInt(b.Min, 10) + ")"}
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && Day(f.To) < Day(f.From) {
		return &FilterError{"to", f.To.Format(time.DateOnly), "want a date on or after from (" + f.From.Format(time.DateOnly) + ")"}
	}
	return nil
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
