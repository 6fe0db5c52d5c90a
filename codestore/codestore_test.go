package codestore_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// openStore opens a new SQLite store in the test's directory.
func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// docs makes n distinct inputs named doc0.txt, doc1.txt, ...
func docs(n int) []ingest.Item {
	items := make([]ingest.Item, n)
	for i := range items {
		text := fmt.Sprintf("Article %d. Officials met their neighbours.", i)
		items[i] = ingest.Item{Input: fmt.Sprintf("doc%d.txt", i), Hash: event.ContentHash(text),
			Doc: &event.Document{URL: fmt.Sprintf("file:doc%d.txt", i), Text: text,
				Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}}
	}
	return items
}

// meeting codes every document as one meeting of the United States with
// France, so that the tests are about the runner, not the language.
func meeting(_ context.Context, doc *event.Document) ([]event.Record, error) {
	return []event.Record{{
		ID:       "e-" + doc.URL,
		Sentence: event.SentenceRef{Index: 0, End: len(doc.Text), Text: doc.Text},
		Source:   &event.Actor{Code: "USA", Country: "USA"},
		Target:   &event.Actor{Code: "FRA", Country: "FRA"},
		Code:     "036", Root: "03", QuadClass: 1, Mode: event.Asserted,
	}}, nil
}

// run runs a runner over items and returns its summary and the errors it
// reported, in order.
func run(t *testing.T, ctx context.Context, code codestore.Coder, st codestore.Store, opt codestore.Options, items iter.Seq[ingest.Item]) (codestore.Summary, []string, error) {
	t.Helper()
	var errs []string
	opt.Failed = func(err error) { errs = append(errs, err.Error()) }
	sum, err := codestore.New(code, st, opt).Run(ctx, items)
	return sum, errs, err
}

func TestRunPanicFailsOneDocument(t *testing.T) {
	st := openStore(t)
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		if strings.Contains(doc.Text, "Article 3.") {
			panic("index out of range")
		}
		return meeting(ctx, doc)
	}
	sum, errs, err := run(t, t.Context(), code, st, codestore.Options{Workers: 2, Batch: 4}, slices.Values(docs(10)))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if want := (codestore.Summary{Stored: 9, Failed: 1, Mentions: 9, NewEvents: 1}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "doc3.txt") || !strings.Contains(errs[0], "panic: index out of range") {
		t.Errorf("errors %q, want one naming doc3.txt and the panic", errs)
	}
}

// TestRunBadDocumentFailsAlone saves a batch with a document the store
// refuses: the batch falls back to one transaction per document, and only
// that document fails.
func TestRunBadDocumentFailsAlone(t *testing.T) {
	st := openStore(t)
	items := docs(8)
	items[5].Doc.Title = "bad \xff title" // the store refuses invalid UTF-8
	sum, errs, err := run(t, t.Context(), meeting, st, codestore.Options{Workers: 2, Batch: 8}, slices.Values(items))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Stored != 7 || sum.Failed != 1 || sum.Mentions != 7 {
		t.Errorf("summary %+v, want 7 stored and 1 failed", sum)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "saving doc5.txt") {
		t.Errorf("errors %q, want one for doc5.txt", errs)
	}
	if s, _ := st.Stats(t.Context()); s.Documents != 7 {
		t.Errorf("%d documents in the store, want 7", s.Documents)
	}
}

// TestRunSkipsStoredBeforeCoding runs twice over the same documents: the
// second run codes none of them.
func TestRunSkipsStoredBeforeCoding(t *testing.T) {
	st := openStore(t)
	var calls atomic.Int64
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		calls.Add(1)
		return meeting(ctx, doc)
	}
	items := docs(6)
	if sum, _, err := run(t, t.Context(), code, st, codestore.Options{}, slices.Values(items)); err != nil || sum.Stored != 6 {
		t.Fatalf("first run: %+v, %v", sum, err)
	}
	calls.Store(0)
	// The same texts reflowed are the same documents.
	for i := range items {
		items[i].Doc.Text = strings.ReplaceAll(items[i].Doc.Text, " ", "\n ")
		items[i].Hash = ""
	}
	sum, errs, err := run(t, t.Context(), code, st, codestore.Options{}, slices.Values(items))
	if err != nil || len(errs) > 0 {
		t.Fatalf("second run: %v %q", err, errs)
	}
	if want := (codestore.Summary{Skipped: 6}); sum != want {
		t.Errorf("second run: summary %+v, want %+v", sum, want)
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("second run coded %d stored documents", n)
	}
}

