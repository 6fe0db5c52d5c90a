package geo

import (
	"math"
	"sort"
	"strings"
)

// Context is what the caller knows of an article besides its place names.
type Context struct {
	// Countries are the countries of the article's actors (ISO 3166-1
	// alpha-2 or alpha-3), which favour places in them.
	Countries []string
}

// Resolution is a mention with the place it was resolved to.
type Resolution struct {
	Mention
	Place *Place // nil when nothing fits
	// Inferred says the gazetteer lacks the name: Place is the article's
	// main place, or the place a longer name contains ("Baghdad airport").
	Inferred bool
}

// candidate is one reading of a mention.
type candidate struct {
	place   int
	primary bool // matched the place's preferred name, not an alternate
	// support counts the article's other names (up to maxSupport) that
	// can be read as a town or district within nearKm of this one.
	support int
}

// Resolve resolves the mentions of one article (text is the article; the
// mentions' offsets point into it). A name is read as the place that best
// fits the article: large places and capitals first, then places in the
// countries and regions of the article's other places and actors, and
// "Town, Region" qualifiers fix the town to that region.
func (g *Gazetteer) Resolve(text string, mentions []Mention, c Context) []Resolution {
	cands := make([][]candidate, len(mentions))
	out := make([]Resolution, len(mentions))
	for i, m := range mentions {
		out[i].Mention = m
		cands[i], out[i].Inferred = g.candidates(m)
	}
	g.applyQualifiers(text, mentions, cands)
	for i, m := range mentions {
		cands[i] = g.applyCue(text, m, cands[i])
	}

	// Two rounds: the first reads every name on its own plus the given
	// countries; the second adds the countries and regions the first
	// round found, so "Pandi" goes to the country the article is about.
	keys := make([]string, len(mentions))
	for i, m := range mentions {
		keys[i] = Key(m.Text)
	}
	g.spatialSupport(cands, keys)
	t := g.tally(out, keys, c)
	for round := 0; round < 2; round++ {
		for i := range mentions {
			out[i].Place = g.best(cands[i], t.without(keys[i]))
		}
		t = g.tally(out, keys, c)
	}
	g.fallback(text, out)
	return out
}

// candidates returns the readings of a mention; when the whole name is
// unknown, those of the longest known part ("Baghdad International
// Airport" → Baghdad), flagged inferred.
func (g *Gazetteer) candidates(m Mention) ([]candidate, bool) {
	if m.Demonym {
		if ci, ok := g.Demonym(m.Text); ok {
			return []candidate{{place: ci.Place, primary: true}}, false
		}
	}
	if i, ok := g.abbrevs[m.Text]; ok {
		return []candidate{{place: i, primary: true}}, false
	}
	if Acronym(m.Text) {
		// An acronym reads as the places it spells, never as a minor
		// place with that code among its alternate names.
		var out []candidate
		for _, i := range g.acronymPlaces(m.Text) {
			out = append(out, candidate{place: i, primary: true})
		}
		return out, false
	}
	k := strings.TrimPrefix(Key(m.Text), "the ")
	if c := g.lookup(k); len(c) > 0 {
		return c, false
	}
	// A longer name the gazetteer lacks is read as the place it
	// contains ("Baghdad International Airport", "the Jadriyah
	// neighbourhood", "Southern District of Ohio") only where that part
	// is a place's own name or a major place's: an alternate spelling of
	// a village ("Lib" of "Lib Dem") is no ground for it. Of several
	// parts, the most prominent place wins ("University of Michigan
	// Center": Michigan, not the village of Michigan Center).
	f := strings.Fields(k)
	// A sea, valley or island named after a town or a nationality is not
	// in it ("Baltic Sea", "Fraser Valley", "Indian Ocean"): such a name
	// is read by a part only where the part is a country or region ("Java
	// Sea", "Kashmir Valley").
	feature := features[f[len(f)-1]]
	var best []candidate
	bestRank := [2]float64{-1, -1}
	for n := len(f) - 1; n >= 1; n-- {
		for s := 0; s+n <= len(f); s++ {
			sub := strings.Join(f[s:s+n], " ")
			if stopWords[sub] || commonWords[sub] || particles[sub] {
				continue
			}
			var c []candidate
			if i, ok := g.demonyms[sub]; ok && !feature {
				c = []candidate{{place: g.countries[i].Place, primary: true}}
			} else {
				for _, x := range g.lookup(sub) {
					if p := &g.places[x.place]; feature && p.Kind <= Admin1 || !feature && (x.primary || p.Kind <= Admin1 || p.Population >= 1_000_000) {
						c = append(c, x)
					}
				}
			}
			if r := g.prominence(c, n); len(c) > 0 && (r[0] > bestRank[0] || r[0] == bestRank[0] && r[1] > bestRank[1]) {
				best, bestRank = c, r
			}
		}
	}
	return best, true
}

