package codestore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// Run codes and stores what ingest reads; a second run finds every
// document stored and codes none. annals ingest passes
// codestore.PipelineCoder(p) where this example has a stand-in coder.
func ExampleRunner_Run() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "codestore-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "annals.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	code := func(_ context.Context, doc *event.Document) ([]event.Record, error) {
		return []event.Record{{Source: &event.Actor{Code: "FRA"}, Code: "040", Sentence: event.SentenceRef{Text: doc.Text}}}, nil
	}
	items := slices.Values([]ingest.Item{
		{Input: "a.txt", Doc: &event.Document{Text: "France held talks."}},
		{Input: "b.txt", Doc: &event.Document{Text: "France held more talks."}},
	})
	r := codestore.New(code, st, codestore.Options{Workers: 2})
	for range 2 {
		sum, err := r.Run(ctx, items)
		fmt.Println(sum, err)
	}
	// Output:
	// 2 documents stored, 0 already stored, 0 failed; 2 mentions, 2 new events <nil>
	// 0 documents stored, 2 already stored, 0 failed; 0 mentions, 0 new events <nil>
}
