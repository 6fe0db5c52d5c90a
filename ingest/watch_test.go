package ingest

import (
	"context"
	"errors"
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
