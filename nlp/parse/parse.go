// Package parse assigns dependency trees with UD v2 relations to tagged
// sentences.
//
// The parser is transition-based: the arc-hybrid system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with labelled transitions, scored by an averaged
// perceptron (package perceptron) over the feature templates of Zhang and
// Nivre (2011): words and tags of the stack and buffer, of the leftmost and
// rightmost children, their labels, valencies and distances. Training uses
// the dynamic oracle of Goldberg and Nivre (2013), which lets the parser
// learn from its own mistakes. Decoding is greedy and the trees it makes are
// projective, with exactly one dependent of the root.
package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/perceptron"
)

// Parser is a trained parser. It is safe for concurrent use.
type Parser struct {
	model  *perceptron.Model
	labels []string // relation per label id
	root   int      // label id of "root"
}

// Transitions: class 0 is SHIFT, 1+l is LEFT with label l, 1+L+l RIGHT.
const shift = 0

func newParser(m *perceptron.Model) (*Parser, error) {
	cl := m.Labels()
	if len(cl) < 3 || len(cl)%2 != 1 || cl[0] != "SHIFT" {
		return nil, fmt.Errorf("%w: unexpected classes", ErrFormat)
	}
	nl := (len(cl) - 1) / 2
	p := &Parser{model: m, root: -1}
	for l := 0; l < nl; l++ {
		left, right := cl[1+l], cl[1+nl+l]
		rel, ok := strings.CutPrefix(left, "L-")
		if !ok || right != "R-"+rel {
			return nil, fmt.Errorf("%w: class %q", ErrFormat, left)
		}
		if rel == "root" {
			p.root = l
		}
		p.labels = append(p.labels, rel)
	}
	// Without a relation besides root, a stack of two words above the root
	// could not be reduced.
	if p.root < 0 || nl < 2 {
		return nil, fmt.Errorf("%w: want root and at least one other relation", ErrFormat)
	}
	return p, nil
}

// classNames returns the transition classes for the relations.
func classNames(rels []string) []string {
	names := []string{"SHIFT"}
	for _, r := range rels {
		names = append(names, "L-"+r)
	}
	for _, r := range rels {
		names = append(names, "R-"+r)
	}
	return names
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
	return p, nil
}

// Parse sets Head and Rel of every token of s from its words and XPOS tags.
func (p *Parser) Parse(s *event.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	st := newState(s.Tokens, len(p.labels))
	var scores []float32
	nl := len(p.labels)
	for !st.terminal() {
		scores = p.model.Scores(st.features(), scores)
		best := perceptron.Argmax(scores, func(c int) bool { return st.valid(c, nl, p.root) })
		st.apply(best, nl)
	}
	for i := range s.Tokens {
		s.Tokens[i].Head = st.heads[i+1]
		s.Tokens[i].Rel = p.labels[st.rels[i+1]]
	}
}
