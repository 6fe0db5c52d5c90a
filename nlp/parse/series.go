package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// joinModifierSeries mends two series of modifiers that the parser splits
// from the word they modify:
//
//   - adverbs coordinated before a passive participle ("The Philippines was
//     heavily and unjustly criticized"), read with the first adverb as the
//     predicate, "was" its copula and the participle its conj: the
//     participle becomes the head, the adverbs its advmod;
//   - adjectives separated by a comma before a verb's object ("restore
//     complete, full diplomatic ties"), read with the first adjective as
//     the verb's complement and the noun cut off as a conj: the adjective
//     becomes the noun's amod and the noun the verb's object.
func joinModifierSeries(s *event.Sentence) {
	toks := s.Tokens
	for r := range toks {
		switch {
		case strings.HasPrefix(toks[r].XPOS, "RB"):
			joinAdverbs(toks, r)
		case toks[r].XPOS == "JJ":
			joinAdjectives(toks, r)
		}
	}
}

func joinAdverbs(toks []event.Token, r int) {
	cop := -1
	for j := range toks {
		if toks[j].Head == r+1 && toks[j].Rel == "cop" {
			cop = j
		}
	}
	if cop < 0 {
		return
	}
	c := r + 1
	for c < len(toks) && (strings.HasPrefix(toks[c].XPOS, "RB") || toks[c].XPOS == "CC" || toks[c].XPOS == ",") {
		c++
	}
	if c == r+1 || c == len(toks) || toks[c].XPOS != "VBN" || toks[c].Head != r+1 || toks[c].Rel != "conj" {
		return
	}
	toks[c].Head, toks[c].Rel = toks[r].Head, toks[r].Rel
	for j := range toks {
		if j == c || toks[j].Head != r+1 {
			continue
		}
		switch toks[j].Rel {
		case "cop":
			toks[j].Rel = "aux:pass"
		case "nsubj":
			toks[j].Rel = "nsubj:pass"
		}
		if j > r && j < c {
			continue // the conjunction and commas stay with the series
		}
		toks[j].Head = c + 1
	}
	// The adverbs after the first, hung from the participle, become its
	// conjuncts; their conjunctions and commas go with them.
	for j := r + 1; j < c; j++ {
		if strings.HasPrefix(toks[j].XPOS, "RB") && toks[j].Head == c+1 {
			toks[j].Head, toks[j].Rel = r+1, "conj"
		}
	}
	for j := r + 1; j < c; j++ {
		if toks[j].XPOS == "CC" || toks[j].XPOS == "," {
			for k := j + 1; k < c; k++ {
				if strings.HasPrefix(toks[k].XPOS, "RB") {
					toks[j].Head = k + 1
					if toks[j].XPOS == "CC" {
						toks[j].Rel = "cc"
					} else {
						toks[j].Rel = "punct"
					}
					break
				}
			}
		}
	}
	toks[r].Head, toks[r].Rel = c+1, "advmod"
}

func joinAdjectives(toks []event.Token, a int) {
	v := toks[a].Head - 1
	if v < 0 || v != a-1 || !strings.HasPrefix(toks[v].XPOS, "VB") || (toks[a].Rel != "xcomp" && toks[a].Rel != "obj") {
		return
	}
	if a+1 >= len(toks) || toks[a+1].XPOS != "," {
		return
	}
	n := a + 2
	for n < len(toks) && (toks[n].XPOS == "JJ" || toks[n].XPOS == "NN" && n+1 < len(toks) && strings.HasPrefix(toks[n+1].XPOS, "NN")) {
		n++
	}
	if n == a+2 || n == len(toks) || !strings.HasPrefix(toks[n].XPOS, "NN") || (leftmost(toks, n) != a+1 && leftmost(toks, n) != a+2) || descends(toks, v, n) {
		return
	}
	toks[a].Head, toks[a].Rel = n+1, "amod"
	toks[a+1].Head, toks[a+1].Rel = a+1, "punct"
	toks[n].Head, toks[n].Rel = v+1, "obj"
}
