package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// joinSubjects mends coordinated subjects parsed as two subjects of one
// verb: in "The lions and the evil awful Gondor welcomed …" or "The
// information ministry of Gondor and the Nasgul said …" the greedy parser
// hangs "and" and the second conjunct from the verb, so the verb has two
// nsubj and the coder loses one of them. When only a coordinating
// conjunction (and commas) separates the two subjects' phrases, the second
// becomes a conj of the first and the conjunction its cc, as UD annotates
// "X and Y said"; a first conjunct hung from the verb as an obl or dep
// with no preposition becomes the subject, and an appos of it before the
// conjunction ("A, B, and C") a conjunct.
func joinSubjects(s *event.Sentence) {
	toks := s.Tokens
	for n2 := range toks {
		if !subject(toks[n2].Rel) {
			continue
		}
		v := toks[n2].Head - 1
		if v <= n2 {
			continue
		}
		// n1: the nearest other dependent of v before n2 that can be the
		// first conjunct: a subject, or a noun hung from the verb with no
		// preposition ("Evil Mordor, the awful Arnor, and good Gondor
		// welcomed", with "Mordor" an obl).
		n1 := -1
		for j := n2 - 1; j >= 0; j-- {
			if toks[j].Head-1 != v || toks[j].Rel == "cc" || toks[j].Rel == "punct" {
				continue
			}
			if subject(toks[j].Rel) || (Universal(toks[j].Rel) == "obl" || toks[j].Rel == "dep") && strings.HasPrefix(toks[j].XPOS, "NN") && caseWord(toks, j) == "" {
				n1 = j
			}
			break
		}
		if n1 < 0 {
			continue
		}
		// Between the phrases only commas and one conjunction, which may
		// have been hung from the second phrase.
		start, end := rightmost(toks, n1)+1, leftmost(toks, n2)
		cc := -1
	between:
		for j := start; j < n2; j++ {
			switch {
			case toks[j].XPOS == "CC" && cc < 0 && (toks[j].Head-1 == v || toks[j].Head-1 == n2):
				cc = j
			case toks[j].XPOS == ",":
			case j >= end:
				break between
			default:
				cc = -2
				break between
			}
		}
		if cc < 0 {
			continue
		}
		toks[n1].Rel = toks[n2].Rel
		toks[n2].Head, toks[n2].Rel = n1+1, "conj"
		toks[cc].Head, toks[cc].Rel = n2+1, "cc"
		// "A, B, and C": B, read as A's appos, is a conjunct too.
		for j := n1 + 1; j < cc; j++ {
			if toks[j].Head == n1+1 && toks[j].Rel == "appos" {
				toks[j].Rel = "conj"
			}
		}
	}
}

func subject(rel string) bool { return rel == "nsubj" || rel == "nsubj:pass" }

// joinBareNames mends a proper noun hung as the conj of a proper noun
// before it with no coordinating conjunction or punctuation between them
// ("Bree Prime Minister Romendacil will meet …", "Romendacil" a conj of
// "Bree", its title "Prime Minister" between them): in EWT train 75 of
// the 7,614 conj arcs have neither, 2 of them between proper nouns (in
// address lists). When only the second name's own title lies between them,
// the second heads the phrase, as UD has it, and the first becomes its
// compound.
func joinBareNames(s *event.Sentence) {
	toks := s.Tokens
	for d := range toks {
		h := toks[d].Head - 1
		if toks[d].Rel != "conj" || h < 0 || h > d || !strings.HasPrefix(toks[h].XPOS, "NNP") || !strings.HasPrefix(toks[d].XPOS, "NNP") {
			continue
		}
		// Between them a title of the second: words of its phrase, no
		// punctuation or conjunction.
		bare := d > h+1
		for j := h + 1; j < d; j++ {
			if toks[j].UPOS == "PUNCT" || toks[j].UPOS == "SYM" || toks[j].Rel == "punct" || toks[j].Rel == "cc" || !descends(toks, j, d) {
				bare = false
			}
		}
		if !bare {
			continue
		}
		toks[d].Head, toks[d].Rel = toks[h].Head, toks[h].Rel
		toks[h].Head, toks[h].Rel = d+1, "compound"
		// The first name's dependents before it go with the phrase.
		for j := range toks {
			if j < h && toks[j].Head == h+1 {
				toks[j].Head = d + 1
			}
		}
	}
}
