// Package petrarch scores the coder on PETRARCH validation records: XML
// files of <Sentence> records, each with its text, a CoNLL-U parse and the
// expected <EventCoding> triples, as used by PETRARCH-2 and
// UniversalPetrarch.
//
// A record passes when the distinct (source, target, code) triples annals
// finds equal the expected ones. As in the peers' scorer, expected events
// with a null actor ("---") are left out, and so are found ones.
package petrarch

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/annals/annals/coder"
	"github.com/annals/annals/conllu"
	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
)

// Triple is one event as the suite writes it.
type Triple struct{ Source, Target, Code string }

func (t Triple) String() string { return t.Source + ">" + t.Target + ":" + t.Code }

// Record is one validation record.
type Record struct {
	ID       string
	Category string
	Date     int // YYYYMMDD
	Evaluate bool
	Text     string
	Parse    string   // CoNLL-U
	Expected []Triple // without null-actor triples
	NoEvents bool
	Error    string // expected error kind (ERROR records)
	Line     int    // line of <Sentence> in the file
}

// Environment is the suite's <Environment>: which dictionaries to load and
// which categories count.
type Environment struct {
	Verbs, Actors, Agents, Discards, Ontology string
	Include                                   []string
}

// File is a parsed validation file. Errs holds the records that could not
// be read, each naming its line; the others are in Records.
type File struct {
	Env     Environment
	Records []*Record
	Errs    []error
}

// Read reads a validation file named name.
func Read(r io.Reader, name string) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("petrarch: read %s: %w", name, err)
	}
	text := blankOut(string(data))
	f := &File{}
	if env := between(text, "<Environment>", "</Environment>"); env != "" {
		get := func(tag string) string { return strings.TrimSpace(between(env, "<"+tag+">", "</"+tag+">")) }
		f.Env = Environment{Verbs: get("Verbfile"), Actors: get("Actorfile"), Agents: get("Agentfile"),
			Discards: get("Discardfile"), Ontology: get("PICOfile"), Include: strings.Fields(get("Include"))}
	}
	pos := 0
	for {
		i := indexFrom(text, "<Sentence ", pos)
		if i < 0 {
			break
		}
		j := indexFrom(text, "</Sentence>", i)
		line := 1 + strings.Count(text[:i], "\n")
		if j < 0 {
			f.Errs = append(f.Errs, fmt.Errorf("petrarch: %s:%d: <Sentence> without </Sentence>", name, line))
			break
		}
		block := text[i : j+len("</Sentence>")]
		pos = j
		rec, err := parseRecord(block)
		if err != nil {
			f.Errs = append(f.Errs, fmt.Errorf("petrarch: %s:%d: %w", name, line, err))
			continue
		}
		rec.Line = line
		f.Records = append(f.Records, rec)
	}
	if len(f.Records) == 0 && len(f.Errs) == 0 {
		return nil, fmt.Errorf("petrarch: %s: no <Sentence> records", name)
	}
	return f, nil
}

// blankOut replaces XML comments and the suite's <PLEvent {...}> lines,
// which are not XML, by blank space, keeping line numbers.
func blankOut(s string) string {
	b := []byte(s)
	blank := func(i, j int) {
		for k := i; k < j; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	for i := 0; ; {
		j := strings.Index(s[i:], "<!--")
		if j < 0 {
			break
		}
		k := strings.Index(s[i+j:], "-->")
		if k < 0 {
			blank(i+j, len(s))
			break
		}
		blank(i+j, i+j+k+3)
		i += j + k + 3
	}
	for i := 0; ; {
		j := strings.Index(s[i:], "<PLEvent")
		if j < 0 {
			break
		}
		k := strings.IndexByte(s[i+j:], '\n')
		if k < 0 {
			k = len(s) - i - j
		}
		blank(i+j, i+j+k)
		i += j + k
	}
	return string(b)
}

func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i+len(a):], b)
	if j < 0 {
		return ""
	}
	return s[i+len(a) : i+len(a)+j]
}

