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
	"sync/atomic"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/ingest"
)

func ingestCommand() *Command {
	c := &Command{
		Name:  "ingest",
		Usage: "[--db FILE | --postgres DSN] [--workers N] [--published DATE] [--format text|html|feed|jsonl|csv] INPUT...",
		Short: "code articles from files, folders, feeds, URLs or stdin and store them",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		cf := addCodingFlags(fs)
		pf := addPublishedFlag(fs)
		format := fs.String("format", "", "input `format` for every input (default: by extension, content type or content)")
		ff := addFetchFlags(fs, "max-bytes", "refuse inputs larger than `N` bytes")
		var opt codestore.Options
		fs.IntVar(&opt.Workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
		fs.IntVar(&opt.Batch, "batch", 32, "documents saved per transaction")
		inputs, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(inputs) == 0 {
			fs.Usage()
			return ErrUsage
		}
		opts := ff.options(env, c)
		opts.Format, opts.Stdin = ingest.Format(*format), env.Stdin
		prog := newProgress(env.Stderr)
		prog.count(ctx, inputs, opts)
		sum, err := codeAndStore(ctx, env, c, cf, sf, pf, ingest.Open(ctx, inputs, opts), opt, prog)
		if err != nil {
			return err
		}
		if sum.Failed > 0 {
			return fmt.Errorf("%d documents failed", sum.Failed)
		}
		return nil
	}
	return c
}

// codeAndStore codes the documents of items with the pipeline of cf and
// saves them into the store of sf, dated by pf. It prints, under the name
// of command c, each failure, progress on a terminal, how many inputs had
// no date and the summary line.
func codeAndStore(ctx context.Context, env *Env, c *Command, cf *codingFlags, sf *storeFlags, pf *publishedFlag,
	items iter.Seq[ingest.Item], opt codestore.Options, prog *progress) (codestore.Summary, error) {
	p, err := cf.pipeline()
	if err != nil {
		return codestore.Summary{}, err
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return codestore.Summary{}, err
	}
	defer st.Close()
	boundHeap()
	opt.Failed = func(err error) { fmt.Fprintf(env.Stderr, "annals %s: %v\n", c.Name, err) }
	opt.Progress = prog.update
	prog.start = time.Now() // the rate leaves out loading the models
	sum, err := codestore.New(codestore.PipelineCoder(p), st, opt).Run(ctx, pf.items(items))
	prog.done()
	pf.warn(env.Stderr, c.Name)
	fmt.Fprintf(env.Stderr, "%s (%.1f documents/s)\n", sum, prog.rate(sum))
	return sum, err
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

// progress draws a one-line progress report on a terminal, and nothing
// elsewhere (the summary line says it all there).
type progress struct {
	w     io.Writer
	tty   bool
	start time.Time
	last  time.Time
	total atomic.Int64 // documents in the inputs, once counted; 0 before
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
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

// rate is how many documents a second the run has stored or skipped.
func (p *progress) rate(s codestore.Summary) float64 {
	d := time.Since(p.start).Seconds()
	if d <= 0 {
		return 0
	}
	return float64(s.Stored+s.Skipped) / d
}

func (p *progress) update(s codestore.Summary) {
	if !p.tty || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	eta := ""
	if total, done := p.total.Load(), int64(s.Stored+s.Skipped); total > 0 && done > 0 && p.rate(s) > 0 {
		left := max(total-done, 0)
		eta = fmt.Sprintf(", %d of %d, ETA %s", done, total, time.Duration(float64(left)/p.rate(s)*float64(time.Second)).Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r%d documents stored (%d already), %d failed, %d mentions, %.1f documents/s%s   ",
		s.Stored, s.Skipped, s.Failed, s.Mentions, p.rate(s), eta)
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}
