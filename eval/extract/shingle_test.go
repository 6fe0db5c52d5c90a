package extract

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMatchShingles(t *testing.T) {
	tests := []struct {
		name, want, got string
		m               Match
	}{
		// want has shingles "a b c d" and "b c d e"; got has the first.
		{"half recalled", "a b c d e", "a, b; c d", Match{0.5, 0, 0.5}},
		{"extra shingle", "a b c d", "a b c d e", Match{0.5, 0.5, 0}},
		// Fewer than four tokens make one shingle of all of them.
		{"short texts", "Rain fell", "rain fell", Match{0, 0.5, 0.5}},
		{"same short", "Rain fell.", "Rain  fell", Match{1, 0, 0}},
		{"nothing extracted", "a b c d", "", Match{0, 0, 1}},
		{"both empty", "", "...", Match{}},
		// Repeated shingles count as often as they occur.
		{"multiset", "x y z w x y z w", "x y z w", Match{0.2, 0, 0.8}},
		// Word characters are letters, numbers and "_", in any script;
		// punctuation and symbols separate.
		{"unicode tokens", "Zürich_2 £5 東京 ok", "Zürich_2 5 東京 ok", Match{1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MatchShingles(tt.want, tt.got)
			if math.Abs(m.TP-tt.m.TP)+math.Abs(m.FP-tt.m.FP)+math.Abs(m.FN-tt.m.FN) > 1e-9 {
				t.Errorf("got %+v, want %+v", m, tt.m)
			}
		})
	}
}

func TestBenchScore(t *testing.T) {
	s := &BenchScore{Results: []BenchResult{
		{Match: MatchShingles("a b c d e", "a b c d")},   // p=1, r=0.5
		{Match: MatchShingles("a b c d", "a b c d e")},   // p=0.5, r=1
		{Match: MatchShingles("a b c d", "")},            // r=0, no precision
		{Match: MatchShingles("a b c d e f", "a b c d")}, // p=1, r=1/3
	}}
	p, r := (1+0.5+1)/3.0, (0.5+1+0+1.0/3)/4
	if math.Abs(s.Precision()-p) > 1e-9 || math.Abs(s.Recall()-r) > 1e-9 || math.Abs(s.F1()-2*p*r/(p+r)) > 1e-9 {
		t.Errorf("p=%v r=%v f1=%v, want p=%v r=%v", s.Precision(), s.Recall(), s.F1(), p, r)
	}
	if got, want := s.String(), "pages=4 f1=0.591 precision=0.833 recall=0.458"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// writeBenchmark lays pages out as the benchmark's repository does.
func writeBenchmark(t *testing.T, pages map[string][2]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	truth := map[string]map[string]string{}
	for id, p := range pages {
		truth[id] = map[string]string{"articleBody": p[1], "url": "https://example.org/" + id}
		f, err := os.Create(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		z := gzip.NewWriter(f)
		z.Write([]byte(p[0]))
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	data, _ := json.Marshal(truth)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRunBenchmark(t *testing.T) {
	dir := writeBenchmark(t, map[string][2]string{
		"p1": {`<html><body><nav><a href="/">Home</a> <a href="/world">World news</a></nav><article><p>` + body + `</p></article></body></html>`, body},
		"p2": {`<html><body><article><p>` + body + `</p></article></body></html>`, body + " The port authority said nothing more."},
	})
	pages, err := LoadBenchmark(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := RunBenchmark(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Results) != 2 || s.Results[0].Got != body || s.Results[0].Match != (Match{TP: 1}) {
		t.Fatalf("results %+v", s.Results)
	}
	if s.Results[1].Match.FN == 0 || s.Results[1].Match.FP != 0 {
		t.Errorf("p2 match %+v, want missing shingles only", s.Results[1].Match)
	}
	if !strings.HasPrefix(s.String(), "pages=2 f1=") || !strings.Contains(s.String(), " ms_per_page=") {
		t.Errorf("figures line %q", s)
	}
	if !strings.HasPrefix(s.Timing(), "ms_per_page=") || !strings.Contains(s.Timing(), " cpu_ms_per_page=") {
		t.Errorf("timing %q", s.Timing())
	}

	// Another extractor's output, in the benchmark's wrapped format.
	preds := filepath.Join(t.TempDir(), "other.json")
	os.WriteFile(preds, []byte(`{"version":"1.0","output":{"p1":{"articleBody":"Home World news `+body+`"},"p2":{"articleBody":""}}}`), 0o644)
	got, err := ReadPredictions(preds)
	if err != nil {
		t.Fatal(err)
	}
	o, err := ScorePredictions(pages, got)
	if err != nil {
		t.Fatal(err)
	}
	if o.Results[0].Match.FP == 0 || o.Recall() != 0.5 || strings.Contains(o.String(), "ms_per_page") || o.Timing() != "" {
		t.Errorf("predictions scored %+v %s", o.Results, o)
	}
	delete(got, "p2")
	if _, err := ScorePredictions(pages, got); err == nil {
		t.Error("predictions missing a page: no error")
	}
	if _, err := LoadBenchmark(t.TempDir()); err == nil {
		t.Error("folder without ground-truth.json: no error")
	}
}
