package coder

import (
	"github.com/annals/annals/dict"
)

// material is the sequence of tokens a pattern side is matched against.
type material []int

// verbMatch finds the dictionary verb at token v: the longest verb form
// whose inflected word is v and whose particles sit next to it.
func (st *sentence) verbMatch(v int) *dict.VerbForm {
	var best *dict.VerbForm
	forms := st.c.d.Verbs.Forms(st.words[v])
	if st.c.d.Verbs.MatchLemmas && st.lemmas[v] != st.words[v] {
		forms = append(forms[:len(forms):len(forms)], st.c.d.Verbs.Forms(st.lemmas[v])...)
	}
	for _, f := range forms {
		start := v - f.Head
		if start < 0 || start+len(f.Words) > len(st.words) {
			continue
		}
		ok := true
		for k, w := range f.Words {
			if st.words[start+k] != w && (start+k != v || st.lemmas[v] != w) {
				ok = false
				break
			}
		}
		if ok && (best == nil || len(f.Words) > len(best.Words)) {
			best = f
		}
	}
	return best
}

// Relations whose subtrees take part in pattern matching, before and after
// the verb. Adverbs before the verb ("recently", "heavily") and auxiliaries
// do not: patterns name the subject's words there.
var (
	skipPre  = map[string]bool{"aux": true, "cop": true, "mark": true, "punct": true, "cc": true, "advmod": true, "discourse": true, "expl": true, "advcl": true, "parataxis": true, "conj": true}
	skipPost = map[string]bool{"punct": true, "cc": true, "parataxis": true, "conj": true, "mark": true, "aux": true, "cop": true}
)

// materials returns the tokens before and after verb v that its patterns
// match against, excluding the verb's own words (from..to).
func (st *sentence) materials(v, from, to int) (pre, post material) {
	for _, k := range st.kids[v] {
		if k >= from && k <= to {
			continue
		}
		b := st.baseRel(k)
		if k < v {
			if !skipPre[b] {
				pre = st.subtree(k, pre)
			}
		} else if !skipPost[b] && (b != "advcl" || st.infinitive(k)) {
			// Of adverbial clauses only purpose infinitives belong to the
			// verb's phrase: "vowed to wage war", "signed an accord to supply".
			post = st.subtree(k, post)
		}
	}
	sortInts(pre)
	sortInts(post)
	return pre, post
}

// hasWords reports whether every word appears in pre or post.
func (st *sentence) hasWords(words []string, pre, post material) bool {
next:
	for _, w := range words {
		for _, m := range [2]material{pre, post} {
			for _, k := range m {
				if st.words[k] == w || st.lemmas[k] == w {
					continue next
				}
			}
		}
		return false
	}
	return true
}

// infinitive reports whether clause k is a "to" infinitive.
func (st *sentence) infinitive(k int) bool {
	for _, c := range st.kids[k] {
		if st.rel(c) == "mark" && st.words[c] == "TO" {
			return true
		}
	}
	return false
}

// bind records which tokens the $, + and ^ markers of a match took.
type bind struct {
	source, target  int  // token index, or -1
	compound        bool // the pattern used "%"
	compoundSubject bool // the verb's subject is a conjunction; "%" needs it
}

// matchSide matches elems against m from position pos on, in order, with
// gaps. It returns whether all elements matched.
func (st *sentence) matchSide(elems []dict.Elem, m material, pos int, b *bind) bool {
	if len(elems) == 0 {
		return true
	}
	e := elems[0]
	rest := elems[1:]
	switch e.Kind {
	case dict.ElemCompound:
		if !b.compoundSubject {
			return false
		}
		b.compound = true
		return st.matchSide(rest, m, pos, b)
	case dict.ElemSource, dict.ElemTarget, dict.ElemSkip:
		for p := pos; p < len(m); p++ {
			if st.actor[m[p]] == nil {
				continue
			}
			end := p
			for end+1 < len(m) && st.actor[m[end+1]] == st.actor[m[p]] {
				end++
			}
			save := *b
			switch e.Kind {
			case dict.ElemSource:
				b.source = m[p]
			case dict.ElemTarget:
				b.target = m[p]
			}
			if st.matchSide(rest, m, end+1, b) {
				return true
			}
			*b = save
			if e.Kind != dict.ElemSkip {
				break // $ and + take the next actor, not a later one
			}
		}
		return e.Kind == dict.ElemSkip && st.matchSide(rest, m, pos, b)
	}
	for p := pos; p < len(m); p++ {
		end, ok := st.matchElem(e, m, p, b)
		if ok && st.matchSide(rest, m, end, b) {
			return true
		}
		if e.Kind == dict.ElemWord && !e.Word.Gap && p == pos && pos > 0 {
			return false // words joined by "_" must be adjacent
		}
	}
	return false
}

