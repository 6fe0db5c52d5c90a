package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// reportAsParataxis mends a reporting clause after its report ("Arnor is
// about to improve ties with Gondor, a senior official said today") that
// the parser made the root, with the report its ccomp. UD English makes
// the report the root and the reporting clause its parataxis; the coder
// reads a root "said" with a ccomp as a statement about the report's
// subject. A root verb whose subject follows a comma and whose ccomp lies
// wholly before that comma hands the root to the ccomp; the words before
// the comma that hung from the verb go with the report, and the final
// punctuation too.
func reportAsParataxis(s *event.Sentence) {
	toks := s.Tokens
	r := -1
	for i := range toks {
		if toks[i].Head == 0 {
			r = i
		}
	}
	if r < 1 || !strings.HasPrefix(toks[r].XPOS, "VB") {
		return
	}
	subj, comp := -1, -1
	for j := range toks {
		if toks[j].Head != r+1 {
			continue
		}
		switch toks[j].Rel {
		case "nsubj":
			subj = j
		case "ccomp":
			comp = j
		}
	}
	if subj < 0 || comp < 0 || comp > subj {
		return
	}
	c := leftmost(toks, subj) // the comma, in the subject's phrase or just before it
	if toks[c].XPOS != "," {
		c--
	}
	if c <= comp || toks[c].XPOS != "," || rightmost(toks, comp) > c {
		return
	}
	toks[comp].Head, toks[comp].Rel = 0, "root"
	last := len(toks) - 1
	for j := range toks {
		if toks[j].Head == r+1 && j != comp && (j < c || j == last && toks[j].Rel == "punct") {
			toks[j].Head = comp + 1
		}
	}
	toks[c].Head, toks[c].Rel = r+1, "punct"
	toks[r].Head, toks[r].Rel = comp+1, "parataxis"
}

// trailingReportAsParataxis mends a reporting clause after its report that
// the parser hung from the report as its ccomp ("Ethiopia broke off a
// treaty with Libya, a senior official said on Saturday", "said" a ccomp
// of "broke"): UD English makes it the report's parataxis, and the coder
// reads a ccomp as what the verb's subject did. A verb hung as ccomp from
// a word to its left becomes a parataxis when a comma opens its phrase or
// comes right before it, its subject precedes it, and it has no object,
// complement, marker or conjunction of its own. In the training treebanks
// (EWT and GUM train) such clauses are parataxis 155 times and ccomp 12.
func trailingReportAsParataxis(s *event.Sentence) {
	toks := s.Tokens
	for v := range toks {
		if toks[v].Rel != "ccomp" || toks[v].Head < 1 || toks[v].Head > v || !strings.HasPrefix(toks[v].XPOS, "VB") {
			continue
		}
		if !bareClause(toks, v) {
			continue
		}
		if l := leftmost(toks, v); toks[l].XPOS == "," || l > 0 && toks[l-1].XPOS == "," {
			toks[v].Rel = "parataxis"
		}
	}
}

// bareClause reports whether verb v has a subject before it and no object,
// complement, marker or conjunction.
func bareClause(toks []event.Token, v int) bool {
	subj := false
	for j := range toks {
		if toks[j].Head != v+1 {
			continue
		}
		switch Universal(toks[j].Rel) {
		case "nsubj":
			subj = subj || j < v
		case "obj", "iobj", "ccomp", "xcomp", "mark", "cc":
			return false
		}
	}
	return subj
}
