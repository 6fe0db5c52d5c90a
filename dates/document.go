package dates

import (
	"strings"
	"time"

	"github.com/annals/annals/event"
)

// Source says where an event's date was found.
type Source int

// Sources of a date, from the nearest.
const (
	// FromSentence: the event's own clause or phrase, or a clause of its
	// sentence that states or frames it (Resolve).
	FromSentence Source = iota + 1
	// FromContext: an earlier sentence, whose date its sentence
	// continues: the statements made on one occasion, the acts of one
	// scene (codebook section 7). The date of a paragraph carries over
	// to the next paragraphs unless it is history (Background).
	FromContext
	// FromPublication: the text dates nothing for it; the article's date
	// stands in, at precision Publication.
	FromPublication
)

// Date is the date of an event and how it was found.
type Date struct {
	// Expression holds the date, its precision and the words that gave
	// it; for FromPublication it has no words (First and Last are -1).
	Expression
	From Source
	// Background marks a past event that the article tells as history:
	// its clause is in the past tense and its date ended more than a
	// month before publication, or is a year before the publication's.
	Background bool
}

// Document dates the events of one document.
type Document struct {
	sents []event.Sentence
	pub   time.Time
	exprs [][]Expression // of each sentence
	// context is, for each sentence, the date its main clause gives or,
	// when it gives none, the one it continues from the sentence before
	// it: in its paragraph, or from the paragraph before unless that date
	// is history.
	context []*Expression
}

// NewDocument finds the temporal expressions of a document's sentences
// (text is the document's text, into which their offsets point) and
// resolves them against its publication date pub, zero when unknown.
func NewDocument(text string, sents []event.Sentence, pub time.Time) *Document {
	d := &Document{sents: sents, pub: pub, exprs: make([][]Expression, len(sents)), context: make([]*Expression, len(sents))}
	var last *Expression // the latest day named, for "the same day"
	var news *Expression // the latest context that is not history
	for i := range sents {
		s := &sents[i]
		d.exprs[i] = resolveAnaphors(find(s, pub), last)
		if l, ok := latestDay(s, d.exprs[i], pub); ok {
			last = &l
		}
		if e, ok := mainDate(s, d.exprs[i]); ok {
			d.context[i] = &e
		} else if i > 0 && d.context[i-1] != nil {
			// A paragraph goes on with the date of the one before it
			// (the reactions to, and the statements at, the day's news)
			// unless that date is history, or may be: without a
			// publication date nothing tells. History is an aside:
			// after it, the story returns to its news ("He had joined
			// the police in 2003. <paragraph> The building was closed
			// after the attack" is the attack's day).
			switch {
			case !paragraphBreak(text, sents[i-1].End, s.Start):
				d.context[i] = d.context[i-1]
			case pub.IsZero():
			case !background(*d.context[i-1], pub, Past):
				d.context[i] = d.context[i-1]
			default:
				d.context[i] = news
			}
		}
		if c := d.context[i]; c != nil && !pub.IsZero() && !background(*c, pub, Past) {
			news = c
		}
	}
	return d
}

// latestDay is the last day that a sentence names as when something
// happened, which a later "on the same day" refers back to ("appeared in
// court yesterday, charged over a shooting on Friday. ... The second
// attack was on the same day": Friday): not a reference point or a
// deadline ("until Friday", "Sunday's attack"), nor a day after
// publication.
func latestDay(s *event.Sentence, exprs []Expression, pub time.Time) (Expression, bool) {
	for k := len(exprs) - 1; k >= 0; k-- {
		e := exprs[k]
		if e.Precision != Day || !pub.IsZero() && e.Date.After(pub) || hasChild(s, e.Head, "case", referenceWords) || referenced(s, e.Head, clauseOf(s, e.Head)) ||
			e.Last+1 < len(s.Tokens) && possessive[s.Tokens[e.Last+1].Text] {
			continue
		}
		return e, true
	}
	return Expression{}, false
}

// mainDate is the date that a sentence's main clause gives.
func mainDate(s *event.Sentence, exprs []Expression) (Expression, bool) {
	for i, t := range s.Tokens {
		if t.Head == 0 {
			e, _, ok := resolve(s, exprs, i)
			return e, ok
		}
	}
	return Expression{}, false
}

// paragraphBreak reports whether the text between two sentences ends a
// paragraph: a blank line, or a line break before an indented line.
// Hard-wrapped lines of one paragraph do not.
func paragraphBreak(text string, end, start int) bool {
	if end < 0 || start > len(text) || end > start {
		return false
	}
	gap := text[end:start]
	if strings.Count(gap, "\n") >= 2 {
		return true
	}
	_, after, ok := strings.Cut(gap, "\n")
	return ok && (strings.HasPrefix(after, " ") || strings.HasPrefix(after, "\t"))
}

// Date returns the date of the event whose word (verb or noun) is token
// word of sentence sent (an index into the sentences given to
// NewDocument): the one its sentence gives (Resolve); else, when the
// event belongs to its sentence's main line rather than to a relative or
// an "after" clause, the one the sentence continues from earlier in its
// paragraph; else the publication date at precision Publication. ok is
// false only in a document without a publication date whose text dates
// nothing for the event: nothing stands in for the publication date.
func (d *Document) Date(sent, word int) (Date, bool) {
	if sent < 0 || sent >= len(d.sents) {
		return Date{}, false
	}
	s := &d.sents[sent]
	e, main, ok := resolve(s, d.exprs[sent], word)
	date := Date{Expression: e, From: FromSentence}
	switch {
	case ok:
	case main && d.context[sent] != nil && !(tenseOf(s, word) == Past && !d.pub.IsZero() && d.context[sent].Date.After(d.pub)):
		// a past act is not dated by a plan ("is due to leave on
		// October 31. Johnson has stated ...")
		date = Date{Expression: *d.context[sent], From: FromContext}
	case d.pub.IsZero():
		return Date{}, false
	default:
		y, m, dd := d.pub.Date()
		date = Date{From: FromPublication, Expression: Expression{First: -1, Last: -1, Start: -1, End: -1, Head: -1,
			Date: time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), Precision: Publication}}
		return date, true
	}
	date.Background = background(date.Expression, d.pub, tenseOf(s, word))
	return date, true
}

// tenseOf is the tense of the clause of an event word; a noun takes its
// clause's.
func tenseOf(s *event.Sentence, word int) Tense {
	if word >= 0 && word < len(s.Tokens) && !isPredicate(s.Tokens[word]) {
		word = clauseOf(s, word)
	}
	return ClauseTense(s, word)
}

// background reports whether a past event dated e is history rather than
// news: its period ended more than a month before publication, or it is
// a year before the publication's. Without a publication date nothing is.
func background(e Expression, pub time.Time, tense Tense) bool {
	if pub.IsZero() || tense != Past {
		return false
	}
	if e.Precision == Year {
		return e.Date.Year() < pub.Year()
	}
	return lastDay(e).Before(pub.AddDate(0, -1, 0))
}

// lastDay is the last day of the period an expression names.
func lastDay(e Expression) time.Time {
	switch e.Precision {
	case Week:
		return e.Date.AddDate(0, 0, 6)
	case Month:
		return e.Date.AddDate(0, 1, -1)
	case Year:
		return e.Date.AddDate(1, 0, -1)
	}
	return e.Date
}
