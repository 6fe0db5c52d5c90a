package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/store"
)

func seq[T any](items ...T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// sampleEvent is an invented event with every part filled.
func sampleEvent() store.Event {
	return store.Event{
		ID: 42,
		Record: event.Record{
			ID:        "e-1",
			Doc:       event.DocRef{ID: "d-1", URL: "https://news.example.org/a", Title: "T", Published: "2020-01-24"},
			Sentence:  event.SentenceRef{Index: 2, Start: 100, End: 180, Text: "The parliament\tdemanded a withdrawal."},
			Date:      "2020-01-05",
			Source:    &event.Actor{Text: "the Iraqi parliament", Code: "IRQLEG", Country: "IRQ", Roles: []string{"LEG"}, Start: 104, End: 124},
			Target:    &event.Actor{Text: "the European Union", Code: "IGOEUREEC", Start: 150, End: 168},
			Code:      "042",
			Root:      "04",
			QuadClass: 1,
			Goldstein: 1.9,
			Mode:      event.Asserted,
			Location:  &event.Location{Name: "Baghdad", Country: "IRQ", Admin1: "Baghdad", Lat: 33.34058, Lon: 44.40088, GazetteerID: "geonames:98182"},
			Counts: []event.Count{
				{Kind: event.Crowd, Low: 200, High: 999, Precision: event.Vague, Text: "hundreds of students", Start: 128, End: 148},
				{Kind: event.Arrested, Low: 12, High: 15, Precision: event.About},
			},
		},
		NumMentions: 3, NumSources: 2, NumArticles: 2,
		FirstSeen:   time.Date(2020, 1, 24, 10, 15, 0, 0, time.UTC),
		SourceURL:   "https://news.example.org/a",
		IsRootEvent: true,
	}
}

func TestEventRow(t *testing.T) {
	row := EventRow(sampleEvent())
	if len(row) != 61 {
		t.Fatalf("%d columns", len(row))
	}
	want := map[string]string{
		"GLOBALEVENTID": "42", "SQLDATE": "20200105", "MonthYear": "202001", "Year": "2020", "FractionDate": "2020.0137",
		"Actor1Code": "IRQLEG", "Actor1Name": "THE IRAQI PARLIAMENT", "Actor1CountryCode": "IRQ", "Actor1Type1Code": "LEG", "Actor1KnownGroupCode": "",
		"Actor2Code": "IGOEUREEC", "Actor2CountryCode": "EUR", "Actor2KnownGroupCode": "EEC", "Actor2Type1Code": "IGO",
		"IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.9",
		"NumMentions": "3", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
		"Actor1Geo_Type": "0", "Actor1Geo_FullName": "",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Baghdad, Baghdad, Iraq", "ActionGeo_CountryCode": "IZ", "ActionGeo_ADM1Code": "IZ",
		"ActionGeo_Lat": "33.3406", "ActionGeo_Long": "44.4009", "ActionGeo_FeatureID": "98182",
		"DATEADDED": "20200124101500", "SOURCEURL": "https://news.example.org/a",
	}
	for col, w := range want {
		if got := row[Events.Index(col)]; got != w {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
}

// TestEventRowUndated checks that an event of unknown date gets no
// SQLDATE: the day it was first seen is not the day it happened.
func TestEventRowUndated(t *testing.T) {
	e := sampleEvent()
	e.Record.Date, e.Record.Doc.Published = "", ""
	row := EventRow(e)
	for _, col := range []string{"SQLDATE", "MonthYear", "Year", "FractionDate"} {
		if v := row[Events.Index(col)]; v != "" {
			t.Errorf("%s = %q for an event of unknown date, want empty", col, v)
		}
	}
	if v := row[Events.Index("DATEADDED")]; v != "20200124101500" {
		t.Errorf("DATEADDED = %q, want the first-seen time", v)
	}
}

// TestEventRowPrecision checks that the date columns never make up a day
// (or a month): the parts a coarser date does not know are zeros.
func TestEventRowPrecision(t *testing.T) {
	for _, c := range []struct {
		date, prec                         string
		sqlDate, monthYear, year, fraction string
	}{
		{"1933", "year", "19330000", "193300", "1933", "1933.0000"},
		{"1933-01-01", "year", "19330000", "193300", "1933", "1933.0000"}, // written in full before
		{"2019-03", "month", "20190300", "201903", "2019", "2019.1644"},
		{"2020-01-06", "week", "20200100", "202001", "2020", "2020.0000"},
		{"2020-01-27", "week", "20200000", "202000", "2020", "2020.0000"}, // 27 January to 2 February
		{"2020-01-24", "publication", "20200124", "202001", "2020", "2020.0658"},
		{"", "", "20200124", "202001", "2020", "2020.0658"}, // the document's date
	} {
		e := sampleEvent()
		e.Record.Date, e.Record.DatePrecision = c.date, c.prec
		row := EventRow(e)
		for col, want := range map[string]string{"SQLDATE": c.sqlDate, "MonthYear": c.monthYear, "Year": c.year, "FractionDate": c.fraction} {
			if got := row[Events.Index(col)]; got != want {
				t.Errorf("%q at %q: %s = %q, want %q", c.date, c.prec, col, got, want)
			}
		}
	}
	e := sampleEvent()
	e.Record.Date, e.Record.DatePrecision = "1933", "year"
	var buf bytes.Buffer
	if _, err := WriteEvents(&buf, Parquet, seq(e)); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[ParquetEvent](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(rows) != 1 || *rows[0].SQLDate != 19330000 || *rows[0].MonthYear != 193300 || *rows[0].Year != 1933 {
		t.Errorf("parquet of a year: %+v, %v", rows, err)
	}
}

func TestGeoTypes(t *testing.T) {
	tests := []struct {
		loc                              event.Location
		typ, full, country, feature, lat string
	}{
		{event.Location{Name: "Iraq", Country: "IRQ"}, "1", "Iraq", "IZ", "IZ", ""},
		// GeoNames ids decide: a country's, a division's (Texas, Baghdad
		// governorate), a city's (Baghdad).
		{event.Location{Name: "Republic of Iraq", Country: "IRQ", Lat: 33, Lon: 44, GazetteerID: "geonames:99237"}, "1", "Republic of Iraq", "IZ", "IZ", "33"},
		{event.Location{Name: "Texas", Country: "USA", Admin1: "Texas", Lat: 31, Lon: -99, GazetteerID: "geonames:4736286"}, "2", "Texas, United States", "US", "TX", "31"},
		{event.Location{Name: "Baghdad", Country: "IRQ", Admin1: "Baghdad", Lat: 33.3, Lon: 44.4, GazetteerID: "geonames:98180"}, "5", "Baghdad, Iraq", "IZ", "IZ", "33.3"},
		{event.Location{Name: "Baghdad", Country: "IRQ", Admin1: "Baghdad", Lat: 33.34, Lon: 44.4, GazetteerID: "geonames:98182"}, "4", "Baghdad, Baghdad, Iraq", "IZ", "98182", "33.34"},
		{event.Location{Name: "Texas", Country: "USA", Admin1: "Texas", Lat: 31, Lon: -99}, "2", "Texas, United States", "US", "TX", "31"},
		{event.Location{Name: "Austin", Country: "USA", Admin1: "Texas", Lat: 30.2672, Lon: -97.7431, GazetteerID: "geonames:4671654"}, "3", "Austin, Texas, United States", "US", "4671654", "30.2672"},
		{event.Location{Name: "Springfield", Country: "USA", Admin1: "Nowhere", Lat: 1, Lon: 1}, "3", "Springfield, Nowhere, United States", "US", "US", "1"},
		{event.Location{Name: "Berlin", Country: "DEU", Admin1: "Berlin", Lat: 52.52, Lon: 13.4}, "5", "Berlin, Germany", "GM", "GM", "52.52"},
		{event.Location{Name: "Mosul", Country: "IRQ", Admin1: "Nineveh", Lat: 36.335, Lon: 43.1189, GazetteerID: "geonames:99072"}, "4", "Mosul, Nineveh, Iraq", "IZ", "99072", "36.335"},
		{event.Location{Name: "Somewhere", Lat: 1, Lon: 2}, "1", "Somewhere", "", "", "1"},
	}
	for _, tt := range tests {
		e := sampleEvent()
		e.Record.Location = &tt.loc
		row := EventRow(e)
		got := []string{row[Events.Index("ActionGeo_Type")], row[Events.Index("ActionGeo_FullName")], row[Events.Index("ActionGeo_CountryCode")], row[Events.Index("ActionGeo_FeatureID")], row[Events.Index("ActionGeo_Lat")]}
		want := []string{tt.typ, tt.full, tt.country, tt.feature, tt.lat}
		if tt.loc.Admin1 == "Texas" && row[Events.Index("ActionGeo_ADM1Code")] != "USTX" {
			t.Errorf("%s: ADM1 %q, want USTX", tt.loc.Name, row[Events.Index("ActionGeo_ADM1Code")])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", tt.loc.Name, got, want)
		}
	}
	e := sampleEvent()
	e.Record.Location = nil
	if row := EventRow(e); row[Events.Index("ActionGeo_Type")] != "0" || row[Events.Index("ActionGeo_CountryCode")] != "" {
		t.Errorf("no location: %q", row[51:59])
	}
}

func TestFIPS(t *testing.T) {
	for iso, fips := range map[string]string{"USA": "US", "GBR": "UK", "IRQ": "IZ", "DEU": "GM", "CHN": "CH", "RUS": "RS", "XKX": "KV", "usa": "US", "ZZZ": ""} {
		if got := FIPS(iso); got != fips {
			t.Errorf("FIPS(%s) = %q, want %q", iso, got, fips)
		}
	}
}

func sampleMention() store.Mention {
	return store.Mention{
		ID: 7, EventID: 42, DocumentID: "d-1", SentenceIndex: 2,
		SourceStart: 104, TargetStart: -1, VerbStart: 125,
		Record: sampleEvent().Record, Confidence: 80, SourceName: "",
		URL: "https://www.news.example.org/a", DocLen: 2048,
		Added:      time.Date(2020, 1, 24, 10, 30, 0, 0, time.UTC),
		EventAdded: time.Date(2020, 1, 24, 10, 15, 0, 0, time.UTC),
	}
}

func TestMentionRow(t *testing.T) {
	row := MentionRow(sampleMention())
	want := []string{"42", "20200124101500", "20200124103000", "1", "news.example.org", "https://www.news.example.org/a", "3", "104", "-1", "125", "1", "80", "2048", "", "", ""}
	if !reflect.DeepEqual(row, want) {
		t.Errorf("got  %q\nwant %q", row, want)
	}
	m := sampleMention()
	m.URL, m.Record.Doc.URL, m.SourceName = "file:notes.txt", "", "notes"
	if row := MentionRow(m); row[3] != "2" || row[4] != "notes" || row[5] != "file:notes.txt" {
		t.Errorf("file mention: %q", row[:6])
	}
}

func TestGDELTRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	e2 := sampleEvent()
	e2.ID, e2.Record.Source, e2.Record.Location, e2.Record.Date, e2.IsRootEvent = 43, nil, nil, "", false
	n, err := WriteEvents(&buf, GDELT, seq(sampleEvent(), e2))
	if err != nil || n != 2 {
		t.Fatalf("WriteEvents: %d %v", n, err)
	}
	if strings.Count(buf.String(), "\n") != 2 || strings.Count(strings.Split(buf.String(), "\n")[0], "\t") != 60 {
		t.Errorf("output is not 2 lines of 61 fields:\n%s", buf.String())
	}
	r := NewReader(&buf, "out", Events)
	for i, e := range []store.Event{sampleEvent(), e2} {
		row, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(row, EventRow(e)) {
			t.Errorf("row %d read back differs:\n%q\n%q", i, row, EventRow(e))
		}
		if _, err := ParquetRow[ParquetEvent](row); err != nil {
			t.Errorf("row %d: %v", i, err)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("after the last row: %v", err)
	}
	buf.Reset()
	if _, err := WriteMentions(&buf, GDELT, seq(sampleMention())); err != nil {
		t.Fatal(err)
	}
	row, err := NewReader(&buf, "m", Mentions).Read()
	if err != nil || len(row) != 16 {
		t.Errorf("mention read back: %q %v", row, err)
	}
}

func TestReaderErrors(t *testing.T) {
	in := "a\tb\n" + strings.Repeat("x\t", 15) + "x\n" + "\xff" + strings.Repeat("\t", 15) + "\n" + strings.Repeat("\t", 15)
	r := NewReader(strings.NewReader(in), "bad.tsv", Mentions)
	var got []string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, strings.Join(row, ""))
	}
	want := []string{"gdelt bad.tsv:1: wrong number of fields: 2, want 16", strings.Repeat("x", 16), "gdelt bad.tsv:3: invalid UTF-8", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := NewReader(strings.NewReader("a\n"), "x", Mentions).Read(); !errors.Is(err, ErrFieldCount) {
		t.Errorf("err %v, want ErrFieldCount", err)
	}
}

func TestParquetRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	e2 := sampleEvent()
	e2.ID, e2.Record.Location = 43, nil
	if n, err := WriteEvents(&buf, Parquet, seq(sampleEvent(), e2)); err != nil || n != 2 {
		t.Fatalf("WriteEvents: %d %v", n, err)
	}
	rows, err := parquet.Read[ParquetEvent](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || *rows[0].GlobalEventID != 42 || *rows[0].SQLDate != 20200105 || rows[0].EventCode != "042" ||
		*rows[0].GoldsteinScale != 1.9 || *rows[0].ActionGeoLat != 33.3406 || rows[0].AvgTone != nil || rows[1].ActionGeoLat != nil {
		t.Errorf("read back %+v", rows)
	}
	wantCounts := []ParquetCount{
		{Kind: "crowd", Low: 200, High: 999, Precision: "vague", Text: "hundreds of students", Start: 128, End: 148},
		{Kind: "arrested", Low: 12, High: 15, Precision: "about"},
	}
	if !reflect.DeepEqual(rows[0].Counts, wantCounts) {
		t.Errorf("counts read back %+v, want %+v", rows[0].Counts, wantCounts)
	}
	// The file's columns are GDELT's, in GDELT's order, then the counts.
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range f.Schema().Fields() {
		names = append(names, c.Name())
	}
	if !reflect.DeepEqual(names, append(slices.Clone(Events.Columns), "counts")) {
		t.Errorf("parquet columns %q", names)
	}
	buf.Reset()
	m := sampleMention()
	m.Record.Counts = m.Record.Counts[:1]
	if n, err := WriteMentions(&buf, Parquet, seq(m, sampleMention())); err != nil || n != 2 {
		t.Fatalf("WriteMentions: %d %v", n, err)
	}
	ms, err := parquet.Read[ParquetMention](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(ms) != 2 || *ms[0].Actor2CharOffset != -1 || ms[0].MentionIdentifier != "https://www.news.example.org/a" {
		t.Errorf("mentions read back %+v %v", ms, err)
	} else if !reflect.DeepEqual(ms[0].Counts, wantCounts[:1]) || !reflect.DeepEqual(ms[1].Counts, wantCounts) {
		t.Errorf("mentions' counts read back %+v, %+v", ms[0].Counts, ms[1].Counts)
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	if n, err := WriteEvents(&buf, JSONL, seq(sampleEvent())); err != nil || n != 1 {
		t.Fatalf("WriteEvents: %d %v", n, err)
	}
	var back event.Record
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, sampleEvent().Record) {
		t.Errorf("read back %+v", back)
	}
	// The keys are the record format's.
	var m map[string]any
	json.Unmarshal(buf.Bytes(), &m)
	for _, k := range []string{"id", "doc", "sentence", "date", "source", "target", "code", "root", "quad_class", "goldstein", "mode", "location", "quote", "counts", "evidence"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if _, err := WriteEvents(&buf, "xml", seq(sampleEvent())); err == nil {
		t.Error("unknown format: no error")
	}
	boom := errors.New("store down")
	failing := func(yield func(store.Event, error) bool) { yield(store.Event{}, boom) }
	if _, err := WriteEvents(io.Discard, GDELT, failing); !errors.Is(err, boom) {
		t.Errorf("store error: %v", err)
	}
}

func TestParquetTypesMatchTables(t *testing.T) {
	for _, tc := range []struct {
		typ   reflect.Type
		table Table
		n     int
	}{{reflect.TypeFor[ParquetEvent](), Events, 61}, {reflect.TypeFor[ParquetMention](), Mentions, 16}} {
		// GDELT's columns, then the counts.
		if len(tc.table.Columns) != tc.n || tc.typ.NumField() != tc.n+1 || tc.typ.Field(tc.n).Name != "Counts" {
			t.Fatalf("%s: %d columns, %d fields, want %d and Counts", tc.table.Name, len(tc.table.Columns), tc.typ.NumField(), tc.n)
		}
		for i, c := range tc.table.Columns {
			if tag := strings.Split(tc.typ.Field(i).Tag.Get("parquet"), ",")[0]; tag != c {
				t.Errorf("%s field %d: %q, column %q", tc.table.Name, i, tag, c)
			}
		}
	}
}

func TestSchemaFiles(t *testing.T) {
	shared := testshared.Shared(t)
	for _, tc := range []struct {
		file  string
		table Table
	}{{"anchors/gdelt/events_schema.tsv", Events}, {"anchors/gdelt/mentions_schema.tsv", Mentions}} {
		data, err := os.ReadFile(filepath.Join(shared, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
			names = append(names, strings.Split(line, "\t")[1])
		}
		if !reflect.DeepEqual(names, tc.table.Columns) {
			t.Errorf("%s:\n got %q\nwant %q", tc.file, tc.table.Columns, names)
		}
	}
}

// TestRealGDELT reads GDELT's own files with Reader, converts every row to
// Parquet types, and checks that annals' formatting of dates, Goldstein
// values and FIPS codes reproduces GDELT's where both have the facts.
func TestRealGDELT(t *testing.T) {
	shared := testshared.Shared(t)
	files := []struct {
		name  string
		table Table
		rows  int
	}{
		{"20191024143000.export.CSV", Events, 2111},
		{"20170101073000.export.CSV", Events, 720},
		{"20170101073000.mentions.CSV", Mentions, 1983},
	}
	names := map[string]string{} // country name → FIPS, ours
	for _, c := range tables().countries {
		names[c.name] = c.fips
	}
	fipsChecked, statesChecked := 0, 0
	for _, f := range files {
		fh, err := os.Open(filepath.Join(shared, "news/gdelt", f.name))
		if err != nil {
			t.Skipf("%s: %v", f.name, err)
		}
		defer fh.Close()
		r := NewReader(fh, f.name, f.table)
		n := 0
		for {
			row, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
			if f.table.Name == "mentions" {
				if _, err := ParquetRow[ParquetMention](row); err != nil {
					t.Errorf("%s:%d: %v", f.name, n, err)
				}
				continue
			}
			if _, err := ParquetRow[ParquetEvent](row); err != nil {
				t.Errorf("%s:%d: %v", f.name, n, err)
			}
			col := func(name string) string { return row[Events.Index(name)] }
			e := store.Event{Record: event.Record{Date: col("SQLDATE")[:4] + "-" + col("SQLDATE")[4:6] + "-" + col("SQLDATE")[6:], Code: col("EventCode")}}
			if c := col("Actor1Code"); c != "" {
				e.Record.Source = &event.Actor{Code: c, Text: col("Actor1Name")}
			}
			if g, err := strconv.ParseFloat(col("GoldsteinScale"), 64); err == nil {
				e.Record.Goldstein = g
			}
			ours := EventRow(e)
			for _, c := range []string{"SQLDATE", "MonthYear", "Year", "FractionDate", "GoldsteinScale", "EventBaseCode",
				"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
				"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code"} {
				if ours[Events.Index(c)] != col(c) {
					t.Errorf("%s:%d: %s = %q, GDELT has %q", f.name, n, c, ours[Events.Index(c)], col(c))
				}
			}
			if col("ActionGeo_Type") == "2" {
				name, _, _ := strings.Cut(col("ActionGeo_FullName"), ",")
				statesChecked++
				if adm1 := "US" + tables().usStates[strings.ToLower(name)]; adm1 != col("ActionGeo_ADM1Code") {
					t.Errorf("%s:%d: %s ADM1 %q, GDELT has %q", f.name, n, name, adm1, col("ActionGeo_ADM1Code"))
				}
			}
			if col("ActionGeo_Type") == "1" {
				if fips, ok := names[col("ActionGeo_FullName")]; ok {
					fipsChecked++
					if fips != col("ActionGeo_CountryCode") {
						t.Errorf("%s:%d: %s FIPS %q, GDELT has %q", f.name, n, col("ActionGeo_FullName"), fips, col("ActionGeo_CountryCode"))
					}
				}
			}
		}
		if n != f.rows {
			t.Errorf("%s: %d rows, want %d", f.name, n, f.rows)
		}
	}
	if fipsChecked < 100 || statesChecked < 50 {
		t.Errorf("only %d country and %d US state rows compared", fipsChecked, statesChecked)
	}
}
