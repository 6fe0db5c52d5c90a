package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/annals/annals/ingest"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

func ingestCommand() *Command {
	c := &Command{
		Name:  "ingest",
		Usage: "[--db FILE | --postgres DSN] [--workers N] [--format text|html|feed|jsonl|csv] INPUT...",
		Short: "code articles from files, folders, feeds, URLs or stdin and store them",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		cf := addCodingFlags(fs)
		format := fs.String("format", "", "input `format` for every input (default: by extension, content type or content)")
		ff := addFetchFlags(fs, "max-bytes", "refuse inputs larger than `N` bytes")
		workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
		batch := fs.Int("batch", 32, "documents saved per transaction")
		inputs, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(inputs) == 0 {
			fs.Usage()
			return ErrUsage
		}
		run, err := newIngestRun(ctx, env, cf, sf, *workers, *batch)
		if err != nil {
			return err
		}
		defer run.store.Close()
		opts := ff.options(env, c)
		opts.Format, opts.Stdin = ingest.Format(*format), env.Stdin
		run.progress.count(ctx, inputs, opts)
		sum, err := run.run(ctx, ingest.Open(ctx, inputs, opts), env.Stderr)
		run.progress.done()
		fmt.Fprintf(env.Stderr, "%d documents stored, %d already stored, %d events (%d new), %d inputs failed, %.1f documents/s\n",
			sum.stored, sum.skipped, sum.mentions, sum.newEvents, sum.failed, sum.rate())
		if err != nil {
			return err
		}
		if sum.failed > 0 {
			return fmt.Errorf("%d inputs failed", sum.failed)
		}
		return nil
	}
	return c
}

// fetchFlags say how articles are read and fetched, shared by the commands
// that read them: ingest, queue submit and watch.
type fetchFlags struct {
	fetch        bool
	allowPrivate bool
	maxBytes     int64
	timeout      time.Duration
}

// addFetchFlags registers --fetch-articles, --allow-private-urls, --timeout
// and the size limit under maxName with help maxHelp (queue submit and
// watch keep --max-bytes for the stream's cap).
func addFetchFlags(fs *flag.FlagSet, maxName, maxHelp string) *fetchFlags {
	ff := &fetchFlags{}
	fs.BoolVar(&ff.fetch, "fetch-articles", false, "fetch the page each feed item links to (public addresses, ports 80 and 443)")
	fs.BoolVar(&ff.allowPrivate, "allow-private-urls", false, "let --fetch-articles follow links to private, loopback and link-local addresses and any port")
	fs.Int64Var(&ff.maxBytes, maxName, ingest.DefaultMaxBytes, maxHelp)
	fs.DurationVar(&ff.timeout, "timeout", 30*time.Second, "HTTP `timeout` per request")
	return ff
}

// options returns the ingest options the flags set; warnings go to
// env.Stderr under the name of command c.
func (ff *fetchFlags) options(env *Env, c *Command) ingest.Options {
	f := &ingest.HTTPFetcher{Timeout: ff.timeout, MaxBytes: ff.maxBytes}
	if ff.allowPrivate {
		f.Allow = ingest.AnyAddress
	}
	return ingest.Options{
		MaxBytes:      ff.maxBytes,
		Fetcher:       f,
		FetchArticles: ff.fetch,
		Warn:          func(in, msg string) { fmt.Fprintf(env.Stderr, "annals %s: %s: %s\n", c.Name, in, msg) },
	}
}

// newIngestRun builds the pipeline of cf and opens the store of sf for
// writing, creating it if need be; the caller closes run.store.
func newIngestRun(ctx context.Context, env *Env, cf *codingFlags, sf *storeFlags, workers, batch int) (*ingestRun, error) {
	p, err := cf.pipeline()
	if err != nil {
		return nil, err
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return nil, err
	}
	return &ingestRun{pipeline: p, store: st, workers: max(workers, 1), batch: max(batch, 1),
		progress: newProgress(env.Stderr)}, nil
}

