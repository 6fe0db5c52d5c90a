// Package nlp is annals' language layer: it turns text into sentences of
// tokens with part-of-speech tags, lemmas, dependency trees and, when a
// recognizer is plugged in, named entities. It chains the packages that do
// each step: tokenize, tag, lemma, parse and an EntityTagger.
//
// Models are loaded once (Default for the models embedded in annals, Load
// for a directory of model files) and a Pipeline is then safe for
// concurrent use.
package nlp

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/lemma"
	"github.com/annals/annals/nlp/parse"
	"github.com/annals/annals/nlp/tag"
	"github.com/annals/annals/nlp/tokenize"
)

// EntityTagger sets the Entity tags (BIO) and Entities of a tagged
// sentence; the named-entity recognizer implements it.
type EntityTagger interface {
	Tag(s *event.Sentence)
}

// Pipeline runs the language layer. Every field is optional: a nil stage is
// skipped.
type Pipeline struct {
	Tagger     *tag.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *parse.Parser
	NER        EntityTagger
}

// Model file names in a model directory (see Load).
const (
	TaggerFile = "tagger.gz"
	LemmaFile  = "lemma.gz"
	ParserFile = "parser.gz"
)

// Default returns the pipeline with the models embedded in annals.
func Default() (*Pipeline, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, err
	}
	l, err := lemma.Default()
	if err != nil {
		return nil, err
	}
	p, err := parse.Default()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Tagger: t, Lemmatizer: l, Parser: p}, nil
}

// Load returns the default pipeline with the models found in dir replacing
// the embedded ones: tagger.gz, lemma.gz and parser.gz, each optional.
func Load(dir string) (*Pipeline, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	if err := loadFile(dir, TaggerFile, func(f *os.File) (err error) { p.Tagger, err = tag.Load(f); return }); err != nil {
		return nil, err
	}
	if err := loadFile(dir, LemmaFile, func(f *os.File) (err error) { p.Lemmatizer, err = lemma.Load(f); return }); err != nil {
		return nil, err
	}
	if err := loadFile(dir, ParserFile, func(f *os.File) (err error) { p.Parser, err = parse.Load(f); return }); err != nil {
		return nil, err
	}
	return p, nil
}

// loadFile runs load on dir/name when that file exists.
func loadFile(dir, name string, load func(*os.File) error) error {
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := load(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Process splits text into sentences and annotates each. Offsets of
// sentences and tokens are byte offsets into text. It stops with ctx's
// error when ctx is done.
func (p *Pipeline) Process(ctx context.Context, text string) ([]event.Sentence, error) {
	sents := tokenize.Split(text)
	for i := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sents[i].Index = i
		p.Annotate(&sents[i])
	}
	return sents, nil
}

// Annotate tags, lemmatizes, parses and (with an NER) tags the entities of
// an already tokenized sentence.
func (p *Pipeline) Annotate(s *event.Sentence) {
	if p.Tagger != nil {
		p.Tagger.Tag(s)
	}
	if p.Lemmatizer != nil {
		p.Lemmatizer.Lemmatize(s)
	}
	if p.Parser != nil {
		p.Parser.Parse(s)
	}
	if p.NER != nil {
		p.NER.Tag(s)
	}
}
