// Package geo resolves place names in news text to coordinates, country and
// first-level administrative region (admin1).
//
// A Gazetteer holds continents, countries, admin1 and admin2 regions and
// cities with their alternate names; Build makes one from GeoNames dump
// files and WriteIndex/ReadIndex store it as a compact gzip index. Default
// returns the index embedded in the binary (the towns of GeoNames'
// cities500); a fuller one is read with Open or Load.
// FindToponyms finds place names in raw text from the gazetteer; Merge
// combines them with a tagger's location entities; Toponyms does both
// for a tagged text, less its people, organisations and false acronyms;
// Datelines reads the datelines of its paragraphs; and Resolve picks,
// for every mention of an article, the entry that fits the article best:
// by population and feature code, by the countries and regions of the
// other places and actors in the same article, by "Town, Region"
// qualifiers and by cue words ("the state of").
//
// Gazetteer data: GeoNames (https://www.geonames.org), licensed under
// Creative Commons Attribution 4.0 (CC BY 4.0). The embedded index is
// derived from the GeoNames cities500, admin1CodesASCII, admin2Codes and
// countryInfo dumps, with GeoNames' country points from gvenzl/sample-data
// (CC BY 4.0); other country points, alternate spellings and demonyms
// come from mledoze/countries (world-countries, ODbL 1.0). See
// docs/models.md.
package geo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annals/annals/event"
)

// Kind is the level of a gazetteer entry.
type Kind uint8

// Kinds of place, from the largest.
const (
	Continent Kind = iota + 1
	Country
	Admin1
	Admin2 // counties, districts
	City
)

