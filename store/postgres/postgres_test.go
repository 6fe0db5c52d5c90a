package postgres

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annals/annals/event"
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
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("error %q of an unreachable server is not store.ErrUnavailable", err)
	}
	if _, err := Open(ctx, "postgres://[bad", store.Options{}); err == nil {
		t.Error("Open of a malformed DSN succeeded")
	}
}

func TestUnavailable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, true},
		{&pgconn.PgError{Code: "08006"}, true},
		{&pgconn.PgError{Code: "40P01"}, true},
		{&pgconn.PgError{Code: "23505"}, false},
		{&pgconn.PgError{Code: "22021"}, false},
		{fmt.Errorf("save: %w", syscall.ECONNREFUSED), true},
		{fmt.Errorf("save: %w", io.ErrUnexpectedEOF), true},
		{&net.OpError{Op: "dial", Err: errors.New("no route")}, true},
		{fmt.Errorf("commit: %w", errors.New("conn closed")), true},
		{errors.New(`document "x": text: NUL byte (binary data?)`), false},
	}
	for _, tt := range tests {
		if got := unavailable(tt.err); got != tt.want {
			t.Errorf("unavailable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestTerminatedIsUnavailable saves through a connection the server has
// ended, as an administrator's pg_terminate_backend or a restart does:
// the failure is store.ErrUnavailable, one a caller may retry, and the
// retry succeeds.
func TestTerminatedIsUnavailable(t *testing.T) {
	dsn := tempDatabase(t)(t)
	s := openIn(t, dsn, store.Options{})
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	doc := storetest.Doc("https://a.example/1", "A", "", "2020-01-05")
	recs := []event.Record{storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0)}
	var n int
	if err := admin.QueryRowContext(t.Context(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("terminate the store's connections: %d ended, %v", n, err)
	}
	_, err = s.SaveDocument(t.Context(), doc, recs)
	if err == nil {
		t.Skip("the driver reconnected by itself; nothing to classify")
	}
	if !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("save through a terminated connection: %v, not store.ErrUnavailable", err)
	}
	if _, err := s.SaveDocument(t.Context(), doc, recs); err != nil {
		t.Errorf("retry: %v", err)
	}
	bad := storetest.Doc("https://a.example/2", "A", "text with a NUL \x00 byte", "")
	if _, err := s.SaveDocument(t.Context(), bad, nil); err == nil || errors.Is(err, store.ErrUnavailable) {
		t.Errorf("save of a bad document: %v, want an error that is not store.ErrUnavailable", err)
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

// TestReadOnlyRole reads the store as a role that may only SELECT, as an
// analyst's account on a shared database would: a read-only store runs no
// migration and writes nothing, and refuses saves itself. A read-only
// store of an older schema says so instead of upgrading it.
func TestReadOnlyRole(t *testing.T) {
	dsn := tempDatabase(t)(t)
	w := openIn(t, dsn, store.Options{})
	if _, err := w.SaveDocument(t.Context(), storetest.Doc("https://a.example/1", "A", "", ""), []event.Record{
		storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
		storetest.Rec("2020-01-06", "IRQGOV", "USAGOV", "0311", "Baghdad", 1),
	}); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() }) // after the role's cleanup below
	role := fmt.Sprintf("annals_reader_%d_%d", os.Getpid(), time.Now().UnixNano())
	for _, q := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT USAGE ON SCHEMA " + schema + " TO " + role,
		"GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
	} {
		if _, err := admin.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		for _, q := range []string{"DROP OWNED BY " + role, "DROP ROLE " + role} {
			if _, err := admin.ExecContext(context.Background(), q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u.User = url.User(role)
	reader := u.String()

	r, err := Open(t.Context(), reader, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open as %s: %v", role, err)
	}
	defer r.Close() // before the role is dropped
	page, err := r.Events(t.Context(), store.Filter{Country: "IRQ"}, store.Page{})
	if err != nil || len(page.Events) != 2 {
		t.Errorf("Events as %s: %d events, %v; want 2", role, len(page.Events), err)
	}
	if _, err := r.SaveDocument(t.Context(), storetest.Doc("https://a.example/2", "B", "", ""), nil); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("SaveDocument on a read-only store: %v, want ErrReadOnly", err)
	}

	if _, err := admin.ExecContext(t.Context(), "DELETE FROM "+schema+".schema_version WHERE version > 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), reader, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrSchema) || !strings.Contains(err.Error(), "older") {
		t.Errorf("read-only Open of an older schema: %v, want ErrSchema saying it is older", err)
	}
	var v int
	if err := admin.QueryRowContext(t.Context(), "SELECT max(version) FROM "+schema+".schema_version").Scan(&v); err != nil || v != 1 {
		t.Errorf("schema version %d, %v after a read-only Open; want 1, untouched", v, err)
	}
}

// TestMigrateDatePeriods upgrades a schema made before events kept their
// date's period (schema 2): the periods and the background marks come
// from the events' first records, and coarse dates fold with their own
// precision only.
func TestMigrateDatePeriods(t *testing.T) {
	dsn := tempDatabase(t)(t)
	s, err := Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	storetest.SavePeriods(t, s)
	s.Close()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for _, q := range append(storetest.UndoCounts(),
		`UPDATE events SET fold_base = regexp_replace(fold_base, '\|(year|month|week)$', '')`,
		`ALTER TABLE events DROP COLUMN day_end`, `ALTER TABLE events DROP COLUMN background`,
		`DROP TABLE rollup_day`, `DROP TABLE rollup_edge`, `DROP TABLE rollup_place`, `DROP TABLE rollup_place_all`, `DROP TABLE rollup_edge_all`, `DROP TABLE rollup_day_root`, `DROP TABLE rollup_edge_pair`,
		`DELETE FROM schema_version WHERE version > 2`,
	) {
		if _, err := admin.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	up := openIn(t, dsn, store.Options{})
	storetest.CheckPeriods(t, up)
	storetest.SavePeriods(t, up) // the same texts: skipped
	storetest.CheckPeriods(t, up)
	if err := up.VerifyRollups(t.Context()); err != nil {
		t.Errorf("rollups counted by the upgrade: %v", err)
	}
}

// TestOpenHidesPassword opens DSNs that hold a password and do not parse
// or do not connect: no error may show the password.
func TestOpenHidesPassword(t *testing.T) {
	const pw = "s3cret-Pw"
	for _, dsn := range []string{
		"postgres://u:" + pw + "@h:badport/db",
		"postgres://u:" + pw + "@h:5432/db?password=" + pw + "&x=%zz",
		"postgresql://u:" + pw + "@[::1/db",
		"host=h password = " + pw + " port=abc",
		"host=h password=" + pw + " port=abc",
		"host=h password='" + pw + " x' port=abc",
		"host=h password=" + pw + " sslmode=bogus",
		"host=h password=" + pw + " connect_timeout=x",
		"host=h " + pw + " port=5432",
		"host=h password='" + pw,
		"postgres://u:" + pw + "@127.0.0.1:1/db?connect_timeout=2",
	} {
		_, err := Open(t.Context(), dsn, store.Options{})
		if err == nil || strings.Contains(err.Error(), pw) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q): %v", dsn, err)
		}
	}
}

// TestConcurrentOpen opens one new database from many processes' worth
// of connections at once, as workers started together do: every Open must
// succeed, the migrations applied once.
func TestConcurrentOpen(t *testing.T) {
	schema := tempDatabase(t)
	for round := range 5 {
		dsn := schema(t)
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for range 8 {
			wg.Go(func() {
				s, err := Open(t.Context(), dsn, store.Options{})
				if err != nil {
					errs <- err
					return
				}
				s.Close()
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: concurrent Open: %v", round, err)
		}
	}
}

// killDocs and killBatch size the saves TestSaveSurvivesSIGKILL kills:
// documents of ten records, every two reporting the same ten events, a
// transaction a batch.
const killDocs, killBatch = 600, 20

// saveKillDocs saves the documents of TestSaveSurvivesSIGKILL in batches.
func saveKillDocs(t *testing.T, s store.Store) {
	t.Helper()
	for first := 0; first < killDocs; first += killBatch {
		items := make([]store.Item, killBatch)
		for k := range items {
			i := first + k
			date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/2).Format("2006-01-02")
			recs := make([]event.Record, 10)
			for j := range recs {
				recs[j] = storetest.Rec(date, fmt.Sprintf("SRC%03d", j), fmt.Sprintf("TGT%03d", j), fmt.Sprintf("%03d", 10+j*10), "Baghdad", j)
			}
			items[k] = store.Item{Doc: storetest.Doc(fmt.Sprintf("https://kill%d.example/%d", i%7, i), fmt.Sprintf("outlet %d", i%7), "", ""), Records: recs}
		}
		if _, err := s.SaveBatch(t.Context(), items); err != nil {
			t.Fatalf("save documents %d-%d: %v", first, first+killBatch-1, err)
		}
	}
}

// TestKilledSaver is the process TestSaveSurvivesSIGKILL starts and kills.
func TestKilledSaver(t *testing.T) {
	dsn := os.Getenv("ANNALS_KILLED_SAVER")
	if dsn == "" {
		t.Skip("run by TestSaveSurvivesSIGKILL")
	}
	saveKillDocs(t, openIn(t, dsn, store.Options{}))
}

// TestSaveSurvivesSIGKILL kills a process that saves batches (copying
// rows or between statements), then saves everything again: every
// batch is stored whole or not at all, each document once with all its
// mentions, nothing orphaned, and the rollups are the counts of the
// events.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("saves 6,000 records twice")
	}
	dsn := tempDatabase(t)(t)
	s := openIn(t, dsn, store.Options{}) // migrated before the saver starts
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs, mentions int
	count := func() {
		t.Helper()
		if err := db.QueryRowContext(t.Context(), `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions)`).Scan(&docs, &mentions); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		count()
		if docs%killBatch != 0 || mentions != 10*docs {
			t.Errorf("%s: %d documents and %d mentions stored, want whole batches of %d documents of 10 mentions", when, docs, mentions, killBatch)
		}
		for _, q := range []string{
			`SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)`,
			`SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)`,
			`SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)`,
			`SELECT count(*) FROM (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1) AS d`,
		} {
			var n int
			if err := db.QueryRowContext(t.Context(), q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if n != 0 {
				t.Errorf("%s: %s: %d rows", when, q, n)
			}
		}
		if err := s.VerifyRollups(t.Context()); err != nil {
			t.Errorf("%s: %v", when, err)
		}
	}

	cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledSaver$")
	cmd.Env = append(os.Environ(), "ANNALS_KILLED_SAVER="+dsn)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if count(); docs > 0 {
			killed = cmd.Process.Signal(syscall.SIGKILL) == nil
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Skip("the saver stored nothing in two minutes, or finished before it could be killed")
	}
	check("after the kill")
	t.Logf("killed with %d of %d documents stored", docs, killDocs)
	if docs == killDocs {
		t.Skip("the saver finished before it was killed")
	}

	saveKillDocs(t, s)
	check("saved again")
	if docs != killDocs {
		t.Errorf("%d documents stored, want %d", docs, killDocs)
	}
}
