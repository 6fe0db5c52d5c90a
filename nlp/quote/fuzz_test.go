package quote

import (
	"testing"
	"unicode/utf8"

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
		if !utf8.ValidString(text) {
			if _, err := Find(text, nil); err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		sents := tokenize.Split(text)
		qs, err := Find(text, sents)
		if err != nil {
			t.Fatal(err)
		}
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
				Mode(&sents[i], v, qs)
			}
		}
	})
}
