package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/annals/annals/ingest"
)

func ExampleOpen() {
	input := `{"id":"n1","title":"Talks resume","published":"2020-01-24","text":"Negotiators met in Geneva."}
{"title":"No text here"}
{"url":"https://example.org/2","content":"The border reopened on Monday."}
`
	opts := ingest.Options{Stdin: strings.NewReader(input)}
	for it := range ingest.Open(context.Background(), []string{"-"}, opts) {
		if it.Err != nil {
			fmt.Println("error:", it.Err)
			continue
		}
		fmt.Printf("%s %q %s\n", it.Doc.ID, it.Doc.Text, it.Doc.Published.Format("2006-01-02"))
	}
	// Output:
	// n1 "Negotiators met in Geneva." 2020-01-24
	// error: ingest -:2: no text (fields text, content or body)
	// d-b9b92a17b9d47c44 "The border reopened on Monday." 0001-01-01
}

func ExampleParseFeed() {
	feed, err := ingest.ParseFeed([]byte(`<rss version="2.0"><channel><title>Wire</title>
<item><title>Dam opens</title><guid>w-1</guid><pubDate>Tue, 10 Mar 2020 09:00:00 EST</pubDate>
<description>&lt;p&gt;The dam opened.&lt;/p&gt;</description></item></channel></rss>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range feed.Items {
		fmt.Println(it.Key, it.Title, it.Published.Format("2006-01-02 15:04"), it.Content)
	}
	// Output:
	// w-1 Dam opens 2020-03-10 14:00 The dam opened.
}
