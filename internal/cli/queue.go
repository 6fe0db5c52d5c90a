package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/ingest"
	"github.com/annals/annals/queue"
)

func queueCommand() *Command {
	return &Command{
		Name:  "queue",
		Usage: "{submit|status|dead} --nats URL [flags]",
		Short: "put documents on the cluster's work queue, and see its state and dead letters",
		Run: func(ctx context.Context, env *Env, args []string) error {
			return subcommand(ctx, env, "queue", map[string]func(context.Context, *Env, []string) error{
				"submit": queueSubmit,
				"status": queueStatus,
				"dead":   queueDead,
			}, args)
		},
	}
}

// queueFlags name the NATS servers and the stream of a cluster, shared by
// every command that uses the queue.
type queueFlags struct {
	url envFlag
	cfg queue.Config
}

func addQueueFlags(fs *flag.FlagSet) *queueFlags {
	qf := &queueFlags{url: envFlag{env: "ANNALS_NATS", fallback: nats.DefaultURL}}
	fs.Var(&qf.url, "nats", "NATS server `URL`s, comma-separated (default: $ANNALS_NATS, else "+nats.DefaultURL+")")
	fs.StringVar(&qf.cfg.Stream, "stream", queue.DefaultStream, "JetStream work stream `name`")
	fs.StringVar(&qf.cfg.Subject, "subject", queue.DefaultSubject, "`subject` documents are published on")
	fs.StringVar(&qf.cfg.Consumer, "consumer", queue.DefaultConsumer, "durable consumer `name` the workers share")
	fs.IntVar(&qf.cfg.Replicas, "replicas", 1, "stream `replicas` in a NATS cluster (1, 3 or 5)")
	return qf
}

// connect connects to NATS; the caller closes the connection.
func (qf *queueFlags) connect(name string) (*nats.Conn, jetstream.JetStream, error) {
	return queue.Connect(qf.url.Value(), name)
}

func queueSubmit(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "queue submit", Usage: "--nats URL [--stream NAME] [--max-bytes N [--wait]] [--published DATE] [--format F] INPUT...",
		Short: "publish one message per document of the inputs (as annals ingest reads them) to the work stream"}
	fs := newFlags(env, c)
	qf := addQueueFlags(fs)
	fs.Int64Var(&qf.cfg.MaxBytes, "max-bytes", 0, "cap the work stream's storage at `N` bytes; a full stream refuses documents (0: no cap)")
	fs.DurationVar(&qf.cfg.Duplicates, "dup-window", 2*time.Minute, "a document published again within this `duration` is queued once")
	pf := addPublishedFlag(fs)
	wait := fs.Bool("wait", false, "when the stream is full, wait for workers to make room instead of stopping (for backfills larger than --max-bytes)")
	format := fs.String("format", "", "input `format` for every input (default: by extension, content type or content)")
	ff := addFetchFlags(fs, "max-input-bytes", "refuse inputs larger than `N` bytes")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return ErrUsage
	}
	nc, js, err := qf.connect("annals queue submit")
	if err != nil {
		return err
	}
	defer nc.Close()
	if err := queue.Ensure(ctx, js, qf.cfg); err != nil {
		return err
	}
	pub := queue.NewPublisher(nc, js, qf.cfg)
	pub.WaitWhenFull = *wait
	opts := ff.options(env, c)
	opts.Format, opts.Stdin = ingest.Format(*format), env.Stdin
	var queued, dups, failed int
	start := time.Now()
	for it := range pf.items(ingest.Open(ctx, inputs, opts)) {
		dup, err := pub.Submit(ctx, it)
		switch {
		case errors.Is(err, queue.ErrStreamFull):
			return fmt.Errorf("%w (%d documents queued before)", err, queued)
		case err != nil:
			failed++
			fmt.Fprintf(env.Stderr, "annals queue submit: %v\n", err)
		case dup:
			dups++
		default:
			queued++
		}
	}
	pf.warn(env.Stderr, c.Name)
	fmt.Fprintf(env.Stderr, "%d documents queued, %d already queued, %d inputs failed, %.1f documents/s\n",
		queued, dups, failed, float64(queued+dups)/time.Since(start).Seconds())
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d inputs failed", failed)
	}
	return nil
}

func queueStatus(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "queue status", Usage: "--nats URL [--stream NAME]",
		Short: "print the work stream's and the workers' state; the last line is pending=N inflight=N redelivered=N dead=N workers=N"}
	fs := newFlags(env, c)
	qf := addQueueFlags(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	nc, js, err := qf.connect("annals queue status")
	if err != nil {
		return err
	}
	defer nc.Close()
	st, err := queue.GetStatus(ctx, js, qf.cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "stream %s: %d messages, %d bytes, sequences %d-%d\n", qf.cfg.Stream,
		st.Stream.Msgs, st.Stream.Bytes, st.Stream.FirstSeq, st.Stream.LastSeq)
	if ci := st.Consumer; ci != nil {
		fmt.Fprintf(env.Stdout, "consumer %s: %d undelivered, %d unacknowledged, %d redelivered, %d waiting pulls, last delivered %d\n",
			ci.Name, ci.NumPending, ci.NumAckPending, ci.NumRedelivered, ci.NumWaiting, ci.Delivered.Stream)
	} else {
		fmt.Fprintf(env.Stdout, "consumer %s: none yet (no worker has started)\n", qf.cfg.Consumer)
	}
	if len(st.Workers) > 0 {
		fmt.Fprintf(env.Stdout, "workers: %s\n", strings.Join(st.Workers, " "))
	}
	fmt.Fprintln(env.Stdout, st.Line())
	return nil
}

func queueDead(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "queue dead", Usage: "--nats URL [--stream NAME] [--limit N]",
		Short: "list the documents that failed too often, with their last error"}
	fs := newFlags(env, c)
	qf := addQueueFlags(fs)
	limit := fs.Int("limit", 0, "list at most `N` (0: all)")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	nc, js, err := qf.connect("annals queue dead")
	if err != nil {
		return err
	}
	defer nc.Close()
	dead, err := queue.Dead(ctx, js, qf.cfg, *limit)
	if err != nil {
		return err
	}
	for _, d := range dead {
		name := d.Message.Input
		if name == "" {
			name = d.Message.URL
		}
		if name == "" {
			name = "(not a document)"
		}
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d deliveries\t%s\n", d.Seq, d.Time.UTC().Format(time.RFC3339), name, d.Deliveries, d.Error)
	}
	fmt.Fprintf(env.Stderr, "%d dead letters\n", len(dead))
	return nil
}

// noArgs parses the flags of a command that takes no arguments.
func noArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", rest[0])
		fs.Usage()
		return ErrUsage
	}
	return nil
}
