package dict

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals/annals/cameo"
)

// The files of annals' own dictionary format (docs/dictionaries.md). Each
// is optional; a folder holding any of them is read in this format.
const (
	CountriesFile = "countries.txt"
	ActorsFile    = "actors.txt"
	AgentsFile    = "agents.txt"
	VerbsFile     = "verbs.txt"
	SynsetsFile   = "synsets.txt"
	DiscardsFile  = "discards.txt"
	NounsFile     = "nouns.txt"
	SensesFile    = "senses.txt"
)

// annalsFiles lists the files of the annals format in the order they load:
// synonym sets before the verbs and senses that use them, countries before
// the actors that override them.
var annalsFiles = []string{SynsetsFile, VerbsFile, NounsFile, CountriesFile, ActorsFile, AgentsFile, DiscardsFile, SensesFile}

// maxFileSize bounds a dictionary file: the real ones are well under a
// megabyte, so anything this big is not a dictionary.
const maxFileSize = 32 << 20

var (
	actorCodeRE = regexp.MustCompile(`^[A-Z0-9]{3}(?:[A-Z]{3}){0,4}$`)
	iso3RE      = regexp.MustCompile(`^[A-Z]{3}$`)
	roleRE      = regexp.MustCompile(`^(?:[A-Z]{3})+$`)
)

// LoadAnnals reads the dictionaries of annals' own format from the files
// of fsys named by CountriesFile, ActorsFile and the other constants; a
// missing file is an empty dictionary. name turns a file name into the name
// that error messages give. Every problem is reported, as *LineError values
// joined into one error; the Set holds what loaded. Verbs are matched by
// their token's lemma too (Verbs.MatchLemmas).
func LoadAnnals(fsys fs.FS, name func(file string) string) (*Set, error) {
	l := &annalsLoader{
		set:    &Set{Verbs: NewVerbs(), Actors: NewActors(), Agents: NewAgents(), Discards: &Discards{}, Issues: &Issues{}, Nouns: NewNouns(), Senses: Senses{}},
		actors: map[string]*actorEntries{}, agents: map[string]*agentEntry{},
		verbs: map[string]*verbEntry{}, name: name,
	}
	l.set.Verbs.MatchLemmas = true
	for _, f := range annalsFiles {
		lines, err := readAnnalsFile(fsys, f, name(f))
		if err != nil {
			l.errs = append(l.errs, err)
			continue
		}
		l.file = name(f)
		for _, ln := range lines {
			l.line(f, ln)
		}
	}
	l.finish()
	return l.set, joinErrors(l.errs)
}

// annalsLine is one line of an annals file: its number and its text
// without comment and surrounding blanks.
type annalsLine struct {
	n    int
	text string
}

// readAnnalsFile returns the non-blank lines of file. The format is strict
// UTF-8 text: binary data, invalid UTF-8 and oversized files are errors
// naming the file (and line).
func readAnnalsFile(fsys fs.FS, file, display string) ([]annalsLine, error) {
	fh, err := fsys.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("dict: %s: %w", display, err)
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() > maxFileSize {
		return nil, fmt.Errorf("dict: %s: %d bytes is too big for a dictionary (at most %d)", display, st.Size(), maxFileSize)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(fh); err != nil {
		return nil, fmt.Errorf("dict: %s: %w", display, err)
	}
	var out []annalsLine
	var errs []error
	for i, raw := range strings.Split(buf.String(), "\n") {
		n := i + 1
		switch {
		case !utf8.ValidString(raw):
			errs = append(errs, &LineError{display, n, errors.New("invalid UTF-8")})
			continue
		case strings.ContainsRune(raw, 0):
			errs = append(errs, &LineError{display, n, errors.New("NUL byte: binary data, not a dictionary")})
			continue
		}
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = raw[:i]
		}
		if t := strings.TrimSpace(raw); t != "" {
			out = append(out, annalsLine{n, t})
		}
		if len(errs) >= 20 {
			errs = append(errs, fmt.Errorf("dict: %s: too many errors, giving up", display))
			break
		}
	}
	return out, joinErrors(errs)
}

