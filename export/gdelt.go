package export

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Table is one of GDELT 2.0's tab-separated tables: its column names, in
// file order.
type Table struct {
	Name    string
	Columns []string
}

// Events is GDELT 2.0's Events table (YYYYMMDDHHMMSS.export.CSV), 61 columns.
var Events = Table{Name: "events", Columns: strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
	Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
	Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
	IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
	Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
	Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
	ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
	DATEADDED SOURCEURL`)}

// Mentions is GDELT 2.0's Mentions table (YYYYMMDDHHMMSS.mentions.CSV), 16 columns.
var Mentions = Table{Name: "mentions", Columns: strings.Fields(`GLOBALEVENTID EventTimeDate MentionTimeDate MentionType
	MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset
	InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo Extras`)}

// Index returns the 0-based position of column name, or -1.
func (t Table) Index(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// gdeltStamp is the layout of DATEADDED, EventTimeDate and MentionTimeDate.
const gdeltStamp = "20060102150405"

// EventRow renders a folded event as a row of the Events table. Fields
// annals does not compute (AvgTone, ADM2 codes, the actors' own places)
// are left empty, as GDELT leaves fields it cannot fill; ActionGeo comes
// from the event's location.
func EventRow(e store.Event) []string {
	r := e.Record
	row := make([]string, len(Events.Columns))
	set := func(name, v string) { row[Events.Index(name)] = v }
	set("GLOBALEVENTID", strconv.FormatInt(e.ID, 10))
	if y, m, d, ok := eventDate(e); ok {
		set("SQLDATE", fmt.Sprintf("%04d%02d%02d", y, m, d))
		set("MonthYear", fmt.Sprintf("%04d%02d", y, m))
		set("Year", fmt.Sprintf("%04d", y))
		frac := float64(y) + float64(max(m-1, 0)*30+d)/365
		set("FractionDate", strconv.FormatFloat(frac, 'f', 4, 64))
	}
	actorFields(set, "Actor1", r.Source)
	actorFields(set, "Actor2", r.Target)
	set("IsRootEvent", boolDigit(e.IsRootEvent))
	set("EventCode", r.Code)
	if len(r.Code) >= 3 {
		set("EventBaseCode", r.Code[:3])
	} else {
		set("EventBaseCode", r.Code)
	}
	set("EventRootCode", cmp.Or(r.Root, cameo.Root(r.Code)))
	if r.QuadClass > 0 {
		set("QuadClass", strconv.Itoa(r.QuadClass))
	}
	if r.Code != "" {
		set("GoldsteinScale", formatGoldstein(r.Goldstein))
	}
	set("NumMentions", strconv.Itoa(e.NumMentions))
	set("NumSources", strconv.Itoa(e.NumSources))
	set("NumArticles", strconv.Itoa(e.NumArticles))
	set("Actor1Geo_Type", "0")
	set("Actor2Geo_Type", "0")
	geoFields(set, "ActionGeo", r.Location)
	if !e.FirstSeen.IsZero() {
		set("DATEADDED", e.FirstSeen.UTC().Format(gdeltStamp))
	}
	src := e.SourceURL
	if src == "" {
		src = r.Doc.URL
	}
	set("SOURCEURL", clean(src))
	return row
}

// eventDate is the date the event happened, at its precision: the
// record's, else its document's publication date; ok is false when
// neither is known (the day it was first seen says nothing about when it
// happened). The parts a coarser date does not know are 0: a year is
// 1933-00-00, a month 2019-03-00, which GDELT's integer columns sort
// before the days of the period and no reader takes for its 1st (docs/
// record.md). A week is its month when it lies in one month, else the
// year of its Monday.
func eventDate(e store.Event) (year, month, day int, ok bool) {
	r := e.Record
	date, prec := r.Date, r.DatePrecision
	if date == "" {
		date, prec = r.Doc.Published, event.PrecisionDay
	}
	first, last, err := event.ParseDate(date, prec)
	if date == "" || err != nil {
		return 0, 0, 0, false
	}
	y, m, d := first.Date()
	switch {
	case first.Equal(last):
		return y, int(m), d, true
	case first.Year() == last.Year() && first.Month() == last.Month():
		return y, int(m), 0, true // a month, or a week inside one
	}
	return y, 0, 0, true
}

// MentionRow renders a mention as a row of the Mentions table. Offsets are
// byte offsets into the document text (-1 when the part is absent), and
// InRawText is 1: annals codes the text as written.
func MentionRow(m store.Mention) []string {
	row := make([]string, len(Mentions.Columns))
	set := func(name, v string) { row[Mentions.Index(name)] = v }
	set("GLOBALEVENTID", strconv.FormatInt(m.EventID, 10))
	if !m.EventAdded.IsZero() {
		set("EventTimeDate", m.EventAdded.UTC().Format(gdeltStamp))
	}
	if !m.Added.IsZero() {
		set("MentionTimeDate", m.Added.UTC().Format(gdeltStamp))
	}
	u := m.URL
	if u == "" {
		u = m.Record.Doc.URL
	}
	// Web documents are type 1 (WEB); anything else (files, ids) is cited
	// by name only, type 2 (CITATIONONLY).
	mtype := "2"
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		mtype = "1"
	}
	if u == "" {
		u = m.DocumentID
	}
	set("MentionType", mtype)
	name := m.SourceName
	if name == "" && mtype == "1" {
		if pu, err := url.Parse(u); err == nil {
			name = strings.TrimPrefix(pu.Hostname(), "www.")
		}
	}
	set("MentionSourceName", clean(name))
	set("MentionIdentifier", clean(u))
	set("SentenceID", strconv.Itoa(m.SentenceIndex+1))
	set("Actor1CharOffset", strconv.Itoa(m.SourceStart))
	set("Actor2CharOffset", strconv.Itoa(m.TargetStart))
	set("ActionCharOffset", strconv.Itoa(m.VerbStart))
	set("InRawText", "1")
	if m.Confidence > 0 {
		set("Confidence", strconv.Itoa(m.Confidence))
	}
	set("MentionDocLen", strconv.Itoa(m.DocLen))
	return row
}

// actorFields fills the eleven Actor1*/Actor2* columns of a CAMEO actor.
// The code is split into three-letter segments: the actor's country, then
// ethnic groups, known groups, religions and role types by GDELT's lookup
// tables; roles the coder listed always count as types.
func actorFields(set func(name, v string), prefix string, a *event.Actor) {
	if a == nil || a.Code == "" {
		return
	}
	set(prefix+"Code", clean(a.Code))
	set(prefix+"Name", clean(strings.ToUpper(a.Text)))
	t := tables()
	country := a.Country
	var groups, religions, ethnics, types []string
	roles := map[string]bool{}
	for _, r := range a.Roles {
		roles[strings.ToUpper(r)] = true
	}
	for i := 0; i+3 <= len(a.Code); i += 3 {
		raw := a.Code[i : i+3]
		seg := strings.ToUpper(raw)
		// As in GDELT: ethnic groups are the lower-case segments; a
		// segment that is both a known group and a type (UNO) is the
		// group, and only the first known group counts.
		switch {
		case raw != seg && t.classes["eth"][seg]:
			ethnics = append(ethnics, raw)
		case seg == country:
		case country == "" && t.classes["cty"][seg]:
			country = seg
		case roles[seg]:
			types = append(types, seg)
		case t.classes["grp"][seg]:
			groups = append(groups, seg)
		case t.classes["rel"][seg]:
			religions = append(religions, seg)
		case t.classes["typ"][seg]:
			types = append(types, seg)
		}
	}
	set(prefix+"CountryCode", country)
	set(prefix+"KnownGroupCode", nth(groups, 0))
	set(prefix+"EthnicCode", nth(ethnics, 0))
	set(prefix+"Religion1Code", nth(religions, 0))
	set(prefix+"Religion2Code", nth(religions, 1))
	set(prefix+"Type1Code", nth(types, 0))
	set(prefix+"Type2Code", nth(types, 1))
	set(prefix+"Type3Code", nth(types, 2))
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// Geo types of GDELT's *Geo_Type columns.
const (
	geoNone       = 0
	geoCountry    = 1
	geoUSState    = 2
	geoUSCity     = 3
	geoWorldCity  = 4
	geoWorldState = 5
)

// geoFields fills the eight *Geo_* columns of a place. The kind of place
// comes from its GeoNames id (a country's, a first-level division's, or
// else a city's); without one, from what the location holds: no admin1
// means a country, a name equal to its admin1 a state, anything else a
// city. ADM1Code is "US" and
// the state's postal code in the US, as in GDELT, and elsewhere the FIPS
// country code alone, because locations carry their admin1 region by name
// only; FeatureID is the GeoNames id for cities, the postal code for US
// states and the ADM1 code otherwise, as in GDELT.
func geoFields(set func(name, v string), prefix string, loc *event.Location) {
	if loc == nil || loc.Name == "" {
		set(prefix+"_Type", strconv.Itoa(geoNone))
		return
	}
	t := tables()
	c := t.countries[loc.Country]
	us := loc.Country == "USA"
	id := strings.TrimPrefix(loc.GazetteerID, "geonames:")
	fromGeoNames := id != loc.GazetteerID
	kind := geoWorldCity
	switch {
	case fromGeoNames && t.geoKinds[id] != 0:
		kind = t.geoKinds[id]
	case fromGeoNames:
		// Any other GeoNames entry is a city or a landmark.
	case loc.Admin1 == "" && (c.name == "" || strings.EqualFold(loc.Name, c.name) || loc.Lat == 0 && loc.Lon == 0):
		kind = geoCountry
	case strings.EqualFold(loc.Name, loc.Admin1):
		kind = geoWorldState
	}
	if us && kind == geoWorldState {
		kind = geoUSState
	} else if us && kind == geoWorldCity {
		kind = geoUSCity
	}
	parts := []string{loc.Name}
	if kind != geoCountry {
		if loc.Admin1 != "" && kind != geoUSState && kind != geoWorldState {
			parts = append(parts, loc.Admin1)
		}
		if c.name != "" {
			parts = append(parts, c.name)
		}
	}
	set(prefix+"_Type", strconv.Itoa(kind))
	set(prefix+"_FullName", clean(strings.Join(parts, ", ")))
	set(prefix+"_CountryCode", c.fips)
	adm1 := c.fips
	state := t.usStates[strings.ToLower(loc.Admin1)]
	if us && state != "" {
		adm1 = c.fips + state // GDELT's US ADM1 codes are postal: USTX
	}
	set(prefix+"_ADM1Code", adm1)
	if kind != geoCountry || loc.Lat != 0 || loc.Lon != 0 {
		set(prefix+"_Lat", formatCoord(loc.Lat))
		set(prefix+"_Long", formatCoord(loc.Lon))
	}
	switch {
	case (kind == geoUSCity || kind == geoWorldCity) && fromGeoNames:
		set(prefix+"_FeatureID", id)
	case kind == geoUSState && state != "":
		set(prefix+"_FeatureID", state)
	default:
		set(prefix+"_FeatureID", adm1)
	}
}

// formatGoldstein writes a Goldstein value as GDELT does: at least one
// decimal ("-10.0", "1.9").
func formatGoldstein(g float64) string {
	s := strconv.FormatFloat(g, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func formatCoord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// clean keeps a field on its line: GDELT files have no quoting, so tabs
// and line breaks inside a value become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// country is one line of the country table.
type country struct{ fips, name string }

// codeTables are the lookup tables, parsed once from tables.go.
type codeTables struct {
	countries map[string]country         // by ISO3
	usStates  map[string]string          // lower-case name → postal code
	geoKinds  map[string]int             // GeoNames id → geoCountry or geoWorldState
	classes   map[string]map[string]bool // CAMEO segment class → segments
}

var tables = sync.OnceValue(func() *codeTables {
	t := &codeTables{countries: map[string]country{}, usStates: map[string]string{}, geoKinds: map[string]int{}, classes: map[string]map[string]bool{}}
	id := int64(0)
	for _, gap := range strings.Fields(admin1IDs) {
		g, _ := strconv.ParseInt(gap, 36, 64)
		id += g
		t.geoKinds[strconv.FormatInt(id, 10)] = geoWorldState
	}
	for _, line := range strings.Split(usStates, "\n") {
		name, code, _ := strings.Cut(line, "\t")
		t.usStates[strings.ToLower(name)] = code
	}
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(line, "\t")
		t.countries[f[0]] = country{fips: f[1], name: f[2]}
		t.geoKinds[f[3]] = geoCountry
	}
	for class, segs := range cameoClasses {
		t.classes[class] = map[string]bool{}
		for _, s := range strings.Fields(segs) {
			t.classes[class][s] = true
		}
	}
	return t
})

// FIPS returns the FIPS 10-4 country code GDELT uses for an ISO 3166-1
// alpha-3 code, or "" when there is none.
func FIPS(iso3 string) string {
	return tables().countries[strings.ToUpper(iso3)].fips
}

// Writer writes rows of a GDELT table: tab-separated, no header, no
// quoting, LF line ends.
type Writer struct {
	w     *bufio.Writer
	table Table
}

// NewWriter returns a Writer of table t to w.
func NewWriter(w io.Writer, t Table) *Writer {
	return &Writer{w: bufio.NewWriter(w), table: t}
}

// Write writes one row; it must have exactly as many fields as the table.
func (w *Writer) Write(row []string) error {
	if len(row) != len(w.table.Columns) {
		return fmt.Errorf("gdelt %s: row of %d fields, want %d", w.table.Name, len(row), len(w.table.Columns))
	}
	for i, f := range row {
		if i > 0 {
			w.w.WriteByte('\t')
		}
		w.w.WriteString(clean(f))
	}
	return w.w.WriteByte('\n')
}

// Flush writes any buffered rows to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// Reader reads rows of a GDELT table.
type Reader struct {
	r     *bufio.Reader
	name  string
	table Table
	line  int
}

// ErrFieldCount reports a row with the wrong number of columns.
var ErrFieldCount = errors.New("wrong number of fields")

// NewReader returns a Reader of table t from r; name labels errors
// (usually the file name).
func NewReader(r io.Reader, name string, t Table) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), name: name, table: t}
}

// maxLine caps a row: real rows are under 2 KB; a longer one means the
// input is not a GDELT table.
const maxLine = 1 << 20

// Read returns the next row, io.EOF at the end, or an error naming
// NAME:LINE for a row that is not valid UTF-8, too long or of the wrong
// width (the row is returned too when only its width is wrong). Reading
// may go on after such an error.
func (r *Reader) Read() ([]string, error) {
	line, tooLong, err := r.readLine()
	if err != nil {
		return nil, err
	}
	r.line++
	if tooLong {
		return nil, fmt.Errorf("gdelt %s:%d: line longer than %d bytes", r.name, r.line, maxLine)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if !utf8.ValidString(line) {
		return nil, fmt.Errorf("gdelt %s:%d: invalid UTF-8", r.name, r.line)
	}
	row := strings.Split(line, "\t")
	if len(row) != len(r.table.Columns) {
		return row, fmt.Errorf("gdelt %s:%d: %w: %d, want %d", r.name, r.line, ErrFieldCount, len(row), len(r.table.Columns))
	}
	return row, nil
}

// readLine reads up to and including the next LF; a line over maxLine is
// consumed whole and reported as too long.
func (r *Reader) readLine() (string, bool, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLine {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(buf) == 0 && !tooLong {
				return "", false, io.EOF
			}
		case err != nil:
			return "", false, fmt.Errorf("gdelt %s: %w", r.name, err)
		}
		return string(buf), tooLong, nil
	}
}
