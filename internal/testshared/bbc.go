package testshared

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BBCTexts returns the "text" field of every line of the BBC news corpus
// in the shared folder (the benchmarks' common input), or skips tb when
// the corpus is missing. A line that is no JSON record fails tb.
func BBCTexts(tb testing.TB) []string {
	tb.Helper()
	path := File(tb, "news/bbc/bbc_news_2004_2005.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
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
			tb.Fatalf("%s:%d: %v", path, line, err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return texts
}
