package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/ingest"
)

// KVState is an ingest.State kept in a JetStream key-value bucket, shared
// by every watcher of a cluster. Writes are compare-and-set against the
// revision the watcher read: when another watcher wrote the key in
// between, its write stands (both are true states of the same feed: an
// item seen, or validators of a poll at least as recent).
type KVState struct {
	kv   jetstream.KeyValue
	mu   sync.Mutex
	revs map[string]uint64 // revision read by Get, until the Put that follows
}

// NewKVState returns the state in bucket kv.
func NewKVState(kv jetstream.KeyValue) *KVState {
	return &KVState{kv: kv, revs: map[string]uint64{}}
}

// Get implements ingest.State.
func (s *KVState) Get(ctx context.Context, key string) ([]byte, bool, error) {
	e, err := s.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		s.setRev(key, 0)
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("bucket %s: get %s: %w", s.kv.Bucket(), key, err)
	}
	s.setRev(key, e.Revision())
	return e.Value(), true, nil
}

func (s *KVState) setRev(key string, rev uint64) {
	s.mu.Lock()
	s.revs[key] = rev
	s.mu.Unlock()
}

// Put implements ingest.State.
func (s *KVState) Put(ctx context.Context, key string, val []byte) error {
	s.mu.Lock()
	rev, read := s.revs[key]
	delete(s.revs, key)
	s.mu.Unlock()
	var err error
	switch {
	case !read:
		_, err = s.kv.Put(ctx, key, val) // never read: nothing to compare with
	case rev == 0:
		_, err = s.kv.Create(ctx, key, val)
	default:
		_, err = s.kv.Update(ctx, key, val, rev)
	}
	if isConflict(err) {
		return nil // another watcher wrote it first; see KVState
	}
	if err != nil {
		return fmt.Errorf("bucket %s: put %s: %w", s.kv.Bucket(), key, err)
	}
	return nil
}

func isConflict(err error) bool {
	var apiErr *jetstream.APIError
	return errors.Is(err, jetstream.ErrKeyExists) ||
		errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

// ClusterWatcher polls feeds from several machines at once without two
// of them fetching one feed at the same time: before each poll a watcher
// takes the feed's lease in the bucket with compare-and-set, and skips the
// feed while another holds it. Items already queued are remembered in the
// bucket (KVState), so a restarted watcher resumes where the cluster was.
type ClusterWatcher struct {
	Watcher ingest.Watcher     // Feeds, Interval, Fetcher and Options; State is set here
	KV      jetstream.KeyValue // the watch bucket
	Name    string             // this watcher, recorded in the leases it holds
	// Lease is how long a lease lasts when its holder dies before giving
	// it back; default 5 minutes.
	Lease time.Duration
}

// lease is the value of a feed's lease key.
type lease struct {
	Holder string    `json:"holder"`
	Until  time.Time `json:"until"`
}

// Run polls like ingest.Watcher.Run, each feed under its lease.
func (c *ClusterWatcher) Run(ctx context.Context, emit func(context.Context, ingest.Item) error) error {
	if c.Lease <= 0 {
		c.Lease = 5 * time.Minute
	}
	state := NewKVState(c.KV)
	for {
		for _, feed := range c.Watcher.Feeds {
			if ctx.Err() != nil {
				return nil
			}
			release, ok, err := c.take(ctx, feed)
			if err != nil {
				return err
			}
			if !ok {
				continue // another watcher is polling it now
			}
			w := c.Watcher
			w.Feeds, w.Interval, w.State = []string{feed}, 0, state
			err = w.Run(ctx, emit)
			release()
			if err != nil {
				return err
			}
		}
		if c.Watcher.Interval <= 0 || !sleep(ctx, c.Watcher.Interval) {
			return nil
		}
	}
}

// take takes the lease of feed, or reports that a live watcher holds it.
func (c *ClusterWatcher) take(ctx context.Context, feed string) (release func(), ok bool, err error) {
	key := leaseKey(feed)
	val, _ := json.Marshal(lease{Holder: c.Name, Until: time.Now().Add(c.Lease)})
	var rev uint64
	e, err := c.KV.Get(ctx, key)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound), errors.Is(err, jetstream.ErrKeyDeleted):
		rev, err = c.KV.Create(ctx, key, val)
	case err != nil:
	default:
		var l lease
		if json.Unmarshal(e.Value(), &l) == nil && time.Now().Before(l.Until) {
			return nil, false, nil
		}
		rev, err = c.KV.Update(ctx, key, val, e.Revision()) // expired: take it over
	}
	if isConflict(err) {
		return nil, false, nil // another watcher took it between our read and write
	}
	if err != nil {
		return nil, false, fmt.Errorf("watch %s: lease in bucket %s: %w", feed, c.KV.Bucket(), err)
	}
	return func() {
		// Only our own lease is removed: if it expired and another
		// watcher took it, the revision no longer matches.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = c.KV.Delete(ctx, key, jetstream.LastRevision(rev))
	}, true, nil
}

// leaseKey is the key of feed's lease.
func leaseKey(feed string) string {
	h := sha256.Sum256([]byte(feed))
	return "lease." + hex.EncodeToString(h[:12])
}
