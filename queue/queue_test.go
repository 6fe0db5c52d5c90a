package queue

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/store"
)

func TestSubmitDedup(t *testing.T) {
	nc, js, c := testNATS(t)
	items := testDocs(5)
	if dups := submitAll(t, nc, js, c, items); dups != 0 {
		t.Fatalf("first submit: %d duplicates, want 0", dups)
	}
	// The same documents again, and one with the same text under another
	// name: all are already queued.
	again := append(testDocs(5), ingest.Item{Input: "copy.txt", Doc: &event.Document{URL: "file:copy.txt", Text: items[0].Doc.Text}, Hash: items[0].Hash})
	if dups := submitAll(t, nc, js, c, again); dups != len(again) {
		t.Fatalf("second submit: %d duplicates, want %d", dups, len(again))
	}
	st, err := GetStatus(t.Context(), js, c)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stream.Msgs != 5 {
		t.Errorf("stream holds %d messages, want 5", st.Stream.Msgs)
	}
}

func TestSubmitRefuses(t *testing.T) {
	nc, js, c := testNATS(t)
	big := strings.Repeat("word ", int(nc.MaxPayload()/5)+1)
	tests := []struct {
		name string
		item ingest.Item
		cfg  Config
		want error
	}{
		{"larger than a message", ingest.Item{Input: "huge.txt", Doc: &event.Document{Text: big}, Hash: event.ContentHash(big)}, c, ErrTooLarge},
		{"stream full", testDocs(1)[0], Config{Stream: c.Stream + "_SMALL", Subject: c.Subject + ".small", MaxBytes: 1}, ErrStreamFull},
		{"input error", ingest.Item{Input: "bad.bin", Err: fmt.Errorf("bad.bin: %w", ingest.ErrBinary)}, c, ingest.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Ensure(t.Context(), js, tt.cfg); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { dropAll(js, tt.cfg) })
			_, err := NewPublisher(nc, js, tt.cfg).Submit(t.Context(), tt.item)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Submit: %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.item.Input) {
				t.Errorf("error %q does not name the input %s", err, tt.item.Input)
			}
		})
	}
}

// blockingStore holds every SaveBatch until released, so a test can look
// at the queue while a transaction is open.
type blockingStore struct {
	store.Store
	entered chan struct{}
	release chan struct{}
	once    sync.Once
}

func (s *blockingStore) SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	s.once.Do(func() { close(s.entered) })
	<-s.release
	return s.Store.SaveBatch(ctx, items)
}

// runWorker runs w until the test ends (or stop is called) and fails the
// test if Run returns an error.
func runWorker(t *testing.T, js jetstream.JetStream, w *Worker) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, js) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("worker: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func TestWorkerAcksAfterCommit(t *testing.T) {
	nc, js, c := testNATS(t)
	st, _ := testStore(t)
	const n = 8
	submitAll(t, nc, js, c, testDocs(n))
	bs := &blockingStore{Store: st, entered: make(chan struct{}), release: make(chan struct{})}
	stop := runWorker(t, js, &Worker{Config: c, Code: oneEvent, Store: bs, Batch: n, AckWait: 1500 * time.Millisecond})

	<-bs.entered
	// The batch is coded and its transaction is open: nothing may be
	// acknowledged yet, and the messages stay in flight past AckWait
	// thanks to in-progress acks, not redelivered.
	time.Sleep(2 * time.Second)
	s, err := GetStatus(t.Context(), js, c)
	if err != nil {
		t.Fatal(err)
	}
	if s.Stream.Msgs != n || s.InFlight != n || s.Redelivered != 0 {
		t.Fatalf("during the transaction: %d in the stream, %d in flight, %d redelivered; want %d, %d, 0",
			s.Stream.Msgs, s.InFlight, s.Redelivered, n, n)
	}
	close(bs.release)
	waitFor(t, 10*time.Second, "the stream to drain", func() bool {
		s, err := GetStatus(t.Context(), js, c)
		return err == nil && s.Stream.Msgs == 0
	})
	stop()
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != n || stats.Mentions != n {
		t.Errorf("stored %d documents, %d mentions; want %d each", stats.Documents, stats.Mentions, n)
	}
}

