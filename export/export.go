// Package export writes annals' events in the formats users already load:
// JSON Lines of event records (the record format of docs/record.md),
// GDELT 2.0's tab-separated Events and Mentions tables, column for column,
// and Parquet with GDELT's columns, typed, for DuckDB, Spark and pandas,
// and after them the record's counts, which GDELT has no column for.
// It also reads GDELT tables, so that GDELT's own files and annals' can be
// loaded by the same code.
//
// Exports take what the store keeps: folded events (store.Event) and their
// mentions (store.Mention).
package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

//go:generate go run gentables.go ../../shared

// Format names an export format.
type Format string

// Export formats.
const (
	JSONL   Format = "jsonl"   // one event.Record per line
	GDELT   Format = "gdelt"   // GDELT 2.0 tab-separated table
	Parquet Format = "parquet" // GDELT 2.0 columns, typed, and the counts
)

// Formats lists the export formats, for flag help.
var Formats = []Format{JSONL, GDELT, Parquet}

// JSONLWriter writes event records as JSON Lines.
type JSONLWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a JSONLWriter to w. Call Flush when done.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // quotes keep their <, > and & as written
	return &JSONLWriter{w: bw, enc: enc}
}

// Write writes one record on one line.
func (j *JSONLWriter) Write(r event.Record) error {
	if err := j.enc.Encode(r); err != nil {
		return fmt.Errorf("jsonl: record %s: %w", r.ID, err)
	}
	return nil
}

// Flush writes buffered records to the underlying writer.
func (j *JSONLWriter) Flush() error { return j.w.Flush() }

// WriteEvents writes events to w in format f and returns how many it wrote.
// In JSON Lines each event is its representative record, with the counts
// its mentions span; in GDELT and Parquet a row of the Events table (in
// Parquet with those counts after GDELT's columns).
func WriteEvents(w io.Writer, f Format, events iter.Seq2[store.Event, error]) (int, error) {
	return write(w, f, Events, events, func(e store.Event) event.Record { return e.Record }, EventRow, ParquetRow[ParquetEvent])
}

// WriteMentions writes mentions to w in format f and returns how many it
// wrote. In JSON Lines each mention is its own record; in GDELT and Parquet
// a row of the Mentions table.
func WriteMentions(w io.Writer, f Format, mentions iter.Seq2[store.Mention, error]) (int, error) {
	return write(w, f, Mentions, mentions, func(m store.Mention) event.Record { return m.Record }, MentionRow, ParquetRow[ParquetMention])
}

// write drives one export: rec, row and pq render an item for each format.
func write[T, P any](w io.Writer, f Format, t Table, items iter.Seq2[T, error], rec func(T) event.Record, row func(T) []string, pq func([]string) (P, error)) (int, error) {
	n := 0
	switch f {
	case JSONL:
		jw := NewJSONLWriter(w)
		for it, err := range items {
			if err != nil {
				return n, err
			}
			if err := jw.Write(rec(it)); err != nil {
				return n, err
			}
			n++
		}
		return n, jw.Flush()
	case GDELT:
		gw := NewWriter(w, t)
		for it, err := range items {
			if err != nil {
				return n, err
			}
			if err := gw.Write(row(it)); err != nil {
				return n, err
			}
			n++
		}
		return n, gw.Flush()
	case Parquet:
		pw := newParquetWriter[P](w)
		for it, err := range items {
			if err != nil {
				return n, err
			}
			p, err := pq(row(it))
			if err != nil {
				return n, err
			}
			withCounts(&p, rec(it).Counts)
			if err := pw.write(p); err != nil {
				return n, err
			}
			n++
		}
		return n, pw.close()
	}
	return 0, fmt.Errorf("export: unknown format %q (want jsonl, gdelt or parquet)", f)
}
