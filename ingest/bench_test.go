package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func BenchmarkParseHTML(b *testing.B) {
	page := []byte(strings.Replace(articlePage, "<h2>", strings.Repeat("<p>Filler paragraph of an article, with a comma, and enough words to count.</p>", 40)+"<h2>", 1))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ParseHTML(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenJSONL(b *testing.B) {
	var buf bytes.Buffer
	for i := range 1000 {
		buf.WriteString(`{"id":"n`)
		buf.WriteString(strings.Repeat("x", i%7))
		buf.WriteString(`","title":"Title","published":"2020-01-24","text":"` + strings.Repeat("Words of the article text. ", 80) + `"}` + "\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		for it := range Open(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(data)}) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("%d documents", n)
		}
	}
}
