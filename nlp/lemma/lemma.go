// Package lemma finds the lemma (dictionary form) of tagged English words.
//
// A Lemmatizer learns from a treebank's (word, Penn tag, lemma) triples two
// things: suffix-rewrite rules per tag ("-ies" -> "-y" for NNS), chosen by
// the longest suffix of the word seen in training, and an exception table
// for the training words the rules get wrong ("went" -> "go"). Proper nouns
// keep their case; other words are lower-cased first.
package lemma

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// maxSuffix is the longest suffix, in bytes, a rule is keyed on.
const maxSuffix = 5

// rule rewrites a word: drop strip bytes from its end, then append add.
type rule struct {
	strip int
	add   string
}

func (r rule) apply(w string) string {
	if r.strip > len(w) {
		return w
	}
	return w[:len(w)-r.strip] + r.add
}

// ruleFor returns the rule turning w into lemma.
func ruleFor(w, lemma string) rule {
	p := 0
	for p < len(w) && p < len(lemma) && w[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(w) && !utf8.RuneStart(w[p]) {
		p--
	}
	return rule{strip: len(w) - p, add: lemma[p:]}
}

// Lemmatizer is a trained lemmatizer. It is safe for concurrent use.
type Lemmatizer struct {
	rules      map[string]rule   // tag + "\x00" + suffix -> rule
	exceptions map[string]string // tag + "\x00" + word -> lemma
	english    map[string]string // irregular verbs, before exceptions
}

//go:embed model/lemma.gz
var embedded []byte

// Default returns the lemmatizer embedded in annals, trained on UD English
// EWT and GUM (see docs/models.md).
func Default() (*Lemmatizer, error) {
	l, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded lemmatizer: %w", err)
	}
	return l, nil
}

// normal returns the form rules and exceptions are keyed on: proper nouns
// and symbols as written, other words in lower case.
func normal(word, xpos string) string {
	if strings.HasPrefix(xpos, "NNP") || word == "I" {
		return word
	}
	return strings.ToLower(word)
}

// Lemma returns the lemma of word tagged xpos.
func (l *Lemmatizer) Lemma(word, xpos string) string {
	w := normal(word, xpos)
	// The keys, tag + "\x00" + word or suffix, are built in one buffer,
	// and looking a map up with string(buf) does not copy it.
	var kb [64]byte
	key := append(append(append(kb[:0], xpos...), 0), w...)
	tag := len(xpos) + 1
	// The irregular verbs go first: the treebanks have a few wrong lemmas
	// for them ("fled" -> "flead").
	if lem, ok := l.english[string(key)]; ok {
		return lem
	}
	if lem, ok := l.exceptions[string(key)]; ok {
		return lem
	}
	for n := min(len(w), maxSuffix); n >= 0; n-- {
		if n > 0 && n < len(w) && !utf8.RuneStart(w[len(w)-n]) {
			continue
		}
		if r, ok := l.rules[string(append(key[:tag], w[len(w)-n:]...))]; ok {
			return r.apply(w)
		}
	}
	return w
}

// Lemmatize sets the Lemma of every token of s from its Text and XPOS.
func (l *Lemmatizer) Lemmatize(s *event.Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma = l.Lemma(t.Text, t.XPOS)
	}
}
