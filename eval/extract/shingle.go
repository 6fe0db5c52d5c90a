package extract

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/ingest"
)

// This file scores extraction as the article-extraction benchmark of
// Zyte (github.com/scrapinghub/article-extraction-benchmark) does in its
// evaluate.py, so that annals' figures compare with the ones it publishes
// for other extractors:
//
//   - tokens are runs of word characters (letters, numbers, underscore),
//     case kept;
//   - a text's shingles are its runs of 4 tokens (a text of 1–3 tokens is
//     one shingle);
//   - a page's true positives, false positives and false negatives count
//     shingles (as multisets), divided by their sum so that long pages
//     weigh no more than short ones;
//   - precision is the mean over the pages that extracted anything, recall
//     the mean over the pages that have a text, and F1 is their harmonic
//     mean (not the mean of the pages' F1).

// shingleN is the benchmark's shingle length.
const shingleN = 4

// Match is one page's share of matched (TP), extra (FP) and missing (FN)
// shingles; the three sum to 1 unless both texts are empty.
type Match struct{ TP, FP, FN float64 }

// MatchShingles compares an extracted text with the wanted one.
func MatchShingles(want, got string) Match {
	w, g := shingles(want), shingles(got)
	var m Match
	for k, gc := range g {
		wc := w[k]
		m.TP += float64(min(wc, gc))
		m.FP += float64(max(0, gc-wc))
	}
	for k, wc := range w {
		m.FN += float64(max(0, wc-g[k]))
	}
	if s := m.TP + m.FP + m.FN; s > 0 {
		m.TP, m.FP, m.FN = m.TP/s, m.FP/s, m.FN/s
	}
	return m
}

// precision and recall follow evaluate.py: 1 when nothing is extra and
// nothing missing; ok is false for a page that does not count (nothing
// extracted, or nothing wanted).
func (m Match) precision() (p float64, ok bool) {
	if m.TP+m.FP == 0 {
		return 0, false
	}
	if m.FP == 0 && m.FN == 0 {
		return 1, true
	}
	return m.TP / (m.TP + m.FP), true
}

func (m Match) recall() (r float64, ok bool) {
	if m.TP+m.FN == 0 {
		return 0, false
	}
	if m.FP == 0 && m.FN == 0 {
		return 1, true
	}
	return m.TP / (m.TP + m.FN), true
}

// tokens splits s into the benchmark's tokens: Python's \w+ on str,
// letters, numbers and the underscore.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

func shingles(s string) map[string]int {
	t := tokens(s)
	m := map[string]int{}
	for i := 0; i < max(1, len(t)-shingleN+1) && i < len(t); i++ {
		m[strings.Join(t[i:min(i+shingleN, len(t))], "\x00")]++
	}
	return m
}

// BenchPage is one page of the benchmark.
type BenchPage struct {
	ID   string
	HTML []byte // the page as saved, UTF-8
	Want string // the article body of the ground truth
}

// LoadBenchmark reads the benchmark as its repository lays it out:
// ground-truth.json ({ID: {"articleBody": ...}}) and html/ID.html.gz.
func LoadBenchmark(dir string) ([]BenchPage, error) {
	truth, err := readBodies(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]BenchPage, 0, len(ids))
	for _, id := range ids {
		p := filepath.Join(dir, "html", id+".html.gz")
		page, err := readGzip(p)
		if err != nil {
			return nil, fmt.Errorf("eval extract: %s: %w", p, err)
		}
		pages = append(pages, BenchPage{ID: id, HTML: page, Want: truth[id]})
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("eval extract: no pages in %s/ground-truth.json", dir)
	}
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// ReadPredictions reads another extractor's output in the benchmark's
// format: {ID: {"articleBody": ...}}, bare or wrapped as
// {"version": ..., "output": {...}}.
func ReadPredictions(path string) (map[string]string, error) {
	return readBodies(path)
}

func readBodies(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval extract: %w", err)
	}
	type body struct {
		ArticleBody string `json:"articleBody"`
	}
	var wrapped struct {
		Version *json.RawMessage `json:"version"`
		Output  map[string]body  `json:"output"`
	}
	bodies := map[string]body{}
	if json.Unmarshal(data, &wrapped) == nil && wrapped.Version != nil && wrapped.Output != nil {
		bodies = wrapped.Output
	} else if err := json.Unmarshal(data, &bodies); err != nil {
		return nil, fmt.Errorf("eval extract: %s: %w", path, err)
	}
	out := make(map[string]string, len(bodies))
	for id, b := range bodies {
		out[id] = b.ArticleBody
	}
	return out, nil
}

