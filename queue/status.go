package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is the state of a cluster's queue.
type Status struct {
	Stream      jetstream.StreamState
	Consumer    *jetstream.ConsumerInfo // nil before the first worker started
	Pending     uint64                  // queued, not delivered to a worker now
	InFlight    uint64                  // delivered, not yet acknowledged
	Redelivered uint64                  // in flight and delivered more than once
	Dead        uint64                  // dead letters kept
	Workers     []string                // workers alive (announced within the last 15s)
}

// Line is the summary line of s, always in this form:
// pending=N inflight=N redelivered=N dead=N workers=N.
func (s *Status) Line() string {
	return fmt.Sprintf("pending=%d inflight=%d redelivered=%d dead=%d workers=%d",
		s.Pending, s.InFlight, s.Redelivered, s.Dead, len(s.Workers))
}

// GetStatus reads the state of the streams, consumer and workers of c.
// The work stream must exist.
func GetStatus(ctx context.Context, js jetstream.JetStream, c Config) (*Status, error) {
	c = c.withDefaults()
	st := &Status{}
	stream, err := js.Stream(ctx, c.Stream)
	if err != nil {
		return nil, fmt.Errorf("queue status: stream %s: %w", c.Stream, err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue status: stream %s: %w", c.Stream, err)
	}
	st.Stream = info.State
	// Work-queue retention deletes what is acknowledged, so the stream
	// holds exactly what is queued or in flight.
	st.Pending = info.State.Msgs
	cons, err := stream.Consumer(ctx, c.Consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
	case err != nil:
		return nil, fmt.Errorf("queue status: consumer %s: %w", c.Consumer, err)
	default:
		ci, err := cons.Info(ctx)
		if err != nil {
			return nil, fmt.Errorf("queue status: consumer %s: %w", c.Consumer, err)
		}
		st.Consumer = ci
		st.InFlight = uint64(ci.NumAckPending)
		st.Redelivered = uint64(ci.NumRedelivered)
		st.Pending -= min(st.Pending, st.InFlight)
	}
	if ds, err := js.Stream(ctx, c.DeadStream()); err == nil {
		if di, err := ds.Info(ctx); err == nil {
			st.Dead = di.State.Msgs
		}
	}
	if kv, err := js.KeyValue(ctx, c.WorkersBucket()); err == nil {
		keys, err := kv.ListKeys(ctx)
		if err != nil {
			return nil, fmt.Errorf("queue status: bucket %s: %w", c.WorkersBucket(), err)
		}
		for k := range keys.Keys() {
			st.Workers = append(st.Workers, k)
		}
	}
	return st, nil
}

// DeadLetter is a document that failed too often, with its last error.
type DeadLetter struct {
	Seq        uint64    // sequence in the dead-letter stream
	Time       time.Time // when it was dead-lettered
	WorkSeq    uint64    // its sequence in the work stream
	Deliveries int
	Error      string
	Message    Message // the document, as far as it could be decoded
	Data       []byte  // the message body as it was queued
}

// Dead yields the dead letters of c, oldest first, at most limit of them
// (0: all).
func Dead(ctx context.Context, js jetstream.JetStream, c Config, limit int) ([]DeadLetter, error) {
	c = c.withDefaults()
	s, err := js.Stream(ctx, c.DeadStream())
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("queue dead: stream %s: %w", c.DeadStream(), err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue dead: stream %s: %w", c.DeadStream(), err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		if limit > 0 && len(out) >= limit {
			break
		}
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // deleted by an operator
		}
		if err != nil {
			return out, fmt.Errorf("queue dead: message %d: %w", seq, err)
		}
		d := DeadLetter{Seq: m.Sequence, Time: m.Time, Error: m.Header.Get(HeaderError), Data: m.Data}
		d.WorkSeq, _ = strconv.ParseUint(m.Header.Get(HeaderSeq), 10, 64)
		d.Deliveries, _ = strconv.Atoi(m.Header.Get(HeaderDeliveries))
		d.Message, _ = DecodeMessage(m.Data) // a body that is no document is itself the reason
		out = append(out, d)
	}
	return out, nil
}
