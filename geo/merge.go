package geo

import (
	"sort"
	"strings"
	"unicode"

	"github.com/annals/annals/event"
)

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

// Toponyms returns the place names of an analysed text (sents are its
// tagged sentences, offsets into text): the tagger's location entities
// and the gazetteer's matches, merged as Merge does, less what the tagger
// calls a person or an organisation. A gazetteer match inside a person's
// name is refused ("Kilroy-Silk"), and so is a one-word match that is a
// word of a person's name of two words or more anywhere in the text
// ("Tom Walsh … Walsh said"), unless a major place bears it or the
// tagger calls that very span a place. Inside an organisation's name a
// country, a region or a city of 100,000 is kept, flagged InName
// ("Kentucky State Police", "CTV Winnipeg"), since it says where the
// article is, and so is any place that names a local body ("Bantam
// Superior Court", "Enfield Council"); any other match there is refused
// ("Lib Dem"). Acronyms
// that name no place are refused (see FalseAcronym).
func (g *Gazetteer) Toponyms(text string, sents []event.Sentence, opt FindOptions) []Mention {
	var tagged []Mention
	var names []event.Entity
	nameWords := map[string]bool{}
	for i := range sents {
		for _, e := range sents[i].Entities {
			if (e.Label == "PER" || e.Label == "ORG") && e.Start >= 0 && e.End > e.Start {
				names = append(names, e)
			}
			if e.Label == "PER" {
				ws := strings.FieldsFunc(e.Text, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
				// A one-word "person" that the gazetteer knows is as
				// likely a place the tagger missed ("in Ludwigshafen"),
				// and a name opening with an acronym is a broadcaster's
				// or a firm's ("CTV Winnipeg"): neither unmakes the place
				// elsewhere in the text.
				if len(ws) < 2 || Acronym(ws[0]) {
					continue
				}
				for _, w := range ws {
					nameWords[w] = true
				}
			}
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i].Start < names[j].Start })
	// A word of a person's name is no place elsewhere in the text either,
	// unless a major place bears it: "Jordan" of "Michael Jordan" does
	// not unmake the country.
	personal := func(m Mention) bool {
		return nameWords[m.Text] && !m.Demonym && !g.major(Key(m.Text))
	}
	for i := range sents {
		for _, e := range sents[i].Entities {
			if e.Label != "LOC" && e.Label != "GPE" || e.Start < 0 || e.End <= e.Start || e.End > len(text) || g.FalseAcronym(e.Text) {
				continue
			}
			m := Mention{Text: e.Text, Start: e.Start, End: e.End}
			// The tokenizer leaves the dot of "Alta." apart.
			if _, ok := g.abbrevs[e.Text+"."]; ok && strings.HasPrefix(text[e.End:], ".") {
				m.End++
				m.Text = text[m.Start:m.End]
			}
			// The tagger's own reading of this very span wins over a
			// person's name elsewhere ("Ludwigshafen" tagged a place
			// here, a person there).
			tagged = append(tagged, m)
		}
	}
	// Only what the sentences cover is searched: a long document is
	// analysed, and its places read, part by part.
	lo, hi := 0, len(text)
	if n := len(sents); n > 0 && sents[0].Start >= 0 && sents[0].Start <= sents[n-1].End && sents[n-1].End <= len(text) {
		lo, hi = sents[0].Start, sents[n-1].End
	}
	var found []Mention
	for _, m := range g.FindToponyms(text[lo:hi], opt) {
		m.Start += lo
		m.End += lo
		keep := true
		// The entities are in text order and do not overlap: the one that
		// may overlap m is the last starting before m's end.
		if i := sort.Search(len(names), func(i int) bool { return names[i].Start >= m.End }) - 1; i >= 0 && names[i].End > m.Start {
			_, abbrev := g.abbrevs[m.Text]
			keep = names[i].Label == "ORG" && (m.Demonym || abbrev || g.atLeast(Key(m.Text), 100_000) || localBody(names[i].Text))
			m.InName = true
		}
		if keep && !m.InName && personal(m) {
			keep = false
		}
		if keep {
			found = append(found, m)
		}
	}
	return Merge(tagged, found)
}

// localBody reports whether an organisation's name is that of a local
// body, which lies in the place it is named after ("Bantam Superior
// Court", "Enfield Council", "Metcalfe County Coroner's Office").
func localBody(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if localBodies[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// localBodies are the head words of local bodies' names.
var localBodies = map[string]bool{
	"court": true, "police": true, "sheriff": true, "council": true, "coroner": true,
	"hospital": true, "school": true, "college": true, "academy": true, "library": true,
	"fire": true, "constabulary": true, "borough": true, "township": true, "municipality": true,
}

// Acronym reports whether a name is written as an acronym: two to five
// capital letters, dots between them allowed ("CNN", "U.N.", "IS").
func Acronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 5
}

// FalseAcronym reports whether name is an acronym (see Acronym) that
// names no place as such. An acronym names a place when it is a state
// or province abbreviation of the gazetteer ("N.J."), an upper-case
// spelling of a country, a region or a city of a million ("US", "UAE",
// "DRC"), or the name of a country, a region or a city of 100,000
// written in capitals, as datelines write them ("CAIRO", "IRAN").
// GeoNames gives many small places airport and other codes as alternate
// names ("CNN" for Kannur), which read in news as the organisations they
// are.
func (g *Gazetteer) FalseAcronym(name string) bool {
	if !Acronym(name) {
		return false
	}
	if _, ok := g.abbrevs[name]; ok {
		return false
	}
	return len(g.acronymPlaces(name)) == 0
}

// acronymPlaces returns the places that name, an acronym, stands for
// (see FalseAcronym).
func (g *Gazetteer) acronymPlaces(name string) []int {
	k := Key(name)
	var out []int
	for _, i := range g.names.get(k) {
		p := &g.places[i]
		if p.Kind <= Admin1 || p.Population >= 100_000 {
			if Key(p.Name) == k {
				out = append(out, i)
				continue
			}
		}
		if p.Kind > Admin1 && p.Population < 1_000_000 {
			continue
		}
		for _, a := range p.Alt {
			if Key(a) == k && a == strings.ToUpper(a) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
