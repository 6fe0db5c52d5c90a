// Package quotes scores annals' quote finder against PolNeAR (Newell,
// Margolin and Ruths, LREC 2018), news articles whose attributions are
// annotated in brat standoff: a Source (speaker), Cue and Content span per
// attribution, with character offsets into the article text.
//
// Two figures are measured:
//
//   - Speaker accuracy: over the gold attributions that have a Source and
//     whose content annals found, the share whose speaker annals got
//     right. A gold content counts as found when an annals quote's content
//     covers at least half of it or it covers at least half of that quote
//     (in words). The speaker is right when annals' speaker mention or the
//     mention it resolved to overlaps the gold Source, or when the resolved
//     mention and the gold Source share a capitalized word ("Trump" and
//     "Donald Trump": the same named entity).
//   - Content span F1: word-level precision and recall of annals' quote
//     contents against the gold contents, summed over the articles (words
//     are runs of letters and digits; quotation marks and "that" at the
//     edge therefore do not matter much).
package quotes

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/nlp/quote"
	"github.com/annals/annals/nlp/tokenize"
)

// Span is a byte range of an article's text.
type Span struct {
	Start, End int
}

// Attribution is one gold attribution; Source is empty for PolNeAR's
// "Attribution-no-source".
type Attribution struct {
	Source, Cue, Content []Span
}

// Article is one gold article.
type Article struct {
	Name         string
	Text         string
	Attributions []Attribution
}

