// Package conllu reads and writes dependency parses in the CoNLL-U format of
// Universal Dependencies:
//
//	# sent_id = 1
//	# text = Arnor attacked Gondor.
//	1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
//	2	attacked	attack	VERB	VBD	_	0	root	_	_
//	3	Gondor	Gondor	PROPN	NNP	_	2	obj	_	SpaceAfter=No
//	4	.	.	PUNCT	.	_	2	punct	_	_
//
// Each blank-line-separated block becomes an event.Sentence. Relation names of
// UD v1 (dobj, nsubjpass, nmod on a verb, neg, ...) are rewritten to their UD
// v2 equivalents so that consumers see one vocabulary. Multiword-token ranges
// (1-2) and empty nodes (1.1) are skipped. Token byte offsets come from a
// TokenRange=START:END in MISC when present, else from aligning the tokens
// with the "# text" comment, else from the text rebuilt with SpaceAfter.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// Errors a Reader reports, wrapped in a *ParseError.
var (
	ErrColumns  = errors.New("want 10 tab-separated columns")
	ErrHead     = errors.New("bad head")
	ErrCycle    = errors.New("dependency cycle")
	ErrRelation = errors.New("unknown dependency relation")
	ErrUTF8     = errors.New("invalid UTF-8")
	ErrID       = errors.New("token ids out of sequence")
)

// ParseError locates an error in CoNLL-U input.
type ParseError struct {
	File string // input name given to NewReader
	Line int    // 1-based line number
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("conllu: %s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Reader reads sentences one at a time. After an error in one sentence the
// reader skips to the next blank line, so callers can report and go on.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader over r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF when the input is exhausted.
func (r *Reader) Next() (*event.Sentence, error) {
	var lines []string
	start := 0
	for r.sc.Scan() {
		r.line++
		l := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			if len(lines) > 0 {
				break
			}
			continue
		}
		if len(lines) == 0 {
			start = r.line
		}
		lines = append(lines, l)
	}
	if err := r.sc.Err(); err != nil {
		return nil, &ParseError{File: r.name, Line: r.line, Err: err}
	}
	if len(lines) == 0 {
		return nil, io.EOF
	}
	s, err := parseBlock(lines, start)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.File = r.name
		}
		return nil, err
	}
	return s, nil
}

// ReadAll reads every sentence of r. It stops at the first error.
func ReadAll(r io.Reader, name string) ([]*event.Sentence, error) {
	cr := NewReader(r, name)
	var out []*event.Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		s.Index = len(out)
		out = append(out, s)
	}
}

// Parse parses one sentence block; name is used in error messages.
func Parse(block, name string) (*event.Sentence, error) {
	var lines []string
	first := 0
	for i, l := range strings.Split(block, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(lines) == 0 {
			first = i + 1
		}
		lines = append(lines, l)
	}
	s, err := parseBlock(lines, first)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.File = name
		}
	}
	return s, err
}

func parseBlock(lines []string, firstLine int) (*event.Sentence, error) {
	s := &event.Sentence{Start: -1, End: -1}
	fail := func(i int, err error) (*event.Sentence, error) {
		return nil, &ParseError{Line: firstLine + i, Err: err}
	}
	var misc []string
	lineOf := []int{}
	for i, l := range lines {
		if !utf8.ValidString(l) {
			return fail(i, ErrUTF8)
		}
		if strings.HasPrefix(l, "#") {
			k, v, ok := strings.Cut(strings.TrimSpace(l[1:]), "=")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "text":
				s.Text = strings.TrimSpace(v)
			case "sent_id":
				s.ID = strings.TrimSpace(v)
			}
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			// Some hand-made parses use runs of spaces; accept them when
			// they give exactly ten fields.
			f = strings.Fields(l)
			if len(f) != 10 {
				return fail(i, fmt.Errorf("%w, got %d", ErrColumns, len(f)))
			}
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token range or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(s.Tokens)+1 {
			return fail(i, fmt.Errorf("%w: %q", ErrID, f[0]))
		}
		head := -1
		if f[6] != "_" {
			head, err = strconv.Atoi(f[6])
			if err != nil || head < 0 {
				return fail(i, fmt.Errorf("%w: %q", ErrHead, f[6]))
			}
		}
		s.Tokens = append(s.Tokens, event.Token{
			ID: id, Text: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, Rel: f[7], Start: -1, End: -1,
		})
		misc = append(misc, f[9])
		lineOf = append(lineOf, i)
	}
	n := len(s.Tokens)
	v1 := false // a UD v1 parse: its nmod on predicates are v2's obl
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if t.Head > n {
			return fail(lineOf[k], fmt.Errorf("%w: %d is past the last token %d", ErrHead, t.Head, n))
		}
		if t.Head == t.ID {
			return fail(lineOf[k], fmt.Errorf("%w: token %d is its own head", ErrCycle, t.ID))
		}
		rel, err := normalizeRel(t.Rel)
		if err != nil {
			return fail(lineOf[k], err)
		}
		if base, _, _ := strings.Cut(t.Rel, ":"); v1ToV2[t.Rel] != "" || v1ToV2[base] != "" {
			v1 = true
		}
		t.Rel = rel
		readMisc(t, misc[k])
	}
	if k := findCycle(s.Tokens); k >= 0 {
		return fail(lineOf[k], fmt.Errorf("%w through token %d", ErrCycle, k+1))
	}
	if v1 {
		upgradeNmod(s.Tokens)
	}
	placeTokens(s, misc)
	return s, nil
}

