package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/nlp"
)

func parseCommand() *Command {
	c := &Command{
		Name:  "parse",
		Usage: "[--models DIR] [FILE|-]",
		Short: "tokenize, tag, lemmatize and parse text; CoNLL-U out",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		models := fs.String("models", "", "directory of model files replacing the embedded ones")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		name := "-"
		switch len(pos) {
		case 0:
		case 1:
			name = pos[0]
		default:
			fs.Usage()
			return ErrUsage
		}
		p, err := loadPipeline(*models)
		if err != nil {
			return err
		}
		in, err := openInput(env, name)
		if err != nil {
			return err
		}
		text, err := io.ReadAll(in)
		in.Close()
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		sents, err := p.Process(ctx, string(text))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for i := range sents {
			if err := conllu.Write(env.Stdout, &sents[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// loadPipeline returns the language pipeline with the embedded models, or
// with those of dir when it is not empty.
func loadPipeline(dir string) (*nlp.Pipeline, error) {
	if dir == "" {
		return nlp.Default()
	}
	return nlp.Load(dir)
}
