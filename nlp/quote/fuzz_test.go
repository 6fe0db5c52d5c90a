package quote

import (
	"testing"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tokenize"
)

// FuzzFind checks that any text gives quotes whose spans lie inside it, in
// order, and modes for every token, without panicking.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We will stay,” he said, “until the end.”",
		"\"Open\n\n\"Still open,\" said Smith.",
		"'single' and ‘curly’ and « guillemets »",
		"According to, , said that that said",
		"Smith, who, said: “",
		"” ’ ' \" “ ‘ «",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := tokenize.Split(text)
		if !utf8.ValidString(text) {
			if _, err := Find(text, sents); err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		doc, err := Analyze(text, sents)
		if err != nil {
			t.Fatal(err)
		}
		qs := doc.Quotes
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("quote %d-%d outside the %d-byte text", q.Start, q.End, len(text))
			}
			for _, p := range q.Parts {
				if p.Start < q.Start || p.End > q.End || p.Start > p.End {
					t.Fatalf("part %d-%d outside its quote %d-%d", p.Start, p.End, q.Start, q.End)
				}
			}
			if q.Speaker.Text != "" && text[q.Speaker.Start:q.Speaker.End] != q.Speaker.Text {
				t.Fatalf("speaker %q does not match its span", q.Speaker.Text)
			}
		}
		for i := range sents {
			for v := range sents[i].Tokens {
				tok := sents[i].Tokens[v]
				q := doc.Holding(i, v)
				if want := firstHolding(qs, tok, func(q *Quote) []Span { return q.Parts }); q != want {
					t.Fatalf("Holding(%d, %d) = %v, want %v", i, v, q, want)
				}
				speaker := func(q *Quote) []Span {
					if q.Speaker.Text == "" {
						return nil
					}
					return []Span{{q.Speaker.Start, q.Speaker.End}}
				}
				if got, want := doc.SpeakerAt(i, v), firstHolding(qs, tok, speaker); got != want {
					t.Fatalf("SpeakerAt(%d, %d) = %v, want %v", i, v, got, want)
				}
				Mode(&sents[i], v, q)
			}
		}
	})
}

// firstHolding is what Holding and SpeakerAt answer from their index,
// found by a pass over every quote: the first quote with a span that
// holds tok.
func firstHolding(qs []Quote, tok event.Token, spans func(*Quote) []Span) *Quote {
	for i := range qs {
		for _, sp := range spans(&qs[i]) {
			if sp.Start <= tok.Start && tok.End <= sp.End {
				return &qs[i]
			}
		}
	}
	return nil
}
