package dict

import (
	"errors"
	"io"
	"strings"
)

// Discards lists phrases whose presence stops coding: of the sentence, or
// of the whole story when the phrase was written with a leading "+".
type Discards struct {
	phrases []discard
	byFirst map[string][]int // exact first word → phrase indexes
	byStem  map[string][]int // first three letters of a stem first word → indexes
}

type discard struct {
	words []Word
	story bool
}

// Load adds the discard phrases read from r.
func (d *Discards) Load(r io.Reader, file string) error {
	lines, errs := readLines(r, file)
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		story := strings.HasPrefix(t, "+")
		t = strings.TrimSpace(strings.TrimPrefix(t, "+"))
		words := parsePhrase(t, false)
		if len(words) == 0 {
			errs = append(errs, &LineError{file, l.n, errors.New("empty discard phrase")})
			continue
		}
		d.add(words, story)
	}
	return joinErrors(errs)
}

// add indexes one discard phrase.
func (d *Discards) add(words []Word, story bool) {
	if d.byFirst == nil {
		d.byFirst, d.byStem = map[string][]int{}, map[string][]int{}
	}
	w := words[0]
	if w.Exact || len(w.Text) < 3 {
		d.byFirst[w.Text] = append(d.byFirst[w.Text], len(d.phrases))
	} else {
		d.byStem[w.Text[:3]] = append(d.byStem[w.Text[:3]], len(d.phrases))
	}
	d.phrases = append(d.phrases, discard{words: words, story: story})
}

// Len returns the number of phrases.
func (d *Discards) Len() int { return len(d.phrases) }

// Find reports whether the upper-cased words hold a discard phrase, and
// whether it discards the whole story.
func (d *Discards) Find(words []string) (found, story bool) {
	try := func(i int, cands []int) bool {
		for _, c := range cands {
			p := d.phrases[c]
			if i+len(p.words) > len(words) {
				continue
			}
			ok := true
			for k, w := range p.words {
				if !w.Matches(words[i+k]) {
					ok = false
					break
				}
			}
			if ok {
				found = true
				if p.story {
					return true
				}
			}
		}
		return false
	}
	for i, w := range words {
		if try(i, d.byFirst[w]) {
			return true, true
		}
		if len(w) >= 3 && try(i, d.byStem[w[:3]]) {
			return true, true
		}
	}
	return found, false
}
