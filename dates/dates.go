// Package dates finds the temporal expressions of parsed sentences and
// resolves them against an article's publication date, so that every event
// gets the date of its own clause ("on Monday", "last week", "Jan. 3",
// "in 2019", "two days after Monday's vote") with a precision: day, week,
// month or year. A Document dates the events of an article: from the
// event's clause, else from its sentence (the statement that announces
// it), else from the sentences before it (the occasion or scene it belongs
// to), else by the publication date at precision Publication; and it
// marks past events dated long before publication as background.
//
// News conventions decide the open cases: a bare weekday in a past-tense
// clause is the most recent such day on or before publication, in a
// future-tense clause (including the present of scheduled events: "the
// trial begins Monday") the next one after it; a date without a year is
// the nearest one in the clause's direction; "last night" is the day
// before publication and "recently" the week before; weeks start on
// Monday; a season ("last summer") is the year it starts in; a span ("over
// the last four years", "since June") is dated by its start. A reference
// point or a deadline ("after Sunday's attack", "until Friday", "by the
// end of January") does not date its clause (docs/codebook.md, section 7).
// An act announced before it happens takes its dated announcement's date;
// "today" or "yesterday" inside a quotation counts from when it was said,
// so it dates nothing; "the same day" is the last day named as when
// something happened; after a paragraph of history the story returns to
// its latest news date.
package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/event"
)

// Precision is how much of a resolved date is known.
type Precision int

// Precisions, from the finest. Publication is a day too: the article's
// own, which stands in when the text dates nothing for the event.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
	Publication
)

// String returns the name the event record uses: day, week, month, year,
// publication.
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
	case Publication:
		return "publication"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Format writes date d at precision p as the event record does
// (event.FormatDate): never finer than it is known.
func (p Precision) Format(d time.Time) string { return event.FormatDate(d, p.String()) }

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

// Format returns the date as the event record writes it: YYYY-MM-DD,
// YYYY-MM or YYYY by its precision.
func (e Expression) Format() string { return e.Precision.Format(e.Date) }

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
		case (t.Rel == "xcomp" || t.Rel == "advcl") && aux.to && t.Head != 0:
			// a to-infinitive, of a plan or a purpose ("will comply
			// with the request to suspend Parliament in September"):
			// the governor decides
			verb = index(s, t.Head)
			continue
		case aux.present || t.XPOS == "VBZ" || t.XPOS == "VBP" || strings.Contains(t.Feats, "Tense=Pres"):
			if pastConjunct(s, verb) {
				return Past // "face masks, and helmets gathered": a mistagged noun
			}
			return Future
		}
		return Past
	}
	return Past
}

