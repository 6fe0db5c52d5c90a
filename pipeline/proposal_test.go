package pipeline

import (
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// parsed builds a sentence from "text/lemma/UPOS/head/rel" tokens, so that
// the test fixes the parse proposed reads rather than the parser's guess.
func parsed(t *testing.T, conll string) *event.Sentence {
	return testshared.Tree(t, "text/lemma/upos/head/rel", conll)
}

func TestProposed(t *testing.T) {
	for _, c := range []struct {
		name, conll, verb string
		want              bool
	}{
		{"a bill's content",
			"MPs/MP/NOUN/2/nsubj tabled/table/VERB/0/root a/a/DET/4/det bill/bill/NOUN/2/obj to/to/PART/6/mark ban/ban/VERB/4/acl the/the/DET/8/det party/party/NOUN/6/obj",
			"ban", true},
		{"an enacted decree is the act",
			"He/he/PRON/2/nsubj signed/sign/VERB/0/root a/a/DET/4/det decree/decree/NOUN/2/obj to/to/PART/6/mark ban/ban/VERB/4/acl veils/veil/NOUN/6/obj",
			"ban", false},
		{"permission, through a purpose clause",
			"They/they/PRON/2/nsubj proposed/propose/VERB/0/root changes/change/NOUN/2/obj to/to/PART/5/mark allow/allow/VERB/2/advcl police/police/NOUN/5/obj to/to/PART/8/mark extradite/extradite/VERB/5/xcomp suspects/suspect/NOUN/8/obj to/to/PART/12/mark be/be/AUX/12/aux:pass tried/try/VERB/8/advcl",
			"tried", true},
		{"an urging's content",
			"Kenya/Kenya/PROPN/2/nsubj urged/urge/VERB/0/root Uganda/Uganda/PROPN/2/obj to/to/PART/5/mark withdraw/withdraw/VERB/2/xcomp",
			"withdraw", true},
		{"the urging itself",
			"Kenya/Kenya/PROPN/2/nsubj urged/urge/VERB/0/root Uganda/Uganda/PROPN/2/obj to/to/PART/5/mark withdraw/withdraw/VERB/2/xcomp",
			"urged", false},
		{"an implicative verb's complement happened",
			"Police/police/NOUN/2/nsubj forced/force/VERB/0/root them/they/PRON/2/obj to/to/PART/5/mark leave/leave/VERB/2/xcomp",
			"leave", false},
		{"a plain purpose of a deed",
			"Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root them/they/PRON/2/obj to/to/PART/5/mark restore/restore/VERB/2/advcl order/order/NOUN/5/obj",
			"restore", false},
		{"a participle is no infinitive",
			"They/they/PRON/2/nsubj proposed/propose/VERB/0/root changes/change/NOUN/2/obj allowing/allow/VERB/2/advcl",
			"allowing", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := parsed(t, c.conll)
			v := -1
			for i, tok := range s.Tokens {
				if tok.Text == c.verb {
					v = i
				}
			}
			if v < 0 {
				t.Fatalf("no token %q", c.verb)
			}
			if got := proposed(s, v); got != c.want {
				t.Errorf("proposed(%q) = %v, want %v", c.verb, got, c.want)
			}
		})
	}
}
