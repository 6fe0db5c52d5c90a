package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annals/annals/coder"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/eval/petrarch"
)

// evalPetrarch runs "annals eval petrarch": the coder on PETRARCH
// validation records, from the parses in the file.
func evalPetrarch(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval petrarch", Usage: "--records FILE.xml [--dicts DIR] [--verbs F --actors F,F --agents F --discards F] [--show-fails]",
		Short: "score the coder on PETRARCH validation records"}
	fs := newFlags(env, c)
	records := fs.String("records", "", "validation records `FILE` (XML)")
	dir := fs.String("dicts", "", "`DIR` holding the dictionaries; default: the records file's folder")
	verbs := fs.String("verbs", "", "verb dictionary `FILE`; default: the file's <Verbfile>")
	actors := fs.String("actors", "", "comma-separated actor dictionary `FILES`; default: <Actorfile>")
	agents := fs.String("agents", "", "agent dictionary `FILE`; default: <Agentfile>")
	discards := fs.String("discards", "", "discard dictionary `FILE`; default: <Discardfile>")
	ontology := fs.String("ontology", "", "PICO ontology `FILE` for negation; default: <PICOfile>")
	showFails := fs.Bool("show-fails", false, "list the failing records with expected and found events")
	reparse := fs.Bool("reparse", false, "ignore the records' parses: analyse their text with annals' own language layer")
	models := fs.String("models", "", "with --reparse: `DIR` of language models replacing the embedded ones")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *records == "" {
		fs.Usage()
		return ErrUsage
	}
	f, err := readFile(*records, petrarch.Read)
	if err != nil {
		return err
	}
	for _, e := range f.Errs {
		fmt.Fprintln(env.Stderr, "warning:", e)
	}
	if *dir == "" {
		*dir = filepath.Dir(*records)
	}
	pick := func(flagVal, envVal string) []string {
		v := flagVal
		if v == "" {
			v = envVal
		}
		if v == "" {
			return nil
		}
		return strings.Split(v, ",")
	}
	files := dict.Files{Dir: *dir, Verbs: pick(*verbs, f.Env.Verbs), Actors: pick(*actors, f.Env.Actors),
		Agents: pick(*agents, f.Env.Agents), Discards: pick(*discards, f.Env.Discards)}
	if o := pick(*ontology, f.Env.Ontology); len(o) > 0 {
		files.Ontology = o[0]
	}
	if len(files.Verbs) == 0 || len(files.Actors) == 0 {
		return errors.New("no verb or actor dictionary: the records file names none; give --verbs and --actors")
	}
	set, err := dict.Load(files)
	if err != nil {
		if set == nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "warning: some dictionary lines were skipped:\n%v\n", err)
	}
	parser := petrarch.FromParse
	if *reparse {
		analyzer, err := loadPipeline(*models)
		if err != nil {
			return err
		}
		parser = petrarch.Reparse(ctx, analyzer)
	}
	res := petrarch.Score(f, coder.New(set, coder.Options{}), parser, f.Env.Include)
	for _, e := range res.Errors {
		fmt.Fprintln(env.Stderr, "warning:", e)
	}
	cats := make([]string, 0, len(res.ByCategory))
	for k := range res.ByCategory {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	fmt.Fprintf(env.Stdout, "%-10s %6s %6s\n", "category", "passed", "of")
	for _, k := range cats {
		v := res.ByCategory[k]
		fmt.Fprintf(env.Stdout, "%-10s %6d %6d\n", k, v[0], v[1])
	}
	if *showFails {
		for _, fl := range res.Fails {
			fmt.Fprintf(env.Stdout, "FAIL %s (%s, line %d): %s\n  expected: %s\n  found:    %s\n",
				fl.Record.ID, fl.Record.Category, fl.Record.Line, fl.Record.Text,
				tripleList(fl.Record.Expected), tripleList(fl.Found))
		}
	}
	fmt.Fprintf(env.Stdout, "records=%d passed=%d pass_rate=%.3f precision=%.3f recall=%.3f f1=%.3f\n",
		res.Records, res.Passed, res.PassRate(), res.Precision(), res.Recall(), res.F1())
	return nil
}

func tripleList(ts []petrarch.Triple) string {
	if len(ts) == 0 {
		return "(none)"
	}
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, " ; ")
}
