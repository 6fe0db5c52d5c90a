package tokenize

import (
	"testing"

	"github.com/annals/annals/internal/testshared"
)

// BenchmarkSplit splits every BBC article once per iteration and reports
// tokens per second.
func BenchmarkSplit(b *testing.B) {
	texts := testshared.BBCTexts(b)
	size, tokens := 0, 0
	for _, t := range texts {
		size += len(t)
		for _, s := range Split(t) {
			tokens += len(s.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Split(t)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
