package cli

import (
	"context"
	"fmt"

	"github.com/annals/annals/eval/extract"
)

// evalExtract runs "annals eval extract": HTML main-text extraction against
// Readability-style test pages; the worst pages first, the figures last.
func evalExtract(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval extract", Usage: "--pages DIR [--worst N]",
		Short: "score HTML article extraction on page folders (source.html, expected.html, expected-metadata.json)"}
	fs := newFlags(env, c)
	dir := fs.String("pages", "", "`folder` of page folders, as Mozilla Readability's test/test-pages")
	worst := fs.Int("worst", 10, "list the `N` pages of lowest word F1")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
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
