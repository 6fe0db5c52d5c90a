package queue

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/postgres"
)

// benchDocs is how many BBC articles one benchmark iteration codes.
const benchDocs = 200

// BenchmarkCluster measures the whole path of a cluster, submit to
// PostgreSQL, with 1 and 2 workers (each coding one document at a time),
// against the same coding and saving without the queue (what annals
// ingest does), so that the difference is the queue's overhead.
//
//	go test ./queue -run XXX -bench Cluster -benchtime 3x
func BenchmarkCluster(b *testing.B) {
	shared := testshared.Shared(b)
	var items []ingest.Item
	for it := range ingest.Open(context.Background(), []string{filepath.Join(shared, "news", "bbc", "bbc_news_2004_2005.jsonl")}, ingest.Options{}) {
		if it.Err == nil {
			items = append(items, it)
		}
		if len(items) == benchDocs {
			break
		}
	}
	code := benchCoder(b)
	for _, it := range items[:20] { // the first documents pay for lazily built tables
		if _, err := code(context.Background(), it.Doc); err != nil {
			b.Fatal(err)
		}
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("queue/workers=%d", workers), func(b *testing.B) {
			var docs, events int
			for range b.N {
				b.StopTimer()
				nc, js, c := testNATS(b)
				st := benchStore(b)
				submitAll(b, nc, js, c, items)
				b.StartTimer()
				m := metrics.New()
				ctx, cancel := context.WithCancel(context.Background())
				var wg sync.WaitGroup
				for i := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						w := &Worker{Config: c, Code: code, Store: st, Parallel: 1, Metrics: m, Name: fmt.Sprint("bench-", i)}
						if err := w.Run(ctx, js); err != nil {
							b.Error(err)
						}
					}()
				}
				// Only the stream's count, and not too often: the
				// server's time is the workers' too.
				stream, err := js.Stream(ctx, c.Stream)
				if err != nil {
					b.Fatal(err)
				}
				for {
					info, err := stream.Info(ctx)
					if err != nil {
						b.Fatal(err)
					}
					if info.State.Msgs == 0 {
						break
					}
					time.Sleep(50 * time.Millisecond)
				}
				b.StopTimer()
				cancel()
				wg.Wait()
				stats, err := st.Stats(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				docs += int(stats.Documents)
				events += int(stats.Mentions)
			}
			report(b, docs, events)
		})
		b.Run(fmt.Sprintf("direct/workers=%d", workers), func(b *testing.B) {
			var docs, events int
			for range b.N {
				b.StopTimer()
				st := benchStore(b)
				b.StartTimer()
				d, e := codeAndSave(b, items, workers, code, st)
				b.StopTimer()
				docs += d
				events += e
			}
			report(b, docs, events)
		})
	}
}

func report(b *testing.B, docs, events int) {
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/s, "docs/s")
	b.ReportMetric(float64(events)/s, "events/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(docs), "ms/doc")
}

// codeAndSave codes and saves items with n workers, as annals ingest
// does.
func codeAndSave(b *testing.B, items []ingest.Item, n int, code codestore.Coder, st store.Store) (docs, events int) {
	sum, err := codestore.New(code, st, codestore.Options{Workers: n, Failed: func(err error) { b.Error(err) }}).
		Run(context.Background(), slices.Values(items))
	if err != nil {
		b.Fatal(err)
	}
	return sum.Stored, sum.Mentions
}

func benchStore(b *testing.B) store.Store {
	st, err := postgres.Open(context.Background(), testPostgresDSN(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// benchCoder loads the pipeline annals code uses, with the embedded
// models, dictionaries and gazetteer.
func benchCoder(b *testing.B) codestore.Coder {
	analyzer, err := nlp.Default()
	if err != nil {
		b.Fatal(err)
	}
	set, err := dict.Default()
	if set == nil {
		b.Fatal(err)
	}
	gaz, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Analyzer: analyzer, Dicts: set, Gazetteer: gaz})
	if err != nil {
		b.Fatal(err)
	}
	return codestore.PipelineCoder(p)
}

// BenchmarkSubmit measures publishing one document (a BBC-sized article)
// to the work stream and waiting for the stream's acknowledgement.
//
//	go test ./queue -run XXX -bench Submit
func BenchmarkSubmit(b *testing.B) {
	nc, js, c := testNATS(b)
	if err := Ensure(context.Background(), js, c); err != nil {
		b.Fatal(err)
	}
	p := NewPublisher(nc, js, c)
	doc := testDocs(1)[0]
	doc.Doc.Text = strings.Repeat(doc.Doc.Text+" ", 30) // about 2.5 kB, a BBC article's size
	b.SetBytes(int64(len(doc.Doc.Text)))
	for i := 0; b.Loop(); i++ {
		it := doc
		it.Hash = fmt.Sprint("bench-", i) // each a new message, none a duplicate
		if _, err := p.Submit(context.Background(), it); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
