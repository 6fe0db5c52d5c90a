package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tokenize"
)

// sharedDir returns ../shared next to the repository root, or skips.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Skip("no go.mod above the package directory; cannot locate ../shared")
		}
		dir = up
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared data not found at %s: %v", shared, err)
	}
	return shared
}

// BenchmarkFind finds the quotes of every BBC article (tokenized once,
// outside the timing) and reports articles and quotes per second.
func BenchmarkFind(b *testing.B) {
	path := filepath.Join(sharedDir(b), "news", "bbc", "bbc_news_2004_2005.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("BBC news not available: %v", err)
	}
	defer f.Close()
	var texts []string
	var docs [][]event.Sentence
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
		docs = append(docs, tokenize.Split(rec.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("%s: %v", path, err)
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
