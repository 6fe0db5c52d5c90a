package geo

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BuildOptions says which files Build reads.
type BuildOptions struct {
	// Dir holds the GeoNames dumps: countryInfo.txt, admin1CodesASCII.txt
	// and the cities file; admin2Codes.txt is read when present.
	Dir string
	// Cities is the cities file inside Dir; "" picks cities15000.txt.
	Cities string
	// Countries is the path of a world-countries countries.json (mledoze/
	// countries), for country centroids, alternate spellings and demonyms,
	// which GeoNames' countryInfo lacks. "" builds without them: country
	// points are then their capitals'.
	Countries string
	// RegionCities is a denser cities file inside Dir used only to place
	// admin1 and admin2 regions (cities500.txt under a cities15000
	// index): more towns give a region's bounding box its true extent.
	// "" places regions by the towns of Cities.
	RegionCities string
	// Features is the path of a GeoNames dump in the cities format
	// (allCountries.txt, or an extract of its class-A rows) whose
	// entries give countries, admin1 and admin2 regions the points
	// GeoNames itself has for them, by geonameid, in place of computed
	// ones. "" computes them.
	Features string
	// CountryPoints is the path of a CSV file whose header names a
	// COUNTRY_CODE (ISO 3166-1 alpha-2), a LATITUDE and a LONGITUDE
	// column (any case), such as gvenzl/sample-data's countries.csv,
	// which carries GeoNames' own country points. They win over
	// world-countries' centroids, which lie hundreds of kilometres from
	// GeoNames' for large countries (the United States, Canada). "" keeps
	// the others.
	CountryPoints string
}

// maxLine bounds one line of a GeoNames dump; cities rows with all their
// alternate names stay well under it.
const maxLine = 1 << 20

// Build reads GeoNames dumps (and optionally world-countries) into a
// gazetteer.
func Build(ctx context.Context, opt BuildOptions) (*Gazetteer, error) {
	cities := opt.Cities
	if cities == "" {
		cities = "cities15000.txt"
	}
	countries, err := readCountryInfo(ctx, filepath.Join(opt.Dir, "countryInfo.txt"))
	if err != nil {
		return nil, err
	}
	admins, err := readAdmin(ctx, filepath.Join(opt.Dir, "admin1CodesASCII.txt"), Admin1)
	if err != nil {
		return nil, err
	}
	towns, err := readCities(ctx, filepath.Join(opt.Dir, cities))
	if err != nil {
		return nil, err
	}
	var counties []Place
	if path := filepath.Join(opt.Dir, "admin2Codes.txt"); fileExists(path) {
		if counties, err = readAdmin(ctx, path, Admin2); err != nil {
			return nil, err
		}
	}
	var extra map[string]worldCountry
	if opt.Countries != "" {
		if extra, err = readWorldCountries(opt.Countries); err != nil {
			return nil, err
		}
	}
	placing := towns
	if opt.RegionCities != "" {
		if placing, err = readCities(ctx, filepath.Join(opt.Dir, opt.RegionCities)); err != nil {
			return nil, err
		}
	}
	var points map[int]point
	if opt.Features != "" {
		if points, err = readPoints(ctx, opt.Features); err != nil {
			return nil, err
		}
	}
	var countryPoints map[string]point
	if opt.CountryPoints != "" {
		if countryPoints, err = readCountryPoints(opt.CountryPoints); err != nil {
			return nil, err
		}
	}
	return assemble(sources{countries, admins, counties, towns, placing, points, countryPoints, extra}), nil
}

// sources are the parsed inputs of a build.
type sources struct {
	countries []countryRow
	admins    []Place // admin1 regions
	counties  []Place // admin2 districts
	towns     []Place // the cities to list
	placing   []Place // the cities that place regions
	points    map[int]point
	countryAt map[string]point // ISO2 -> GeoNames' country point
	extra     map[string]worldCountry
}

