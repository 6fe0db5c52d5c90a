package pipeline

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/nlp"
)

func TestParts(t *testing.T) {
	para := strings.Repeat("Police arrested protesters in Nairobi on Friday. ", 40) + "\n\n"
	tests := []struct {
		name string
		text string
		ends string // what every part but the last ends with; "" for anything
	}{
		{"empty", "", ""},
		{"short", "Police arrested protesters.", ""},
		{"paragraphs", strings.Repeat(para, 3*partBytes/len(para)), "\n\n"},
		{"lines", strings.Repeat("Police arrested protesters in Nairobi\n", partBytes/10), "\n"},
		{"sentences", strings.Repeat("Police arrested protesters in Nairobi. ", partBytes/10), ". "},
		{"words", strings.Repeat("police arrested protesters in Nairobi ", partBytes/10), " "},
		{"one word", strings.Repeat("x", 3*partBytes), ""},
		{"two-byte runes", strings.Repeat("é", 2*partBytes), ""},
		{"continuation bytes", strings.Repeat("\x80", 2*partBytes), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := parts(tt.text)
			at := 0
			for i, p := range ps {
				if p.start != at || p.end <= p.start || p.end-p.start > partBytes {
					t.Fatalf("part %d is %d-%d after %d: want a non-empty part of at most %d bytes from %d", i, p.start, p.end, at, partBytes, at)
				}
				if i+1 < len(ps) && p.end-p.start <= partBytes/2 {
					t.Errorf("part %d has %d bytes: want more than half of %d", i, p.end-p.start, partBytes)
				}
				if i+1 < len(ps) && !strings.HasSuffix(tt.text[p.start:p.end], tt.ends) {
					t.Errorf("part %d ends with %q, want %q", i, tt.text[max(p.start, p.end-5):p.end], tt.ends)
				}
				if utf8.ValidString(tt.text) && !utf8.ValidString(tt.text[p.start:p.end]) {
					t.Errorf("part %d cuts a character", i)
				}
				at = p.end
			}
			if at != len(tt.text) {
				t.Errorf("parts end at %d of %d bytes", at, len(tt.text))
			}
			if len(tt.text) <= partBytes && len(ps) > 1 {
				t.Errorf("a %d-byte text in %d parts", len(tt.text), len(ps))
			}
		})
	}
}

// sizeAnalyzer records the longest text it was given.
type sizeAnalyzer struct {
	Analyzer
	longest int
}

func (a *sizeAnalyzer) Process(ctx context.Context, text string) ([]event.Sentence, error) {
	a.longest = max(a.longest, len(text))
	return a.Analyzer.Process(ctx, text)
}

// TestCodeInParts codes an article, then a document longer than partBytes
// that holds it at its start and at its end: the analyzer never sees more
// than partBytes, each copy gets the records of the article alone, with
// offsets and sentence indices into the whole document, and a pipeline
// WithSentences returns the sentences of all parts so placed.
func TestCodeInParts(t *testing.T) {
	b, err := os.ReadFile("../examples/news/border-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	article := strings.TrimSpace(string(b)) + "\n\n"
	nlpp, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	an := &sizeAnalyzer{Analyzer: nlpp}
	p, err := New(Options{Analyzer: an, Dicts: d, Gazetteer: g})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	alone, err := p.Code(context.Background(), &event.Document{Text: article, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	if len(alone.Records) == 0 {
		t.Fatal("no records from the article")
	}
	if alone.Sentences != nil {
		t.Errorf("%d sentences kept without WithSentences", len(alone.Sentences))
	}
	filler := "The weather in the region was mild and the markets were quiet.\n\n"
	text := article + strings.Repeat(filler, partBytes/len(filler)) + article
	second := len(text) - len(article)
	res, err := p.WithSentences().Code(context.Background(), &event.Document{Text: text, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	if an.longest > partBytes {
		t.Errorf("the analyzer got %d bytes at once, want at most %d", an.longest, partBytes)
	}
	at := 0
	for i, s := range res.Sentences {
		if s.Index != i || s.Start < at || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: index %d, offsets %d-%d after %d do not point at its text", i, s.Index, s.Start, s.End, at)
		}
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("sentence %d: token %q at %d-%d", i, tok.Text, tok.Start, tok.End)
			}
		}
		at = s.End
	}
	if len(res.Sentences) == 0 || res.Sentences[len(res.Sentences)-1].End != len(strings.TrimSpace(text)) {
		t.Errorf("the sentences do not reach the end of the text")
	}
	var copies [2][]event.Record
	ids := map[string]bool{}
	for _, r := range res.Records {
		if ids[r.ID] {
			t.Errorf("record id %s twice", r.ID)
		}
		ids[r.ID] = true
		if text[r.Sentence.Start:r.Sentence.End] != r.Sentence.Text {
			t.Errorf("record %s: sentence offsets %d-%d do not point at its text", r.ID, r.Sentence.Start, r.Sentence.End)
		}
		switch {
		case r.Sentence.End <= len(article):
			copies[0] = append(copies[0], r)
		case r.Sentence.Start >= second:
			copies[1] = append(copies[1], r)
		}
	}
	for c, recs := range copies {
		if len(recs) != len(alone.Records) {
			t.Errorf("copy %d: %d records, want the article's %d", c, len(recs), len(alone.Records))
			continue
		}
		off := c * second
		for i, r := range recs {
			if got, want := moved(r, text, off), moved(alone.Records[i], article, 0); got != want {
				t.Errorf("copy %d record %d:\n got %s\nwant %s", c, i, got, want)
			}
		}
	}
}

// moved renders what a record says with its offsets taken back by off,
// checking that each points at its text.
func moved(r event.Record, text string, off int) string {
	at := func(start, end int) string {
		if start < off || end > len(text) || start > end {
			return fmt.Sprintf("bad offsets %d-%d", start, end)
		}
		return fmt.Sprintf("%d-%d %q", start-off, end-off, text[start:end])
	}
	s := fmt.Sprintf("%s %s %s sentence %s verb %s", r.Code, r.Mode, r.Date, at(r.Sentence.Start, r.Sentence.End), at(r.Evidence.Start, r.Evidence.End))
	for _, a := range []*event.Actor{r.Source, r.Target} {
		if a != nil {
			s += fmt.Sprintf(" actor %s %s", a.Code, at(a.Start, a.End))
		}
	}
	if r.Location != nil {
		s += fmt.Sprintf(" place %s %s", r.Location.Name, at(r.Location.Start, r.Location.End))
	}
	if r.Quote != nil {
		s += fmt.Sprintf(" quote %s %s", r.Quote.Speaker, at(r.Quote.Start, r.Quote.End))
	}
	return s
}
