package extract

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// writePage makes a page folder; meta may be "".
func writePage(t *testing.T, dir, name, source, expected, meta string) {
	t.Helper()
	d := filepath.Join(dir, name)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"source.html": source, "expected.html": expected}
	if meta != "" {
		files["expected-metadata.json"] = meta
	}
	for f, body := range files {
		if err := os.WriteFile(filepath.Join(d, f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const body = "The harbour reopened on Monday, after a strike of nine days, and ships queued outside."

func TestEvaluate(t *testing.T) {
	dir := t.TempDir()
	// A page extracted exactly, with its title and date right.
	writePage(t, dir, "exact",
		`<html><head><title>Harbour Reopens Today</title><meta property="article:published_time" content="2021-06-03T08:30:00Z"></head><body><nav><a href="/">Home</a></nav><article><p>`+body+`</p></article></body></html>`,
		`<div><p>`+body+`</p></div>`,
		`{"title":"Harbour  Reopens Today","publishedTime":"2021-06-03T08:30:00.000Z"}`)
	// A page whose expected article has words the page does not show:
	// recall 15/30, precision 1.
	writePage(t, dir, "half",
		`<html><body><article><p>`+body+`</p></article></body></html>`,
		`<div><p>`+body+` one two three four five six seven eight ten eleven twelve thirteen fourteen fifteen sixteen</p></div>`,
		`{"title":"Missing","publishedTime":""}`)
	os.WriteFile(filepath.Join(dir, "README"), []byte("not a page"), 0o644)
	os.MkdirAll(filepath.Join(dir, "empty"), 0o755)

	s, err := Evaluate(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pages) != 2 {
		t.Fatalf("%d pages", len(s.Pages))
	}
	exact, half := s.Pages[0], s.Pages[1]
	if exact.Precision != 1 || exact.Recall != 1 || !exact.TitleOK || !exact.DateOK {
		t.Errorf("exact page: %+v", exact)
	}
	if half.Precision != 1 || math.Abs(half.Recall-0.5) > 1e-9 || half.TitleOK || half.HasDate {
		t.Errorf("half page: %+v", half)
	}
	want := "pages=2 word_precision=1.000 word_recall=0.750 word_f1=0.833 title_exact=1/2 date=1/1"
	if s.String() != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
	if w := s.Worst(1); len(w) != 1 || w[0].Name != "half" {
		t.Errorf("worst %+v", w)
	}
	if _, err := Evaluate(context.Background(), filepath.Join(dir, "empty")); err == nil {
		t.Error("folder without pages: no error")
	}
}
