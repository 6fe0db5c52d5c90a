// Package wordfeat computes the per-word hashes that annals' tagger and
// parser build their features from: the form, a normalized lower-case form,
// affixes and the word shape, each hashed once per token so that feature
// extraction does no string work.
package wordfeat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/nlp/perceptron"
)

// Word holds the hashes of one token.
type Word struct {
	Form   uint64 // the form as written
	Lower  uint64 // lower case, numbers collapsed (see Norm)
	Suffix [4]uint64
	Prefix [2]uint64 // first one and three runes
	Shape  uint64
	Flags  uint64 // bit set of Upper, Title, Digit, Hyphen
}

// Flags of a Word.
const (
	Upper  = 1 << iota // all letters upper case
	Title              // first letter upper case
	Digit              // contains a digit
	Hyphen             // contains a hyphen
)

// Make computes the hashes of w. It allocates only for words with upper-
// case or non-ASCII letters, which need a lower-case copy.
func Make(w string) Word {
	var x Word
	x.Form = perceptron.String(w)
	low := lower(w)
	x.Lower = perceptron.String(norm(w, low))
	// Affixes are whole runes of the lower-case form: the last one to four
	// and the first one and three.
	end := len(low)
	for i := range x.Suffix {
		if end > 0 {
			_, size := utf8.DecodeLastRuneInString(low[:end])
			end -= size
		}
		x.Suffix[i] = perceptron.String(low[end:])
	}
	cut := 0
	for i := 0; i < 3 && cut < len(low); i++ {
		_, size := utf8.DecodeRuneInString(low[cut:])
		cut += size
		if i == 0 {
			x.Prefix[0] = perceptron.String(low[:cut])
		}
	}
	if low == "" {
		x.Prefix[0] = perceptron.String("")
	}
	x.Prefix[1] = perceptron.String(low[:cut])
	x.Shape = shapeHash(w)
	letters, upper := 0, 0
	for i, c := range w {
		switch {
		case unicode.IsLetter(c):
			letters++
			if unicode.IsUpper(c) {
				upper++
				if i == 0 {
					x.Flags |= Title
				}
			}
		case unicode.IsDigit(c):
			x.Flags |= Digit
		case c == '-':
			x.Flags |= Hyphen
		}
	}
	if letters > 0 && upper == letters {
		x.Flags |= Upper
	}
	return x
}

// lower returns w in lower case, without allocating when it already is.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// Norm returns the lower-case form of w with numbers folded into classes,
// so that "1984" and "2003" share statistics.
func Norm(w string) string { return norm(w, lower(w)) }

// norm is Norm given the lower-case form of w.
func norm(w, low string) string {
	if w == "" {
		return w
	}
	digits := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			digits++
		}
	}
	switch {
	case digits == 4 && len(w) == 4:
		return "!YEAR"
	case digits > 0 && w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	return low
}

// Shape maps letters to X or x, digits to d and keeps other characters,
// collapsing runs of the same class beyond two: "McDonald's" -> "XxXxx'x".
func Shape(w string) string {
	var b strings.Builder
	shape(w, func(c rune) { b.WriteRune(c) })
	return b.String()
}

// shapeHash returns perceptron.String(Shape(w)) without building the
// string.
func shapeHash(w string) uint64 {
	var buf [64]byte
	b := buf[:0]
	shape(w, func(c rune) { b = utf8.AppendRune(b, c) })
	return perceptron.Bytes(b)
}

// shape calls emit with each character of the shape of w.
func shape(w string, emit func(rune)) {
	var last rune
	run := 0
	for _, c := range w {
		switch {
		case unicode.IsUpper(c):
			c = 'X'
		case unicode.IsLetter(c):
			c = 'x'
		case unicode.IsDigit(c):
			c = 'd'
		case c == utf8.RuneError:
			c = '?'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		last = c
		emit(c)
	}
}
