package tokenize

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Span is the byte range [Start, End) of a token or sentence in its text.
type Span struct {
	Start, End int
}

// Score counts gold units, system units and units both agree on.
type Score struct {
	Gold, System, Correct int
}

// Precision is Correct/System (0 when there is no system unit).
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold (0 when there is no gold unit).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// Add returns the sum of two scores, to total over documents.
func (s Score) Add(o Score) Score {
	return Score{s.Gold + o.Gold, s.System + o.System, s.Correct + o.Correct}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Align scores system spans over sysText against gold spans over goldText
// the way the CoNLL 2018 shared task scores tokens and sentences: both texts
// must be the same once whitespace is removed, each span is mapped to the
// non-whitespace characters it covers, and a system span is correct when a
// gold span covers exactly the same characters. Spans must be in text order
// and not overlap. The texts may differ in whitespace, so a system that read
// a reformatted copy of the gold text is scored fairly.
func Align(goldText string, gold []Span, sysText string, sys []Span) (Score, error) {
	if err := sameCharacters(goldText, sysText); err != nil {
		return Score{}, err
	}
	g, err := charSpans(goldText, gold)
	if err != nil {
		return Score{}, fmt.Errorf("gold: %w", err)
	}
	s, err := charSpans(sysText, sys)
	if err != nil {
		return Score{}, fmt.Errorf("system: %w", err)
	}
	sc := Score{Gold: len(g), System: len(s)}
	for i, j := 0, 0; i < len(g) && j < len(s); {
		switch {
		case g[i] == s[j]:
			sc.Correct++
			i++
			j++
		case g[i].Start < s[j].Start || g[i].Start == s[j].Start && g[i].End < s[j].End:
			i++
		default:
			j++
		}
	}
	return sc, nil
}

// isWhite is the whitespace Align ignores.
func isWhite(r rune) bool { return unicode.IsSpace(r) }

// sameCharacters reports an error naming the first difference when a and b
// differ other than in whitespace.
func sameCharacters(a, b string) error {
	i, j := 0, 0
	for {
		for i < len(a) {
			r, n := utf8.DecodeRuneInString(a[i:])
			if !isWhite(r) {
				break
			}
			i += n
		}
		for j < len(b) {
			r, n := utf8.DecodeRuneInString(b[j:])
			if !isWhite(r) {
				break
			}
			j += n
		}
		if i == len(a) || j == len(b) {
			if i != len(a) || j != len(b) {
				return fmt.Errorf("texts differ: gold at byte %d %q, system at byte %d %q", i, clip(a[i:]), j, clip(b[j:]))
			}
			return nil
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra != rb || a[i:i+na] != b[j:j+nb] {
			return fmt.Errorf("texts differ: gold at byte %d %q, system at byte %d %q", i, clip(a[i:]), j, clip(b[j:]))
		}
		i += na
		j += nb
	}
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 20 {
		return s[:20]
	}
	return s
}

// charSpans maps byte spans of text to spans over its non-whitespace
// characters, dropping spans that cover none.
func charSpans(text string, spans []Span) ([]Span, error) {
	out := make([]Span, 0, len(spans))
	pos, chars := 0, 0 // byte offset and the non-whitespace characters before it
	advance := func(to int) {
		for pos < to {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !isWhite(r) {
				chars++
			}
			pos += n
		}
	}
	for k, sp := range spans {
		if sp.Start < pos || sp.End < sp.Start || sp.End > len(text) {
			return nil, fmt.Errorf("span %d [%d,%d) out of order or out of range (text of %d bytes)", k, sp.Start, sp.End, len(text))
		}
		advance(sp.Start)
		start := chars
		advance(sp.End)
		if chars > start {
			out = append(out, Span{start, chars})
		}
	}
	return out, nil
}
