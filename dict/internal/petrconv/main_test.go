package main

import (
	"strings"
	"testing"
)

// A made-up PETRARCH-2 verb file: a synonym set, a block with two verbs
// (one with its own code and irregular forms) and patterns before and
// after the verb.
const petrText = `
&GRAIN
+WHEAT
+BARLEY_MEAL

---  SHIP   [070]  ---
SHIP
FERRY {FERRIES FERRYING FERRIED} [073]
+HAND_OVER
- * &GRAIN (TO +)   [073]   # SHIP
- * {SPARE PARTS_}  [0331]
- NAVY *            [072]
- * WEAPONS          [0X99]

---  GREET   [---]  ---
GREET
- * WARMLY          [051]
`

func TestMerge(t *testing.T) {
	d, err := parse(strings.NewReader(petrText))
	if err != nil {
		t.Fatal(err)
	}
	annalsVerbs := "070   ship\n073   ship &AID\n= ferry | ferries | ferried\n"
	for _, tt := range []struct {
		name   string
		f      filter
		want   []string // lines the merged verbs.txt must hold
		absent []string // and must not
	}{
		{"everything", filter{kinds: split("verbs,patterns,newpatterns")},
			[]string{"073    ferry\n", "070    hand_over\n", "073    ship &P2_GRAIN (to +)\n", "0331   ferry {spare parts}\n", "051    greet warmly\n"},
			[]string{"navy", "0X99", "= ferry | ferries"}},
		{"verbs only", filter{kinds: split("verbs")},
			[]string{"073    ferry\n"},
			[]string{"&P2_GRAIN", "greet"}},
		{"one root", filter{kinds: split("verbs,patterns,newpatterns"), roots: split("05")},
			[]string{"051    greet warmly\n"},
			[]string{"ferry", "ship &P2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			verbs, synsets, _ := merge(d, annalsVerbs, "&AID  aid\n", tt.f)
			if !strings.HasPrefix(verbs, annalsVerbs) {
				t.Errorf("annals' own lines changed:\n%s", verbs)
			}
			for _, w := range tt.want {
				if !strings.Contains(verbs, w) {
					t.Errorf("no line %q in\n%s", w, verbs)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(verbs[len(annalsVerbs):], a) {
					t.Errorf("%q in\n%s", a, verbs)
				}
			}
			if strings.Contains(verbs, "&P2_GRAIN") != strings.Contains(synsets, "&P2_GRAIN  wheat | barley meal\n") {
				t.Errorf("synonym set not written as used:\n%s", synsets)
			}
		})
	}
}
