package queue

import (
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// TestRequeue strands messages the way a crashed server can: delivered,
// never acknowledged, and out of the consumer's reach (here because their
// single delivery ran out). Requeue must bring them back within reach.
func TestRequeue(t *testing.T) {
	nc, js, c := testNATS(t)
	submitAll(t, nc, js, c, testDocs(3))
	c = c.withDefaults()
	cons, err := js.CreateOrUpdateConsumer(t.Context(), c.Stream, jetstream.ConsumerConfig{
		Durable: c.Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: 300 * time.Millisecond, MaxDeliver: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := Requeue(t.Context(), js, c); err != nil || n != 0 {
		t.Fatalf("Requeue with work still undelivered: %d, %v; want 0, nil", n, err)
	}
	if msgs, err := fetch(cons, 3); err != nil || len(msgs) != 3 {
		t.Fatalf("fetch: %d messages, %v", len(msgs), err)
	}
	// The ack wait passes; MaxDeliver 1 forbids a redelivery. (The server
	// gives up on them when a pull request comes.)
	waitFor(t, 10*time.Second, "the deliveries to lapse", func() bool {
		if msgs, err := collect(cons.FetchNoWait(3)); err != nil || len(msgs) != 0 {
			t.Fatalf("stranded messages delivered again before Requeue: %d, %v", len(msgs), err)
		}
		ci, err := cons.Info(t.Context())
		return err == nil && ci.NumAckPending == 0
	})
	n, err := Requeue(t.Context(), js, c)
	if err != nil || n != 3 {
		t.Fatalf("Requeue: %d, %v; want 3", n, err)
	}
	var msgs []jetstream.Msg
	waitFor(t, 10*time.Second, "the requeued messages to be delivered", func() bool {
		more, err := fetch(cons, 3-len(msgs))
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, more...)
		return len(msgs) == 3
	})
	for _, m := range msgs {
		if _, err := DecodeMessage(m.Data()); err != nil {
			t.Errorf("requeued message: %v", err)
		}
		m.Ack()
	}
	waitFor(t, 5*time.Second, "the acks to empty the stream", func() bool {
		st, err := GetStatus(t.Context(), js, c)
		return err == nil && st.Stream.Msgs == 0
	})
}
