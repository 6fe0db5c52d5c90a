package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// Harmonize makes the names of one document agree after each sentence has
// been tagged (Tag): a name keeps one type through the article, and later
// mentions the sentence-level model missed are found from earlier ones.
// News repeats its names, and a mention is often easier to type in one
// sentence ("Mr. Kenyatta said", "the Nairobi-based Safaricom") than in
// another ("Kenyatta" heading a sentence). It
//
//   - gives every mention of a name (the same words, case included) the
//     type most of its mentions have, ties left as they are;
//   - gives a lone mention of a person's last name ("Kenyatta" after
//     "Uhuru Kenyatta") the type PER;
//   - tags the untagged capitalized mentions of a name, or of a person's
//     last name, when no name touches them and the name was tagged at
//     least as often as it was left untagged (one stray tag of "Turkish"
//     does not make its ten other mentions places).
//
// It reads only the tags, and sets the tokens' Entity tags and the
// sentences' Entities.
func (r *Recognizer) Harmonize(sents []event.Sentence) {
	votes := map[string]*[len(labels)]int{}
	tagged := map[string]int{} // mentions of a name (a last name: of its person) tagged
	surnames := map[string]bool{}
	for _, s := range sents {
		for _, e := range Entities(&s) {
			l := labelIndex(e.Label)
			if l < 0 {
				continue
			}
			k := spanKey(s.Tokens, e.First, e.Last)
			v := votes[k]
			if v == nil {
				v = new([len(labels)]int)
				votes[k] = v
			}
			v[l]++
			tagged[k]++
			if e.Label == "PER" && e.Last > e.First {
				if w := s.Tokens[e.Last].Text; nameLike(w) {
					surnames[w] = true
					tagged[w]++
				}
			}
		}
	}
	if len(votes) == 0 {
		return
	}
	// The type of each name: its majority, or PER for a person's last name.
	typeOf := map[string]int{}
	maxLen := 0
	for k, v := range votes {
		best, n, tie := 0, v[0], false
		for l := 1; l < len(labels); l++ {
			switch {
			case v[l] > n:
				best, n, tie = l, v[l], false
			case v[l] == n:
				tie = true
			}
		}
		if !tie {
			typeOf[k] = best
			maxLen = max(maxLen, strings.Count(k, " ")+1)
		}
	}
	for k := range surnames {
		typeOf[k] = labelIndex("PER")
	}
	for i := range sents {
		s := &sents[i]
		changed := false
		for _, e := range Entities(s) {
			l, ok := typeOf[spanKey(s.Tokens, e.First, e.Last)]
			if ok && labels[l] != e.Label {
				setSpan(s.Tokens, e.First, e.Last, l)
				changed = true
			}
		}
		if changed {
			s.Entities = Entities(s)
		}
	}
	untagged := map[string]int{}
	eachUntagged(sents, typeOf, maxLen, func(_ *event.Sentence, _, _ int, k string) { untagged[k]++ })
	eachUntagged(sents, typeOf, maxLen, func(s *event.Sentence, first, last int, k string) {
		if tagged[k] >= untagged[k] {
			setSpan(s.Tokens, first, last, typeOf[k])
			s.Entities = Entities(s)
		}
	})
}

// eachUntagged calls fn with every mention of a name of typeOf whose
// tokens are untagged, that starts with a capital, and that no tagged
// token touches; at each token the longest such name is taken. fn may tag
// the mention.
func eachUntagged(sents []event.Sentence, typeOf map[string]int, maxLen int, fn func(s *event.Sentence, first, last int, key string)) {
	for i := range sents {
		s := &sents[i]
		toks := s.Tokens
		for j := 0; j < len(toks); j++ {
			if toks[j].Entity != "O" || !nameLike(toks[j].Text) || (j > 0 && toks[j-1].Entity != "O") {
				continue
			}
			for n := min(maxLen, len(toks)-j); n >= 1; n-- {
				last := j + n - 1
				if !allOutside(toks, j, last) || (last+1 < len(toks) && toks[last+1].Entity != "O") {
					continue
				}
				k := spanKey(toks, j, last)
				if _, ok := typeOf[k]; ok {
					fn(s, j, last, k)
					j = last + 1 // the token after the mention is untagged: skip it too, or it would touch
					break
				}
			}
		}
	}
}

// spanKey is the words of tokens first..last joined by spaces.
func spanKey(toks []event.Token, first, last int) string {
	if first == last {
		return toks[first].Text
	}
	var b strings.Builder
	for k := first; k <= last; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

func setSpan(toks []event.Token, first, last, l int) {
	for k := first; k <= last; k++ {
		toks[k].Entity = tagNames[2+2*l]
	}
	toks[first].Entity = tagNames[1+2*l]
}

func allOutside(toks []event.Token, first, last int) bool {
	for k := first; k <= last; k++ {
		if toks[k].Entity != "O" {
			return false
		}
	}
	return true
}

// nameLike reports whether w can stand alone as a name: it starts with an
// upper-case letter and has another letter ("I" and initials do not).
func nameLike(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[size:] {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}
