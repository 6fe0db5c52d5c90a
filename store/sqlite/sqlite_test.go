package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/unprivileged"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/storetest"
)

func openTemp(t *testing.T, opt store.Options) store.Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "annals.db"), opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, openTemp)
}

// twoHandles saves through two stores opened on one file, in turn, as two
// processes sharing a database would; it reads through the first.
type twoHandles struct {
	store.Store
	other store.Store
	n     atomic.Int64
}

func (h *twoHandles) pick() store.Store {
	if h.n.Add(1)%2 == 0 {
		return h.other
	}
	return h.Store
}

func (h *twoHandles) SaveDocument(ctx context.Context, d *event.Document, recs []event.Record) (store.SaveResult, error) {
	return h.pick().SaveDocument(ctx, d, recs)
}

func (h *twoHandles) SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	return h.pick().SaveBatch(ctx, items)
}

// TestConformanceSharedFile runs the suite with every store made of two
// handles on one file, so that concurrent saves contend for SQLite's own
// file lock rather than one database/sql pool.
func TestConformanceSharedFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opt store.Options) store.Store {
		path := filepath.Join(t.TempDir(), "shared.db")
		var h [2]*Store
		for i := range h {
			s, err := Open(t.Context(), path, opt)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			t.Cleanup(func() { s.Close() })
			h[i] = s
		}
		return &twoHandles{Store: h[0], other: h[1]}
	})
}

func BenchmarkSave(b *testing.B) {
	for _, batch := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			s, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			storetest.Bench(b, s, batch)
		})
	}
}

// BenchmarkPopulate fills a new store with storetest.Populate's events
// (random days, skewed countries and actors: the indices and rollups are
// written in random order, unlike BenchmarkSave's) and reports records/s;
// -events sets how many (go test -bench Populate -events 60000).
func BenchmarkPopulate(b *testing.B) {
	for b.Loop() {
		s, err := Open(b.Context(), filepath.Join(b.TempDir(), "fill.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		storetest.Populate(b, s, *queryEvents)
		s.Close()
	}
	b.ReportMetric(float64(*queryEvents*b.N)/b.Elapsed().Seconds(), "records/s")
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	garbage := bytes.Repeat([]byte("this is not an SQLite database. "), 256)
	if err := os.WriteFile(corrupt, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
	}{
		{"corrupt file", corrupt},
		{"directory", dir},
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "annals.db")},
		{"unwritable place", "/proc/annals-test.db"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(t.Context(), c.path, store.Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded", c.path)
			}
			if !strings.Contains(err.Error(), c.path) {
				t.Errorf("error %q does not name %s", err, c.path)
			}
		})
	}
	if got, _ := os.ReadFile(corrupt); !bytes.Equal(got, garbage) {
		t.Error("Open changed the corrupt file")
	}
}

// TestDiskFull fills the database to its page limit, as a full disk would,
// and checks that the failed save names the file and loses nothing saved
// before it.
func TestDiskFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := storetest.Doc("https://a.example/1", "A", "", "")
	if _, err := s.SaveDocument(t.Context(), first, []event.Record{storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0)}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// SQLite never lowers the page limit below the pages in use, so this
	// allows exactly those: the next page written fails as on a full disk.
	s, err = open(t.Context(), path, store.Options{}, "max_page_count(1)")
	if err != nil {
		t.Fatal(err)
	}
	big := storetest.Doc("https://a.example/2", "A", strings.Repeat("A long article that does not fit. ", 5000), "")
	_, err = s.SaveDocument(t.Context(), big, []event.Record{storetest.Rec("2020-01-06", "FRAGOV", "DEUGOV", "040", "Paris", 0)})
	s.Close()
	t.Logf("full disk: %v", err)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "full") {
		t.Fatalf("save into a full database: error %q, want one naming %s and saying it is full", err, path)
	}

	s, err = Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(t.Context()); err != nil || st != (store.Stats{Documents: 1, Events: 1, Mentions: 1}) {
		t.Errorf("after the failed save: Stats = %+v, %v; want the first document intact", st, err)
	}
	if res, err := s.SaveDocument(t.Context(), big, nil); err != nil || res.Skipped {
		t.Errorf("save once there is room: %+v, %v", res, err)
	}
}

// queryEvents is how many events BenchmarkEvents stores first; the API's
// target is for 1,000,000 (go test -bench Events -events 1000000).
var queryEvents = flag.Int("events", 100_000, "events BenchmarkEvents stores before querying, and BenchmarkPopulate stores")

