package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// Subordinate clauses opened by a word that is also a preposition ("after",
// "before", "since", "until") are a decoding constraint: in "Ethiopia has
// broken relations with Libya five years after crowds trashed its embassy"
// the greedy parser reads "after crowds" as a prepositional phrase and then
// makes "relations" and "years" subjects of "trashed", so the main verb
// loses its object. When such a word follows a verb and is followed by a
// plain noun phrase and a finite verb, the parser must hang the word from
// the clause's verb (as its mark), and no word before it may depend on a
// word of the clause up to that verb.

// subordinators are the prepositions that also open clauses.
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true, "till": true}

// subordinateClauses returns, per state index (tokens from 1), the state
// index of the verb of the clause that the token opens, 0 for none; nil
// when the sentence has no such clause.
func subordinateClauses(toks []event.Token) []int {
	var clauses []int
	verbSeen := false
	for a, t := range toks {
		if strings.HasPrefix(t.XPOS, "VB") || t.XPOS == "MD" {
			verbSeen = true
		}
		if !verbSeen || t.XPOS != "IN" || !subordinators[strings.ToLower(t.Text)] {
			continue
		}
		v := clauseVerb(toks, a+1)
		if v < 0 {
			continue
		}
		if clauses == nil {
			clauses = make([]int, len(toks)+1)
		}
		clauses[a+1] = v + 1
	}
	return clauses
}

// clauseVerb returns the index of the verb of a clause that starts at i
// with a noun phrase and goes on with a finite verb, or with auxiliaries
// before a participle or infinitive ("a hafling was reported"); -1 if the
// words from i are not such a clause.
func clauseVerb(toks []event.Token, i int) int {
	np := i
	for np < len(toks) && nominal(toks[np].XPOS) {
		np++
	}
	if np == i || np == len(toks) {
		return -1
	}
	switch toks[np].XPOS {
	case "VBD", "VBZ", "VBP", "MD":
	default:
		return -1
	}
	if toks[np].UPOS != "AUX" && toks[np].XPOS != "MD" {
		return np
	}
	for v := np + 1; v < len(toks); v++ {
		switch {
		case toks[v].UPOS == "AUX" || toks[v].XPOS == "RB":
		case toks[v].XPOS == "VB" || toks[v].XPOS == "VBN" || toks[v].XPOS == "VBG":
			return v
		default:
			return -1
		}
	}
	return -1
}

// nominal reports whether a word with Penn tag x can be part of a plain
// noun phrase.
func nominal(x string) bool {
	switch x {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "JJ", "JJR", "JJS", "CD", "POS", "HYPH":
		return true
	}
	return false
}

// clauseAllows reports whether transition c keeps every subordinate clause
// of st.clauses whole (see subordinateClauses): its opening word a takes
// only the clause verb v as its head, the words between them depend on
// words of the clause, and no word before a depends on a word in (a, v].
// SHIFT of v waits until a and the words after it are attached, so a valid
// transition always remains.
func (st *state) clauseAllows(c int) bool {
	if st.clauses == nil {
		return true
	}
	ns := len(st.stack)
	if ns < 2 && c != shift {
		return true
	}
	s0 := st.stack[ns-1]
	switch c {
	case shift:
		if st.b > st.n || ns < 2 {
			return true
		}
		// The clause opened by the nearest a at or below s0.
		for a := s0; a > 0; a-- {
			if v := st.clauses[a]; v != 0 {
				return v != st.b
			}
		}
		return true
	case left: // s0 <- b0
		if v := st.clauses[s0]; v != 0 {
			return st.b == v
		}
		for a := s0 + 1; a < st.b; a++ {
			if v := st.clauses[a]; v != 0 && st.b <= v {
				return false
			}
		}
		return true
	default: // s1 -> s0
		if st.b > st.n {
			return true
		}
		s1 := st.stack[ns-2]
		return st.clauses[s0] == 0 && (s1 == 0 || st.clauses[s1] == 0)
	}
}

// markClauses labels "mark" the opening word of each subordinate clause
// that the constraint hung from its verb.
func markClauses(s *event.Sentence, clauses []int) {
	for a, v := range clauses {
		if v != 0 && s.Tokens[a-1].Head == v {
			s.Tokens[a-1].Rel = "mark"
		}
	}
}