// matchElem matches one element starting exactly at m[p]; it returns the
// position after the match.
func (st *sentence) matchElem(e dict.Elem, m material, p int, b *bind) (int, bool) {
	switch e.Kind {
	case dict.ElemWord:
		if st.wordMatches(e.Word, m[p]) {
			return p + 1, true
		}
	case dict.ElemSynset:
		for _, member := range st.c.d.Verbs.Synsets[e.Name] {
			if end, ok := st.matchSeq(member, m, p, b); ok {
				return end, true
			}
		}
	case dict.ElemNoun:
		end, ok := st.matchSeq(e.Elems, m, p, b)
		if !ok || !st.nounHead(m[end-1]) {
			return 0, false
		}
		return end, true
	case dict.ElemPrep:
		if !st.wordMatches(e.Word, m[p]) {
			return 0, false
		}
		if len(e.Elems) == 0 {
			return p + 1, true
		}
		// The rest must lie inside the phrase the preposition introduces.
		h := st.head(m[p])
		var inside material
		for q := p + 1; q < len(m); q++ {
			if h >= 0 && st.dominates(h, m[q]) {
				inside = append(inside, m[q])
			}
		}
		if st.matchSide(e.Elems, inside, 0, b) {
			// continue after the last token of the phrase
			last := p + 1
			for q := p + 1; q < len(m); q++ {
				if h >= 0 && st.dominates(h, m[q]) {
					last = q + 1
				}
			}
			return last, true
		}
	}
	return 0, false
}

// nounHead reports whether token k can end a {noun phrase}: not a verb.
func (st *sentence) nounHead(k int) bool {
	u := st.toks[k].UPOS
	return u != "VERB" && u != "AUX"
}

// matchSeq matches elems in order starting exactly at m[p] for the first
// element, with gaps after it unless words are joined by "_".
func (st *sentence) matchSeq(elems []dict.Elem, m material, p int, b *bind) (int, bool) {
	if len(elems) == 0 {
		return p, true
	}
	end, ok := st.matchElem(elems[0], m, p, b)
	if !ok {
		return 0, false
	}
	if len(elems) == 1 {
		return end, true
	}
	for q := end; q < len(m); q++ {
		if q > end {
			e := elems[1]
			// Words joined by "_" are adjacent; so are a phrase's last word
			// (its head) and the word before it, but for determiners:
			// {NEW &TIETYPES RELATIONS} takes "new global economic
			// relations" but not "economic trade relations".
			if e.Kind == dict.ElemWord && !e.Word.Gap || len(elems) == 2 && st.toks[m[q-1]].UPOS != "DET" {
				break
			}
		}
		if e2, ok := st.matchSeq(elems[1:], m, q, b); ok {
			return e2, true
		}
	}
	return 0, false
}

// wordMatches reports whether pattern word w names token k: its text or
// its lemma, as a whole word (pattern words are not stems: "MEET" must not
// match "meeting").
func (st *sentence) wordMatches(w dict.Word, k int) bool {
	return st.words[k] == w.Text || st.lemmas[k] == w.Text
}

// dominates reports whether a is k or an ancestor of k.
func (st *sentence) dominates(a, k int) bool {
	for steps := 0; k >= 0 && steps <= len(st.toks); steps++ {
		if k == a {
			return true
		}
		k = st.head(k)
	}
	return false
}

// bestPattern returns the matching pattern of the verb's block with the
// highest weight (the first in the file among equals) and its bindings.
func (st *sentence) bestPattern(f *dict.VerbForm, pre, post material, compoundSubject bool) (*dict.Pattern, bind) {
	var best *dict.Pattern
	bestBind := bind{source: -1, target: -1}
	for _, p := range f.Block.Patterns {
		if best != nil && p.Weight <= best.Weight {
			continue
		}
		if !st.hasWords(p.Words, pre, post) {
			continue
		}
		b := bind{source: -1, target: -1, compoundSubject: compoundSubject}
		if st.matchSide(p.Pre, pre, 0, &b) && st.matchSide(p.Post, post, 0, &b) {
			best, bestBind = p, b
		}
	}
	return best, bestBind
}
