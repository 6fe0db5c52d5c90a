package cli

import (
	"flag"
	"time"

	"github.com/annals/annals/event"
)

// goldFlags are the flags of an eval that codes the articles of a gold
// file (eval events, eval counts) whose texts are in the shared folder.
type goldFlags struct {
	gold, shared *string
	showMisses   *bool
	coding       *codingFlags
}

// addGoldFlags adds them to fs; guide names the doc of the gold's format
// and misses says what --show-misses lists.
func addGoldFlags(fs *flag.FlagSet, guide, misses string) goldFlags {
	return goldFlags{
		gold:       fs.String("gold", "", "gold `FILE` (JSON Lines, one article a line; see "+guide+")"),
		shared:     fs.String("shared", "../shared", "`DIR` that holds the articles' files"),
		showMisses: fs.Bool("show-misses", false, misses),
		coding:     addCodingFlags(fs),
	}
}

// parse parses args into fs and requires a gold file.
func (g goldFlags) parse(fs *flag.FlagSet, args []string) error {
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *g.gold == "" {
		fs.Usage()
		return ErrUsage
	}
	return nil
}

// goldDocument is the document of a gold article: its key as the ID, its
// title and text, and its publication date when the gold gives one
// (YYYY-MM-DD).
func goldDocument(key, title, published, text string) *event.Document {
	doc := &event.Document{ID: key, Title: title, Text: text}
	if t, err := time.Parse(time.DateOnly, published); err == nil {
		doc.Published = t
	}
	return doc
}