func TestRunInputErrors(t *testing.T) {
	st := openStore(t)
	items := docs(3)
	items = slices.Insert(items, 1, ingest.Item{Input: "missing.txt", Err: errors.New("missing.txt: no such file")})
	sum, errs, err := run(t, t.Context(), meeting, st, codestore.Options{}, slices.Values(items))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 3 || sum.Failed != 1 || len(errs) != 1 || !strings.Contains(errs[0], "missing.txt") {
		t.Errorf("summary %+v, errors %q; want 3 stored and missing.txt failed", sum, errs)
	}
}

// TestRunWorkers checks that coding runs Workers documents at once, and
// never more.
func TestRunWorkers(t *testing.T) {
	st := openStore(t)
	var now, most atomic.Int64
	var mu sync.Mutex
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		n := now.Add(1)
		mu.Lock()
		most.Store(max(most.Load(), n))
		mu.Unlock()
		// Wait for the others, so that three run at once even on a busy
		// machine, and a fourth would be seen.
		for deadline := time.Now().Add(2 * time.Second); now.Load() < 3 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(5 * time.Millisecond)
		now.Add(-1)
		return meeting(ctx, doc)
	}
	sum, _, err := run(t, t.Context(), code, st, codestore.Options{Workers: 3}, slices.Values(docs(12)))
	if err != nil || sum.Stored != 12 {
		t.Fatalf("Run: %+v, %v", sum, err)
	}
	if m := most.Load(); m != 3 {
		t.Errorf("at most %d documents coded at once, want 3", m)
	}
}

// TestRunCancel cancels a run midway: it stops reading, saves what it
// coded, counts no failure and returns the cancellation.
func TestRunCancel(t *testing.T) {
	st := openStore(t)
	ctx, cancel := context.WithCancel(t.Context())
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		if strings.Contains(doc.Text, "Article 4.") {
			cancel()
		}
		return meeting(ctx, doc)
	}
	sum, errs, err := run(t, ctx, code, st, codestore.Options{Workers: 1}, slices.Values(docs(50)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	s, _ := st.Stats(t.Context())
	if sum.Failed != 0 || len(errs) != 0 || sum.Stored < 5 || sum.Stored >= 50 || int64(sum.Stored) != s.Documents {
		t.Errorf("summary %+v, errors %q, %d stored; want the coded documents saved and no failure", sum, errs, s.Documents)
	}
}

// failing is a store that refuses every save.
type failing struct{ store.Store }

func (failing) SaveBatch(context.Context, []store.Item) ([]store.SaveResult, error) {
	return nil, errors.New("disk full")
}

// TestRunStopsWhenStoreFails checks that a store refusing every document
// stops the run after a batch instead of coding everything in vain.
func TestRunStopsWhenStoreFails(t *testing.T) {
	var calls atomic.Int64
	code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		calls.Add(1)
		return meeting(ctx, doc)
	}
	_, _, err := run(t, t.Context(), code, failing{openStore(t)}, codestore.Options{Workers: 1, Batch: 4}, slices.Values(docs(200)))
	if !errors.Is(err, codestore.ErrStoreFailing) || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Run returned %v, want ErrStoreFailing with the cause", err)
	}
	if n := calls.Load(); n > 20 {
		t.Errorf("%d documents coded after the store failed", n)
	}
}

// TestSteps drives Code and Save as the queue worker does.
func TestSteps(t *testing.T) {
	st := openStore(t)
	r := codestore.New(meeting, st, codestore.Options{Workers: 2})
	items := docs(3)
	var jobs []*codestore.Job
	for _, it := range items {
		jobs = append(jobs, &codestore.Job{Name: it.Input, Doc: it.Doc})
	}
	jobs = append(jobs, &codestore.Job{Name: "undecodable", Err: errors.New("not a document")})
	r.Code(t.Context(), jobs)
	r.Save(t.Context(), jobs)
	var sum codestore.Summary
	for _, j := range jobs {
		sum.Add(j)
	}
	if want := (codestore.Summary{Stored: 3, Failed: 1, Mentions: 3, NewEvents: 1}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	again := []*codestore.Job{{Name: "again", Doc: items[0].Doc}}
	r.Code(t.Context(), again)
	if j := again[0]; !j.Done || !j.Result.Skipped || j.Records != nil {
		t.Errorf("a stored document after Code: %+v, want Done and Skipped, not coded", j)
	}
}

func TestSummaryString(t *testing.T) {
	s := codestore.Summary{Stored: 120, Skipped: 3, Failed: 1, Mentions: 340, NewEvents: 210}
	if got, want := s.String(), "120 documents stored, 3 already stored, 1 failed; 340 mentions, 210 new events"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
