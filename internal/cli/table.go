package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
)

// eventTable prints records as an aligned table for a terminal. By
// default it fits 100-120 columns: the fields that can be long (the
// document, the actors, the code's label, the place) are cut to a width
// with "…"; wide adds columns (quad class, PLOVER category, country,
// sentence, verb) and cuts nothing. The document column appears when the
// records come from more than one document, which is known only at the
// end: the rows are kept until Flush, as the tabwriter would keep them.
type eventTable struct {
	w    io.Writer
	wide bool
	rows []tableRow
	docs map[string]bool
}

type tableRow struct {
	input string // the input the document came from (ingest.Item.Input)
	rec   event.Record
}

// Widths of the cut columns; with the others (date 10, code 4-5,
// goldstein 9, mode 12) and two spaces between columns, a row is at most
// 120 columns wide.
const (
	docWidth   = 14
	actorWidth = 9
	labelWidth = 24
	placeWidth = 12
)

func newEventTable(w io.Writer, wide bool) *eventTable {
	return &eventTable{w: w, wide: wide, docs: map[string]bool{}}
}

func (t *eventTable) write(input string, doc *event.Document, r event.Record) error {
	t.rows = append(t.rows, tableRow{input, r})
	t.docs[doc.ID] = true
	return nil
}

func (t *eventTable) flush() error {
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', 0)
	several := len(t.docs) > 1
	head := []string{"date", "source", "code", "event", "goldstein", "target", "place", "mode"}
	if t.wide {
		head = []string{"date", "source", "code", "event", "goldstein", "quad", "plover", "target", "place", "country", "mode", "sentence", "verb"}
	}
	if several {
		head = append([]string{"doc"}, head...)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, row := range t.rows {
		r := row.rec
		label := ""
		if c, ok := cameo.Lookup(r.Code); ok {
			label = c.Name
		}
		if !t.wide {
			// GDELT's label of a base code (040, "Consult, not specified
			// below"): the code says so already.
			label = strings.TrimSuffix(label, ", not specified below")
		}
		cells := []string{orDash(r.Date), t.cut(actorCode(r.Source), actorWidth), orDash(r.Code), t.cut(label, labelWidth),
			goldstein(r.Goldstein)}
		if t.wide {
			cells = append(cells, strconv.Itoa(r.QuadClass), orDash(r.Plover))
		}
		cells = append(cells, t.cut(actorCode(r.Target), actorWidth), t.cut(orDash(placeName(r.Location)), placeWidth))
		if t.wide {
			country := "-"
			if r.Location != nil {
				country = orDash(r.Location.Country)
			}
			cells = append(cells, country)
		}
		cells = append(cells, string(r.Mode))
		if t.wide {
			cells = append(cells, strconv.Itoa(r.Sentence.Index), orDash(r.Evidence.Verb))
		}
		if several {
			doc := oneField(row.input)
			if !t.wide {
				doc = shortInput(doc)
			}
			cells = append([]string{doc}, cells...)
		}
		for i, c := range cells {
			cells[i] = oneField(c)
		}
		if _, err := fmt.Fprintln(tw, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return tw.Flush()
}

// cut shortens s to width runes, its end replaced by "…", unless the
// table is wide.
func (t *eventTable) cut(s string, width int) string {
	s = oneField(s)
	if t.wide || utf8.RuneCountInString(s) <= width {
		return s
	}
	return string([]rune(s)[:width-1]) + "…"
}

// shortInput names an input in docWidth runes: a file by its name (with
// the line of a record in it, "news.jsonl:12"), not its folder, and
// anything still too long by its end, which tells inputs apart.
func shortInput(in string) string {
	if !strings.Contains(in, "://") {
		in = filepath.Base(in)
	}
	if utf8.RuneCountInString(in) <= docWidth {
		return in
	}
	runes := []rune(in)
	return "…" + string(runes[len(runes)-docWidth+1:])
}

// goldstein shows a Goldstein score with its sign, so that a column of
// them reads as the scale it is.
func goldstein(g float64) string {
	if g == 0 {
		return "0.0"
	}
	return fmt.Sprintf("%+.1f", g)
}
