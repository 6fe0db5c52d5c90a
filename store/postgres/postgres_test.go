package postgres

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/storetest"
)

// testServer returns the DSN of the test server: $ANNALS_POSTGRES, else the
// local one the project's tests use.
func testServer() string {
	if dsn := os.Getenv("ANNALS_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable&connect_timeout=3"
}

// tempDatabase creates a database for this test run, drops it at the end,
// and returns a function that makes a fresh schema of it and returns the
// DSN that works in that schema.
func tempDatabase(t testing.TB) func(t testing.TB) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(testServer())
	if err != nil {
		t.Fatalf("test DSN: %v", err)
	}
	admin := stdlib.OpenDB(*cfg)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		t.Skipf("PostgreSQL at %s:%d unreachable (%v); set ANNALS_POSTGRES to test against another server", cfg.Host, cfg.Port, err)
	}
	name := fmt.Sprintf("annals_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		admin.Close()
	})
	var n atomic.Int64
	return func(t testing.TB) string {
		t.Helper()
		schema := fmt.Sprintf("s%d", n.Add(1))
		c := cfg.Copy()
		c.Database = name
		db := stdlib.OpenDB(*c)
		defer db.Close()
		if _, err := db.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		dsn := url.URL{Scheme: "postgres", User: url.UserPassword(cfg.User, cfg.Password), Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port),
			Path: name, RawQuery: "sslmode=disable&search_path=" + schema}
		return dsn.String()
	}
}

// openIn opens a store at dsn, closed when the test ends.
func openIn(t testing.TB, dsn string, opt store.Options) store.Store {
	t.Helper()
	s, err := Open(t.Context(), dsn, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	schema := tempDatabase(t)
	storetest.Run(t, func(t *testing.T, opt store.Options) store.Store { return openIn(t, schema(t), opt) })
}

func TestUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	// Port 1 on localhost refuses connections at once.
	_, err := Open(ctx, "postgres://annals:secret@127.0.0.1:1/events?connect_timeout=2", store.Options{})
	if err == nil {
		t.Fatal("Open of an unreachable server succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "127.0.0.1:1/events") || strings.Contains(msg, "secret") {
		t.Errorf("error %q should name the host and database, not the password", msg)
	}
	if _, err := Open(ctx, "postgres://[bad", store.Options{}); err == nil {
		t.Error("Open of a malformed DSN succeeded")
	}
}

func BenchmarkSave(b *testing.B) {
	schema := tempDatabase(b)
	for _, batch := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			storetest.Bench(b, openIn(b, schema(b), store.Options{}), batch)
		})
	}
}

var queryEvents = flag.Int("events", 100_000, "events BenchmarkEvents stores before querying")

func BenchmarkEvents(b *testing.B) {
	dsn := tempDatabase(b)(b)
	s := openIn(b, dsn, store.Options{})
	storetest.Populate(b, s, *queryEvents)
	// The API server queries a database autovacuum has analyzed.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(b.Context(), "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	storetest.BenchQueries(b, s)
}
