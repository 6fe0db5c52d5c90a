// Package counts reads how many people an event killed, injured, had
// arrested or drew to a protest, as news writes it: digits ("56",
// "1,200", "1.7 million"), words ("twelve", "two dozen"), vague
// quantities with documented ranges ("dozens" 24–99, "thousands"
// 2,000–9,999), bounds ("at least", "more than", "nearly", "some"),
// compounds ("million-man march", "a 700-strong mob") and people counted
// by a noun ("two people", "a man", "three police officers").
//
// Find reads one sentence's text and returns its counts with the words
// that state them; the pipeline attaches them to the sentence's events.
// The reading rules are those of docs/counts.md, the annotation guide of
// the counts gold: a count needs a quantity, the people it counts and a
// kind stated in the same clause. Deaths from disease and totals over a
// period are not event counts.
//
// The package reads surface words only (no parse), so that it costs
// little beside the parser and reads lower-cased or unparsed text alike.
package counts

import (
	"github.com/annals/annals/event"
)

// Mention is a count the text states. Part marks a part or subset of a
// count before it in the sentence ("killed three, including a
// 92-year-old woman", "eleven women and nine men"): an event's range
// does not take it.
type Mention struct {
	event.Count
	Part bool
}

// Find returns the counts that sentence text states, in text order. off
// is the byte offset of text in its document: the counts' Start and End
// are offsets in the document.
func Find(text string, off int) []Mention {
	ws := split(text)
	// The sentence-wide tests run once, when the first count needs them:
	// most sentences have none.
	checked, illness, totals, protest := false, false, false, false
	var out []Mention
	var last event.CountKind // kind of the sentence's latest count ("including" takes it)
	for i := 0; i < len(ws); i++ {
		q, ok := quantityAt(ws, i)
		if !ok {
			continue
		}
		// A noun the lists lack counts the dead and the hurt only ("a cook
		// was stabbed to death", not "a memorial was held").
		kind, part, phraseEnd := kindOf(ws, &q, last)
		if kind != "" && conditional(ws, q.first) {
			kind = "" // "if the two are killed": it did not happen
		}
		if kind != "" && !checked {
			illness, totals = excluded(ws)
			protest, checked = protestContext(ws), true
		}
		if kind == "" || ((illness || totals) && (kind == event.Killed || kind == event.Injured)) || (kind == event.Crowd && !protest) || (q.unknown && kind != event.Killed && kind != event.Injured) {
			i = q.last
			continue
		}
		start, end := ws[q.first].start, ws[q.last].end
		out = append(out, Mention{Count: event.Count{Kind: kind, Low: q.Low, High: q.High, Precision: q.Precision,
			Text: text[start:end], Start: off + start, End: off + end}, Part: part})
		last = kind
		i = max(q.last, phraseEnd) // "of Brazil's 700,000 bank workers", "in 38 countries" count no more people
	}
	return out
}

// quantityAt reads a quantity that starts at word i and may count people:
// a number, or an article with a person noun ("a man", "another person",
// "a 65-year-old woman").
func quantityAt(ws []word, i int) (Quantity, bool) {
	if i < 0 || i >= len(ws) {
		return Quantity{}, false
	}
	if w := ws[i].low; !isDigit(w[0]) && !starts[w] {
		return Quantity{}, false // most words: no quantity starts there
	}
	if i > 0 && notBefore[ws[i-1].low] {
		return Quantity{}, false
	}
	w := ws[i].low
	// "million-man march", "thousand-strong crowd"
	if s, ok := scales[w]; ok && hyphenAt(ws, i+1) && compoundNoun(at(ws, i+2)) {
		return Quantity{Low: s, High: s, Precision: event.About, first: i, last: i}, true
	}
	if age(ws, i) {
		return Quantity{}, false // "18-year-old"
	}
	if hyphenAt(ws, i-1) && at(ws, i-2) == "no" {
		return Quantity{}, false // "no-one"
	}
	if q, ok := read(ws, i); ok {
		if at(ws, q.last+1) == "of" {
			if _, ok := readNumber(ws, q.last+2); ok {
				return Quantity{}, false // "one of 12 leaders" counts 12
			}
		}
		if w == "both" && !isPerson(wordAt(ws, i+1)) && !skips[at(ws, i+1)] && phraseAt(ws, i+1) == nil {
			return Quantity{}, false // ", both from Keighley,"
		}
		if at(ws, i-1) == "," && at(ws, q.last+1) == "," && i >= 2 && ws[i-2].upper && q.first == q.last {
			return Quantity{}, false // "Gray, 26, who won": an age
		}
		if name(ws, i) || year(ws, q) || months[at(ws, q.last+1)] || (i > 0 && months[ws[i-1].low]) {
			return Quantity{}, false
		}
		return q, true
	}
	if w == "a" || w == "an" || w == "another" {
		k := skipModifiers(ws, i+1)
		// "a black policeman", "an autorickshaw driver", "an 18-year-old
		// school student"
		for j, n := k, 0; j < len(ws) && n < 3; j, n = j+1, n+1 {
			if age(ws, j) {
				j += 4
				continue
			}
			if isPerson(ws[j]) && !plural(ws[j].low) {
				return Quantity{Low: 1, High: 1, Precision: event.Exact, first: i, last: j, noun: true}, true
			}
			if !plain(ws[j]) || plural(ws[j].low) || ws[j].upper {
				break
			}
		}
		// "a cook was stabbed to death", "another Malay", "Another later died"
		switch {
		case k < len(ws) && plain(ws[k]) && !plural(ws[k].low) && (singularAux[at(ws, k+1)] || harm(ws, k+1) || (ws[k].upper && w != "a" && w != "an")):
			return Quantity{Low: 1, High: 1, Precision: event.Exact, first: i, last: k, noun: true, unknown: !ws[k].upper}, true
		case w == "another" && k == i+1 && (skips[at(ws, k)] || at(ws, k) == "for" || harm(ws, k) || at(ws, k) == "."):
			return Quantity{Low: 1, High: 1, Precision: event.Exact, first: i, last: i, noun: true}, true
		}
	}
	return Quantity{}, false
}

