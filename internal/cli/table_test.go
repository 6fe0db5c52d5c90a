package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// tableInput is a record and the input its document came from.
type tableInput struct {
	input string
	rec   event.Record
}

// tableOf writes records with format table and returns the lines.
func tableOf(t *testing.T, wide bool, rows ...tableInput) []string {
	t.Helper()
	var b bytes.Buffer
	w, err := newRecordWriter(&b, "table", wide)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.write(r.input, &event.Document{ID: "id:" + r.input}, r.rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

func tableRec(code string, goldstein float64, src, tgt, place string, mode event.Mode) event.Record {
	r := event.Record{Date: "2024-03-12", Code: code, Goldstein: goldstein, QuadClass: 1, Plover: "AGREE", Mode: mode,
		Source: &event.Actor{Code: src}, Evidence: event.Evidence{Verb: "pledged  to\nwork"}}
	if tgt != "" {
		r.Target = &event.Actor{Code: tgt}
	}
	if place != "" {
		r.Location = &event.Location{Name: place, Country: "KEN"}
	}
	return r
}

func TestTable(t *testing.T) {
	one := tableOf(t, false,
		tableInput{"news/a.txt", tableRec("0311", 5.2, "KENGOV", "TZA", "Arusha", event.Asserted)},
		tableInput{"news/a.txt", tableRec("040", 1, "TZA", "", "", event.Reported)},
	)
	if got := strings.Fields(one[0]); strings.Join(got, " ") != "date source code event goldstein target place mode" {
		t.Errorf("header %q", one[0])
	}
	for i, want := range []string{
		"2024-03-12 KENGOV 0311 Express intent to coope… +5.2 TZA Arusha asserted",
		"2024-03-12 TZA 040 Consult +1.0 - - reported", // the base code's label without "not specified below"
	} {
		if got := strings.Join(strings.Fields(one[i+1]), " "); got != want {
			t.Errorf("row %d:\n got %q\nwant %q", i, got, want)
		}
	}

	// Several documents: a column says which, by the file's name.
	two := tableOf(t, false,
		tableInput{"news/a.txt", tableRec("040", 1, "TZA", "", "", event.Asserted)},
		tableInput{"/data/feeds/news.jsonl:12", tableRec("040", 1, "TZA", "", "", event.Asserted)},
		tableInput{"https://news.example/2024/03/12/kenya-and-tanzania-agree", tableRec("040", 1, "TZA", "", "", event.Asserted)},
	)
	for i, want := range []string{"doc", "a.txt", "news.jsonl:12", "…anzania-agree"} {
		if got := strings.Fields(two[i])[0]; got != want {
			t.Errorf("line %d: doc %q, want %q", i, got, want)
		}
	}

	// The longest of every field still fits 120 columns; --wide cuts
	// nothing and adds columns.
	long := tableInput{"/a/very/long/path/to/a/folder/of/articles/with-a-long-name.html",
		tableRec("0871A", -10, "IGOUNOSECGOV", "USAGOVLEGREP", "Kampala Capital City Authority", event.Hypothetical)}
	for _, line := range tableOf(t, false, long, tableInput{"b.txt", long.rec}) {
		if n := utf8.RuneCountInString(line); n > 120 {
			t.Errorf("%d columns: %q", n, line)
		}
	}
	wide := tableOf(t, true, long)
	if got := strings.Join(strings.Fields(wide[0]), " "); got != "date source code event goldstein quad plover target place country mode sentence verb" {
		t.Errorf("wide header %q", got)
	}
	if row := wide[1]; strings.Contains(row, "…") || !strings.Contains(row, "Declare truce, ceasefire") ||
		!strings.Contains(row, "Kampala Capital City Authority") || !strings.HasSuffix(row, "pledged to work") {
		t.Errorf("wide row %q", row)
	}
}
