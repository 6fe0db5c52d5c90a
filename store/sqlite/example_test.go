package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

func Example() {
	dir, err := os.MkdirTemp("", "annals")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "annals.db"), store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	vote := event.Record{
		Date: "2020-01-05", Code: "106", Root: "10", QuadClass: 3, Mode: event.Asserted,
		Source: &event.Actor{Code: "IRQLEG"}, Target: &event.Actor{Code: "USAMIL"},
	}
	// Two outlets report the vote; the second report folds into the first.
	for _, d := range []*event.Document{
		{URL: "https://one.example/vote", Text: "Parliament voted to expel US troops."},
		{URL: "https://two.example/vote", Text: "Iraqi lawmakers demanded US troops leave."},
		{URL: "https://one.example/vote", Text: "Parliament voted to expel US troops."}, // read again
	} {
		res, err := s.SaveDocument(ctx, d, []event.Record{vote})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: skipped=%v new events=%d folded=%d\n", d.URL, res.Skipped, res.NewEvents, res.Folded)
	}
	page, err := s.Events(ctx, store.Filter{SourceActor: "IRQ"}, store.Page{})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range page.Events {
		fmt.Printf("%s mentions=%d sources=%d articles=%d\n", e.FoldKey, e.NumMentions, e.NumSources, e.NumArticles)
	}
	// Output:
	// https://one.example/vote: skipped=false new events=1 folded=0
	// https://two.example/vote: skipped=false new events=0 folded=1
	// https://one.example/vote: skipped=true new events=0 folded=0
	// IRQLEG|USAMIL|106||20200105 mentions=2 sources=2 articles=2
}
