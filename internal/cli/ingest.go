package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/annals/annals/ingest"
)

func ingestCommand() *Command {
	c := &Command{
		Name:  "ingest",
		Usage: "[--format text|html|feed|jsonl|csv] [--fetch-articles] [--max-bytes N] INPUT...",
		Short: "read articles from files, folders, feeds, URLs or stdin and print them as JSON Lines",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		format := fs.String("format", "", "input `format` for every input (default: by extension, content type or content)")
		fetch := fs.Bool("fetch-articles", false, "fetch the page each feed item links to")
		maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse inputs larger than `N` bytes")
		timeout := fs.Duration("timeout", 30*time.Second, "HTTP `timeout` per request")
		inputs, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(inputs) == 0 {
			fs.Usage()
			return ErrUsage
		}
		opts := ingest.Options{
			Format:        ingest.Format(*format),
			MaxBytes:      *maxBytes,
			Fetcher:       &ingest.HTTPFetcher{Timeout: *timeout, MaxBytes: *maxBytes},
			FetchArticles: *fetch,
			Stdin:         env.Stdin,
			Warn:          func(in, msg string) { fmt.Fprintf(env.Stderr, "annals ingest: %s: %s\n", in, msg) },
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		docs, failed := 0, 0
		for it := range ingest.Open(ctx, inputs, opts) {
			if it.Err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "annals ingest: %v\n", it.Err)
				continue
			}
			d := it.Doc
			out := struct {
				ID        string `json:"id"`
				URL       string `json:"url,omitempty"`
				Title     string `json:"title,omitempty"`
				Author    string `json:"author,omitempty"`
				Source    string `json:"source,omitempty"`
				Published string `json:"published,omitempty"`
				Hash      string `json:"hash"`
				Text      string `json:"text"`
			}{ID: d.ID, URL: d.URL, Title: d.Title, Author: d.Author, Source: d.Source, Hash: it.Hash, Text: d.Text}
			if !d.Published.IsZero() {
				out.Published = d.Published.Format(time.RFC3339)
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
			docs++
		}
		fmt.Fprintf(env.Stderr, "%d documents, %d inputs failed\n", docs, failed)
		return ctx.Err()
	}
	return c
}