// annalsLoader collects the entries of all files before building the
// dictionaries, so that conflicts between lines can be found.
type annalsLoader struct {
	set    *Set
	name   func(string) string
	file   string // display name of the file being read
	errs   []error
	actors map[string]*actorEntries // phrase key → its codes
	order  []string                 // actor phrase keys in file order
	agents map[string]*agentEntry   // phrase key → its role
	verbs  map[string]*verbEntry    // lemma + pattern key → its line
	blocks map[string]*VerbBlock    // lemma → its block
	irreg  []irregular
}

type actorEntries struct {
	words   []Word
	country bool // from countries.txt, which actors.txt overrides
	codes   []datedEntry
}

type datedEntry struct {
	DatedCode
	file string
	line int
}

type agentEntry struct {
	code string
	line int
}

type verbEntry struct {
	code string
	line int
}

type irregular struct {
	lemma string
	forms []string
	file  string
	line  int
}

func (l *annalsLoader) fail(n int, format string, args ...any) {
	l.errs = append(l.errs, &LineError{l.file, n, fmt.Errorf(format, args...)})
}

// line dispatches one line of file f.
func (l *annalsLoader) line(f string, ln annalsLine) {
	switch f {
	case CountriesFile:
		l.country(ln)
	case ActorsFile:
		l.actor(ln)
	case AgentsFile:
		l.agent(ln)
	case VerbsFile:
		l.verb(ln)
	case SynsetsFile:
		l.synset(ln)
	case DiscardsFile:
		l.discard(ln)
	case NounsFile:
		l.noun(ln)
	case SensesFile:
		l.sense(ln)
	}
}

// splitHead splits "KEY  rest" at the first blank.
func splitHead(t string) (key, rest string) {
	i := strings.IndexAny(t, " \t")
	if i < 0 {
		return t, ""
	}
	return t[:i], strings.TrimSpace(t[i:])
}

// alternatives splits "a | b | c"; an empty alternative is an error.
func alternatives(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("no names after the code")
	}
	parts := strings.Split(s, "|")
	for i, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			return nil, errors.New("empty alternative between '|'")
		}
		parts[i] = p
	}
	return parts, nil
}

// exactWords turns a name into whole words, upper-cased. A possessive
// "'s" is a word of its own, as the tokenizer splits it ("People's
// Republic" is PEOPLE 'S REPUBLIC).
func exactWords(name string) []Word {
	var out []Word
	for _, w := range strings.Fields(name) {
		w = strings.ToUpper(w)
		for _, s := range []string{"'S", "’S"} {
			if len(w) > len(s) && strings.HasSuffix(w, s) {
				out = append(out, Word{Text: w[:len(w)-len(s)], Exact: true})
				w = s
				break
			}
		}
		out = append(out, Word{Text: w, Exact: true})
	}
	return out
}

// apostropheVariants returns name and, when it holds an apostrophe, the
// same name with the other apostrophe: news text has both ' and ’.
func apostropheVariants(name string) []string {
	switch {
	case strings.Contains(name, "'"):
		return []string{name, strings.ReplaceAll(name, "'", "’")}
	case strings.Contains(name, "’"):
		return []string{name, strings.ReplaceAll(name, "’", "'")}
	}
	return []string{name}
}

func phraseKey(words []Word) string {
	s := make([]string, len(words))
	for i, w := range words {
		s[i] = w.Text
	}
	return strings.Join(s, " ")
}

// country reads "ISO3  name | name ...".
func (l *annalsLoader) country(ln annalsLine) {
	code, rest := splitHead(ln.text)
	if !iso3RE.MatchString(code) {
		l.fail(ln.n, "country code %q: want three capital letters (ISO 3166-1 alpha-3)", code)
		return
	}
	names, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	for _, n := range names {
		l.addActor(n, DatedCode{Code: code}, true, ln.n)
	}
}

