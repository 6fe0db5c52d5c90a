package dict_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annals/annals/coder"
	"github.com/annals/annals/conllu"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/internal/testshared"
)

// TestDefaultCodes codes hand-parsed sentences with the embedded
// dictionaries.
func TestDefaultCodes(t *testing.T) {
	set, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(set, coder.Options{})
	tests := []struct {
		name string
		date int
		rows []string
		want string // sorted events "SRC>TGT:CODE", joined by " "
	}{
		{"protest, by lemma", 20200124, []string{
			"Iraqi Iraqi ADJ 2 amod",
			"protesters protester NOUN 3 nsubj",
			"marched march VERB 0 root",
			"against against ADP 6 case",
			"the the DET 6 det",
			"US US PROPN 3 obl",
		}, "IRQOPP>USA:141"},
		{"demand for a resignation, actor by date", 20200120, []string{
			"Iraqi Iraqi ADJ 2 amod",
			"cleric cleric NOUN 3 nsubj",
			"demanded demand VERB 0 root",
			"the the DET 5 det",
			"resignation resignation NOUN 3 obj",
			"of of ADP 8 case",
			"President president PROPN 8 compound",
			"Salih Salih PROPN 5 nmod",
		}, "IRQMOS>IRQGOV:1041"},
		{"irregular form without a lemma, reciprocal code", 20200122, []string{
			"Salih Salih PROPN 2 nsubj",
			"met _ VERB 0 root",
			"Trump Trump PROPN 2 obj",
			"in in ADP 5 case",
			"Davos Davos PROPN 2 obl",
		}, "IRQGOV>USAGOV:040 USAGOV>IRQGOV:040"},
		{"a former president", 20240101, []string{
			"Salih Salih PROPN 2 nsubj",
			"met meet VERB 0 root",
			"Trump Trump PROPN 2 obj",
		}, "IRQELI>USAELI:040 USAELI>IRQELI:040"}, // Trump was out of office too
		{"killing, role words", 20200103, []string{
			"US US PROPN 2 compound",
			"forces force NOUN 3 nsubj",
			"killed kill VERB 0 root",
			"an a DET 6 det",
			"Iranian Iranian ADJ 6 amod",
			"commander commander NOUN 3 obj",
		}, "USAMIL>IRNMIL:1823"},
		{"vote for an expulsion", 20200105, []string{
			"The the DET 3 det",
			"Iraqi Iraqi ADJ 3 amod",
			"parliament parliament NOUN 4 nsubj",
			"voted vote VERB 0 root",
			"for for ADP 7 case",
			"the the DET 7 det",
			"expulsion expulsion NOUN 4 obl",
			"of of ADP 10 case",
			"US US PROPN 10 compound",
			"troops troops NOUN 7 nmod",
		}, "IRQLEG>USAMIL:1056"},
		{"condemnation of a militia", 20200110, []string{
			"Kata'ib Kata'ib PROPN 3 nsubj",
			"Hezbollah Hezbollah PROPN 1 flat",
			"condemned condemn VERB 0 root",
			"Washington Washington PROPN 3 obj",
		}, "IRQUAF>USAGOV:111"},
		{"threat in a purpose complement", 20200110, []string{
			"Israel Israel PROPN 2 nsubj",
			"vowed vow VERB 0 root",
			"to to PART 4 mark",
			"retaliate retaliate VERB 2 xcomp",
			"against against ADP 6 case",
			"Hamas Hamas PROPN 4 obl",
		}, "ISR>PSEREBHMS:138"},
		{"target bound by the pattern, not the object", 20191020, []string{
			"Turkey Turkey PROPN 2 nsubj",
			"withdrew withdraw VERB 0 root",
			"its its PRON 4 nmod:poss",
			"troops troops NOUN 2 obj",
			"from from ADP 6 case",
			"Syria Syria PROPN 2 obl",
		}, "TUR>SYR:0874"},
		{"intent to release", 20220301, []string{
			"Russia Russia PROPN 2 nsubj",
			"agreed agree VERB 0 root",
			"to to PART 4 mark",
			"release release VERB 2 xcomp",
			"Ukrainian Ukrainian ADJ 6 amod",
			"prisoners prisoner NOUN 4 obj",
		}, "RUS>UKR:0353 RUS>UKR:0841"},
		{"seizing territory", 20220301, []string{
			"Russian Russian ADJ 2 amod",
			"troops troops NOUN 3 nsubj",
			"captured capture VERB 0 root",
			"the the DET 6 det",
			"Ukrainian Ukrainian ADJ 6 amod",
			"city city NOUN 3 obj",
		}, "RUSMIL>UKR:192"},
		{"verbal attack", 20050110, []string{
			"Tories Tories PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"Blair Blair PROPN 4 nmod:poss",
			"plan plan NOUN 2 obj",
			"as as ADP 6 case",
			"desperate desperate ADJ 4 nmod",
		}, "GBRPTY>GBRGOV:111"},
		{"one leader's periods in office and opposition", 20050110, []string{
			"Orban Orban PROPN 2 nsubj",
			"met meet VERB 0 root",
			"Duda Duda PROPN 2 obj",
		}, "HUNOPP>POLELI:040 POLELI>HUNOPP:040"},
		{"discarded sentence", 20200110, []string{
			"Iraqi Iraqi ADJ 2 amod",
			"football football NOUN 3 compound",
			"fans fan NOUN 4 nsubj",
			"attacked attack VERB 0 root",
			"Iran Iran PROPN 4 obj",
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := conllu.Parse(testshared.CoNLLU(t, tt.rows...), "test")
			if err != nil {
				t.Fatal(err)
			}
			evs, _ := c.CodeSentence(s, tt.date)
			var got []string
			for _, e := range evs {
				got = append(got, e.Source.Code+">"+e.Target.Code+":"+e.Code)
			}
			sort.Strings(got)
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// An analyst's dictionaries: a few lines are enough to code.
func ExampleLoadAnnals() {
	fsys := fstest.MapFS{
		"countries.txt": {Data: []byte("KES  Kestria | Kestrian | Kestrians\n")},
		"actors.txt":    {Data: []byte("KESGOV 2018-10-02..2022-10-13  Nyra Adel | Adel\nKESELI  Nyra Adel | Adel\n")},
		"verbs.txt":     {Data: []byte("141  march (against)\n999  protest\n")},
	}
	set, err := dict.LoadAnnals(fsys, func(f string) string { return f })
	fmt.Println(err)
	m, _ := set.Actors.Match([]string{"NYRA", "ADEL"}, 0)
	fmt.Println(m.Actor.CodeAt(20200101), m.Actor.CodeAt(20230101))
	fmt.Println(set.Verbs.Blocks[0].Name, set.Verbs.Blocks[0].Patterns[0].Code)
	// Output:
	// dict: verbs.txt:2: "999" is not a CAMEO event code
	// KESGOV KESELI
	// MARCH 141
}
