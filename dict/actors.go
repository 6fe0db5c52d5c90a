package dict

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DatedCode is an actor code valid between two dates (YYYYMMDD, inclusive;
// 0 means open-ended).
type DatedCode struct {
	Code     string
	From, To int
}

// Actor is one actor record: its phrases and its codes.
type Actor struct {
	Phrases [][]Word
	Codes   []DatedCode // dated codes first, in file order; an undated code is the default
	File    string
	Line    int
}

// CodeAt returns the actor's code on date (YYYYMMDD; 0 for unknown): the
// first dated code whose range holds the date, else the default code.
func (a *Actor) CodeAt(date int) string {
	def := ""
	for _, c := range a.Codes {
		if c.From == 0 && c.To == 0 {
			if def == "" {
				def = c.Code
			}
			continue
		}
		if date != 0 && (c.From == 0 || date >= c.From) && (c.To == 0 || date <= c.To) {
			return c.Code
		}
	}
	return def
}

// Actors is an actor dictionary, indexed by first word.
type Actors struct {
	byFirst map[string][]actorPhrase
	stems   map[string][]actorPhrase // phrases whose first word is a stem, by its first 3 letters
	Count   int                      // number of actor records
	all     []*Actor                 // every record, in the order added
	// Warnings lists lines that were skipped but do not stop loading, such
	// as impossible dates in a restriction (the Phoenix files have some).
	Warnings []error
}

type actorPhrase struct {
	words []Word
	actor *Actor
}

// NewActors returns an empty actor dictionary.
func NewActors() *Actors {
	return &Actors{byFirst: map[string][]actorPhrase{}, stems: map[string][]actorPhrase{}}
}

// Load adds the actors read from r (named file in errors). The format: a
// primary phrase line, optional "+SYNONYM" lines, and codes either on the
// phrase line ("NAME [CODE]") or on following lines that start with blank
// space ("\t[CODE 20060520-20140908]", "\t[CODE <20030320]", "\t[CODE >20060520]").
// Phrases without a code collect until the next code.
func (d *Actors) Load(r io.Reader, file string) error {
	lines, errs := readLines(r, file)
	var pending [][]Word // phrases waiting for a code
	var cur *Actor       // the record that code lines add to
	pendingLine := 0
	flush := func() {
		if cur != nil {
			d.add(cur)
			cur = nil
		}
	}
	for _, l := range lines {
		t := l.text
		if strings.TrimSpace(t) == "" {
			continue
		}
		indented := t[0] == ' ' || t[0] == '\t'
		t = strings.TrimSpace(t)
		switch {
		case indented && strings.HasPrefix(t, "["):
			code, err := parseDatedCode(t)
			if err != nil {
				d.Warnings = append(d.Warnings, &LineError{file, l.n, err})
				continue
			}
			if cur == nil {
				if len(pending) == 0 {
					errs = append(errs, &LineError{file, l.n, errors.New("code line without an actor phrase")})
					continue
				}
				cur = &Actor{Phrases: pending, File: file, Line: pendingLine}
				pending = nil
			}
			cur.Codes = append(cur.Codes, code)
		case strings.HasPrefix(t, "+"):
			phrase, codeText, _, hasCode, err := splitCode(t[1:])
			if err != nil {
				errs = append(errs, &LineError{file, l.n, err})
				continue
			}
			words := parsePhrase(phrase, false)
			if len(words) == 0 {
				errs = append(errs, &LineError{file, l.n, errors.New("empty synonym")})
				continue
			}
			if cur != nil && len(cur.Codes) > 0 && !hasCode {
				cur.Phrases = append(cur.Phrases, words)
				continue
			}
			pending = append(pending, words)
			if hasCode {
				flush()
				code, err := parseDatedCode("[" + codeText + "]")
				if err != nil {
					errs = append(errs, &LineError{file, l.n, err})
					pending = nil
					continue
				}
				cur = &Actor{Phrases: pending, Codes: []DatedCode{code}, File: file, Line: l.n}
				pending = nil
			}
		default:
			phrase, codeText, _, hasCode, err := splitCode(t)
			if err != nil {
				errs = append(errs, &LineError{file, l.n, err})
				continue
			}
			words := parsePhrase(phrase, false)
			if len(words) == 0 {
				errs = append(errs, &LineError{file, l.n, fmt.Errorf("no actor phrase before %q", t)})
				continue
			}
			flush()
			if len(pending) == 0 {
				pendingLine = l.n
			}
			pending = append(pending, words)
			if hasCode {
				code, err := parseDatedCode("[" + codeText + "]")
				if err != nil {
					errs = append(errs, &LineError{file, l.n, err})
					pending = nil
					continue
				}
				cur = &Actor{Phrases: pending, Codes: []DatedCode{code}, File: file, Line: pendingLine}
				pending = nil
			}
		}
	}
	flush()
	return joinErrors(errs)
}

func (d *Actors) add(a *Actor) {
	d.Count++
	d.all = append(d.all, a)
	for _, p := range a.Phrases {
		ap := actorPhrase{words: p, actor: a}
		if p[0].Exact || len(p[0].Text) < 3 {
			d.byFirst[p[0].Text] = append(d.byFirst[p[0].Text], ap)
		} else {
			d.stems[p[0].Text[:3]] = append(d.stems[p[0].Text[:3]], ap)
		}
	}
}

// All returns every actor record, in the order they were added: for
// readers of the names themselves, such as the named-entity recognizer's
// trainer, which learns them as a gazetteer.
func (d *Actors) All() []*Actor { return d.all }

// parseDatedCode reads "[CODE]", "[CODE <DATE]", "[CODE >DATE]" or
// "[CODE DATE-DATE]" (bounds inclusive). Dates have 8 (YYYYMMDD) or 6
// (YYMMDD) digits; a date that is neither is an error.
func parseDatedCode(s string) (DatedCode, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.Contains(s, "]") {
		return DatedCode{}, fmt.Errorf("want [CODE] or [CODE DATES], got %q", s)
	}
	inner := strings.TrimSpace(s[1:strings.IndexByte(s, ']')])
	f := strings.Fields(inner)
	if len(f) == 0 {
		return DatedCode{}, errors.New("empty code")
	}
	c := DatedCode{Code: strings.ToUpper(f[0])}
	rest := strings.Join(f[1:], "")
	var err error
	switch {
	case rest == "":
	case rest[0] == '<':
		c.To, err = parseDate(rest[1:])
	case rest[0] == '>':
		c.From, err = parseDate(rest[1:])
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return c, fmt.Errorf("bad date restriction %q", rest)
		}
		if c.From, err = parseDate(a); err == nil {
			c.To, err = parseDate(b)
		}
	}
	return c, err
}

