package geo

import (
	"sort"

	"github.com/annals/annals/event"
)

// EntityMentions returns the location entities (label LOC or GPE) of a
// tagged sentence as mentions.
func EntityMentions(s *event.Sentence) []Mention {
	var out []Mention
	for _, e := range s.Entities {
		if (e.Label == "LOC" || e.Label == "GPE") && e.Start >= 0 && e.End > e.Start {
			out = append(out, Mention{Text: e.Text, Start: e.Start, End: e.End})
		}
	}
	return out
}

// Merge combines a tagger's location spans with the gazetteer's matches
// from FindToponyms: where they overlap, the tagged span wins, since the
// tagger knows where a name ends ("Baghdad International Airport") and
// when a capitalised word is no place; gazetteer matches the tagger
// missed are kept, and demonyms keep their flag. The result is in text
// order.
func Merge(tagged, found []Mention) []Mention {
	out := append([]Mention(nil), tagged...)
	for _, f := range found {
		overlaps := false
		for _, t := range tagged {
			if f.Start < t.End && t.Start < f.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
