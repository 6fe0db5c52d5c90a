package coder_test

import (
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annals/annals/coder"
	"github.com/annals/annals/conllu"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// senseFS is a small dictionary in annals' format, with word classes for
// the sense check.
var senseFS = fstest.MapFS{
	"countries.txt": {Data: []byte(`
KES  Kestria | Kestrian | Kestrians
VAL  Valmore | Valmorian | Valmorians
`)},
	"agents.txt": {Data: []byte(`
GOV  minister | leader | official
MIL  army | troops!
REB  rebel
CVL  people! | civilian
BUS  firm
`)},
	"verbs.txt": {Data: []byte(`
190   attack
190   hit
182   beat
182   injure
1823  kill
0841  release
051   praise
= beat | beaten
= hit | hitting
`)},
	"nouns.txt": {Data: []byte(`
190   attack
`)},
	"senses.txt": {Data: []byte(`
violent  kill | gun | guns
target   base | village
opinion  plan | plans | record
abstract high | record
output   results
inert    shares | earthquake
sport    match | coach | tournament
verbal   attack | hit
`)},
}

func senseSet(t *testing.T) *dict.Set {
	t.Helper()
	set, err := dict.LoadAnnals(senseFS, func(f string) string { return f })
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// articleOptions are the pipeline's: one-sided and role-only events are
// coded, so that a sense check that drops an event shows.
var articleOptions = coder.Options{SourceOnly: true, RoleOnlyActors: true}

func parseRows(t *testing.T, rows []string) *event.Sentence {
	t.Helper()
	s, err := conllu.Parse(testshared.CoNLLU(t, rows...), "test")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func events(evs []coder.Event) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Source.Code+">"+e.Target.Code+":"+e.Code)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestSense codes figurative and literal uses of the verbs of force. Each
// sentence is coded with the word classes and without them (as with
// PETRARCH's dictionaries), which shows what the check changed.
func TestSense(t *testing.T) {
	set := senseSet(t)
	with := coder.New(set, articleOptions)
	bare := *set
	bare.Senses = nil
	without := coder.New(&bare, articleOptions)
	tests := []struct {
		name          string
		rows          []string
		want, without string
	}{
		{"a verbal attack on an opinion is criticism", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"minister minister NOUN 4 nsubj",
			"attacked attack VERB 0 root",
			"the the DET 7 det",
			"Valmorian Valmorian ADJ 7 amod",
			"plans plan NOUN 4 obj",
		}, "KESGOV>VAL:111", "KESGOV>VAL:190"},
		{"a politician attacking a politician without force is criticism", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"leader leader NOUN 4 nsubj",
			"attacked attack VERB 0 root",
			"the the DET 7 det",
			"Valmorian Valmorian ADJ 7 amod",
			"minister minister NOUN 4 obj",
		}, "KESGOV>VALGOV:111", "KESGOV>VALGOV:190"},
		{"troops are armed", []string{
			"Kestrian Kestrian ADJ 2 amod",
			"troops troops NOUN 3 nsubj",
			"attacked attack VERB 0 root",
			"the the DET 6 det",
			"Valmorian Valmorian ADJ 6 amod",
			"minister minister NOUN 3 obj",
		}, "KESMIL>VALGOV:190", "KESMIL>VALGOV:190"},
		{"a state attacking a state", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
		}, "KES>VAL:190", "KES>VAL:190"},
		{"a physical target", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"firm firm NOUN 4 nsubj",
			"attacked attack VERB 0 root",
			"a a DET 7 det",
			"Valmorian Valmorian ADJ 7 amod",
			"village village NOUN 4 obj",
		}, "KESBUS>VAL:190", "KESBUS>VAL:190"},
		{"a weapon in the clause", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"firm firm NOUN 4 nsubj",
			"hit hit VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
			"with with ADP 7 case",
			"guns gun NOUN 4 obl",
		}, "KESBUS>VAL:190", "KESBUS>VAL:190"},
		{"no force shown: a verbal verb criticises, another codes nothing", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"firm firm NOUN 4 nsubj",
			"beat beat VERB 0 root",
			"the the DET 7 det",
			"Valmorian Valmorian ADJ 7 amod",
			"firm firm NOUN 4 obj",
		}, "", "KESBUS>VALBUS:182"},
		{"a verb that always harms", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"leader leader NOUN 4 nsubj",
			"killed kill VERB 0 root",
			"a a DET 6 det",
			"Valmorian Valmorian PROPN 4 obj",
		}, "KESGOV>VAL:1823", "KESGOV>VAL:1823"},
		{"an abstract object: no event", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"hit hit VERB 0 root",
			"a a DET 5 det",
			"record record NOUN 5 compound",
			"high high NOUN 2 obj",
		}, "", "KES>:190"},
		{"an inert subject is no actor", []string{
			"Kestrian Kestrian ADJ 2 amod",
			"shares share NOUN 3 nsubj",
			"hit hit VERB 0 root",
			"a a DET 5 det",
			"high high NOUN 3 obj",
		}, "", "KES>:190"},
		{"a natural force kills, no actor does", []string{
			"The the DET 3 det",
			"Valmorian Valmorian ADJ 3 amod",
			"earthquake earthquake NOUN 4 nsubj",
			"killed kill VERB 0 root",
			"hundreds hundred NOUN 4 obj",
			"of of ADP 7 case",
			"people people NOUN 5 nmod",
		}, "", "VAL>CVL:1823"},
		{"a contest in the sentence", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"beat beat VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
			"in in ADP 6 case",
			"the the DET 6 det",
			"match match NOUN 2 obl",
		}, "", "KES>VAL:182"},
		{"a quantity counts its victims", []string{
			"Kestrian Kestrian ADJ 2 amod",
			"rebels rebel NOUN 3 nsubj",
			"attacked attack VERB 0 root",
			"scores score NOUN 3 obj",
			"of of ADP 6 case",
			"people people NOUN 4 nmod",
		}, "KESREB>CVL:190", "KESREB>CVL:190"},
		{"a bare participle of force: the subject is the victim", []string{
			"Twenty twenty NUM 2 nummod",
			"Kestrians Kestrians PROPN 3 nsubj",
			"killed kill VERB 0 root VBN",
		}, "", "KES>:1823"},
		{"a bare participle of force with its doer", []string{
			"The the DET 3 det",
			"Valmorian Valmorian ADJ 3 amod",
			"civilian civilian NOUN 0 root",
			"killed kill VERB 3 acl VBN",
			"by by ADP 7 case",
			"Kestrian Kestrian ADJ 7 amod",
			"troops troops NOUN 4 obl",
		}, "KESMIL>VALCVL:1823", "VALCVL>KESMIL:1823"},
		{"whoever reports a passive act did not do it", []string{
			"Twenty twenty NUM 2 nummod",
			"people people NOUN 4 nsubj:pass",
			"were be AUX 4 aux:pass",
			"injured injure VERB 0 root VBN",
			"according accord VERB 8 case",
			"to to ADP 5 fixed",
			"Kestrian Kestrian ADJ 8 amod",
			"officials official NOUN 4 obl",
		}, "", "KESGOV>CVL:182"},
		{"releasing an output is no yield", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"firm firm NOUN 4 nsubj",
			"released release VERB 0 root",
			"its its PRON 6 nmod:poss",
			"results result NOUN 4 obj",
		}, "", "KESBUS>:0841"},
		{"releasing people is", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"army army NOUN 4 nsubj",
			"released release VERB 0 root",
			"Valmorian Valmorian ADJ 6 amod",
			"people people NOUN 4 obj",
		}, "KESMIL>VALCVL:0841", "KESMIL>VALCVL:0841"},
		{"a verbal noun on an opinion is criticism", []string{
			"Kestria Kestria PROPN 3 nmod:poss",
			"'s 's PART 1 case",
			"attack attack NOUN 0 root",
			"on on ADP 7 case",
			"the the DET 7 det",
			"Valmorian Valmorian ADJ 7 amod",
			"record record NOUN 3 nmod",
		}, "KES>VAL:111", "KES>VAL:190"},
		{"a noun of force between states", []string{
			"Kestria Kestria PROPN 3 nmod:poss",
			"'s 's PART 1 case",
			"attack attack NOUN 0 root",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, "KES>VAL:190", "KES>VAL:190"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseRows(t, tt.rows)
			got, _ := with.CodeSentence(s, 0)
			if g := events(got); g != tt.want {
				t.Errorf("with senses: got %q, want %q", g, tt.want)
			}
			got, _ = without.CodeSentence(s, 0)
			if g := events(got); g != tt.without {
				t.Errorf("without senses: got %q, want %q", g, tt.without)
			}
		})
	}
}