// TestRedeliveryAfterCommit is the crash between commit and ack: the
// documents are stored, their messages come again, and nothing changes.
func TestRedeliveryAfterCommit(t *testing.T) {
	nc, js, c := testNATS(t)
	st, _ := testStore(t)
	items := testDocs(6)
	for _, it := range items[:4] {
		recs, _ := oneEvent(t.Context(), it.Doc)
		if _, err := st.SaveDocument(t.Context(), it.Doc, recs); err != nil {
			t.Fatal(err)
		}
	}
	before, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	submitAll(t, nc, js, c, items)
	m := metrics.New()
	var coded sync.Map
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		coded.Store(doc.URL, true)
		return oneEvent(ctx, doc)
	}
	stop := runWorker(t, js, &Worker{Config: c, Code: code, Store: st, Batch: 4, Metrics: m})
	waitFor(t, 10*time.Second, "the stream to drain", func() bool {
		s, err := GetStatus(t.Context(), js, c)
		return err == nil && s.Stream.Msgs == 0
	})
	stop()
	after, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after.Documents != before.Documents+2 || after.Mentions != before.Mentions+2 {
		t.Errorf("stats went from %+v to %+v; want exactly the 2 new documents added", before, after)
	}
	if got := scrape(t, m, `annals_documents_total{outcome="duplicate"}`); got != "4" {
		t.Errorf("duplicates counted: %s, want 4", got)
	}
	for _, it := range items[:4] {
		if _, ok := coded.Load(it.Doc.URL); ok {
			t.Errorf("%s was stored, and coded again", it.Input)
		}
	}
}

// TestUndatedThroughQueue sends documents without a publication date
// through the queue: they are stored with an unknown date, their undated
// events keep no date and do not fold across articles.
func TestUndatedThroughQueue(t *testing.T) {
	nc, js, c := testNATS(t)
	st, _ := testStore(t)
	items := testDocs(3)
	items[0].Doc.Published, items[1].Doc.Published = time.Time{}, time.Time{}
	submitAll(t, nc, js, c, items)
	stop := runWorker(t, js, &Worker{Config: c, Code: oneEvent, Store: st})
	waitFor(t, 10*time.Second, "the stream to drain", func() bool {
		s, err := GetStatus(t.Context(), js, c)
		return err == nil && s.Stream.Msgs == 0
	})
	stop()
	for i, it := range items {
		d, err := st.Document(t.Context(), event.DocumentID(it.Doc.Text))
		if err != nil {
			t.Fatal(err)
		}
		if !d.Published.Equal(it.Doc.Published) {
			t.Errorf("document %d stored as published %v, want %v", i, d.Published, it.Doc.Published)
		}
		if len(d.Mentions) != 1 {
			t.Fatalf("document %d has %d mentions", i, len(d.Mentions))
		}
		page, err := st.Events(t.Context(), store.Filter{DocumentID: d.ID}, store.Page{})
		if err != nil || len(page.Events) != 1 {
			t.Fatalf("events of document %d: %v %v", i, page.Events, err)
		}
		if e := page.Events[0]; e.Date.IsZero() != it.Doc.Published.IsZero() || e.NumArticles != 1 {
			t.Errorf("event of document %d: date %v, %d articles; want its document's date and 1 article", i, e.Date, e.NumArticles)
		}
	}
}

func TestPoisonGoesToDeadLetters(t *testing.T) {
	nc, js, c := testNATS(t)
	st, _ := testStore(t)
	items := testDocs(3)
	items[1].Doc.Text = "POISON " + items[1].Doc.Text
	items[1].Hash = event.ContentHash(items[1].Doc.Text)
	submitAll(t, nc, js, c, items)
	// A message that is no document at all.
	if _, err := js.Publish(t.Context(), c.withDefaults().Subject, []byte("\x00not json")); err != nil {
		t.Fatal(err)
	}
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		if strings.HasPrefix(doc.Text, "POISON") {
			panic("the coder cannot take this document")
		}
		return oneEvent(ctx, doc)
	}
	stop := runWorker(t, js, &Worker{Config: c, Code: code, Store: st, MaxDeliver: 2, RetryDelay: 50 * time.Millisecond})
	var s *Status
	waitFor(t, 20*time.Second, "two dead letters and an empty stream", func() bool {
		var err error
		s, err = GetStatus(t.Context(), js, c)
		return err == nil && s.Dead == 2 && s.Stream.Msgs == 0
	})
	stop()
	if want := "pending=0 inflight=0 redelivered=0 dead=2 workers=1"; s.Line() != want {
		t.Errorf("status %q, want %q", s.Line(), want)
	}
	dead, err := Dead(t.Context(), js, c, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 2 {
		t.Fatalf("%d dead letters, want 2", len(dead))
	}
	var inputs, errs []string
	for _, d := range dead {
		inputs = append(inputs, d.Message.Input)
		errs = append(errs, d.Error)
		if d.Deliveries != 2 {
			t.Errorf("dead letter %d: %d deliveries, want 2", d.Seq, d.Deliveries)
		}
	}
	joined := strings.Join(errs, "\n")
	if !strings.Contains(joined, "panic: the coder cannot take this document") || !strings.Contains(joined, "not a document") {
		t.Errorf("dead-letter errors %q miss the panic or the decoding error", joined)
	}
	if !strings.Contains(strings.Join(inputs, " "), items[1].Input) {
		t.Errorf("dead letters %v do not name %s", inputs, items[1].Input)
	}
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 2 {
		t.Errorf("%d documents stored, want the 2 good ones", stats.Documents)
	}
}