// BenchResult is one page's extraction and its match.
type BenchResult struct {
	ID    string
	Got   string
	Match Match
}

// BenchScore is an extractor's figures on the benchmark.
type BenchScore struct {
	Results []BenchResult
	// Elapsed is the wall time spent extracting and CPU the process's CPU
	// time meanwhile (garbage collection included), both zero for read
	// predictions.
	Elapsed, CPU time.Duration
}

// Precision, Recall and F1 are the benchmark's figures.
func (s *BenchScore) Precision() float64 { return s.mean(Match.precision) }

// Recall is the mean recall of the pages that have a wanted text.
func (s *BenchScore) Recall() float64 { return s.mean(Match.recall) }

// F1 is the harmonic mean of Precision and Recall.
func (s *BenchScore) F1() float64 { return score.F1(s.Precision(), s.Recall()) }

func (s *BenchScore) mean(f func(Match) (float64, bool)) float64 {
	sum, n := 0.0, 0
	for _, r := range s.Results {
		if v, ok := f(r.Match); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// String is the figures line; ms_per_page is left out for predictions
// read from a file, whose time annals did not see.
func (s *BenchScore) String() string {
	line := fmt.Sprintf("pages=%d f1=%.3f precision=%.3f recall=%.3f", len(s.Results), s.F1(), s.Precision(), s.Recall())
	if s.Elapsed > 0 {
		line += fmt.Sprintf(" ms_per_page=%.2f", s.perPage(s.Elapsed))
	}
	return line
}

// Timing is the wall and CPU milliseconds a page, "" for read
// predictions.
func (s *BenchScore) Timing() string {
	if s.Elapsed == 0 {
		return ""
	}
	return fmt.Sprintf("ms_per_page=%.2f cpu_ms_per_page=%.2f", s.perPage(s.Elapsed), s.perPage(s.CPU))
}

func (s *BenchScore) perPage(d time.Duration) float64 {
	return float64(d) / float64(time.Millisecond) / float64(max(len(s.Results), 1))
}

// Worst returns the n pages of lowest shingle F1.
func (s *BenchScore) Worst(n int) []BenchResult {
	rs := append([]BenchResult(nil), s.Results...)
	f1 := func(m Match) float64 {
		p, _ := m.precision()
		r, _ := m.recall()
		return score.F1(p, r)
	}
	sort.SliceStable(rs, func(i, j int) bool { return f1(rs[i].Match) < f1(rs[j].Match) })
	return rs[:min(n, len(rs))]
}

// RunBenchmark extracts every page with ingest.ParseHTML, one after the
// other, and scores it; Elapsed and CPU are the time ParseHTML took over
// all pages.
func RunBenchmark(ctx context.Context, pages []BenchPage) (*BenchScore, error) {
	s := &BenchScore{}
	texts := make([]string, len(pages))
	start, cpu := time.Now(), cpuTime()
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := ingest.ParseHTML(p.HTML, "text/html; charset=utf-8")
		if err != nil {
			return nil, fmt.Errorf("eval extract: page %s: %w", p.ID, err)
		}
		texts[i] = doc.Text
	}
	s.Elapsed, s.CPU = time.Since(start), cpuTime()-cpu
	for i, p := range pages {
		s.Results = append(s.Results, BenchResult{ID: p.ID, Got: texts[i], Match: MatchShingles(p.Want, texts[i])})
	}
	return s, nil
}

// ScorePredictions scores another extractor's output; every page of the
// benchmark must have one, as evaluate.py requires.
func ScorePredictions(pages []BenchPage, got map[string]string) (*BenchScore, error) {
	s := &BenchScore{}
	var missing []string
	for _, p := range pages {
		text, ok := got[p.ID]
		if !ok {
			missing = append(missing, p.ID)
			continue
		}
		s.Results = append(s.Results, BenchResult{ID: p.ID, Got: text, Match: MatchShingles(p.Want, text)})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("eval extract: predictions lack %d of %d pages (%s ...)", len(missing), len(pages), missing[0])
	}
	if len(got) != len(pages) {
		return nil, errors.New("eval extract: predictions hold pages the benchmark does not")
	}
	return s, nil
}