// parseDate reads YYYYMMDD or YYMMDD (YY < 30 is 20YY, as TABARI did).
func parseDate(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || (len(s) != 8 && len(s) != 6) {
		return 0, fmt.Errorf("bad date %q: want YYYYMMDD or YYMMDD", s)
	}
	if len(s) == 6 {
		if n/10000 < 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	return n, nil
}

// ActorMatch is an actor phrase found in a word sequence.
type ActorMatch struct {
	Actor *Actor
	Start int // index of the first word
	End   int // index just past the last word
}

// Match returns the longest actor phrase starting at words[i] (upper-cased
// words), or ok=false.
func (d *Actors) Match(words []string, i int) (m ActorMatch, ok bool) {
	best := -1
	try := func(cands []actorPhrase) {
		for _, c := range cands {
			n := len(c.words)
			if n <= best || i+n > len(words) {
				continue
			}
			match := true
			for k, w := range c.words {
				if !w.Matches(words[i+k]) {
					match = false
					break
				}
			}
			if match {
				best = n
				m = ActorMatch{Actor: c.actor, Start: i, End: i + n}
			}
		}
	}
	w := words[i]
	try(d.byFirst[w])
	if len(w) >= 3 {
		try(d.stems[w[:3]])
	}
	return m, best > 0
}
