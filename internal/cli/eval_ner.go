package cli

import (
	"context"

	evalner "github.com/annals/annals/eval/ner"
	"github.com/annals/annals/nlp/ner"
	"github.com/annals/annals/nlp/tag"
)

// evalNER scores the named-entity recognizer on an annotated file.
func evalNER(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval ner", Usage: "--file FILE [--model FILE] [--documents=false]",
		Short: "score the named-entity recognizer: PER/ORG/LOC exact-span precision, recall, F1"}
	fs := newFlags(env, c)
	file := fs.String("file", "", "annotated file: UNER/WNUT/CoNLL-2003 columns or CoNLL-U with GUM entities")
	model := fs.String("model", "", "model file replacing the embedded one")
	docs := fs.Bool("documents", true, "make names agree within each document (sentence ids DOC-N), as the pipeline does within an article")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *file == "" {
		fs.Usage()
		return ErrUsage
	}
	r, err := ner.Default()
	if *model != "" {
		r, err = ner.LoadFile(*model)
	}
	if err != nil {
		return err
	}
	tagger, err := tag.Default()
	if err != nil {
		return err
	}
	gold, err := ner.ReadFile(*file)
	if err != nil {
		return err
	}
	// The file's own tokens, tagged as the pipeline tags them.
	tagAll(tagger, gold)
	if err := ctx.Err(); err != nil {
		return err
	}
	var t evalner.Tagger = r
	if !*docs {
		t = evalner.SentenceLevel{Tagger: r}
	}
	return evalner.Evaluate(t, gold).Report(env.Stdout)
}