// Read reads a PolNeAR split ("train", "dev" or "test") from dir, the
// repository root or its data folder. An article annotated by several
// annotators is read once, with the first annotator's file by name.
func Read(dir, split string) ([]Article, error) {
	base := filepath.Join(dir, "data", split)
	if _, err := os.Stat(base); err != nil {
		base = filepath.Join(dir, split)
	}
	anns, err := filepath.Glob(filepath.Join(base, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear: no %s/attributions/*.ann under %s", split, dir)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var out []Article
	for _, ann := range anns {
		stem := strings.TrimSuffix(filepath.Base(ann), ".ann")
		if i := strings.LastIndexByte(stem, '_'); i > 0 {
			stem = stem[:i] // drop the annotator id
		}
		if seen[stem] {
			continue
		}
		seen[stem] = true
		txtPath := filepath.Join(base, "text", stem+".txt")
		b, err := os.ReadFile(txtPath)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("polnear: %s: not valid UTF-8", txtPath)
		}
		f, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		atts, err := ParseAnn(ann, f, string(b))
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, Article{Name: stem, Text: string(b), Attributions: atts})
	}
	return out, nil
}

// ParseAnn reads the attributions of one brat standoff file whose
// character offsets point into text; name labels errors.
func ParseAnn(name string, r io.Reader, text string) ([]Attribution, error) {
	byteAt := runeOffsets(text)
	spans := map[string][]Span{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if !bratID(f[0]) {
			continue // the quoted text of a span that runs over lines
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want tab-separated id and annotation, got %q", name, line, trunc(l))
		}
		switch f[0][0] {
		case 'T':
			sp, err := parseSpans(f[1], byteAt)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			spans[f[0]] = sp
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, spans[id]...)
			case "Cue":
				a.Cue = append(a.Cue, spans[id]...)
			case "Content":
				a.Content = append(a.Content, spans[id]...)
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// bratID reports whether s is an annotation id: a letter and digits.
func bratID(s string) bool {
	if len(s) < 2 || !strings.ContainsRune("TERAN#", rune(s[0])) {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parseSpans reads "Label 10 20;25 30" into byte spans.
func parseSpans(s string, byteAt []int) ([]Span, error) {
	_, rng, ok := strings.Cut(s, " ")
	if !ok {
		return nil, fmt.Errorf("no offsets in %q", trunc(s))
	}
	var out []Span
	for _, part := range strings.Split(rng, ";") {
		a, b, ok := strings.Cut(part, " ")
		if !ok {
			return nil, fmt.Errorf("bad offsets %q", trunc(part))
		}
		i, err1 := strconv.Atoi(a)
		j, err2 := strconv.Atoi(b)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("bad offsets %q: %w", trunc(part), err)
		}
		if i < 0 || j < i || j >= len(byteAt) {
			return nil, fmt.Errorf("offsets %d-%d outside the text (%d characters)", i, j, len(byteAt)-1)
		}
		out = append(out, Span{byteAt[i], byteAt[j]})
	}
	return out, nil
}

// runeOffsets maps character offsets to byte offsets (one past the end
// included).
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// Prediction is one quote annals found, in byte offsets.
type Prediction struct {
	Content    []Span
	Speaker    Span   // the speaker as written; zero when none
	Entity     Span   // the mention it resolved to
	EntityText string //
}

// Result accumulates the scores over articles.
type Result struct {
	Quotes     int // gold attributions
	WithSource int // of which have a Source
	Found      int // gold attributions with a Source whose content was found
	SpeakerOK  int // of those, with the right speaker
	TP, FP, FN int // content words
	// Misses are the found attributions whose speaker annals got wrong,
	// for a cause count (annals eval quotes --show-misses).
	Misses []Miss
}

// Miss is a found attribution with a wrong speaker.
type Miss struct {
	Article string
	Gold    string // the gold speaker's words
	Speaker string // annals' speaker as written, "" when none
	Entity  string // the mention annals resolved it to
	Content string // the gold content, shortened
}

// String writes the miss on one line.
func (m Miss) String() string {
	return fmt.Sprintf("MISS %s: gold %q, annals %q (%q) for %q", m.Article, m.Gold, m.Speaker, m.Entity, m.Content)
}

// Add scores one article's predictions.
func (r *Result) Add(a *Article, preds []Prediction) {
	words := wordSpans(a.Text)
	gold := make([]bool, len(words))
	pred := make([]bool, len(words))
	for _, at := range a.Attributions {
		markWords(words, at.Content, gold)
	}
	for _, p := range preds {
		markWords(words, p.Content, pred)
	}
	for i := range words {
		switch {
		case gold[i] && pred[i]:
			r.TP++
		case pred[i]:
			r.FP++
		case gold[i]:
			r.FN++
		}
	}
	for _, at := range a.Attributions {
		r.Quotes++
		if len(at.Source) == 0 {
			continue
		}
		r.WithSource++
		p := bestMatch(words, at.Content, preds)
		if p == nil {
			continue
		}
		r.Found++
		if speakerMatches(a.Text, at.Source, p) {
			r.SpeakerOK++
			continue
		}
		r.Misses = append(r.Misses, Miss{Article: a.Name, Gold: spanText(a.Text, at.Source),
			Speaker: a.Text[p.Speaker.Start:p.Speaker.End], Entity: p.EntityText, Content: trunc(spanText(a.Text, at.Content))})
	}
}

// spanText joins the text of spans with " … ".
func spanText(text string, spans []Span) string {
	parts := make([]string, 0, len(spans))
	for _, sp := range spans {
		parts = append(parts, text[sp.Start:sp.End])
	}
	return strings.Join(parts, " … ")
}

// bestMatch returns the prediction whose content shares the most words
// with gold, when they share at least half of either.
func bestMatch(words []Span, gold []Span, preds []Prediction) *Prediction {
	g := countWords(words, gold)
	var best *Prediction
	bestN := 0
	for i := range preds {
		n := sharedWords(words, gold, preds[i].Content)
		if n == 0 || n <= bestN {
			continue
		}
		if 2*n >= g || 2*n >= countWords(words, preds[i].Content) {
			best, bestN = &preds[i], n
		}
	}
	return best
}

// speakerMatches applies the speaker rule of the package comment.
func speakerMatches(text string, source []Span, p *Prediction) bool {
	for _, s := range source {
		if overlaps(s, p.Speaker) || overlaps(s, p.Entity) {
			return true
		}
	}
	names := map[string]bool{}
	for _, w := range strings.FieldsFunc(p.EntityText, notLetter) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && len(w) > 1 {
			names[w] = true
		}
	}
	for _, s := range source {
		for _, w := range strings.FieldsFunc(text[s.Start:s.End], notLetter) {
			if names[w] {
				return true
			}
		}
	}
	return false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && r != '-' }

func overlaps(a, b Span) bool { return b.End > b.Start && a.Start < b.End && b.Start < a.End }

// wordSpans returns the runs of letters and digits of text.
func wordSpans(text string) []Span {
	var out []Span
	start := -1
	for i, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, Span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(text)})
	}
	return out
}

// markWords sets mark[i] for every word inside one of spans.
func markWords(words []Span, spans []Span, mark []bool) {
	for _, s := range spans {
		i := sort.Search(len(words), func(i int) bool { return words[i].End > s.Start })
		for ; i < len(words) && words[i].Start < s.End; i++ {
			mark[i] = true
		}
	}
}

// countWords counts the words inside spans.
func countWords(words []Span, spans []Span) int {
	n := 0
	for _, s := range spans {
		i := sort.Search(len(words), func(i int) bool { return words[i].End > s.Start })
		for ; i < len(words) && words[i].Start < s.End; i++ {
			n++
		}
	}
	return n
}

// sharedWords counts the words inside both a and b.
func sharedWords(words []Span, a, b []Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			s, e := max(x.Start, y.Start), min(x.End, y.End)
			if s < e {
				n += countWords(words, []Span{{s, e}})
			}
		}
	}
	return n
}

// SpeakerAcc returns the speaker accuracy.
func (r *Result) SpeakerAcc() float64 { return score.Ratio(r.SpeakerOK, r.Found) }

// Precision, Recall and F1 of the content words.
func (r *Result) Precision() float64 { return score.Ratio(r.TP, r.TP+r.FP) }

// Recall of the content words.
func (r *Result) Recall() float64 { return score.Ratio(r.TP, r.TP+r.FN) }

// SpanF1 is the harmonic mean of Precision and Recall.
func (r *Result) SpanF1() float64 { return score.F1(r.Precision(), r.Recall()) }

// String is the summary line: quotes=N speaker_acc=0.xxx span_f1=0.xxx.
func (r *Result) String() string {
	return fmt.Sprintf("quotes=%d speaker_acc=%.3f span_f1=%.3f", r.Quotes, r.SpeakerAcc(), r.SpanF1())
}

// Evaluate runs the language pipeline p (tokenizing only when p is nil)
// and annals' quote finder on every article and scores them.
func Evaluate(ctx context.Context, p *nlp.Pipeline, arts []Article) (Result, error) {
	var r Result
	for i := range arts {
		a := &arts[i]
		var sents []event.Sentence
		if p != nil {
			var err error
			if sents, err = p.Process(ctx, a.Text); err != nil {
				return r, fmt.Errorf("polnear %s: %w", a.Name, err)
			}
		} else {
			sents = tokenize.Split(a.Text)
		}
		qs, err := quote.Find(a.Text, sents)
		if err != nil {
			return r, fmt.Errorf("polnear %s: %w", a.Name, err)
		}
		r.Add(a, Predictions(qs))
	}
	return r, nil
}

// Predictions converts quotes to what the scorer compares.
func Predictions(qs []quote.Quote) []Prediction {
	out := make([]Prediction, 0, len(qs))
	for _, q := range qs {
		p := Prediction{
			Speaker:    Span{q.Speaker.Start, q.Speaker.End},
			Entity:     Span{q.Entity.Start, q.Entity.End},
			EntityText: q.Entity.Text,
		}
		for _, c := range q.Parts {
			p.Content = append(p.Content, Span{c.Start, c.End})
		}
		out = append(out, p)
	}
	return out
}
