package testdata

import (
	"fmt"
	"strings"
	"testing"
)

// CoNLLU builds a CoNLL-U sentence from compact rows "word lemma UPOS head
// rel", one a token, so that tests of the coder and its dictionaries can
// state a parse in a line a token. A row without five fields fails tb.
func CoNLLU(tb testing.TB, rows ...string) string {
	tb.Helper()
	var b strings.Builder
	for i, r := range rows {
		f := strings.Fields(r)
		if len(f) != 5 {
			tb.Fatalf("row %q: want word lemma upos head rel", r)
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n", i+1, f[0], f[1], f[2], f[3], f[4])
	}
	return b.String()
}
