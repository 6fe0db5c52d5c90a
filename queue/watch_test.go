package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annals/annals/ingest"
)

// feedSite serves one RSS feed whose items the test sets, and counts the
// fetches.
type feedSite struct {
	mu      sync.Mutex
	items   []string
	fetches atomic.Int64
}

func (f *feedSite) set(items ...string) {
	f.mu.Lock()
	f.items = items
	f.mu.Unlock()
}

func (f *feedSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.fetches.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>`)
	for _, it := range f.items {
		fmt.Fprintf(&b, `<item><guid>%s</guid><title>%s</title><link>http://example.org/%s</link><description>The ministers of item %s met in the capital on Monday to discuss trade.</description></item>`, it, it, it, it)
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write([]byte(b.String()))
}

func TestClusterWatchers(t *testing.T) {
	nc, js, c := testNATS(t)
	if err := Ensure(t.Context(), js, c); err != nil {
		t.Fatal(err)
	}
	kv, err := js.KeyValue(t.Context(), c.WatchBucket())
	if err != nil {
		t.Fatal(err)
	}
	site := &feedSite{}
	site.set("c", "b", "a")
	srv := httptest.NewServer(site)
	defer srv.Close()
	feed := srv.URL + "/feed"
	pub := NewPublisher(nc, js, c)
	var queued, dups atomic.Int64
	emit := func(ctx context.Context, it ingest.Item) error {
		dup, err := pub.Submit(ctx, it)
		if err != nil {
			return err
		}
		if dup {
			dups.Add(1)
		} else {
			queued.Add(1)
		}
		return nil
	}
	watcher := func(name string) *ClusterWatcher {
		return &ClusterWatcher{Name: name, KV: kv,
			Watcher: ingest.Watcher{Feeds: []string{feed}, Fetcher: &ingest.HTTPFetcher{Timeout: 5 * time.Second}}}
	}
	streamMsgs := func() uint64 {
		s, err := GetStatus(t.Context(), js, c)
		if err != nil {
			t.Fatal(err)
		}
		return s.Stream.Msgs
	}

	// Two watchers on "two machines" poll at once.
	var wg sync.WaitGroup
	for _, name := range []string{"m1", "m2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := watcher(name).Run(t.Context(), emit); err != nil {
				t.Errorf("watcher %s: %v", name, err)
			}
		}()
	}
	wg.Wait()
	if queued.Load() != 3 || dups.Load() != 0 || streamMsgs() != 3 {
		t.Fatalf("two watchers: %d queued, %d duplicates, %d in the stream; want 3, 0, 3", queued.Load(), dups.Load(), streamMsgs())
	}

	// A restarted watcher resumes: only the new item is queued.
	site.set("d", "c", "b", "a")
	if err := watcher("m3").Run(t.Context(), emit); err != nil {
		t.Fatal(err)
	}
	if queued.Load() != 4 || dups.Load() != 0 || streamMsgs() != 4 {
		t.Errorf("restarted watcher: %d queued, %d duplicates, %d in the stream; want 4, 0, 4", queued.Load(), dups.Load(), streamMsgs())
	}

	// A lease held by a live watcher keeps the feed from being fetched; an
	// expired one is taken over.
	site.set("e", "d", "c", "b", "a")
	tests := []struct {
		name        string
		until       time.Time
		wantFetches int64
	}{
		{"held", time.Now().Add(time.Hour), 0},
		{"expired", time.Now().Add(-time.Minute), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := watcher("m4")
			// Another watcher's lease.
			val, _ := json.Marshal(lease{Holder: "other", Until: tt.until})
			if _, err := kv.Put(t.Context(), leaseKey(feed), val); err != nil {
				t.Fatal(err)
			}
			before := site.fetches.Load()
			if err := w.Run(t.Context(), emit); err != nil {
				t.Fatal(err)
			}
			if got := site.fetches.Load() - before; got != tt.wantFetches {
				t.Errorf("feed fetched %d times, want %d", got, tt.wantFetches)
			}
		})
	}
	if queued.Load() != 5 || streamMsgs() != 5 {
		t.Errorf("after the lease tests: %d queued, %d in the stream; want 5", queued.Load(), streamMsgs())
	}
}
