package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/annals/annals/eval/extract"
)

// evalExtract runs "annals eval extract": HTML main-text extraction against
// Readability-style test pages, or against Zyte's article-extraction
// benchmark scored as its evaluate.py does; the worst pages first, the
// figures last.
func evalExtract(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval extract", Usage: "{--pages DIR | --benchmark DIR [--predictions FILE]} [--worst N]",
		Short: "score HTML article extraction on page folders (source.html, expected.html, expected-metadata.json) or on the article-extraction benchmark (ground-truth.json, html/*.html.gz)"}
	fs := newFlags(env, c)
	dir := fs.String("pages", "", "`folder` of page folders, as Mozilla Readability's test/test-pages")
	bench := fs.String("benchmark", "", "`folder` of scrapinghub/article-extraction-benchmark, scored by its shingle F1")
	preds := fs.String("predictions", "", "with --benchmark, score this `file` of another extractor's output (the benchmark's output/*.json format) instead of annals")
	worst := fs.Int("worst", 10, "list the `N` pages of lowest F1")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *bench != "" && *dir == "":
		return evalExtractBenchmark(ctx, env, *bench, *preds, *worst)
	case *dir == "" || *preds != "":
		fs.Usage()
		return ErrUsage
	}
	s, err := extract.Evaluate(ctx, *dir)
	if err != nil {
		return err
	}
	for _, p := range s.Worst(*worst) {
		fmt.Fprintf(env.Stdout, "%-40s precision=%.3f recall=%.3f f1=%.3f\n", p.Name, p.Precision, p.Recall, p.F1())
	}
	fmt.Fprintln(env.Stdout, s)
	return nil
}

func evalExtractBenchmark(ctx context.Context, env *Env, dir, preds string, worst int) error {
	pages, err := extract.LoadBenchmark(dir)
	if err != nil {
		return err
	}
	var s *extract.BenchScore
	if preds != "" {
		got, err := extract.ReadPredictions(preds)
		if err != nil {
			return err
		}
		s, err = extract.ScorePredictions(pages, got)
		if err != nil {
			return fmt.Errorf("%s: %w", preds, err)
		}
	} else if s, err = extract.RunBenchmark(ctx, pages); err != nil {
		return err
	}
	for _, r := range s.Worst(worst) {
		fmt.Fprintf(env.Stdout, "%s tp=%.3f fp=%.3f fn=%.3f %q\n", r.ID[:min(12, len(r.ID))], r.Match.TP, r.Match.FP, r.Match.FN, clip(r.Got, 60))
	}
	if t := s.Timing(); t != "" {
		fmt.Fprintln(env.Stdout, "timing:", t)
	}
	fmt.Fprintln(env.Stdout, s)
	return nil
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
