package cli

import (
	"context"
	"fmt"

	"github.com/annals/annals/eval/ud"
)

// evalUD scores the language layer on a UD CoNLL-U file.
func evalUD(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval ud", Usage: "--conllu FILE [--raw] [--models DIR]",
		Short: "score tagging, lemmas and parsing against a UD treebank (CoNLL 2018 metrics)"}
	fs := newFlags(env, c)
	file := fs.String("conllu", "", "gold CoNLL-U file")
	raw := fs.Bool("raw", false, "start from the file's raw text: annals tokenizes and splits sentences")
	models := fs.String("models", "", "directory of model files replacing the embedded ones")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *file == "" {
		fs.Usage()
		return ErrUsage
	}
	p, err := loadPipeline(*models)
	if err != nil {
		return err
	}
	s, err := ud.EvaluateFile(ctx, *file, p, *raw)
	if err != nil {
		return err
	}
	if *raw {
		fmt.Fprintf(env.Stdout, "tokens f1=%.4f sentences f1=%.4f\n", s.Tokens.F1(), s.Sentences.F1())
	}
	fmt.Fprintln(env.Stdout, s)
	return nil
}
