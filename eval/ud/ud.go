// Package ud scores tagging, lemmatization and dependency parsing against a
// Universal Dependencies gold file, as the CoNLL 2018 shared task does:
// UPOS, XPOS, lemma, UAS and LAS (relations compared on their universal
// part, punctuation included). With gold tokenization the figures are
// accuracies; from raw text, system tokens are aligned to gold tokens by the
// non-whitespace characters they cover and the figures are F1 scores.
package ud

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// Count holds what an F1 score is made of.
type Count struct {
	Gold, System, Correct int
}

// F1 is 2·Correct/(Gold+System); 0 when both are empty.
func (c Count) F1() float64 {
	if c.Gold+c.System == 0 {
		return 0
	}
	return 2 * float64(c.Correct) / float64(c.Gold+c.System)
}

// Scores are the figures of one evaluation.
type Scores struct {
	Tokens, Sentences           Count
	UPOS, XPOS, Lemma, UAS, LAS Count
}

// String formats the scores as the last line of "annals eval ud".
func (s Scores) String() string {
	return fmt.Sprintf("upos=%.3f xpos=%.3f lemma=%.3f uas=%.3f las=%.3f",
		s.UPOS.F1(), s.XPOS.F1(), s.Lemma.F1(), s.UAS.F1(), s.LAS.F1())
}

// universal returns the part of a relation before any subtype.
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// score adds the word-level figures of sys against gold given the system
// word aligned to each gold word (-1 when none); words are numbered across
// the whole document, heads refer to document word numbers (-1 for root).
func (s *Scores) score(gold, sys []word, align []int) {
	back := make([]int, len(sys))
	for i := range back {
		back[i] = -1
	}
	for g, k := range align {
		if k >= 0 {
			back[k] = g
		}
	}
	for _, c := range []*Count{&s.UPOS, &s.XPOS, &s.Lemma, &s.UAS, &s.LAS} {
		c.Gold += len(gold)
		c.System += len(sys)
	}
	for g, k := range align {
		if k < 0 {
			continue
		}
		gw, sw := gold[g].tok, sys[k].tok
		if gw.UPOS == sw.UPOS {
			s.UPOS.Correct++
		}
		if gw.XPOS == sw.XPOS {
			s.XPOS.Correct++
		}
		if gw.Lemma == sw.Lemma {
			s.Lemma.Correct++
		}
		headOK := (gold[g].head < 0 && sys[k].head < 0) ||
			(sys[k].head >= 0 && back[sys[k].head] == gold[g].head && gold[g].head >= 0)
		if headOK {
			s.UAS.Correct++
			if universal(gw.Rel) == universal(sw.Rel) {
				s.LAS.Correct++
			}
		}
	}
}

// word is a token with its head as a document-wide word number.
type word struct {
	tok  *event.Token
	head int
}

func words(sents []*event.Sentence) []word {
	var out []word
	for _, s := range sents {
		base := len(out)
		for i := range s.Tokens {
			h := s.Tokens[i].Head
			if h > 0 {
				h = base + h - 1
			} else {
				h = -1
			}
			out = append(out, word{&s.Tokens[i], h})
		}
	}
	return out
}

// Gold scores sys, the gold sentences re-annotated by the system with their
// tokens unchanged, against gold.
func Gold(gold, sys []*event.Sentence) (Scores, error) {
	if len(gold) != len(sys) {
		return Scores{}, fmt.Errorf("ud: %d system sentences for %d gold ones", len(sys), len(gold))
	}
	for i := range gold {
		if len(gold[i].Tokens) != len(sys[i].Tokens) {
			return Scores{}, fmt.Errorf("ud: sentence %d (%s): %d system tokens for %d gold ones",
				i+1, gold[i].ID, len(sys[i].Tokens), len(gold[i].Tokens))
		}
	}
	gw, sw := words(gold), words(sys)
	align := make([]int, len(gw))
	for i := range align {
		align[i] = i
	}
	s := Scores{
		Tokens:    Count{len(gw), len(sw), len(gw)},
		Sentences: Count{len(gold), len(sys), len(gold)},
	}
	s.score(gw, sw, align)
	return s, nil
}

