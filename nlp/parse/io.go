package parse

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"

	"github.com/annals/annals/nlp/perceptron"
)

const magic = "annals-parser-2\n"

// ErrFormat reports a file that is not a parser model.
var ErrFormat = errors.New("parse: not a parser model")

// Save writes the parser gzipped: a header, the transition model and the
// labeller.
func (p *Parser) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, magic); err != nil {
		return err
	}
	if err := p.actions.Encode(zw); err != nil {
		return err
	}
	if err := p.labeler.Encode(zw); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a parser written by Save. Corrupt input gives an error, never
// a panic.
func Load(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	actions, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("parse: transitions: %w", err)
	}
	labeler, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("parse: labeller: %w", err)
	}
	return newParser(actions, labeler)
}