// actor reads "CODE [FROM..TO]  name | name ...".
func (l *annalsLoader) actor(ln annalsLine) {
	code, rest := splitHead(ln.text)
	if !actorCodeRE.MatchString(code) {
		l.fail(ln.n, "actor code %q: want a country or group code and up to four role codes, in capitals", code)
		return
	}
	dc := DatedCode{Code: code}
	if first, after := splitHead(rest); strings.Contains(first, "..") {
		from, to, err := parseRange(first)
		if err != nil {
			l.fail(ln.n, "%v", err)
			return
		}
		dc.From, dc.To, rest = from, to, after
	}
	names, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	for _, n := range names {
		l.addActor(n, dc, false, ln.n)
	}
}

// parseRange reads "2018-10-02..2022-10-13", "..2003-03-19" or
// "2014-09-08.." into YYYYMMDD bounds (0: open).
func parseRange(s string) (from, to int, err error) {
	a, b, _ := strings.Cut(s, "..")
	if a == "" && b == "" {
		return 0, 0, errors.New("date range \"..\" is open on both sides: leave the dates out for a default code")
	}
	day := func(d string) (int, error) {
		if d == "" {
			return 0, nil
		}
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return 0, fmt.Errorf("bad date %q: want YYYY-MM-DD", d)
		}
		return t.Year()*10000 + int(t.Month())*100 + t.Day(), nil
	}
	if from, err = day(a); err != nil {
		return 0, 0, err
	}
	if to, err = day(b); err != nil {
		return 0, 0, err
	}
	if from != 0 && to != 0 && from > to {
		return 0, 0, fmt.Errorf("date range %s ends before it starts", s)
	}
	return from, to, nil
}

// overlap reports whether two date ranges share a day; two default codes
// overlap, a default and a dated code do not.
func overlap(a, b DatedCode) bool {
	ad, bd := a.From != 0 || a.To != 0, b.From != 0 || b.To != 0
	if ad != bd {
		return false
	}
	if !ad {
		return true
	}
	return (a.To == 0 || b.From <= a.To) && (b.To == 0 || a.From <= b.To)
}

func (l *annalsLoader) addActor(name string, dc DatedCode, country bool, n int) {
	for _, v := range apostropheVariants(name) {
		words := exactWords(v)
		key := phraseKey(words)
		e := l.actors[key]
		switch {
		case e == nil:
			e = &actorEntries{words: words, country: country}
			l.actors[key] = e
			l.order = append(l.order, key)
		case e.country && !country:
			// actors.txt overrides what countries.txt says of a name
			// ("Washington" is the US government, not just the US).
			e.country, e.codes = false, nil
		case !e.country && country:
			continue
		}
		for _, old := range e.codes {
			if !overlap(old.DatedCode, dc) {
				continue
			}
			if old.Code != dc.Code {
				l.fail(n, "%q is %s here but %s at %s:%d for the same dates", name, dc.Code, old.Code, old.file, old.line)
				return
			}
			if old.From == dc.From && old.To == dc.To {
				l.fail(n, "%q listed twice with code %s (also %s:%d)", name, dc.Code, old.file, old.line)
				return
			}
		}
		e.codes = append(e.codes, datedEntry{dc, l.file, n})
	}
}