func BenchmarkEvents(b *testing.B) {
	path := filepath.Join(b.TempDir(), "query.db")
	s, err := Open(b.Context(), path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	storetest.Populate(b, s, *queryEvents)
	// Reopen, as the API server would, so that the planner has statistics.
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if s, err = Open(b.Context(), path, store.Options{}); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchQueries(b, s)
}

// twoEvents makes a database of one document with two events at path and
// returns its store, still open.
func twoEvents(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDocument(t.Context(), storetest.Doc("https://a.example/1", "A", "", ""), []event.Record{
		storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
		storetest.Rec("2020-01-06", "IRQGOV", "USAGOV", "0311", "Baghdad", 1),
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// countEvents opens path read-only and counts its events.
func countEvents(t *testing.T, path string) (int, error) {
	t.Helper()
	s, err := Open(t.Context(), path, store.Options{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	page, err := s.Events(t.Context(), store.Filter{}, store.Page{})
	return len(page.Events), err
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	if err := twoEvents(t, path).Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := s.Stats(t.Context()); err != nil || st.Events != 2 {
		t.Errorf("Stats = %+v, %v; want 2 events", st, err)
	}
	if ok, err := s.HasDocument(t.Context(), event.ContentHash("nothing stored")); ok || err != nil {
		t.Errorf("HasDocument on a read-only store = %v, %v; want false", ok, err)
	}
	_, err = s.SaveDocument(t.Context(), storetest.Doc("https://a.example/2", "A", "", ""), nil)
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("SaveDocument on a read-only store: %v, want ErrReadOnly naming %s", err, path)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a read-only store changed the database file")
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if _, err := Open(t.Context(), missing, store.Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("read-only Open of a missing file: %v, want an error naming it", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("read-only Open created the missing file")
	}
}

// exec runs statements on the SQLite file at path.
func exec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// jsonRecords returns the statements that store the mentions' records of
// s as JSON, as every annals did before migration 0010, for the tests
// that remake an older database.
func jsonRecords(t *testing.T, s store.Store) []string {
	t.Helper()
	var q []string
	for m, err := range s.AllMentions(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(m.Record)
		if err != nil {
			t.Fatal(err)
		}
		q = append(q, fmt.Sprintf("UPDATE mentions SET record = '%s' WHERE id = %d", strings.ReplaceAll(string(j), "'", "''"), m.ID))
	}
	if len(q) == 0 {
		t.Fatal("no mentions to store as JSON")
	}
	return append(q, "DELETE FROM schema_version WHERE version = 10")
}

// TestReadOnlySchema checks that a read-only store is not migrated: a
// database of an older (or newer) schema is refused with a message that
// says so, and left as it was.
func TestReadOnlySchema(t *testing.T) {
	dir := t.TempDir()
	// The first migration alone, as an annals of that schema made it.
	old := filepath.Join(dir, "old.db")
	init, err := migrations.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	exec(t, old, string(init), `CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`, `INSERT INTO schema_version VALUES (1, 0)`)
	newer := filepath.Join(dir, "newer.db")
	if err := twoEvents(t, newer).Close(); err != nil {
		t.Fatal(err)
	}
	exec(t, newer, `INSERT INTO schema_version VALUES (99, 0)`)
	for _, c := range []struct{ path, want string }{{old, "schema version 1 is older"}, {newer, "schema version 99 is newer"}} {
		before, _ := os.ReadFile(c.path)
		_, err := Open(t.Context(), c.path, store.Options{ReadOnly: true})
		if !errors.Is(err, store.ErrSchema) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("read-only Open: %v, want ErrSchema naming %s and saying %q", err, c.path, c.want)
		}
		if after, _ := os.ReadFile(c.path); !bytes.Equal(before, after) {
			t.Errorf("read-only Open changed %s", c.path)
		}
	}
	// A store that may write upgrades the old one.
	s, err := Open(t.Context(), old, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if n, err := countEvents(t, old); err != nil || n != 0 {
		t.Errorf("the upgraded database read-only: %d events, %v", n, err)
	}
}

// TestReadOnlyFolder reads databases in a folder this process may not
// write, as an unprivileged user: a cleanly closed WAL database (opened
// immutable), one whose writer is still running (its -wal and -shm files
// read as they are), and one whose -wal cannot be read without its -shm
// (an error that says why, not the data without the log).
func TestReadOnlyFolder(t *testing.T) {
	if !unprivileged.Test(t) {
		return
	}
	src := t.TempDir()
	clean := filepath.Join(src, "clean.db")
	if err := twoEvents(t, clean).Close(); err != nil {
		t.Fatal(err)
	}
	live := filepath.Join(src, "live.db")
	w := twoEvents(t, live) // open: its transactions are in live.db-wal
	defer w.Close()
	for _, c := range []struct {
		name  string
		files []string // copied from src into a read-only folder
		want  string   // error; "" for 2 events
	}{
		{"closed cleanly", []string{"clean.db"}, ""},
		{"writer running", []string{"live.db", "live.db-wal", "live.db-shm"}, ""},
		{"log without index", []string{"live.db", "live.db-wal"}, "live.db-wal holds transactions"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range c.files {
				b, err := os.ReadFile(filepath.Join(src, f))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			unprivileged.ReadOnly(t, dir)
			n, err := countEvents(t, filepath.Join(dir, c.files[0]))
			switch {
			case c.want == "" && (err != nil || n != 2):
				t.Errorf("%d events, %v; want 2", n, err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("%d events, error %v; want one saying %q", n, err, c.want)
			}
		})
	}
}

// TestMigrateDatePeriods upgrades a database made before events kept
// their date's period (schema 2): the periods and the background marks
// come from the events' first records, and coarse dates fold with their
// own precision only.
func TestMigrateDatePeriods(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	storetest.SavePeriods(t, s)
	undo := jsonRecords(t, s)
	s.Close()
	exec(t, path, append(append(undo, storetest.UndoCounts()...),
		`UPDATE events SET fold_base = substr(fold_base, 1, length(fold_base) - 5) WHERE fold_base LIKE '%|year' OR fold_base LIKE '%|week'`,
		`UPDATE events SET fold_base = substr(fold_base, 1, length(fold_base) - 6) WHERE fold_base LIKE '%|month'`,
		`ALTER TABLE events DROP COLUMN day_end`, `ALTER TABLE events DROP COLUMN background`,
		`DROP TABLE rollup_day`, `DROP TABLE rollup_edge`, `DROP TABLE rollup_place`, `DROP TABLE rollup_place_all`, `DROP TABLE rollup_edge_all`, `DROP TABLE rollup_day_root`, `DROP TABLE rollup_edge_pair`, `DROP TRIGGER mentions_fts_delete`,
		`DELETE FROM schema_version WHERE version > 2`)...)
	s, err = Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.CheckPeriods(t, s)
	storetest.SavePeriods(t, s) // the same texts: skipped
	storetest.CheckPeriods(t, s)
	if err := s.VerifyRollups(t.Context()); err != nil {
		t.Errorf("rollups counted by the upgrade: %v", err)
	}
}

// TestJSONRecords reads a database whose older mentions hold their
// records as JSON (before migration 0010) and newer ones compactly: every
// record reads back as it was saved.
func TestJSONRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "190", "Baghdad", 0)
	old.Counts = []event.Count{{Kind: event.Killed, Low: 3, High: 3, Precision: event.Exact, Text: "three", Start: 4, End: 9}}
	old.Source.Roles = []string{"LEG"}
	if _, err := s.SaveDocument(t.Context(), storetest.Doc("https://a.example/old", "A", "", ""), []event.Record{old}); err != nil {
		t.Fatal(err)
	}
	undo := jsonRecords(t, s)
	s.Close()
	exec(t, path, undo...)
	s, err = Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recent := storetest.Rec("2020-01-05", "FRAGOV", "DEUGOV", "040", "Paris", 1)
	if _, err := s.SaveDocument(t.Context(), storetest.Doc("https://a.example/new", "A", "", ""), []event.Record{recent}); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	rows, err := h.Query(`SELECT typeof(record) FROM mentions ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		rows.Scan(&k)
		kinds = append(kinds, k)
	}
	rows.Close()
	if fmt.Sprint(kinds) != "[text blob]" {
		t.Fatalf("records stored as %v, want the old one as JSON text and the new one compact", kinds)
	}
	want := map[string]event.Record{old.ID: old, recent.ID: recent}
	for m, err := range s.AllMentions(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if w := want[m.Record.ID]; !reflect.DeepEqual(m.Record, w) {
			t.Errorf("mention %d reads\n %+v\nwant %+v", m.ID, m.Record, w)
		}
		delete(want, m.Record.ID)
	}
	for ev, err := range s.AllEvents(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Record.Sentence.Text == "" || ev.Record.Location == nil {
			t.Errorf("event %d: record %+v lacks its sentence or place", ev.ID, ev.Record)
		}
	}
	if len(want) > 0 {
		t.Errorf("records not read: %v", want)
	}
}
