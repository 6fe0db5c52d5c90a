// Package queue runs annals as a cluster: documents travel through a NATS
// JetStream stream to any number of worker processes, which code them and
// write the results to one PostgreSQL database.
//
// All coordination is JetStream's and PostgreSQL's, none is home-made:
//
//   - The work stream has work-queue retention: a message is removed once a
//     worker acknowledges it. Each message is one document (JSON, see
//     Message) with its content hash as Nats-Msg-Id, so the stream queues a
//     document published twice within its duplicate window once.
//   - Workers share one durable pull consumer with explicit acks. A worker
//     acknowledges a message only after the transaction that stored the
//     document, its mentions and events has committed; MaxAckPending bounds
//     what the cluster has in flight; a slow batch sends in-progress acks
//     so it is not delivered twice. A crash between commit and ack
//     redelivers the message, and storing it again changes nothing: the
//     store keeps documents unique by content hash and folds mentions
//     under PostgreSQL advisory locks (package store/postgres).
//   - A message that fails MaxDeliver times is published to the dead-letter
//     stream with its error and then terminated; Dead lists them.
//   - Feed watchers keep their state in a key-value bucket (KVState) and
//     workers announce themselves in another, with a time to live, which is
//     how Status counts them.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	neturl "net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/event"
)

// Config names the stream, subjects, consumer and buckets of a cluster.
// Every process of one cluster must use the same names; the zero Config
// means the defaults.
type Config struct {
	Stream   string // work stream; default "ANNALS"
	Subject  string // subject documents are published on; default "annals.docs"
	Consumer string // durable consumer the workers share; default "annals-workers"
	Replicas int    // stream replicas in a NATS cluster; default 1
	// MaxBytes caps the work stream's storage; when full, publishing fails
	// with ErrStreamFull rather than dropping queued work. 0: no cap.
	MaxBytes int64
	// Duplicates is the window within which a document published again is
	// queued once; default 2 minutes (JetStream's).
	Duplicates time.Duration
}

// Defaults of Config.
const (
	DefaultStream   = "ANNALS"
	DefaultSubject  = "annals.docs"
	DefaultConsumer = "annals-workers"
)

// Errors the queue reports.
var (
	ErrTooLarge   = errors.New("document too large for one message")
	ErrStreamFull = errors.New("work stream full")
)

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Subject == "" {
		c.Subject = DefaultSubject
	}
	if c.Consumer == "" {
		c.Consumer = DefaultConsumer
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Duplicates <= 0 {
		c.Duplicates = 2 * time.Minute
	}
	return c
}

// DeadStream is the stream that keeps dead letters.
func (c Config) DeadStream() string { return c.withDefaults().Stream + "_DEAD" }

// DeadSubject is the subject dead letters are published on.
func (c Config) DeadSubject() string { return c.withDefaults().Subject + ".dead" }

// WatchBucket is the key-value bucket of the feed watchers' state.
func (c Config) WatchBucket() string { return strings.ToLower(c.withDefaults().Stream) + "_watch" }

// WorkersBucket is the key-value bucket where live workers announce
// themselves.
func (c Config) WorkersBucket() string { return strings.ToLower(c.withDefaults().Stream) + "_workers" }

// Connect connects to the NATS server(s) at url (comma-separated for a
// cluster). The connection reconnects for ever: a restarted or failed-over
// server only pauses the work.
func Connect(url, name string) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(url,
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(false),
	)
	if err != nil {
		return nil, nil, fmt.Errorf("queue: connect to NATS at %s: %w", hideCredentials(url), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("queue: JetStream at %s: %w", hideCredentials(url), err)
	}
	return nc, js, nil
}

// hideCredentials drops the user, password or token from each of a
// comma-separated list of NATS URLs, for messages.
func hideCredentials(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		u, err := neturl.Parse(strings.TrimSpace(p))
		if err != nil {
			parts[i] = "(a URL that does not parse)"
			continue
		}
		u.User = nil
		parts[i] = u.String()
	}
	return strings.Join(parts, ",")
}

// Ensure creates the work stream, the dead-letter stream and the buckets
// when missing, and updates the work stream's limits to c when they exist.
func Ensure(ctx context.Context, js jetstream.JetStream, c Config) error {
	c = c.withDefaults()
	work := jetstream.StreamConfig{
		Name:        c.Stream,
		Description: "annals documents to code",
		Subjects:    []string{c.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
		MaxBytes:    orUnlimited(c.MaxBytes),
		Discard:     jetstream.DiscardNew, // a full queue refuses work; it never drops queued documents
		Duplicates:  c.Duplicates,
	}
	if _, err := js.CreateOrUpdateStream(ctx, work); err != nil {
		return fmt.Errorf("queue: stream %s: %w", c.Stream, err)
	}
	dead := jetstream.StreamConfig{
		Name:        c.DeadStream(),
		Description: "annals documents that failed MaxDeliver times",
		Subjects:    []string{c.DeadSubject()},
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
		Duplicates:  c.Duplicates,
	}
	if _, err := js.CreateOrUpdateStream(ctx, dead); err != nil {
		return fmt.Errorf("queue: stream %s: %w", dead.Name, err)
	}
	for _, kv := range []jetstream.KeyValueConfig{
		{Bucket: c.WatchBucket(), Description: "annals feed watcher state", Replicas: c.Replicas, Storage: jetstream.FileStorage},
		{Bucket: c.WorkersBucket(), Description: "live annals workers", Replicas: c.Replicas, TTL: workerTTL, Storage: jetstream.FileStorage},
	} {
		if _, err := js.CreateOrUpdateKeyValue(ctx, kv); err != nil {
			return fmt.Errorf("queue: bucket %s: %w", kv.Bucket, err)
		}
	}
	return nil
}

func orUnlimited(n int64) int64 {
	if n <= 0 {
		return -1
	}
	return n
}

// Message is the body of one work message: a document as JSON.
type Message struct {
	Input     string    `json:"input,omitempty"` // where it was read from, for error messages
	Hash      string    `json:"hash"`            // hex SHA-256 of the normalized text, also the Nats-Msg-Id
	ID        string    `json:"id,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Author    string    `json:"author,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Text      string    `json:"text"`
}

// NewMessage makes the message of a document.
func NewMessage(input, hash string, d *event.Document) Message {
	return Message{Input: input, Hash: hash, ID: d.ID, URL: d.URL, Title: d.Title, Author: d.Author,
		Source: d.Source, Published: d.Published, Text: d.Text}
}

// Document returns the message's document.
func (m *Message) Document() *event.Document {
	return &event.Document{ID: m.ID, URL: m.URL, Title: m.Title, Author: m.Author, Source: m.Source,
		Published: m.Published, Text: m.Text}
}

// DecodeMessage parses a message body. A body that is not a document is an
// error: such a message can never be coded and ends as a dead letter.
func DecodeMessage(data []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("queue: message is not a document: %w", err)
	}
	if m.Text == "" {
		return m, errors.New("queue: message has no text")
	}
	return m, nil
}

// backoff returns the wait before retry n (0-based): 250ms doubling up to
// 10s.
func backoff(n int) time.Duration {
	d := 250 * time.Millisecond << min(n, 6)
	return min(d, 10*time.Second)
}

// sleep waits d or until ctx is done, and says whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
