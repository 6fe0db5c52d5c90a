package tokenize

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annals/annals/internal/testshared"
)

// goldSentence is one sentence of a UD treebank as the tokenizer sees it.
type goldSentence struct {
	text           string   // the "# text" line
	words          []string // syntactic words: multiword tokens give their parts
	newDoc, newPar bool     // the sentence starts a document or paragraph
	spaceAfter     bool     // the last token is followed by a space
}

// readUD reads the sentences of a CoNLL-U file.
func readUD(tb testing.TB, path string) []goldSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("UD file not available: %v", err)
	}
	defer f.Close()
	var out []goldSentence
	cur := goldSentence{spaceAfter: true}
	started := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			if started {
				out = append(out, cur)
			}
			cur = goldSentence{spaceAfter: true}
			started = false
		case strings.HasPrefix(l, "# newdoc"):
			cur.newDoc, cur.newPar = true, true
		case strings.HasPrefix(l, "# newpar"):
			cur.newPar = true
		case strings.HasPrefix(l, "# text = "):
			cur.text = l[len("# text = "):]
		case strings.HasPrefix(l, "#"):
		default:
			started = true
			cols := strings.Split(l, "\t")
			if len(cols) != 10 {
				tb.Fatalf("%s:%d: want 10 columns, got %d", path, line, len(cols))
			}
			if strings.Contains(cols[0], ".") {
				continue
			}
			if strings.Contains(cols[0], "-") {
				cur.spaceAfter = !strings.Contains(cols[9], "SpaceAfter=No")
				continue
			}
			cur.words = append(cur.words, cols[1])
			cur.spaceAfter = !strings.Contains(cols[9], "SpaceAfter=No")
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if started {
		out = append(out, cur)
	}
	return out
}

// wordSpans places the words of g in g.text.
func (g goldSentence) wordSpans(base int) ([]Span, error) {
	var spans []Span
	pos := 0
	for _, w := range g.words {
		for pos < len(g.text) {
			r, n := utf8.DecodeRuneInString(g.text[pos:])
			if !isWhite(r) {
				break
			}
			pos += n
		}
		if !strings.HasPrefix(g.text[pos:], w) {
			return nil, fmt.Errorf("word %q not at byte %d of %q", w, pos, g.text)
		}
		spans = append(spans, Span{base + pos, base + pos + len(w)})
		pos += len(w)
	}
	return spans, nil
}

// udScores tokenizes every sentence text of a UD file and every document
// (sentences joined by a space or by nothing as SpaceAfter says, paragraphs
// by a blank line) and scores tokens and sentences with Align. Token errors
// go to logf.
func udScores(tb testing.TB, path string, logf func(string, ...any)) (tokens, sentences Score) {
	tb.Helper()
	sents := readUD(tb, path)
	var doc strings.Builder
	var goldSents []Span
	flush := func() {
		if doc.Len() == 0 {
			return
		}
		text := doc.String()
		var sys []Span
		for _, s := range Split(text) {
			sys = append(sys, Span{s.Start, s.End})
		}
		sc, err := Align(text, goldSents, text, sys)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		sentences = sentences.Add(sc)
		logEnds(text, goldSents, sys, logf)
		doc.Reset()
		goldSents = goldSents[:0]
	}
	prevSpace := true
	for i, g := range sents {
		gold, err := g.wordSpans(0)
		if err != nil {
			tb.Fatalf("%s: sentence %d: %v", path, i+1, err)
		}
		var sys []Span
		var got []string
		for _, s := range Split(g.text) {
			for _, t := range s.Tokens {
				sys = append(sys, Span{t.Start, t.End})
				got = append(got, t.Text)
			}
		}
		sc, err := Align(g.text, gold, g.text, sys)
		if err != nil {
			tb.Fatalf("%s: sentence %d: %v", path, i+1, err)
		}
		if sc.Correct != sc.Gold || sc.Correct != sc.System {
			logf("gold %q\n      got  %q", g.words, got)
		}
		tokens = tokens.Add(sc)

		if g.newDoc {
			flush()
		} else if g.newPar {
			doc.WriteString("\n\n")
		} else if doc.Len() > 0 && prevSpace {
			doc.WriteString(" ")
		}
		start := doc.Len()
		doc.WriteString(g.text)
		goldSents = append(goldSents, Span{start, doc.Len()})
		prevSpace = g.spaceAfter
	}
	flush()
	return tokens, sentences
}

// TestUD asserts floors for token and sentence F1 on UD English dev and
// test sets; run with -v to see the sentences tokenized differently from
// the gold and the sentence ends missed or made up.
func TestUD(t *testing.T) {
	shared := testshared.Shared(t)
	tests := []struct {
		file            string
		tokens, sentEnd float64 // F1 floors, a little under the measured figures
	}{
		{"ud_english_ewt/en_ewt-ud-dev.conllu", 0.990, 0.89},
		{"ud_english_ewt/en_ewt-ud-test.conllu", 0.990, 0.88},
		{"ud_english_gum/en_gum-ud-dev.ccby.conllu", 0.995, 0.94},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			n := 0
			logf := func(format string, args ...any) {
				if n < 400 {
					t.Logf(format, args...)
				}
				n++
			}
			tok, sent := udScores(t, filepath.Join(shared, "corpora", tt.file), logf)
			t.Logf("%s: tokens P %.4f R %.4f F1 %.4f (%d gold); sentences P %.4f R %.4f F1 %.4f (%d gold)",
				tt.file, tok.Precision(), tok.Recall(), tok.F1(), tok.Gold,
				sent.Precision(), sent.Recall(), sent.F1(), sent.Gold)
			if tok.F1() < tt.tokens {
				t.Errorf("token F1 %.4f, want at least %.3f", tok.F1(), tt.tokens)
			}
			if sent.F1() < tt.sentEnd {
				t.Errorf("sentence F1 %.4f, want at least %.3f", sent.F1(), tt.sentEnd)
			}
		})
	}
}

// logEnds logs the sentence ends the system missed (MISS) or made up (MADE).
func logEnds(text string, gold, sys []Span, logf func(string, ...any)) {
	ends := func(spans []Span) map[int]bool {
		m := map[int]bool{}
		for _, s := range spans[:len(spans)-1] {
			m[s.End] = true
		}
		return m
	}
	g, s := ends(gold), ends(sys)
	show := func(tag string, at int) {
		logf("%s %q | %q", tag, text[max(0, at-50):at], text[at:min(len(text), at+30)])
	}
	for e := range g {
		if !s[e] {
			show("MISS", e)
		}
	}
	for e := range s {
		if !g[e] {
			show("MADE", e)
		}
	}
}
