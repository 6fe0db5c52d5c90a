package lemma

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// Train learns a lemmatizer from sentences with gold Text, XPOS and Lemma.
// Rules need at least minCount words behind them.
func Train(sents []*event.Sentence, minCount int) *Lemmatizer {
	type pair struct{ tag, word string }
	lemmas := map[pair]map[string]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if t.Lemma == "" || t.Lemma == "_" {
				continue
			}
			k := pair{t.XPOS, normal(t.Text, t.XPOS)}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][t.Lemma]++
		}
	}
	// Each distinct (tag, word) votes once for the rule of its most frequent
	// lemma under every suffix of the word, so frequent words do not drown
	// the regularities of the vocabulary.
	best := map[pair]string{}
	votes := map[string]map[rule]int{}
	for k, ls := range lemmas {
		lem := mostFrequent(ls)
		best[k] = lem
		r := ruleFor(k.word, lem)
		for n := 0; n <= min(len(k.word), maxSuffix); n++ {
			if n > 0 && n < len(k.word) && !utf8.RuneStart(k.word[len(k.word)-n]) {
				continue
			}
			key := k.tag + "\x00" + k.word[len(k.word)-n:]
			if votes[key] == nil {
				votes[key] = map[rule]int{}
			}
			votes[key][r]++
		}
	}
	l := &Lemmatizer{rules: map[string]rule{}, exceptions: map[string]string{}, english: englishRules()}
	// Keep a suffix's rule only when it differs from what the next shorter
	// suffix would give; shorter keys are decided first.
	keys := make([]string, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		r, n := bestRule(votes[k])
		tag, suf, _ := strings.Cut(k, "\x00")
		if suf != "" && n < minCount {
			continue
		}
		if suf != "" {
			if parent, ok := l.lookup(tag, suf[1:]); ok && parent == r {
				continue
			}
		}
		l.rules[k] = r
	}
	for k, lem := range best {
		if l.Lemma(k.word, k.tag) != lem {
			l.exceptions[k.tag+"\x00"+k.word] = lem
		}
	}
	return l
}

// lookup returns the rule the lemmatizer would use for a word ending in suf.
func (l *Lemmatizer) lookup(tag, suf string) (rule, bool) {
	for n := len(suf); n >= 0; n-- {
		if r, ok := l.rules[tag+"\x00"+suf[len(suf)-n:]]; ok {
			return r, true
		}
	}
	return rule{}, false
}

func mostFrequent(m map[string]int) string {
	best, bestN := "", -1
	for s, n := range m {
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	return best
}

func bestRule(m map[rule]int) (rule, int) {
	var best rule
	bestN := -1
	for r, n := range m {
		if n > bestN || (n == bestN && (r.strip < best.strip || (r.strip == best.strip && r.add < best.add))) {
			best, bestN = r, n
		}
	}
	return best, bestN
}

// Accuracy returns the share of tokens of gold whose lemma the lemmatizer
// finds from their Text and XPOS.
func (l *Lemmatizer) Accuracy(gold []*event.Sentence) float64 {
	n, ok := 0, 0
	for _, s := range gold {
		for _, t := range s.Tokens {
			n++
			if l.Lemma(t.Text, t.XPOS) == t.Lemma {
				ok++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ok) / float64(n)
}
