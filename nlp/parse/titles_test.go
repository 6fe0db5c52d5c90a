package parse

import (
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// tree builds tokens from "form/XPOS/head/rel" fields, heads counted from 1.
func tree(t *testing.T, spec string) []event.Token {
	t.Helper()
	var toks []event.Token
	for _, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		if len(p) != 4 {
			t.Fatalf("bad token %q", f)
		}
		h := 0
		for _, c := range p[2] {
			h = h*10 + int(c-'0')
		}
		toks = append(toks, event.Token{Text: p[0], XPOS: p[1], Head: h, Rel: p[3]})
	}
	return toks
}

func TestJoinLeadingAdjectives(t *testing.T) {
	for _, c := range []struct {
		spec string
		adj  int // index of the adjective
		head int
		rel  string
	}{
		// The adjective opens the subject's phrase: it modifies the title.
		{"Zambian/JJ/6/advcl Trade/NNP/3/compound Minister/NNP/4/nmod:desc Chanda/NNP/6/nsubj Mwale/NNP/4/flat criticised/VBD/0/root Malawi/NNP/6/obj", 0, 3, "amod"},
		// A bare name: the adjective modifies the subject itself.
		{"Kenyan/JJ/3/dep Odinga/NNP/3/nsubj said/VBD/0/root", 0, 2, "amod"},
		// A comma between them: the adjective is a clause of its own.
		{"Angry/JJ/5/advcl ,/,/1/punct the/DT/4/det crowd/NN/5/nsubj marched/VBD/0/root", 0, 5, "advcl"},
		// Already a modifier: untouched.
		{"Zambian/JJ/2/amod officials/NNS/3/nsubj said/VBD/0/root", 0, 2, "amod"},
		// The subject follows the verb: untouched.
		{"Ready/JJ/2/xcomp was/VBD/0/root the/DT/4/det army/NN/2/nsubj", 0, 2, "xcomp"},
	} {
		toks := tree(t, c.spec)
		joinLeadingAdjectives(toks)
		if got := toks[c.adj]; got.Head != c.head || got.Rel != c.rel {
			t.Errorf("%s:\n adjective -> %d %s, want %d %s", c.spec, got.Head, got.Rel, c.head, c.rel)
		}
	}
}
