package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// ParseText makes a document of plain text. The text is kept whole, so
// offsets point into the file as written; when the first line looks like a
// headline it is also copied into Title.
func ParseText(data []byte) *event.Document {
	text := NormalizeText(string(data))
	doc := &event.Document{Text: text}
	first, rest, _ := strings.Cut(text, "\n")
	if rest != "" && looksLikeHeadline(first) {
		doc.Title = strings.TrimSpace(first)
	}
	return doc
}

// looksLikeHeadline reports whether line reads as a title: short, starting
// with a capital or digit, not ending like a sentence fragment.
func looksLikeHeadline(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 200 {
		return false
	}
	if n := len(strings.Fields(line)); n > 25 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '\'' && r != '‘' && r != '“' {
		return false
	}
	// A sentence ending in a period (not an abbreviation-only line) or a
	// clause ending in a comma is body text, not a headline.
	switch line[len(line)-1] {
	case ',', ';', ':':
		return false
	case '.':
		return strings.HasSuffix(line, "...")
	}
	return true
}