// TestSportStory codes a sentence alone and in a story about a contest:
// there the countries are teams and the people players.
func TestSportStory(t *testing.T) {
	c := coder.New(senseSet(t), articleOptions)
	beat := parseRows(t, []string{
		"Kestria Kestria PROPN 2 nsubj",
		"beat beat VERB 0 root",
		"Valmore Valmore PROPN 2 obj",
	})
	praise := parseRows(t, []string{
		"Kestria Kestria PROPN 2 nsubj",
		"praised praise VERB 0 root",
		"Valmore Valmore PROPN 2 obj",
	})
	minister := parseRows(t, []string{
		"The the DET 3 det",
		"Kestrian Kestrian ADJ 3 amod",
		"minister minister NOUN 4 nsubj",
		"praised praise VERB 0 root",
		"the the DET 7 det",
		"Valmorian Valmorian ADJ 7 amod",
		"minister minister NOUN 4 obj",
	})
	sport := parseRows(t, []string{
		"The the DET 2 det",
		"coach coach NOUN 3 nsubj",
		"left leave VERB 0 root",
		"the the DET 5 det",
		"tournament tournament NOUN 3 obj",
		"after after ADP 8 case",
		"the the DET 8 det",
		"match match NOUN 3 obl",
	})
	alone, _ := c.CodeStory([]*event.Sentence{beat, praise, minister}, 0)
	story, _ := c.CodeStory([]*event.Sentence{sport, beat, praise, minister}, 0)
	for i, want := range []string{"KES>VAL:182", "KES>VAL:051", "KESGOV>VALGOV:051"} {
		if got := events(alone[i]); got != want {
			t.Errorf("sentence %d alone: got %q, want %q", i, got, want)
		}
	}
	// In the story about the match: no beating, no praise between teams;
	// the ministers are still ministers.
	for i, want := range []string{"", "", "", "KESGOV>VALGOV:051"} {
		if got := events(story[i]); got != want {
			t.Errorf("sentence %d of the sport story: got %q, want %q", i, got, want)
		}
	}
}
