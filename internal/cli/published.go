package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"sync/atomic"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
)

// publishedFlag is --published, shared by the commands that read
// articles: one publication date for every input. It counts the inputs
// left without a date, so that a run warns once with the count rather
// than once per document.
type publishedFlag struct {
	date    time.Time
	undated atomic.Int64
}

func addPublishedFlag(fs *flag.FlagSet) *publishedFlag {
	pf := &publishedFlag{}
	fs.Func("published", "publication `DATE` (YYYY-MM-DD) for every input; default: the input's own, else unknown", func(v string) error {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return errors.New("want YYYY-MM-DD")
		}
		pf.date = t
		return nil
	})
	return pf
}

// set gives doc the flag's date, or counts it when it has no date.
func (pf *publishedFlag) set(doc *event.Document) {
	switch {
	case !pf.date.IsZero():
		doc.Published = pf.date
	case doc.Published.IsZero():
		pf.undated.Add(1)
	}
}

// items is seq with set applied to each document.
func (pf *publishedFlag) items(seq iter.Seq[ingest.Item]) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		for it := range seq {
			if it.Doc != nil {
				pf.set(it.Doc)
			}
			if !yield(it) {
				return
			}
		}
	}
}

// warn says how many inputs had no publication date, if any did. Nothing
// stands in for the date: the day of the run is not the day of the news.
func (pf *publishedFlag) warn(w io.Writer, command string) {
	if n := pf.undated.Load(); n > 0 {
		fmt.Fprintf(w, "annals %s: %d inputs have no publication date: their events get only the dates their text states in full "+
			"(\"on Monday\" stays undated) and fold only within their own article; give --published DATE if they share one\n", command, n)
	}
}
