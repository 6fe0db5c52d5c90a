// Package codestore codes documents with the pipeline and saves them in a
// store. It is the one engine behind annals ingest and watch, which stream
// documents through Run, behind the queue workers, which call its two
// steps, Code and Save, on the batches they take off the work stream, and
// behind the API's posted documents, which go through One.
//
// A document whose text is stored already (same content hash) is skipped
// before it is coded. Coding runs Options.Workers documents at a time, and
// a panic while coding one document becomes that document's error. Saving
// writes a batch in one transaction; when the transaction fails, each
// document is saved on its own, so that one bad document fails alone.
package codestore

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

// Coder codes one document into its event records.
type Coder func(ctx context.Context, doc *event.Document) ([]event.Record, error)

// PipelineCoder returns the Coder of p.
func PipelineCoder(p *pipeline.Pipeline) Coder {
	return func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
		res, err := p.Code(ctx, doc)
		if err != nil {
			return nil, err
		}
		return res.Records, nil
	}
}

// Store is what the runner needs of a store.Store.
type Store interface {
	HasDocument(ctx context.Context, hash string) (bool, error)
	SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error)
}

// Options tune a Runner; the zero Options are the defaults.
type Options struct {
	// Workers is how many documents are coded at once; default GOMAXPROCS.
	Workers int
	// Batch is how many documents Run saves per transaction; default 32.
	Batch int
	// Failed, when set, is told each document Run could not read, code or
	// save; the error names the input. Calls come one at a time.
	Failed func(err error)
	// Progress, when set, is given Run's summary after each saved batch
	// and every half second.
	Progress func(Summary)
}

// Runner codes documents and saves them. It is safe for concurrent use.
type Runner struct {
	code  Coder
	store Store
	opt   Options
}

// New returns a runner that codes with code and saves into st.
func New(code Coder, st Store, opt Options) *Runner {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Batch <= 0 {
		opt.Batch = 32
	}
	return &Runner{code: code, store: st, opt: opt}
}

// Job is one document on its way through Code and Save.
type Job struct {
	Name string // the input it came from, for errors
	Doc  *event.Document
	Hash string // event.ContentHash of Doc.Text; Code fills it when empty

	Records []event.Record   // set by Code
	Result  store.SaveResult // set by Save; Skipped also by Code
	// Done says the document is in the store: saved by Save, or found
	// there (Result.Skipped), by Code before coding it or by Save.
	Done bool
	Err  error // why the document failed, naming it; Code and Save skip failed jobs
}

// Code codes the jobs, Workers at a time, and returns when all are done.
// A job whose document is stored already is marked Done and Skipped
// without coding; one that cannot be coded, or whose coding panics, gets
// its Err. A job already Done or failed is left alone.
func (r *Runner) Code(ctx context.Context, jobs []*Job) {
	in := make(chan *Job)
	go func() {
		defer close(in)
		for _, j := range jobs {
			in <- j
		}
	}()
	for range r.codeAll(ctx, in) {
	}
}

