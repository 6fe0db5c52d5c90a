// Command gen writes the generated parts of annals' dictionaries:
// dict/data/countries.txt (country names, capitals and major cities from
// GeoNames, CC BY 4.0; demonyms from mordecai's nationality table, MIT;
// other names and plural demonyms from the tables below). The CAMEO event
// codes that verbs.txt may use are package cameo's.
//
//	go run ./dict/internal/gen -shared ../shared -dict dict
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data `DIR`")
	dictDir := flag.String("dict", "dict", "the dict package `DIR` to write into")
	flag.Parse()
	if err := writeCountries(*shared, *dictDir); err != nil {
		log.Fatal(err)
	}
}

func readTSV(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		rows = append(rows, strings.Split(strings.TrimRight(l, "\r"), "\t"))
	}
	return rows, nil
}

// Countries and territories left out: no longer exist, or nobody lives there.
var skip = map[string]bool{"SCG": true, "ANT": true, "ATA": true, "BVT": true, "HMD": true, "UMI": true, "ATF": true, "SGS": true, "IOT": true}

// otherNames are names GeoNames' English name does not cover: official
// and short names, abbreviations, older names, and demonym nouns.
var otherNames = map[string][]string{
	"USA": {"United States of America", "New York", "US", "U.S.", "USA", "U.S.A.", "America"},
	"GBR": {"Britain", "Great Britain", "UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland", "England", "English", "Scotland", "Scottish", "Wales", "Welsh", "Northern Ireland", "Briton", "Britons", "Brits"},
	"CHE": {"Geneva", "Zurich"},
	"ARE": {"UAE", "U.A.E.", "Emirates", "Emiratis"},
	"IRN": {"Islamic Republic of Iran", "Islamic Republic", "Persia"},
	"IRQ": {"Republic of Iraq"},
	"RUS": {"Russian Federation"},
	"CHN": {"People's Republic of China", "PRC", "Mainland China"},
	"TWN": {"Republic of China"},
	"KOR": {"Republic of Korea", "ROK"},
	"PRK": {"Democratic People's Republic of Korea", "DPRK"},
	"SYR": {"Syrian Arab Republic"},
	"COD": {"DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"},
	"COG": {"Congo-Brazzaville", "Republic of Congo"},
	"CIV": {"Côte d'Ivoire", "Cote d'Ivoire"},
	"PSE": {"Palestine", "Palestinian territories", "Occupied Palestinian Territories", "West Bank", "Gaza", "Gaza Strip", "Gazans"},
	"MMR": {"Burma", "Naypyidaw", "Naypyitaw"},
	"CZE": {"Czech Republic"},
	"MKD": {"Macedonia", "North Macedonian", "North Macedonians"},
	"SWZ": {"Swaziland"},
	"TUR": {"Türkiye", "Turkiye", "Turks"},
	"NLD": {"Netherlands", "Holland", "Dutchman", "Dutchmen"},
	"VAT": {"Holy See", "Vatican City"},
	"LAO": {"Lao PDR"},
	"TLS": {"East Timor", "Timor-Leste", "East Timorese", "Timorese"},
	"KNA": {"Kittitian", "Kittitians", "Nevisian", "Nevisians"},
	"CPV": {"Cape Verde", "Cape Verdean", "Cape Verdeans"},
	"KAZ": {"Astana"},
	"FRA": {"Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"},
	"SWE": {"Swede", "Swedes"},
	"DNK": {"Dane", "Danes"},
	"FIN": {"Finn", "Finns"},
	"ESP": {"Spaniard", "Spaniards"},
	"AFG": {"Islamic Emirate of Afghanistan"},
	"SAU": {"Kingdom of Saudi Arabia", "KSA", "Saudis"},
	"BIH": {"Bosnia", "Herzegovina"},
	"TTO": {"Trinidad", "Tobago"},
	"ISR": {"State of Israel"},
	"YEM": {"Sana'a"},
	"UKR": {"Kiev"},
	"IND": {"Delhi"},
	"EGY": {"Arab Republic of Egypt"},
	"LBY": {"Libyans"},
	// demonyms mordecai's table lacks, and variants news uses
	"TJK": {"Tajik", "Tajiks", "Tajikistani", "Tajikistanis"},
	"BFA": {"Burkinabe", "Burkinabè"},
	"SLB": {"Solomon Islander", "Solomon Islanders"},
	"KHM": {"Khmer"},
	"LUX": {"Luxembourger", "Luxembourgers"},
	"SVK": {"Slovakian", "Slovakians"},
	"HRV": {"Croat", "Croats"},
	"XKX": {"Kosovar", "Kosovars", "Kosovan", "Kosovans"},
	"SLV": {"Salvadorean", "Salvadoreans"},
	"ECU": {"Ecuadorean", "Ecuadoreans"},
	"ARG": {"Argentinian", "Argentinians"},
	"TKM": {"Turkmenistani", "Turkmenistanis"},
	"CAF": {"Central African", "Central Africans"},
	"MCO": {"Monegasque", "Monegasques"},
	"LIE": {"Liechtensteiner", "Liechtensteiners"},
	"LSO": {"Mosotho"},
	"HKG": {"Hong Konger", "Hong Kongers"},
}

