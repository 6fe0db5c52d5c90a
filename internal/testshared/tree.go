package testshared

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// Tree builds a parsed sentence from space-separated tokens whose
// "/"-separated parts are named by fields, also "/"-separated: text,
// lemma, upos, xpos, head (from 1, 0 the root) and rel, in any order and
// any subset ("text/xpos/head/rel", "text/lemma/upos/head/rel"), so a test
// writes down the tree its rule reads rather than the parser's guess.
func Tree(tb testing.TB, fields, spec string) *event.Sentence {
	tb.Helper()
	names := strings.Split(fields, "/")
	s := &event.Sentence{}
	for i, f := range strings.Fields(spec) {
		parts := strings.SplitN(f, "/", len(names))
		if len(parts) != len(names) {
			tb.Fatalf("token %q: want %s", f, fields)
		}
		tok := event.Token{ID: i + 1}
		for k, name := range names {
			switch p := parts[k]; name {
			case "text":
				tok.Text = p
			case "lemma":
				tok.Lemma = p
			case "upos":
				tok.UPOS = p
			case "xpos":
				tok.XPOS = p
			case "head":
				h, err := strconv.Atoi(p)
				if err != nil {
					tb.Fatalf("token %q: head %q: %v", f, p, err)
				}
				tok.Head = h
			case "rel":
				tok.Rel = p
			default:
				tb.Fatalf("Tree: unknown field %q in %q", name, fields)
			}
		}
		s.Tokens = append(s.Tokens, tok)
	}
	return s
}
