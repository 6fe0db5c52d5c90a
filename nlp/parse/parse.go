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
	if len(s.Tokens) == 0 {
		return
	}
	st, _ := p.pool.Get().(*state)
	if st == nil {
		st = &state{}
	}
	defer p.pool.Put(st)
	st.reset(s.Tokens)
	st.clauses = subordinateClauses(s.Tokens)
	scores := st.scores
	defer func() { st.scores = scores }()
	for !st.terminal() {
		best := st.only()
		if best < 0 {
			scores = p.actions.Scores(st.features(), scores)
			for c := shift; c <= right; c++ {
				if st.valid(c) && (best < 0 || scores[c] > scores[best]) {
					best = c
				}
			}
		}
		label := 0
		if best != shift {
			label = p.label(st, best, &scores)
		}
		st.apply(best, label)
	}
	rels := p.labeler.Labels()
	for i := range s.Tokens {
		s.Tokens[i].Head = st.heads[i+1]
		s.Tokens[i].Rel = rels[st.rels[i+1]]
	}
	markClauses(s, st.clauses)
	joinSubjects(s)
	raisePhrases(s)
	promoteLexicalVerbs(s)
	joinModifierSeries(s)
	reportAsParataxis(s)
	joinTitles(s)
}

// label returns the relation of the arc that transition c makes: root for
// the root's dependent, else the best other relation.
func (p *Parser) label(st *state, c int, scores *[]float32) int {
	h, d := st.arc(c)
	if h == 0 {
		return p.root
	}
	*scores = p.labeler.Scores(st.labelFeatures(h, d), *scores)
	return perceptron.Argmax(*scores, func(l int) bool { return l != p.root })
}