func TestStatusLine(t *testing.T) {
	nc, js, c := testNATS(t)
	st, _ := testStore(t)
	submitAll(t, nc, js, c, testDocs(3))
	line := regexp.MustCompile(`^pending=\d+ inflight=\d+ redelivered=\d+ dead=\d+ workers=\d+$`)
	tests := []struct {
		name  string
		setup func()
		want  string
	}{
		{"queued, no worker yet", func() {}, "pending=3 inflight=0 redelivered=0 dead=0 workers=0"},
		{"drained by a live worker", func() {
			runWorker(t, js, &Worker{Config: c, Code: oneEvent, Store: st, Name: "w1"})
			waitFor(t, 10*time.Second, "the stream to drain", func() bool {
				s, err := GetStatus(t.Context(), js, c)
				return err == nil && s.Stream.Msgs == 0 && len(s.Workers) == 1
			})
		}, "pending=0 inflight=0 redelivered=0 dead=0 workers=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup()
			s, err := GetStatus(t.Context(), js, c)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Line(); got != tt.want || !line.MatchString(got) {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeMessage(t *testing.T) {
	tests := []struct {
		name, body string
		ok         bool
	}{
		{"document", `{"hash":"ab","text":"Hello.","published":"2024-01-02T00:00:00Z"}`, true},
		{"no text", `{"hash":"ab"}`, false},
		{"not JSON", "\x00\x01", false},
		{"wrong type", `{"text":3}`, false},
	}
	for _, tt := range tests {
		m, err := DecodeMessage([]byte(tt.body))
		if (err == nil) != tt.ok {
			t.Errorf("%s: err %v, want ok=%v", tt.name, err, tt.ok)
		}
		if tt.ok && (m.Text != "Hello." || m.Document().Published.Day() != 2) {
			t.Errorf("%s: decoded %+v", tt.name, m)
		}
	}
}

func FuzzDecodeMessage(f *testing.F) {
	f.Add([]byte(`{"hash":"ab","text":"Hello."}`))
	f.Add([]byte(`{"text":"x","published":"not a date"}`))
	f.Add([]byte("\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := DecodeMessage(data)
		if err == nil && m.Document().Text == "" {
			t.Fatalf("accepted a message without text: %q", data)
		}
	})
}

// scrape returns the value of one metric line of m.
func scrape(t *testing.T, m *metrics.Metrics, name string) string {
	t.Helper()
	mfs, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, met := range mf.GetMetric() {
			label := mf.GetName()
			if lp := met.GetLabel(); len(lp) > 0 {
				label += fmt.Sprintf(`{%s="%s"}`, lp[0].GetName(), lp[0].GetValue())
			}
			if label == name && met.GetCounter() != nil {
				return fmt.Sprint(met.GetCounter().GetValue())
			}
		}
	}
	return "missing"
}

// TestSubmitWaitsWhenFull fills a capped stream and checks that a waiting
// publisher goes on once a worker (here: a deletion) has made room.
func TestSubmitWaitsWhenFull(t *testing.T) {
	nc, js, c := testNATS(t)
	docs := testDocs(2)
	submitAll(t, nc, js, c, docs[:1])
	st, err := GetStatus(t.Context(), js, c)
	if err != nil {
		t.Fatal(err)
	}
	c.MaxBytes = int64(st.Stream.Bytes) * 3 / 2 // room for one document, not two
	if err := Ensure(t.Context(), js, c); err != nil {
		t.Fatal(err)
	}
	p := NewPublisher(nc, js, c)
	if _, err := p.Submit(t.Context(), docs[1]); !errors.Is(err, ErrStreamFull) {
		t.Fatalf("Submit to a full stream: %v, want ErrStreamFull", err)
	}
	p.WaitWhenFull = true
	done := make(chan error, 1)
	go func() {
		_, err := p.Submit(t.Context(), docs[1])
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("Submit returned %v while the stream was full", err)
	case <-time.After(700 * time.Millisecond):
	}
	s, err := js.Stream(t.Context(), c.withDefaults().Stream)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMsg(t.Context(), st.Stream.FirstSeq); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Submit after room was made: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Submit still waiting 5s after room was made")
	}
}
