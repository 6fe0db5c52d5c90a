// Package counts scores the counts annals reads (how many were killed,
// injured, arrested or took part) against hand-annotated articles: the
// gold of docs/counts.md, one JSON line per article, whose texts stay in
// the shared data folder (Wikinews, BBC, Reuters-21578 SGML and
// IndiaPoliceEvents) and are found there by file and key.
//
// A coded count is found when a gold count of its article has its kind,
// a range that overlaps its range and a span that overlaps its span; gold
// and coded counts are matched one to one, a pair with equal ranges
// first. Precision is the share of coded counts found, recall the share
// of gold counts found, exact range the share of found counts whose low
// and high equal the gold's.
package counts

import (
	"fmt"
	"io"
	"strings"

	"github.com/annals/annals/eval/corpus"
	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
)

// Article is one line of a gold file.
type Article struct {
	corpus.Ref
	Title     string    `json:"title"`
	Published string    `json:"published"`
	Coder     string    `json:"coder"`
	Counts    []Mention `json:"counts"`
}

// Mention is a gold count mention.
type Mention struct {
	Sentence  string `json:"sentence"`
	Kind      string `json:"kind"`
	Low       int64  `json:"low"`
	High      int64  `json:"high"`
	Precision string `json:"precision"`
	Span      [2]int `json:"span"`
	Words     string `json:"words"`
	Note      string `json:"note"`
}

// Read reads a gold file; name is used in errors, which give the line.
// Every malformed line is reported, joined.
func Read(r io.Reader, name string) ([]Article, error) {
	return corpus.ReadLines(r, name, func(a *Article, _ int) error { return a.check() })
}

func (a *Article) check() error {
	if err := a.Ref.Check(); err != nil {
		return err
	}
	for i, m := range a.Counts {
		switch event.CountKind(m.Kind) {
		case event.Killed, event.Injured, event.Arrested, event.Crowd:
		default:
			return fmt.Errorf("count %d: kind %q is not killed, injured, arrested or crowd", i+1, m.Kind)
		}
		switch event.CountPrecision(m.Precision) {
		case event.Exact, event.AtLeast, event.About, event.Vague:
		default:
			return fmt.Errorf("count %d: precision %q is not exact, at_least, about or vague", i+1, m.Precision)
		}
		if m.Low < 0 || m.High < m.Low {
			return fmt.Errorf("count %d: low %d and high %d", i+1, m.Low, m.High)
		}
		if m.Span[0] < 0 || m.Span[1] <= m.Span[0] {
			return fmt.Errorf("count %d: span %v", i+1, m.Span)
		}
	}
	return nil
}

// Corpus reads article texts from the shared folder, each file once.
type Corpus struct{ texts *corpus.Corpus }

// NewCorpus reads texts under dir.
func NewCorpus(dir string) *Corpus { return &Corpus{corpus.New(dir)} }

// Text returns a's text (docs/counts.md, section 10), checked against its
// hash and its gold spans.
func (c *Corpus) Text(a *Article) (string, error) {
	text, err := c.texts.Text(a.Ref)
	if err != nil {
		return "", err
	}
	for i, m := range a.Counts {
		if m.Span[1] > len(text) || text[m.Span[0]:m.Span[1]] != m.Words {
			return "", fmt.Errorf("%s: article %q: count %d: span %v does not hold %q", a.File, a.Key, i+1, m.Span, m.Words)
		}
	}
	return text, nil
}

// Result accumulates the scores of articles.
type Result struct {
	Tally
	ByKind map[string]*Tally
	Misses []Miss
}

// Tally counts gold, coded, found and exactly ranged counts.
type Tally struct{ Gold, Coded, Found, Exact int }

// NewResult returns an empty result.
func NewResult() *Result { return &Result{ByKind: map[string]*Tally{}} }

func (r *Result) kind(k string) *Tally {
	t, ok := r.ByKind[k]
	if !ok {
		t = &Tally{}
		r.ByKind[k] = t
	}
	return t
}

// Miss is a gold count not found (Gold set) or a coded count that no gold
// count matches (Coded set), with its sentence.
type Miss struct {
	Article  string
	Sentence string
	Gold     *Mention
	Coded    *event.Count
}

// Add scores the coded counts of one article against its gold.
func (r *Result) Add(a *Article, text string, coded []event.Count) {
	r.Gold += len(a.Counts)
	r.Coded += len(coded)
	for _, g := range a.Counts {
		r.kind(g.Kind).Gold++
	}
	for _, c := range coded {
		r.kind(string(c.Kind)).Coded++
	}
	usedC := make([]bool, len(coded))
	usedG := make([]bool, len(a.Counts))
	// Pairs with equal ranges first, then any overlapping pair.
	for _, exact := range []bool{true, false} {
		for gi := range a.Counts {
			g := &a.Counts[gi]
			if usedG[gi] {
				continue
			}
			for ci := range coded {
				c := &coded[ci]
				if usedC[ci] || !matches(g, c) || exact != (g.Low == c.Low && g.High == c.High) {
					continue
				}
				usedG[gi], usedC[ci] = true, true
				r.Found++
				r.kind(g.Kind).Found++
				if exact {
					r.Exact++
					r.kind(g.Kind).Exact++
				}
				break
			}
		}
	}
	for gi := range a.Counts {
		if !usedG[gi] {
			r.Misses = append(r.Misses, Miss{Article: a.Key, Sentence: a.Counts[gi].Sentence, Gold: &a.Counts[gi]})
		}
	}
	for ci := range coded {
		if !usedC[ci] {
			r.Misses = append(r.Misses, Miss{Article: a.Key, Sentence: sentenceAround(text, coded[ci].Start, coded[ci].End), Coded: &coded[ci]})
		}
	}
}

func matches(g *Mention, c *event.Count) bool {
	return string(c.Kind) == g.Kind && c.Low <= g.High && g.Low <= c.High && c.Start < g.Span[1] && g.Span[0] < c.End
}

// sentenceAround returns the line of text around bytes start..end, for a
// false count's context.
func sentenceAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	from := max(0, start-120)
	to := min(len(text), end+120)
	if i := strings.LastIndexAny(text[from:start], ".\n"); i >= 0 {
		from += i + 1
	}
	if i := strings.IndexAny(text[end:to], ".\n"); i >= 0 {
		to = end + i + 1
	}
	return strings.TrimSpace(text[from:to])
}

// Precision is the share of coded counts found.
func (t *Tally) Precision() float64 { return score.Ratio(t.Found, t.Coded) }

// Recall is the share of gold counts found.
func (t *Tally) Recall() float64 { return score.Ratio(t.Found, t.Gold) }

// ExactRange is the share of found counts whose low and high equal the
// gold's.
func (t *Tally) ExactRange() float64 { return score.Ratio(t.Exact, t.Found) }
