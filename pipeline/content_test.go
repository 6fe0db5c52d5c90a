package pipeline_test

import (
	"context"
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
