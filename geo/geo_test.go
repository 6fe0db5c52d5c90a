package geo

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// testGazetteer is a small hand-made gazetteer with the ambiguities the
// geocoder must settle.
func testGazetteer() *Gazetteer {
	places := []Place{
		{ID: 1, Name: "France", Kind: Country, Code: "PCLI", Country: "FR", Lat: 46, Lon: 2, Population: 67_000_000},
		{ID: 2, Name: "United States", Kind: Country, Code: "PCLI", Country: "US", Lat: 39.8, Lon: -98.6, Population: 330_000_000, Alt: []string{"America", "US", "USA"}},
		{ID: 3, Name: "Iraq", Kind: Country, Code: "PCLI", Country: "IQ", Lat: 33, Lon: 44, Population: 40_000_000},
		{ID: 4, Name: "Switzerland", Kind: Country, Code: "PCLI", Country: "CH", Lat: 47, Lon: 8, Population: 8_500_000},
		{ID: 5, Name: "Turkey", Kind: Country, Code: "PCLI", Country: "TR", Lat: 39, Lon: 35, Population: 82_000_000},
		{ID: 10, Name: "Texas", Kind: Admin1, Code: "ADM1", Country: "US", Admin1: "TX", Lat: 31.3, Lon: -99.3, Population: 20_000_000},
		{ID: 11, Name: "Kentucky", Kind: Admin1, Code: "ADM1", Country: "US", Admin1: "KY", Lat: 37.5, Lon: -85, Population: 2_000_000},
		{ID: 12, Name: "Baghdad", Kind: Admin1, Code: "ADM1", Country: "IQ", Admin1: "07", Lat: 33.3, Lon: 44.4, Population: 7_000_000},
		{ID: 13, Name: "Graubünden", Kind: Admin1, Code: "ADM1", Country: "CH", Admin1: "GR", Lat: 46.7, Lon: 9.6, Population: 200_000},
		{ID: 20, Name: "Paris", Kind: City, Code: "PPLC", Country: "FR", Admin1: "11", Lat: 48.85, Lon: 2.35, Population: 2_100_000},
		{ID: 21, Name: "Paris", Kind: City, Code: "PPLA2", Country: "US", Admin1: "TX", Lat: 33.66, Lon: -95.56, Population: 25_000},
		{ID: 22, Name: "Paris", Kind: City, Code: "PPLA2", Country: "US", Admin1: "KY", Lat: 38.2, Lon: -84.25, Population: 10_000},
		{ID: 23, Name: "Baghdad", Kind: City, Code: "PPLC", Country: "IQ", Admin1: "07", Lat: 33.34, Lon: 44.4, Population: 7_200_000, Alt: []string{"Bagdad"}},
		{ID: 24, Name: "Davos", Kind: City, Code: "PPL", Country: "CH", Admin1: "GR", Lat: 46.8, Lon: 9.83, Population: 11_000},
		{ID: 25, Name: "Davos", Kind: City, Code: "PPL", Country: "US", Admin1: "TX", Lat: 30, Lon: -97, Population: 500},
		{ID: 26, Name: "Zürich", Kind: City, Code: "PPLA", Country: "CH", Admin1: "ZH", Lat: 47.37, Lon: 8.54, Population: 340_000},
		{ID: 27, Name: "Police", Kind: City, Code: "PPL", Country: "PL", Admin1: "78", Lat: 53.55, Lon: 14.57, Population: 33_000},
		{ID: 28, Name: "Mosul", Kind: City, Code: "PPLA", Country: "IQ", Admin1: "15", Lat: 36.34, Lon: 43.13, Population: 1_700_000},
		{ID: 30, Name: "Tank", Kind: City, Code: "PPLA2", Country: "PK", Admin1: "03", Lat: 32.2, Lon: 70.4, Population: 45_000},
		{ID: 31, Name: "Maysville", Kind: City, Code: "PPLA2", Country: "US", Admin1: "OH", Lat: 38.7, Lon: -84.0, Population: 5_000},
		{ID: 32, Name: "New Jersey", Kind: Admin1, Code: "ADM1", Country: "US", Admin1: "NJ", Lat: 40.2, Lon: -74.5, Population: 9_000_000},
		{ID: 33, Name: "Newark", Kind: City, Code: "PPLA2", Country: "US", Admin1: "NJ", Lat: 40.74, Lon: -74.17, Population: 280_000},
		{ID: 34, Name: "Newark", Kind: City, Code: "PPL", Country: "US", Admin1: "CA", Lat: 37.53, Lon: -122.04, Population: 45_000},
		{ID: 35, Name: "Plymouth County", Kind: Admin2, Code: "ADM2", Country: "US", Admin1: "IA", Admin2: "149", Lat: 42.74, Lon: -96.21, Population: 25_000},
		{ID: 29, Name: "Campbell", Kind: City, Code: "PPL", Country: "US", Admin1: "CA", Lat: 37.29, Lon: -121.95, Population: 40_000, Alt: []string{"CBL"}},
		{ID: 40, Name: "Kannur", Kind: City, Code: "PPL", Country: "IN", Admin1: "13", Lat: 11.87, Lon: 75.37, Population: 230_000, Alt: []string{"CNN", "Cannanore"}},
		{ID: 41, Name: "Liberdade", Kind: City, Code: "PPL", Country: "BR", Admin1: "15", Lat: -21.9, Lon: -44.3, Population: 5_000, Alt: []string{"Lib"}},
		{ID: 42, Name: "Hashimoto", Kind: City, Code: "PPL", Country: "JP", Admin1: "43", Lat: 34.32, Lon: 135.6, Population: 60_000},
		{ID: 43, Name: "Walsh", Kind: City, Code: "PPL", Country: "US", Admin1: "CO", Lat: 37.39, Lon: -102.28, Population: 550},
		{ID: 44, Name: "Washington", Kind: Admin1, Code: "ADM1", Country: "US", Admin1: "WA", Lat: 47.5, Lon: -120.5, Population: 7_000_000},
		{ID: 45, Name: "Washington", Kind: City, Code: "PPLC", Country: "US", Admin1: "DC", Lat: 38.9, Lon: -77.04, Population: 690_000},
		{ID: 46, Name: "Michigan", Kind: Admin1, Code: "ADM1", Country: "US", Admin1: "MI", Lat: 44.25, Lon: -85.5, Population: 10_000_000},
		{ID: 47, Name: "Michigan Center", Kind: City, Code: "PPL", Country: "US", Admin1: "MI", Lat: 42.23, Lon: -84.33, Population: 4_700},
		{ID: 48, Name: "Elloree", Kind: City, Code: "PPL", Country: "US", Admin1: "SC", Lat: 33.53, Lon: -80.57, Population: 680, Alt: []string{"Popular"}},
		{ID: 49, Name: "Nairobi", Kind: City, Code: "PPLC", Country: "KE", Admin1: "05", Lat: -1.28, Lon: 36.82, Population: 2_750_000},
		{ID: 50, Name: "China", Kind: City, Code: "PPL", Country: "JP", Admin1: "47", Lat: 27.33, Lon: 128.57, Population: 6_000},
		{ID: 51, Name: "China", Kind: Country, Code: "PCLI", Country: "CN", Lat: 35, Lon: 105, Population: 1_400_000_000},
		{ID: 52, Name: "Japan", Kind: Country, Code: "PCLI", Country: "JP", Lat: 35.69, Lon: 139.75, Population: 126_000_000},
		{ID: 60, Name: "Quebec", Kind: Admin1, Code: "ADM1", Country: "CA", Admin1: "10", Lat: 52, Lon: -72, Population: 8_500_000},
		{ID: 61, Name: "Québec", Kind: City, Code: "PPLA", Country: "CA", Admin1: "10", Lat: 46.81, Lon: -71.21, Population: 530_000},
		{ID: 62, Name: "Aleppo", Kind: Admin1, Code: "ADM1", Country: "SY", Admin1: "09", Lat: 36.25, Lon: 37.5, Population: 4_800_000},
		{ID: 63, Name: "Aleppo", Kind: City, Code: "PPLA", Country: "SY", Admin1: "09", Lat: 36.2, Lon: 37.16, Population: 1_600_000},
		{ID: 64, Name: "Queensland", Kind: Admin1, Code: "ADM1", Country: "AU", Admin1: "04", Lat: -20, Lon: 145, Population: 5_000_000},
		{ID: 71, Name: "New South Wales", Kind: Admin1, Code: "ADM1", Country: "AU", Admin1: "02", Lat: -33, Lon: 146, Population: 8_000_000},
		{ID: 65, Name: "Warwick", Kind: City, Code: "PPL", Country: "AU", Admin1: "04", Lat: -28.22, Lon: 152.03, Population: 15_000},
		{ID: 66, Name: "Warwick", Kind: City, Code: "PPL", Country: "GB", Admin1: "ENG", Lat: 52.28, Lon: -1.58, Population: 31_000},
		{ID: 67, Name: "Marlow", Kind: City, Code: "PPL", Country: "US", Admin1: "OK", Lat: 34.65, Lon: -97.96, Population: 10_000},
		{ID: 68, Name: "Marlow", Kind: City, Code: "PPL", Country: "GB", Admin1: "ENG", Lat: 51.57, Lon: -0.78, Population: 12_000},
		{ID: 69, Name: "Duncan", Kind: City, Code: "PPL", Country: "US", Admin1: "OK", Lat: 34.5, Lon: -97.96, Population: 23_000},
		{ID: 70, Name: "Duncan", Kind: City, Code: "PPL", Country: "CA", Admin1: "02", Lat: 48.78, Lon: -123.7, Population: 30_000},
	}
	countries := []CountryInfo{
		{ISO2: "FR", ISO3: "FRA", Name: "France", Capital: "Paris", Place: 0, Demonyms: []string{"French"}},
		{ISO2: "US", ISO3: "USA", Name: "United States", Capital: "Washington", Place: 1, Demonyms: []string{"American", "Americans"}},
		{ISO2: "IQ", ISO3: "IRQ", Name: "Iraq", Capital: "Baghdad", Place: 2, Demonyms: []string{"Iraqi", "Iraqis"}},
		{ISO2: "CH", ISO3: "CHE", Name: "Switzerland", Capital: "Bern", Place: 3, Demonyms: []string{"Swiss"}},
		{ISO2: "TR", ISO3: "TUR", Name: "Turkey", Capital: "Ankara", Place: 4, Demonyms: []string{"Turkish", "Turks"}},
	}
	return newGazetteer(places, countries)
}