// codeAll codes the jobs from in, Workers at a time, and sends each on the
// returned channel once coded; it is closed after in is and every job is.
func (r *Runner) codeAll(ctx context.Context, in <-chan *Job) <-chan *Job {
	out := make(chan *Job)
	var wg sync.WaitGroup
	for range r.opt.Workers {
		wg.Go(func() {
			for j := range in {
				r.codeOne(ctx, j)
				out <- j
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func (r *Runner) codeOne(ctx context.Context, j *Job) {
	if j.Done || j.Err != nil {
		return
	}
	if err := ctx.Err(); err != nil {
		j.Err = err
		return
	}
	if j.Hash == "" {
		j.Hash = event.ContentHash(j.Doc.Text)
	}
	// A failed look-up only costs the coding: Save finds the stored copy.
	if stored, err := r.store.HasDocument(ctx, j.Hash); err == nil && stored {
		j.Done, j.Result = true, store.SaveResult{Skipped: true}
		return
	}
	recs, err := r.safeCode(ctx, j.Doc)
	if err != nil {
		j.Err = fmt.Errorf("coding %s: %w", j.Name, err)
		return
	}
	j.Records = recs
}

// safeCode turns a panic while coding into an error: one bad document must
// fail alone, not take the process down with the documents in flight.
func (r *Runner) safeCode(ctx context.Context, doc *event.Document) (recs []event.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return r.code(ctx, doc)
}

// One codes and saves a single document, as Code and Save do a batch: the
// path of a document posted to the API. The job says what became of it.
func (r *Runner) One(ctx context.Context, name string, doc *event.Document) *Job {
	j := &Job{Name: name, Doc: doc}
	r.codeOne(ctx, j)
	r.Save(ctx, []*Job{j})
	return j
}

// Save saves the coded jobs (those neither Done nor failed) in one
// transaction and marks them Done with their Result. When the transaction
// fails, each is saved in a transaction of its own and the ones that still
// fail get their Err; after ctx ends, the whole batch fails instead.
func (r *Runner) Save(ctx context.Context, jobs []*Job) {
	var todo []*Job
	for _, j := range jobs {
		if !j.Done && j.Err == nil {
			todo = append(todo, j)
		}
	}
	if len(todo) == 0 {
		return
	}
	err := r.saveBatch(ctx, todo)
	if err == nil {
		return
	}
	if len(todo) == 1 || ctx.Err() != nil {
		for _, j := range todo {
			j.Err = fmt.Errorf("saving %s: %w", j.Name, err)
		}
		return
	}
	for _, j := range todo {
		if err := r.saveBatch(ctx, []*Job{j}); err != nil {
			j.Err = fmt.Errorf("saving %s: %w", j.Name, err)
		}
	}
}

func (r *Runner) saveBatch(ctx context.Context, jobs []*Job) error {
	items := make([]store.Item, len(jobs))
	for i, j := range jobs {
		items[i] = store.Item{Doc: j.Doc, Records: j.Records}
	}
	res, err := r.store.SaveBatch(ctx, items)
	if err != nil {
		return err
	}
	for i, j := range jobs {
		j.Result, j.Done = res[i], true
	}
	return nil
}

// Summary counts what a run did.
type Summary struct {
	Stored    int // documents stored
	Skipped   int // documents stored before (same text), not coded again
	Failed    int // documents that could not be read, coded or saved
	Mentions  int // mentions stored: coded sentences
	NewEvents int // events created; the other mentions folded into events stored or created before
}

// Add counts a finished job.
func (s *Summary) Add(j *Job) {
	switch {
	case j.Err != nil:
		s.Failed++
	case j.Result.Skipped:
		s.Skipped++
	case j.Done:
		s.Stored++
		s.Mentions += j.Result.Mentions
		s.NewEvents += j.Result.NewEvents
	}
}

// String is the summary as the commands print it.
func (s Summary) String() string {
	return fmt.Sprintf("%d documents stored, %d already stored, %d failed; %d mentions, %d new events",
		s.Stored, s.Skipped, s.Failed, s.Mentions, s.NewEvents)
}

// flushEvery bounds how long Run keeps a partial batch: the documents of a
// slow feed are stored soon after they are coded.
const flushEvery = 500 * time.Millisecond

// ErrStoreFailing is returned by Run when every document of a batch failed
// to save on its own: the store, not a document, is at fault, and coding
// the rest would be lost work.
var ErrStoreFailing = errors.New("the store refused every document of a batch")

// Run codes the documents of items, Workers at a time, and saves them
// Batch at a time, until items ends or ctx is cancelled. Items with an
// error and documents that fail are counted and told to Options.Failed;
// the others are saved. After ctx is cancelled Run reads no more items,
// saves what is coded and returns ctx's error: documents it did not save
// are not counted, and a later run stores them.
func (r *Runner) Run(ctx context.Context, items iter.Seq[ingest.Item]) (Summary, error) {
	var sum Summary
	failed := func(err error) {
		sum.Failed++
		if r.opt.Failed != nil {
			r.opt.Failed(err)
		}
	}
	read, stop := context.WithCancel(ctx)
	defer stop()
	in := make(chan *Job)
	inputErrs := make(chan error)
	go func() {
		defer close(in)
		defer close(inputErrs)
		for it := range items {
			if it.Err != nil {
				select {
				case inputErrs <- it.Err:
					continue
				case <-read.Done():
					return
				}
			}
			select {
			case in <- &Job{Name: it.Input, Doc: it.Doc, Hash: it.Hash}:
			case <-read.Done():
				return
			}
		}
	}()
	coded := r.codeAll(read, in)

	var pending []*Job
	// Saving has a context of its own: a cancelled run still writes the
	// batch in hand whole.
	save := context.WithoutCancel(ctx)
	flush := func() error {
		if r.opt.Progress != nil {
			defer func() { r.opt.Progress(sum) }()
		}
		if len(pending) == 0 {
			return nil
		}
		r.Save(save, pending)
		var last error
		ok := 0
		for _, j := range pending {
			if j.Err != nil {
				last = j.Err
				failed(j.Err)
				continue
			}
			ok++
			sum.Add(j)
		}
		n := len(pending)
		pending = pending[:0]
		if ok == 0 && n > 1 {
			return fmt.Errorf("%w: %w", ErrStoreFailing, last)
		}
		return nil
	}
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for coded != nil || inputErrs != nil {
		select {
		case err, open := <-inputErrs:
			if !open {
				inputErrs = nil
				continue
			}
			failed(err)
		case j, open := <-coded:
			switch {
			case !open:
				coded = nil
			case j.Err != nil && ctx.Err() != nil:
				// cut short by the cancellation: not a failure of the document
			case j.Err != nil:
				failed(j.Err)
			case j.Done:
				sum.Add(j)
			default:
				pending = append(pending, j)
				if len(pending) >= r.opt.Batch {
					if err := flush(); err != nil {
						return sum, drain(stop, coded, inputErrs, err)
					}
				}
			}
		case <-tick.C:
			if err := flush(); err != nil {
				return sum, drain(stop, coded, inputErrs, err)
			}
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

// drain stops reading and coding after a fatal error, lets the goroutines
// in flight finish, and returns err.
func drain(stop context.CancelFunc, coded <-chan *Job, inputErrs <-chan error, err error) error {
	stop()
	for coded != nil || inputErrs != nil {
		select {
		case _, open := <-coded:
			if !open {
				coded = nil
			}
		case _, open := <-inputErrs:
			if !open {
				inputErrs = nil
			}
		}
	}
	return err
}
