package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/event"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/store"
)

// workerTTL is how long a worker's announcement lives without renewal:
// Status stops counting a worker this long after it died.
const workerTTL = 15 * time.Second

// requeueEvery is how often an idle worker checks for messages the
// consumer lost track of.
const requeueEvery = 10 * time.Second

// Headers of a dead letter.
const (
	HeaderError      = "Annals-Error"      // why the document failed, the last time
	HeaderDeliveries = "Annals-Deliveries" // how often it was delivered
	HeaderSeq        = "Annals-Stream-Seq" // its sequence in the work stream
)

// Worker takes documents off the work stream, codes them and stores them
// with the steps of a codestore.Runner. Several workers, in one process or
// on many machines, share the stream's durable consumer.
type Worker struct {
	Config Config
	Code   codestore.Coder // codestore.PipelineCoder of the pipeline, or a stand-in
	Store  store.Store
	Name   string // announced to Status; default host-pid

	Batch         int           // messages fetched and saved per transaction; default 32
	Parallel      int           // documents coded at once; default GOMAXPROCS
	MaxAckPending int           // messages the whole cluster may hold unacknowledged; default 1024
	MaxDeliver    int           // deliveries before a document becomes a dead letter; default 5
	AckWait       time.Duration // redelivery after silence; default 30s (in-progress acks renew it)
	RetryDelay    time.Duration // first redelivery delay after a failure, growing with each; default 2s
	// DrainTimeout bounds how long a cancelled Run finishes the batch in
	// hand before it gives the rest back (nak); default 30s.
	DrainTimeout time.Duration

	Metrics *metrics.Metrics // nil: none
	Log     *slog.Logger     // nil: none

	run *codestore.Runner // codes and saves, made by setDefaults
}

func (w *Worker) setDefaults() {
	w.Config = w.Config.withDefaults()
	if w.Name == "" {
		host, _ := os.Hostname()
		w.Name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	setDefault(&w.Batch, 32)
	setDefault(&w.Parallel, runtime.GOMAXPROCS(0))
	setDefault(&w.MaxAckPending, 1024)
	setDefault(&w.MaxDeliver, 5)
	setDefault(&w.AckWait, 30*time.Second)
	setDefault(&w.RetryDelay, 2*time.Second)
	setDefault(&w.DrainTimeout, 30*time.Second)
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	if w.Metrics == nil {
		w.Metrics = metrics.New()
	}
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		start := time.Now()
		defer func() { w.Metrics.Coded(time.Since(start)) }()
		return w.Code(ctx, doc)
	}
	w.run = codestore.New(code, retrying{w}, codestore.Options{Workers: w.Parallel})
}

// retrying is the worker's store as its runner sees it: a save that fails
// for a transient reason is retried until it succeeds or ctx ends.
type retrying struct{ w *Worker }

func (r retrying) HasDocument(ctx context.Context, hash string) (bool, error) {
	return r.w.Store.HasDocument(ctx, hash)
}

func (r retrying) SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	return r.w.saveRetry(ctx, items)
}