// ambiguous are names that are common English words or people's names
// (capitals, big cities, a few country names and demonyms); coding them as
// a country would mislead.
var ambiguous = map[string]bool{"Pole": true, "Poles": true, "Jersey": true, "Reunion": true, "Réunion": true, "Victoria": true, "Male": true, "Nice": true, "Sale": true, "Hamilton": true,
	"The Valley": true, "Stanley": true, "Douglas": true, "Jamestown": true, "George Town": true,
	"Georgetown": true, "Queens": true, "Hue": true, "Huế": true, "Saint-Denis": true, "West Island": true, "Melekeok": true, "Moroni": true, "Victoria de Durango": true,
	"Durango": true, "Cordoba": true, "Córdoba": true, "Valencia": true, "Santiago": true, "San Jose": true, "San José": true,
	"Merida": true, "Mérida": true, "León": true, "Leon": true, "Salvador": true, "Natal": true, "Campinas": true,
	"Mobile": true, "Reading": true, "Split": true, "Bath": true, "Independence": true, "Hyderabad": true, "Aurangabad": true,
	"Florence": true, "Charlotte": true, "Phoenix": true, "Columbus": true, "Jacksonville": true, "Lincoln": true,
	"Medina": true, "Tripoli": true, "Jos": true, "Bimbo": true, "Tamale": true, "Constantine": true, "Kira": true, "Guambat": true,
	"Ife": true, "Ado": true}

type city struct {
	iso     string
	names   []string
	pop     int
	capital bool
}

