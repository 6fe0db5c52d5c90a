// Package quote finds the quotations and reported speech of a news article,
// their speakers and cues, resolves pronoun and description speakers to the
// article's named mentions, and says how a clause presents its event
// (asserted, negated, future, intended, reported or hypothetical).
//
// It works on a whole document's sentences as the language layer leaves them
// (tokens with byte offsets into the document text; tags, dependency heads
// and entities when present). Rules read word forms first and use tags,
// heads and entities only to refine, so the finder still works on sentences
// that were only tokenized.
package quote

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// Span is a byte range of the document text.
type Span struct {
	Start, End int
}

// Mention is a phrase naming or pointing to a speaker.
type Mention struct {
	Text        string
	Start, End  int // byte offsets into the document text
	Sentence    int // index into the sentences given to Find
	First, Last int // token indices in that sentence, inclusive
}

// Kinds of quote.
const (
	Direct    = "direct"    // within quotation marks
	Indirect  = "indirect"  // "X said that ...", "..., X said"
	According = "according" // "according to X, ..."
)

// Quote is one attributed statement.
type Quote struct {
	Kind       string // Direct, Indirect or According
	Parts      []Span // content pieces without quotation marks; a quote split by "he said" has several
	Start, End int    // from the first part's start to the last part's end
	Cue        string // the speech verb or "according to"; "" when the speaker is carried over from an earlier quote
	CueStart   int
	CueEnd     int
	// Speaker is the speaker as written near the cue ("he", "the cleric",
	// "Sadr"); its Text is "" when none was found.
	Speaker Mention
	// Entity is the named mention Speaker refers to, resolved within the
	// article ("he" → "Muqtada al-Sadr"); it equals Speaker when Speaker is
	// a name or cannot be resolved.
	Entity      Mention
	First, Last int // indices of the first and last sentence of the content

	ent     *entity // what Entity names, for later pronouns
	carried bool    // speaker carried over from the previous direct quote
}

// Text returns the quoted content, its pieces joined by " ... ".
func (q *Quote) Text(doc string) string {
	var b strings.Builder
	for i, p := range q.Parts {
		if i > 0 {
			b.WriteString(" ... ")
		}
		b.WriteString(doc[p.Start:p.End])
	}
	return b.String()
}

// Record returns the quote in the form of an event record.
func (q *Quote) Record(doc string) *event.Quote {
	return &event.Quote{Speaker: q.Entity.Text, Text: q.Text(doc), Start: q.Start, End: q.End}
}

// Find returns the quotes of a document in text order: direct quotes first
// found by their quotation marks, then indirect speech in what is left.
// text is the document text and sents its sentences in order, with token
// offsets into text. It fails only when the offsets do not fit the text
// or the text they cover is not valid UTF-8.
func Find(text string, sents []event.Sentence) ([]Quote, error) {
	a, err := Analyze(text, sents)
	if err != nil {
		return nil, err
	}
	return a.Quotes, nil
}

// Doc is a document analysed for quotes: its quotes and the named
// mentions its speakers and pronouns resolve to.
type Doc struct {
	Quotes []Quote // in text order
	d      *doc
	// By flat token: the index of the first quote whose content, and of
	// the first whose speaker phrase, holds the token; -1 when none. A
	// caller asks for every event, so the answer must not cost a pass
	// over all the quotes.
	content, speaker []int32
	// minEnd[i] is the least End of Quotes[i:], for Resolve's hint.
	minEnd []int
}

// Analyze finds the quotes of a document (see Find) and keeps what is
// needed to resolve other mentions of it.
func Analyze(text string, sents []event.Sentence) (*Doc, error) {
	d, err := newDoc(text, sents)
	if err != nil {
		return nil, err
	}
	d.direct()
	for si := range sents {
		d.indirect(si)
	}
	sort.SliceStable(d.quotes, func(i, j int) bool { return d.quotes[i].Start < d.quotes[j].Start })
	d.resolveSpeakers()
	x := &Doc{Quotes: d.quotes, d: d, content: d.noQuotes(), speaker: d.noQuotes(), minEnd: make([]int, len(d.quotes))}
	// The later quote is painted first, so that the first one holding a
	// token is left; quotes nest only within a sentence (a headline's
	// content around a quotation), so the painting is linear.
	for i := len(d.quotes) - 1; i >= 0; i-- {
		q := &d.quotes[i]
		for _, p := range q.Parts {
			d.paint(x.content, p.Start, p.End, i)
		}
		if q.Speaker.Text != "" {
			d.paint(x.speaker, q.Speaker.Start, q.Speaker.End, i)
		}
		x.minEnd[i] = q.End
		if i+1 < len(d.quotes) {
			x.minEnd[i] = min(q.End, x.minEnd[i+1])
		}
	}
	return x, nil
}

// noQuotes returns a value for each flat token, all -1.
func (d *doc) noQuotes() []int32 {
	out := make([]int32, len(d.flat))
	for k := range out {
		out[k] = -1
	}
	return out
}

// paint sets by[k] to quote index i for each flat token k that lies
// within the byte range [start, end).
func (d *doc) paint(by []int32, start, end, i int) {
	k := sort.Search(len(d.flat), func(k int) bool { return d.tok(k).Start >= start })
	for ; k < len(d.flat) && d.tok(k).End <= end; k++ {
		by[k] = int32(i)
	}
}

// Holding returns the quote whose content holds token ti of sentence si
// (the first in text order, when quotes nest), or nil.
func (x *Doc) Holding(si, ti int) *Quote { return x.at(x.content, si, ti) }

// SpeakerAt returns the quote whose speaker phrase holds token ti of
// sentence si (the "he" of "..., he said"), or nil.
func (x *Doc) SpeakerAt(si, ti int) *Quote { return x.at(x.speaker, si, ti) }

