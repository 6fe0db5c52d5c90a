package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/queue"
)

func watchCommand() *Command {
	c := &Command{
		Name:  "watch",
		Usage: "[--nats URL | --state FILE --db FILE | --postgres DSN] [--interval D] [--published DATE] FEED...",
		Short: "poll feeds and queue (--nats) or code and store their new items, until stopped",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		qf := addQueueFlags(fs)
		sf := addStoreFlags(fs)
		cf := addCodingFlags(fs)
		pf := addPublishedFlag(fs)
		statePath := fs.String("state", "annals-watch.json", "without --nats: the `file` that remembers seen items and feed validators")
		interval := fs.Duration("interval", 5*time.Minute, "time between polls (0: poll once)")
		ff := addFetchFlags(fs, "max-input-bytes", "refuse feeds and pages larger than `N` bytes")
		name := fs.String("name", "", "watcher `name` recorded in the feed leases (default host-pid)")
		feeds, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(feeds) == 0 {
			fs.Usage()
			return ErrUsage
		}
		opts := ff.options(env, c)
		w := ingest.Watcher{Feeds: feeds, Interval: *interval, Fetcher: opts.Fetcher, Options: opts}
		if flagSet(fs, "nats") || os.Getenv("ANNALS_NATS") != "" {
			return watchCluster(ctx, env, qf, w, pf, *name)
		}
		if w.State, err = ingest.OpenFileState(*statePath); err != nil {
			return err
		}
		items, wait := watchItems(ctx, &w)
		_, err = codeAndStore(ctx, env, c, cf, sf, pf, items, codestore.Options{}, newProgress(env.Stderr))
		return errors.Join(ignoreCancel(err), wait())
	}
	return c
}

// watchItems runs w and yields what it emits; wait returns w's error once
// the sequence has ended.
func watchItems(ctx context.Context, w *ingest.Watcher) (items iter.Seq[ingest.Item], wait func() error) {
	ch := make(chan ingest.Item)
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		errc <- w.Run(ctx, func(ctx context.Context, it ingest.Item) error {
			select {
			case ch <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	return func(yield func(ingest.Item) bool) {
			for it := range ch {
				if !yield(it) {
					return
				}
			}
		}, func() error {
			return ignoreCancel(<-errc)
		}
}

// watchCluster polls under leases in the cluster's bucket and queues the
// new items.
func watchCluster(ctx context.Context, env *Env, qf *queueFlags, w ingest.Watcher, pf *publishedFlag, name string) error {
	nc, js, err := qf.connect("annals watch")
	if err != nil {
		return err
	}
	defer nc.Close()
	if err := queue.Ensure(ctx, js, qf.cfg); err != nil {
		return err
	}
	kv, err := js.KeyValue(ctx, qf.cfg.WatchBucket())
	if err != nil {
		return fmt.Errorf("bucket %s: %w", qf.cfg.WatchBucket(), err)
	}
	if name == "" {
		host, _ := os.Hostname()
		name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	pub := queue.NewPublisher(nc, js, qf.cfg)
	cw := &queue.ClusterWatcher{Watcher: w, KV: kv, Name: name}
	var queued, dups, failed int
	err = cw.Run(ctx, func(ctx context.Context, it ingest.Item) error {
		if it.Doc != nil {
			pf.set(it.Doc)
		}
		dup, err := pub.Submit(ctx, it)
		switch {
		case errors.Is(err, queue.ErrStreamFull):
			return err // stop: nothing can be queued; the item stays unseen
		case it.Err != nil, errors.Is(err, queue.ErrTooLarge):
			failed++ // a feed that failed, or an item that can never be queued: go on
			fmt.Fprintf(env.Stderr, "annals watch: %v\n", err)
			return nil
		case err != nil:
			return err // NATS unavailable after retries: stop before marking the item seen
		case dup:
			dups++
		default:
			queued++
		}
		return nil
	})
	pf.warn(env.Stderr, "watch")
	fmt.Fprintf(env.Stderr, "%d documents queued, %d already queued, %d failed\n", queued, dups, failed)
	return ignoreCancel(err)
}

// flagSet reports whether the command line set the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func ignoreCancel(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