// features are the last words of names of natural features.
var features = map[string]bool{
	"sea": true, "ocean": true, "bay": true, "gulf": true, "lake": true, "river": true,
	"valley": true, "mountains": true, "mountain": true, "island": true, "islands": true,
	"delta": true, "peninsula": true, "desert": true, "strait": true, "canal": true,
	"channel": true, "plateau": true, "basin": true,
}

// prominence ranks the readings of an n-word part of a name: by the
// level of the largest place among them (continent and country first),
// then by its population, the number of words breaking ties.
func (g *Gazetteer) prominence(cs []candidate, n int) [2]float64 {
	level, pop := 0.0, 0.0
	for _, c := range cs {
		p := &g.places[c.place]
		l := float64(City - p.Kind)
		if l > level || l == level && float64(p.Population) > pop {
			level, pop = l, float64(p.Population)
		}
	}
	return [2]float64{level, math.Log10(pop+10) + float64(n)/10}
}

func (g *Gazetteer) lookup(k string) []candidate {
	idx := g.names.get(k)
	out := make([]candidate, len(idx))
	for j, p := range idx {
		out[j] = candidate{place: p, primary: Key(g.places[p].Name) == k}
	}
	return out
}

// applyQualifiers narrows "Paris, Texas" and "Warwick in Queensland": a
// mention followed by ", " or "in" (and a direction: "in northeast
// Missouri") and a mention that can be a region or country containing
// some of its readings keeps only those readings, and the qualifier only
// the regions that contain them. Where the qualifier can only be a
// region or country and none of the town's readings lies in it
// ("HOLLIDAY, Mo." when the index lacks that Holliday), the town is read
// as unknown, and so takes its qualifier's place, rather than as a
// namesake elsewhere. A region's or country's possessive qualifies the
// same way: "Kenya's Dadaab".
func (g *Gazetteer) applyQualifiers(text string, ms []Mention, cands [][]candidate) {
	for i := 0; i+1 < len(ms); i++ {
		town, region := i, i+1
		switch {
		case ownerOf(text, ms[i].End, ms[i+1].Start):
			town, region = i+1, i
		case comma(text, ms[i].End, ms[i+1].Start) || within(text, ms[i].End, ms[i+1].Start):
		default:
			continue
		}
		if g.hasKind(cands[town], Country) {
			continue // "Mexico, China, Japan": a list of countries
		}
		var towns, regions []candidate
		for _, t := range cands[town] {
			for _, r := range cands[region] {
				if g.contains(r.place, t.place) {
					towns = appendCand(towns, t)
					regions = appendCand(regions, r)
				}
			}
		}
		switch {
		case len(towns) > 0:
			cands[town], cands[region] = towns, regions
		case len(cands[region]) > 0 && !g.hasKind(cands[town], Admin1) && g.onlyAreas(cands[region]):
			cands[town] = nil
		}
	}
}

// onlyAreas reports whether every reading is a country or an admin1
// region.
func (g *Gazetteer) onlyAreas(cs []candidate) bool {
	for _, c := range cs {
		if k := g.places[c.place].Kind; k != Country && k != Admin1 {
			return false
		}
	}
	return true
}

