package counts

import (
	"strings"

	"github.com/annals/annals/event"
)

// predicateReach is how many words may stand between the counted people
// and their predicate ("were later confirmed to have been killed").
const predicateReach = 8

// kindOf returns the kind of the people that q counts, "" when the text
// states none, and the index of the last word of the counted phrase: from
// a compound ("million-man march"), a kind noun after the number ("56
// dead", "eight more bodies"), the predicate of the counted people
// ("were killed", "marched"), the verb or noun before them ("killed 56",
// "a crowd of 5,000", "the death toll rose to 31"), or, after
// "including" or in a list ("eleven women and nine men"), the kind of
// the sentence's count before (last). It may extend q over a compound's
// noun or a bound after the noun ("66 people or more"). part is set when
// the kind is the count's before.
func kindOf(ws []word, q *Quantity, last event.CountKind) (kind event.CountKind, part bool, end int) {
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
			return event.Crowd, false, k
		}
		return "", false, q.last
	}
	n := nounPhrase(ws, q)
	end = max(q.last, n.head)
	if n.head >= 0 {
		end = max(end, n.next-1) // "337 users in 38 countries": the place counts nobody
	}
	if n.head < 0 && !bare(ws, after) {
		// "a crowd of 5,000 faced the police"; but "killed 200 homes"
		kind, part = before(ws, q, last, true)
		return kind, part, end
	}
	if n.kind != "" && !n.of {
		return n.kind, false, end
	}
	if k := predicate(ws, n.next); k != "" {
		if n.unknown && k != event.Killed && k != event.Injured {
			return "", false, end // "one such meeting was held"
		}
		return k, false, end
	}
	if n.kind != "" {
		return n.kind, false, end
	}
	if n.head >= 0 && ws[n.head].low == "lives" {
		// "claimed 12 lives", "cost 12 lives"
		switch at(ws, q.first-1) {
		case "claimed", "claiming", "claim", "claims", "lost", "cost", "costing", "took", "taking":
			return event.Killed, false, end
		}
		return "", false, end
	}
	if nw := at(ws, n.next); nw != "" && !joints[nw] && !quotes[nw] && plain(wordAt(ws, n.next)) || skips[nw] {
		last = "" // the people have a predicate of their own ("35 were rescued", "15,000 left homeless")
	}
	if k, part := before(ws, q, last, false); k != "" {
		return k, part, end
	}
	if n.striking {
		return event.Crowd, false, end // "thousands of striking workers"
	}
	return "", false, end
}

// phraseNP is the noun phrase after a quantity.
type phraseNP struct {
	head     int             // index of the counted noun; -1 when none
	next     int             // index after the phrase (and a place or origin after it)
	kind     event.CountKind // of a kind noun ("56 dead", "eight more bodies")
	of       bool            // the noun follows "of" ("two of the injured")
	striking bool            // a protest participle modifies it ("striking workers")
	unknown  bool            // one of a noun the lists lack ("one such meeting"): it may count only the dead or hurt
}