type xmlSentence struct {
	ID       string `xml:"id,attr"`
	Category string `xml:"category,attr"`
	Date     string `xml:"date,attr"`
	Evaluate string `xml:"evaluate,attr"`
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Code     string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
		Error    string `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text  string `xml:"Text"`
	Parse string `xml:"Parse"`
}

func parseRecord(block string) (*Record, error) {
	var xs xmlSentence
	if err := xml.Unmarshal([]byte(block), &xs); err != nil {
		return nil, fmt.Errorf("bad record XML: %w", err)
	}
	r := &Record{ID: xs.ID, Category: xs.Category, Evaluate: xs.Evaluate != "false",
		Text: strings.Join(strings.Fields(xs.Text), " "), Parse: xs.Parse}
	if xs.Date != "" {
		d, err := strconv.Atoi(xs.Date)
		if err != nil || len(xs.Date) != 8 {
			return nil, fmt.Errorf("record %s: bad date %q", xs.ID, xs.Date)
		}
		r.Date = d
	}
	for _, c := range xs.Codings {
		switch {
		case c.NoEvents != "":
			r.NoEvents = true
		case c.Error != "":
			r.Error = c.Error
		default:
			t := Triple{clean(c.Source), clean(c.Target), strings.TrimSpace(c.Code)}
			if null(t.Source) || null(t.Target) {
				continue
			}
			r.Expected = append(r.Expected, t)
		}
	}
	return r, nil
}

func clean(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

func null(code string) bool { return code == "" || strings.HasPrefix(code, "---") }

// Result is the score of a run.
type Result struct {
	Records, Passed int
	score.PRF       // triples found, expected and matching; gives Precision, Recall, F1
	ByCategory      map[string][2]int
	Fails           []Fail
	Errors          []error // records that could not be coded
}

// Fail is a record whose found triples differ from the expected ones.
type Fail struct {
	Record *Record
	Found  []Triple
}

// PassRate returns passed/records.
func (r *Result) PassRate() float64 { return score.Ratio(r.Passed, r.Records) }

// Parser turns a record into parsed sentences: from the record's own
// CoNLL-U parse, or from its text with annals' language layer.
type Parser func(r *Record) ([]*event.Sentence, error)

// FromParse is the Parser that reads the record's CoNLL-U parse.
func FromParse(r *Record) ([]*event.Sentence, error) {
	s, err := conllu.Parse(r.Parse, "record "+r.ID)
	if err != nil {
		return nil, err
	}
	return []*event.Sentence{s}, nil
}

// Analyzer is annals' language layer as Reparse uses it.
type Analyzer interface {
	Process(ctx context.Context, text string) ([]event.Sentence, error)
}

// Reparse returns the Parser that ignores the record's parse and analyses
// its text with a.
func Reparse(ctx context.Context, a Analyzer) Parser {
	return func(r *Record) ([]*event.Sentence, error) {
		sents, err := a.Process(ctx, r.Text)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", r.ID, err)
		}
		out := make([]*event.Sentence, len(sents))
		for i := range sents {
			out[i] = &sents[i]
		}
		return out, nil
	}
}

// Score codes the records of f that count (evaluate="true", category in
// include; all categories when include is empty) and compares.
func Score(f *File, c *coder.Coder, parse Parser, include []string) *Result {
	inc := map[string]bool{}
	for _, c := range include {
		inc[c] = true
	}
	res := &Result{ByCategory: map[string][2]int{}}
	for _, r := range f.Records {
		if !r.Evaluate || (len(inc) > 0 && !inc[r.Category]) {
			continue
		}
		found, err := codeRecord(r, c, parse)
		if err != nil {
			res.Errors = append(res.Errors, err)
		}
		res.Records++
		want := map[Triple]bool{}
		for _, t := range r.Expected {
			want[t] = true
		}
		tp := 0
		for _, t := range found {
			if want[t] {
				tp++
			}
		}
		res.TP += tp
		res.Found += len(found)
		res.Want += len(want)
		cat := res.ByCategory[r.Category]
		cat[1]++
		if tp == len(found) && tp == len(want) {
			res.Passed++
			cat[0]++
		} else {
			res.Fails = append(res.Fails, Fail{Record: r, Found: found})
		}
		res.ByCategory[r.Category] = cat
	}
	return res
}

// codeRecord returns the distinct non-null triples annals codes for r.
func codeRecord(r *Record, c *coder.Coder, parse Parser) ([]Triple, error) {
	sents, err := parse(r)
	if err != nil {
		return nil, err
	}
	coded, _ := c.CodeStory(sents, r.Date)
	var evs []coder.Event
	for _, e := range coded {
		evs = append(evs, e...)
	}
	seen := map[Triple]bool{}
	var out []Triple
	for _, e := range evs {
		t := Triple{e.Source.Code, e.Target.Code, e.Code}
		if null(t.Source) || null(t.Target) || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, nil
}
