package ud

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
)

// Annotator is the system under evaluation; the nlp pipeline is one.
type Annotator interface {
	// Annotate fills the annotations of an already tokenized sentence.
	Annotate(s *event.Sentence)
	// Process tokenizes and annotates raw text.
	Process(ctx context.Context, text string) ([]event.Sentence, error)
}

// EvaluateFile scores a on the CoNLL-U file at path: from its gold tokens,
// or with raw from the file's text (see RawText).
func EvaluateFile(ctx context.Context, path string, a Annotator, raw bool) (Scores, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Scores{}, err
	}
	gold, err := conllu.ReadAll(bytes.NewReader(data), path)
	if err != nil {
		return Scores{}, err
	}
	if raw {
		par, err := Paragraphs(bytes.NewReader(data))
		if err != nil {
			return Scores{}, fmt.Errorf("%s: %w", path, err)
		}
		text, starts := RawText(gold, par)
		sys, err := a.Process(ctx, text)
		if err != nil {
			return Scores{}, fmt.Errorf("%s: %w", path, err)
		}
		return Raw(gold, starts, text, sys)
	}
	sys := make([]*event.Sentence, len(gold))
	for i, g := range gold {
		if err := ctx.Err(); err != nil {
			return Scores{}, err
		}
		s := *g
		s.Tokens = make([]event.Token, len(g.Tokens))
		for k, t := range g.Tokens {
			s.Tokens[k] = event.Token{ID: t.ID, Text: t.Text, Head: -1, Start: t.Start, End: t.End}
		}
		a.Annotate(&s)
		sys[i] = &s
	}
	return Gold(gold, sys)
}