func (x *Doc) at(by []int32, si, ti int) *Quote {
	d := x.d
	if si < 0 || si >= len(d.sents) || ti < 0 || ti >= len(d.sents[si].Tokens) {
		return nil
	}
	if i := by[d.off[si]+ti]; i >= 0 {
		return &x.Quotes[i]
	}
	return nil
}

// resolveSpeakers resolves every quote's speaker in text order, each with
// the quote before it as a hint ("he said" after a quotation usually
// means its speaker), and passes a carried-over speaker on.
func (d *doc) resolveSpeakers() {
	var last, lastDirect *Quote
	for i := range d.quotes {
		q := &d.quotes[i]
		switch {
		case q.carried && lastDirect != nil:
			q.Speaker, q.Entity, q.ent = lastDirect.Speaker, lastDirect.Entity, lastDirect.ent
		case q.Speaker.Text != "":
			q.Entity, q.ent = d.coref.resolve(q.Speaker, last, true)
		}
		last = q
		if q.Kind == Direct {
			lastDirect = q
		}
	}
}

// Resolve returns the named mention that tokens first..last of sentence
// si refer to ("he", "the cleric", "Sadr" → "Muqtada al-Sadr"), or that
// phrase itself when nothing fits or the indices are out of range.
func (x *Doc) Resolve(si, first, last int) Mention {
	d := x.d
	if si < 0 || si >= len(d.sents) || first < 0 || last < first || last >= len(d.sents[si].Tokens) {
		return Mention{}
	}
	m := d.mention(si, first, last)
	// the hint is the last quote that ends before m: the last i with
	// minEnd[i] <= m.Start, since minEnd grows with i
	var hint *Quote
	if i := sort.Search(len(x.minEnd), func(i int) bool { return x.minEnd[i] > m.Start }) - 1; i >= 0 {
		hint = &d.quotes[i]
	}
	m, _ = d.coref.resolve(m, hint, false)
	return m
}

// pos is a token's place: sentence and token index.
type pos struct{ s, i int }

// doc is the state of one Find call.
type doc struct {
	text   string
	sents  []event.Sentence
	flat   []pos    // every token in text order
	para   []int    // paragraph number of each flat token
	off    []int    // index into flat of each sentence's first token
	low    []string // by flat index: the token in lower case
	used   []bool   // by flat index: taken by a quote, its cue or speaker
	quoted []bool   // by flat index: inside quotation marks, attributed or not
	parsed []bool
	quotes []Quote
	// closing is, by flat index, the next single closing mark in the
	// paragraph (closingAfter); nil until first needed.
	closing []int32
	coref   *coref
}

// newDoc reads only the text from the first token to the last, so that a
// caller may analyse one part of a long text at the cost of that part.
func newDoc(text string, sents []event.Sentence) (*doc, error) {
	d := &doc{text: text, sents: sents}
	d.off = make([]int, len(sents))
	d.parsed = make([]bool, len(sents))
	n := 0
	for si := range sents {
		n += len(sents[si].Tokens)
	}
	d.flat = make([]pos, 0, n)
	d.para = make([]int, 0, n)
	d.used = make([]bool, n)
	d.low = make([]string, 0, n)
	d.quoted = make([]bool, n)
	prevEnd, p, first := 0, 0, 0
	for si := range sents {
		s := &sents[si]
		d.off[si] = len(d.flat)
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			if t.Start < prevEnd || t.End < t.Start || t.End > len(text) {
				return nil, fmt.Errorf("quote: sentence %d token %d %q: offsets %d-%d out of order or outside the %d-byte text", si, ti, t.Text, t.Start, t.End, len(text))
			}
			if len(d.flat) == 0 {
				first = t.Start
			}
			if t.Head > 0 {
				d.parsed[si] = true
			}
			if len(d.flat) > 0 && strings.ContainsAny(text[prevEnd:t.Start], "\n\r\u2028\u2029") {
				p++
			}
			d.flat = append(d.flat, pos{si, ti})
			d.low = append(d.low, strings.ToLower(t.Text))
			d.para = append(d.para, p)
			prevEnd = t.End
		}
	}
	if !utf8.ValidString(text[first:prevEnd]) {
		return nil, fmt.Errorf("quote: the text of the sentences (bytes %d-%d) is not valid UTF-8", first, prevEnd)
	}
	d.coref = newCoref(d)
	return d, nil
}

func (d *doc) tok(k int) *event.Token { p := d.flat[k]; return &d.sents[p.s].Tokens[p.i] }

// lower returns the lower-cased text of token i of sentence s.
func (d *doc) lower(s, i int) string { return d.low[d.off[s]+i] }

// mention makes a mention of tokens first..last of sentence s.
func (d *doc) mention(s, first, last int) Mention {
	ts := d.sents[s].Tokens
	return Mention{Text: d.text[ts[first].Start:ts[last].End], Start: ts[first].Start, End: ts[last].End, Sentence: s, First: first, Last: last}
}

// span returns the byte span of flat tokens a..b inclusive.
func (d *doc) span(a, b int) Span { return Span{d.tok(a).Start, d.tok(b).End} }

// isWord reports whether a token holds a letter or digit.
func isWord(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// capitalized reports whether a token starts with an upper-case letter.
func capitalized(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// add appends q, marks its content tokens used and sets its sentence range.
func (d *doc) add(q Quote, from, to int) {
	q.Start, q.End = q.Parts[0].Start, q.Parts[len(q.Parts)-1].End
	q.First, q.Last = d.flat[from].s, d.flat[to].s
	for k := from; k <= to; k++ {
		p := d.flat[k]
		d.used[d.off[p.s]+p.i] = true
	}
	d.quotes = append(d.quotes, q)
}