func setDefault[T int | time.Duration](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// Run works until ctx is cancelled, then finishes the batch in hand (or
// gives back what it cannot finish within DrainTimeout) and returns nil.
// NATS and PostgreSQL failures are retried with backoff; only a setup that
// keeps failing until ctx ends is returned as an error.
func (w *Worker) Run(ctx context.Context, js jetstream.JetStream) error {
	if w.Code == nil || w.Store == nil {
		return errors.New("queue worker: Code and Store are required")
	}
	w.setDefaults()
	cons, err := w.setup(ctx, js)
	if err != nil {
		return err
	}
	stopBeat := w.heartbeat(ctx, js)
	defer stopBeat()
	w.Log.Info("worker started", "name", w.Name, "stream", w.Config.Stream, "consumer", w.Config.Consumer)
	lastCheck := time.Now()
	var saving <-chan struct{} // the batch being saved; nil when none
	for fails := 0; ctx.Err() == nil; {
		msgs, err := fetch(cons, w.Batch)
		if err != nil {
			w.Metrics.QueueError()
			w.Log.Warn("fetch failed, retrying", "err", err)
			fails++
			sleep(ctx, backoff(fails))
			continue
		}
		fails = 0
		if len(msgs) > 0 {
			saving = w.process(ctx, js, msgs, saving)
			continue
		}
		// Idle: look for messages the consumer lost track of (see Requeue).
		if time.Since(lastCheck) >= requeueEvery {
			lastCheck = time.Now()
			if n, err := Requeue(ctx, js, w.Config); err != nil {
				w.Log.Warn("requeue check failed", "err", err)
			} else if n > 0 {
				w.Log.Warn("requeued messages the consumer had lost track of", "messages", n)
			}
		}
	}
	if saving != nil {
		<-saving
	}
	w.Log.Info("worker stopped", "name", w.Name)
	return nil
}

// setup makes the streams and the shared consumer, retrying while NATS is
// unreachable or has no JetStream leader yet.
func (w *Worker) setup(ctx context.Context, js jetstream.JetStream) (jetstream.Consumer, error) {
	for try := 0; ; try++ {
		cons, err := w.consumer(ctx, js)
		if err == nil {
			return cons, nil
		}
		w.Metrics.QueueError()
		w.Log.Warn("queue setup failed, retrying", "err", err)
		if !sleep(ctx, backoff(try)) {
			return nil, fmt.Errorf("queue worker: %w (stopped during setup: %w)", ctx.Err(), err)
		}
	}
}

func (w *Worker) consumer(ctx context.Context, js jetstream.JetStream) (jetstream.Consumer, error) {
	if err := Ensure(ctx, js, w.Config); err != nil {
		return nil, err
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, w.Config.Stream, jetstream.ConsumerConfig{
		Durable:       w.Config.Consumer,
		Description:   "annals workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       w.AckWait,
		MaxAckPending: w.MaxAckPending,
		// One delivery more than the workers allow: the worker that gets
		// it last turns a document that crashed its workers into a dead
		// letter, where the server would leave it stuck.
		MaxDeliver:    w.MaxDeliver + 1,
		FilterSubject: w.Config.Subject,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", w.Config.Consumer, w.Config.Stream, err)
	}
	return cons, nil
}

// heartbeat announces the worker in the workers bucket until stopped.
func (w *Worker) heartbeat(ctx context.Context, js jetstream.JetStream) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	bucket := w.Config.WorkersBucket()
	go func() {
		defer close(done)
		val, _ := json.Marshal(map[string]any{"batch": w.Batch, "parallel": w.Parallel, "started": time.Now().UTC()})
		for {
			if kv, err := js.KeyValue(ctx, bucket); err == nil {
				_, err = kv.Put(ctx, w.Name, val)
				if err != nil && ctx.Err() == nil {
					w.Log.Debug("heartbeat failed", "err", err)
				}
			}
			if !sleep(ctx, workerTTL/3) {
				return
			}
		}
	}()
	return func() {
		cancel()
		<-done
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if kv, err := js.KeyValue(ctx, bucket); err == nil {
			_ = kv.Delete(ctx, w.Name) // a stale entry expires after workerTTL anyway
		}
	}
}

// fetch pulls up to n messages without waiting for a full batch: what is
// there now, else the first to come within a couple of seconds (so that a
// cancelled worker notices soon) and what came with it.
func fetch(cons jetstream.Consumer, n int) ([]jetstream.Msg, error) {
	msgs, err := collect(cons.FetchNoWait(n))
	if err != nil || len(msgs) > 0 {
		return msgs, err
	}
	if msgs, err = collect(cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))); err != nil || len(msgs) == 0 || n == 1 {
		return msgs, err
	}
	more, err := collect(cons.FetchNoWait(n - 1))
	if err != nil {
		return msgs, nil // the next round fetches the rest
	}
	return append(msgs, more...), nil
}

func collect(b jetstream.MessageBatch, err error) ([]jetstream.Msg, error) {
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) && len(msgs) == 0 {
		return nil, err
	}
	return msgs, nil
}

// job is one message in the batch in hand, and its document on its way
// through the runner.
type job struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata
	codestore.Job
}

// process codes one batch of messages, then, once the batch before it
// (prev, nil for none) is acknowledged, saves and acknowledges it in the
// background, so that the next batch is coded while this one is written.
// The returned channel is closed when it is acknowledged.
func (w *Worker) process(ctx context.Context, js jetstream.JetStream, msgs []jetstream.Msg, prev <-chan struct{}) <-chan struct{} {
	// The batch in hand is finished even after ctx is cancelled, for at
	// most DrainTimeout; what is left then is given back.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-done:
			return
		}
		select {
		case <-time.After(w.DrainTimeout):
			cancel()
		case <-done:
		}
	}()
	go w.keepAlive(msgs, done)

	jobs := make([]*job, len(msgs))
	steps := make([]*codestore.Job, len(msgs))
	for i, m := range msgs {
		jobs[i] = w.decode(m)
		steps[i] = &jobs[i].Job
	}
	if last := jobs[len(jobs)-1].meta; last != nil {
		w.Metrics.Lag(last.NumPending, last.Timestamp)
	}
	w.run.Code(work, steps)
	if prev != nil {
		<-prev // one save at a time: batches are committed in the order they were fetched
	}
	go func() {
		defer close(done)
		defer cancel()
		w.finish(work, js, jobs, steps)
	}()
	return done
}

// decode makes the job of a message: its document, or the error that
// makes it a dead letter (a body that is not a document, or a message
// delivered more often than workers survive).
func (w *Worker) decode(m jetstream.Msg) *job {
	j := &job{msg: m}
	j.meta, _ = m.Metadata()
	if j.meta != nil && j.meta.NumDelivered > uint64(w.MaxDeliver) {
		j.Err = fmt.Errorf("delivered %d times without an outcome (workers died on it?)", j.meta.NumDelivered)
		return j
	}
	msg, err := DecodeMessage(m.Data())
	if err != nil {
		j.Err = err
		return j
	}
	j.Name, j.Doc, j.Hash = msg.Input, msg.Document(), msg.Hash
	return j
}