// ingestRun codes documents on several goroutines and saves them in
// batches, each batch one transaction: a crash loses at most the batch in
// flight, which the next run stores (documents are unique by text).
type ingestRun struct {
	pipeline *pipeline.Pipeline
	store    store.Store
	workers  int
	batch    int
	progress *progress
}

type ingestSummary struct {
	stored, skipped, failed, mentions, newEvents int
	start                                        time.Time
}

func (s *ingestSummary) rate() float64 {
	d := time.Since(s.start).Seconds()
	if d <= 0 {
		return 0
	}
	return float64(s.stored+s.skipped) / d
}

func (r *ingestRun) run(ctx context.Context, items iter.Seq[ingest.Item], stderr io.Writer) (*ingestSummary, error) {
	sum := &ingestSummary{start: time.Now()}
	docs := make(chan ingest.Item)
	coded := make(chan store.Item)
	var failed sync.Mutex
	fail := func(format string, a ...any) {
		failed.Lock()
		sum.failed++
		fmt.Fprintf(stderr, "annals ingest: "+format+"\n", a...)
		failed.Unlock()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(docs)
		for it := range items {
			if it.Err != nil {
				fail("%v", it.Err)
				continue
			}
			select {
			case docs <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range r.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range docs {
				res, err := r.pipeline.Code(ctx, it.Doc)
				if err != nil {
					fail("%s: %v", it.Input, err)
					continue
				}
				select {
				case coded <- store.Item{Doc: it.Doc, Records: res.Records}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(coded) }()

	var pending []store.Item
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		// Saving uses a context of its own: a signal stops reading new
		// documents, but the batch in hand is written whole.
		results, err := r.store.SaveBatch(context.WithoutCancel(ctx), pending)
		if err != nil {
			return fmt.Errorf("saving %d documents: %w", len(pending), err)
		}
		for _, res := range results {
			if res.Skipped {
				sum.skipped++
				continue
			}
			sum.stored++
			sum.mentions += res.Mentions
			sum.newEvents += res.NewEvents
		}
		pending = pending[:0]
		r.progress.update(sum)
		return nil
	}
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case it, ok := <-coded:
			if !ok {
				if err := flush(); err != nil {
					return sum, err
				}
				return sum, ctx.Err()
			}
			pending = append(pending, it)
			if len(pending) >= r.batch {
				if err := flush(); err != nil {
					cancel()
					return sum, err
				}
			}
		case <-tick.C:
			if err := flush(); err != nil {
				cancel()
				return sum, err
			}
		}
	}
}

// progress draws a one-line progress report on a terminal, and nothing
// elsewhere (the summary line says it all there).
type progress struct {
	w     io.Writer
	tty   bool
	last  time.Time
	total atomic.Int64 // documents in the inputs, once counted; 0 before
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// count counts the documents of local inputs in the background, for the
// ETA; on a terminal only, and never fetching (standard input and URLs
// are left uncounted, and so the ETA with them).
func (p *progress) count(ctx context.Context, inputs []string, opts ingest.Options) {
	if !p.tty {
		return
	}
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return
		}
	}
	opts.Fetcher, opts.FetchArticles, opts.Warn = nil, false, nil
	go func() {
		n := int64(0)
		for it := range ingest.Open(ctx, inputs, opts) {
			if it.Err == nil {
				n++
			}
		}
		p.total.Store(n)
	}()
}

func (p *progress) update(s *ingestSummary) {
	if !p.tty || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	eta := ""
	if total, done := p.total.Load(), int64(s.stored+s.skipped); total > 0 && done > 0 && s.rate() > 0 {
		left := max(total-done, 0)
		eta = fmt.Sprintf(", %d of %d, ETA %s", done, total, time.Duration(float64(left)/s.rate()*float64(time.Second)).Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r%d documents (%d already stored), %d events, %.1f documents/s%s   ",
		s.stored, s.skipped, s.mentions, s.rate(), eta)
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}
