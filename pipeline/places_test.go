package pipeline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp"
)

// TestEventPlace codes sentences of our own and checks where their events
// are placed: in the place the event's clause names as where it
// happened, else at the dateline, else nowhere; never at an actor's name
// nor at a person's or an organisation's.
func TestEventPlace(t *testing.T) {
	tests := []struct {
		name, text     string
		src, root, tgt string // the event checked (see find)
		want           string // its place's name; "" for none
	}{
		{"a place in the clause", "Kenyan police arrested twelve protesters in Mombasa on Friday.",
			"KENCOP", "17", "", "Mombasa"},
		{"a place inside a longer locative phrase", "Kenyan police arrested twelve protesters outside the stadium in Kisumu on Friday.",
			"KENCOP", "17", "", "Kisumu"},
		{"co-targets are no place", "Syria accused Israel and the United States of sabotage.",
			"SYR", "11", "", ""},
		{"co-subjects are no place", "Uganda and Rwanda agreed to reopen their border.",
			"", "03", "", ""},
		{"a country describing a thing is no place", "Kenyan police arrested twelve protesters at a march against US trade policy.",
			"KENCOP", "17", "", ""},
		{"a place in an apposition describes a person", "The Kenyan opposition leader, a former lecturer at a college in Mombasa, accused the government of lying.",
			"KENOPP", "11", "", ""},
		{"a place after an apposition places the event", "Sudanese generals met on Friday with Abiy Ahmed, the Ethiopian prime minister, in Khartoum.",
			"SDNMIL", "04", "ETH", "Khartoum"},
		{"a place coordinated with the actor is no place", "The fighting in Sudan and Chad forced thousands to flee.",
			"TCD", "17", "", ""},
		{"the dateline when the clause names none", "ACCRA, June 4 (annals) - Ghanaian police arrested nine protesters on Friday.",
			"GHA", "17", "", "Accra"},
		{"the clause's place before the dateline", "ACCRA, June 4 (annals) - Ghanaian police arrested nine protesters in Kumasi on Friday.",
			"GHA", "17", "", "Kumasi"},
		{"a summit's parties are no place", "ATHENS, May 3 (annals) - The leaders of Greece and Cyprus met the Israeli prime minister on Tuesday.",
			"GRC", "04", "ISR", "Athens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := codeText(t, tt.text, "2020-06-06")
			r := find(recs, tt.src, tt.root, tt.tgt)
			if r == nil {
				t.Fatalf("no %s %sx %s event in %d records", tt.src, tt.root, tt.tgt, len(recs))
			}
			got := ""
			if r.Location != nil {
				got = r.Location.Name
			}
			if got != tt.want {
				t.Errorf("placed at %q (%+v), want %q", got, r.Location, tt.want)
			}
		})
	}
}

// TestToponymsRefuseNames runs the language layer and the gazetteer over
// a text of our own whose people and organisations bear the names of
// places in GeoNames (towns called Hashimoto and Walsh, "CNN" listed for
// Kannur): the gazetteer alone reads some of them as places, the
// tagger-aware reading none.
func TestToponymsRefuseNames(t *testing.T) {
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Boris Yeltsin welcomed Ryutaro Hashimoto in Krasnoyarsk on Saturday. Hashimoto praised the talks. " +
		"CNN reported that the two leaders signed a treaty. " +
		"The Lib Dem leader criticised the treaty, and Kilroy-Silk accused the government of weakness. " +
		"Walsh, the defence secretary, said the army would stay."
	sents, err := a.Process(t.Context(), text)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{"Hashimoto": true, "CNN": true, "Lib": true, "Lib Dem": true, "Kilroy": true, "Silk": true, "Kilroy-Silk": true, "Walsh": true, "Robert": true, "Tom": true}
	alone := 0
	for _, m := range g.FindToponyms(text, geo.FindOptions{}) {
		if names[m.Text] {
			alone++
		}
	}
	if alone == 0 {
		t.Fatal("the gazetteer alone finds none of the names: the text tests nothing")
	}
	found := false
	for _, m := range g.Toponyms(text, sents, geo.FindOptions{}) {
		if names[m.Text] {
			t.Errorf("%q read as a place", m.Text)
		}
		found = found || m.Text == "Krasnoyarsk"
	}
	if !found {
		t.Error("Krasnoyarsk not found")
	}
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// TestBBCToponyms reads the place names of BBC articles as the pipeline
// does and counts those that are no places: tokens the tagger calls a
// person or an organisation, and acronyms that spell no place (neither
// a state abbreviation nor a country's, region's or major city's
// spelling). A quarter of the articles keeps the test's cost to a few
// seconds.
func TestBBCToponyms(t *testing.T) {
	texts := testshared.BBCTexts(t)
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	places := 0
	for i := 0; i < len(texts); i += 4 {
		text := texts[i]
		sents, err := a.Process(t.Context(), text)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range g.Resolve(text, g.Toponyms(text, sents, geo.FindOptions{}), geo.Context{}) {
			if r.Place == nil || r.InName {
				continue
			}
			places++
			why := ""
			if g.FalseAcronym(r.Text) {
				why = "acronym"
			}
			for _, s := range sents {
				for _, tok := range s.Tokens {
					if tok.Start < r.End && r.Start < tok.End && (strings.HasSuffix(tok.Entity, "-PER") || strings.HasSuffix(tok.Entity, "-ORG")) {
						why = tok.Entity[2:]
					}
				}
			}
			if why != "" {
				bad = append(bad, fmt.Sprintf("%s %q → %s (%s)", why, r.Text, r.Place.Name, r.Place.Country))
			}
		}
	}
	if places == 0 {
		t.Fatal("no places in the BBC articles")
	}
	if len(bad) > 0 {
		t.Errorf("%d of %d places are people, organisations or acronyms: %s", len(bad), places, strings.Join(bad[:min(len(bad), 20)], "; "))
	}
}
