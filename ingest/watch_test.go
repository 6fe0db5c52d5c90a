package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWatcher(t *testing.T) {
	s, srv := newSite(t, "b", "a")
	statePath := filepath.Join(t.TempDir(), "state.json")
	run := func(ctx context.Context, emit func(context.Context, Item) error) error {
		st, err := OpenFileState(statePath)
		if err != nil {
			t.Fatal(err)
		}
		w := &Watcher{Feeds: []string{srv.URL + "/feed"}, Fetcher: &HTTPFetcher{Timeout: 5 * time.Second}, State: st}
		return w.Run(ctx, emit)
	}
	var got []string
	collectTitles := func(_ context.Context, it Item) error {
		if it.Err != nil {
			return it.Err
		}
		got = append(got, it.Doc.Title)
		return nil
	}
	ctx := context.Background()
	if err := run(ctx, collectTitles); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a,b" {
		t.Errorf("first poll emitted %q, want oldest first a,b", got)
	}
	// Unchanged feed: 304, nothing emitted.
	got = nil
	if err := run(ctx, collectTitles); err != nil || len(got) != 0 {
		t.Errorf("unchanged feed emitted %q (err %v)", got, err)
	}
	if s.requests["/feed"] != 2 {
		t.Errorf("feed fetched %d times", s.requests["/feed"])
	}
	// Two new items; the emitter fails on the first: nothing is marked
	// seen, so the next run emits both.
	s.setItems(srv.URL, "d", "c", "b", "a")
	boom := errors.New("sink down")
	err := run(ctx, func(context.Context, Item) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("Run = %v, want the emit error", err)
	}
	got = nil
	if err := run(ctx, collectTitles); err != nil || strings.Join(got, ",") != "c,d" {
		t.Errorf("after failed emit got %q (err %v), want c,d", got, err)
	}
}

// setFeed publishes body as the feed, under a new ETag.
func (s *site) setFeed(body string) {
	s.mu.Lock()
	s.feed = body
	s.etag = fmt.Sprintf(`"%d"`, len(body))
	s.mu.Unlock()
}

// pollTitles runs one poll of the site's feed with the state in statePath
// and returns the titles it emitted.
func pollTitles(t *testing.T, srv *httptest.Server, statePath string) []string {
	t.Helper()
	st, err := OpenFileState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	w := &Watcher{Feeds: []string{srv.URL + "/feed"}, Fetcher: &HTTPFetcher{Timeout: 5 * time.Second}, State: st}
	var got []string
	err = w.Run(context.Background(), func(_ context.Context, it Item) error {
		if it.Err != nil {
			return it.Err
		}
		got = append(got, it.Doc.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestWatcherPlanetFeed: every entry of a planet-style feed is emitted
// once, under its own key, whatever <source> it carries.
func TestWatcherPlanetFeed(t *testing.T) {
	planet, err := os.ReadFile(filepath.Join("testdata", "feed", "planet.atom"))
	if err != nil {
		t.Fatal(err)
	}
	s, srv := newSite(t)
	s.setFeed(string(planet))
	statePath := filepath.Join(t.TempDir(), "state.json")
	got := pollTitles(t, srv, statePath)
	if want := "Winter timetable ends|Planet adds two feeds|Fire at the old mill|Ferry crews strike at dawn"; strings.Join(got, "|") != want {
		t.Errorf("first poll emitted %q, want %q", got, want)
	}
	newer := `<entry><source><id>tag:ferrytimes.example.com,2010:feed</id><title>Ferry Times</title></source>
<id>tag:ferrytimes.example.com,2024:strike-ends</id><title>Ferry strike ends</title>
<link href="https://ferrytimes.example.com/2024/strike-ends"/><updated>2024-03-05T09:00:00Z</updated>
<summary>Boats run again.</summary></entry>`
	s.setFeed(strings.Replace(string(planet), "<entry>", newer+"<entry>", 1))
	if got := pollTitles(t, srv, statePath); strings.Join(got, "|") != "Ferry strike ends" {
		t.Errorf("second poll emitted %q, want only the new entry", got)
	}
}

// TestWatcherLegacyState: a state written when annals keyed items with
// neither guid nor link by their title still suppresses those items, for
// one poll; after it, a new item with the same title is new.
func TestWatcherLegacyState(t *testing.T) {
	s, srv := newSite(t)
	briefing := func(texts ...string) string {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Town Hall</title>`)
		for _, x := range texts {
			fmt.Fprintf(&b, `<item><title>Daily briefing</title><description>%s</description></item>`, x)
		}
		b.WriteString(`</channel></rss>`)
		return b.String()
	}
	s.setFeed(briefing("The council met."))
	statePath := filepath.Join(t.TempDir(), "state.json")
	feed := srv.URL + "/feed"
	old := fmt.Sprintf(`{"feed.%s":"{}","seen.%s":"2024-01-01T00:00:00Z"}`, keyHash(feed), keyHash(feed+"\x00Daily briefing"))
	if err := os.WriteFile(statePath, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := pollTitles(t, srv, statePath); len(got) != 0 {
		t.Errorf("an item seen under its old key was emitted again: %q", got)
	}
	s.setFeed(briefing("The budget passed.", "The council met."))
	if got := pollTitles(t, srv, statePath); len(got) != 1 {
		t.Errorf("emitted %q, want the one new briefing", got)
	}
}

func TestWatcherCancel(t *testing.T) {
	s, srv := newSite(t, "c", "b", "a")
	st, err := OpenFileState(filepath.Join(t.TempDir(), "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &Watcher{Feeds: []string{srv.URL + "/feed"}, Interval: time.Hour, Fetcher: &HTTPFetcher{Timeout: 5 * time.Second}, State: st}
	var got []string
	done := make(chan error)
	go func() {
		done <- w.Run(ctx, func(_ context.Context, it Item) error {
			got = append(got, it.Doc.Title)
			if len(got) == 2 {
				cancel()
			}
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
	if strings.Join(got, ",") != "a,b" {
		t.Errorf("emitted %q, want a,b and nothing after the cancel", got)
	}
	// The third item was never emitted, so a new run emits it alone.
	s.setItems(srv.URL, "c", "b", "a")
	got = nil
	w.Interval = 0
	if err := w.Run(context.Background(), func(_ context.Context, it Item) error { got = append(got, it.Doc.Title); return nil }); err != nil || strings.Join(got, ",") != "c" {
		t.Errorf("resumed run emitted %q (err %v), want c", got, err)
	}
}

func TestFileStateReload(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.json")
	ctx := context.Background()
	s1, err := OpenFileState(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s1.Put(ctx, "k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenFileState(p)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, err := s2.Get(ctx, "k"); err != nil || !ok || string(v) != "v" {
		t.Errorf("reloaded k = %q %v %v", v, ok, err)
	}
	if _, ok, _ := s2.Get(ctx, "missing"); ok {
		t.Error("missing key found")
	}
}
