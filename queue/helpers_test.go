package queue

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/postgres"
)

var testSeq atomic.Int64

// testNATS connects to the machine's NATS ($ANNALS_NATS, else
// 127.0.0.1:4222) and returns a Config of streams and buckets of this test
// alone, deleted when it ends.
func testNATS(t testing.TB) (*nats.Conn, jetstream.JetStream, Config) {
	t.Helper()
	u := os.Getenv("ANNALS_NATS")
	if u == "" {
		u = "nats://127.0.0.1:4222"
	}
	nc, err := nats.Connect(u, nats.Timeout(2*time.Second))
	if err != nil {
		t.Skipf("NATS at %s unreachable (%v); start it with nats-server -js, or set ANNALS_NATS", u, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("T%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, testSeq.Add(1))
	c := Config{Stream: "ANNALS_" + id, Subject: "annalstest." + id}
	t.Cleanup(func() {
		dropAll(js, c)
		nc.Close()
	})
	return nc, js, c
}

// dropAll deletes the streams and buckets of c.
func dropAll(js jetstream.JetStream, c Config) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range []string{c.Stream, c.DeadStream()} {
		_ = js.DeleteStream(ctx, s)
	}
	for _, b := range []string{c.WatchBucket(), c.WorkersBucket()} {
		_ = js.DeleteKeyValue(ctx, b)
	}
}

// testPostgresDSN creates a database for this test, dropped when it ends.
func testPostgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("ANNALS_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable&connect_timeout=3"
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("test DSN: %v", err)
	}
	admin := stdlib.OpenDB(*cfg)
	// Generous: creating a database waits on a checkpoint, slow on a busy machine.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		t.Skipf("PostgreSQL at %s:%d unreachable (%v); set ANNALS_POSTGRES to test against another server", cfg.Host, cfg.Port, err)
	}
	name := fmt.Sprintf("annals_queue_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, testSeq.Add(1))
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
	u := url.URL{Scheme: "postgres", User: url.UserPassword(cfg.User, cfg.Password),
		Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), Path: name, RawQuery: "sslmode=disable"}
	return u.String()
}

// testStore opens a PostgreSQL store in a fresh database.
func testStore(t testing.TB) (store.Store, string) {
	t.Helper()
	dsn := testPostgresDSN(t)
	st, err := postgres.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dsn
}

// testDocs makes n distinct documents, as ingest would yield them.
func testDocs(n int) []ingest.Item {
	items := make([]ingest.Item, n)
	for i := range items {
		text := fmt.Sprintf("Officials of country %d met their neighbours on day %d to talk about trade.", i, i)
		doc := &event.Document{URL: fmt.Sprintf("file:doc%d.txt", i), Title: fmt.Sprintf("Doc %d", i), Text: text,
			Published: time.Date(2024, 3, 1+i%28, 0, 0, 0, 0, time.UTC)}
		items[i] = ingest.Item{Input: fmt.Sprintf("doc%d.txt", i), Doc: doc, Hash: event.ContentHash(text)}
	}
	return items
}

// oneEvent codes every document as one meeting of the United States and
// France in its first sentence: the worker tests are about the queue, not
// the language pipeline.
func oneEvent(_ context.Context, doc *event.Document) ([]event.Record, error) {
	return []event.Record{{
		ID:       doc.URL + "#0",
		Sentence: event.SentenceRef{Index: 0, Start: 0, End: len(doc.Text), Text: doc.Text},
		Source:   &event.Actor{Text: "officials", Code: "USA", Country: "USA"},
		Target:   &event.Actor{Text: "neighbours", Code: "FRA", Country: "FRA"},
		Code:     "036", Root: "03", QuadClass: 1, Goldstein: 4, Mode: event.Asserted,
	}}, nil
}

// submitAll publishes items and fails the test on any error.
func submitAll(t testing.TB, nc *nats.Conn, js jetstream.JetStream, c Config, items []ingest.Item) (dups int) {
	t.Helper()
	ctx := context.Background()
	if err := Ensure(ctx, js, c); err != nil {
		t.Fatal(err)
	}
	p := NewPublisher(nc, js, c)
	for _, it := range items {
		dup, err := p.Submit(ctx, it)
		if err != nil {
			t.Fatal(err)
		}
		if dup {
			dups++
		}
	}
	return dups
}

// waitFor polls cond until it holds or d passes.
func waitFor(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
