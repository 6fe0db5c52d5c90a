package parse

import (
	"os"
	"testing"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/nlp/internal/shared"
)

// BenchmarkParse parses EWT dev (gold tags) and reports tokens per second.
func BenchmarkParse(b *testing.B) {
	path := shared.File(b, "corpora/ud_english_ewt/en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	sents, err := conllu.ReadAll(f, path)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
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
