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
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/lemma"
	"github.com/annals/annals/nlp/ner"
	"github.com/annals/annals/nlp/parse"
	"github.com/annals/annals/nlp/tag"
	"github.com/annals/annals/nlp/tokenize"
)

// EntityTagger sets the Entity tags (BIO) and Entities of a tagged
// sentence; the named-entity recognizer implements it.
type EntityTagger interface {
	Tag(s *event.Sentence)
}

// documentTagger is an EntityTagger that also makes the names of a
// document agree once its sentences are tagged (the recognizer's
// Harmonize: a name keeps its type through an article).
type documentTagger interface {
	Harmonize(sents []event.Sentence)
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
	NERFile    = "ner.gz"
)

// embedded decodes the embedded models once per process; they are never
// modified, so every pipeline shares them.
var embedded = sync.OnceValues(func() (Pipeline, error) {
	t, err := tag.Default()
	if err != nil {
		return Pipeline{}, err
	}
	l, err := lemma.Default()
	if err != nil {
		return Pipeline{}, err
	}
	p, err := parse.Default()
	if err != nil {
		return Pipeline{}, err
	}
	r, err := ner.Default()
	if err != nil {
		return Pipeline{}, err
	}
	return Pipeline{Tagger: t, Lemmatizer: l, Parser: p, NER: r}, nil
})

// Default returns the pipeline with the models embedded in annals. The
// models are decoded on the first call only.
func Default() (*Pipeline, error) {
	p, err := embedded()
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// Load returns a pipeline with the models found in dir: tagger.gz,
// lemma.gz, parser.gz and ner.gz, each optional; the embedded model stands
// in for a missing file.
func Load(dir string) (*Pipeline, error) {
	t, err := pick(dir, TaggerFile, tag.Load, tag.Default)
	if err != nil {
		return nil, err
	}
	l, err := pick(dir, LemmaFile, lemma.Load, lemma.Default)
	if err != nil {
		return nil, err
	}
	p, err := pick(dir, ParserFile, parse.Load, parse.Default)
	if err != nil {
		return nil, err
	}
	r, err := pick(dir, NERFile, ner.Load, ner.Default)
	if err != nil {
		return nil, err
	}
	return &Pipeline{Tagger: t, Lemmatizer: l, Parser: p, NER: r}, nil
}

// pick loads dir/name when that file exists, else returns the embedded
// model from def.
func pick[T any](dir, name string, load func(io.Reader) (T, error), def func() (T, error)) (T, error) {
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return def()
	}
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Process splits text into sentences and annotates each; the names of the
// text, one document, are then made to agree (see ner.Harmonize). Offsets of
// sentences and tokens are byte offsets into text. It stops with ctx's
// error when ctx is done.
func (p *Pipeline) Process(ctx context.Context, text string) ([]event.Sentence, error) {
	sents := tokenize.Split(text)
	// Stage by stage over the sentences, as Annotate does one by one: the
	// parser parses the sentences together (parse.ParseAll).
	for i := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sents[i].Index = i
		if p.Tagger != nil {
			p.Tagger.Tag(&sents[i])
		}
		if p.Lemmatizer != nil {
			p.Lemmatizer.Lemmatize(&sents[i])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.Parser != nil {
		p.Parser.ParseAll(sents)
	}
	if p.NER != nil {
		for i := range sents {
			p.NER.Tag(&sents[i])
		}
	}
	if d, ok := p.NER.(documentTagger); ok {
		d.Harmonize(sents)
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
