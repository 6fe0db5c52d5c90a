package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/export"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

// codingFlags are the flags of every command that codes articles.
type codingFlags struct {
	dicts, models, gazetteer string
	statements               bool
}

func addCodingFlags(fs *flag.FlagSet) *codingFlags {
	cf := &codingFlags{}
	fs.StringVar(&cf.dicts, "dicts", "", "dictionary `DIR` (annals or PETRARCH format) replacing the embedded dictionaries")
	fs.StringVar(&cf.models, "models", "", "`DIR` of language models replacing the embedded ones")
	fs.StringVar(&cf.gazetteer, "gazetteer", "", "gazetteer index `FILE` (annals gazetteer build); default: the user cache's, else the embedded one")
	fs.BoolVar(&cf.statements, "statements", false, "also code plain statements (\"said\", \"told\": CAMEO 010-013) as events, as GDELT does")
	return cf
}

// pipeline loads the models, dictionaries and gazetteer once.
func (cf *codingFlags) pipeline() (*pipeline.Pipeline, error) {
	analyzer, err := loadPipeline(cf.models)
	if err != nil {
		return nil, err
	}
	var set *dict.Set
	if cf.dicts != "" {
		set, err = dict.LoadDir(cf.dicts)
	} else {
		set, err = dict.Default()
	}
	if set == nil {
		return nil, err
	}
	gaz, err := loadGazetteer(cf.gazetteer)
	if err != nil {
		return nil, err
	}
	return pipeline.New(pipeline.Options{Analyzer: analyzer, Dicts: set, Gazetteer: gaz, Statements: cf.statements})
}

// loadGazetteer opens path, else the user cache's index, else the
// embedded one.
func loadGazetteer(path string) (*geo.Gazetteer, error) {
	if path != "" {
		return geo.Load(path)
	}
	if p, err := geo.CachePath(); err == nil {
		if g, err := geo.Load(p); err == nil {
			return g, nil
		}
	}
	return geo.Default()
}

func codeCommand() *Command {
	c := &Command{
		Name:  "code",
		Usage: "[--published DATE] [--format jsonl|tsv|gdelt|table] [--wide] [--dicts DIR] [FILE|URL|-]...",
		Short: "code articles into event records (the main job)",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		pf := addPublishedFlag(fs)
		format := fs.String("format", "jsonl", "output `format`: jsonl, tsv, gdelt (GDELT 2.0 Events columns) or table")
		wide := fs.Bool("wide", false, "with --format table: more columns (quad class, PLOVER, country, sentence, verb), no field cut short")
		cf := addCodingFlags(fs)
		inputs, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(inputs) == 0 {
			inputs = []string{"-"}
		}
		out, err := newRecordWriter(env.Stdout, *format, *wide)
		if err != nil {
			return err
		}
		p, err := cf.pipeline()
		if err != nil {
			return err
		}
		opts := ingest.Options{
			Fetcher: &ingest.HTTPFetcher{Timeout: 30 * time.Second},
			Stdin:   env.Stdin,
			Warn:    func(in, msg string) { fmt.Fprintf(env.Stderr, "annals code: %s: %s\n", in, msg) },
		}
		failed := 0
		for it := range pf.items(ingest.Open(ctx, inputs, opts)) {
			if it.Err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "annals code: %v\n", it.Err)
				continue
			}
			doc := it.Doc
			res, err := p.Code(ctx, doc)
			if err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "annals code: %s: %v\n", it.Input, err)
				continue
			}
			for _, r := range res.Records {
				if err := out.write(it.Input, doc, r); err != nil {
					return err
				}
			}
		}
		if err := out.flush(); err != nil {
			return err
		}
		pf.warn(env.Stderr, c.Name)
		if failed > 0 {
			return fmt.Errorf("%d inputs failed", failed)
		}
		return ctx.Err()
	}
	return c
}

// recordWriter writes records in one output format; input is what the
// document was read from (ingest.Item.Input).
type recordWriter struct {
	write func(input string, doc *event.Document, r event.Record) error
	flush func() error
}

func newRecordWriter(w io.Writer, format string, wide bool) (*recordWriter, error) {
	switch format {
	case "jsonl":
		j := export.NewJSONLWriter(w)
		return &recordWriter{write: func(_ string, _ *event.Document, r event.Record) error { return j.Write(r) }, flush: j.Flush}, nil
	case "table":
		t := newEventTable(w, wide)
		return &recordWriter{write: t.write, flush: t.flush}, nil
	case "tsv":
		fmt.Fprintln(w, "date\tsource\tcode\ttarget\tlocation\tmode\tverb\tsentence")
		return &recordWriter{
			write: func(_ string, _ *event.Document, r event.Record) error {
				_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", orDash(r.Date), actorCode(r.Source), r.Code,
					actorCode(r.Target), placeName(r.Location), r.Mode, oneField(r.Evidence.Verb), r.Sentence.Index)
				return err
			},
			flush: func() error { return nil },
		}, nil
	case "gdelt":
		gw := export.NewWriter(w, export.Events)
		id := int64(0)
		now := time.Now().UTC()
		return &recordWriter{
			write: func(_ string, doc *event.Document, r event.Record) error {
				id++
				day, last, err := store.EventPeriod(&r, doc)
				if err != nil {
					return err
				}
				ev := store.Event{ID: id, Record: r, Date: store.DayTime(day), Last: store.DayTime(last), NumMentions: 1, NumSources: 1, NumArticles: 1,
					FirstSeen: now, LastSeen: now, SourceURL: doc.URL, IsRootEvent: store.IsLead(r.Sentence.Index),
					Confidence: store.Confidence(&r)}
				return gw.Write(export.EventRow(ev))
			},
			flush: gw.Flush,
		}, nil
	}
	return nil, errors.New("--format: want jsonl, tsv, gdelt or table")
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

func placeName(l *event.Location) string {
	if l == nil {
		return "-"
	}
	return l.Name
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneField(s string) string { return strings.Join(strings.Fields(s), " ") }
