package sqlite

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/storetest"
)

// FuzzSave saves documents of arbitrary bytes: each is either refused with
// an error naming it or stored and read back byte for byte.
func FuzzSave(f *testing.F) {
	for _, s := range []string{"", "Plain text.", "caf\xe9", "nul\x00byte", "日本語のテキスト", strings.Repeat("x", 5000)} {
		f.Add(s, "2020-01-05")
	}
	f.Add("Text.", "05/01/2020")
	s, err := Open(f.Context(), filepath.Join(f.TempDir(), "fuzz.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, text, date string) {
		doc := &event.Document{URL: "file:fuzz.txt", Text: text}
		rec := storetest.Rec("2020-01-05", "IRQGOV", "USAGOV", "040", "", 0)
		rec.Date = date
		rec.Sentence.Text = text
		res, err := s.SaveDocument(t.Context(), doc, []event.Record{rec})
		if err != nil {
			if !strings.Contains(err.Error(), "file:fuzz.txt") {
				t.Fatalf("error %q does not name the document", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 %q stored", text)
		}
		got, err := s.Document(t.Context(), res.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != text {
			t.Fatalf("stored %q, read back %q", text, got.Text)
		}
	})
}

// FuzzEventsQuery runs listings with arbitrary search text and cursors:
// the text is words to find, never query syntax, so it may only fail on
// a malformed cursor or on bytes no text column holds.
func FuzzEventsQuery(f *testing.F) {
	for _, q := range []string{"", "march", `"unbalanced`, "a OR b", "NEAR(x y)", "col:val", "*", "-x", "^", "(", "'; DROP TABLE events; --"} {
		f.Add(q, "")
	}
	f.Add("x", "18266.5")
	f.Add("x", "garbage")
	f.Add("x", "k12.3")
	f.Add("x", "k-1.9223372036854775807")
	s, err := Open(f.Context(), filepath.Join(f.TempDir(), "fuzz.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	if _, err := s.SaveDocument(f.Context(), storetest.Doc("https://a.example/1", "A", "", ""), []event.Record{
		storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
	}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, cursor string) {
		// Text a column could not hold is refused by name; any other text
		// must run.
		unfit := !utf8.ValidString(text) || strings.ContainsRune(text, 0)
		_, err := s.Events(t.Context(), store.Filter{Text: text}, store.Page{Cursor: cursor})
		if err != nil && !strings.Contains(err.Error(), "cursor") && !(unfit && strings.Contains(err.Error(), "filter")) {
			t.Fatalf("Events(text %q, cursor %q): %v", text, cursor, err)
		}
		_, err = s.Events(t.Context(), store.Filter{Text: text}, store.Page{Cursor: cursor, Sort: event.Killed})
		if err != nil && !strings.Contains(err.Error(), "cursor") && !(unfit && strings.Contains(err.Error(), "filter")) {
			t.Fatalf("Events(text %q, cursor %q, by killed): %v", text, cursor, err)
		}
		if _, err := s.Mentions(t.Context(), store.Filter{Text: text}, store.Page{}); err != nil && !unfit {
			t.Fatalf("Mentions(text %q): %v", text, err)
		}
	})
}
