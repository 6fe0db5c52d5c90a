package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DatelineReach bounds how far after the text it places a dateline may
// open a story: a title and perhaps a byline come first.
const DatelineReach = 2000

// Datelines returns the datelines of a text's paragraphs, in text order:
// a place name in capitals opening a paragraph, before a comma, a
// parenthesis or a dash ("NAIROBI, March 12 (Reuters) –", "LAUREL
// COUNTY, Ky. (WKYT) -", "INNISFAIL - …"). News agencies place a story
// where its dateline says it was filed; a digest of stories has one per
// story.
func (g *Gazetteer) Datelines(text string) []Mention {
	var out []Mention
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if m, ok := g.datelineAt(text, start, end); ok {
			out = append(out, m)
		}
		start = end + 1
	}
	return out
}

// datelineAt reads a dateline at the start of the paragraph text[start:end].
func (g *Gazetteer) datelineAt(text string, start, end int) (Mention, bool) {
	for start < end && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r') {
		start++
	}
	// The name: words in capitals, with spaces, hyphens, dots and
	// apostrophes between them; it stops before a word with a small
	// letter ("DETROIT The …").
	i, nameEnd, letters := start, start, 0
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsLetter(r) {
			// A dash after a space ends the name ("PARIS - A fire").
			if r != ' ' && r != '-' && r != '.' && r != '\'' && r != '’' || r == '-' && i > start && text[i-1] == ' ' {
				break
			}
			i += size
			continue
		}
		w := i
		for w < end {
			r, size := utf8.DecodeRuneInString(text[w:end])
			if !unicode.IsLetter(r) {
				break
			}
			w += size
		}
		if !isUpperWord(text[i:w]) {
			break
		}
		letters += w - i
		i, nameEnd = w, w
	}
	name := text[start:nameEnd]
	if letters < 3 {
		return Mention{}, false
	}
	// What follows must end the dateline's place: a comma, a
	// parenthesis, a dash or a mixed-case word ("DETROIT The …").
	rest := strings.TrimLeft(text[nameEnd:end], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case r == ',' || r == '(' || r == '-' || r == '–' || r == '—' || r == ':':
	case unicode.IsUpper(r) && len(rest) > 1 && !isUpperWord(rest):
	default:
		return Mention{}, false
	}
	if len(g.Lookup(name)) == 0 || g.FalseAcronym(name) {
		return Mention{}, false
	}
	return Mention{Text: name, Start: start, End: nameEnd, Dateline: true}, true
}

// isUpperWord reports whether the word opening s is all capitals.
func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
