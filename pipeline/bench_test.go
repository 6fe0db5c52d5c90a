package pipeline_test

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"

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
	cpu0 := cpuSeconds()
	events := 0
	for i := 0; i < b.N; i++ {
		res, err := p.Code(ctx, &event.Document{Text: texts[i%len(texts)], Published: pub})
		if err != nil {
			b.Fatal(err)
		}
		events += len(res.Records)
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	b.ReportMetric(float64(events)/float64(b.N), "events/article")
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "MB-sys")
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