func writeCountries(shared, dictDir string) error {
	info, err := readTSV(filepath.Join(shared, "corpora/geonames/countryInfo.txt"))
	if err != nil {
		return err
	}
	iso2 := map[string]string{}
	name := map[string]string{}
	capital := map[string]string{}
	var order []string
	for _, r := range info {
		if len(r) < 6 || skip[r[1]] {
			continue
		}
		iso2[r[0]] = r[1]
		name[r[1]] = strings.TrimSpace(r[4])
		capital[r[1]] = strings.TrimSpace(r[5])
		order = append(order, r[1])
	}
	sort.Strings(order)

	// Cities: places (not parts of places) of cities15000.
	var cities []city
	byName := map[string][]int{}
	fh, err := os.Open(filepath.Join(shared, "corpora/geonames/cities15000.txt"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 || f[6] != "P" || f[7] == "PPLX" || f[7] == "PPLH" || f[7] == "PPLW" {
			continue
		}
		iso := iso2[f[8]]
		if iso == "" {
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		c := city{iso: iso, pop: pop, capital: f[7] == "PPLC"}
		c.names = []string{f[1]}
		if a := fold(f[1]); a != f[1] {
			c.names = append(c.names, a)
		}
		for _, n := range c.names {
			byName[n] = append(byName[n], len(cities))
		}
		cities = append(cities, c)
	}
	fh.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	score := func(c city) int {
		if c.capital {
			return c.pop * 10
		}
		return c.pop
	}
	// owner returns the country a city name names: the one whose city of
	// that name scores at least three times any other's.
	owner := func(n string) string {
		var best, second int
		var iso string
		for _, i := range byName[n] {
			s := score(cities[i])
			switch {
			case s > best:
				best, second, iso = s, best, cities[i].iso
			case s > second:
				second = s
			}
		}
		if best >= 3*second {
			return iso
		}
		return ""
	}

	demonyms, err := readDemonyms(filepath.Join(shared, "corpora/countries/mordecai.nat_df.csv"))
	if err != nil {
		return err
	}

	var out bytes.Buffer
	out.WriteString(`# countries.txt: one line per country, ISO 3166-1 alpha-3 code, then
# names | demonyms | plural demonyms | capital | major cities.
#
# Generated by "go run ./dict/internal/gen" (see docs/dictionaries.md):
# names, capitals and cities from GeoNames (geonames.org, CC BY 4.0, data as
# of November 2025); demonyms from the nationality table of mordecai (MIT);
# other names from the generator's own tables. Edit the generator, not this
# file; names that must code otherwise ("Washington" as the US government)
# belong in actors.txt, which overrides this file.

`)
	seen := map[string]string{}
	for _, iso := range order {
		var names []string
		add := func(n string) {
			n = strings.Join(strings.Fields(n), " ")
			if n == "" || ambiguous[n] || seen[strings.ToUpper(n)] != "" {
				return
			}
			seen[strings.ToUpper(n)] = iso
			names = append(names, n)
		}
		add(name[iso])
		if strings.HasPrefix(name[iso], "The ") {
			add(name[iso][4:])
		}
		for _, n := range otherNames[iso] {
			add(n)
		}
		for _, d := range demonyms[iso] {
			add(d)
			if p := pluralDemonym(d); p != "" {
				add(p)
			}
		}
		// the capital, then cities of a million people or more (at most
		// eight), else the two biggest of 100,000 or more
		var own []city
		for _, c := range cities {
			if c.iso == iso {
				own = append(own, c)
			}
		}
		slices.SortFunc(own, func(a, b city) int { return b.pop - a.pop })
		cityNames := []string{}
		if capital[iso] != "" {
			cityNames = append(cityNames, capital[iso])
		}
		for _, c := range own {
			if c.capital {
				cityNames = append(cityNames, c.names...)
			}
		}
		n := 0
		for _, c := range own {
			if n >= 8 || c.pop < 200000 || (n >= 3 && c.pop < 1000000) {
				break
			}
			cityNames = append(cityNames, c.names...)
			n++
		}
		for _, cn := range cityNames {
			if o := owner(cn); o != iso && !(len(byName[cn]) == 0 && cn == capital[iso]) {
				continue
			}
			add(cn)
		}
		fmt.Fprintf(&out, "%s  %s\n", iso, strings.Join(names, " | "))
	}
	return os.WriteFile(filepath.Join(dictDir, "data", "countries.txt"), out.Bytes(), 0o644)
}

// readDemonyms reads mordecai's "nationality,ISO3" rows, dropping names
// that stand for two countries and those that are place names.
func readDemonyms(path string) (map[string][]string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	codes := map[string][]string{}
	var order []string
	for _, row := range rows[1:] {
		if len(row) != 2 {
			continue // a row without its comma
		}
		d, iso := strings.TrimSpace(row[0]), strings.TrimSpace(row[1])
		if strings.HasSuffix(d, " Island") || strings.Contains(d, " or ") || d == "Gibraltar" || d == "Guadeloupe" || d == "Svalbard" || d == "Bonaire" || d == "Sint Maarten" || d == "UK" {
			continue
		}
		if _, ok := codes[d]; !ok {
			order = append(order, d)
		}
		codes[d] = append(codes[d], iso)
	}
	out := map[string][]string{}
	for _, d := range order {
		if len(codes[d]) == 1 {
			out[codes[d][0]] = append(out[codes[d][0]], d)
		}
	}
	return out, nil
}

// pluralDemonym returns the plural of a demonym used as a noun ("Iraqis"),
// or "" for those that do not take one ("the Chinese", "the British").
func pluralDemonym(d string) string {
	switch {
	case d == "Czech":
		return "Czechs"
	case strings.HasSuffix(d, "ese"), strings.HasSuffix(d, "ss"), strings.HasSuffix(d, "ish"),
		strings.HasSuffix(d, "ch"), strings.HasSuffix(d, "ic"), strings.HasSuffix(d, "ais"),
		strings.HasSuffix(d, "ois"), strings.HasSuffix(d, "z"), strings.HasSuffix(d, "x"), d == "Basotho",
		strings.HasSuffix(d, "sy"), strings.HasPrefix(d, "I-"), strings.HasPrefix(d, "Ni-"),
		d == "Lao", d == "Magyar", d == "Liechtenstein":
		return ""
	}
	return d + "s"
}

// fold returns s without diacritics ("Zürich" → "Zurich"), as English
// news writes most names.
func fold(s string) string {
	var b strings.Builder
	s = strings.NewReplacer("Ł", "L", "ł", "l", "Ø", "O", "ø", "o", "Đ", "D", "đ", "d", "ı", "i").Replace(s)
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
