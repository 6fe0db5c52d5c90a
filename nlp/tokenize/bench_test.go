package tokenize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// bbcTexts reads the "text" field of every line of the BBC news corpus in
// ../shared, or skips.
func bbcTexts(b *testing.B) []string {
	b.Helper()
	path := filepath.Join(sharedDir(b), "news", "bbc", "bbc_news_2004_2005.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("BBC news not available: %v", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("%s:%d: %v", path, line, err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	return texts
}

// BenchmarkSplit splits every BBC article once per iteration and reports
// tokens per second.
func BenchmarkSplit(b *testing.B) {
	texts := bbcTexts(b)
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
