package pipeline_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/event"
)

func hasCount(r *event.Record, kind event.CountKind, low int64, prec event.CountPrecision, text string) bool {
	for _, c := range r.Counts {
		if c.Kind == kind && c.Low == low && c.Precision == prec && c.Text == text {
			return true
		}
	}
	return false
}

// TestCountsOnEvents checks that a count goes to the event of its
// sentence whose code fits its kind, to the article's one event of that
// kind from a sentence without one, and nowhere else.
func TestCountsOnEvents(t *testing.T) {
	tests := []struct {
		text  string
		roots string // the roots of the events that may carry the count
		kind  event.CountKind
		low   int64
		words string
	}{
		{"Kenyan police arrested twelve protesters in Nairobi on Friday.", "17", event.Arrested, 12, "twelve"},
		{"Thousands of workers marched in Minsk on Sunday to protest against the government.", "14", event.Crowd, 2000, "Thousands"},
		{"Ugandan troops killed at least 14 rebels near the border on Monday. The army said the rebels had attacked a village.",
			"18 19 20", event.Killed, 14, "at least 14"},
		// A later sentence restates the toll: the article's one fitting
		// event takes it.
		{"Ugandan troops attacked rebels near the border on Monday. The toll rose to 40.", "", event.Killed, 40, "40"},
	}
	for _, tt := range tests {
		res, err := defaultPipeline(t).Code(context.Background(), &event.Document{Text: tt.text, Published: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		var on *event.Record
		for i := range res.Records {
			r := &res.Records[i]
			for _, c := range r.Counts {
				if c.Kind == tt.kind && c.Low == tt.low && c.Text == tt.words {
					on = r
				}
				if tt.text[c.Start:c.End] != c.Text {
					t.Errorf("%q: count %+v: span holds %q", tt.text, c, tt.text[c.Start:c.End])
				}
			}
		}
		if on == nil {
			t.Errorf("%q: no event carries %s %d %q; records %+v, counts %+v", tt.text, tt.kind, tt.low, tt.words, codes(res.Records), res.Counts)
			continue
		}
		if tt.roots != "" && !strings.Contains(tt.roots, on.Root) {
			t.Errorf("%q: the count is on a %s event, want one of %s", tt.text, on.Code, tt.roots)
		}
	}
}

// TestCountsStayOnDocument checks that a count with no event of its kind
// in the article stays on the document, and that a count is not put on
// an event whose code does not fit it.
func TestCountsStayOnDocument(t *testing.T) {
	text := "A bus overturned on a mountain road, killing 23 passengers. The Kenyan president condemned the government of Tanzania."
	res, err := defaultPipeline(t).Code(context.Background(), &event.Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Counts) != 1 || res.Counts[0].Kind != event.Killed || res.Counts[0].Low != 23 {
		t.Errorf("document counts %+v, want killed 23", res.Counts)
	}
	for _, r := range res.Records {
		if len(r.Counts) > 0 {
			t.Errorf("the %s event carries %+v", r.Code, r.Counts)
		}
	}
}

// TestExampleCounts checks the counts of the example article.
func TestExampleCounts(t *testing.T) {
	text, err := os.ReadFile("../examples/news/border-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs := codeText(t, string(text), "2024-03-12")
	for _, want := range []struct {
		root  string
		kind  event.CountKind
		low   int64
		prec  event.CountPrecision
		words string
	}{
		{"14", event.Crowd, 200, event.Vague, "Hundreds"},
		{"17", event.Arrested, 12, event.Exact, "twelve"},
	} {
		found := false
		for i := range recs {
			if recs[i].Root == want.root && hasCount(&recs[i], want.kind, want.low, want.prec, want.words) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %sx event carries %s %q", want.root, want.kind, want.words)
		}
	}
}

func codes(recs []event.Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.Code)
	}
	return out
}
