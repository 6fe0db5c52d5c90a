// Package dict reads the dictionaries that drive the coder: verb patterns,
// actors, agents, discards and issues, in annals' own plain-text format
// (LoadAnnals; the dictionaries annals ships are embedded, see Default) and
// in the formats of PETRARCH and TABARI (Load); LoadDir tells them apart.
// See docs/dictionaries.md.
//
// What follows describes the PETRARCH formats; annals' format matches
// whole words only.
//
// All dictionaries are case-insensitive and matched word by word. Words are
// kept upper-cased. In phrases, "_" joins words that must be adjacent; a
// trailing "_" means the word must match exactly, while a word without it
// also matches longer words that start with it (TABARI's stems).
//
// Loading never panics: a malformed line gives a *LineError naming the file
// and line, and loading goes on so that every bad line is reported at once.
package dict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// LineError locates a problem in a dictionary file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("dict: %s:%d: %v", e.File, e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// line is one non-blank line of a dictionary with comments removed.
type line struct {
	n    int    // 1-based line number
	text string // comment-stripped, right-trimmed
	raw  string // as in the file
}

// readLines returns the lines of r with "#" comments and XML-style
// "<!-- -->" comments removed; blank lines are kept as empty text so that
// callers can see record boundaries.
func readLines(r io.Reader, file string) ([]line, []error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var out []line
	var errs []error
	inComment := false
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			// Old dictionaries carry Latin-1 bytes; keep them as they come
			// and warn, since such a word cannot match UTF-8 text anyway.
			raw = strings.ToValidUTF8(raw, "\uFFFD")
		}
		t := raw
		if inComment {
			end := strings.Index(t, "-->")
			if end < 0 {
				out = append(out, line{n: n, raw: raw})
				continue
			}
			t = t[end+3:]
			inComment = false
		}
		for {
			start := strings.Index(t, "<!")
			if start < 0 {
				break
			}
			end := strings.Index(t[start:], ">")
			if end < 0 {
				inComment = true
				t = t[:start]
				break
			}
			t = t[:start] + t[start+end+1:]
		}
		t = stripComment(t)
		out = append(out, line{n: n, text: strings.TrimRight(t, " \t\r"), raw: raw})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &LineError{File: file, Line: n + 1, Err: err})
	}
	return out, errs
}

// stripComment removes a "#" comment, but not a "#" inside "[...]": the
// validation verbs use "[###]" as a code.
func stripComment(t string) string {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#':
			if depth == 0 {
				return t[:i]
			}
		}
	}
	return t
}

// blank reports whether a line is empty in the file (not merely a comment).
func (l line) blank() bool { return strings.TrimSpace(l.raw) == "" }

// joinErrors returns nil for no errors, else one error listing them all.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}

// splitCode separates "PHRASE [CODE] rest" into the phrase and the code
// text between the first "[" and its "]". ok is false when there is no "[".
func splitCode(s string) (phrase, code, rest string, ok bool, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), "", "", false, nil
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return "", "", "", false, errors.New("unclosed '['")
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : i+j]), strings.TrimSpace(s[i+j+1:]), true, nil
}

// Word is one word of a dictionary phrase.
type Word struct {
	Text  string // upper-cased, without "_"
	Exact bool   // must match the whole text word; otherwise a prefix (stem) match
	Gap   bool   // other words may come between this word and the previous one
}

// Matches reports whether the upper-cased text word w matches d.
func (d Word) Matches(w string) bool {
	if d.Exact || len(d.Text) < 3 {
		return w == d.Text
	}
	return strings.HasPrefix(w, d.Text)
}

// parsePhrase turns "UNITED_STATES_" or "PRESIDENT HOSNI MURBARAK" into
// words. Underscores join adjacent words; spaces allow gaps when gaps is
// true, and are treated like underscores otherwise.
func parsePhrase(s string, gaps bool) []Word {
	var words []Word
	for fi, field := range strings.Fields(s) {
		parts := strings.Split(field, "_")
		for pi, p := range parts {
			if p == "" {
				continue
			}
			exact := pi < len(parts)-1 // a word followed by "_" is exact
			words = append(words, Word{
				Text:  strings.ToUpper(p),
				Exact: exact,
				Gap:   gaps && fi > 0 && pi == 0,
			})
		}
	}
	return words
}
