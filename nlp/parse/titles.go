package parse

import "github.com/annals/annals/event"

// joinTitles mends a title parsed as a second argument of the verb that
// its name serves: in "Regional Governor Mujiv Hataman agreed" or "police
// chief Greg Allen said" the greedy parser makes "Governor" an object or
// "police" a clausal complement of the verb beside the name. A noun whose
// phrase ends just before a proper-noun subject of the same verb, both
// before the verb, becomes the name's nmod:desc, as UD English annotates
// titles ("President Bush"), when it is a short noun phrase.
func joinTitles(s *event.Sentence) {
	toks := s.Tokens
	for b := range toks {
		name := &toks[b]
		if name.XPOS != "NNP" || (name.Rel != "nsubj" && name.Rel != "nsubj:pass") || name.Head <= b+1 {
			continue
		}
		start := leftmost(toks, b)
		if start == 0 {
			continue
		}
		// a: the head of the phrase that ends at start-1.
		a := start - 1
		for toks[a].Head != name.Head && toks[a].Head-1 < start && toks[a].Head-1 >= start-8 && toks[a].Head > 0 {
			a = toks[a].Head - 1
		}
		if toks[a].Head != name.Head {
			continue
		}
		switch toks[a].Rel {
		case "nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "dep":
		default:
			continue
		}
		switch toks[a].XPOS {
		case "NN", "NNS", "NNP":
		default:
			continue
		}
		if rightmost(toks, a) != start-1 || !nounPhrase(toks[leftmost(toks, a):start]) {
			continue
		}
		toks[a].Head, toks[a].Rel = b+1, "nmod:desc"
	}
	joinLeadingAdjectives(toks)
}

// joinLeadingAdjectives mends an adjective that opens a subject but was
// hung from the verb as a clause or oblique of its own: "Zambian Trade
// Minister Chanda Mwale criticised" had "Zambian" as an advcl of
// "criticised", so the name lost its nationality. An adjective right
// before the first word of a subject of the same verb, both before the
// verb, becomes an amod of the phrase's word that the subject heads.
func joinLeadingAdjectives(toks []event.Token) {
	for a := range toks {
		adj := &toks[a]
		if adj.XPOS != "JJ" || adj.Head <= a+1 || a+1 >= len(toks) {
			continue
		}
		switch adj.Rel {
		case "advcl", "dep", "obl", "xcomp", "ccomp", "parataxis":
		default:
			continue
		}
		// subj: the subject of the adjective's head whose phrase starts right after it.
		subj := -1
		for j := a + 1; j < adj.Head-1; j++ {
			if toks[j].Head == adj.Head && (toks[j].Rel == "nsubj" || toks[j].Rel == "nsubj:pass") {
				subj = j
				break
			}
		}
		if subj < 0 || leftmost(toks, subj) != a+1 || !nounPhrase(toks[a+1:subj+1]) {
			continue
		}
		// The word the adjective modifies: the outermost word of the
		// phrase below the subject, or the subject itself.
		x := a + 1
		for x != subj && toks[x].Head-1 != subj && toks[x].Head-1 > x && toks[x].Head-1 <= subj {
			x = toks[x].Head - 1
		}
		adj.Head, adj.Rel = x+1, "amod"
	}
}

// nounPhrase reports whether toks are a short noun phrase, as titles are
// ("El Paso's police chief"), not one with a prepositional phrase or a
// clause ("militants loyal to the group's leader").
func nounPhrase(toks []event.Token) bool {
	if len(toks) > 6 {
		return false
	}
	for _, t := range toks {
		switch t.XPOS {
		case "NN", "NNS", "NNP", "NNPS", "JJ", "DT", "POS", "PRP$", "CD", "HYPH":
		default:
			return false
		}
	}
	return true
}

// leftmost and rightmost return the first and last token index (from 0) of
// the subtree of token i.
func leftmost(toks []event.Token, i int) int {
	lo := i
	for j := range toks {
		if j < lo && descends(toks, j, i) {
			lo = j
		}
	}
	return lo
}

func rightmost(toks []event.Token, i int) int {
	hi := i
	for j := range toks {
		if j > hi && descends(toks, j, i) {
			hi = j
		}
	}
	return hi
}

// descends reports whether token j is in the subtree of token i.
func descends(toks []event.Token, j, i int) bool {
	for steps := 0; steps <= len(toks); steps++ {
		if j == i {
			return true
		}
		h := toks[j].Head
		if h <= 0 {
			return false
		}
		j = h - 1
	}
	return false
}
