package counts

import "github.com/annals/annals/event"

// predicateReach is how many words may stand between the counted people
// and their predicate ("were later confirmed to have been killed").
const predicateReach = 6

// kindOf returns the kind of the people that q counts, "" when the text
// states none: from a compound ("million-man march"), a kind noun after
// the number ("56 dead"), the predicate of the counted people ("were
// killed", "marched"), the verb or noun before them ("killed 56",
// "a crowd of 5,000", "the death toll rose to 31"), or, after
// "including", the kind of the sentence's count before (last). It may
// extend q over a compound's noun.
func kindOf(ws []word, q *Quantity, last event.CountKind) event.CountKind {
	after := q.last + 1
	// "million-man march", "a 700-strong mob"
	if hyphenAt(ws, after) && compoundNoun(at(ws, after+1)) {
		if k := skipModifiers(ws, after+2); k < len(ws) && (crowdNouns[ws[k].low] || protestNouns[ws[k].low]) {
			q.last = after + 1
			if w := ws[q.first].low; w == "a" || w == "an" {
				q.first++ // the article is not part of "million-man"
			}
			if q.Precision == event.Exact && ws[q.first].low == "million" {
				q.Precision = event.About
			}
			return event.Crowd
		}
		return ""
	}
	if q.noun {
		if k := predicate(ws, after); k != "" {
			return k
		}
		return before(ws, q, last, false)
	}
	// "56 dead", "six deaths", "200 injured"
	if k, ok := kindNouns[at(ws, after)]; ok {
		if k == event.Killed && (at(ws, after) == "death" || at(ws, after) == "body") {
			return ""
		}
		if p := predicate(ws, after); p != "" && p != k && at(ws, after) != "dead" {
			return p // "Two of the injured later died" is read below; "12 arrested were injured" is rare
		}
		return k
	}
	head, next := countedNoun(ws, after)
	if head < 0 && !bare(ws, after) {
		// "a crowd of 5,000 faced the police"; but "killed 200 homes"
		return before(ws, q, last, true)
	}
	if k := predicate(ws, next); k != "" {
		return k
	}
	if head >= 0 {
		// "claimed 12 lives", "12 lives were lost"
		if ws[head].low == "lives" {
			return ""
		}
	}
	return before(ws, q, last, false)
}

// countedNoun finds the noun that the quantity ending before i counts
// ("people", "of the protesters", "police officers", "members of the
// same family") and returns its index and the index after its phrase;
// head is -1 when none follows.
func countedNoun(ws []word, i int) (head, next int) {
	k := i
	if at(ws, k) == "of" {
		k++
		switch at(ws, k) {
		case "them", "those", "whom":
			return k, k + 1
		case "the", "these", "their":
			k++
		}
	}
	k = skipModifiers(ws, k)
	if k >= len(ws) {
		return -1, i
	}
	if ws[k].low == "lives" {
		return k, k + 1
	}
	if !isPerson(ws[k]) {
		return -1, i
	}
	head, next = k, k+1
	// "members of the same family", "people in the car"
	switch at(ws, next) {
	case "of", "from", "in", "on", "inside", "aboard":
		for j := next + 1; j < len(ws) && j <= next+5; j++ {
			if skips[ws[j].low] || phraseAt(ws, j) != nil || ws[j].low == "," {
				if j > next+1 {
					return head, j
				}
				break
			}
		}
	}
	return head, next
}

// bare reports whether the word at i may follow a quantity that counts
// people without a noun ("70 were injured", "killing four and",
// "Thousands marched").
func bare(ws []word, i int) bool {
	if i >= len(ws) {
		return true
	}
	w := ws[i].low
	if skips[w] || phraseAt(ws, i) != nil {
		return true
	}
	switch w {
	case "and", "or", "in", "at", "on", "near", "during", "after", "across", "from", "including", "while", "when",
		"as", "by", "with", "following", "for", "but", "so", "others", "more":
		return true
	}
	r := w[0]
	return !(r >= 'a' && r <= 'z') && !isDigit(r)
}

// phraseAt returns the predicate phrase that starts at word i, or nil.
func phraseAt(ws []word, i int) *phrase {
	for p := range predicates {
		if matchWords(ws, i, predicates[p].words) {
			return &predicates[p]
		}
	}
	return nil
}

// predicate returns the kind that the predicate after the counted people
// (starting at word i) states, "" when none does within reach.
func predicate(ws []word, i int) event.CountKind {
	passive := false
	for n := 0; n <= predicateReach && i < len(ws); n, i = n+1, i+1 {
		w := ws[i].low
		if stops[w] {
			return ""
		}
		if p := phraseAt(ws, i); p != nil {
			switch {
			case w == "held" || w == "holding":
				if passive {
					return event.Arrested // "were held by police"
				}
			case w == "dead" && at(ws, i-1) == "left":
				return event.Killed
			}
			if p.object && !protestAhead(ws, i+len(p.words)) {
				return ""
			}
			return p.kind
		}
		if !skips[w] {
			return ""
		}
		if w == "were" || w == "was" || w == "been" || w == "being" || w == "are" || w == "is" {
			passive = true
		}
	}
	return ""
}

// protestAhead reports whether a protest noun follows within four words
// of i ("staged a sit-in", "joined the protest march").
func protestAhead(ws []word, i int) bool {
	for n := 0; n < 4 && i+n < len(ws); n++ {
		if protestNouns[ws[i+n].low] {
			return true
		}
		if hyphenAt(ws, i+n+1) && protestNouns[ws[i+n].low+"-"+at(ws, i+n+2)] {
			return true
		}
	}
	return false
}

// before returns the kind that the words before the quantity state: a
// verb whose object it is ("killed 56 people", "police arrested
// twelve"), a noun whose "of" it follows ("a crowd of 5,000", "the arrest
// of 12"), a death toll ("the death toll rose to 31"), or "including"
// after a count of the sentence (last). With nouns set only the nouns and
// the toll hold: the word after the quantity may be a noun of things
// ("killed 200 homes").
func before(ws []word, q *Quantity, last event.CountKind, nouns bool) event.CountKind {
	b := q.first - 1
	if matchWords(ws, b-2, []string{"a", "total", "of"}) {
		b -= 3
	}
	switch at(ws, b) {
	case "another", "all", "the", "a", "an":
		b--
	}
	w := at(ws, b)
	if k, ok := verbsBefore[w]; ok && !nouns {
		return k
	}
	if nouns && w != "of" {
		w = "" // only "of" and the toll below
	}
	switch w {
	case "including", "includes", "include":
		return last
	case "up", "custody":
		if p := at(ws, b-1); p == "rounded" || p == "picked" {
			return event.Arrested
		}
	case "by":
		switch at(ws, b-1) {
		case "attended", "joined":
			return event.Crowd
		}
	case "of":
		p := at(ws, b-1)
		if crowdNouns[p] || protestNouns[p] {
			return event.Crowd
		}
		if k, ok := ofBefore[p]; ok {
			if k == event.Killed && (p == "death" || p == "deaths") && at(ws, b-2) != "the" {
				return ""
			}
			return k
		}
	}
	// "the death toll has risen to 31", "toll from fourteen to 31"
	for k, n := b, 0; k >= 0 && n < 7; k, n = k-1, n+1 {
		if ws[k].low == "toll" {
			return event.Killed
		}
		if !tollWords[ws[k].low] && !isDigit(ws[k].low[0]) && units[ws[k].low] == 0 {
			break
		}
	}
	return ""
}
