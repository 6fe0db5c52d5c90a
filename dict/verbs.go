package dict

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// ElemKind says what a pattern element matches.
type ElemKind uint8

// Kinds of pattern elements.
const (
	ElemWord     ElemKind = iota // a word (stem unless it ends in "_")
	ElemSynset                   // &NAME: any member of a synonym set
	ElemNoun                     // {A B HEAD}: a noun phrase whose last word is its head
	ElemPrep                     // (PREP A B): a prepositional phrase
	ElemSource                   // $: the source actor is here
	ElemTarget                   // +: the target actor is here
	ElemSkip                     // ^: an actor here is skipped
	ElemCompound                 // %: the subject is a compound; code its members against each other
)

// Elem is one element of a verb pattern or synset member.
type Elem struct {
	Kind  ElemKind
	Word  Word   // ElemWord; for ElemPrep the preposition
	Name  string // ElemSynset: the set's name without "&"
	Elems []Elem // ElemNoun, ElemPrep: what the phrase holds
}

// Pattern is one pattern line of a verb block.
type Pattern struct {
	Pre   []Elem // before the verb, in text order
	Post  []Elem // after the verb
	Code  string // CAMEO code, or "---" to code nothing
	Code2 string // reciprocal code of "[A:B]": target → source
	Text  string // the line as written, for evidence
	Line  int
	Block *VerbBlock
	// Weight orders patterns: more matched words win.
	Weight int
	// Words lists the literal words the pattern needs, so that a coder can
	// skip it cheaply when one is missing from the sentence.
	Words []string
}

// VerbBlock is a "--- NAME [CODE] ---" block: verbs that share patterns.
type VerbBlock struct {
	Name     string
	Code     string
	Code2    string
	Patterns []*Pattern
	File     string
	Line     int
}

// VerbForm is one inflected form of a dictionary verb, possibly with
// particles ("CORDONED OFF"): Words[Head] is the inflected word.
type VerbForm struct {
	Words []string
	Head  int
	Base  string // the verb as written in the block ("CORDON_OFF")
	Code  string // the verb's own code, or its block's
	Code2 string
	Block *VerbBlock
}

// Verbs is a PETRARCH-2 verb dictionary: synonym sets and verb blocks.
type Verbs struct {
	Synsets map[string][][]Elem // name → member phrases
	Blocks  []*VerbBlock
	forms   map[string][]*VerbForm // by inflected word
	// Transforms holds verb-on-verb transformation lines ("~ ...") as
	// written; the coder does not apply them.
	Transforms []string
	// Warnings lists problems that do not stop loading: a pattern naming
	// an undefined synonym set never matches that element.
	Warnings []error
	// MatchLemmas makes a coder look verbs up by their token's lemma too,
	// so that a dictionary listing "meet" finds "met" without listing it.
	// annals' own dictionaries set it; PETRARCH's list their forms.
	MatchLemmas bool
}

// NewVerbs returns an empty verb dictionary.
func NewVerbs() *Verbs {
	return &Verbs{Synsets: map[string][][]Elem{}, forms: map[string][]*VerbForm{}}
}

// Forms returns the verb forms whose inflected word is w (upper-cased).
func (d *Verbs) Forms(w string) []*VerbForm { return d.forms[w] }

