package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// State is the small key-value memory of a Watcher: which items it has
// emitted and each feed's ETag and Last-Modified. Keys are short ASCII
// strings of [A-Za-z0-9._-], as NATS key-value buckets require, so a
// single-machine file and a cluster-wide bucket can both hold it.
type State interface {
	// Get returns the value of key; ok is false when there is none.
	Get(ctx context.Context, key string) (val []byte, ok bool, err error)
	// Put sets key to val.
	Put(ctx context.Context, key string, val []byte) error
}

// Watcher polls feeds and emits the items it has not emitted before.
type Watcher struct {
	Feeds    []string      // feed URLs
	Interval time.Duration // time between polls; zero polls once
	Fetcher  Fetcher
	State    State
	Options  Options // FetchArticles, MaxBytes and Warn apply to items
}

// validators are what a conditional GET needs, and which item keys the
// feed's seen marks use.
type validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Keys is the item-key scheme of the last complete poll: zero for
	// annals' own feed parser, itemKeys since ParseFeed reads with
	// gofeed.
	Keys int `json:"keys,omitempty"`
}

// itemKeys is the current item-key scheme (see validators.Keys).
const itemKeys = 2

// Run polls every feed, then waits Interval and polls again, until ctx is
// cancelled; it then returns nil. New items go to emit, oldest first; an
// item is remembered as seen only once emit has returned nil, so an
// interrupted run never loses an item (it may emit it again, at most the
// one emit was busy with). A feed that fails is emitted as an Item with
// Err, and polling goes on. An error from emit or from the state stops Run
// and is returned.
func (w *Watcher) Run(ctx context.Context, emit func(context.Context, Item) error) error {
	if w.Fetcher == nil || w.State == nil {
		return errors.New("watch: Fetcher and State are required")
	}
	for {
		for _, feed := range w.Feeds {
			if ctx.Err() != nil {
				return nil
			}
			if err := w.poll(ctx, feed, emit); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
		if w.Interval <= 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(w.Interval):
		}
	}
}

// poll reads one feed once.
func (w *Watcher) poll(ctx context.Context, feed string, emit func(context.Context, Item) error) error {
	vkey := "feed." + keyHash(feed)
	var v validators
	raw, polled, err := w.State.Get(ctx, vkey)
	if err != nil {
		return fmt.Errorf("watch %s: state: %w", feed, err)
	} else if polled {
		_ = json.Unmarshal(raw, &v) // unreadable validators only cost a full fetch
	}
	// A feed last polled under the old key scheme may know an item by
	// its old key; that is looked up until one poll has completed.
	legacy := polled && v.Keys < itemKeys
	resp, err := w.Fetcher.Fetch(ctx, Request{URL: feed, ETag: v.ETag, LastModified: v.LastModified})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return emit(ctx, Item{Input: feed, Err: fmt.Errorf("watch %s: %w", feed, err)})
	}
	if resp.NotModified {
		return nil
	}
	parsed, err := ParseFeed(resp.Body)
	if err != nil {
		return emit(ctx, Item{Input: feed, Err: fmt.Errorf("watch %s: %w", feed, err)})
	}
	for _, r := range parsed.Repairs {
		w.Options.warn(feed, "%s", r)
	}
	opts := w.Options
	if opts.Fetcher == nil {
		opts.Fetcher = w.Fetcher
	}
	// Feeds list newest first; emitting oldest first keeps the stream in
	// publication order.
	items := slices.Clone(parsed.Items)
	slices.Reverse(items)
	for _, it := range items {
		skey := seenKey(feed, it.Key)
		_, seen, err := w.State.Get(ctx, skey)
		if err != nil {
			return fmt.Errorf("watch %s: state: %w", feed, err)
		}
		if !seen && legacy && it.legacyKey != "" {
			if _, seen, err = w.State.Get(ctx, seenKey(feed, it.legacyKey)); err == nil && seen {
				err = w.State.Put(ctx, skey, []byte(time.Now().UTC().Format(time.RFC3339)))
			}
			if err != nil {
				return fmt.Errorf("watch %s: state: %w", feed, err)
			}
		}
		if seen {
			continue
		}
		item := feedItemDoc(ctx, feed+"#"+it.Key, parsed.Title, it, &opts)
		if ctx.Err() != nil {
			return nil // cancelled while fetching the article: emit nothing half-made
		}
		if err := emit(ctx, item); err != nil {
			return err
		}
		if err := w.State.Put(ctx, skey, []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
			return fmt.Errorf("watch %s: state: %w", feed, err)
		}
	}
	// Validators are saved last: a poll cut short refetches the feed and
	// skips what it already emitted.
	raw, _ = json.Marshal(validators{ETag: resp.ETag, LastModified: resp.LastModified, Keys: itemKeys})
	if err := w.State.Put(ctx, vkey, raw); err != nil {
		return fmt.Errorf("watch %s: state: %w", feed, err)
	}
	return nil
}

// seenKey is the state key that marks item key as emitted from feed.
func seenKey(feed, key string) string {
	return "seen." + keyHash(feed+"\x00"+key)
}

// keyHash makes any string a valid, short state key.
func keyHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:12])
}

// FileState is a State kept in one JSON file, for a single machine. Each Put
// rewrites the file atomically (write to a temporary file, then rename).
type FileState struct {
	path string
	mu   sync.Mutex
	kv   map[string]string
}

// OpenFileState loads the state in path, or starts an empty one when the
// file does not exist.
func OpenFileState(path string) (*FileState, error) {
	s := &FileState{path: path, kv: map[string]string{}}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return s, nil
	case err != nil:
		return nil, fmt.Errorf("watch state %s: %w", path, err)
	}
	if err := json.Unmarshal(data, &s.kv); err != nil {
		return nil, fmt.Errorf("watch state %s: %w", path, err)
	}
	return s, nil
}

// Get implements State.
func (s *FileState) Get(_ context.Context, key string) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.kv[key]
	return []byte(v), ok, nil
}

// Put implements State.
func (s *FileState) Put(_ context.Context, key string, val []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kv[key] = string(val)
	data, err := json.Marshal(s.kv)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".state-*")
	if err != nil {
		return fmt.Errorf("watch state %s: %w", s.path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("watch state %s: %w", s.path, errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("watch state %s: %w", s.path, err)
	}
	return nil
}
