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
		d.phrases = append(d.phrases, discard{words: words, story: story})
	}
	return joinErrors(errs)
}

// Len returns the number of phrases.
func (d *Discards) Len() int { return len(d.phrases) }

// Find reports whether the upper-cased words hold a discard phrase, and
// whether it discards the whole story.
func (d *Discards) Find(words []string) (found, story bool) {
	for _, p := range d.phrases {
		for i := 0; i+len(p.words) <= len(words); i++ {
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
					return true, true
				}
			}
		}
	}
	return found, false
}