// pastConjunct reports whether a verb conjoined to the one at index verb
// is in the past tense: coordinated verbs share their time, and a
// present form beside a past one is more often a mistagged noun than a
// scheduled event.
func pastConjunct(s *event.Sentence, verb int) bool {
	id := s.Tokens[verb].ID
	for i, t := range s.Tokens {
		conj := t.Rel == "conj" && t.Head == id || s.Tokens[verb].Rel == "conj" && t.ID == s.Tokens[verb].Head
		if conj && i != verb && (t.XPOS == "VBD" || auxiliaries(s, i).past) {
			return true
		}
	}
	return false
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
// when it is zero, only expressions with a year resolve. An expression
// that refers back ("on the same day") takes the date of the expression
// before it in the sentence, and is left out when there is none.
func Find(s *event.Sentence, pub time.Time) []Expression {
	return resolveAnaphors(find(s, pub), nil)
}

// find is Find with anaphoric expressions left unresolved (Precision 0).
func find(s *event.Sentence, pub time.Time) []Expression {
	var out []Expression
	for i := 0; i < len(s.Tokens); {
		sp, n := match(s.Tokens, i)
		if n == 0 {
			i++
			continue
		}
		e := newExpression(s, i, i+n-1)
		if sp.rel == dayUnit && quoted(s, i) {
			// "today", "yesterday", "this afternoon" in quoted words
			// count from when they were said, not from publication
			// (codebook section 7): the statement's own date stands.
			i += n
			continue
		}
		if sp.anaphor {
			out = append(out, e)
		} else if d, p, ok := sp.resolve(pub, ClauseTense(s, clauseOf(s, e.Head))); ok {
			e.Date, e.Precision = d, p
			out = append(out, e)
		}
		i += n
	}
	return anchor(s, out)
}

// quoted reports whether token i lies inside a quotation of its
// sentence: after an odd number of quotation marks.
func quoted(s *event.Sentence, i int) bool {
	marks := 0
	for _, t := range s.Tokens[:i] {
		switch t.Text {
		case "\"", "“", "”", "``", "''":
			marks++
		}
	}
	return marks%2 == 1
}

// resolveAnaphors gives each anaphoric expression ("the same day") the
// date of the expression before it, or prev's for the first; those left
// without one are dropped.
func resolveAnaphors(exprs []Expression, prev *Expression) []Expression {
	out := exprs[:0]
	for _, e := range exprs {
		if e.Precision == 0 {
			if prev == nil {
				continue
			}
			e.Date, e.Precision = prev.Date, prev.Precision
		}
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return out
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

// Resolve returns the date that sentence s gives the event whose word
// (a verb, or a noun such as "attack") is the token at index word:
//
//   - for a noun, an expression of its own phrase ("the attack on
//     Monday", "his 2016 arrest", "the proclamation, which was made on
//     Monday");
//   - an expression that is an adverbial of the event's clause ("arrested
//     him on Monday"), not one that qualifies its object ("criticized
//     Monday's vote") nor one that names a reference point or a deadline
//     ("after Sunday's attack", "until Friday", "by the end of January");
//   - else that of a clause above it that states, announces or frames it:
//     a verb conjoined to or governing it ("arrived on Monday and met"),
//     the statement that reports it ("said on Tuesday that troops had
//     withdrawn", codebook section 7's announcement rule), the clause of
//     a participle ("joined the calls on Monday, asking ..."); not the
//     clause of a relative clause ("the law that parliament passed"),
//     nor of an "after", "before" or "because" clause;
//   - else, when that way leads to the sentence's main clause, an
//     expression of a clause coordinated with it or framing it, which
//     also leads there ("He met the president and left on Monday"), but
//     not one of what it says or plans ("He said troops left on Monday"
//     leaves the saying undated).
//
// ok is false when the sentence dates nothing for the event; callers then
// look at the sentences before it (Document) or fall back to the
// publication date.
func Resolve(s *event.Sentence, word int, pub time.Time) (Expression, bool) {
	e, _, ok := resolve(s, Find(s, pub), word)
	return e, ok
}

// resolve is Resolve over the sentence's expressions; main says whether
// the way up from the event reached the sentence's main clause, so that an
// earlier sentence's date may stand in when ok is false.
func resolve(s *event.Sentence, exprs []Expression, word int) (e Expression, main, ok bool) {
	return resolveAt(s, exprs, word, 0)
}

// maxCounted bounds how many counted clauses ("a week after ...") one
// resolution passes through, each dated from the clause above it.
const maxCounted = 4

// resolveAt is resolve after passing depth counted clauses.
func resolveAt(s *event.Sentence, exprs []Expression, word, depth int) (e Expression, main, ok bool) {
	if word < 0 || word >= len(s.Tokens) {
		return Expression{}, false, false
	}
	v := word
	if !isPredicate(s.Tokens[word]) {
		for _, e := range exprs {
			if attached(s, e, word) {
				return e, false, true
			}
		}
		v = clauseOf(s, word)
		if referenced(s, word, v) {
			return Expression{}, false, false // "days after the vote": not the clause's time
		}
	}
	for hops := 0; hops <= len(s.Tokens); hops++ {
		for _, e := range exprs {
			if attached(s, e, v) {
				if a, ok := announcement(s, exprs, v); ok {
					return a, false, true
				}
				return e, false, true
			}
		}
		up, ok := governor(s, exprs, v)
		if !ok {
			if depth < maxCounted {
				if c, ok := counted(s, exprs, v, depth); ok {
					return c, false, true
				}
			}
			break
		}
		if up < 0 {
			// The main clause, undated: an expression of a clause that
			// leads to it, in text order.
			for _, e := range exprs {
				if leadsToMain(s, exprs, e) {
					return e, true, true
				}
			}
			return Expression{}, true, false
		}
		v = up
	}
	return Expression{}, false, false
}

// counted dates an "after" or "before" clause that a count places against
// the clause it depends on: "agreed on Tuesday, a week after drivers
// blocked the crossing" dates the blocking a week before Tuesday, at the
// precision of Tuesday. Without a count the clause names only a
// reference point, and stays undated.
func counted(s *event.Sentence, exprs []Expression, v, depth int) (Expression, bool) {
	t := s.Tokens[v]
	if rel, _, _ := strings.Cut(t.Rel, ":"); rel != "advcl" {
		return Expression{}, false
	}
	m := -1
	for i, c := range s.Tokens {
		if c.Head == t.ID && c.Rel == "mark" {
			m = i
			break
		}
	}
	if m < 2 {
		return Expression{}, false
	}
	off, u, width := anchorAt(s.Tokens, m-2)
	if width != 3 {
		return Expression{}, false
	}
	e, _, ok := resolveAt(s, exprs, index(s, t.Head), depth+1)
	if !ok {
		return Expression{}, false
	}
	c := newExpression(s, m-2, m)
	c.Date, c.Precision = shift(e.Date, u, -off), e.Precision
	return c, true
}

// announcement returns the date of the statement that announces the act
// of clause v before it happens, when the text dates that statement: an
// act in the future ("announced yesterday she will comply with the
// request to suspend Parliament for parts of September") stands for its
// announcement (codebook section 7), whose date wins over the act's own.
// The way up from v must pass a reported clause (ccomp, parataxis), so
// that a dated past act coordinated with a planned one ("met on Monday
// and will travel on Friday") does not date the plan.
func announcement(s *event.Sentence, exprs []Expression, v int) (Expression, bool) {
	if ClauseTense(s, v) != Future {
		return Expression{}, false
	}
	reported := false
	for hops := 0; hops <= len(s.Tokens); hops++ {
		switch rel, _, _ := strings.Cut(s.Tokens[v].Rel, ":"); rel {
		case "ccomp", "parataxis":
			reported = true
		case "xcomp", "advcl":
		default:
			return Expression{}, false
		}
		up, ok := governor(s, exprs, v)
		if w, _ := marker(s, v); w == "to" {
			up, ok = index(s, s.Tokens[v].Head), true // a purpose or a plan: "the request to suspend"
		}
		if !ok || up < 0 {
			return Expression{}, false
		}
		v = up
		if !reported || ClauseTense(s, v) != Past {
			continue
		}
		for _, e := range exprs {
			if attached(s, e, v) {
				return e, true
			}
		}
	}
	return Expression{}, false
}

// governor returns the clause above clause head v whose date v takes, -1
// when v is the main clause, and ok false when v's date is its own
// business (a relative clause, an "after" clause) or v is not a clause.
// A clause that hangs from a temporal expression is a main clause: the
// parser has made the sentence's opening date ("On Wednesday, ...") its
// root.
func governor(s *event.Sentence, exprs []Expression, v int) (int, bool) {
	t := s.Tokens[v]
	h := index(s, t.Head)
	if t.Head == 0 || h < 0 || inExpression(exprs, h) {
		return -1, true
	}
	switch rel, _, _ := strings.Cut(t.Rel, ":"); {
	case t.Rel == "acl:relcl":
		return 0, false
	case rel == "advcl":
		if w, ok := marker(s, v); ok && !sameTime[w] {
			return 0, false
		}
	case rel == "acl":
		if _, ok := marker(s, v); ok || t.XPOS == "VBD" {
			return 0, false // a finite clause of a noun, not a participle
		}
	case rel != "conj" && rel != "ccomp" && rel != "xcomp" && rel != "parataxis" && rel != "csubj":
		return 0, false
	}
	// A clause that hangs from a noun ("joined the calls on Monday,
	// asking ...") takes the date of the noun's clause.
	n := h
	for hops := 0; !isPredicate(s.Tokens[h]) && hops <= len(s.Tokens); hops++ {
		if s.Tokens[h].Head == 0 {
			return -1, !referenced(s, n, h)
		}
		if h = index(s, s.Tokens[h].Head); h < 0 || inExpression(exprs, h) {
			return -1, true
		}
	}
	return h, !referenced(s, n, h)
}

// sequenceVerbs say that their subject came after (or before) their
// object: "It followed Washington's assassination of ..." does not date
// the assassination.
var sequenceVerbs = map[string]bool{"follow": true, "precede": true}

// referenced reports whether the phrase of token from, on its way up to
// token to, is a reference point of to's clause rather than part of its
// time: "days after the parliament voted", "after the assassination",
// the object of "followed".
func referenced(s *event.Sentence, from, to int) bool {
	for x, hops := from, 0; x >= 0 && x != to && hops <= len(s.Tokens); hops++ {
		t := s.Tokens[x]
		if hasChild(s, x, "case", referenceMarks) && !timeOfDay(s, x) {
			return true
		}
		h := index(s, t.Head)
		if h >= 0 && t.Rel == "obj" && sequenceVerbs[strings.ToLower(s.Tokens[h].Lemma)] {
			return true
		}
		x = h
	}
	return false
}

// sameTime are the subordinators of a clause that happens at the time of
// the clause it depends on.
var sameTime = map[string]bool{"when": true, "while": true, "as": true, "by": true, "in": true, "during": true, "with": true}

// marker returns the subordinator ("after", "when") of clause head v.
func marker(s *event.Sentence, v int) (string, bool) {
	id := s.Tokens[v].ID
	for _, t := range s.Tokens {
		if t.Head == id && t.Rel == "mark" {
			return strings.ToLower(t.Text), true
		}
	}
	return "", false
}

// referenceWords introduce a time that is not when their clause
// happened: a reference point ("after Sunday's attack") or a deadline
// ("until Friday", "by the end of January").
var referenceWords = map[string]bool{
	"after": true, "before": true, "until": true, "till": true, "by": true, "ahead": true,
	"prior": true, "following": true, "pending": true,
}

// referenceMarks introduce a clause or an event that happened at another
// time than the one it depends on ("after he resigned", "after the
// vote"); "by" before a clause says how ("by strangling her"), and before
// a noun who ("calls by officials").
var referenceMarks = map[string]bool{
	"after": true, "before": true, "until": true, "till": true, "once": true, "following": true, "prior": true, "ahead": true,
}

// attached reports whether expression e dates the word at index target:
// its way up the tree reaches target without entering a clause, an
// object or a phrase that names a reference point.
func attached(s *event.Sentence, e Expression, target int) bool {
	if follows(s, e, target) {
		return true
	}
	x := e.Head
	for hops := 0; hops <= len(s.Tokens); hops++ {
		if x == target {
			return true
		}
		t := s.Tokens[x]
		if (hasChild(s, x, "case", referenceWords) || hasChild(s, x, "mark", referenceMarks)) && !timeOfDay(s, x) {
			return false
		}
		if x != e.Head {
			if rel, _, _ := strings.Cut(t.Rel, ":"); (rel == "obj" || rel == "iobj") && e.Last < x {
				// a date before an object names that object's time
				// ("criticized Monday's vote", "reopened the 2008
				// case"); one after it is the parser's guess between
				// verb and noun ("met his counterpart on Monday")
				return false
			}
			if clauseRels[t.Rel] && isPredicate(t) && !sameEvent(s, x, target) {
				return false
			}
		}
		h := index(s, t.Head)
		if t.Head == 0 || h < 0 {
			return false
		}
		x = h
	}
	return false
}

// fronted reports whether expression e opens the sentence, set off by a
// comma ("On Sunday, ...", "Late on Sunday, ...", "Yesterday, ..."): an
// adverbial of the whole sentence, however the parser has attached it.
func fronted(s *event.Sentence, e Expression) bool {
	if e.Last+1 >= len(s.Tokens) || s.Tokens[e.Last+1].Text != "," {
		return false
	}
	for k := 0; k < e.First; k++ {
		switch strings.ToLower(s.Tokens[k].Text) {
		case "on", "in", "late", "early", "at", "during", "since", "\"", "“", "'", "‘":
		default:
			return false
		}
	}
	return true
}

// sameEvent reports whether clause x, on the way from an expression up to
// the word at index target, tells when target's event happened rather
// than an event of its own: the relative clause of an event noun ("the
// proclamation, which was made on Monday"), a clause that says a noun
// occurred ("in a bombing that happened on June 27"), the manner of an
// act ("killed her by strangling her in 2016"), or the start of a span
// ("have been arrested since the protests began in June").
func sameEvent(s *event.Sentence, x, target int) bool {
	t := s.Tokens[x]
	h := index(s, t.Head)
	switch {
	case h < 0:
		return false
	case t.Rel == "acl:relcl" || t.Rel == "acl":
		return h == target && !isPredicate(s.Tokens[target]) || occurrence[strings.ToLower(t.Lemma)] ||
			occasionOf(s, x, h, target)
	case t.Rel == "advcl":
		// "by strangling her in 2016"; "arrested since the protests
		// began in June", a span dated by its start
		w, _ := marker(s, x)
		return (w == "by" || w == "since") && h == target
	}
	return false
}

// occasionOf reports whether relative clause x of noun h tells what
// happened at an occasion of target's clause: "met in Niamey for a
// summit where on Sunday they signed the agreement" — acts at an occasion
// share its date (codebook 7), so the clause's date is the meeting's.
// Only a "where" or "when" clause of an occasion noun that hangs from
// target: "visited the town where rebels killed five in 2015" keeps the
// killing's year to itself.
func occasionOf(s *event.Sentence, x, h, target int) bool {
	if t := s.Tokens[h]; !occasions[strings.ToLower(t.Lemma)] || index(s, t.Head) != target || !isPredicate(s.Tokens[target]) {
		return false
	}
	id := s.Tokens[x].ID
	for _, t := range s.Tokens {
		if t.Head == id && t.Rel == "advmod" && (strings.EqualFold(t.Text, "where") || strings.EqualFold(t.Text, "when")) {
			return true
		}
	}
	return false
}

// occasions are nouns of a gathering at one time.
var occasions = map[string]bool{
	"summit": true, "meeting": true, "conference": true, "session": true, "rally": true,
	"ceremony": true, "congress": true, "convention": true, "hearing": true, "talks": true,
}

// occurrence are the verbs that say that the noun they describe happened.
var occurrence = map[string]bool{"happen": true, "occur": true, "take": true, "unfold": true}

// follows reports whether expression e comes right after the verb at
// index v, with at most "on", "late" or "early" between ("said late
// Sunday the police ..."): it dates that verb however the parser has
// attached it.
func follows(s *event.Sentence, e Expression, v int) bool {
	if v < 0 || v >= e.First || !isPredicate(s.Tokens[v]) {
		return false
	}
	if e.Last+1 < len(s.Tokens) && possessive[s.Tokens[e.Last+1].Text] {
		return false // "criticized Monday's vote"
	}
	for k := v + 1; k < e.First; k++ {
		switch strings.ToLower(s.Tokens[k].Text) {
		case "on", "late", "early":
		default:
			return false
		}
	}
	return true
}

var possessive = map[string]bool{"'s": true, "’s": true, "'": true, "’": true}

// timeOfDay reports whether token x, or a compound of it, names a time of
// day: "before midnight Wednesday night" dates Wednesday.
func timeOfDay(s *event.Sentence, x int) bool {
	if timesOfDay[strings.ToLower(s.Tokens[x].Text)] {
		return true
	}
	id := s.Tokens[x].ID
	for _, t := range s.Tokens {
		if t.Head == id && t.Rel == "compound" && timesOfDay[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}

// leadsToMain reports whether expression e dates a clause whose way up
// (governor) reaches the sentence's main clause, or is the parser's root.
func leadsToMain(s *event.Sentence, exprs []Expression, e Expression) bool {
	if s.Tokens[e.Head].Head == 0 || fronted(s, e) {
		return true
	}
	v := clauseOf(s, e.Head)
	for hops := 0; hops < len(s.Tokens) && sameEvent(s, v, -1); hops++ {
		v = clauseOf(s, v) // the clause of the noun that occurred
	}
	if !attached(s, e, v) {
		return false
	}
	for hops := 0; hops <= len(s.Tokens); hops++ {
		switch rel, _, _ := strings.Cut(s.Tokens[v].Rel, ":"); rel {
		case "ccomp", "xcomp", "csubj":
			return false // what is said or planned does not date the saying
		case "acl":
			// a participle of a noun has its own time: "the
			// protesters, numbering in the millions, [who have]
			// filled the streets since June" does not date "This was
			// one of their demands"
			return false
		}
		up, ok := governor(s, exprs, v)
		if !ok {
			return false
		}
		if up < 0 {
			return true
		}
		v = up
	}
	return false
}

// inExpression reports whether token i is part of one of exprs.
func inExpression(exprs []Expression, i int) bool {
	for _, e := range exprs {
		if i >= e.First && i <= e.Last {
			return true
		}
	}
	return false
}

// hasChild reports whether token i has a child with relation rel whose
// lower-cased word is in words.
func hasChild(s *event.Sentence, i int, rel string, words map[string]bool) bool {
	id := s.Tokens[i].ID
	for _, t := range s.Tokens {
		if t.Head == id && t.Rel == rel && words[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
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