// Paragraphs reads a CoNLL-U file and reports, for each sentence, whether
// it starts a paragraph or document (# newpar, # newdoc), which the
// sentence reader does not keep.
func Paragraphs(r io.Reader) ([]bool, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []bool
	inBlock, mark := false, false
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "":
			if inBlock {
				out = append(out, mark)
			}
			inBlock, mark = false, false
		case strings.HasPrefix(l, "# newpar") || strings.HasPrefix(l, "# newdoc"):
			inBlock, mark = true, true
		default:
			inBlock = true
		}
	}
	if inBlock {
		out = append(out, mark)
	}
	return out, sc.Err()
}

// RawText joins the sentences' texts into the text a system reads for a raw
// evaluation: a space between sentences, a blank line where newPar (from
// Paragraphs; may be nil) marks a new paragraph. It returns the text and
// the byte offset of each sentence in it.
func RawText(gold []*event.Sentence, newPar []bool) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(gold))
	for i, s := range gold {
		if i > 0 {
			if i < len(newPar) && newPar[i] {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		starts[i] = b.Len()
		b.WriteString(s.Text)
	}
	return b.String(), starts
}

// Raw scores sys, the sentences a system made of text (from RawText),
// against gold, whose sentences start at starts in text and whose tokens
// carry offsets into their sentence's text.
func Raw(gold []*event.Sentence, starts []int, text string, sys []event.Sentence) (Scores, error) {
	// nw[b] is the number of non-whitespace characters before byte b.
	nw := make([]int, len(text)+1)
	for i, r := range text {
		n := nw[i]
		if !unicode.IsSpace(r) {
			n++
		}
		for j := i + 1; j <= i+utf8.RuneLen(r) && j <= len(text); j++ {
			nw[j] = n
		}
	}
	span := func(start, end int) ([2]int, error) {
		if start < 0 || end < start || end > len(text) {
			return [2]int{}, fmt.Errorf("ud: span %d:%d outside the text (%d bytes)", start, end, len(text))
		}
		return [2]int{nw[start], nw[end]}, nil
	}
	var gSpans, sSpans, gSent, sSent [][2]int
	for i, s := range gold {
		for _, t := range s.Tokens {
			sp, err := span(starts[i]+t.Start, starts[i]+t.End)
			if err != nil {
				return Scores{}, fmt.Errorf("gold sentence %d (%s): %w", i+1, s.ID, err)
			}
			gSpans = append(gSpans, sp)
		}
		if n := len(s.Tokens); n > 0 {
			gSent = append(gSent, [2]int{gSpans[len(gSpans)-n][0], gSpans[len(gSpans)-1][1]})
		}
	}
	sysPtr := make([]*event.Sentence, len(sys))
	for i := range sys {
		sysPtr[i] = &sys[i]
		for _, t := range sys[i].Tokens {
			sp, err := span(t.Start, t.End)
			if err != nil {
				return Scores{}, fmt.Errorf("system sentence %d: %w", i+1, err)
			}
			sSpans = append(sSpans, sp)
		}
		if n := len(sys[i].Tokens); n > 0 {
			sSent = append(sSent, [2]int{sSpans[len(sSpans)-n][0], sSpans[len(sSpans)-1][1]})
		}
	}
	var s Scores
	align := match(gSpans, sSpans)
	s.Tokens = Count{len(gSpans), len(sSpans), matched(align)}
	s.Sentences = Count{len(gSent), len(sSent), matched(match(gSent, sSent))}
	s.score(words(gold), words(sysPtr), align)
	return s, nil
}

// match returns for each gold span the index of the system span covering
// the same characters, or -1; both lists are in text order.
func match(gold, sys [][2]int) []int {
	out := make([]int, len(gold))
	k := 0
	for i, g := range gold {
		out[i] = -1
		for k < len(sys) && sys[k][0] < g[0] {
			k++
		}
		if k < len(sys) && sys[k] == g {
			out[i] = k
		}
	}
	return out
}

func matched(align []int) int {
	n := 0
	for _, k := range align {
		if k >= 0 {
			n++
		}
	}
	return n
}