// agent reads "ROLE  word | word" or "ROLE+  word" (a prefix role).
// A word ending in "!" gets no generated plural.
func (l *annalsLoader) agent(ln annalsLine) {
	code, rest := splitHead(ln.text)
	prefix := strings.HasSuffix(code, "+")
	code = strings.TrimSuffix(code, "+")
	if !roleRE.MatchString(code) {
		l.fail(ln.n, "role code %q: want one or more three-letter role codes in capitals", code)
		return
	}
	for i := 0; i < len(code); i += 3 {
		if !slices.Contains(roleCodes, code[i:i+3]) {
			l.fail(ln.n, "unknown role code %s", code[i:i+3])
			return
		}
	}
	names, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	a := &Agent{Code: code, Prefix: prefix, File: l.file, Line: ln.n}
	l.set.Agents.Count++
	for _, name := range names {
		noPlural := strings.HasSuffix(name, "!")
		name = strings.ToUpper(strings.TrimSuffix(name, "!"))
		if strings.ContainsAny(name, "!_") {
			l.fail(ln.n, "%q: '!' only ends a word that takes no plural, and '_' has no use here", name)
			continue
		}
		forms := []string{name}
		if !noPlural {
			forms = append(forms, pluralName(name))
		}
		for _, f := range forms {
			for _, v := range apostropheVariants(f) {
				key := strings.Join(strings.Fields(v), " ")
				if old, ok := l.agents[key]; ok {
					if old.code != a.Code {
						l.fail(ln.n, "%q is %s here but %s on line %d", key, a.Code, old.code, old.line)
					} else if f == name {
						l.fail(ln.n, "%q listed twice (also line %d)", key, old.line)
					}
					continue
				}
				l.agents[key] = &agentEntry{code: a.Code, line: ln.n}
				l.set.Agents.add(v, a)
			}
		}
	}
}

// pluralName returns the plural of a role phrase's last word: regular
// English, with "-man" → "-men".
func pluralName(name string) string {
	i := strings.LastIndexByte(name, ' ') + 1
	last := name[i:]
	if strings.HasSuffix(last, "MAN") {
		return name[:i] + last[:len(last)-3] + "MEN"
	}
	return name[:i] + Plural(last)
}

// synset reads "&NAME  word | phrase".
func (l *annalsLoader) synset(ln annalsLine) {
	key, rest := splitHead(ln.text)
	name := strings.ToUpper(strings.TrimPrefix(key, "&"))
	if !strings.HasPrefix(key, "&") || name == "" {
		l.fail(ln.n, "synonym set %q: want &NAME followed by its members", key)
		return
	}
	if _, ok := l.set.Verbs.Synsets[name]; ok {
		l.fail(ln.n, "synonym set &%s defined twice", name)
		return
	}
	members, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	var set [][]Elem
	for _, m := range members {
		elems, err := parseElems(m)
		if err != nil {
			l.fail(ln.n, "member %q: %v", m, err)
			return
		}
		for i := range elems {
			elems[i].Word.Exact = true
			elems[i].Word.Gap = false // a member phrase's words are adjacent
		}
		set = append(set, elems)
	}
	l.set.Verbs.Synsets[name] = set
}

// eventCode checks "CODE" or "CODE:CODE2" of verbs.txt and nouns.txt.
func eventCode(code string) (c1, c2 string, err error) {
	c1, c2 = splitPair(code)
	for _, c := range []string{c1, c2} {
		if c != "" && c != "---" && !cameo.Valid(c) {
			return "", "", fmt.Errorf("%q is not a CAMEO event code", c)
		}
	}
	if c1 == "" || strings.HasSuffix(code, ":") {
		return "", "", fmt.Errorf("code %q: want CODE or CODE:CODE", code)
	}
	return c1, c2, nil
}

