package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Requeue puts back into reach the messages that the consumer has passed
// but that were never acknowledged, and returns how many it moved.
//
// A NATS server killed without a clean shutdown can come back with its
// consumer's delivered sequence saved but not the list of messages still
// awaiting their ack (seen with nats-server 2.9 and a single replica): the
// stream keeps those messages, since work-queue retention only drops what
// is acknowledged, yet the consumer never delivers them again. When the
// consumer has nothing undelivered and nothing in flight, every message
// left in the stream is such a message. Requeue publishes each again (its
// Nats-Msg-Id derived from its old sequence, so two workers requeueing at
// once add it once) and deletes the old copy. Redelivering a document that
// had in fact been stored is harmless: the store skips it.
func Requeue(ctx context.Context, js jetstream.JetStream, c Config) (int, error) {
	c = c.withDefaults()
	stream, err := js.Stream(ctx, c.Stream)
	if err != nil {
		return 0, fmt.Errorf("queue requeue: stream %s: %w", c.Stream, err)
	}
	cons, err := stream.Consumer(ctx, c.Consumer)
	if err != nil {
		return 0, fmt.Errorf("queue requeue: consumer %s: %w", c.Consumer, err)
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue requeue: consumer %s: %w", c.Consumer, err)
	}
	if ci.NumPending > 0 || ci.NumAckPending > 0 {
		return 0, nil // the consumer still has work out or to hand out: nothing is lost
	}
	si, err := stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue requeue: stream %s: %w", c.Stream, err)
	}
	if si.State.Msgs == 0 {
		return 0, nil
	}
	moved := 0
	for seq := si.State.FirstSeq; seq <= min(si.State.LastSeq, ci.Delivered.Stream); seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return moved, fmt.Errorf("queue requeue: message %d: %w", seq, err)
		}
		again := &nats.Msg{Subject: m.Subject, Data: m.Data, Header: nats.Header{}}
		for k, v := range m.Header {
			again.Header[k] = v
		}
		again.Header.Set(jetstream.MsgIDHeader, "requeue-"+strconv.FormatUint(seq, 10))
		if _, err := js.PublishMsg(ctx, again); err != nil {
			return moved, fmt.Errorf("queue requeue: message %d: %w", seq, err)
		}
		if err := stream.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return moved, fmt.Errorf("queue requeue: delete message %d: %w", seq, err)
		}
		moved++
	}
	return moved, nil
}
