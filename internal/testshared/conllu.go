package testshared

import (
	"fmt"
	"strings"
	"testing"
)

// CoNLLU builds a CoNLL-U sentence from compact rows "word lemma UPOS head
// rel", one a token, with the Penn tag (XPOS) as an optional sixth field,
// so that tests of the coder and its dictionaries can state a parse in a
// line a token. A row with other than five or six fields fails tb.
func CoNLLU(tb testing.TB, rows ...string) string {
	tb.Helper()
	var b strings.Builder
	for i, r := range rows {
		f := strings.Fields(r)
		if len(f) != 5 && len(f) != 6 {
			tb.Fatalf("row %q: want word lemma upos head rel [xpos]", r)
		}
		xpos := "_"
		if len(f) == 6 {
			xpos = f[5]
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t_\n", i+1, f[0], f[1], f[2], xpos, f[3], f[4])
	}
	return b.String()
}
