package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// doc builds tagged sentences from lines of "word/TAG" tokens ("word"
// alone is O).
func doc(lines ...string) []event.Sentence {
	var out []event.Sentence
	for i, l := range lines {
		var words, tags []string
		for _, f := range strings.Fields(l) {
			w, t, ok := strings.Cut(f, "/")
			if !ok {
				t = "O"
			}
			words, tags = append(words, w), append(tags, t)
		}
		out = append(out, newSentence(i, "", words, tags))
	}
	return out
}

func TestHarmonize(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string // entities as "LABEL text" over the document
	}{
		{"a last name alone is the person",
			[]string{"Amara/B-PER Okafor/I-PER chairs the board .", "Okafor declined to comment ."},
			[]string{"PER Amara Okafor", "PER Okafor"}},
		{"a last name mistyped is the person",
			[]string{"Amara/B-PER Okafor/I-PER chairs the board .", "Okafor/B-ORG declined ."},
			[]string{"PER Amara Okafor", "PER Okafor"}},
		{"the majority type wins",
			[]string{"Veldhoven/B-ORG Partners/I-ORG bought it .", "Veldhoven/B-ORG Partners/I-ORG sold it .", "Veldhoven/B-LOC Partners/I-LOC lost ."},
			[]string{"ORG Veldhoven Partners", "ORG Veldhoven Partners", "ORG Veldhoven Partners"}},
		{"a tie changes nothing",
			[]string{"Kessa/B-LOC grew .", "Kessa/B-ORG shrank ."},
			[]string{"LOC Kessa", "ORG Kessa"}},
		{"a missed mention is found, a longer name first",
			[]string{"Talks in Port/B-LOC Harwick/I-LOC ended .", "In Port Harwick , calm returned ."},
			[]string{"LOC Port Harwick", "LOC Port Harwick"}},
		{"lower case and words touching a name are left",
			[]string{"The Bolt/B-ORG app failed .", "A bolt broke .", "Lars/B-PER Bolt spoke ."},
			[]string{"ORG Bolt", "PER Lars"}},
		{"a name left untagged more often than tagged stays untagged",
			[]string{"Velorian/B-LOC troops crossed .", "Velorian ministers met .", "Velorian police watched ."},
			[]string{"LOC Velorian"}},
		{"no names, nothing to do",
			[]string{"It rained all day ."},
			nil},
	}
	r := &Recognizer{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := doc(tt.in...)
			r.Harmonize(sents)
			var got []string
			for _, s := range sents {
				for _, e := range s.Entities {
					got = append(got, e.Label+" "+e.Text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("entities %q, want %q", got, tt.want)
			}
		})
	}
}
