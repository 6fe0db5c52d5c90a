package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(articlePage))
	f.Add([]byte("<html><p>a<p>b<br><br>c</html>"))
	f.Add([]byte(`<script type="application/ld+json">[{"@graph":[{"author":[{"name":1}]}]}]</script>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParseHTML(data, "")
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Errorf("invalid UTF-8 out of %q", data)
		}
		if len(doc.Text) > 4*len(data)+16 {
			t.Errorf("text of %d bytes from %d bytes of input", len(doc.Text), len(data))
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(rss2))
	f.Add([]byte(atom1))
	f.Add([]byte(rss1))
	shapes, err := filepath.Glob(filepath.Join("testdata", "feed", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range shapes {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>a\x08&#1;\xff\uFFFE</title></item></channel></rss>"))
	f.Add([]byte("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"title\":\"\x01\",\"content_text\":\"a\\u0000b\"}]}"))
	f.Add([]byte(`{"version":"1","items":[{"authors":[null]},null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed(data)
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if !utf8.ValidString(it.Content) || !utf8.ValidString(it.Title) || !utf8.ValidString(it.Link) || !utf8.ValidString(it.Author) {
				t.Errorf("invalid UTF-8 item %+v", it)
			}
			if it.Key == "" {
				t.Errorf("item without a key: %+v", it)
			}
		}
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{"content":"y","date":"2020-01-01"}`))
	f.Add([]byte("{\n}\n{\"text\":1}\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		for it := range Open(context.Background(), []string{"-"}, Options{Format: JSONL, MaxBytes: 64, Stdin: bytes.NewReader(data)}) {
			n++
			if it.Err == nil && (!utf8.ValidString(it.Doc.Text) || it.Doc.Text == "" || len(it.Hash) != 64) {
				t.Errorf("bad document %+v", it.Doc)
			}
			// Records name their line; only a refusal of the whole
			// input (binary data) names the input alone.
			if !strings.HasPrefix(it.Input, "-:") && !errors.Is(it.Err, ErrBinary) {
				t.Errorf("input %q does not name the line", it.Input)
			}
		}
		if n > lines {
			t.Errorf("%d items from %d lines", n, lines)
		}
	})
}
