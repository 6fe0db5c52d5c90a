package nlp

import (
	"context"
	"testing"
)

// TestVerblessInterjection: a present-tense verb that the tagger read as
// an interjection ("welcome" after two unknown names) gets its verb
// reading back when the clause before the reporting clause has no verb.
func TestVerblessInterjection(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Ruritania and Freedonia welcome a resumption of formal ties with Sylvania after a long rift, the official news agency said on Thursday.",
		"Moldova and Latvia welcome a resumption of diplomatic ties with Peru after a 10-year rift, the news agency said.",
	} {
		sents, err := p.Process(context.Background(), text)
		if err != nil || len(sents) != 1 {
			t.Fatalf("%q: %d sentences, %v", text, len(sents), err)
		}
		toks := sents[0].Tokens
		for i, tok := range toks {
			if tok.Text == "welcome" && tok.XPOS != "VBP" {
				t.Errorf("%q: welcome tagged %s, want VBP", text, tok.XPOS)
			}
			if tok.Text == "resumption" && (tok.Rel != "obj" || toks[tok.Head-1].Text != "welcome") {
				t.Errorf("%q: resumption (token %d) is %s of token %d, want obj of welcome", text, i+1, tok.Rel, tok.Head)
			}
		}
	}
}
