package nlp

import (
	"context"
	"strings"
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

// TestVerblessComplement: a clause that "that" opens after a verb must
// have a verb of its own; when the tagger left it none, the word whose
// verb reading lost least (a noun, a participle) becomes its verb, even
// by a wide margin. A clause that has its verb is left alone.
func TestVerblessComplement(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, verb, want string }{
		{"Last week, the influential cleric demanded that Ruritanians stage a ‘million-man march’ in order ‘to condemn the foreign presence’ in the country.", "stage", "V"},
		{"Prosecutors allege that the company's top executives responded by orchestrating massive fraud over two years.", "responded", "VBD"},
		{"Last week, it denied that its projects violated regulations.", "violated", "VBD"},
		{"The minister said that the plan, which the council drafted, was dead.", "plan", "NN"},
	} {
		sents, err := p.Process(context.Background(), tt.text)
		if err != nil || len(sents) != 1 {
			t.Fatalf("%q: %d sentences, %v", tt.text, len(sents), err)
		}
		found := false
		for _, tok := range sents[0].Tokens {
			if tok.Text == tt.verb {
				found = true
				if !strings.HasPrefix(tok.XPOS, tt.want) {
					t.Errorf("%q: %s tagged %s, want %s…", tt.text, tt.verb, tok.XPOS, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.text, tt.verb)
		}
	}
}