// Load adds the synsets, blocks and patterns read from r.
func (d *Verbs) Load(r io.Reader, file string) error {
	lines, errs := readLines(r, file)
	var block *VerbBlock
	var synset string
	fail := func(n int, err error) { errs = append(errs, &LineError{file, n, err}) }
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if l.blank() {
			synset = "" // a blank line ends a synonym set
		}
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "&"):
			synset = strings.ToUpper(strings.TrimRight(strings.Fields(t)[0][1:], "_"))
			if _, ok := d.Synsets[synset]; !ok {
				d.Synsets[synset] = nil
			}
			block = nil
		case strings.HasPrefix(t, "---"):
			inner := strings.TrimSpace(strings.Trim(t, "-"))
			name, code, _, ok, err := splitCode(inner)
			if err == nil && (!ok || name == "") {
				err = fmt.Errorf("verb block header %q: want --- NAME [CODE] ---", t)
			}
			if err != nil {
				fail(l.n, err)
				block = nil
				continue
			}
			c1, c2 := splitPair(code)
			block = &VerbBlock{Name: strings.ToUpper(name), Code: c1, Code2: c2, File: file, Line: l.n}
			d.Blocks = append(d.Blocks, block)
			synset = ""
		case synset != "" && strings.HasPrefix(t, "+"):
			elems, err := parseElems(t[1:])
			if err != nil {
				fail(l.n, err)
				continue
			}
			// The words of a member phrase ("AUSTRIAN FLORIN") are adjacent.
			for i := 1; i < len(elems); i++ {
				elems[i].Word.Gap = false
			}
			d.Synsets[synset] = append(d.Synsets[synset], elems)
		case strings.HasPrefix(t, "~"):
			d.Transforms = append(d.Transforms, t)
		case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "*"):
			if block == nil {
				fail(l.n, errors.New("pattern outside a verb block"))
				continue
			}
			p, err := parsePattern(strings.TrimPrefix(t, "-"))
			if err != nil {
				fail(l.n, err)
				continue
			}
			p.Line, p.Block = l.n, block
			block.Patterns = append(block.Patterns, p)
		default:
			if block == nil {
				fail(l.n, fmt.Errorf("verb %q outside a verb block", t))
				continue
			}
			if err := d.addVerb(t, block); err != nil {
				fail(l.n, err)
			}
		}
	}
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			err := d.checkSynsets(p.Pre)
			if err == nil {
				err = d.checkSynsets(p.Post)
			}
			if err != nil {
				d.Warnings = append(d.Warnings, &LineError{file, p.Line, err})
			}
		}
	}
	return joinErrors(errs)
}

func (d *Verbs) checkSynsets(elems []Elem) error {
	for _, e := range elems {
		if e.Kind == ElemSynset {
			if _, ok := d.Synsets[e.Name]; !ok {
				return fmt.Errorf("unknown synonym set &%s", e.Name)
			}
		}
		if err := d.checkSynsets(e.Elems); err != nil {
			return err
		}
	}
	return nil
}

// splitPair splits "042:043" into its two codes.
func splitPair(code string) (string, string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	a, b, _ := strings.Cut(code, ":")
	return strings.TrimSpace(a), strings.TrimSpace(b)
}

// addVerb reads a verb line: "SAY {SAYS SAID SAYING} [CODE]",
// "+CORDON_OFF {+CORDONED_OFF ...}" or "WIRE_+TAP {...}".
func (d *Verbs) addVerb(t string, b *VerbBlock) error {
	phrase, code, _, hasCode, err := splitCode(t)
	if err != nil {
		return err
	}
	var irregular []string
	if i := strings.IndexByte(phrase, '{'); i >= 0 {
		j := strings.IndexByte(phrase, '}')
		if j < i {
			return errors.New("unclosed '{'")
		}
		irregular = strings.Fields(phrase[i+1 : j])
		phrase = strings.TrimSpace(phrase[:i])
	}
	f := strings.Fields(phrase)
	if len(f) != 1 {
		return fmt.Errorf("verb %q: want one word or words joined by '_'", phrase)
	}
	base := strings.ToUpper(f[0])
	c1, c2 := b.Code, b.Code2
	if hasCode {
		c1, c2 = splitPair(code)
	}
	if words, _ := splitVerb(base); len(words) == 0 {
		return fmt.Errorf("empty verb %q", phrase)
	}
	d.addForms(base, irregular, c1, c2, b)
	return nil
}

// addForms indexes the forms of verb base ("CORDON_OFF"): its regular
// inflections and the irregular forms given (written like base).
func (d *Verbs) addForms(base string, irregular []string, c1, c2 string, b *VerbBlock) {
	words, head := splitVerb(base)
	seen := map[string]bool{}
	add := func(ws []string, h int) {
		key := strings.Join(ws, " ")
		if seen[key] {
			return
		}
		seen[key] = true
		vf := &VerbForm{Words: ws, Head: h, Base: base, Code: c1, Code2: c2, Block: b}
		d.forms[ws[h]] = append(d.forms[ws[h]], vf)
	}
	for _, form := range inflect(words[head]) {
		ws := append([]string(nil), words...)
		ws[head] = form
		add(ws, head)
	}
	for _, irr := range irregular {
		ws, h := splitVerb(strings.ToUpper(irr))
		if len(ws) == 0 {
			continue
		}
		add(ws, h)
	}
}

// splitVerb splits "WIRE_+TAP" into [WIRE TAP] with the inflected word at
// 1. Without "+", the first word is inflected.
func splitVerb(s string) ([]string, int) {
	var words []string
	head := 0
	for _, p := range strings.Split(s, "_") {
		if p == "" {
			continue
		}
		if strings.HasPrefix(p, "+") {
			head = len(words)
			p = p[1:]
		}
		if p != "" {
			words = append(words, p)
		}
	}
	return words, head
}