// String returns the kind's name: "continent", "country", "admin1", "admin2", "city".
func (k Kind) String() string {
	switch k {
	case Continent:
		return "continent"
	case Country:
		return "country"
	case Admin1:
		return "admin1"
	case Admin2:
		return "admin2"
	case City:
		return "city"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Place is one gazetteer entry.
type Place struct {
	ID         int      // GeoNames id; 0 when GeoNames has none
	Name       string   // preferred English name
	Kind       Kind     //
	Code       string   // GeoNames feature code: PCLI, ADM1, PPLC, PPLA, PPL...
	Country    string   // ISO 3166-1 alpha-2
	Admin1     string   // GeoNames admin1 code inside the country ("TX"); "" for countries
	Admin2     string   // GeoNames admin2 code inside admin1 ("169"); "" when none
	Lat, Lon   float64  // degrees, WGS84
	Population int64    //
	Alt        []string // alternate names (Latin script only)
}

// CountryInfo describes a country of the gazetteer.
type CountryInfo struct {
	ISO2, ISO3 string
	Name       string
	Capital    string   // name of the capital city
	Place      int      // index of the country's own Place
	Demonyms   []string // adjectives and nationals: "Turkish", "Turks"
}

// Gazetteer is a searchable set of places. It is read-only once built and
// safe for concurrent use.
type Gazetteer struct {
	places    []Place
	countries []CountryInfo
	byISO2    map[string]int // ISO2 -> index in countries
	byISO3    map[string]int // ISO3 -> index in countries
	admin1    map[string]int // "US.TX" -> index in places
	names     nameIndex      // Key(name) -> indices in places
	demonyms  map[string]int // Key(demonym) -> index in countries
	abbrevs   map[string]int // "Ky." -> index in places
	maxWords  int            // words in the longest name
}

// newGazetteer indexes places and countries.
func newGazetteer(places []Place, countries []CountryInfo) *Gazetteer {
	g := &Gazetteer{
		places:    places,
		countries: countries,
		byISO2:    make(map[string]int, len(countries)),
		byISO3:    make(map[string]int, len(countries)),
		admin1:    make(map[string]int),
		demonyms:  make(map[string]int),
	}
	for i, c := range countries {
		g.byISO2[c.ISO2] = i
		g.byISO3[c.ISO3] = i
		for _, d := range c.Demonyms {
			k := Key(d)
			// "French" is the demonym of France and of the French
			// Southern Territories: the more populous country keeps it.
			if j, ok := g.demonyms[k]; k == "" || ok && places[countries[j].Place].Population >= places[c.Place].Population {
				continue
			}
			g.demonyms[k] = i
		}
	}
	var keys []string
	var of []int32
	for i := range places {
		p := &places[i]
		if p.Kind == Admin1 {
			g.admin1[p.Country+"."+p.Admin1] = i
		}
		add := func(name string) {
			if k := Key(name); k != "" {
				keys, of = append(keys, k), append(of, int32(i))
			}
		}
		add(p.Name)
		for _, a := range p.Alt {
			// GeoNames gives towns their airport and other codes as
			// alternate names ("CNN" for Kannur, "LIB" for Liberdade),
			// which news writes for other things; only countries,
			// regions and cities of a million keep theirs ("UAE").
			if Acronym(a) && p.Kind > Admin1 && p.Population < 1_000_000 {
				continue
			}
			add(a)
		}
		if base, ok := strings.CutSuffix(p.Name, " County"); ok && p.Kind == Admin2 {
			add(base + " Co") // "PLYMOUTH CO." in datelines
		}
	}
	g.names = indexNames(keys, of)
	g.maxWords = 0
	for _, k := range keys {
		g.maxWords = max(g.maxWords, words(k))
	}
	keys, of = nil, nil
	if groups := regionGroups(g.places, &g.names); len(groups) > 0 {
		g.places = append(g.places, groups...)
		for j, r := range groups {
			g.addName(r.Name, len(places)+j)
		}
	}
	g.abbrevs = abbreviationIndex(g.admin1)
	return g
}

// nameIndex maps a name's Key to the indices of the places it names, in
// the order they were added. It keeps all the lists in one slice, so that
// the gazetteer's largest index is a map of small values without an
// allocation for each name (a map of slices took about twice the memory).
type nameIndex struct {
	spans map[string]span
	refs  []int
}

// span is a name's list, refs[off:off+n].
type span struct{ off, n uint32 }

// indexNames indexes the names keys[i] of places of[i], given place by
// place; a place is listed once under each key.
func indexNames(keys []string, of []int32) nameIndex {
	x := nameIndex{spans: make(map[string]span, len(keys)*4/5)}
	for _, k := range keys {
		s := x.spans[k]
		s.n++
		x.spans[k] = s
	}
	off := uint32(0)
	for k, s := range x.spans {
		x.spans[k] = span{off: off}
		off += s.n
	}
	x.refs = make([]int, off)
	for i, k := range keys {
		s := x.spans[k]
		p := int(of[i])
		if s.n > 0 && x.refs[s.off+s.n-1] == p {
			continue
		}
		x.refs[s.off+s.n] = p
		s.n++
		x.spans[k] = s
	}
	return x
}

// get returns the places named by key k; the slice is shared.
func (x *nameIndex) get(k string) []int {
	s, ok := x.spans[k]
	if !ok {
		return nil
	}
	return x.refs[s.off : s.off+s.n : s.off+s.n]
}

// addName adds place i under name after the index is built: its list
// moves to the end of refs.
func (g *Gazetteer) addName(name string, i int) {
	k := Key(name)
	if k == "" {
		return
	}
	old := g.names.get(k)
	if slices.Contains(old, i) {
		return
	}
	off := len(g.names.refs)
	g.names.refs = append(append(g.names.refs, old...), i)
	g.names.spans[k] = span{off: uint32(off), n: uint32(len(old) + 1)}
	g.maxWords = max(g.maxWords, words(k))
}

func words(k string) int {
	n := 1
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			n++
		}
	}
	return n
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Place returns the place at index i (0 <= i < Len).
func (g *Gazetteer) Place(i int) *Place { return &g.places[i] }

// Lookup returns the indices of the places called name (any spelling the
// gazetteer knows, compared by Key).
func (g *Gazetteer) Lookup(name string) []int { return g.names.get(Key(name)) }

// Demonym returns the country whose demonym or adjective is word
// ("Turkish", "Iraqis").
func (g *Gazetteer) Demonym(word string) (*CountryInfo, bool) {
	i, ok := g.demonyms[Key(word)]
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// Country returns a country by its ISO 3166-1 alpha-2 or alpha-3 code.
func (g *Gazetteer) Country(code string) (*CountryInfo, bool) {
	i, ok := g.byISO2[code]
	if !ok {
		i, ok = g.byISO3[code]
	}
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// Admin1Of returns the admin1 region a place lies in, or nil.
func (g *Gazetteer) Admin1Of(p *Place) *Place {
	if p.Kind == Country || p.Admin1 == "" {
		return nil
	}
	i, ok := g.admin1[p.Country+"."+p.Admin1]
	if !ok {
		return nil
	}
	return &g.places[i]
}

// Location turns a place into the record's location; start and end are
// the byte span of its mention.
func (g *Gazetteer) Location(p *Place, start, end int) event.Location {
	loc := event.Location{
		Name:  p.Name,
		Lat:   p.Lat,
		Lon:   p.Lon,
		Start: start,
		End:   end,
	}
	if c, ok := g.Country(p.Country); ok {
		loc.Country = c.ISO3
	}
	if a := g.Admin1Of(p); a != nil {
		loc.Admin1 = a.Name
	} else if p.Kind == Admin1 {
		loc.Admin1 = p.Name
	}
	if p.ID != 0 {
		loc.GazetteerID = fmt.Sprintf("geonames:%d", p.ID)
	}
	return loc
}