func TestDistance(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2, want float64
	}{
		{0, 0, 0, 0, 0},
		{0, 0, 0, 1, 111.2},
		{48.8566, 2.3522, 51.5074, -0.1278, 343.6}, // Paris–London
		{0, 0, 0, 180, 20015.1},
	}
	for _, tt := range tests {
		if d := Distance(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(d-tt.want) > 0.5 {
			t.Errorf("Distance(%v,%v,%v,%v) = %.1f, want %.1f", tt.lat1, tt.lon1, tt.lat2, tt.lon2, d, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zürich", "zurich"},
		{"ZURICH", "zurich"},
		{"St. John's", "st johns"},
		{"Stratford-upon-Avon", "stratford upon avon"},
		{"  São  Paulo ", "sao paulo"},
		{"U.S.", "us"},
		{"Côte d’Ivoire", "cote divoire"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindToponyms(t *testing.T) {
	g := testGazetteer()
	tests := []struct {
		name, text string
		demonyms   bool
		want       []string // mention texts, "*" marking demonyms
	}{
		{"plain", "Protesters marched in Paris and Baghdad.", false, []string{"Paris", "Baghdad"}},
		{"accents and case", "Talks in ZURICH and Zurich and Zürich.", false, []string{"ZURICH", "Zurich", "Zürich"}},
		{"possessive", "Turkey’s army and Iraq's oil.", false, []string{"Turkey", "Iraq"}},
		{"multiword beats its parts", "He flew to the United States.", false, []string{"United States"}},
		{"common word that is a place", "Police said the police would stay.", false, nil},
		{"lower case is no name", "a paris of baghdad", false, nil},
		{"title before a name", "Mr. Paris spoke in Davos.", false, []string{"Davos"}},
		{"an Australian state's abbreviation", "Horses in NSW and Qld. were sick.", false, []string{"NSW", "Qld"}},
		{"acronyms", "The US and IS fighters in the USA.", false, []string{"US", "USA"}},
		{"dateline", "NEWARK, N.J. (AP) - A flight left.", false, []string{"NEWARK", "N.J."}},
		{"state abbreviation needs its dot", "PARIS, Ky. (AP) - Ky officials met.", false, []string{"PARIS", "Ky."}},
		{"surname, then alone", "Rick Campbell met officials. Campbell said Paris was calm.", false, []string{"Paris"}},
		{"place after a capitalised common word", "Northern Iraq and Campbell.", false, []string{"Iraq", "Campbell"}},
		{"common word naming a minor place", "Tank crews reached Mosul.", false, []string{"Mosul"}},
		{"airport codes are no names", "CBL flights to MOSUL.", false, []string{"MOSUL"}},
		{"demonyms flagged", "A Turkish officer met Iraqis.", true, []string{"*Turkish", "*Iraqis"}},
		{"demonyms off", "A Turkish officer met Iraqis.", false, nil},
		{"a village's alternate name is no place", "The Popular Front met in Nairobi.", false, []string{"Nairobi"}},
		{"a dateline in capitals", "NAIROBI, March 12 - Talks ended.", false, []string{"NAIROBI"}},
		{"an acronym that is an airport code", "CNN said Kannur was calm.", false, []string{"Kannur"}},
		{"a nationality before a foreign town names a firm", "Shares of Turkish Davos fell.", false, nil},
		{"a nationality before its own town", "Crowds filled Swiss Davos.", false, []string{"Davos"}},
		{"a minor place opening a longer name", "The Walsh Trust gave money to Paris.", false, []string{"Paris"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range g.FindToponyms(tt.text, FindOptions{Demonyms: tt.demonyms}) {
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %q has span %d-%d = %q", m.Text, m.Start, m.End, tt.text[m.Start:m.End])
				}
				s := m.Text
				if m.Demonym {
					s = "*" + s
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	g := testGazetteer()
	tests := []struct {
		name      string
		text      string
		mentions  []string // spans to resolve, found in text in order
		countries []string
		want      []int // GeoNames ids
		inferred  []bool
	}{
		{"largest by default", "Talks in Paris.", []string{"Paris"}, nil, []int{20}, nil},
		{"town, region", "A fire in Paris, Texas.", []string{"Paris", "Texas"}, nil, []int{21, 10}, nil},
		{"town, state abbreviation", "A fire in Paris, Ky.", []string{"Paris", "Ky."}, nil, []int{22, 11}, nil},
		{"country of the other places", "Leaders met in Davos, then flew to Zurich and Switzerland.", []string{"Davos", "Zurich", "Switzerland"}, nil, []int{24, 26, 4}, nil},
		{"actor countries", "Officials in Paris said.", []string{"Paris"}, []string{"USA"}, []int{21}, nil},
		{"region of the other places", "From Paris it is a short drive to Davos, Texas.", []string{"Paris", "Davos", "Texas"}, nil, []int{21, 25, 10}, nil},
		{"dateline", "NEWARK, N.J. (AP) - A flight left.", []string{"NEWARK", "N.J."}, nil, []int{33, 32}, nil},
		{"county abbreviated", "PLYMOUTH CO. - A theft.", []string{"PLYMOUTH CO"}, nil, []int{35}, nil},
		{"nearby places", "From Maysville we drove to Paris.", []string{"Maysville", "Paris"}, nil, []int{31, 22}, nil},
		{"longer name contains a known one", "A rocket hit Baghdad International Airport.", []string{"Baghdad International Airport"}, nil, []int{23}, []bool{true}},
		{"unknown neighbourhood falls back to the article's city", "Bombs hit Baghdad. The Jadriyah neighbourhood was hit too.", []string{"Baghdad", "Jadriyah neighbourhood"}, nil, []int{23, 23}, []bool{false, true}},
		{"unknown neighbourhood near an airport", "A bomb hit near Baghdad airport. The Jadriyah neighbourhood was hit too.", []string{"Baghdad airport", "Jadriyah neighbourhood"}, nil, []int{23, 23}, []bool{true, true}},
		{"unknown town takes its qualifier", "Leaders met in Klosters, Switzerland, and in Paris.", []string{"Klosters", "Switzerland", "Paris"}, nil, []int{4, 4, 20}, []bool{true, false, false}},
		{"alternate spelling", "News from Bagdad.", []string{"Bagdad"}, nil, []int{23}, nil},
		{"a capital outweighs a region of its name", "Talks in Washington.", []string{"Washington"}, nil, []int{45}, nil},
		{"the state of", "Fires in the state of Washington.", []string{"Washington"}, nil, []int{44}, nil},
		{"state after the name", "Fires in Washington state.", []string{"Washington"}, nil, []int{44}, nil},
		{"a governor's title after the name", "Washington Gov. Jay Inslee spoke.", []string{"Washington"}, nil, []int{44}, nil},
		{"a list of countries is no qualifier", "Cases in Mexico, China, Japan and Iraq.", []string{"China", "Japan", "Iraq"}, nil, []int{51, 52, 3}, nil},
		{"a region's possessive qualifies", "From Switzerland and Zurich we went to Texas's Davos.", []string{"Switzerland", "Zurich", "Texas", "Davos"}, nil, []int{4, 26, 10, 25}, nil},
		{"a town unknown in its qualifier takes the qualifier's place", "A barn burned in Maysville, Texas.", []string{"Maysville", "Texas"}, nil, []int{10, 10}, []bool{true, false}},
		{"a small town of a country foreign to the article is a namesake", "Troops left Baghdad and Mosul for Walsh.", []string{"Baghdad", "Mosul", "Walsh"}, nil, []int{23, 28, 23}, []bool{false, false, true}},
		{"an Australian state abbreviated", "Races in NSW and Qld stopped.", []string{"NSW", "Qld"}, nil, []int{71, 64}, nil},
		{"town in region", "A storm hit Warwick in Queensland.", []string{"Warwick", "Queensland"}, nil, []int{65, 64}, nil},
		{"town in a region beside another", "From Texas we drove to Paris in Kentucky.", []string{"Texas", "Paris", "Kentucky"}, nil, []int{10, 22, 11}, nil},
		{"town in a part of a region", "From Texas we drove to Paris in northeast Kentucky.", []string{"Texas", "Paris", "Kentucky"}, nil, []int{10, 22, 11}, nil},
		{"a province far larger than its seat", "Voters in Quebec chose.", []string{"Quebec"}, nil, []int{60}, nil},
		{"a seat that holds a third of its region", "Shelling in Aleppo went on.", []string{"Aleppo"}, nil, []int{63}, nil},
		{"two small towns read near each other", "Storms hit Marlow and Duncan.", []string{"Marlow", "Duncan"}, nil, []int{67, 69}, nil},
		{"the most prominent part of a longer name", "A lab at the University of Michigan Center opened.", []string{"University of Michigan Center"}, nil, []int{46}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []Mention
			from := 0
			for _, s := range tt.mentions {
				i := strings.Index(tt.text[from:], s)
				if i < 0 {
					t.Fatalf("%q not in text", s)
				}
				ms = append(ms, Mention{Text: s, Start: from + i, End: from + i + len(s)})
				from += i + len(s)
			}
			rs := g.Resolve(tt.text, ms, Context{Countries: tt.countries})
			for i, r := range rs {
				if r.Place == nil {
					t.Errorf("%q: unresolved", r.Text)
					continue
				}
				if r.Place.ID != tt.want[i] {
					t.Errorf("%q: got %s (%d, %s), want id %d", r.Text, r.Place.Name, r.Place.ID, r.Place.Country, tt.want[i])
				}
				if want := tt.inferred != nil && tt.inferred[i]; r.Inferred != want {
					t.Errorf("%q: inferred = %v, want %v", r.Text, r.Inferred, want)
				}
			}
		})
	}
}

func TestResolveRefuses(t *testing.T) {
	g := testGazetteer()
	tests := []struct{ name, text, mention string }{
		{"an acronym is no minor place's code", "CNN reported it.", "CNN"},
		{"a village's alternate name is no part of a longer name", "The Lib Dem leader spoke.", "Lib Dem"},
		{"a lake named after a town is not in it", "Boats crossed Davos Lake.", "Davos Lake"},
		{"an ocean named by a nationality is not its country", "Boats crossed the Turkish Ocean.", "Turkish Ocean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.mention)
			rs := g.Resolve(tt.text, []Mention{{Text: tt.mention, Start: i, End: i + len(tt.mention)}}, Context{})
			if rs[0].Place != nil {
				t.Errorf("%q resolved to %s (%s)", tt.mention, rs[0].Place.Name, rs[0].Place.Country)
			}
		})
	}
}

func TestToponyms(t *testing.T) {
	g := testGazetteer()
	// Sentences of our own, with the entities a tagger would give them.
	tests := []struct {
		name, text string
		ents       []event.Entity // Start, End and Label; Text is filled in
		want       []string       // mention texts, "~" marking InName
	}{
		{"a person's name is no place", "Yeltsin hosted Hashimoto in Paris.",
			[]event.Entity{{Label: "PER", Start: 0, End: 7}, {Label: "PER", Start: 15, End: 24}, {Label: "LOC", Start: 28, End: 33}},
			[]string{"Paris"}},
		{"a surname once tagged is refused throughout", "Tom Walsh spoke. Walsh said Paris was calm.",
			[]event.Entity{{Label: "PER", Start: 0, End: 9}},
			[]string{"Paris"}},
		{"a one-word person tag is no surname elsewhere", "Walsh spoke. Police in Walsh said.",
			[]event.Entity{{Label: "PER", Start: 0, End: 5}},
			[]string{"Walsh"}},
		{"the tagger's place stands though a person bears its name", "Tom Walsh spoke of Walsh.",
			[]event.Entity{{Label: "PER", Start: 0, End: 9}, {Label: "LOC", Start: 19, End: 24}},
			[]string{"Walsh"}},
		{"a broadcaster's name is no person's", "Kate told CTV Campbell. Police in Campbell said.",
			[]event.Entity{{Label: "PER", Start: 0, End: 4}, {Label: "PER", Start: 10, End: 22}},
			[]string{"Campbell"}},
		{"an organisation's acronym", "CNN said Kannur was calm.",
			[]event.Entity{{Label: "ORG", Start: 0, End: 3}, {Label: "LOC", Start: 9, End: 15}},
			[]string{"Kannur"}},
		{"a tagged acronym that spells no place", "Officials of CNN and the US met.",
			[]event.Entity{{Label: "LOC", Start: 13, End: 16}, {Label: "LOC", Start: 25, End: 27}},
			[]string{"US"}},
		{"a region in an organisation's name tells where", "Kentucky State Police searched Paris.",
			[]event.Entity{{Label: "ORG", Start: 0, End: 21}},
			[]string{"~Kentucky", "Paris"}},
		{"a state's abbreviation in an organisation's name tells where", "The NSW Government shut Paris.",
			[]event.Entity{{Label: "ORG", Start: 4, End: 18}},
			[]string{"~NSW", "Paris"}},
		{"a minor place naming a local body tells where", "The Walsh County Court met.",
			[]event.Entity{{Label: "ORG", Start: 4, End: 22}},
			[]string{"~Walsh"}},
		{"a minor place in an organisation's name is refused", "The Lib Dem leader met the Campbell Trust.",
			[]event.Entity{{Label: "ORG", Start: 4, End: 11}, {Label: "ORG", Start: 27, End: 41}},
			nil},
		{"the dot of a state abbreviation", "A farm near Paris, Ky. burned.",
			[]event.Entity{{Label: "LOC", Start: 12, End: 17}, {Label: "LOC", Start: 19, End: 21}},
			[]string{"Paris", "Ky."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := event.Sentence{Text: tt.text, End: len(tt.text)}
			for _, e := range tt.ents {
				e.Text = tt.text[e.Start:e.End]
				s.Entities = append(s.Entities, e)
			}
			var got []string
			for _, m := range g.Toponyms(tt.text, []event.Sentence{s}, FindOptions{}) {
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %q has span %d-%d", m.Text, m.Start, m.End)
				}
				if m.InName {
					got = append(got, "~"+m.Text)
				} else {
					got = append(got, m.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFalseAcronym(t *testing.T) {
	g := testGazetteer()
	for name, want := range map[string]bool{
		"CNN": true, "IS": true, "Lib": false, "US": false, "U.S.": false, "N.J.": false,
		"PARIS": false, "IRAQ": false, "DAVOS": true, "Paris": false,
	} {
		if got := g.FalseAcronym(name); got != want {
			t.Errorf("FalseAcronym(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestDatelines(t *testing.T) {
	g := testGazetteer()
	tests := []struct{ name, text, want string }{
		{"agency dateline after a title", "Talks end in agreement\n\nNAIROBI, March 12 (Reuters) - Kenya said.", "NAIROBI"},
		{"town and state", "PARIS, Ky. (AP) - A fire.", "PARIS"},
		{"dash", "BAGHDAD - Bombs hit the city.", "BAGHDAD"},
		{"mixed-case word after", "NEWARK The airport closed.", "NEWARK"},
		{"a digest of two stories", "PARIS - A fire.\nNEWARK, N.J. - A flight left.", "PARIS|NEWARK"},
		{"a word in capitals that opens a sentence", "IRAQIS are marching today.", ""},
		{"no place", "BREAKING: markets fell.", ""},
		{"an acronym", "CNN - Markets fell.", ""},
		{"a place in running text", "Officials in Nairobi, Kenya, said.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Datelines(tt.text) {
				if tt.text[m.Start:m.End] != m.Text || !m.Dateline {
					t.Errorf("bad mention %+v", m)
				}
				got = append(got, m.Text)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResolveBadOffsets(t *testing.T) {
	g := testGazetteer()
	ms := []Mention{{Text: "Paris", Start: 0, End: 6}, {Text: "Texas", Start: 7, End: 12}, {Text: "Nowhere", Start: 20, End: 27}}
	// Offsets outside the text must not panic; names still resolve.
	rs := g.Resolve("short", ms, Context{})
	if len(rs) != 3 || rs[0].Place == nil || rs[0].Place.Name != "Paris" || rs[1].Place == nil || rs[1].Place.Name != "Texas" {
		t.Errorf("got %+v", rs)
	}
}

func TestDemonymResolves(t *testing.T) {
	g := testGazetteer()
	text := "A Turkish officer was shot."
	rs := g.Resolve(text, g.FindToponyms(text, FindOptions{Demonyms: true}), Context{})
	if len(rs) != 1 || rs[0].Place == nil || rs[0].Place.Name != "Turkey" || !rs[0].Demonym {
		t.Fatalf("got %+v, want one demonym mention of Turkey", rs)
	}
}

func TestLocation(t *testing.T) {
	g := testGazetteer()
	loc := g.Location(g.Place(10), 5, 10) // Paris, Texas
	if loc.Name != "Paris" || loc.Country != "USA" || loc.Admin1 != "Texas" || loc.GazetteerID != "geonames:21" || loc.Start != 5 || loc.End != 10 {
		t.Errorf("got %+v", loc)
	}
	if loc := g.Location(g.Place(5), 0, 5); loc.Admin1 != "Texas" || loc.Country != "USA" {
		t.Errorf("admin1 itself: got %+v", loc)
	}
}

func TestIndexRoundTrip(t *testing.T) {
	g := testGazetteer()
	var buf bytes.Buffer
	if err := g.WriteIndex(&buf); err != nil {
		t.Fatal(err)
	}
	h, err := ReadIndex(bytes.NewReader(buf.Bytes()), "test")
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != g.Len() {
		t.Fatalf("got %d places, want %d", h.Len(), g.Len())
	}
	for i := 0; i < g.Len(); i++ {
		a, b := g.Place(i), h.Place(i)
		if fmt.Sprint(*a) != fmt.Sprint(*b) {
			t.Errorf("place %d: got %+v, want %+v", i, *b, *a)
		}
	}
	if c, ok := h.Demonym("Iraqis"); !ok || c.ISO3 != "IRQ" {
		t.Errorf("demonym lost: %+v %v", c, ok)
	}
}

func TestReadIndexErrors(t *testing.T) {
	var good bytes.Buffer
	if err := testGazetteer().WriteIndex(&good); err != nil {
		t.Fatal(err)
	}
	raw := gunzip(t, good.Bytes())
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "not a gzip file"},
		{"foreign content", gz([]byte("just some text")), "not an annals gazetteer"},
		{"future version", gz(append([]byte(indexMagic), 9)), "version 9"},
		{"truncated", gz(raw[:len(raw)/2]), "truncated"},
		{"trailing data", gz(append(append([]byte{}, raw...), 1)), "trailing"},
		{"huge count", gz(append([]byte(indexMagic), 1, 0xff, 0xff, 0xff, 0xff, 0x7f)), "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadIndex(bytes.NewReader(tt.data), "bad.gz")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.gz") {
				t.Errorf("got error %v, want one naming bad.gz and saying %q", err, tt.want)
			}
		})
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func gunzip(t testing.TB, b []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func FuzzReadIndex(f *testing.F) {
	var good bytes.Buffer
	if err := testGazetteer().WriteIndex(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(gz(gunzip(f, good.Bytes())[:100]))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadIndex(bytes.NewReader(data), "fuzz")
		if err == nil {
			// whatever loads must be usable
			text := "Paris and Baghdad"
			g.Resolve(text, g.FindToponyms(text, FindOptions{Demonyms: true}), Context{Countries: []string{"US"}})
		}
	})
}

func FuzzFindToponyms(f *testing.F) {
	g := testGazetteer()
	f.Add("PARIS, Ky. (AP) - Turkey’s U.S. ally in Baghdad International Airport.")
	f.Add("\xff\xfe Zürich St. John's")
	f.Fuzz(func(t *testing.T, text string) {
		ms := g.FindToponyms(text, FindOptions{Demonyms: true})
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
		g.Resolve(text, ms, Context{})
	})
}

func TestBuildFromGeoNames(t *testing.T) {
	shared := testshared.Shared(t)
	g, err := Build(context.Background(), BuildOptions{
		Dir:       filepath.Join(shared, "corpora", "geonames"),
		Countries: filepath.Join(shared, "corpora", "countries", "world-countries.countries.json"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 30000 {
		t.Errorf("only %d places", g.Len())
	}
	c, ok := g.Country("CHE")
	if !ok || c.ISO2 != "CH" || c.Capital != "Bern" {
		t.Errorf("Switzerland: %+v %v", c, ok)
	}
	if p := g.Place(c.Place); p.Lat < 45 || p.Lat > 48 || p.Lon < 5 || p.Lon > 11 {
		t.Errorf("Switzerland's point %v,%v is not in Switzerland", p.Lat, p.Lon)
	}
	if c, ok := g.Demonym("Turkish"); !ok || c.ISO2 != "TR" {
		t.Errorf("Turkish: %+v %v", c, ok)
	}
	var buf bytes.Buffer
	if err := g.WriteIndex(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 6<<20 {
		t.Errorf("index is %d bytes, over 6 MiB", buf.Len())
	}
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("countryInfo.txt", "#comment\nCH\tCHE\t756\tSZ\tSwitzerland\tBern\t41290\t8516543\tEU\t.ch\tCHF\tFranc\t41\t####\t^(\\d{4})$\tde-CH\t2658434\tDE,IT\t\n")
	write("admin1CodesASCII.txt", "CH.GR\tGrisons\tGrisons\t2660522\n")
	write("cities15000.txt", "2661552\tDavos\tDavos\t\t46.8\t9.8\tP\tPPL\tCH\t\tGR\t\t\t\t11000\t\t1560\tEurope/Zurich\t2024-01-01\nbroken line\n")
	_, err := Build(context.Background(), BuildOptions{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "cities15000.txt:2") {
		t.Errorf("got %v, want an error naming cities15000.txt:2", err)
	}
	_, err = Build(context.Background(), BuildOptions{Dir: dir, Cities: "missing.txt"})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want a not-exist error", err)
	}
}

func TestBuildPointOptions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	city := func(id, name, lat, lon, a1, a2, pop string) string {
		return id + "\t" + name + "\t" + name + "\t\t" + lat + "\t" + lon + "\tP\tPPL\tCH\t\t" + a1 + "\t" + a2 + "\t\t\t" + pop + "\t\t\tEurope/Zurich\t2024-01-01\n"
	}
	write("countryInfo.txt", "CH\tCHE\t756\tSZ\tSwitzerland\tBern\t41290\t8516543\tEU\t.ch\tCHF\tFranc\t41\t####\t^(\\d{4})$\tde-CH\t2658434\tDE,IT\t\n")
	write("admin1CodesASCII.txt", "CH.GR\tGrisons\tGrisons\t2660522\n")
	write("admin2Codes.txt", "CH.GR.1848\tPrättigau/Davos\tPraettigau/Davos\t7285005\nCH.GR.1849\tMaloja\tMaloja\t7285006\n")
	write("cities15000.txt", city("1", "Chur", "46.85", "9.53", "GR", "1850", "37000"))
	write("cities500.txt", city("1", "Chur", "46.85", "9.53", "GR", "1850", "37000")+
		city("2", "Davos", "46.80", "9.84", "GR", "1848", "11000")+city("3", "Poschiavo", "46.32", "10.06", "GR", "1851", "3500"))
	// GeoNames' own points for the country and for Maloja, which no town places
	write("features.txt", "2658434\tSwitzerland\tSwitzerland\t\t47.00016\t8.01427\tA\tPCLI\tCH\t\t00\t\t\t\t8516543\t\t\tEurope/Zurich\t2024-01-01\n"+
		"7285006\tMaloja\tMaloja\t\t46.4\t9.7\tA\tADM2\tCH\t\tGR\t1849\t\t\t18000\t\t\tEurope/Zurich\t2024-01-01\n")
	find := func(g *Gazetteer, name string) *Place {
		for _, i := range g.Lookup(name) {
			return g.Place(i)
		}
		return nil
	}
	plain, err := Build(context.Background(), BuildOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if p := find(plain, "Grisons"); p.Lat != 46.85 {
		t.Errorf("Grisons placed by Chur alone: got %v,%v", p.Lat, p.Lon)
	}
	if find(plain, "Maloja") != nil {
		t.Error("Maloja has no town: it should be left out")
	}
	if p := find(plain, "Switzerland"); p.Lat != 46.85 {
		t.Errorf("Switzerland without capital or world-countries: got %v,%v, want the middle of its towns", p.Lat, p.Lon)
	}
	rich, err := Build(context.Background(), BuildOptions{Dir: dir, RegionCities: "cities500.txt", Features: filepath.Join(dir, "features.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if p := find(rich, "Grisons"); math.Abs(p.Lat-(46.85+46.32)/2) > 1e-9 || math.Abs(p.Lon-(9.53+10.06)/2) > 1e-9 {
		t.Errorf("Grisons placed by the denser towns: got %v,%v", p.Lat, p.Lon)
	}
	if p := find(rich, "Switzerland"); p.Lat != 47.00016 || p.Lon != 8.01427 {
		t.Errorf("Switzerland from features: got %v,%v", p.Lat, p.Lon)
	}
	if p := find(rich, "Maloja"); p == nil || p.Lat != 46.4 || p.Population != 18000 {
		t.Errorf("Maloja from features: got %+v", p)
	}
	if len(rich.Lookup("Davos")) != 0 {
		t.Error("towns of RegionCities must not be listed")
	}
	// A country-points table wins over the computed point; its columns
	// are found by name, in any order and case.
	write("countries.csv", "name,latitude,Country_Code,longitude\nSwitzerland,46.8,CH,8.2\nNowhere,,XX,\n")
	pointed, err := Build(context.Background(), BuildOptions{Dir: dir, CountryPoints: filepath.Join(dir, "countries.csv")})
	if err != nil {
		t.Fatal(err)
	}
	if p := find(pointed, "Switzerland"); p.Lat != 46.8 || p.Lon != 8.2 {
		t.Errorf("Switzerland from the country points: got %v,%v", p.Lat, p.Lon)
	}
	for name, csv := range map[string]string{
		"no code column":  "name,latitude,longitude\nSwitzerland,46.8,8.2\n",
		"bad coordinates": "COUNTRY_CODE,LATITUDE,LONGITUDE\nCH,146.8,8.2\n",
		"short row":       "COUNTRY_CODE,LATITUDE,LONGITUDE\nCH,46.8\n",
	} {
		write("bad.csv", csv)
		if _, err := Build(context.Background(), BuildOptions{Dir: dir, CountryPoints: filepath.Join(dir, "bad.csv")}); err == nil || !strings.Contains(err.Error(), "bad.csv") {
			t.Errorf("%s: got %v, want an error naming bad.csv", name, err)
		}
	}
}

func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Leaders gathered in Geneva, Switzerland, on Tuesday, while in Paris, Texas, and in Baghdad nothing changed."
	rs := g.Resolve(text, g.FindToponyms(text, FindOptions{}), Context{})
	want := map[string]string{"Geneva": "CHE", "Switzerland": "CHE", "Paris": "USA", "Texas": "USA", "Baghdad": "IRQ"}
	if len(rs) != len(want) {
		t.Fatalf("got %d mentions %+v, want %d", len(rs), rs, len(want))
	}
	for _, r := range rs {
		if loc := g.Location(r.Place, r.Start, r.End); loc.Country != want[r.Text] {
			t.Errorf("%s: got %+v, want country %s", r.Text, loc, want[r.Text])
		}
	}
}

func ExampleGazetteer_Resolve() {
	g, err := Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Turkish troops entered Aleppo on Monday, and a storm hit Paris, Texas."
	for _, r := range g.Resolve(text, g.FindToponyms(text, FindOptions{Demonyms: true}), Context{}) {
		loc := g.Location(r.Place, r.Start, r.End)
		fmt.Printf("%s (demonym %v): %s, %s, %s (%.1f, %.1f)\n", r.Text, r.Demonym, loc.Name, loc.Admin1, loc.Country, loc.Lat, loc.Lon)
	}
	// Output:
	// Turkish (demonym true): Turkey, , TUR (39.0, 35.0)
	// Aleppo (demonym false): Aleppo, Aleppo, SYR (36.2, 37.2)
	// Paris (demonym false): Paris, Texas, USA (33.7, -95.6)
	// Texas (demonym false): Texas, Texas, USA (31.2, -100.1)
}

func BenchmarkResolve(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	// An article of our own, with the usual mix of countries, capitals and
	// ambiguous towns.
	text := strings.Repeat("Officials in Washington and Moscow said on Monday that talks in Geneva, "+
		"Switzerland, would resume. Turkish troops moved near Aleppo, Syria, while protesters "+
		"gathered in Paris, Texas, and in London, Ontario. The Iraqi army entered Mosul; "+
		"Kurdish forces held Erbil and Kirkuk. ", 4)
	ms := g.FindToponyms(text, FindOptions{Demonyms: true})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Resolve(text, g.FindToponyms(text, FindOptions{Demonyms: true}), Context{})
	}
	b.ReportMetric(float64(len(ms)*b.N)/b.Elapsed().Seconds(), "toponyms/s")
}

func BenchmarkReadIndex(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadIndex(bytes.NewReader(defaultIndex), "embedded"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMerge(t *testing.T) {
	text := "Turkish jets hit Baghdad International Airport near Mosul."
	tagged := []Mention{{Text: "Baghdad International Airport", Start: 17, End: 46}}
	g := testGazetteer()
	ms := Merge(tagged, g.FindToponyms(text, FindOptions{Demonyms: true}))
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s/%v", text[m.Start:m.End], m.Demonym))
	}
	want := "Turkish/true|Baghdad International Airport/false|Mosul/false"
	if strings.Join(got, "|") != want {
		t.Fatalf("got %q, want %q", strings.Join(got, "|"), want)
	}
	rs := g.Resolve(text, ms, Context{})
	if rs[1].Place == nil || rs[1].Place.ID != 23 || !rs[1].Inferred {
		t.Errorf("airport: got %+v, want Baghdad (23), inferred", rs[1])
	}
}

func TestRegionGroups(t *testing.T) {
	places := []Place{
		{ID: 1, Name: "Sudan", Kind: Country, Code: "PCLI", Country: "SD", Lat: 16, Lon: 30, Population: 40_000_000},
		{ID: 2, Name: "North Darfur", Kind: Admin1, Code: "ADM1", Country: "SD", Admin1: "55", Lat: 16, Lon: 25, Population: 2_000_000},
		{ID: 3, Name: "South Darfur", Kind: Admin1, Code: "ADM1", Country: "SD", Admin1: "49", Lat: 11, Lon: 25, Population: 3_000_000},
		{ID: 4, Name: "Eastern District", Kind: Admin1, Code: "ADM1", Country: "AS", Admin1: "01", Lat: -14.3, Lon: -170.6},
		{ID: 5, Name: "Western District", Kind: Admin1, Code: "ADM1", Country: "AS", Admin1: "03", Lat: -14.3, Lon: -170.8},
		{ID: 6, Name: "Azerbaijan", Kind: Country, Code: "PCLI", Country: "AZ", Lat: 40.5, Lon: 47.5, Population: 10_000_000},
		{ID: 7, Name: "East Azerbaijan", Kind: Admin1, Code: "ADM1", Country: "IR", Admin1: "33", Lat: 37.9, Lon: 46.3},
		{ID: 8, Name: "West Azerbaijan", Kind: Admin1, Code: "ADM1", Country: "IR", Admin1: "01", Lat: 37.5, Lon: 45},
		{ID: 9, Name: "North Kordofan", Kind: Admin1, Code: "ADM1", Country: "SD", Admin1: "56", Lat: 14, Lon: 30},
	}
	g := newGazetteer(places, []CountryInfo{{ISO2: "SD", ISO3: "SDN", Name: "Sudan", Place: 0}})
	tests := []struct {
		name string
		want string // "" when no region of that name is made
	}{
		{"Darfur", "Darfur SD (13.5,25.0) 5000000"},
		{"District", ""},   // a generic word
		{"Azerbaijan", ""}, // a country bears the name
		{"Kordofan", ""},   // one part only
	}
	for _, tt := range tests {
		var got string
		for _, i := range g.Lookup(tt.name) {
			if p := g.Place(i); p.Code == "RGN" {
				got = fmt.Sprintf("%s %s (%.1f,%.1f) %d", p.Name, p.Country, p.Lat, p.Lon, p.Population)
			}
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
