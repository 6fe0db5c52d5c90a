package parse

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// treeSentence builds a sentence from "word/XPOS/head/rel" fields, heads
// counted from 1, as the repair rules' tests write their trees.
func treeSentence(t *testing.T, tree string) *event.Sentence {
	t.Helper()
	s := &event.Sentence{}
	for i, f := range strings.Fields(tree) {
		parts := strings.SplitN(f, "/", 4)
		if len(parts) != 4 {
			t.Fatalf("%q: want word/XPOS/head/rel", f)
		}
		head, err := strconv.Atoi(parts[2])
		if err != nil {
			t.Fatal(err)
		}
		s.Tokens = append(s.Tokens, event.Token{ID: i + 1, Text: parts[0], XPOS: parts[1], Head: head, Rel: parts[3]})
	}
	return s
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
