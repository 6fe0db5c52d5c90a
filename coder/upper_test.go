package coder

import (
	"strings"
	"testing"
)

// TestUpperASCII checks that the words of a sentence upper-cased into one
// shared buffer equal strings.ToUpper of each, and that later words do not
// overwrite earlier ones, whether or not the buffer was grown enough.
func TestUpperASCII(t *testing.T) {
	words := []string{"Protesters", "STORMED", "the", "ministry", "in", "Zürich", "", "on", "Monday's", "march", "U.N.", "4th"}
	for _, grow := range []int{0, 4, 1000} {
		var b strings.Builder
		b.Grow(grow)
		got := make([]string, len(words))
		for i, w := range words {
			got[i] = upperASCII(&b, w)
		}
		for i, w := range words {
			if want := strings.ToUpper(w); got[i] != want {
				t.Errorf("grow %d: upperASCII(%q) = %q, want %q", grow, w, got[i], want)
			}
		}
	}
}

func TestBaseRel(t *testing.T) {
	st := &sentence{rels: []string{"nsubj:pass", "obj", "", ":x", "acl:relcl:extra"}}
	for i, want := range []string{"nsubj", "obj", "", "", "acl"} {
		if got := st.baseRel(i); got != want {
			t.Errorf("baseRel(%q) = %q, want %q", st.rels[i], got, want)
		}
	}
}
