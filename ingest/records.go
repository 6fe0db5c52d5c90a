package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/annals/annals/event"
)

// record is one article of a JSON Lines or CSV file, under any of the
// field names such files use.
type record struct {
	ID, URL, Title, Author, Source, Published, Text string
}

// recordFields maps accepted field names (JSON keys, CSV headers; matched
// case-insensitively) to the record field they fill. Earlier names in
// aliasOrder win when a record has several.
var recordFields = map[string]func(*record) *string{
	"id":        func(r *record) *string { return &r.ID },
	"url":       func(r *record) *string { return &r.URL },
	"link":      func(r *record) *string { return &r.URL },
	"title":     func(r *record) *string { return &r.Title },
	"headline":  func(r *record) *string { return &r.Title },
	"author":    func(r *record) *string { return &r.Author },
	"source":    func(r *record) *string { return &r.Source },
	"published": func(r *record) *string { return &r.Published },
	"date":      func(r *record) *string { return &r.Published },
	"text":      func(r *record) *string { return &r.Text },
	"content":   func(r *record) *string { return &r.Text },
	"body":      func(r *record) *string { return &r.Text },
}

// aliasOrder ranks the names that fill the same field.
var aliasOrder = []string{"id", "url", "link", "title", "headline", "author", "source", "published", "date", "text", "content", "body"}

// toDoc turns a record into a document; a bad date is a warning, not a
// lost article.
func (r *record) toDoc(input string, opts *Options) (*event.Document, error) {
	if strings.TrimSpace(r.Text) == "" {
		return nil, errors.New("no text (fields text, content or body)")
	}
	doc := &event.Document{ID: strings.TrimSpace(r.ID), URL: r.URL, Title: r.Title, Author: r.Author, Source: r.Source, Text: r.Text}
	if r.Published != "" {
		t, err := ParseDate(r.Published)
		if err != nil {
			opts.warn(input, "%v", err)
		}
		doc.Published = t
	}
	return doc, nil
}

// readJSONL yields one document per line of a JSON Lines stream. A bad
// line is an Item error naming NAME:LINE; the lines after it still count.
func readJSONL(ctx context.Context, name string, r io.Reader, opts *Options, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	max := opts.maxBytes()
	for line := 1; ; line++ {
		if ctx.Err() != nil {
			return false
		}
		data, err := readLine(br, max)
		input := fmt.Sprintf("%s:%d", name, line)
		if err != nil && !errors.Is(err, io.EOF) {
			if !yield(Item{Input: input, Err: fmt.Errorf("ingest %s: %w", input, err)}) {
				return false
			}
			if !errors.Is(err, ErrTooLarge) {
				return true
			}
			continue
		}
		if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 {
			if !yield(jsonRecord(input, trimmed, opts)) {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			return true
		}
	}
}

// readLine reads one line without its end. A line longer than max is
// consumed and reported as ErrTooLarge so reading can go on after it.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLong = true
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == nil {
				err = fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, max)
			}
			return nil, err
		}
		return bytes.TrimSuffix(buf, []byte("\n")), err
	}
}

func jsonRecord(input string, data []byte, opts *Options) Item {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return Item{Input: input, Err: fmt.Errorf("ingest %s: %w", input, err)}
	}
	var rec record
	lower := map[string]any{}
	for k, v := range m {
		lower[strings.ToLower(k)] = v
	}
	for _, k := range aliasOrder {
		v, ok := lower[k]
		if !ok || v == nil {
			continue
		}
		dst := recordFields[k](&rec)
		if *dst != "" {
			continue
		}
		switch x := v.(type) {
		case string:
			*dst = x
		case float64, bool:
			*dst = fmt.Sprint(x) // numeric ids
		default:
			return Item{Input: input, Err: fmt.Errorf("ingest %s: field %q is %T, want a string", input, k, v)}
		}
	}
	doc, err := rec.toDoc(input, opts)
	if err != nil {
		return Item{Input: input, Err: fmt.Errorf("ingest %s: %w", input, err)}
	}
	return finish(input, doc, opts)
}

// readCSV yields one document per row of a CSV file whose header names the
// columns (url, date, title, text and their aliases).
func readCSV(ctx context.Context, name string, r io.Reader, opts *Options, yield func(Item) bool) bool {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: header: %w", name, err)})
	}
	cols := map[int]string{}
	hasText := false
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if _, ok := recordFields[h]; ok {
			cols[i] = h
			hasText = hasText || h == "text" || h == "content" || h == "body"
		}
	}
	if !hasText {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: header has no text, content or body column", name)})
	}
	max := opts.maxBytes()
	for {
		if ctx.Err() != nil {
			return false
		}
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return true
		}
		line, _ := cr.FieldPos(0)
		input := fmt.Sprintf("%s:%d", name, line)
		if err != nil {
			// encoding/csv cannot resynchronize after a broken quote.
			return yield(Item{Input: input, Err: fmt.Errorf("ingest %s: %w", name, err)})
		}
		var rec record
		size := 0
		for _, k := range aliasOrder {
			for i, c := range cols {
				if c != k || i >= len(row) {
					continue
				}
				if dst := recordFields[k](&rec); *dst == "" {
					*dst = row[i]
				}
			}
		}
		for _, f := range row {
			size += len(f)
		}
		if int64(size) > max {
			if !yield(Item{Input: input, Err: fmt.Errorf("ingest %s: %w: row of %d bytes", input, ErrTooLarge, size)}) {
				return false
			}
			continue
		}
		doc, err := rec.toDoc(input, opts)
		var it Item
		if err != nil {
			it = Item{Input: input, Err: fmt.Errorf("ingest %s: %w", input, err)}
		} else {
			it = finish(input, doc, opts)
		}
		if !yield(it) {
			return false
		}
	}
}
