package quote

import (
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp/tokenize"
)

// BenchmarkFind finds the quotes of every BBC article (tokenized once,
// outside the timing) and reports articles and quotes per second.
func BenchmarkFind(b *testing.B) {
	texts := testshared.BBCTexts(b)
	docs := make([][]event.Sentence, len(texts))
	for i, t := range texts {
		docs[i] = tokenize.Split(t)
	}
	quotes := 0
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			qs, err := Find(t, docs[i])
			if err != nil {
				b.Fatal(err)
			}
			quotes += len(qs)
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(quotes)/b.Elapsed().Seconds(), "quotes/s")
}
