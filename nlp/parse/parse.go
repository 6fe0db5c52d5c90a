// Package parse assigns dependency trees with UD v2 relations to tagged
// sentences.
//
// The parser is transition-based: the arc-hybrid system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with labelled transitions, scored by an averaged
// perceptron (package perceptron) over the feature templates of Zhang and
// Nivre (2011): words and tags of the stack and buffer, of the leftmost and
// rightmost children, their labels, valencies and distances. A second
// perceptron labels each arc as it is made, when the dependent is complete,
// from the two words, their tags and the labels of their dependents; keeping
// the labels out of the transition classifier makes it score three classes
// instead of a hundred, which is most of the parser's speed. Training uses
// the dynamic oracle of Goldberg and Nivre (2013), which lets the parser
// learn from its own mistakes. Decoding is greedy and the trees it makes are
// projective, with exactly one dependent of the root.
package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/resident"
	"github.com/annals/annals/nlp/perceptron"
)

// Parser is a trained parser. It is safe for concurrent use.
type Parser struct {
	actions *perceptron.Model // classes: actionNames
	labeler *perceptron.Model // classes: relations
	root    int               // label id of "root"
	pool    sync.Pool         // *state, reused across sentences
}

// The transitions of the arc-hybrid system.
const (
	shift = iota // push the first buffer word
	left         // attach the stack top to the first buffer word, pop
	right        // attach the stack top to the word below it, pop
)

var actionNames = []string{"SHIFT", "LEFT", "RIGHT"}

func newParser(actions, labeler *perceptron.Model) (*Parser, error) {
	if strings.Join(actions.Labels(), " ") != strings.Join(actionNames, " ") {
		return nil, fmt.Errorf("%w: unexpected transitions %q", ErrFormat, actions.Labels())
	}
	p := &Parser{actions: actions, labeler: labeler, root: labeler.Class("root")}
	if p.root < 0 || labeler.NumClasses() < 2 {
		return nil, fmt.Errorf("%w: want root and at least one other relation", ErrFormat)
	}
	return p, nil
}

//go:embed model/parser.gz
var embedded []byte

// Default returns the parser embedded in annals, trained on UD English EWT
// and GUM (see docs/models.md).
func Default() (*Parser, error) {
	p, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parser: %w", err)
	}
	resident.Drop(embedded)
	return p, nil
}

// Parse sets Head and Rel of every token of s from its words and XPOS tags.
func (p *Parser) Parse(s *event.Sentence) {
	p.parse(1, func(int) *event.Sentence { return s })
}

// ParseAll parses every sentence of sents, as Parse does one by one, with
// the same trees.
//
// Scoring a transition waits on memory: its features are cache misses in
// a table of tens of megabytes. ParseAll parses lanes sentences in
// lockstep, so that one sentence's misses are in flight while another's
// features are computed and scored.
func (p *Parser) ParseAll(sents []event.Sentence) {
	p.parse(len(sents), func(i int) *event.Sentence { return &sents[i] })
}

// parse parses the n sentences that at returns.
func (p *Parser) parse(n int, at func(int) *event.Sentence) {
	var ls [lanes]lane
	for k := range ls {
		ls[k].st, _ = p.pool.Get().(*state)
		if ls[k].st == nil {
			ls[k].st = &state{}
		}
	}
	defer func() {
		for k := range ls {
			p.pool.Put(ls[k].st)
		}
	}()
	next := 0
	for {
		active := 0
		for k := range ls {
			l := &ls[k]
			for l.s == nil && next < n {
				if s := at(next); len(s.Tokens) > 0 {
					l.s = s
					l.st.reset(s.Tokens)
					l.st.clauses = subordinateClauses(s.Tokens)
				}
				next++
			}
			if l.s == nil {
				continue
			}
			active++
			// The transition's features go out to memory now; it is
			// scored once every lane's are on their way.
			if l.best = l.st.only(); l.best < 0 {
				p.actions.Prefetch(l.st.features())
			}
		}
		if active == 0 {
			return
		}
		for k := range ls {
			l := &ls[k]
			if l.s == nil {
				continue
			}
			st := l.st
			if l.best < 0 {
				st.scores = p.actions.Scores(st.feats, st.scores)
				for c := shift; c <= right; c++ {
					if st.valid(c) && (l.best < 0 || st.scores[c] > st.scores[l.best]) {
						l.best = c
					}
				}
			}
			if l.best != shift {
				if h, d := st.arc(l.best); h != 0 {
					p.labeler.Prefetch(st.labelFeatures(h, d))
				}
			}
		}
		for k := range ls {
			l := &ls[k]
			if l.s == nil {
				continue
			}
			st := l.st
			label := 0
			if l.best != shift {
				label = p.root
				if h, _ := st.arc(l.best); h != 0 {
					// st.feats holds the arc's label features.
					st.scores = p.labeler.Scores(st.feats, st.scores)
					label = p.bestLabel(st.scores)
				}
			}
			st.apply(l.best, label)
			if st.terminal() {
				p.finish(l.s, st)
				l.s = nil
			}
		}
	}
}

// lanes is the number of sentences ParseAll parses in lockstep.
const lanes = 2

// lane is one sentence that ParseAll is parsing and its configuration;
// best is the transition chosen (-1 before it is scored).
type lane struct {
	s    *event.Sentence
	st   *state
	best int
}

// bestLabel returns the relation of highest score other than root, the
// lowest on ties: perceptron.Argmax without a call per relation.
func (p *Parser) bestLabel(scores []float32) int {
	best := -1
	for l, x := range scores {
		if l != p.root && (best < 0 || x > scores[best]) {
			best = l
		}
	}
	return best
}

// finish copies the tree of the terminal configuration st into s and
// repairs it.
func (p *Parser) finish(s *event.Sentence, st *state) {
	rels := p.labeler.Labels()
	for i := range s.Tokens {
		s.Tokens[i].Head = st.heads[i+1]
		s.Tokens[i].Rel = rels[st.rels[i+1]]
	}
	markClauses(s, st.clauses)
	joinSubjects(s)
	joinBareNames(s)
	raisePhrases(s)
	promoteLexicalVerbs(s)
	joinModifierSeries(s)
	reportAsParataxis(s)
	trailingReportAsParataxis(s)
	joinTitles(s)
}