// ownerOf reports whether the text between offsets a and b is a
// possessive ending: "Kenya's Dadaab".
func ownerOf(text string, a, b int) bool {
	if !(0 <= a && a <= b && b <= len(text)) {
		return false
	}
	switch strings.TrimSpace(text[a:b]) {
	case "'s", "’s", "'", "’":
		return b > a && text[b-1] == ' '
	}
	return false
}

// hasKind reports whether some reading is of kind k.
func (g *Gazetteer) hasKind(cs []candidate, k Kind) bool {
	for _, c := range cs {
		if g.places[c.place].Kind == k {
			return true
		}
	}
	return false
}

// cueKinds maps the words that name a kind of place, before ("the state
// of Washington") or after ("Washington state", "New York Gov. Andrew
// Cuomo") a name, to the kinds they call for.
var cueKinds = map[string][]Kind{
	"state": {Admin1}, "province": {Admin1}, "gov": {Admin1}, "governor": {Admin1}, "region": {Admin1, Admin2}, "governorate": {Admin1},
	"county": {Admin2}, "district": {Admin2, Admin1}, "parish": {Admin2},
	"city": {City}, "town": {City}, "village": {City},
}

// applyCue keeps, of a mention's readings, those of the kind a cue word
// next to it names ("the state of Washington", "Kandahar province", "the
// city of Quebec"), when there are any.
func (g *Gazetteer) applyCue(text string, m Mention, cs []candidate) []candidate {
	if len(cs) < 2 || m.Start < 0 || m.End > len(text) {
		return cs
	}
	var kinds []Kind
	before := strings.Fields(strings.ToLower(text[max(0, m.Start-20):m.Start]))
	if n := len(before); n >= 2 && before[n-1] == "of" {
		kinds = cueKinds[before[n-2]]
	}
	if after := strings.Fields(text[m.End:min(len(text), m.End+20)]); kinds == nil && len(after) > 0 {
		w := strings.ToLower(strings.TrimRight(after[0], ".,;:'’)"))
		kinds = cueKinds[w]
	}
	if kinds == nil {
		return cs
	}
	var out []candidate
	for _, c := range cs {
		for _, k := range kinds {
			if g.places[c.place].Kind == k {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		return cs
	}
	return out
}

// comma reports whether text between offsets a and b is a comma (and
// spaces); offsets outside the text, or out of order, are no comma.
func comma(text string, a, b int) bool {
	return 0 <= a && a <= b && b <= len(text) && strings.TrimSpace(text[a:b]) == ","
}

// within reports whether the text between offsets a and b says that
// what precedes lies in what follows: "in", "in the", "in northern",
// "in far north" (a comma before "in" allowed).
func within(text string, a, b int) bool {
	if !(0 <= a && a <= b && b <= len(text)) || b-a > 30 {
		return false
	}
	f := strings.Fields(strings.ToLower(strings.TrimPrefix(strings.TrimSpace(text[a:b]), ",")))
	if len(f) == 0 || f[0] != "in" {
		return false
	}
	for _, w := range f[1:] {
		if !directions[w] {
			return false
		}
	}
	return true
}

// directions are the words that may stand between "in" and a region
// that contains a place ("in northeast Missouri", "in the far north of").
var directions = map[string]bool{
	"the": true, "far": true, "central": true, "north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true,
	"rural": true, "neighbouring": true, "neighboring": true, "nearby": true,
}

func appendCand(list []candidate, c candidate) []candidate {
	for _, x := range list {
		if x.place == c.place {
			return list
		}
	}
	return append(list, c)
}

// contains reports whether place a (a country or region) holds place b.
func (g *Gazetteer) contains(a, b int) bool {
	pa, pb := &g.places[a], &g.places[b]
	if a == b || pa.Country != pb.Country {
		return false
	}
	switch pa.Kind {
	case Country:
		return pb.Kind != Country
	case Admin1:
		return (pb.Kind == Admin2 || pb.Kind == City) && pa.Admin1 != "" && pb.Admin1 == pa.Admin1
	case Admin2:
		return pb.Kind == City && pb.Admin1 == pa.Admin1 && pb.Admin2 == pa.Admin2
	}
	return false
}

// best scores the readings of a mention and returns the best place; the
// shares say how much of the rest of the article lies in each country and
// admin1 region.
func (g *Gazetteer) best(cs []candidate, sh shares) *Place {
	bestScore, best := math.Inf(-1), -1
	for _, c := range cs {
		p := &g.places[c.place]
		s := math.Log10(float64(p.Population) + 10)
		switch p.Kind {
		case Continent, Country:
			s += 3
		case Admin1:
			s += 1
		}
		switch p.Code {
		case "PPLC":
			s += 1.5
		case "PPLA":
			s += 0.5
		case "PPLX", "PPLH", "PPLQ", "PPLW":
			s -= 1
		}
		if c.primary {
			s += 1
		}
		if (p.Kind == Admin1 || p.Kind == Admin2) && (g.hasSeat(cs, p) || g.hasCapital(cs, p.Country)) {
			// "Aleppo" is the city more often than its governorate,
			// and "Washington" the capital more often than the state.
			s -= 3
		}
		// A reading near other names' readings is likelier, though
		// weakly: a common name has readings everywhere.
		s += 0.5 * float64(c.support)
		if p.Kind != Continent {
			s += 4 * sh.country(p.Country)
		}
		if p.Kind == City || p.Kind == Admin2 {
			s += 3 * sh.region(p.Country+"."+p.Admin1)
			if sh.near(p) {
				// Places of one story lie close together: "Edmonton"
				// among "Enfield" and "Tottenham" is the London one.
				s += 2
			}
		}
		if s > bestScore {
			bestScore, best = s, c.place
		}
	}
	if best < 0 {
		return nil
	}
	if p := &g.places[best]; (p.Kind == City || p.Kind == Admin2) && p.Population < strayPop && sh.country(p.Country) == 0 && sh.dominant() {
		// A small town of a country that none of the article's other
		// places lies in, while half of them (two or more) lie in one
		// country, is a
		// namesake ("Java", a Georgian village, in an article on
		// Indonesia): the name is left to the fallback.
		return nil
	}
	return &g.places[best]
}

// strayPop is the population under which a town of a country foreign to
// the article is taken for a namesake.
const strayPop = 20_000

// dominant reports whether half or more of the article's other places,
// and two at least, lie in one country.
func (s shares) dominant() bool {
	for cc, n := range s.all.countries {
		if n-s.own.countries[cc] >= 2 && s.country(cc) >= 0.5 {
			return true
		}
	}
	return false
}

// seatShare is the part of its region's people a seat must hold for a
// name to read as the seat: "Aleppo" is the city (a third of its
// governorate), "Quebec" the province (whose city holds 7%).
const seatShare = 0.15

// hasSeat reports whether the readings include a city of region a called
// by the same name that holds at least seatShare of its people.
func (g *Gazetteer) hasSeat(cs []candidate, a *Place) bool {
	for _, c := range cs {
		p := &g.places[c.place]
		if p.Kind == City && p.Country == a.Country && p.Admin1 == a.Admin1 && (a.Kind == Admin1 || p.Admin2 == a.Admin2) && c.primary &&
			float64(p.Population) >= seatShare*float64(a.Population) {
			return true
		}
	}
	return false
}

// hasCapital reports whether the readings include the national capital
// of country cc.
func (g *Gazetteer) hasCapital(cs []candidate, cc string) bool {
	for _, c := range cs {
		if p := &g.places[c.place]; p.Code == "PPLC" && p.Country == cc && c.primary {
			return true
		}
	}
	return false
}

// tally counts the article's places by country and admin1 region: the
// actor countries of the context and the places resolved so far (each
// under the key of its mention, so that a name does not vote for itself).
type tally struct {
	n                 float64
	countries, region map[string]float64
	byKey             map[string]*tally
	local             localPlaces // resolved cities and districts
}

func newTally() *tally {
	return &tally{countries: map[string]float64{}, region: map[string]float64{}}
}

func (t *tally) add(country, region string) {
	t.n++
	t.countries[country]++
	if region != "" {
		t.region[region]++
	}
}

func (g *Gazetteer) tally(rs []Resolution, keys []string, c Context) *tally {
	t := newTally()
	t.byKey = map[string]*tally{}
	for _, cc := range c.Countries {
		if ci, ok := g.Country(cc); ok {
			t.add(ci.ISO2, "")
		}
	}
	for i, r := range rs {
		if r.Place == nil || r.Inferred || r.Place.Kind == Continent {
			continue
		}
		region := ""
		if r.Place.Kind != Country {
			region = r.Place.Country + "." + r.Place.Admin1
		}
		t.add(r.Place.Country, region)
		if k := r.Place.Kind; k == City || k == Admin2 {
			t.local.add(keys[i], r.Place)
		}
		own := t.byKey[keys[i]]
		if own == nil {
			own = newTally()
			t.byKey[keys[i]] = own
		}
		own.add(r.Place.Country, region)
	}
	return t
}

// shares are the parts of an article's places in each country and region,
// leaving out those of one name.
type shares struct {
	all, own *tally
	key      string
}

// without returns the shares of the places not named key.
func (t *tally) without(key string) shares {
	own := t.byKey[key]
	if own == nil {
		own = newTally()
	}
	return shares{all: t, own: own, key: key}
}

// nearKm is how close two places of an article must be to support each
// other.
const nearKm = 150

// near reports whether another name of the article was resolved to a
// city or district within nearKm of p.
func (s shares) near(p *Place) bool { return s.all.local.near(p, s.key) }

// localPlaces are the cities and districts the names of an article were
// resolved to, each once, in cells of a grid over the unit sphere, so that
// near looks only at the places around p, not at every place of a long
// document for every mention.
type localPlaces struct {
	of   map[*Place]*localPlace
	grid map[[3]int][]*localPlace
}

// localPlace is a place with the name that was first resolved to it.
type localPlace struct {
	place *Place
	key   string
	more  bool // another name was resolved to it too
}

// nearCell is the side of a grid cell in chord lengths of the unit
// sphere: more than the chord of nearKm (0.0235), so that places within
// nearKm of each other lie in the same or neighbouring cells.
const nearCell = 0.03

func (l *localPlaces) add(key string, p *Place) {
	if lp := l.of[p]; lp != nil {
		lp.more = lp.more || lp.key != key
		return
	}
	if l.of == nil {
		l.of, l.grid = map[*Place]*localPlace{}, map[[3]int][]*localPlace{}
	}
	lp := &localPlace{place: p, key: key}
	l.of[p] = lp
	c := cell(p)
	l.grid[c] = append(l.grid[c], lp)
}

// near reports whether a place other than p within nearKm of it had a
// name other than key resolved to it.
func (l *localPlaces) near(p *Place, key string) bool {
	c := cell(p)
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for dz := -1; dz <= 1; dz++ {
				for _, lp := range l.grid[[3]int{c[0] + dx, c[1] + dy, c[2] + dz}] {
					if lp.place != p && (lp.key != key || lp.more) && Distance(lp.place.Lat, lp.place.Lon, p.Lat, p.Lon) < nearKm {
						return true
					}
				}
			}
		}
	}
	return false
}

