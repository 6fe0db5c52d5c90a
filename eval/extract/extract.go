// Package extract scores annals' HTML article extraction (ingest.ParseHTML)
// against pages with a known main text, in two layouts: Zyte's
// article-extraction benchmark, scored by its token-shingle F1 (see
// shingle.go), and Mozilla Readability's test pages: one folder per page
// holding source.html (the page), expected.html (its article) and,
// optionally, expected-metadata.json ({"title": ..., "publishedTime": ...}),
// scored as follows.
//
// Text is compared as bags of lower-cased words (letter and digit runs):
// precision is the share of extracted words that belong to the article,
// recall the share of the article's words extracted. Scores are means over
// pages (macro averages), so one huge page does not outweigh the rest.
package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/ingest"
)

// Page is the score of one page.
type Page struct {
	Name                 string
	Precision, Recall    float64
	TitleOK, DateOK      bool
	HasTitle, HasDate    bool
	ExtractedWords, Want int
}

// F1 is the harmonic mean of precision and recall.
func (p Page) F1() float64 { return score.F1(p.Precision, p.Recall) }

// Score sums the page scores.
type Score struct {
	Pages            []Page
	sumP, sumR, sumF float64
	Titles, TitlesOK int
	Dates, DatesOK   int
}

// String is the figures line: mean precision, recall and F1 of words,
// exact titles and publication dates.
func (s *Score) String() string {
	n := float64(max(len(s.Pages), 1))
	return fmt.Sprintf("pages=%d word_precision=%.3f word_recall=%.3f word_f1=%.3f title_exact=%d/%d date=%d/%d",
		len(s.Pages), s.sumP/n, s.sumR/n, s.sumF/n, s.TitlesOK, s.Titles, s.DatesOK, s.Dates)
}

// Worst returns the n pages of lowest F1.
func (s *Score) Worst(n int) []Page {
	ps := append([]Page(nil), s.Pages...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].F1() < ps[j].F1() })
	return ps[:min(n, len(ps))]
}

// Evaluate scores every page folder under dir.
func Evaluate(ctx context.Context, dir string) (*Score, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval extract: %w", err)
	}
	s := &Score{}
	for _, e := range entries {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !e.IsDir() {
			continue
		}
		p, err := ScorePage(filepath.Join(dir, e.Name()))
		if errors.Is(err, os.ErrNotExist) {
			continue // not a page folder
		}
		if err != nil {
			return nil, err
		}
		s.add(p)
	}
	if len(s.Pages) == 0 {
		return nil, fmt.Errorf("eval extract: no page folders (source.html + expected.html) in %s", dir)
	}
	return s, nil
}

func (s *Score) add(p Page) {
	s.Pages = append(s.Pages, p)
	s.sumP += p.Precision
	s.sumR += p.Recall
	s.sumF += p.F1()
	if p.HasTitle {
		s.Titles++
		if p.TitleOK {
			s.TitlesOK++
		}
	}
	if p.HasDate {
		s.Dates++
		if p.DateOK {
			s.DatesOK++
		}
	}
}

// ScorePage scores one page folder.
func ScorePage(dir string) (Page, error) {
	p := Page{Name: filepath.Base(dir)}
	src, err := os.ReadFile(filepath.Join(dir, "source.html"))
	if err != nil {
		return p, err
	}
	exp, err := os.ReadFile(filepath.Join(dir, "expected.html"))
	if err != nil {
		return p, err
	}
	doc, err := ingest.ParseHTML(src, "")
	if err != nil {
		return p, fmt.Errorf("eval extract %s: %w", dir, err)
	}
	want, err := visibleText(exp)
	if err != nil {
		return p, fmt.Errorf("eval extract %s/expected.html: %w", dir, err)
	}
	got, wantBag := words(doc.Text), words(want)
	common := 0
	for w, c := range got {
		common += min(c, wantBag[w])
		p.ExtractedWords += c
	}
	for _, c := range wantBag {
		p.Want += c
	}
	p.Precision = float64(common) / float64(max(p.ExtractedWords, 1))
	p.Recall = float64(common) / float64(max(p.Want, 1))
	meta, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
	if errors.Is(err, os.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	var m struct {
		Title         string `json:"title"`
		PublishedTime string `json:"publishedTime"`
	}
	if err := json.Unmarshal(meta, &m); err != nil {
		return p, fmt.Errorf("eval extract %s/expected-metadata.json: %w", dir, err)
	}
	// Titles compare with whitespace runs collapsed, as ingest stores them.
	if t := strings.Join(strings.Fields(m.Title), " "); t != "" {
		p.HasTitle = true
		p.TitleOK = t == strings.Join(strings.Fields(doc.Title), " ")
	}
	if m.PublishedTime != "" {
		p.HasDate = true
		if t, err := ingest.ParseDate(m.PublishedTime); err == nil {
			p.DateOK = t.Truncate(time.Second).Equal(doc.Published.Truncate(time.Second))
		}
	}
	return p, nil
}

// visibleText is all the text of an HTML document outside scripts and
// styles.
func visibleText(page []byte) (string, error) {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String(), nil
}

// words counts the lower-cased letter-and-digit runs of s.
func words(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		m[w]++
	}
	return m
}
