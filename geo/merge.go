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
	// A found span overlaps a tagged one when some tagged span starting
	// before its end ends after its start: with the tagged spans by start
	// and the greatest end of each prefix, one binary search answers.
	byStart := append([]Mention(nil), tagged...)
	sort.SliceStable(byStart, func(i, j int) bool { return byStart[i].Start < byStart[j].Start })
	maxEnd := make([]int, len(byStart))
	for i, t := range byStart {
		maxEnd[i] = t.End
		if i > 0 {
			maxEnd[i] = max(t.End, maxEnd[i-1])
		}
	}
	for _, f := range found {
		n := sort.Search(len(byStart), func(i int) bool { return byStart[i].Start >= f.End })
		if n == 0 || maxEnd[n-1] <= f.Start {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
