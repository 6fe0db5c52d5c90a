package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/annals/annals/eval/police"
	"github.com/annals/annals/event"
)

// evalPolice runs "annals eval police": annals' whole pipeline on the
// articles of IndiaPoliceEvents, scored per labelled sentence.
func evalPolice(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval police", Usage: "[--data DIR] [--show-misses]",
		Short: "score annals' police arrests and killings on IndiaPoliceEvents' labelled sentences"}
	fs := newFlags(env, c)
	data := fs.String("data", "../shared/news/labeled/india_police_events", "`DIR` holding docs.jsonl, sents.jsonl and metadata.jsonl")
	showMisses := fs.Bool("show-misses", false, "list each missed and each falsely answered sentence with its events")
	cf := addCodingFlags(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := readPolice(*data)
	if err != nil {
		return err
	}
	p, err := cf.pipeline()
	if err != nil {
		return err
	}
	// The articles are coded in parallel and scored in order.
	recs := make([][]event.Record, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := &docs[i]
				doc := &event.Document{ID: fmt.Sprintf("ipe-%d", d.ID), Text: d.Text}
				if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
					doc.Published = t
				}
				out, err := p.Code(ctx, doc)
				if err != nil {
					errs[i] = fmt.Errorf("article %d: %w", d.ID, err)
					continue
				}
				recs[i] = out.Records
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	res := police.NewResult()
	for i := range docs {
		if errs[i] != nil {
			return errs[i]
		}
		res.Add(&docs[i], recs[i])
	}
	printPolice(env.Stdout, res, *showMisses)
	return nil
}

// readPolice reads the corpus's three files in dir.
func readPolice(dir string) ([]police.Doc, error) {
	var fs [3]*os.File
	for i, name := range []string{"docs.jsonl", "sents.jsonl", "metadata.jsonl"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fs[i] = f
	}
	docs, err := police.Read(fs[0], fs[1], fs[2])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return docs, nil
}

// printPolice prints the misses and false answers (when asked), a line a
// question, and a last line of figures.
func printPolice(w io.Writer, res *police.Result, showMisses bool) {
	if showMisses {
		for _, kind := range []struct {
			name  string
			marks []police.Mark
		}{{"MISS", res.Misses}, {"FALSE", res.False}} {
			for _, m := range kind.marks {
				var evs []string
				for _, r := range m.Records {
					evs = append(evs, fmt.Sprintf("%s %s %s (%s)", actorCode(r.Source), r.Code, actorCode(r.Target), r.Evidence.Verb))
				}
				fmt.Fprintf(w, "%s %s doc %d: %s\n  events: %s\n", kind.name, m.Label, m.Doc,
					strings.Join(strings.Fields(m.Text), " "), strings.Join(evs, "; "))
			}
		}
	}
	fmt.Fprintf(w, "%-8s %5s %6s %5s %9s %7s %6s\n", "question", "gold", "found", "right", "precision", "recall", "f1")
	var last []string
	for _, q := range police.Questions {
		c := res.Scores[q.Label]
		fmt.Fprintf(w, "%-8s %5d %6d %5d %9.3f %7.3f %6.3f\n", q.Label, c.Want, c.Found, c.TP, c.Precision(), c.Recall(), c.F1())
		last = append(last, fmt.Sprintf("%s_f1=%.3f", strings.ToLower(q.Label), c.F1()))
	}
	fmt.Fprintf(w, "sentences=%d %s\n", res.Sentences, strings.Join(last, " "))
}
