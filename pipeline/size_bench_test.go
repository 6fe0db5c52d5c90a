package pipeline_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp/tokenize"
)

// repeated is the news sentence of the repetitive documents: every
// sentence names the same actors, place and day, the worst case for work
// done per earlier mention.
const repeated = "Kenyan police arrested twelve protesters in Nairobi on Friday. "

// BenchmarkCodeSize codes one document of 0.1, 1 and 10 MB per iteration,
// of ordinary text (BBC articles joined, in corpus order, repeated when the
// corpus is shorter) and of one sentence repeated, and reports the time per
// MB (wall clock, and CPU time of the process, which counts the garbage
// collector's work too and varies less on a shared machine) and the peak
// of the heap while coding. Coding is linear in the document's size when
// the time per MB stays the same across sizes.
//
//	go test ./pipeline -run '^$' -bench CodeSize -benchtime 1x -cpu 1
func BenchmarkCodeSize(b *testing.B) {
	texts := testshared.BBCTexts(b)
	p := defaultPipeline(b)
	d, err := dict.Default()
	if err != nil {
		b.Fatal(err)
	}
	texts = coded(texts, d)
	docs := map[string]func(int) string{
		"bbc":      func(n int) string { return joined(texts, "\n\n", n) },
		"repeated": func(n int) string { return joined([]string{repeated}, "", n) },
	}
	pub := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, kind := range []string{"bbc", "repeated"} {
		for _, mb := range []float64{0.1, 1, 10} {
			b.Run(fmt.Sprintf("%s/MB=%g", kind, mb), func(b *testing.B) {
				text := docs[kind](int(mb * 1e6))
				runtime.GC()
				peak := watchHeap()
				start, cpu0 := time.Now(), testshared.CPUSeconds(b)
				records := 0
				for i := 0; i < b.N; i++ {
					res, err := p.Code(context.Background(), &event.Document{Text: text, Published: pub})
					if err != nil {
						b.Fatal(err)
					}
					records = len(res.Records)
				}
				mb := float64(b.N) * float64(len(text)) / 1e6
				b.ReportMetric(time.Since(start).Seconds()/mb, "s/MB")
				b.ReportMetric((testshared.CPUSeconds(b)-cpu0)/mb, "cpu-s/MB")
				b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(records), "records")
			})
		}
	}
}

// coded drops the articles that hold a story discard phrase: one of them
// in a joined document would drop every event of it, and the stages after
// the coder would not run.
func coded(texts []string, d *dict.Set) []string {
	var out []string
	for _, t := range texts {
		keep := true
		for _, s := range tokenize.Split(t) {
			words := make([]string, len(s.Tokens))
			for i, tok := range s.Tokens {
				words[i] = strings.ToUpper(tok.Text)
			}
			if found, story := d.Discards.Find(words); found && story {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}

// joined returns the texts joined by sep, cycling through them until the
// result holds n bytes.
func joined(texts []string, sep string, n int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(texts[i%len(texts)])
	}
	return sb.String()
}

// watchHeap samples the bytes of live and not yet swept heap objects every
// few milliseconds until the returned function is called, which returns
// their peak.
func watchHeap() func() uint64 {
	const name = "/memory/classes/heap/objects:bytes"
	s := []metrics.Sample{{Name: name}}
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak
	}
}
