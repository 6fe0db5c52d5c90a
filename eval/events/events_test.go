package events

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

func TestKey(t *testing.T) {
	for _, tc := range []struct {
		actor *event.Actor
		want  string
	}{
		{nil, ""},
		{&event.Actor{Code: "USAGOV", Country: "USA"}, "USA"},
		{&event.Actor{Code: "IGOUNO"}, "IGOUNO"},
		{&event.Actor{Code: "IGOEURPAR", Country: "IGO"}, "IGOEUR"},
		{&event.Actor{Code: "COP"}, "---"},
		{&event.Actor{Code: "NGO"}, "NGO"},
	} {
		if got := Key(tc.actor); got != tc.want {
			t.Errorf("Key(%+v) = %q, want %q", tc.actor, got, tc.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"file":"a.csv","key":"k","text_sha256":"00","events":[{"source":["USA"],"root":["1"],"target":[""],"evidence":"x"}]}`, `root "1"`},
		{`{"file":"a.csv","key":"k","text_sha256":"00","events":[{"source":["usa"],"root":["14"],"target":[""],"evidence":"x"}]}`, `source key "usa"`},
		{`{"file":"a.csv","key":"k","text_sha256":"00","events":[{"source":["USA"],"root":["14"],"target":[],"evidence":"x"}]}`, `at least one alternative`},
		{`{"file":"a.csv","key":"k","text_sha256":"00","events":[{"source":["USA"],"root":["14"],"target":[""],"evidence":" "}]}`, `no evidence`},
		{`{"file":"a.csv","key":"k","text_sha256":"00","events":[{"source":["USA"],"root":["14"],"target":[""],"date":"Jan 3","evidence":"x"}]}`, `date "Jan 3"`},
		{`{"file":"a.csv","key":"k","text_sha256":"00","colour":"red","events":[]}`, `unknown field`},
		{`{"file":"a.csv"}`, `required`},
	} {
		_, err := Read(strings.NewReader("\n"+tc.line+"\n"), "gold.jsonl")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "gold.jsonl:2:") {
			t.Errorf("Read(%s): error %v, want one at gold.jsonl:2 about %s", tc.line, err, tc.want)
		}
	}
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// rec builds a coded record of the sentence at [start,end).
func rec(src, code, tgt string, sent, start, end int) event.Record {
	actor := func(c string) *event.Actor {
		if c == "" {
			return nil
		}
		a := &event.Actor{Code: c}
		if len(c) >= 3 && c[:3] != "COP" && c[:3] != "IGO" {
			a.Country = c[:3]
		}
		return a
	}
	return event.Record{Source: actor(src), Target: actor(tgt), Code: code, Root: code[:2], Mode: event.Asserted,
		Sentence: event.SentenceRef{Index: sent, Start: start, End: end}}
}

func TestScore(t *testing.T) {
	// Two sentences: [0,40) and [40,80).
	text := strings.Repeat("a", 10) + "Kenya met Uganda." + strings.Repeat("b", 13) + strings.Repeat("c", 10) + "Police arrested protesters." + strings.Repeat("d", 3)
	sents := []event.Sentence{{Index: 0, Start: 0, End: 40}, {Index: 1, Start: 40, End: 80}}
	lat, lon := -1.29, 36.82
	gold := &Article{Title: "t", Events: []Event{
		{Source: []string{"KEN"}, Root: []string{"04"}, Target: []string{"UGA"}, Evidence: "Kenya met Uganda", Date: "2019-03", Place: &Place{Name: "Nairobi", Lat: &lat, Lon: &lon}},
		{Source: []string{"UGA"}, Root: []string{"04"}, Target: []string{"KEN"}, Evidence: "Kenya met Uganda"},
		{Source: []string{"KEN", "---"}, Root: []string{"17"}, Target: []string{"KEN", ""}, Evidence: "Police arrested protesters"},
		{Source: []string{"KEN"}, Root: []string{"14"}, Target: []string{""}, Evidence: "protesters", Mode: "negated"},
	}}
	met := rec("KENGOV", "040", "UGA", 0, 0, 40)
	met.Date = "2019-03-05"
	met.Location = &event.Location{Name: "Nairobi", Country: "KEN", Lat: -1.28, Lon: 36.81}
	coded := []event.Record{
		met,
		rec("KENGOV", "040", "UGA", 0, 0, 40), // a second mention: false, a duplicate
		rec("COP", "173", "", 1, 40, 80),      // an arrest by police of no country
		rec("KENGOV", "112", "UGA", 0, 0, 40), // not in the gold
		rec("UGA", "190", "KEN", 1, 40, 80),   // its sentence holds a gold event of another root
		rec("KEN", "141", "", 1, 40, 80),      // negated events are not scored
	}
	coded[5].Mode = event.Negated
	r := NewResult()
	r.Add(gold, text, &Coded{Records: coded, Sentences: sents})
	if r.Events.Want != 3 || r.Events.Found != 5 || r.Events.TP != 2 {
		t.Fatalf("counts want=%d found=%d tp=%d, want 3, 5, 2", r.Events.Want, r.Events.Found, r.Events.TP)
	}
	if r.Dated != 1 || r.Dates != 1 || r.Sited != 1 || r.Places != 1 {
		t.Errorf("dates %d/%d places %d/%d, want 1/1 and 1/1", r.Dates, r.Dated, r.Places, r.Sited)
	}
	if len(r.Misses) != 1 || r.Misses[0].Cause != CauseWrongActor {
		t.Errorf("misses %+v, want the UGA→KEN meeting, with the wrong actors", r.Misses)
	}
	causes := map[string]int{}
	for _, m := range r.False {
		causes[m.Cause]++
	}
	want := map[string]int{CauseDuplicate: 1, CauseWrongCode: 1, CauseWrongBoth: 1}
	for c, n := range want {
		if causes[c] != n {
			t.Errorf("false events by cause %v, want %v", causes, want)
			break
		}
	}
	if rs := r.ByRoot["04"]; rs.Gold != 2 || rs.Recalled != 1 || rs.Coded != 2 || rs.Correct != 1 {
		t.Errorf("root 04: %+v", *rs)
	}
}

// TestMatchingIsMaximum checks that the matching is one to one and
// maximum: a greedy pairing would give the first gold event the only
// coded event the second can take.
func TestMatchingIsMaximum(t *testing.T) {
	edges := [][]int{{0, 1}, {0}}
	got := match(edges, 2)
	if got[0] != 1 || got[1] != 0 {
		t.Errorf("match = %v, want [1 0]", got)
	}
}