// finish saves the coded jobs and acknowledges, gives back or
// dead-letters each message.
func (w *Worker) finish(work context.Context, js jetstream.JetStream, jobs []*job, steps []*codestore.Job) {
	w.run.Save(work, steps)
	for _, j := range jobs {
		switch {
		case j.Done:
			w.saved(j.Result)
			if err := j.msg.Ack(); err != nil {
				// Redelivered later and found stored: no harm done.
				w.Metrics.QueueError()
				w.Log.Warn("ack failed", "input", j.Name, "err", err)
			}
		case work.Err() != nil:
			_ = j.msg.Nak() // draining: another worker takes it now
		default:
			w.fail(js, j)
		}
	}
}

// keepAlive sends in-progress acks for msgs until done, so a batch slower
// than AckWait is not delivered to a second worker meanwhile.
func (w *Worker) keepAlive(msgs []jetstream.Msg, done <-chan struct{}) {
	t := time.NewTicker(w.AckWait / 3)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			for _, m := range msgs {
				_ = m.InProgress() // a lost one only risks a duplicate delivery, which the store absorbs
			}
		}
	}
}

// saved counts a document in the store.
func (w *Worker) saved(r store.SaveResult) {
	if r.Skipped {
		w.Metrics.Document(metrics.Duplicate, 0, 0)
		return
	}
	w.Metrics.Document(metrics.Stored, r.Mentions, r.NewEvents)
}

// saveRetry saves items in one transaction, retrying transient failures
// with backoff until ctx ends.
func (w *Worker) saveRetry(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	for try := 0; ; try++ {
		start := time.Now()
		res, err := w.Store.SaveBatch(ctx, items)
		if err == nil {
			w.Metrics.Saved(time.Since(start))
			return res, nil
		}
		w.Metrics.DBError()
		if !errors.Is(err, store.ErrUnavailable) {
			return nil, err
		}
		w.Log.Warn("database unavailable, retrying", "documents", len(items), "err", err)
		if !sleep(ctx, backoff(try)) {
			return nil, err
		}
	}
}

// fail gives a message that could not be coded or stored back for a later
// try, or, on its last delivery, moves it to the dead letters.
func (w *Worker) fail(js jetstream.JetStream, j *job) {
	var n uint64 = 1
	if j.meta != nil {
		n = j.meta.NumDelivered
	}
	w.Log.Warn("document failed", "input", j.Name, "delivery", n, "err", j.Err)
	if n < uint64(w.MaxDeliver) {
		w.Metrics.Document(metrics.Failed, 0, 0)
		_ = j.msg.NakWithDelay(w.RetryDelay * time.Duration(n))
		return
	}
	dead := &nats.Msg{Subject: w.Config.DeadSubject(), Data: j.msg.Data(), Header: nats.Header{}}
	dead.Header.Set(HeaderError, j.Err.Error())
	dead.Header.Set(HeaderDeliveries, strconv.FormatUint(n, 10))
	if j.meta != nil {
		seq := strconv.FormatUint(j.meta.Sequence.Stream, 10)
		dead.Header.Set(HeaderSeq, seq)
		// The work stream's sequence names this message once: a dead
		// letter published twice (a crash before Term) is kept once.
		dead.Header.Set(jetstream.MsgIDHeader, w.Config.Stream+"-"+seq)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := js.PublishMsg(ctx, dead); err != nil {
		w.Metrics.QueueError()
		w.Log.Error("dead letter not published, giving the document back", "input", j.Name, "err", err)
		_ = j.msg.NakWithDelay(w.RetryDelay)
		return
	}
	w.Metrics.Document(metrics.Dead, 0, 0)
	_ = j.msg.Term()
}

// OpenStore opens a worker's store with open, waiting with backoff while
// the database is unavailable (store.ErrUnavailable: a server still
// starting or restarting), as the worker waits for it once running. It
// gives up on any other error, and when ctx ends: then the error wraps
// ctx's, and the worker has taken no work, so stopping is clean.
func OpenStore(ctx context.Context, log *slog.Logger, open func(context.Context) (store.Store, error)) (store.Store, error) {
	for try := 0; ; try++ {
		st, err := open(ctx)
		if err == nil {
			return st, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w (stopped while opening the store: %w)", ctx.Err(), err)
		}
		if !errors.Is(err, store.ErrUnavailable) {
			return nil, err
		}
		log.Warn("database unavailable at start, retrying", "err", err)
		if !sleep(ctx, backoff(try)) {
			return nil, fmt.Errorf("%w (stopped while waiting for the database: %w)", ctx.Err(), err)
		}
	}
}
