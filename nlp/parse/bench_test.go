package parse

import (
	"testing"

	"github.com/annals/annals/internal/testshared"
)

// BenchmarkParse parses EWT dev (gold tags) and reports tokens per second.
func BenchmarkParse(b *testing.B) {
	sents := testshared.EWTDev(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s)
			tokens += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