// nounPhrase reads the phrase that q counts: "people", "of the
// protesters", "Armed Forces personnel", "members of the same family",
// "of Brazil's 700,000 bank workers".
func nounPhrase(ws []word, q *Quantity) phraseNP {
	after := q.last + 1
	n := phraseNP{head: -1, next: after}
	if q.noun {
		n.head = q.last
		n.next = skipPlace(ws, after)
		return n
	}
	k := after
	if at(ws, k) == "of" {
		n.of = true
		k++
		switch w := at(ws, k); {
		case w == "them" || w == "those" || w == "whom" || w == "us":
			n.head, n.next = k, k+1
			return n
		case w == "the" || w == "these" || w == "their" || w == "its" || w == "his" || w == "her" || w == "our" || strings.HasSuffix(w, "'s"):
			k++
		}
		if num, ok := readNumber(ws, k); ok {
			k = num.last + 1 // "32 of the 543 passengers"
		}
	}
	lastWord := -1
	modified := false
	for j, steps := k, 0; j < len(ws) && steps < 5; j, steps = j+1, steps+1 {
		w := ws[j]
		if age(ws, j) {
			j += 4
			continue
		}
		if kd, ok := kindNouns[w.low]; ok && (j == after || j == k && n.of || (lastWord >= 0 || modified) && !transitive[w.low]) {
			if kd == event.Killed && (w.low == "death" || w.low == "body") {
				break
			}
			if transitive[w.low] && object(ws, j+1) && !isPerson(wordAt(ws, j+1)) {
				break // "could both hurt their reputation": a verb, not a kind noun
			}
			n.head, n.kind = j, kd
			if n.of {
				n.kind = "" // "of the injured" counts people whose kind the predicate says
			}
			if j+1 < len(ws) && isPerson(ws[j+1]) {
				continue // "25 wounded people", "15 injured devotees"
			}
			break
		}
		if w.low == "lives" {
			n.head = j // "claimed 12 lives"
			break
		}
		if modifiers[w.low] && !isPerson(w) {
			modified = true
			continue
		}
		if isPerson(w) && !months[w.low] {
			if n.kind != "" && n.head == j-1 {
				n.of = false // the kind noun was an adjective: "25 wounded people"
			}
			n.head = j
			if j+1 < len(ws) && isPerson(ws[j+1]) {
				continue // "police officers"
			}
			break
		}
		if hyphenAt(ws, j) {
			continue // "sub-inspector"
		}
		if !plain(w) {
			break
		}
		lastWord = j
		if protestParticiples[w.low] {
			n.striking = true
		}
	}
	if n.head < 0 && lastWord >= 0 {
		// A noun the lists lack, read from what follows it: "80 kar sevaks
		// were arrested", "one Malay and", "a cook was stabbed to death".
		w := ws[lastWord]
		follows := lastWord+1 >= len(ws) || skips[at(ws, lastWord+1)] || phraseAt(ws, lastWord+1) != nil
		if (follows && (q.Low == 1 || plural(w.low))) || (w.upper && lastWord == k && !months[w.low]) {
			n.head = lastWord
			n.unknown = q.Low == 1 && !w.upper
		}
	}
	if n.head < 0 {
		n.striking = false
		return n
	}
	n.next = n.head + 1
	// "Sixty-six people or more"
	if matchWords(ws, n.next, []string{"or", "more"}) && q.Precision == event.Exact {
		q.Precision, q.last = event.AtLeast, n.next+1
		n.next += 2
	}
	n.next = skipPlace(ws, n.next)
	return n
}

// plain reports whether w may modify a counted noun: a word of letters
// that is no auxiliary, preposition, conjunction or predicate.
func plain(w word) bool {
	r := w.low[0]
	if !(r >= 'a' && r <= 'z') && r < 0x80 || units[w.low] > 0 || scales[w.low] > 0 {
		return false
	}
	return !skips[w.low] && !stops[w.low] && !joints[w.low] && verbsBefore[w.low] == "" && !isPredicateWord(w.low)
}

// skipPlace passes over a place or origin after the counted noun
// ("members of the same family", "nine men from West Yorkshire", "people
// in the car") up to the predicate; it returns i when no predicate follows
// within reach.
func skipPlace(ws []word, i int) int {
	switch at(ws, i) {
	case "of", "from", "in", "on", "inside", "aboard", "at":
	default:
		return i
	}
	for j := i + 1; j < len(ws) && j <= i+8; j++ {
		if skips[ws[j].low] || (phraseAt(ws, j) != nil && !determiners[at(ws, j-1)]) {
			return j
		}
		switch ws[j].low {
		case ",", ";", ".":
			return i
		case "and", "or":
			if j > i+1 {
				return j // "Nine men from West Yorkshire and another man"
			}
			return i
		}
	}
	return i
}

// bare reports whether the word at i may follow a quantity that counts
// people without a noun ("70 were injured", "killing four and",
// "Thousands marched").
func bare(ws []word, i int) bool {
	if i >= len(ws) {
		return true
	}
	w := ws[i].low
	if skips[w] || joints[w] || quotes[w] || phraseAt(ws, i) != nil || special(ws, i) != "" {
		return true
	}
	r := w[0]
	return !(r >= 'a' && r <= 'z') && !isDigit(r) && r < 0x80
}

// phraseAt returns the predicate phrase that starts at word i, or nil.
func phraseAt(ws []word, i int) *phrase {
	if i >= len(ws) || !isPredicateWord(ws[i].low) {
		return nil
	}
	for p := range predicates {
		if matchWords(ws, i, predicates[p].words) {
			return &predicates[p]
		}
	}
	return nil
}

