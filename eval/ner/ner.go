// Package ner scores named-entity tags against gold tags: exact-span
// precision, recall and F1 over PER, ORG and LOC, micro-averaged and per
// label, as conlleval counts them.
package ner

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
	nerpkg "github.com/annals/annals/nlp/ner"
)

// Counts are the span counts of one label.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return score.Ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (c Counts) Recall() float64 { return score.Ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return score.F1(c.Precision(), c.Recall()) }

// Scorer accumulates span counts over sentences. The zero value is ready.
type Scorer struct {
	labels map[string]*Counts
}

// Add compares the predicted entities of a sentence with the gold ones: a
// predicted span counts when a gold span has the same label, first and
// last token.
func (s *Scorer) Add(gold, pred []event.Entity) {
	if s.labels == nil {
		s.labels = map[string]*Counts{}
	}
	type key struct {
		label       string
		first, last int
	}
	in := map[key]bool{}
	for _, g := range gold {
		in[key{g.Label, g.First, g.Last}] = true
		s.count(g.Label).FN++
	}
	for _, p := range pred {
		c := s.count(p.Label)
		if in[key{p.Label, p.First, p.Last}] {
			c.TP++
			c.FN--
		} else {
			c.FP++
		}
	}
}

// AddTags is Add for IOB2 tag sequences of one sentence, which must have
// the same length.
func (s *Scorer) AddTags(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("ner scorer: %d gold tags but %d predicted", len(gold), len(pred))
	}
	s.Add(spans(gold), spans(pred))
	return nil
}

func spans(tags []string) []event.Entity {
	s := event.Sentence{Tokens: make([]event.Token, len(tags))}
	for i, t := range tags {
		s.Tokens[i] = event.Token{Entity: t, Start: -1, End: -1}
	}
	return nerpkg.Entities(&s)
}

func (s *Scorer) count(label string) *Counts {
	c := s.labels[label]
	if c == nil {
		c = &Counts{}
		s.labels[label] = c
	}
	return c
}

// Labels returns the labels seen, sorted.
func (s *Scorer) Labels() []string {
	out := make([]string, 0, len(s.labels))
	for l := range s.labels {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Label returns the counts of one label.
func (s *Scorer) Label(label string) Counts {
	if c := s.labels[label]; c != nil {
		return *c
	}
	return Counts{}
}

// Micro returns the counts summed over all labels.
func (s *Scorer) Micro() Counts {
	var t Counts
	for _, c := range s.labels {
		t.TP += c.TP
		t.FP += c.FP
		t.FN += c.FN
	}
	return t
}

// Report writes one line per label and, last, the micro-averaged figures
// as "precision=0.xxx recall=0.xxx f1=0.xxx".
func (s *Scorer) Report(w io.Writer) error {
	for _, l := range s.Labels() {
		c := s.Label(l)
		if _, err := fmt.Fprintf(w, "%-4s gold=%d pred=%d correct=%d precision=%.3f recall=%.3f f1=%.3f\n",
			l, c.TP+c.FN, c.TP+c.FP, c.TP, c.Precision(), c.Recall(), c.F1()); err != nil {
			return err
		}
	}
	m := s.Micro()
	_, err := fmt.Fprintf(w, "precision=%.3f recall=%.3f f1=%.3f\n", m.Precision(), m.Recall(), m.F1())
	return err
}

// Tagger is what Evaluate scores; *ner.Recognizer is one.
type Tagger interface {
	Tag(s *event.Sentence)
}

// DocumentTagger is a Tagger that, after tagging each sentence of a
// document, makes the document's names agree; *ner.Recognizer is one.
type DocumentTagger interface {
	Tagger
	Harmonize(sents []event.Sentence)
}

// Evaluate tags a copy of every gold sentence with t, using the gold
// tokens, and scores the result. When t is a DocumentTagger, the
// sentences of each document (consecutive sentences whose DocumentOf is
// the same) are harmonized together, as the pipeline does with an article.
func Evaluate(t Tagger, gold []event.Sentence) *Scorer {
	var sc Scorer
	dt, _ := t.(DocumentTagger)
	for start := 0; start < len(gold); {
		end := start + 1
		if dt != nil {
			for end < len(gold) && sameDocument(gold[start].ID, gold[end].ID) {
				end++
			}
		}
		doc := make([]event.Sentence, end-start)
		for i := range doc {
			doc[i] = gold[start+i]
			doc[i].Tokens = slices.Clone(doc[i].Tokens)
			t.Tag(&doc[i])
		}
		if dt != nil {
			dt.Harmonize(doc)
		}
		for i := range doc {
			sc.Add(gold[start+i].Entities, doc[i].Entities)
		}
		start = end
	}
	return &sc
}

// SentenceLevel hides a DocumentTagger's Harmonize, so that Evaluate
// scores each sentence on its own.
type SentenceLevel struct{ Tagger }

// sameDocument reports whether two sentence ids name sentences of one
// document: ids of the form DOC-N (UD and UNER "weblog-...-0003", PUD
// "n01001-0002", GUM "GUM_news_iodine-12") with the same DOC.
func sameDocument(a, b string) bool {
	da, db := documentOf(a), documentOf(b)
	return da != "" && da == db
}

// documentOf returns the DOC of an id DOC-N, or "" for other ids.
func documentOf(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 || i == len(id)-1 {
		return ""
	}
	for _, c := range id[i+1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return id[:i]
}
