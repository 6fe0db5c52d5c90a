package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/annals/annals/ingest"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/server"
)

func serveCommand() *Command {
	c := &Command{
		Name:  "serve",
		Usage: "[--db FILE | --postgres DSN] [--addr :8080] [--token TOKEN] [--dicts DIR]",
		Short: "serve the store: a JSON API, a web UI (read-only without a token) and Prometheus metrics on /metrics",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		addr := fs.String("addr", ":8080", "listen `address`")
		token := fs.String("token", os.Getenv("ANNALS_TOKEN"), "bearer `TOKEN` that POST /api/documents must carry (default $ANNALS_TOKEN); none: read-only")
		cf := addCodingFlags(fs)
		rest, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			fs.Usage()
			return ErrUsage
		}
		// A read-only server must not create an empty database by a typo.
		st, err := sf.open(ctx, *token == "")
		if err != nil {
			return err
		}
		defer st.Close()
		log := slog.New(slog.NewTextHandler(env.Stderr, nil))
		opt := server.Options{Store: st, Token: *token, Log: log, Metrics: metrics.New()}
		if *token != "" {
			if opt.Coder, err = cf.pipeline(); err != nil {
				return fmt.Errorf("load the coding pipeline for writes: %w", err)
			}
			opt.Fetcher = &ingest.HTTPFetcher{Timeout: 30 * time.Second, MaxBytes: server.DefaultMaxBodyBytes}
		}
		srv, err := server.New(opt)
		if err != nil {
			return err
		}
		l, err := net.Listen("tcp", *addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", *addr, err)
		}
		mode := "read-only"
		if *token != "" {
			mode = "accepting documents with the token"
		}
		fmt.Fprintf(env.Stderr, "annals serve: http://%s/ (%s)\n", l.Addr(), mode)
		return srv.Serve(ctx, l)
	}
	return c
}