// predicate returns the kind that the predicate after the counted people
// (starting at word i) states, "" when none does within reach. It passes
// over auxiliaries and hedges ("were reportedly"), quotation marks, an
// aside between commas (", both from Keighley,"), and another counted
// phrase joined by "and" ("Nine men and another man were arrested").
func predicate(ws []word, i int) event.CountKind {
	passive := false
	list := 0 // 1: a list goes on after a comma ("150 soldiers, 95 civilians"); 2: it closed with "and"
	for n := 0; n <= predicateReach && i < len(ws); n, i = n+1, i+1 {
		w := ws[i].low
		switch {
		case quotes[w]:
			n--
			continue
		case w == ",":
			if j := aside(ws, i); j > i {
				i = j
				continue
			}
			if at(ws, i+1) == "and" || at(ws, i+1) == "or" {
				continue // "X, Y, and Z"
			}
			if j := conjunct(ws, i+1); j > i+1 {
				i, n, list = j-1, n-1, max(list, 1)
				continue
			}
			return ""
		case w == "and" || w == "or":
			if j := conjunct(ws, i+1); j > i+1 {
				i, list = j-1, 2
				continue
			}
			return ""
		case stops[w]:
			return ""
		}
		if list == 1 {
			return "" // a comma, then no "and": no list of the people ("arrested 12 protesters, 3 journalists were hurt")
		}
		if k := special(ws, i); k != "" {
			return k
		}
		if p := phraseAt(ws, i); p != nil {
			end := i + len(p.words)
			switch {
			case (w == "picked" || w == "rounded") && !passive:
				return "" // "picked up two awards"
			case w == "held" || w == "holding":
				if at(ws, end) == "in" && jailWords[at(ws, end+1)] || at(ws, end) == "in" && at(ws, end+1) == "police" || matchWords(ws, end, []string{"by", "police"}) {
					return event.Arrested // "were held by police", "two held in custody"
				}
				if passive {
					return event.Arrested // "four were held in connection with the arson"
				}
			case p.kind != event.Crowd && !passive && transitive[w] && object(ws, end):
				return "" // "an armed man killed one person": the people are the agent
			case (at(ws, end) == "or" || at(ws, end) == "and") && p.kind != event.Crowd && isKindWord(at(ws, end+1)):
				return "" // "killed or injured": two kinds at once
			}
			if p.object && !protestAhead(ws, end) {
				return ""
			}
			if p.kind == event.Crowd && !p.object {
				switch nw := at(ws, end); {
				case possessives[nw] && !protestAhead(ws, end):
					return "" // "demonstrated their latest products", "protested their innocence"
				case protestNouns[w] && len(p.words) == 1 && end < len(ws) && plain(ws[end]) && plural(nw):
					return "" // "several protest groups": a noun
				}
			}
			return p.kind
		}
		if !skips[w] {
			return ""
		}
		switch w {
		case "were", "was", "been", "being", "are", "is", "be":
			passive = true
		}
	}
	return ""
}

// special reads the predicates that take an object or a place: "taken
// to a nearby hospital", "suffered slight injuries", "with minor
// injuries", "sent to jail", "among the dead", "involved in the
// stoppage".
func special(ws []word, i int) event.CountKind {
	w := ws[i].low
	within := func(n int, set map[string]bool) bool {
		for k := i + 1; k <= i+n && k < len(ws); k++ {
			if set[ws[k].low] {
				return true
			}
			if ws[k].low == "," || ws[k].low == "." {
				return false
			}
		}
		return false
	}
	switch w {
	case "taken", "rushed", "admitted", "airlifted", "flown", "sent", "shifted", "brought", "removed", "lodged":
		if within(4, hospitalWords) {
			return event.Injured
		}
		if within(4, jailWords) {
			return event.Arrested
		}
	case "suffered", "sustained", "received", "with", "suffering", "sustaining":
		if within(3, injuryWords) {
			return event.Injured
		}
	case "among":
		switch at(ws, i+1) {
		case "the", "those":
			if k, ok := kindNouns[at(ws, i+2)]; ok && at(ws, i+2) != "deaths" {
				return k
			}
		}
	case "involved":
		if protestAhead(ws, i+1) {
			return event.Crowd
		}
	case "on":
		if at(ws, i+1) == "remand" || matchWords(ws, i+1, []string{"police", "remand"}) {
			return event.Arrested
		}
	}
	return ""
}

