package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// datelineParagraphs is how many paragraphs from the top of an article
// Dateline looks at: a title, perhaps a byline, then the lead.
const datelineParagraphs = 4

// DatelineReach bounds where a dateline may start: within the first
// datelineParagraphs paragraphs and the first DatelineReach bytes.
const DatelineReach = 2000

// Dateline returns the place name of an article's dateline: a place
// name in capitals opening one of its first paragraphs, before a comma,
// a parenthesis or a dash ("NAIROBI, March 12 (Reuters) –", "LAUREL
// COUNTY, Ky. (WKYT) -", "INNISFAIL - …"). News agencies place a story
// where its dateline says it was filed.
func (g *Gazetteer) Dateline(text string) (Mention, bool) {
	start := 0
	for n := 0; n < datelineParagraphs && start < min(len(text), DatelineReach); n++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if m, ok := g.datelineAt(text, start, end); ok {
			return m, true
		}
		if strings.TrimSpace(text[start:end]) == "" {
			n-- // blank lines between paragraphs do not count
		}
		start = end + 1
	}
	return Mention{}, false
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
			if r != ' ' && r != '-' && r != '.' && r != '\'' && r != '’' {
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
