package pipeline_test

import (
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/pipeline"
)

// TestRequestedActs: what one actor asks, calls on or allows another to do
// has not happened; the asking is the event (docs/coder.md, "Acts inside a
// proposal").
func TestRequestedActs(t *testing.T) {
	for _, c := range []struct {
		text, verb string
		want       event.Mode
	}{
		{"Tanzania asked Kenya to release the detained truck drivers.", "release", event.Hypothetical},
		{"Tanzania asked Kenya to release the detained truck drivers.", "asked", event.Asserted},
		{"The Kenyan opposition called on the government to release the detained Tanzanian journalists.", "release", event.Hypothetical},
		{"Uganda allowed Kenyan police to arrest the Tanzanian suspects.", "arrest", event.Hypothetical},
		{"Kenyan police arrested the protesters to restore order in Nairobi.", "arrested", event.Asserted},
		{"Kenya agreed to release the detained Tanzanian journalists.", "agreed", event.Asserted},
	} {
		recs := codeWith(t, pipeline.Options{}, c.text)
		var got []string
		found := false
		for _, r := range recs {
			got = append(got, r.Evidence.Verb+"/"+string(r.Mode))
			if r.Evidence.Verb == c.verb {
				found = true
				if r.Mode != c.want {
					t.Errorf("%q: %q has mode %s, want %s", c.text, c.verb, r.Mode, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event on %q in %v", c.text, c.verb, got)
		}
	}
}

// TestSuspectTargets: the people a justice act falls on ("the suspect",
// "the accused", "the defendant") are criminals (CRM) of the act's place.
func TestSuspectTargets(t *testing.T) {
	for _, c := range []struct{ text, target string }{
		{"Kenyan police arrested the suspect in Nairobi.", "KENCRM"},
		{"Kenyan prosecutors charged the defendant with murder.", "KENCRM"},
	} {
		recs := codeWith(t, pipeline.Options{}, c.text)
		var got []string
		ok := false
		for _, r := range recs {
			if r.Target != nil {
				got = append(got, r.Code+"/"+r.Target.Code)
				ok = ok || r.Target.Code == c.target
			}
		}
		if !ok {
			t.Errorf("%q: targets %v, want %s", c.text, got, c.target)
		}
	}
}