// inflect returns a verb's base form and its regular -S, -ED and -ING forms.
func inflect(v string) []string {
	n := len(v)
	if n < 2 {
		return []string{v}
	}
	last, prev := v[n-1], v[n-2]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	s, ed, ing := v+"S", v+"ED", v+"ING"
	switch {
	case last == 'E':
		ed = v + "D"
		if prev != 'E' {
			ing = v[:n-1] + "ING"
		}
	case last == 'Y' && !vowel(prev):
		s, ed = v[:n-1]+"IES", v[:n-1]+"IED"
	case last == 'S' || last == 'X' || last == 'Z' || last == 'O' || strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "SH"):
		s = v + "ES"
	}
	return []string{v, s, ed, ing}
}

// parsePattern reads "+ * {A B} (TO C) $  [CODE]".
func parsePattern(t string) (*Pattern, error) {
	body, code, _, ok, err := splitCode(t)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New("pattern without [CODE]")
	}
	star := strings.IndexByte(body, '*')
	if star < 0 {
		return nil, errors.New("pattern without '*' for the verb")
	}
	pre, err := parseElems(body[:star])
	if err != nil {
		return nil, err
	}
	post, err := parseElems(body[star+1:])
	if err != nil {
		return nil, err
	}
	c1, c2 := splitPair(code)
	p := &Pattern{Pre: pre, Post: post, Code: c1, Code2: c2, Text: strings.TrimSpace(t)}
	p.Weight = weight(pre) + weight(post)
	p.Words = literals(append(append([]Elem(nil), pre...), post...), nil)
	return p, nil
}

// literals appends the words of elems that every match must contain.
func literals(elems []Elem, out []string) []string {
	for _, e := range elems {
		switch e.Kind {
		case ElemWord:
			out = append(out, e.Word.Text)
		case ElemPrep:
			out = append(literals(e.Elems, out), e.Word.Text)
		case ElemNoun:
			out = literals(e.Elems, out)
		}
	}
	return out
}

func weight(elems []Elem) int {
	n := 0
	for _, e := range elems {
		switch e.Kind {
		case ElemWord, ElemSynset:
			n += 2
		case ElemNoun:
			n += weight(e.Elems)
		case ElemPrep:
			n += 1 + weight(e.Elems)
		case ElemSource, ElemTarget, ElemCompound:
			n++
		}
	}
	return n
}

// parseElems reads pattern elements: words, &SYNSETS, {noun phrases},
// (prepositional phrases) and the markers $ + ^ %.
func parseElems(s string) ([]Elem, error) {
	var out []Elem
	s = strings.TrimSpace(s)
	for s != "" {
		switch s[0] {
		case '{', '(':
			closer := byte('}')
			if s[0] == '(' {
				closer = ')'
			}
			j := strings.IndexByte(s, closer)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %q", s[0])
			}
			inner, err := parseElems(s[1:j])
			if err != nil {
				return nil, err
			}
			if len(inner) == 0 {
				return nil, fmt.Errorf("empty %q%q", s[0], closer)
			}
			if s[0] == '{' {
				out = append(out, Elem{Kind: ElemNoun, Elems: inner})
			} else {
				if inner[0].Kind != ElemWord {
					return nil, fmt.Errorf("phrase %q must start with a preposition", s[:j+1])
				}
				out = append(out, Elem{Kind: ElemPrep, Word: inner[0].Word, Elems: inner[1:]})
			}
			s = strings.TrimSpace(s[j+1:])
			continue
		case '}', ')':
			return nil, fmt.Errorf("unexpected %q", s[0])
		}
		end := strings.IndexAny(s, " \t{(")
		if end < 0 {
			end = len(s)
		}
		tok := s[:end]
		s = strings.TrimSpace(s[end:])
		switch {
		case tok == "$":
			out = append(out, Elem{Kind: ElemSource})
		case tok == "+":
			out = append(out, Elem{Kind: ElemTarget})
		case tok == "^":
			out = append(out, Elem{Kind: ElemSkip})
		case tok == "%":
			out = append(out, Elem{Kind: ElemCompound})
		case strings.HasPrefix(tok, "&"):
			out = append(out, Elem{Kind: ElemSynset, Name: strings.ToUpper(strings.TrimRight(tok[1:], "_"))})
		default:
			for i, w := range parsePhrase(tok, false) {
				w.Gap = i == 0 // words joined by "_" must be adjacent
				out = append(out, Elem{Kind: ElemWord, Word: w})
			}
		}
	}
	return out, nil
}