func readMisc(t *event.Token, misc string) {
	if misc == "_" {
		return
	}
	for _, kv := range strings.Split(misc, "|") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "TokenRange":
			a, b, ok := strings.Cut(v, ":")
			if !ok {
				continue
			}
			start, err1 := strconv.Atoi(a)
			end, err2 := strconv.Atoi(b)
			if err1 == nil && err2 == nil && 0 <= start && start <= end {
				t.Start, t.End = start, end
			}
		case "NER":
			t.Entity = v
		}
	}
}

// findCycle returns the index of a token on a head cycle, or -1.
func findCycle(toks []event.Token) int {
	state := make([]byte, len(toks)) // 0 new, 1 on path, 2 reaches root
	for i := range toks {
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			h := toks[j].Head
			if h <= 0 {
				j = -1
				break
			}
			j = h - 1
		}
		if j >= 0 && state[j] == 1 {
			return j
		}
		// mark the whole path as reaching root
		k := i
		for k >= 0 && state[k] == 1 {
			state[k] = 2
			if toks[k].Head <= 0 {
				break
			}
			k = toks[k].Head - 1
		}
	}
	return -1
}

// v1ToV2 maps UD v1 relation names to their v2 names.
var v1ToV2 = map[string]string{
	"dobj":       "obj",
	"nsubjpass":  "nsubj:pass",
	"csubjpass":  "csubj:pass",
	"auxpass":    "aux:pass",
	"neg":        "advmod",
	"mwe":        "fixed",
	"name":       "flat",
	"foreign":    "flat:foreign",
	"remnant":    "orphan",
	"nmod:npmod": "obl:npmod",
}

// v2Rels are the universal relations of UD v2; subtypes after ':' are free.
var v2Rels = map[string]bool{
	"acl": true, "advcl": true, "advmod": true, "amod": true, "appos": true, "aux": true,
	"case": true, "cc": true, "ccomp": true, "clf": true, "compound": true, "conj": true,
	"cop": true, "csubj": true, "dep": true, "det": true, "discourse": true, "dislocated": true,
	"expl": true, "fixed": true, "flat": true, "goeswith": true, "iobj": true, "list": true,
	"mark": true, "nmod": true, "nsubj": true, "nummod": true, "obj": true, "obl": true,
	"orphan": true, "parataxis": true, "punct": true, "reparandum": true, "root": true,
	"vocative": true, "xcomp": true,
}

func normalizeRel(rel string) (string, error) {
	if v2, ok := v1ToV2[rel]; ok {
		return v2, nil
	}
	base, sub, _ := strings.Cut(rel, ":")
	if v2, ok := v1ToV2[base]; ok {
		if sub != "" && !strings.Contains(v2, ":") {
			return v2 + ":" + sub, nil
		}
		return v2, nil
	}
	if !v2Rels[base] {
		return "", fmt.Errorf("%w: %q", ErrRelation, rel)
	}
	return rel, nil
}

// upgradeNmod turns UD v1 nmod dependents of predicates into v2 obl. In v2,
// nmod only attaches to nominals; a v1 parse uses it for both.
func upgradeNmod(toks []event.Token) {
	for i := range toks {
		t := &toks[i]
		base, sub, _ := strings.Cut(t.Rel, ":")
		if base != "nmod" || sub == "poss" || t.Head <= 0 {
			continue
		}
		switch toks[t.Head-1].UPOS {
		case "VERB", "ADJ", "ADV", "AUX":
			if sub != "" {
				t.Rel = "obl:" + sub
			} else {
				t.Rel = "obl"
			}
		}
	}
}

// placeTokens fills token offsets (relative to the sentence text) when the
// input did not give them, and the sentence text when it was missing.
func placeTokens(s *event.Sentence, misc []string) {
	if len(s.Tokens) == 0 {
		return
	}
	if s.Tokens[0].Start >= 0 {
		return
	}
	if s.Text != "" && alignTokens(s.Text, s.Tokens) {
		return
	}
	var b strings.Builder
	for k := range s.Tokens {
		t := &s.Tokens[k]
		t.Start = b.Len()
		b.WriteString(t.Text)
		t.End = b.Len()
		if k < len(s.Tokens)-1 && !strings.Contains(misc[k], "SpaceAfter=No") {
			b.WriteByte(' ')
		}
	}
	// Either there was no text or the tokens do not match it; offsets
	// then refer to the rebuilt form.
	s.Text = b.String()
}

// alignTokens finds each token's text in order in text, with only spaces
// between. It reports false, leaving offsets unset, when that fails.
func alignTokens(text string, toks []event.Token) bool {
	pos := 0
	for k := range toks {
		i := strings.Index(text[pos:], toks[k].Text)
		if i < 0 || strings.TrimSpace(text[pos:pos+i]) != "" {
			for j := range toks {
				toks[j].Start, toks[j].End = -1, -1
			}
			return false
		}
		toks[k].Start = pos + i
		toks[k].End = pos + i + len(toks[k].Text)
		pos = toks[k].End
	}
	return true
}