// maxSupport caps the count of a candidate's neighbours.
const maxSupport = 2

// spatialSupport sets each town or district reading's support: how many
// of the article's other names have a town or district reading within
// nearKm of it. Places of one story lie close together, so "Edmonton"
// and "Enfield" read together are the two London boroughs, though each
// alone is a larger town elsewhere.
func (g *Gazetteer) spatialSupport(cands [][]candidate, keys []string) {
	type entry struct {
		p   *Place
		key string
	}
	grid := map[[3]int][]entry{}
	local := func(p *Place) bool { return p.Kind == City || p.Kind == Admin2 }
	added := map[string]bool{}
	for i, cs := range cands {
		if added[keys[i]] {
			continue // a name's readings count once
		}
		added[keys[i]] = true
		for _, c := range cs {
			if p := &g.places[c.place]; local(p) {
				grid[cell(p)] = append(grid[cell(p)], entry{p, keys[i]})
			}
		}
	}
	type reading struct {
		key   string
		place int
	}
	memo := map[reading]int{} // a name repeated has the same support
	for i, cs := range cands {
		if len(cs) < 2 {
			continue // nothing to choose
		}
		for j, c := range cs {
			p := &g.places[c.place]
			if !local(p) {
				continue
			}
			r := reading{keys[i], c.place}
			if n, ok := memo[r]; ok {
				cands[i][j].support = n
				continue
			}
			var seen []string
			at := cell(p)
		cells:
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for dz := -1; dz <= 1; dz++ {
						for _, e := range grid[[3]int{at[0] + dx, at[1] + dy, at[2] + dz}] {
							if e.key == keys[i] || contains(seen, e.key) || Distance(e.p.Lat, e.p.Lon, p.Lat, p.Lon) >= nearKm {
								continue
							}
							seen = append(seen, e.key)
							if len(seen) == maxSupport {
								break cells
							}
						}
					}
				}
			}
			memo[r] = len(seen)
			cands[i][j].support = len(seen)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cell returns the grid cell of p's point on the unit sphere.
func cell(p *Place) [3]int {
	lat, lon := p.Lat*math.Pi/180, p.Lon*math.Pi/180
	x, y, z := math.Cos(lat)*math.Cos(lon), math.Cos(lat)*math.Sin(lon), math.Sin(lat)
	return [3]int{int(math.Floor(x / nearCell)), int(math.Floor(y / nearCell)), int(math.Floor(z / nearCell))}
}

func (s shares) country(cc string) float64 {
	n := s.all.n - s.own.n
	if n <= 0 {
		return 0
	}
	return (s.all.countries[cc] - s.own.countries[cc]) / n
}

func (s shares) region(code string) float64 {
	n := s.all.n - s.own.n
	if n <= 0 {
		return 0
	}
	return (s.all.region[code] - s.own.region[code]) / n
}

// Distance returns the great-circle distance in km between two points
// given in degrees.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// fallback gives mentions the gazetteer knows nothing of the place that
// qualifies them ("Davos, Switzerland"), or else the article's most
// mentioned city, or else its most mentioned country: news names a
// neighbourhood ("the Jadriyah neighbourhood") of the city it is about.
func (g *Gazetteer) fallback(text string, rs []Resolution) {
	for i := 0; i+1 < len(rs); i++ {
		next := rs[i+1]
		if rs[i].Place == nil && next.Place != nil && !next.Inferred && comma(text, rs[i].End, next.Start) {
			rs[i].Place, rs[i].Inferred = next.Place, true
		}
	}
	// Places read from their own names count; where there are none, the
	// places found inside longer names ("Baghdad airport") do.
	count := map[*Place]int{}
	for _, inferred := range []bool{false, true} {
		for _, r := range rs {
			if r.Place != nil && r.Inferred == inferred && r.Place.Kind != Continent {
				count[r.Place]++
			}
		}
		if len(count) > 0 {
			break
		}
	}
	if len(count) == 0 {
		return
	}
	places := make([]*Place, 0, len(count))
	for p := range count {
		places = append(places, p)
	}
	sort.Slice(places, func(a, b int) bool {
		pa, pb := places[a], places[b]
		if (pa.Kind == City) != (pb.Kind == City) {
			return pa.Kind == City
		}
		if count[pa] != count[pb] {
			return count[pa] > count[pb]
		}
		return pa.ID < pb.ID
	})
	for i := range rs {
		if rs[i].Place == nil {
			rs[i].Place = places[0]
			rs[i].Inferred = true
		}
	}
}
