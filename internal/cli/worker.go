package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/queue"
	"github.com/annals/annals/store"
)

func workerCommand() *Command {
	c := &Command{
		Name:  "worker",
		Usage: "--nats URL --postgres DSN [--batch N] [--max-ack-pending N] [--metrics ADDR]",
		Short: "code documents from the cluster's work queue into PostgreSQL until stopped",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		qf := addQueueFlags(fs)
		sf := addStoreFlags(fs)
		cf := addCodingFlags(fs)
		w := &queue.Worker{}
		fs.IntVar(&w.Batch, "batch", 32, "documents fetched and saved per transaction")
		fs.IntVar(&w.Parallel, "parallel", runtime.GOMAXPROCS(0), "documents coded at once")
		fs.IntVar(&w.MaxAckPending, "max-ack-pending", 1024, "documents the whole cluster holds unacknowledged at most (back-pressure)")
		fs.IntVar(&w.MaxDeliver, "max-deliver", 5, "deliveries before a failing document becomes a dead letter")
		fs.DurationVar(&w.AckWait, "ack-wait", 30*time.Second, "redeliver a document when its worker is silent this `long`")
		fs.DurationVar(&w.DrainTimeout, "drain", 30*time.Second, "on SIGTERM, finish the batch in hand for at most this `long`, then give it back")
		fs.StringVar(&w.Name, "name", "", "worker `name` shown by annals queue status (default host-pid)")
		addr := fs.String("metrics", "127.0.0.1:9464", "serve Prometheus metrics on http://`ADDR`/metrics (\"\": none)")
		if err := noArgs(fs, args); err != nil {
			return err
		}
		if sf.postgres.Value() == "" {
			return errors.New("a worker writes to PostgreSQL: give --postgres DSN (or $ANNALS_POSTGRES)")
		}
		p, err := cf.pipeline()
		if err != nil {
			return err
		}
		boundHeap()
		w.Code = codestore.PipelineCoder(p)
		w.Log = slog.New(slog.NewTextHandler(env.Stderr, nil))
		st, err := queue.OpenStore(ctx, w.Log, func(ctx context.Context) (store.Store, error) { return sf.open(ctx, false) })
		if err != nil {
			return stoppedClean(ctx, w.Log, err)
		}
		defer st.Close()
		w.Store, w.Config = st, qf.cfg
		w.Metrics = metrics.New()
		if *addr != "" {
			stop, err := serveMetrics(*addr, w.Metrics, env)
			if err != nil {
				return err
			}
			defer stop()
		}
		nc, js, err := qf.connect("annals worker")
		if err != nil {
			return err
		}
		defer nc.Close()
		return stoppedClean(ctx, w.Log, w.Run(ctx, js))
	}
	return c
}

// stoppedClean is nil for an error that a stop (SIGTERM, interrupt) caused
// while the worker held no work, as during its start: a supervisor that
// stops a worker which is still starting sees it exit 0, as it would
// once running. Other errors pass through.
func stoppedClean(ctx context.Context, log *slog.Logger, err error) error {
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		log.Info("worker stopped before it took any work", "reason", err)
		return nil
	}
	return err
}

// serveMetrics serves m on http://addr/metrics until stop is called.
func serveMetrics(addr string, m *metrics.Metrics, env *Env) (stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l) //nolint:errcheck // ends with ErrServerClosed on stop
	fmt.Fprintf(env.Stderr, "annals: metrics on http://%s/metrics\n", l.Addr())
	return func() { srv.Close() }, nil
}
