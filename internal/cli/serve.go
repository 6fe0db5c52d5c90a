package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/annals/annals/ingest"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/server"
)

func serveCommand() *Command {
	c := &Command{
		Name:  "serve",
		Usage: "[--db FILE | --postgres DSN] [--addr 127.0.0.1:8080] [--token TOKEN] [--metrics-addr ADDR] [--allow-private-urls] [--dicts DIR]",
		Short: "serve the store: a JSON API and a web UI (read-only without a token), on loopback unless told otherwise",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		sf := addStoreFlags(fs)
		addr := fs.String("addr", "127.0.0.1:8080", "listen `address`; \":8080\" listens on every interface")
		token := &envFlag{env: "ANNALS_TOKEN"}
		fs.Var(token, "token", "bearer `TOKEN` that POST /api/documents must carry (default: $ANNALS_TOKEN, which keeps it out of the process list); none: read-only")
		metricsAddr := fs.String("metrics-addr", "", "serve Prometheus metrics on http://`ADDR`/metrics, a listener of their own (default: none)")
		allowPrivate := fs.Bool("allow-private-urls", false, "let POST /api/documents fetch URLs on private, loopback and link-local addresses and any port (default: public addresses, ports 80 and 443)")
		cf := addCodingFlags(fs)
		rest, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			fs.Usage()
			return ErrUsage
		}
		tok := token.Value()
		// A read-only server must not create an empty database by a typo.
		st, err := sf.open(ctx, tok == "")
		if err != nil {
			return err
		}
		defer st.Close()
		log := slog.New(slog.NewTextHandler(env.Stderr, nil))
		opt := server.Options{Store: st, Token: tok, Log: log}
		if tok != "" {
			if opt.Coder, err = cf.pipeline(); err != nil {
				return fmt.Errorf("load the coding pipeline for writes: %w", err)
			}
			f := &ingest.HTTPFetcher{Timeout: 30 * time.Second, MaxBytes: server.DefaultMaxBodyBytes}
			if *allowPrivate {
				f.Allow = ingest.AnyAddress
			}
			opt.Fetcher = f
		}
		if *metricsAddr != "" {
			opt.Metrics = metrics.New()
			stop, err := serveMetrics(*metricsAddr, opt.Metrics, env)
			if err != nil {
				return err
			}
			defer stop()
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
		if tok != "" {
			mode = "accepting documents with the token"
		}
		fmt.Fprintf(env.Stderr, "annals serve: http://%s/ (%s)\n", l.Addr(), mode)
		return srv.Serve(ctx, l)
	}
	return c
}
