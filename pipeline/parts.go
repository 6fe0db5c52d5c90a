package pipeline

import (
	"strings"
	"unicode/utf8"
)

// partBytes is the most text the pipeline analyses as one piece. A longer
// document (a dump of many articles, a book, a hostile upload) is coded in
// parts of at most this size, each as if it were an article of its own:
// the steps that relate the mentions of an article to each other (quotes
// and their speakers, pronouns, names, descriptions, the places of the
// article) then hold the analysis of one part, not of the whole document,
// so that memory stays bounded and any step that compares mentions
// pairwise stays linear in the document's size. News articles are some
// tens of times shorter, and are coded whole.
const partBytes = 256 << 10

// span is a byte range [start, end) of a document's text.
type span struct{ start, end int }

// parts returns the spans that text is coded in: all of it when it is no
// longer than partBytes, else pieces of at most partBytes, each cut at a
// boundary in its second half (see cut).
func parts(text string) []span {
	var out []span
	for start := 0; start < len(text); {
		end := len(text)
		if end-start > partBytes {
			end = cut(text, start)
		}
		out = append(out, span{start, end})
		start = end
	}
	return out
}

// cut returns where the part starting at start ends: after the last blank
// line of the second half of its partBytes, else after the last line end,
// else after the last sentence end (". ", "? ", "! "), else after the last
// space, else at the last character boundary; a part so cut is at least
// half full, so the document has at most twice as many parts as it has
// partBytes.
func cut(text string, start int) int {
	from, limit := start+partBytes/2, start+partBytes
	w := text[from:limit]
	if i := strings.LastIndex(w, "\n\n"); i >= 0 {
		return from + i + 2
	}
	if i := strings.LastIndexByte(w, '\n'); i >= 0 {
		return from + i + 1
	}
	if i := max(strings.LastIndex(w, ". "), strings.LastIndex(w, "? "), strings.LastIndex(w, "! ")); i >= 0 {
		return from + i + 2
	}
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		return from + i + 1
	}
	for i := limit; i > from; i-- {
		if utf8.RuneStart(text[i]) {
			return i
		}
	}
	return limit
}