// noun reads "CODE  noun | modifier noun": nouns that name an event;
// "frame  noun | noun": nouns that stand for the event noun they frame;
// "support [ROOT ...]  verb | verb_particle": verbs whose object names the
// event they do (of those roots only, when given).
func (l *annalsLoader) noun(ln annalsLine) {
	code, rest := splitHead(ln.text)
	switch code {
	case "frame":
		words, err := alternatives(rest)
		if err != nil {
			l.fail(ln.n, "%v", err)
			return
		}
		for _, w := range words {
			if strings.ContainsAny(w, " _") {
				l.fail(ln.n, "frame noun %q: want one word (a lemma)", w)
				continue
			}
			l.set.Nouns.Frames[strings.ToUpper(w)] = true
		}
		return
	case "support":
		var roots []string
		for {
			head, tail := splitHead(rest)
			if head == "" || strings.Trim(head, "0123456789") != "" {
				break
			}
			if len(head) != 2 || !cameo.Valid(head) {
				l.fail(ln.n, "support root %q: want a two-digit CAMEO root", head)
				return
			}
			roots, rest = append(roots, head), tail
		}
		verbs, err := alternatives(rest)
		if err != nil {
			l.fail(ln.n, "%v", err)
			return
		}
		for _, v := range verbs {
			if strings.ContainsRune(v, ' ') {
				l.fail(ln.n, "support verb %q: want a lemma, its particle joined with '_'", v)
				continue
			}
			key := strings.ToUpper(v)
			if _, dup := l.set.Nouns.Support[key]; dup {
				l.fail(ln.n, "support verb %q listed twice", v)
				continue
			}
			l.set.Nouns.AddSupport(key, roots)
		}
		return
	}
	c1, c2, err := eventCode(code)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	nouns, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	for _, n := range nouns {
		key := strings.Join(strings.Fields(strings.ToUpper(n)), " ")
		if strings.Count(key, " ") > 1 || strings.ContainsRune(key, '_') {
			l.fail(ln.n, "noun %q: want a lemma, or a modifier and a lemma", n)
			continue
		}
		if old := l.set.Nouns.Events[key]; old != nil {
			l.fail(ln.n, "noun %q is %s here but %s on line %d", n, code, old.Code, old.Line)
			continue
		}
		l.set.Nouns.Add(&NounEvent{Code: c1, Code2: c2, Noun: n, File: l.file, Line: ln.n}, key)
	}
}

// verb reads "CODE  lemma [pattern]" or "= lemma | form | form".
func (l *annalsLoader) verb(ln annalsLine) {
	if rest, ok := strings.CutPrefix(ln.text, "="); ok {
		forms, err := alternatives(rest)
		if err == nil && len(forms) < 2 {
			err = errors.New("irregular forms: want \"= lemma | form | form\"")
		}
		if err != nil {
			l.fail(ln.n, "%v", err)
			return
		}
		for i, f := range forms {
			forms[i] = strings.ToUpper(f)
			if strings.ContainsAny(f, " _+") {
				l.fail(ln.n, "irregular form %q: want one word", f)
				return
			}
		}
		l.irreg = append(l.irreg, irregular{forms[0], forms[1:], l.file, ln.n})
		return
	}
	code, rest := splitHead(ln.text)
	c1, c2, err := eventCode(code)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	lemma, pattern := splitHead(rest)
	lemma = strings.ToUpper(lemma)
	if words, _ := splitVerb(lemma); len(words) == 0 || strings.ContainsAny(lemma, "$&{}()%^*") {
		l.fail(ln.n, "want a verb lemma after the code, got %q", lemma)
		return
	}
	var post []Elem
	if pattern != "" {
		var err error
		if post, err = parseElems(pattern); err != nil {
			l.fail(ln.n, "pattern %q: %v", pattern, err)
			return
		}
		for _, e := range post {
			if err := l.set.Verbs.checkSynsets([]Elem{e}); err != nil {
				l.fail(ln.n, "%v", err)
				return
			}
		}
	}
	key := lemma + " " + strings.ToUpper(strings.Join(strings.Fields(pattern), " "))
	if old, ok := l.verbs[key]; ok {
		if old.code != code {
			l.fail(ln.n, "%s %s is %s here but %s on line %d", strings.ToLower(lemma), pattern, code, old.code, old.line)
		} else {
			l.fail(ln.n, "%s %s listed twice (also line %d)", strings.ToLower(lemma), pattern, old.line)
		}
		return
	}
	l.verbs[key] = &verbEntry{code: code, line: ln.n}
	b := l.block(lemma, ln.n)
	if pattern == "" {
		b.Code, b.Code2 = c1, c2
		return
	}
	p := &Pattern{Post: post, Code: c1, Code2: c2, Text: "* " + pattern, Line: ln.n, Block: b}
	p.Weight = weight(post)
	p.Words = literals(post, nil)
	b.Patterns = append(b.Patterns, p)
}

