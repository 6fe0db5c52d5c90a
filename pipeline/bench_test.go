package pipeline_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/annals/annals/counts"
	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// BenchmarkCodeBBC codes the BBC news articles of ../shared, one article
// per iteration, and reports articles per CPU-second (the per-core rate,
// steady on a loaded machine) and the heap in use.
func BenchmarkCodeBBC(b *testing.B) {
	texts := testshared.BBCTexts(b)
	p := defaultPipeline(b)
	pub := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := testshared.CPUSeconds(b)
	events := 0
	for i := 0; i < b.N; i++ {
		res, err := p.Code(ctx, &event.Document{Text: texts[i%len(texts)], Published: pub})
		if err != nil {
			b.Fatal(err)
		}
		events += len(res.Records)
	}
	cpu := testshared.CPUSeconds(b) - cpu0
	b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	b.ReportMetric(float64(events)/float64(b.N), "events/article")
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "MB-sys")
}

// BenchmarkCountsShareBBC measures what reading counts adds to coding:
// each iteration codes one BBC article (counts included) and then reads
// the counts of its sentences again on their own, and the benchmark
// reports the second as a share of the first without it ("counts-%":
// the slowdown of annals code that the counts cost), both timed in the
// same run on the same articles, so that the machine's load cancels.
func BenchmarkCountsShareBBC(b *testing.B) {
	texts := testshared.BBCTexts(b)
	p := defaultPipeline(b).WithSentences()
	pub := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	b.ResetTimer()
	var code, read time.Duration
	found := 0
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		res, err := p.Code(ctx, &event.Document{Text: texts[i%len(texts)], Published: pub})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		for k := range res.Sentences {
			found += len(counts.Find(res.Sentences[k].Text, res.Sentences[k].Start))
		}
		read += time.Since(t1)
		code += t1.Sub(t0)
	}
	b.ReportMetric(100*read.Seconds()/(code-read).Seconds(), "counts-%")
	b.ReportMetric(float64(found)/float64(b.N), "counts/article")
}
