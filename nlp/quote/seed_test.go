package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp/tokenize"
)

// TestSeed runs on the seed article (tokens only): the speakers
// its quotes must resolve to and the modes of its hedged events.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(testshared.File(t, "seed/baghdad-march.txt"))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	text := string(b)
	sents := tokenize.Split(text)
	doc, err := Analyze(text, sents)
	if err != nil {
		t.Fatal(err)
	}
	qs := doc.Quotes
	speakers := []struct{ content, speaker, entity string }{
		{"The skies, land, and sovereignty", "the cleric", "Muqtada al-Sadr"},
		{"It will reignite the flame", "he", "Nasser al-Shammari"},
		{"Most Iraqi people consider", "he", "Nasser al-Shammari"},
		{"Trump has committed unforgivable crimes", "Mohie", "Mohie"},
	}
	for _, w := range speakers {
		var q *Quote
		for i := range qs {
			if strings.HasPrefix(qs[i].Text(text), w.content) {
				q = &qs[i]
			}
		}
		if q == nil {
			t.Errorf("no quote %q...", w.content)
			continue
		}
		if q.Speaker.Text != w.speaker || q.Entity.Text != w.entity {
			t.Errorf("quote %q...: speaker %q → %q, want %q → %q", w.content, q.Speaker.Text, q.Entity.Text, w.speaker, w.entity)
		}
	}
	modes := []struct {
		sentence, verb string
		want           event.Mode
	}{
		{"He also did not rule out", "rule", event.Hypothetical},
		{"Nasser al-Shammari, deputy", "turn", event.Future},
		{"On Wednesday, Salih met", "met", event.Asserted},
	}
	for _, w := range modes {
		s, v := findVerb(sents, w.sentence, w.verb)
		if s == nil {
			t.Errorf("no sentence %q... with %q", w.sentence, w.verb)
			continue
		}
		if got := Mode(s, v, doc.Holding(s.Index, v)); got != w.want {
			t.Errorf("%q in %q...: %s, want %s", w.verb, w.sentence, got, w.want)
		}
	}
}

// findVerb returns the sentence that starts with prefix and the index of
// its token verb.
func findVerb(sents []event.Sentence, prefix, verb string) (*event.Sentence, int) {
	for i := range sents {
		if !strings.HasPrefix(sents[i].Text, prefix) {
			continue
		}
		for j, tok := range sents[i].Tokens {
			if tok.Text == verb {
				return &sents[i], j
			}
		}
	}
	return nil, -1
}
