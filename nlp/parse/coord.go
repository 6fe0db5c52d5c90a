package parse

import "github.com/annals/annals/event"

// joinSubjects mends coordinated subjects parsed as two subjects of one
// verb: in "The lions and the evil awful Gondor welcomed …" or "The
// information ministry of Gondor and the Nasgul said …" the greedy parser
// hangs "and" and the second conjunct from the verb, so the verb has two
// nsubj and the coder loses one of them. When only a coordinating
// conjunction (and commas) separates the two subjects' phrases, the second
// becomes a conj of the first and the conjunction its cc, as UD annotates
// "X and Y said".
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
		// n1: the nearest other subject of v before n2.
		n1 := -1
		for j := n2 - 1; j >= 0; j-- {
			if toks[j].Head-1 == v && subject(toks[j].Rel) {
				n1 = j
				break
			}
		}
		if n1 < 0 {
			continue
		}
		start, end := rightmost(toks, n1)+1, leftmost(toks, n2)
		cc := -1
		for j := start; j < end; j++ {
			switch {
			case toks[j].XPOS == "CC" && cc < 0 && (toks[j].Head-1 == v || toks[j].Head-1 == n2):
				cc = j
			case toks[j].XPOS == ",":
			default:
				cc = -2
			}
			if cc == -2 {
				break
			}
		}
		if cc < 0 {
			continue
		}
		toks[n2].Head, toks[n2].Rel = n1+1, "conj"
		toks[cc].Head, toks[cc].Rel = n2+1, "cc"
	}
}

func subject(rel string) bool { return rel == "nsubj" || rel == "nsubj:pass" }
