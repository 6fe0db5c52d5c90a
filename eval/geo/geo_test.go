package geo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/internal/testshared"
)

// Two articles of our own, one in each layout. Offsets count characters
// ("’" is one); the second file counts from 1, as GeoVirus does.
const trLayout = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <text><![CDATA[Turkey’s envoy met officials in Paris.]]></text>
    <toponyms>
      <toponym><phrase>Turkey</phrase><start>0</start><end>6</end>
        <gaztag geonameid="298795"><name>Turkey</name><lat>39</lat><lon>35</lon></gaztag></toponym>
      <toponym><phrase>Paris</phrase><start>32</start><end>37</end>
        <gaztag geonameid="2988507"><latitude>48.85</latitude><longitude>2.35</longitude></gaztag></toponym>
      <toponym><phrase>Nowhere</phrase><start>10</start><end>17</end></toponym>
    </toponyms>
  </article>
</articles>`

const virusLayout = `<articles>
  <article>
    <source>https://example.org/x</source>
    <text>Cases rose in Baghdad.</text>
    <locations>
      <location><name>Baghdad</name><start>15</start><end>22</end><lat>33.34</lat><lon>44.4</lon></location>
    </locations>
  </article>
</articles>`

// A span shifted by seven characters, as some TR-News articles are after
// a line break: it is moved onto the nearest occurrence of its phrase.
const shiftedLayout = `<articles>
  <article docid="s1">
    <text>Flooding in Leeds. Later, Leeds and York reopened their schools.</text>
    <toponyms>
      <toponym><phrase>York</phrase><start>43</start><end>47</end><lat>53.96</lat><lon>-1.08</lon></toponym>
      <toponym><phrase>Leeds</phrase><start>33</start><end>38</end><lat>53.8</lat><lon>-1.55</lon></toponym>
    </toponyms>
  </article>