// point is a GeoNames entry's position and population.
type point struct {
	lat, lon float64
	pop      int64
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// assemble orders places as countries, admin1 regions, admin2 districts,
// cities and continents, and fills in what one file lacks from the
// others: points of GeoNames' own where Features gives them; else region
// points and populations from their cities (districts without a city are
// left out: nothing places them), country points from world-countries or
// the capital.
func assemble(src sources) *Gazetteer {
	boxes := make(map[string]*box)
	capital := make(map[string]*Place)
	for i := range src.placing {
		t := &src.placing[i]
		for _, k := range []string{t.Country, t.Country + "." + t.Admin1, t.Country + "." + t.Admin1 + "." + t.Admin2} {
			b := boxes[k]
			if b == nil {
				b = &box{minLat: 90, maxLat: -90, minLon: 180, maxLon: -180}
				boxes[k] = b
			}
			b.minLat, b.maxLat = math.Min(b.minLat, t.Lat), math.Max(b.maxLat, t.Lat)
			b.minLon, b.maxLon = math.Min(b.minLon, t.Lon), math.Max(b.maxLon, t.Lon)
			b.pop += t.Population
			b.n++
		}
		if t.Code == "PPLC" && (capital[t.Country] == nil || t.Population > capital[t.Country].Population) {
			capital[t.Country] = t
		}
	}
	var places []Place
	var infos []CountryInfo
	countryAt := make(map[string]*Place)
	for _, c := range src.countries {
		p := Place{ID: c.id, Name: c.name, Kind: Country, Code: "PCLI", Country: c.iso2, Population: c.pop}
		info := CountryInfo{ISO2: c.iso2, ISO3: c.iso3, Name: c.name, Capital: c.capital, Place: len(places)}
		placed := true
		if cp := capital[c.iso2]; cp != nil {
			p.Lat, p.Lon = cp.Lat, cp.Lon
		} else if b := boxes[c.iso2]; b != nil {
			p.Lat, p.Lon = b.middle()
		} else {
			placed = false
		}
		if w, ok := src.extra[c.iso2]; ok {
			if len(w.LatLng) == 2 {
				p.Lat, p.Lon, placed = w.LatLng[0], w.LatLng[1], true
			}
			p.Alt = keepNames(p.Name, append([]string{w.Name.Common, w.Name.Official}, w.AltSpellings...))
			info.Demonyms = demonymForms(w.Demonyms.Eng.M, w.Demonyms.Eng.F)
		}
		for _, s := range shortNames[c.iso2] {
			if !containsKey(p.Name, p.Alt, s) {
				p.Alt = append(p.Alt, s)
			}
		}
		if pt, ok := src.countryAt[c.iso2]; ok {
			p.Lat, p.Lon, placed = pt.lat, pt.lon, true
		}
		if !src.place(&p) && !placed {
			continue // a former country ("Netherlands Antilles") nothing places
		}
		countryAt[c.iso2] = &p
		places = append(places, p)
		infos = append(infos, info)
	}
	for _, a := range src.admins {
		// The middle of the region's towns' bounding box lands nearer the
		// region's centroid than their mean, which big cities pull; a
		// region without towns takes its country's capital, or its
		// country's point ("Wake Island").
		placed := true
		if b := boxes[a.Country+"."+a.Admin1]; b != nil {
			a.Lat, a.Lon = b.middle()
			a.Population = b.pop
		} else if cp := capital[a.Country]; cp != nil {
			a.Lat, a.Lon = cp.Lat, cp.Lon
		} else if c := countryAt[a.Country]; c != nil {
			a.Lat, a.Lon = c.Lat, c.Lon
		} else {
			placed = false
		}
		if src.place(&a) || placed {
			places = append(places, a)
		}
	}
	for _, a := range src.counties {
		b := boxes[a.Country+"."+a.Admin1+"."+a.Admin2]
		if b != nil && a.Admin2 != "" {
			a.Lat, a.Lon = b.middle()
			a.Population = b.pop
		}
		if src.place(&a) || b != nil && a.Admin2 != "" {
			places = append(places, a)
		}
	}
	places = append(places, src.towns...)
	places = append(places, continents...)
	return newGazetteer(places, infos)
}

// box is the bounding box and population of the towns of an area.
type box struct {
	minLat, maxLat, minLon, maxLon float64
	pop                            int64
	n                              int
}

func (b *box) middle() (lat, lon float64) {
	return (b.minLat + b.maxLat) / 2, (b.minLon + b.maxLon) / 2
}

// place gives p GeoNames' own point, when Features has it, and reports
// whether it did.
func (src sources) place(p *Place) bool {
	pt, ok := src.points[p.ID]
	if !ok {
		return false
	}
	p.Lat, p.Lon = pt.lat, pt.lon
	if pt.pop > 0 {
		p.Population = pt.pop
	}
	return true
}

// continents are GeoNames' continent entries (feature code CONT), which
// the country and city dumps lack.
var continents = []Place{
	{ID: 6255146, Name: "Africa", Kind: Continent, Code: "CONT", Lat: 7.1881, Lon: 21.09375, Population: 1_400_000_000},
	{ID: 6255147, Name: "Asia", Kind: Continent, Code: "CONT", Lat: 29.84064, Lon: 89.29688, Population: 4_700_000_000},
	{ID: 6255148, Name: "Europe", Kind: Continent, Code: "CONT", Lat: 48.69096, Lon: 9.14062, Population: 740_000_000},
	{ID: 6255149, Name: "North America", Kind: Continent, Code: "CONT", Lat: 46.07323, Lon: -100.54688, Population: 590_000_000},
	{ID: 6255150, Name: "South America", Kind: Continent, Code: "CONT", Lat: -14.60485, Lon: -57.65625, Population: 430_000_000},
	{ID: 6255151, Name: "Oceania", Kind: Continent, Code: "CONT", Lat: -18.31281, Lon: 138.51562, Population: 43_000_000, Alt: []string{"Australasia"}},
	{ID: 6255152, Name: "Antarctica", Kind: Continent, Code: "CONT", Lat: -78.15856, Lon: 16.40626},
}

// shortNames are English short forms of country names that neither
// GeoNames' countryInfo nor world-countries lists.
var shortNames = map[string][]string{
	"US": {"America", "US", "USA"},
	"GB": {"Britain", "UK"},
	"AE": {"UAE", "U.A.E.", "Emirates"},
	"KR": {"South Korea"},
	"KP": {"North Korea"},
	"CD": {"DR Congo", "DRC", "Congo-Kinshasa"},
	"CG": {"Congo-Brazzaville"},
	"CZ": {"Czech Republic"},
	"NL": {"Holland"},
}

// demonymForms returns the adjectives and the plural nationals ("Iraqi",
// "Iraqis"); plurals are only formed where English adds -s.
func demonymForms(forms ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range forms {
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
		if strings.HasSuffix(f, "an") || strings.HasSuffix(f, "i") || strings.HasSuffix(f, "er") {
			out = append(out, f+"s")
		}
	}
	return out
}

// keepNames returns the names of alt worth indexing next to name: Latin
// script, capitalised (GeoNames' lower-case romanisations of Chinese and
// Japanese names are noise), not too long, and distinct by Key.
func keepNames(name string, alt []string) []string {
	seen := map[string]bool{Key(name): true}
	var out []string
	for _, a := range alt {
		a = strings.TrimSpace(a)
		if len(a) > 40 || !latinName(a) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(a); !unicode.IsUpper(r) {
			continue
		}
		k := Key(a)
		// Two-letter spellings are ISO codes ("IN", "TO") that read as
		// English words; the few worth keeping are in shortNames.
		if len(k) < 3 || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// containsKey reports whether s is name or one of alt, compared by Key.
func containsKey(name string, alt []string, s string) bool {
	k := Key(s)
	if Key(name) == k {
		return true
	}
	for _, a := range alt {
		if Key(a) == k {
			return true
		}
	}
	return false
}

type countryRow struct {
	iso2, iso3, name, capital string
	pop                       int64
	id                        int
}

// eachLine calls fn for every line of a file, with errors naming
// file:line.
func eachLine(ctx context.Context, path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("geo: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	name := filepath.Base(path)
	for n := 1; sc.Scan(); n++ {
		if n%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return fmt.Errorf("geo: %s:%d: invalid UTF-8", name, n)
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("geo: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("geo: reading %s: %w", name, err)
	}
	return nil
}

func readCountryInfo(ctx context.Context, path string) ([]countryRow, error) {
	var rows []countryRow
	err := eachLine(ctx, path, func(f []string) error {
		if len(f) < 17 {
			return fmt.Errorf("want at least 17 fields, got %d", len(f))
		}
		if len(f[0]) != 2 || len(f[1]) != 3 {
			return fmt.Errorf("bad ISO codes %q %q", f[0], f[1])
		}
		r := countryRow{iso2: f[0], iso3: f[1], name: f[4], capital: f[5]}
		r.pop, _ = strconv.ParseInt(f[7], 10, 64)
		r.id, _ = strconv.Atoi(f[16])
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// readAdmin reads admin1CodesASCII.txt ("CC.A1") or admin2Codes.txt
// ("CC.A1.A2") rows: code, name, ASCII name, geonameid.
func readAdmin(ctx context.Context, path string, kind Kind) ([]Place, error) {
	var out []Place
	err := eachLine(ctx, path, func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want 4 fields, got %d", len(f))
		}
		parts := strings.Split(f[0], ".")
		if len(parts) != int(kind-Country)+1 || len(parts[0]) != 2 {
			return fmt.Errorf("bad %v code %q", kind, f[0])
		}
		id, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("bad geonameid %q", f[3])
		}
		p := Place{ID: id, Name: f[1], Kind: kind, Code: "ADM1", Country: parts[0], Admin1: parts[1]}
		if kind == Admin2 {
			p.Code, p.Admin2 = "ADM2", parts[2]
		}
		p.Alt = keepNames(p.Name, []string{f[2]})
		out = append(out, p)
		return nil
	})
	return out, err
}

// readCities reads the places of a GeoNames dump in the cities format.
func readCities(ctx context.Context, path string) ([]Place, error) {
	var out []Place
	err := eachLine(ctx, path, func(f []string) error {
		id, pt, err := cityRow(f)
		if err != nil {
			return err
		}
		p := Place{ID: id, Name: f[1], Kind: City, Code: f[7], Country: f[8], Admin1: f[10], Admin2: f[11],
			Lat: pt.lat, Lon: pt.lon, Population: pt.pop}
		p.Alt = keepNames(p.Name, append([]string{f[2]}, strings.Split(f[3], ",")...))
		out = append(out, p)
		return nil
	})
	return out, err
}

// readPoints reads the class-A entries (countries, regions) of a GeoNames
// dump in the cities format.
func readPoints(ctx context.Context, path string) (map[int]point, error) {
	out := make(map[int]point)
	err := eachLine(ctx, path, func(f []string) error {
		if len(f) == cityFields && f[6] != "A" {
			return nil
		}
		id, pt, err := cityRow(f)
		if err != nil {
			return err
		}
		out[id] = pt
		return nil
	})
	return out, err
}

// cityFields is the number of tab-separated fields of a row of a GeoNames
// dump in the cities format.
const cityFields = 19

// cityRow checks a row of a GeoNames dump in the cities format and parses
// its geonameid, coordinates and population (0 when blank).
func cityRow(f []string) (int, point, error) {
	if len(f) != cityFields {
		return 0, point{}, fmt.Errorf("want %d fields, got %d", cityFields, len(f))
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return 0, point{}, fmt.Errorf("bad geonameid %q", f[0])
	}
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	if err := errors.Join(err1, err2); err != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return 0, point{}, fmt.Errorf("bad coordinates %q %q", f[4], f[5])
	}
	pop, _ := strconv.ParseInt(f[14], 10, 64)
	return id, point{lat, lon, pop}, nil
}

// worldCountry is the part of a world-countries entry Build uses.
type worldCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     struct {
		Eng struct {
			M string `json:"m"`
			F string `json:"f"`
		} `json:"eng"`
	} `json:"demonyms"`
}

// readCountryPoints reads the COUNTRY_CODE, LATITUDE and LONGITUDE
// columns of a CSV file with a header.
func readCountryPoints(path string) (map[string]point, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(io.LimitReader(f, 64<<20))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("geo: %s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	cc, ok1 := col["COUNTRY_CODE"]
	la, ok2 := col["LATITUDE"]
	lo, ok3 := col["LONGITUDE"]
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("geo: %s: the header lacks COUNTRY_CODE, LATITUDE or LONGITUDE", path)
	}
	out := make(map[string]point)
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("geo: %s: %w", path, err)
		}
		if len(rec) <= max(cc, la, lo) {
			return nil, fmt.Errorf("geo: %s:%d: want %d fields, got %d", path, line, len(head), len(rec))
		}
		if rec[la] == "" && rec[lo] == "" {
			continue // a country the file does not place
		}
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(rec[la]), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(rec[lo]), 64)
		if errors.Join(err1, err2) != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 || len(rec[cc]) != 2 {
			return nil, fmt.Errorf("geo: %s:%d: bad country code or coordinates %q %q %q", path, line, rec[cc], rec[la], rec[lo])
		}
		out[rec[cc]] = point{lat: lat, lon: lon}
	}
}

func readWorldCountries(path string) (map[string]worldCountry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	defer f.Close()
	var list []worldCountry
	if err := json.NewDecoder(io.LimitReader(f, 64<<20)).Decode(&list); err != nil {
		return nil, fmt.Errorf("geo: %s: %w", path, err)
	}
	out := make(map[string]worldCountry, len(list))
	for _, w := range list {
		out[w.CCA2] = w
	}
	return out, nil
}