// starts are the words a quantity may start with, besides digits.
var starts = func() map[string]bool {
	m := set("a an another both half several between")
	for _, b := range bounds {
		m[b.words[0]] = true
	}
	for _, table := range []map[string]int64{units, scales} {
		for w := range table {
			m[w] = true
		}
	}
	for w := range plurals {
		m[w] = true
	}
	return m
}()

// conditional reports whether the clause of the quantity at word i opens
// with "if", "unless" or "whether" within the eight words before it.
func conditional(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		switch ws[k].low {
		case "if", "unless", "whether":
			return true
		case ".", ";", ":":
			return false
		}
	}
	return false
}

// protestContext reports whether the sentence speaks of a protest: a
// crowd count needs one ("gathered", "attended by 3,300 people" and "drew
// 10 million viewers" count a protest's people only beside it).
func protestContext(ws []word) bool {
	for i, w := range ws {
		if protestWords[w.low] || w.low == "streets" && at(ws, i-1) == "the" && at(ws, i-2) == "to" {
			return true
		}
	}
	return false
}

// harm reports whether a predicate of harm or arrest starts at word i
// ("a cook stabbed to death"), not one of protest ("a mob gathered"
// states no magnitude).
func harm(ws []word, i int) bool {
	p := phraseAt(ws, i)
	return p != nil && p.kind != event.Crowd
}

func wordAt(ws []word, i int) word {
	if i < 0 || i >= len(ws) {
		return word{}
	}
	return ws[i]
}

func plural(w string) bool {
	switch w {
	case "people", "men", "women", "children", "police", "personnel", "staff", "crew", "others", "dead", "injured", "wounded", "accused", "deceased":
		return w != "accused" && w != "deceased"
	}
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// name reports whether the number word at i is part of a name ("the
// Guildford Four"): capitalised after a capitalised word inside the
// sentence.
func name(ws []word, i int) bool {
	return i > 0 && ws[i].upper && ws[i-1].upper && !isDigit(ws[i].low[0]) && ws[i-1].low != "a" && ws[i-1].low != "an" && !bounded(ws, i)
}

func bounded(ws []word, i int) bool {
	for _, b := range bounds {
		if n := len(b.words); i-n >= 0 && matchWords(ws, i-n, b.words) {
			return true
		}
	}
	return false
}

// year reports whether q is a year ("in 2013") rather than people: four
// plain digits from 1800 to 2100 with no person noun after them.
func year(ws []word, q Quantity) bool {
	w := ws[q.first].low
	if q.first != q.last || len(w) != 4 || q.Low < 1800 || q.Low > 2100 {
		return false
	}
	return !(q.last+1 < len(ws) && isPerson(ws[q.last+1]))
}

func compoundNoun(w string) bool {
	return w == "man" || w == "strong" || w == "person" || w == "member"
}

// skipModifiers returns the index of the first word from i that is no
// modifier of a counted noun: adjectives of a small list, a capitalised
// word ("Palestinian"), an age ("65-year-old").
func skipModifiers(ws []word, i int) int {
	for n := 0; n < 4 && i < len(ws); n++ {
		if age(ws, i) {
			i += 5
			continue
		}
		w := ws[i]
		if modifiers[w.low] || (w.upper && !isPerson(w) && i+1 < len(ws) && isPerson(ws[i+1])) {
			i++
			continue
		}
		break
	}
	return i
}

// age reports whether words from i read an age: "65-year-old",
// "eleven-month-old".
func age(ws []word, i int) bool {
	if !hyphenAt(ws, i+1) || !hyphenAt(ws, i+3) || at(ws, i+4) != "old" {
		return false
	}
	switch at(ws, i+2) {
	case "year", "month", "week", "day", "years", "months":
		return true
	}
	return false
}

// excluded reports whether the sentence speaks of illness, or of a total
// over a period ("per year", "since 2015", "each year"): its deaths and
// injuries are no event's.
func excluded(ws []word) (illness, totals bool) {
	for i, w := range ws {
		switch {
		case diseases[w.low], w.low == "heart" && at(ws, i+1) == "attack", w.low == "cardiac" && at(ws, i+1) == "arrest":
			illness = true
		case w.low == "per" || w.low == "annually":
			totals = true
		case (w.low == "each" || w.low == "every") && (at(ws, i+1) == "year" || at(ws, i+1) == "month"):
			totals = true
		case w.low == "since" && len(at(ws, i+1)) == 4 && isDigit(at(ws, i+1)[0]):
			totals = true
		case len(w.low) == 4 && isDigit(w.low[0]) && (at(ws, i+1) == "saw" || at(ws, i+1) == "recorded"):
			totals = true // "2018 saw 750 deaths"
		case (w.low == "over" || w.low == "in" || w.low == "during") && (at(ws, i+2) == "years" || at(ws, i+2) == "decades"):
			totals = true // "3,000 died over 30 years"
		case (w.low == "years" || w.low == "decades") && at(ws, i+1) != "ago" && (i > 0 && (units[ws[i-1].low] > 0 || isDigit(ws[i-1].low[0])) || i > 1 && ws[i-1].low == "more"):
			totals = true // "thirty more years", "3,000 died in 30 years"
		case w.low == "past" && (at(ws, i+2) == "years" || at(ws, i+2) == "decades" || at(ws, i+1) == "decade"):
			totals = true
		}
	}
	return illness, totals
}