// object reports whether what starts at word i is the object of an
// active verb: a number, a determiner, a person.
func object(ws []word, i int) bool {
	if i >= len(ws) {
		return false
	}
	if _, ok := read(ws, i); ok {
		return true
	}
	switch ws[i].low {
	case "a", "an", "the", "his", "her", "their", "its", "our", "him", "them", "one", "another", "several":
		return true
	}
	return isPerson(ws[i]) || (ws[i].upper && !months[ws[i].low])
}

// aside returns the index of the comma that closes an aside opened by the
// comma at i (", both from Keighley,", ", according to the fire
// service,", ", including four children,"), or i when none.
func aside(ws []word, i int) int {
	if !asideStarts[at(ws, i+1)] {
		return i
	}
	for j := i + 2; j < len(ws) && j <= i+12; j++ {
		switch ws[j].low {
		case ",":
			return j
		case ".", ";":
			return i
		}
	}
	return i
}

// conjunct returns the index after a counted phrase joined at i ("and
// another man from Leicester", "and 12 women"), or i when none starts
// there.
func conjunct(ws []word, i int) int {
	q, ok := quantityAt(ws, i)
	if !ok {
		if k := skipModifiers(ws, i); k < len(ws) && isPerson(ws[k]) {
			return skipPlace(ws, k+1) // "passengers and crew were"
		}
		return i
	}
	n := nounPhrase(ws, &q)
	if n.head < 0 && !bare(ws, q.last+1) {
		return i
	}
	return max(n.next, q.last+1)
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
// of 12"), a death toll ("the death toll rose to 31"), or the kind of the
// sentence's count before (last) after "including" or in a list ("eleven
// women and nine men"). With nouns set only the nouns and the toll hold:
// the word after the quantity may be a noun of things ("killed 200
// homes").
func before(ws []word, q *Quantity, last event.CountKind, nouns bool) (event.CountKind, bool) {
	b := q.first - 1
	if matchWords(ws, b-2, []string{"a", "total", "of"}) {
		b -= 3
	}
	switch at(ws, b) {
	case "another", "all", "the", "a", "an", "other":
		b--
	}
	w := at(ws, b)
	if k, ok := verbsBefore[w]; ok && !nouns {
		return k, false
	}
	if nouns && w != "of" && w != "by" {
		w = "" // only "of", "by" and the toll below
	}
	switch w {
	case "including", "includes", "include", "and", ",", "or", "plus":
		return last, last != ""
	case "up", "custody":
		if p := at(ws, b-1); (p == "rounded" || p == "picked") && isPerson(wordAt(ws, skipModifiers(ws, q.last+1))) {
			return event.Arrested, false
		}
	case "by":
		switch p := at(ws, b-1); {
		case p == "attended" || p == "joined":
			return event.Crowd, false
		case protestNouns[p]:
			return event.Crowd, false // "a hunger strike by 1,300 miners"
		}
	case "of":
		p := at(ws, b-1)
		if (p == "that" || p == "those") && at(ws, b-2) == "including" {
			return last, last != "" // "including that of three children"
		}
		if crowdNouns[p] || protestNouns[p] {
			if nouns && strings.HasSuffix(at(ws, q.last+1), "s") {
				return "", false // "a march of ten motorcycles"
			}
			return event.Crowd, false
		}
		if k, ok := ofBefore[p]; ok {
			if k == event.Killed && (p == "death" || p == "deaths") && at(ws, b-2) != "the" {
				return "", false
			}
			return k, false
		}
	case "are", "were", "included", "stood", "stands", "reached", "at":
		// "the confirmed deaths are fourteen civilians"; but "the Grateful
		// Dead", and "X was 78" is an age
		if k, ok := kindNouns[at(ws, b-1)]; ok && !nouns && !wordAt(ws, b-1).upper {
			return k, false
		}
	}
	// "put the number of strikers closer to 18,000"
	for k, n := b, 0; k >= 2 && n < 4; k, n = k-1, n+1 {
		if ws[k-2].low == "number" && ws[k-1].low == "of" && crowdPeople[ws[k].low] {
			return event.Crowd, false
		}
	}
	if nouns && !tollPrepositions[at(ws, b)] {
		return "", false // "the toll in the last two days": days are no people
	}
	// "the death toll has risen to 31", "the toll in the last two days'
	// violence has gone up to 3"
	for k, n := b, 0; k >= 0 && n < 14; k, n = k-1, n+1 {
		switch ws[k].low {
		case "toll":
			return event.Killed, false
		case ",", ";", ".", ":":
			return "", false
		}
	}
	return "", false
}
