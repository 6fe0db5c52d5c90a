package ingest

import (
	"bytes"
	"context"
	"fmt"
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

func BenchmarkParseFeed(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>`)
	for i := range 200 {
		fmt.Fprintf(&buf, `<item><title>Story %d &amp; more</title><link>https://example.org/s/%d</link><guid>s-%d</guid><pubDate>Tue, 10 Mar 2020 09:%02d:00 EST</pubDate><dc:creator>Desk</dc:creator><description>%s</description></item>`,
			i, i, i, i%60, strings.Repeat("&lt;p&gt;Words of the story, &lt;b&gt;some bold&lt;/b&gt;.&lt;/p&gt;", 10))
	}
	buf.WriteString(`</channel></rss>`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := ParseFeed(data)
		if err != nil || len(f.Items) != 200 {
			b.Fatal(len(f.Items), err)
		}
	}
}
