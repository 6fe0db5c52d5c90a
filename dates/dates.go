// Package dates finds the temporal expressions of parsed sentences and
// resolves them against an article's publication date, so that every event
// gets the date of its own clause ("on Monday", "last week", "Jan. 3",
// "in 2019", "two days after Monday's vote") with a precision: day, week,
// month or year.
//
// News conventions decide the open cases: a bare weekday in a past-tense
// clause is the most recent such day on or before publication, in a
// future-tense clause (including the present of scheduled events: "the
// trial begins Monday") the next one after it; a date without a year is
// the nearest one in the clause's direction; "last night" is the day
// before publication and "recently" the week before; weeks start on
// Monday.
package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/event"
)

// Precision is how much of a resolved date is known.
type Precision int

// Precisions, from the finest.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
)

// String returns the name the event record uses: day, week, month, year.
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Expression is a temporal expression of a sentence and its resolution.
type Expression struct {
	First, Last int    // indices into Sentence.Tokens, inclusive
	Start, End  int    // byte offsets into the document; -1 when the tokens have none
	Text        string // the words, space-joined
	// Head is the index of the token that attaches the expression to the
	// rest of the sentence (the one whose head lies outside it).
	Head int
	// Date is the first day of the period the expression names (the
	// Monday of a week, the 1st of a month, 1 January of a year).
	Date      time.Time
	Precision Precision
}

// Format returns the date as the event record writes it (YYYY-MM-DD).
func (e Expression) Format() string { return e.Date.Format("2006-01-02") }

// Tense is the time reference of a clause.
type Tense int

// Tenses. A clause whose verb carries no tag counts as Past, the usual
// time of news events.
const (
	Past Tense = iota
	Future
)

// ClauseTense returns the time reference of the clause of the verb at
// index verb. Future: "will", "shall", "'ll" or "going to"; a present
// form ("begins", "is meeting"), which news uses for scheduled events;
// and a to-infinitive under a present or future verb ("plans to visit").
// Past: past forms and participles, and untagged verbs.
func ClauseTense(s *event.Sentence, verb int) Tense {
	for hops := 0; verb >= 0 && verb < len(s.Tokens) && hops < 4; hops++ {
		t := s.Tokens[verb]
		aux := auxiliaries(s, verb)
		switch {
		case aux.future:
			return Future
		case aux.past || t.XPOS == "VBD" || t.XPOS == "VBN" || strings.Contains(t.Feats, "Tense=Past"):
			return Past
		case t.Rel == "xcomp" && aux.to:
			verb = index(s, t.Head) // the governor decides
			continue
		case aux.present || t.XPOS == "VBZ" || t.XPOS == "VBP" || strings.Contains(t.Feats, "Tense=Pres"):
			return Future
		}
		return Past
	}
	return Past
}

// auxSet says what the auxiliaries and markers of a verb show.
type auxSet struct{ future, past, present, to bool }

func auxiliaries(s *event.Sentence, verb int) auxSet {
	var a auxSet
	id := s.Tokens[verb].ID
	for i, t := range s.Tokens {
		if t.Head != id {
			continue
		}
		w := strings.ToLower(t.Text)
		switch t.Rel {
		case "aux", "aux:pass":
			switch w {
			case "will", "shall", "'ll", "’ll", "wo":
				a.future = true
			case "going":
				a.future = i+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Text, "to")
			case "was", "were", "had", "did", "'d", "’d":
				a.past = true
			case "is", "are", "am", "'s", "’s", "'re", "’re":
				a.present = true
			}
		case "mark":
			a.to = a.to || w == "to"
		}
	}
	return a
}

// Find returns the temporal expressions of a sentence, each resolved with
// the tense of the clause it attaches to. pub is the publication date;
// when it is zero, only expressions with a year resolve.
func Find(s *event.Sentence, pub time.Time) []Expression {
	var out []Expression
	for i := 0; i < len(s.Tokens); {
		sp, n := match(s.Tokens, i)
		if n == 0 {
			i++
			continue
		}
		e := newExpression(s, i, i+n-1)
		if d, p, ok := sp.resolve(pub, ClauseTense(s, clauseOf(s, e.Head))); ok {
			e.Date, e.Precision = d, p
			out = append(out, e)
		}
		i += n
	}
	return anchor(s, out)
}