// block returns the verb block of lemma, making it on first use with code
// "---": a lemma listed only with patterns codes nothing on its own.
func (l *annalsLoader) block(lemma string, n int) *VerbBlock {
	if l.blocks == nil {
		l.blocks = map[string]*VerbBlock{}
	}
	b := l.blocks[lemma]
	if b == nil {
		b = &VerbBlock{Name: lemma, Code: "---", File: l.file, Line: n}
		l.blocks[lemma] = b
		l.set.Verbs.Blocks = append(l.set.Verbs.Blocks, b)
	}
	return b
}

// discard reads "phrase" or "+phrase" (the whole story).
func (l *annalsLoader) discard(ln annalsLine) {
	t, story := strings.CutPrefix(ln.text, "+")
	for _, v := range apostropheVariants(strings.TrimSpace(t)) {
		words := exactWords(v)
		if len(words) == 0 {
			l.fail(ln.n, "empty discard phrase")
			return
		}
		l.set.Discards.add(words, story)
	}
}

// latest returns the default code of a name listed only with dates: the
// code of its latest period, so that a text of unknown date still names
// the actor. ok is false when the name has a default line.
func latest(codes []DatedCode) (DatedCode, bool) {
	var last DatedCode
	for _, c := range codes {
		switch {
		case c.From == 0 && c.To == 0:
			return DatedCode{}, false
		case last.Code == "" || c.To == 0 || (last.To != 0 && c.To > last.To):
			last = c
		}
	}
	return DatedCode{Code: last.Code}, true
}

// finish builds the verb forms and the actor dictionary from what the
// lines gave.
func (l *annalsLoader) finish() {
	byHead := map[string][]string{}
	for _, ir := range l.irreg {
		if _, ok := byHead[ir.lemma]; ok {
			l.errs = append(l.errs, &LineError{ir.file, ir.line, fmt.Errorf("irregular forms of %s given twice", strings.ToLower(ir.lemma))})
			continue
		}
		byHead[ir.lemma] = ir.forms
	}
	used := map[string]bool{}
	for _, b := range l.set.Verbs.Blocks {
		words, head := splitVerb(b.Name)
		irr := byHead[words[head]]
		used[words[head]] = true
		var forms []string
		for _, f := range irr {
			ws := slices.Clone(words)
			ws[head] = f
			if head > 0 {
				ws[head] = "+" + f // marks the inflected word, as in base
			}
			forms = append(forms, strings.Join(ws, "_"))
		}
		l.set.Verbs.addForms(b.Name, forms, b.Code, b.Code2, b)
	}
	for _, ir := range l.irreg {
		if !used[ir.lemma] {
			l.errs = append(l.errs, &LineError{ir.file, ir.line, fmt.Errorf("irregular forms of %s, a verb with no line", strings.ToLower(ir.lemma))})
		}
	}
	// Phrases with the same codes form one actor record.
	records := map[string]*Actor{}
	for _, key := range l.order {
		e := l.actors[key]
		if len(e.codes) == 0 {
			continue
		}
		var sig strings.Builder
		codes := make([]DatedCode, len(e.codes))
		for i, c := range e.codes {
			codes[i] = c.DatedCode
			fmt.Fprintf(&sig, "%s %d %d;", c.Code, c.From, c.To)
		}
		if def, ok := latest(codes); ok {
			codes = append(codes, def)
		}
		a := records[sig.String()]
		if a == nil {
			a = &Actor{Codes: codes, File: e.codes[0].file, Line: e.codes[0].line}
			records[sig.String()] = a
		}
		a.Phrases = append(a.Phrases, e.words)
	}
	var all []*Actor
	for _, a := range records {
		all = append(all, a)
	}
	slices.SortFunc(all, func(a, b *Actor) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	for _, a := range all {
		l.set.Actors.add(a)
	}
}
