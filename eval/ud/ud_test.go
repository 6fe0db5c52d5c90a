package ud

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
)

const goldCoNLLU = `# newdoc id = d1
# text = Rebels attacked Kidal.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	Kidal	Kidal	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# text = Troops fled.
1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	fled	flee	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# newpar id = p2
# text = Calm returned.
1	Calm	calm	NOUN	NN	_	2	nsubj	_	_
2	returned	return	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func readGold(t *testing.T) []*event.Sentence {
	t.Helper()
	s, err := conllu.ReadAll(strings.NewReader(goldCoNLLU), "gold")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func clone(s []*event.Sentence) []*event.Sentence {
	out := make([]*event.Sentence, len(s))
	for i, x := range s {
		c := *x
		c.Tokens = append([]event.Token(nil), x.Tokens...)
		out[i] = &c
	}
	return out
}

func TestGold(t *testing.T) {
	gold := readGold(t)
	sys := clone(gold)
	sys[0].Tokens[2].UPOS = "NOUN"      // one UPOS error of 10 tokens
	sys[1].Tokens[0].Rel = "obj"        // a label error: UAS right, LAS wrong
	sys[2].Tokens[2].Head = 1           // a head error
	sys[2].Tokens[0].Rel = "nsubj:pass" // subtypes do not count
	s, err := Gold(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.String(), "upos=0.900 xpos=1.000 lemma=1.000 uas=0.900 las=0.800"; got != want {
		t.Errorf("scores %s, want %s", got, want)
	}
	sys[0].Tokens = sys[0].Tokens[:2]
	if _, err := Gold(gold, sys); err == nil {
		t.Error("different tokens were scored")
	}
}

func TestParagraphsRawText(t *testing.T) {
	par, err := Paragraphs(strings.NewReader(goldCoNLLU))
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, false, true}; len(par) != 3 || par[0] != want[0] || par[1] != want[1] || par[2] != want[2] {
		t.Fatalf("Paragraphs = %v, want %v", par, want)
	}
	text, starts := RawText(readGold(t), par)
	if want := "Rebels attacked Kidal. Troops fled.\n\nCalm returned."; text != want {
		t.Errorf("RawText = %q, want %q", text, want)
	}
	if starts[1] != 23 || starts[2] != 37 {
		t.Errorf("starts = %v", starts)
	}
}

// TestRaw scores a system that split "Kidal." as one token and missed the
// second sentence boundary.
func TestRaw(t *testing.T) {
	gold := readGold(t)
	text, starts := RawText(gold, []bool{true, false, true})
	tok := func(text string, start int, upos string, head int, rel string) event.Token {
		return event.Token{Text: text, Start: start, End: start + len(text), UPOS: upos, Head: head, Rel: rel}
	}
	sys := []event.Sentence{
		{Tokens: []event.Token{
			tok("Rebels", 0, "NOUN", 2, "nsubj"), tok("attacked", 7, "VERB", 0, "root"),
			tok("Kidal.", 16, "PROPN", 2, "obj"),
			tok("Troops", 23, "NOUN", 5, "nsubj"), tok("fled", 30, "VERB", 2, "conj"), tok(".", 34, "PUNCT", 5, "punct"),
		}},
		{Tokens: []event.Token{
			tok("Calm", 37, "NOUN", 2, "nsubj"), tok("returned", 42, "VERB", 0, "root"), tok(".", 50, "PUNCT", 2, "punct"),
		}},
	}
	s, err := Raw(gold, starts, text, sys)
	if err != nil {
		t.Fatal(err)
	}
	// Gold has 10 tokens and 3 sentences; the system 9 tokens (8 right) and
	// 2 sentences (1 right).
	if s.Tokens != (Count{10, 9, 8}) || s.Sentences != (Count{3, 2, 1}) {
		t.Errorf("tokens %+v sentences %+v", s.Tokens, s.Sentences)
	}
	// Aligned words: all 8 UPOS right; heads right except "fled" (root in
	// gold, attached to "attacked" here).
	if s.UPOS.Correct != 8 || s.UAS.Correct != 7 || s.LAS.Correct != 7 {
		t.Errorf("upos %+v uas %+v las %+v", s.UPOS, s.UAS, s.LAS)
	}
	if _, err := Raw(gold, starts, text, []event.Sentence{{Tokens: []event.Token{tok("x", 60, "X", 0, "root")}}}); err == nil {
		t.Error("a span outside the text was accepted")
	}
}

// echo annotates by copying nothing: every token gets the same tags.
type echo struct{}

func (echo) Annotate(s *event.Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].UPOS, s.Tokens[i].Head, s.Tokens[i].Rel = "NOUN", 0, "root"
	}
}

func (echo) Process(ctx context.Context, text string) ([]event.Sentence, error) {
	return nil, nil
}

func TestEvaluateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(goldCoNLLU), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := EvaluateFile(context.Background(), path, echo{}, false)
	if err != nil {
		t.Fatal(err)
	}
	// 3 of 10 gold tokens are nouns; 3 hang from the root.
	if s.UPOS.Correct != 3 || s.UAS.Correct != 3 {
		t.Errorf("upos %+v uas %+v", s.UPOS, s.UAS)
	}
	if _, err := EvaluateFile(context.Background(), path+".missing", echo{}, false); err == nil {
		t.Error("a missing file was scored")
	}
}

func FuzzParagraphs(f *testing.F) {
	f.Add([]byte(goldCoNLLU))
	f.Add([]byte("# newpar\n\n\n# text = x\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		par, err := Paragraphs(strings.NewReader(string(in)))
		if err != nil {
			return
		}
		if n := strings.Count(string(in), "\n") + 1; len(par) > n {
			t.Errorf("%d sentences from %d lines", len(par), n)
		}
	})
}