</articles>`

func TestReadXML(t *testing.T) {
	tests := []struct {
		name, xml string
		want      []Toponym
	}{
		{"toponyms and gaztag", trLayout, []Toponym{
			{Phrase: "Turkey", Start: 0, End: 6, HasPoint: true, Lat: 39, Lon: 35, GeonameID: 298795},
			{Phrase: "Paris", Start: 34, End: 39, HasPoint: true, Lat: 48.85, Lon: 2.35, GeonameID: 2988507},
			{Phrase: "Nowhere", Start: 12, End: 19},
		}},
		{"shifted by seven", shiftedLayout, []Toponym{
			{Phrase: "York", Start: 36, End: 40, HasPoint: true, Lat: 53.96, Lon: -1.08},
			{Phrase: "Leeds", Start: 26, End: 31, HasPoint: true, Lat: 53.8, Lon: -1.55},
		}},
		{"locations, shifted by one", virusLayout, []Toponym{
			{Phrase: "Baghdad", Start: 14, End: 21, HasPoint: true, Lat: 33.34, Lon: 44.4},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ReadXML(context.Background(), strings.NewReader(tt.xml), "test.xml")
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			got := arts[0].Toponyms
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadXMLErrors(t *testing.T) {
	tests := []struct{ name, xml, want string }{
		{"no articles", "<articles></articles>", "no <article>"},
		{"unclosed", "<articles><article><text>x", "test.xml:1"},
		{"bad offset", "<articles><article><text>x</text><toponyms><toponym><start>a</start><end>1</end></toponym></toponyms></article></articles>", "bad span"},
		{"binary", "\x00\x01\x02", "test.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadXML(context.Background(), strings.NewReader(tt.xml), "test.xml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestScoreArticle(t *testing.T) {
	a := Article{Text: "Turkey’s envoy met officials in Paris.", Toponyms: []Toponym{
		{Phrase: "Turkey", Start: 0, End: 6, HasPoint: true, Lat: 39, Lon: 35, GeonameID: 298795},
		{Phrase: "Paris", Start: 34, End: 39, HasPoint: true, Lat: 48.85, Lon: 2.35},
		{Phrase: "envoy", Start: 11, End: 16}, // no point: not scored
	}}
	turkey := &geo.Place{ID: 298795, Name: "Turkey", Lat: 39.5, Lon: 35.5}
	parisTX := &geo.Place{Name: "Paris", Lat: 33.66, Lon: -95.56}
	rs := []geo.Resolution{
		{Mention: geo.Mention{Text: "Turkey", Start: 0, End: 6}, Place: turkey},
		{Mention: geo.Mention{Text: "officials", Start: 22, End: 31}, Place: turkey},
		{Mention: geo.Mention{Text: "Paris", Start: 34, End: 39}, Place: parisTX},
	}
	got := ScoreArticle(a, rs)
	misses, falses := got.Misses, got.False
	got.Misses, got.False = nil, nil
	want := Score{Gold: 2, NoPoint: 1, Found: 2, Predicted: 3, Matched: 2, Within161: 1, WithID: 1, SameID: 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Paris resolved to Paris, Texas is the one miss; "officials" the
	// one toponym no gold toponym overlaps.
	if len(misses) != 1 || misses[0].Toponym.Phrase != "Paris" || misses[0].Km < 7000 {
		t.Errorf("misses %+v", misses)
	} else if m := misses[0].String(); !strings.Contains(m, `"Paris" (48.85,2.35)`) || !strings.Contains(m, "km in") {
		t.Errorf("miss line %q", m)
	}
	if len(falses) != 1 || falses[0].Toponym.Phrase != "officials" {
		t.Errorf("false toponyms %+v", falses)
	}
	if s := got.String(); s != "toponyms=2 found=2 precision=0.667 recall=1.000 acc161=0.500" {
		t.Errorf("String() = %q", s)
	}
}

// personTagger tags every capitalised word a person, as a poor tagger
// might tag a dateline.
type personTagger struct{}

func (personTagger) Process(_ context.Context, text string) ([]event.Sentence, error) {
	s := event.Sentence{Text: text, End: len(text)}
	for i, w := 0, ""; i < len(text); i += len(w) + 1 {
		w, _, _ = strings.Cut(text[i:], " ")
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			s.Entities = append(s.Entities, event.Entity{Label: "PER", Text: w, Start: i, End: i + len(w)})
		}
	}
	return []event.Sentence{s}, nil
}

// TestEvaluateDateline: a dateline is a place whatever the tagger calls
// it, as the pipeline reads it.
func TestEvaluateDateline(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := Article{ID: "d1", Text: "NAIROBI - Traders closed their shops.",
		Toponyms: []Toponym{{Phrase: "NAIROBI", Start: 0, End: 7, HasPoint: true, Lat: -1.28, Lon: 36.82}}}
	s, err := Evaluate(context.Background(), g, []Article{a}, Options{Analyzer: personTagger{}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Within161 != 1 {
		t.Errorf("dateline not resolved: %v %v", s, s.Misses)
	}
}

// TestGoldSets reads the geoparsing gold files and checks that the
// embedded gazetteer keeps its recall and accuracy (floors well under
// the figures in docs/benchmarks.md, to catch breakage, not to tune).
func TestGoldSets(t *testing.T) {
	dir := testshared.File(t, "news/labeled/geoparsing")
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"TR-News.xml", "GeoVirus.xml"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Skipf("%s: %v", name, err)
		}
		arts, err := ReadXML(context.Background(), f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		s, err := Evaluate(context.Background(), g, arts, Options{Demonyms: true})
		if err != nil {
			t.Fatal(err)
		}
		if s.Gold < 1000 || s.Recall() < 0.85 || s.Acc161() < 0.6 {
			t.Errorf("%s: %v", name, s)
		}
	}
}

func FuzzReadXML(f *testing.F) {
	f.Add(trLayout)
	f.Add(virusLayout)
	f.Add("<articles><article><text>é</text><toponyms><toponym><start>0</start><end>1</end></toponym></toponyms></article></articles>")
	f.Fuzz(func(t *testing.T, data string) {
		arts, err := ReadXML(context.Background(), strings.NewReader(data), "fuzz.xml")
		if err != nil {
			return
		}
		for _, a := range arts {
			for _, tp := range a.Toponyms {
				if tp.Start < 0 || tp.End > len(a.Text) || tp.Start > tp.End {
					t.Fatalf("span %d-%d outside text of %d bytes", tp.Start, tp.End, len(a.Text))
				}
			}
		}
	})
}

func ExampleScoreArticle() {
	a := Article{Text: "Talks in Paris.", Toponyms: []Toponym{
		{Phrase: "Paris", Start: 9, End: 14, HasPoint: true, Lat: 48.85, Lon: 2.35},
	}}
	rs := []geo.Resolution{{
		Mention: geo.Mention{Text: "Paris", Start: 9, End: 14},
		Place:   &geo.Place{Name: "Paris", Lat: 48.86, Lon: 2.35},
	}}
	fmt.Println(ScoreArticle(a, rs))
	// Output:
	// toponyms=1 found=1 precision=1.000 recall=1.000 acc161=1.000
}
