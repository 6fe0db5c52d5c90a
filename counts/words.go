package counts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word or punctuation mark of a sentence as the reader sees
// it: "1,200" and "1.7" are one word, a hyphen is a word of its own
// ("million-man" is three), so that compounds read the same however the
// text spells them.
type word struct {
	low        string // lower case
	start, end int    // byte offsets in the text given to split
	upper      bool   // starts with an upper-case letter
}

// maxWords bounds the words read of one sentence: a "sentence" of a
// malformed text (a table, a list without stops) can be megabytes long,
// and no count spans more than a few words.
const maxWords = 4096

// split cuts text into words.
func split(text string) []word {
	var out []word
	for i := 0; i < len(text) && len(out) < maxWords; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// An apostrophe inside a word ("Brazil's", "don't"), not a
				// closing quotation mark ("injured''").
				if r2 == '\'' || r2 == '’' {
					if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); j+n2 < len(text) && unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				// A comma or point between digits stays in the number.
				if (r2 == ',' || r2 == '.') && j+1 < len(text) && isDigit(text[j-1]) && isDigit(text[j+1]) {
					j++
					continue
				}
				break
			}
			w := text[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			out = append(out, word{low: strings.ToLower(w), start: i, end: j, upper: unicode.IsUpper(first)})
			i = j
		default:
			out = append(out, word{low: string(r), start: i, end: i + n})
			i += n
		}
	}
	return out
}

func isWordRune(r rune) bool {
	switch r {
	case 'â', 'Â', 'œ', '€', '™', '˜', '\ufffd':
		return false // mojibake of quotation marks ("â€œtwo persons")
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// joined reports whether words i and i+1 touch (no space between them).
func joined(ws []word, i int) bool { return i+1 < len(ws) && ws[i].end == ws[i+1].start }

// hyphenAt reports whether word i is a hyphen (or dash) that joins the
// words on both sides ("million-man", "20-30").
func hyphenAt(ws []word, i int) bool {
	if i <= 0 || i+1 >= len(ws) {
		return false
	}
	switch ws[i].low {
	case "-", "‐", "–":
		return joined(ws, i-1) && joined(ws, i)
	}
	return false
}
