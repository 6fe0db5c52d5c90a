package geo

import "strings"

// sides are the words that name a part of a larger region in the names
// of admin1 regions: before the name ("North Darfur", "West Java") or
// after it ("Kasai-Oriental").
var (
	sidesBefore = map[string]bool{
		"north": true, "south": true, "east": true, "west": true, "central": true,
		"northern": true, "southern": true, "eastern": true, "western": true,
		"upper": true, "lower": true, "north east": true, "north west": true,
		"south east": true, "south west": true,
	}
	sidesAfter = map[string]bool{
		"occidental": true, "oriental": true, "central": true, "norte": true, "sur": true,
		"nord": true, "sud": true, "est": true, "ouest": true,
	}
)

// regionGroups returns the larger regions that two or more admin1 regions
// of one country name by a side ("Darfur" of North, South, West, Central
// and East Darfur; "Java" of West, Central and East Java), where no
// country or admin1 region already bears the name: news names them as
// one, and GeoNames' dumps at hand list only the parts. Each lies at the
// mean of its parts' points and counts their people; it is an admin1
// region without a code (GeoNames' feature code RGN).
func regionGroups(places []Place, names *nameIndex) []Place {
	type group struct {
		name    string
		country string
		parts   []int
	}
	var order []string
	groups := map[string]*group{}
	for i := range places {
		p := &places[i]
		if p.Kind != Admin1 || p.Admin1 == "" {
			continue
		}
		base := sideless(p.Name)
		if base == "" {
			continue
		}
		k := p.Country + "." + Key(base)
		gr := groups[k]
		if gr == nil {
			gr = &group{name: base, country: p.Country}
			groups[k] = gr
			order = append(order, k)
		}
		gr.parts = append(gr.parts, i)
	}
	var out []Place
	for _, k := range order {
		gr := groups[k]
		if len(gr.parts) < 2 || bearsArea(places, names.get(Key(gr.name))) {
			continue
		}
		r := Place{Name: gr.name, Kind: Admin1, Code: "RGN", Country: gr.country}
		for _, i := range gr.parts {
			r.Lat += places[i].Lat / float64(len(gr.parts))
			r.Lon += places[i].Lon / float64(len(gr.parts))
			r.Population += places[i].Population
		}
		out = append(out, r)
	}
	return out
}

// sideless returns a region's name less the side word it opens or ends
// with ("North Darfur" → "Darfur"), or "" when it has none or nothing of
// four letters or more is left.
func sideless(name string) string {
	f := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	var rest []string
	switch {
	case len(f) >= 3 && sidesBefore[strings.ToLower(f[0]+" "+f[1])]:
		rest = f[2:]
	case len(f) >= 2 && sidesBefore[strings.ToLower(f[0])]:
		rest = f[1:]
	case len(f) >= 2 && sidesAfter[strings.ToLower(f[len(f)-1])]:
		rest = f[:len(f)-1]
	default:
		return ""
	}
	base := strings.Join(rest, " ")
	if len(Key(base)) < 4 {
		return ""
	}
	for _, w := range rest {
		if l := strings.ToLower(w); generic[l] || commonWords[l] || stopWords[l] {
			return "" // "Eastern District", "Lower River", "Western Cape"
		}
	}
	return base
}

// generic are the words for a kind of area, which alone name no region.
var generic = map[string]bool{
	"district": true, "province": true, "region": true, "state": true, "regional": true,
	"county": true, "division": true, "river": true, "hill": true, "cape": true,
	"coast": true, "atoll": true, "aimak": true, "island": true, "islands": true,
	"highlands": true, "area": true, "zone": true, "department": true, "municipality": true,
}

// bearsArea reports whether some of the places is a continent, a country
// or an admin1 region.
func bearsArea(places []Place, idx []int) bool {
	for _, i := range idx {
		if places[i].Kind <= Admin1 {
			return true
		}
	}
	return false
}
