package parse

import (
	"strconv"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// treeSentence builds a sentence from "word/XPOS/head/rel" fields, heads
// counted from 1, as the repair rules' tests write their trees.
func treeSentence(t *testing.T, tree string) *event.Sentence {
	return testshared.Tree(t, "text/xpos/head/rel", tree)
}

// checkRepair applies repair to tree and compares the tokens named in
// want (token -> "head rel", from 1) with what it made of them.
func checkRepair(t *testing.T, name, tree string, repair func(*event.Sentence), want map[int]string) {
	t.Helper()
	s := treeSentence(t, tree)
	repair(s)
	for k, w := range want {
		tok := s.Tokens[k-1]
		if got := strconv.Itoa(tok.Head) + " " + tok.Rel; got != w {
			t.Errorf("%s: token %d (%s) = %s, want %s", name, k, tok.Text, got, w)
		}
	}
}