// anchorWindow is how many tokens may separate "days after" from the
// date it counts from ("two days after the vote on Monday").
const anchorWindow = 8

// anchor widens expressions that count from another one: "two days after
// Monday's vote", "a week before Jan. 5", "the day after the Dec. 25
// attack", "on the eve of the March 3 vote". The anchor's date moves by
// the count and keeps its precision. Counts whose anchor has no date are
// left out.
func anchor(s *event.Sentence, exprs []Expression) []Expression {
	for i := range s.Tokens {
		off, u, width := anchorAt(s.Tokens, i)
		if width == 0 {
			continue
		}
		for j, e := range exprs {
			if e.First < i+width || e.First > i+anchorWindow {
				continue
			}
			d := shift(e.Date, u, off)
			if j > 0 && exprs[j-1].Last >= i {
				break // the count overlaps an expression before it
			}
			wide := newExpression(s, i, e.Last)
			wide.Date, wide.Precision = d, e.Precision
			exprs[j] = wide
			break
		}
	}
	return exprs
}

// Resolve returns the date of the event whose verb is the token at index
// verb: the first temporal expression attached to the verb's own clause
// (not to a clause below it), or, for a verb conjoined to or governed by
// another ("arrived on Monday and met"), to that verb's clause. ok is
// false when the clause has no resolvable expression; callers then fall
// back to the publication date.
func Resolve(s *event.Sentence, verb int, pub time.Time) (Expression, bool) {
	exprs := Find(s, pub)
	for v, hops := verb, 0; v >= 0 && v < len(s.Tokens) && hops < 3; hops++ {
		for _, e := range exprs {
			if clauseOf(s, e.Head) == v {
				return e, true
			}
		}
		switch s.Tokens[v].Rel {
		case "conj", "xcomp":
			v = index(s, s.Tokens[v].Head)
		default:
			return Expression{}, false
		}
	}
	return Expression{}, false
}

// DocExpression is an expression of a document's sentence.
type DocExpression struct {
	Sentence int // index into the sentences passed to FindDocument
	Expression
}

// FindDocument returns the temporal expressions of all sentences of a
// document, in order.
func FindDocument(sents []*event.Sentence, pub time.Time) []DocExpression {
	var out []DocExpression
	for i, s := range sents {
		for _, e := range Find(s, pub) {
			out = append(out, DocExpression{Sentence: i, Expression: e})
		}
	}
	return out
}

func newExpression(s *event.Sentence, first, last int) Expression {
	e := Expression{First: first, Last: last, Start: s.Tokens[first].Start, End: s.Tokens[last].End, Head: first}
	words := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		words = append(words, s.Tokens[i].Text)
	}
	e.Text = strings.Join(words, " ")
	for i := first; i <= last; i++ {
		if h := index(s, s.Tokens[i].Head); h < first || h > last {
			e.Head = i
			break
		}
	}
	return e
}

// index returns the index of the token with the given ID, or -1.
func index(s *event.Sentence, id int) int {
	if id >= 1 && id <= len(s.Tokens) && s.Tokens[id-1].ID == id {
		return id - 1
	}
	for i, t := range s.Tokens {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// clauseRels head a clause of their own: an expression below one of them
// dates that clause, not the one above.
var clauseRels = map[string]bool{
	"ccomp": true, "xcomp": true, "advcl": true, "acl": true, "acl:relcl": true,
	"csubj": true, "csubj:pass": true, "parataxis": true, "conj": true,
}

// clauseOf returns the index of the predicate of the clause token i is
// in: the nearest token on its way to the root that heads a clause (the
// root, or a token attached by a clausal relation).
func clauseOf(s *event.Sentence, i int) int {
	for hops := 0; hops <= len(s.Tokens); hops++ {
		h := index(s, s.Tokens[i].Head)
		if h < 0 {
			return i
		}
		t := s.Tokens[h]
		if t.Head == 0 || clauseRels[t.Rel] && (t.Rel != "conj" || isPredicate(t)) {
			return h
		}
		i = h
	}
	return i
}

// isPredicate reports whether a token can head a clause.
func isPredicate(t event.Token) bool {
	switch t.UPOS {
	case "VERB", "AUX":
		return true
	}
	return strings.HasPrefix(t.XPOS, "VB")
}
