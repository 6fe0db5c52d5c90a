package pipeline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// TestSenses codes figurative and literal uses of the verbs of force end
// to end, through the language layer and the embedded dictionaries
// (coder.TestSense has the mechanism on fixed parses).
func TestSenses(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "SRC ROOT TGT" prefixes that must be coded
		none       []string // roots that must not be
	}{
		{"criticism of an opinion, its holder criticised",
			"The opposition leader attacked the government's tax plans on Monday.",
			[]string{"OPP 11 GOV"}, []string{"18", "19", "20"}},
		{"criticism of a record",
			"German Chancellor Angela Merkel attacked Russia's record on human rights.",
			[]string{"DEU 11 RUS"}, []string{"18", "19", "20"}},
		{"markets are no actors",
			"Stock markets in Japan and South Korea hit record highs this week.",
			nil, []string{"18", "19", "20"}},
		{"a currency is no actor",
			"India's rupee hit a five-year high against the dollar.",
			nil, []string{"18", "19", "20"}},
		{"shares shoot up",
			"Shares in the Italian carmaker shot up by 6% in early trading.",
			nil, []string{"18", "19", "20"}},
		{"an earthquake has no actor",
			"The earthquake in Peru killed more than 500 people.",
			nil, []string{"18", "19", "20"}},
		{"a cost hits no one",
			"Air Jamaica has been hit by high fuel costs.",
			nil, []string{"18", "19", "20"}},
		{"warrants are executed, not people",
			"Search warrants were executed in Britain and Sweden.",
			nil, []string{"18", "19", "20"}},
		{"releasing results is no yield",
			"The company released its annual results on Tuesday.",
			nil, []string{"08"}},
		{"a game",
			"Spain beat France 3-1 in the Davis Cup final on Sunday. The Spanish coach praised his team after the match. Nadal beat Roddick in four sets.",
			nil, []string{"04", "05", "18", "19", "20"}},
		{"rebels attacking a base",
			"Rebels attacked an army base in northern Mali, killing twelve soldiers.",
			[]string{"MLIREB 19 MLI"}, nil},
		{"warplanes bombing positions",
			"Russian warplanes bombed rebel positions near Aleppo.",
			[]string{"RUS 18 SYR"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := codeText(t, tt.text, "2020-01-03")
			for _, w := range tt.want {
				f := strings.Fields(w)
				if find(recs, f[0], f[1], f[2]) == nil {
					t.Errorf("no %s event; got %s", w, show(recs))
				}
			}
			for _, root := range tt.none {
				if r := find(recs, "", root, ""); r != nil {
					t.Errorf("coded root %s; got %s", root, show(recs))
				}
			}
		})
	}
}

func show(recs []event.Record) string {
	var out []string
	for _, r := range recs {
		src, tgt := "-", "-"
		if r.Source != nil {
			src = r.Source.Code
		}
		if r.Target != nil {
			tgt = r.Target.Code
		}
		out = append(out, fmt.Sprintf("%s %s %s (%s)", src, r.Code, tgt, r.Evidence.Verb))
	}
	return "[" + strings.Join(out, "; ") + "]"
}
