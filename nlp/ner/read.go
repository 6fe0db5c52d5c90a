package ner

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// maxLine bounds one input line; longer lines are malformed input, not text.
const maxLine = 1 << 20

// ErrFormat is wrapped by every error about malformed annotated input.
var ErrFormat = errors.New("malformed NER data")

func formatErr(name string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %w: %s", name, line, ErrFormat, fmt.Sprintf(format, args...))
}

// eachLine calls fn with every line of r and its number, without the line
// end; it stops at the first error. Lines that are not UTF-8 or longer than
// maxLine are errors naming name and the line; what says what was read.
func eachLine(r io.Reader, name, what string, fn func(line int, s string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Bytes()
		if !utf8.Valid(l) {
			return formatErr(name, line, "invalid UTF-8")
		}
		if err := fn(line, strings.TrimRight(string(l), "\r")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: read %s: %w", name, line+1, what, err)
	}
	return nil
}

// ReadFile reads an annotated file, choosing the reader by its content:
// CoNLL-U with a GUM-style Entity layer (ReadCoNLLU) when its first token
// line has ten tab-separated columns, column data (ReadColumns) otherwise.
func ReadFile(path string) ([]event.Sentence, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read NER data: %w", err)
	}
	if isCoNLLU(data) {
		return ReadCoNLLU(bytes.NewReader(data), path)
	}
	return ReadColumns(bytes.NewReader(data), path)
}

// isCoNLLU reports whether the first non-comment line has the ten columns of
// CoNLL-U; UNER's IOB2 files have five and CoNLL-2003 four.
func isCoNLLU(data []byte) bool {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 || (line[0] == '#' && bytes.IndexByte(line, '\t') < 0) {
			continue
		}
		return bytes.Count(line, []byte{'\t'}) == 9
	}
	return false
}

// ReadColumns reads named-entity data in column formats, one token a line
// and a blank line between sentences:
//
//   - UNER IOB2: "index TAB token TAB tag [TAB ...]", with "# sent_id" and
//     "# text" comments;
//   - WNUT and similar: "token TAB tag";
//   - CoNLL-2003: "token POS chunk tag" separated by spaces, "-DOCSTART-"
//     lines, in IOB1 or IOB2.
//
// Tags in IOB1, IOB2, BIOES or BILOU become IOB2 over PER, ORG and LOC (see
// Label); other types become O. Each sentence gets Text (the tokens joined
// by spaces), token offsets into it, and Entities. name is used in errors,
// which give the line.
func ReadColumns(r io.Reader, name string) ([]event.Sentence, error) {
	var (
		out  []event.Sentence
		toks []string
		tags []string
		id   string
	)
	flush := func() {
		if len(toks) > 0 {
			out = append(out, newSentence(len(out), id, toks, tags))
		}
		toks, tags, id = nil, nil, ""
	}
	err := eachLine(r, name, "NER data", func(line int, s string) error {
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "-DOCSTART-") {
			flush()
			return nil
		}
		tok, tag, ok := splitColumns(s)
		if !ok {
			if s[0] == '#' {
				if v, found := strings.CutPrefix(s, "# sent_id = "); found && len(toks) == 0 {
					id = v
				}
				return nil
			}
			return formatErr(name, line, "want token and tag columns, got %q", clip(s))
		}
		t, err := normalizeTag(tag)
		if err != nil {
			return formatErr(name, line, "%v", err)
		}
		toks = append(toks, tok)
		tags = append(tags, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// splitColumns finds the token and the tag of a column line. It reports
// false for lines that are not token lines (comments).
func splitColumns(s string) (tok, tag string, ok bool) {
	var f []string
	if strings.IndexByte(s, '\t') >= 0 {
		f = strings.Split(s, "\t")
		if len(f) >= 3 && isIndex(f[0]) {
			return f[1], strings.TrimSpace(f[2]), f[1] != ""
		}
	} else {
		f = strings.Fields(s)
	}
	if len(f) < 2 || f[0] == "" {
		return "", "", false
	}
	tag = strings.TrimSpace(f[len(f)-1])
	if !looksLikeTag(tag) {
		return "", "", false
	}
	return f[0], tag, true
}

func isIndex(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n > 0
}

func looksLikeTag(t string) bool {
	return t == "O" || (len(t) > 2 && t[1] == '-' && strings.IndexByte("BIESLU", t[0]) >= 0)
}

// normalizeTag maps a tag to its position letter and PER, ORG or LOC,
// keeping the letter of the scheme (B, I, E, S, L, U) for repairTags.
func normalizeTag(t string) (string, error) {
	if t == "O" {
		return "O", nil
	}
	if !looksLikeTag(t) {
		return "", fmt.Errorf("bad tag %q", clip(t))
	}
	l := Label(t[2:])
	if l == "" {
		return "O", nil
	}
	return t[:2] + l, nil
}

// Label maps an entity type name of the corpora annals reads to PER, ORG or
// LOC, or "" for types annals does not recognize (MISC, products, ...).
// GPE counts as LOC; WNUT's corporation and group count as ORG.
func Label(typ string) string {
	switch strings.ToUpper(typ) {
	case "PER", "PERSON":
		return "PER"
	case "ORG", "ORGANIZATION", "ORGANISATION", "CORPORATION", "GROUP":
		return "ORG"
	case "LOC", "LOCATION", "GPE", "PLACE":
		return "LOC"
	}
	return ""
}

// repairTags rewrites tags of any scheme to IOB2 in place: an I- that does
// not continue an entity of its type starts one (IOB1, or MISC dropped
// before it), E- continues and S-/U- start, L- continues.
func repairTags(tags []string) {
	prev := "O"
	for i, t := range tags {
		if t != "O" {
			typ := t[2:]
			switch t[0] {
			case 'I', 'E', 'L':
				if prev == "O" || prev[2:] != typ {
					t = "B-" + typ
				} else {
					t = "I-" + typ
				}
			default:
				t = "B-" + typ
			}
		}
		tags[i] = t
		prev = t
	}
}

// newSentence builds a sentence from tokens and raw tags.
func newSentence(index int, id string, toks, tags []string) event.Sentence {
	repairTags(tags)
	s := event.Sentence{Index: index, ID: id, Tokens: make([]event.Token, len(toks))}
	var b strings.Builder
	for i, w := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		s.Tokens[i] = event.Token{ID: i + 1, Text: w, Start: start, End: b.Len(), Entity: tags[i]}
	}
	s.Text = b.String()
	s.End = len(s.Text)
	s.Entities = Entities(&s)
	return s
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
