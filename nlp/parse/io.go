package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/annals/annals/nlp/internal/modelfile"
	"github.com/annals/annals/nlp/perceptron"
)

const magic = "annals-parser-2\n"

// ErrFormat reports a file that is not a parser model.
var ErrFormat = errors.New("parse: not a parser model")

// Save writes the parser gzipped: a header, the transition model and the
// labeller.
func (p *Parser) Save(w io.Writer) error {
	return modelfile.Write(w, magic, func(w io.Writer) error {
		if err := p.actions.Encode(w); err != nil {
			return err
		}
		return p.labeler.Encode(w)
	})
}

// Load reads a parser written by Save. Corrupt input gives an error, never
// a panic.
func Load(r io.Reader) (*Parser, error) {
	return modelfile.Read(r, magic, ErrFormat, func(br *bufio.Reader) (*Parser, error) {
		actions, err := perceptron.Decode(br)
		if err != nil {
			return nil, fmt.Errorf("parse: transitions: %w", err)
		}
		labeler, err := perceptron.Decode(br)
		if err != nil {
			return nil, fmt.Errorf("parse: labeller: %w", err)
		}
		return newParser(actions, labeler)
	})
}
