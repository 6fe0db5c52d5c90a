package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/ingest"
)

// Publisher puts documents on the work stream.
type Publisher struct {
	js      jetstream.JetStream
	subject string
	// maxMsg is the largest message the server accepts: documents are
	// refused above it rather than truncated, since a cut article would be
	// coded as something it does not say.
	maxMsg int64
	// Retries is how often a publish that got no answer (a NATS server
	// restarting or failing over) is tried again; the same Nats-Msg-Id
	// makes a retry that did reach the stream harmless.
	Retries int
	// WaitWhenFull makes Submit wait, with backoff, while the stream is
	// full, until workers have made room or ctx ends: a backfill larger
	// than the stream's cap then flows through it. Without it a full
	// stream is ErrStreamFull.
	WaitWhenFull bool
}

// NewPublisher returns a publisher onto the work stream of c, which Ensure
// has made.
func NewPublisher(nc *nats.Conn, js jetstream.JetStream, c Config) *Publisher {
	return &Publisher{js: js, subject: c.withDefaults().Subject, maxMsg: nc.MaxPayload(), Retries: 8}
}

// Submit publishes the document of it and reports whether the stream
// already held it (a duplicate within the duplicate window). Errors name
// the input.
func (p *Publisher) Submit(ctx context.Context, it ingest.Item) (duplicate bool, err error) {
	if it.Err != nil {
		return false, it.Err
	}
	body, err := json.Marshal(NewMessage(it.Input, it.Hash, it.Doc))
	if err != nil {
		return false, fmt.Errorf("queue submit %s: %w", it.Input, err)
	}
	if int64(len(body)) > p.maxMsg {
		return false, fmt.Errorf("queue submit %s: %w (%d bytes, the server takes at most %d; raise max_payload or split the article)",
			it.Input, ErrTooLarge, len(body), p.maxMsg)
	}
	msg := &nats.Msg{Subject: p.subject, Data: body, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, it.Hash)
	for try := 0; ; try++ {
		ack, err := p.js.PublishMsg(ctx, msg)
		if err == nil {
			return ack.Duplicate, nil
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) {
			// The stream answered: its refusal will not change on a retry.
			if isFull(apiErr) {
				full := fmt.Errorf("queue submit %s: %w: %v", it.Input, ErrStreamFull, err)
				if !p.WaitWhenFull || !sleep(ctx, backoff(try)) {
					return false, full
				}
				try = min(try, 6) // wait as long as it takes, at the longest backoff
				continue
			}
			return false, fmt.Errorf("queue submit %s: %w", it.Input, err)
		}
		if try >= p.Retries || !sleep(ctx, backoff(try)) {
			return false, fmt.Errorf("queue submit %s: %w", it.Input, err)
		}
	}
}

// isFull reports the refusals of a stream with DiscardNew that has
// reached its limits.
func isFull(apiErr *jetstream.APIError) bool {
	d := strings.ToLower(apiErr.Description)
	for _, s := range []string{"maximum bytes exceeded", "maximum messages exceeded", "resource limits exceeded", "insufficient resources"} {
		if strings.Contains(d, s) {
			return true
		}
	}
	return false
}
