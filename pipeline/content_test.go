package pipeline_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/pipeline"
)

// codeWith codes text with a pipeline built from opt (its analyzer and
// dictionaries are filled in with the embedded ones).
func codeWith(t *testing.T, opt pipeline.Options, text string) []event.Record {
	t.Helper()
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	opt.Analyzer, opt.Dicts = a, d
	p, err := pipeline.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	res, err := p.Code(context.Background(), &event.Document{Text: text, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	return res.Records
}

// TestPlainStatements: a statement without content is no event unless
// asked for; what a statement says still is.
func TestPlainStatements(t *testing.T) {
	for _, c := range []struct {
		text string
		// statements: the records' roots with Options.Statements; plain:
		// without it.
		statements, plain []string
	}{
		{"The Kenyan foreign minister told reporters in Nairobi that the weather had been kind.", []string{"01"}, nil},
		{"Kenyan officials declined to comment on Monday.", []string{"01"}, nil},
		{"The Kenyan government said on Monday that Tanzania must reopen the border.", []string{"01", "10", "08"}, []string{"10", "08"}},
	} {
		for _, keep := range []bool{true, false} {
			recs := codeWith(t, pipeline.Options{Statements: keep}, c.text)
			var got []string
			for _, r := range recs {
				got = append(got, r.Root)
			}
			want := c.plain
			if keep {
				want = c.statements
			}
			if !sameSet(got, want) {
				t.Errorf("%q (statements %v): roots %v, want %v", c.text, keep, got, want)
			}
		}
	}
}

// sameSet reports whether a and b hold the same strings, repeats aside.
func sameSet(a, b []string) bool {
	in := func(x string, l []string) bool {
		for _, y := range l {
			if x == y {
				return true
			}
		}
		return false
	}
	for _, x := range a {
		if !in(x, b) {
			return false
		}
	}
	for _, x := range b {
		if !in(x, a) {
			return false
		}
	}
	return true
}

// want is an event a test sentence must give: source country (or
// organisation key prefix), CAMEO root, target country ("" for none).
type want struct{ text, src, root, tgt string }

func checkEvents(t *testing.T, published string, cases []want) {
	t.Helper()
	for _, c := range cases {
		recs := codeText(t, c.text, published)
		var got []string
		ok := false
		for _, r := range recs {
			src, tgt := "", ""
			if r.Source != nil {
				src = r.Source.Code
			}
			if r.Target != nil {
				tgt = r.Target.Code
			}
			got = append(got, src+" "+r.Code+" "+tgt)
			if strings.HasPrefix(src, c.src) && r.Root == c.root && (c.tgt == "" && tgt == "" || c.tgt != "" && strings.HasPrefix(tgt, c.tgt)) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: no %s %sx %q event in %q", c.text, c.src, c.root, c.tgt, got)
		}
	}
}

// TestIssueSentences codes the sentences of issue 12's table that the
// coder's verbs, nouns and predicates answer for.
func TestIssueSentences(t *testing.T) {
	checkEvents(t, "2020-09-03", []want{
		// a parse with the verb as an adjective of its object
		{"The United States imposed sanctions on Iran.", "USA", "16", "IRN"},
		// a support verb and its event noun
		{"The European Union levied new sanctions against Belarus on Friday.", "IGOEUR", "16", "BLR"},
		// the target of condemning an act done to X is X
		{"German Chancellor Angela Merkel condemned the poisoning of Alexei Navalny.", "DEUGOV", "11", "RUS"},
		// an adjectival predicate inside a statement; no target named
		{"The U.S. State Department said on Monday it was disappointed by the decision.", "USAGOV", "11", ""},
		// a verbless parse ("official" an adjective, "praised" a participle)
		{"A top U.S. official today praised Haiti's efforts to improve its record on human rights.", "USAGOV", "05", "HTI"},
	})
}

// TestPredicates codes views said with adjectives, feelings and
// judging words.
func TestPredicates(t *testing.T) {
	checkEvents(t, "2019-01-15", []want{
		{"Kenya said it was disappointed by Tanzania's decision to close the border.", "KEN", "11", "TZA"},
		{"Kenya was disappointed with Tanzania's decision.", "KEN", "11", "TZA"},
		{"Tanzania's move outraged Kenya.", "KEN", "11", "TZA"},
		{"Kenya is critical of Tanzania.", "KEN", "11", "TZA"},
		{"The Kenyan foreign minister called the border closure an act of aggression by Tanzania.", "KENGOV", "11", "TZA"},
		{"Uganda's president described Kenya's decision as a betrayal.", "UGAGOV", "11", "KEN"},
		{"Kenya hailed Tanzania as a reliable partner.", "KEN", "05", "TZA"},
		{"Kenya described the talks with Tanzania as constructive.", "KEN", "05", "TZA"},
	})
}

// TestSupportNouns codes events named by the object of a support verb.
func TestSupportNouns(t *testing.T) {
	checkEvents(t, "2019-01-15", []want{
		{"Kenya held talks with Tanzania in Arusha on Monday.", "KEN", "04", "TZA"},
		{"Kenya held talks with Tanzania in Arusha on Monday.", "TZA", "04", "KEN"},
		{"Ugandan rebels carried out an attack on a Kenyan army base.", "UGA", "19", "KEN"},
		{"Kenya lodged a protest with Tanzania over the arrests.", "KEN", "11", "TZA"},
		{"The Kenyan president had a phone conversation with his Tanzanian counterpart.", "KENGOV", "04", "TZA"},
		{"Kenya launched a mediation effort between Ethiopia and Eritrea.", "KEN", "04", "ETH"},
		{"Kenya imposed a curfew in Mombasa.", "KEN", "17", ""},
	})
}
