package cli

import (
	"context"
	"fmt"

	"github.com/annals/annals/eval/quotes"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/nlp/ner"
)

// evalQuotes runs "annals eval quotes": quote, speaker and content finding
// against PolNeAR's attributions.
func evalQuotes(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval quotes", Usage: "--polnear DIR [--split dev] [--models DIR] [--tokens-only] [--show-misses]",
		Short: "score quote speakers and content spans on PolNeAR (dev split by default)"}
	fs := newFlags(env, c)
	dir := fs.String("polnear", "", "PolNeAR folder (the repository root or its data folder)")
	split := fs.String("split", "dev", "split to score: dev, or test once for a final figure (never train on it)")
	models := fs.String("models", "", "folder of language models to use instead of the embedded ones")
	tokensOnly := fs.Bool("tokens-only", false, "tokenize only: no tagger, parser or recognizer")
	showMisses := fs.Bool("show-misses", false, "print each found quote whose speaker is wrong, for a cause count")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fs.Usage()
		return ErrUsage
	}
	arts, err := quotes.Read(*dir, *split)
	if err != nil {
		return err
	}
	var p *nlp.Pipeline
	if !*tokensOnly {
		if *models != "" {
			p, err = nlp.Load(*models)
		} else {
			p, err = nlp.Default()
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "annals eval quotes: no language models (%v); scoring on tokens only\n", err)
			p = nil
		} else if r, err := ner.Default(); err != nil {
			fmt.Fprintf(env.Stderr, "annals eval quotes: no entity recognizer (%v); names from capitals\n", err)
		} else {
			p.NER = r
		}
	}
	r, err := quotes.Evaluate(ctx, p, arts)
	if err != nil {
		return err
	}
	if *showMisses {
		for _, m := range r.Misses {
			fmt.Fprintln(env.Stdout, m)
		}
	}
	fmt.Fprintf(env.Stdout, "articles=%d attributions_with_source=%d found=%d speaker_ok=%d content_precision=%.3f content_recall=%.3f\n",
		len(arts), r.WithSource, r.Found, r.SpeakerOK, r.Precision(), r.Recall())
	fmt.Fprintln(env.Stdout, r.String())
	return nil
}
