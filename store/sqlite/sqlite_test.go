package sqlite

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/annals/annals/event"
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
			t.Log(err)
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
var queryEvents = flag.Int("events", 100_000, "events BenchmarkEvents stores before querying")

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
