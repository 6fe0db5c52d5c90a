package quote

import (
	"strings"
	"unicode"

	"github.com/annals/annals/event"
)

// npWord reports whether token i of sentence s can belong to a speaker's
// noun phrase. Tags decide when present; otherwise the form does.
func (d *doc) npWord(s, i int) bool {
	t := &d.sents[s].Tokens[i]
	w := d.lower(s, i)
	if t.Text == "'s" || t.Text == "’s" || t.Text == "-" {
		return true
	}
	if !isWord(t.Text) || nonNP[w] || speechVerbs[w] && !capitalized(t.Text) && t.UPOS != "NOUN" || prepositions[w] || auxWords[w] {
		return false
	}
	if _, ok := pronounGender[w]; ok {
		return false
	}
	switch t.UPOS {
	case "":
		return true
	case "PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "X":
		return true
	}
	return false
}

// pronoun reports whether token i of sentence s is a speaker pronoun.
func (d *doc) pronoun(s, i int) bool {
	_, ok := pronounGender[d.lower(s, i)]
	return ok
}

// untaggedVerb guesses, in an untagged sentence, that token i ends a noun
// phrase rather than continuing it: a lower-case past form after a
// lower-case noun ("the senator spoke"), unless a name follows.
func (d *doc) untaggedVerb(s, i int) bool {
	ts := d.sents[s].Tokens
	if ts[i].UPOS != "" || i == 0 || capitalized(ts[i].Text) {
		return false
	}
	p := ts[i-1].Text
	if capitalized(p) || determiners[d.lower(s, i-1)] || possessives[d.lower(s, i-1)] || !isWord(p) {
		return false
	}
	w := d.lower(s, i)
	if !strings.HasSuffix(w, "ed") && !pastForms[w] {
		return false
	}
	return i+1 >= len(ts) || !capitalized(ts[i+1].Text)
}

// pastForms are irregular past tenses that follow a subject.
var pastForms = set(`spoke went came made took gave met left won lost held led fought fled ran sent
set kept brought began broke chose drove fell felt found got grew heard hit knew meant paid put
rose saw sat sold stood struck swore threw understood wore`)

// npLeft returns the noun phrase that ends at token end of sentence s,
// after skipping auxiliaries, adverbs and time phrases ("Smith on Monday
// also said").
func (d *doc) npLeft(s, end int) (Mention, bool) {
	ts := d.sents[s].Tokens
	j := d.skipLeft(s, end)
	if j < 0 {
		return Mention{}, false
	}
	if d.pronoun(s, j) {
		return d.mention(s, j, j), true
	}
	// "Smith, a spokesman for the group, said" and "Smith, who ..., said":
	// the speaker is before the inserted phrase
	if ts[j].Text == "," {
		for k := j - 1; k >= 0 && k >= j-16; k-- {
			if ts[k].Text != "," || k+1 >= j {
				continue
			}
			if w := d.lower(s, k+1); w == "who" || w == "which" || determiners[w] || !capitalized(ts[k+1].Text) && d.npWord(s, k+1) {
				if m, ok := d.npLeft(s, k-1); ok {
					return m, true
				}
			}
			break
		}
		return Mention{}, false
	}
	if !d.npWord(s, j) {
		return Mention{}, false
	}
	i := j
	for i > 0 && d.npWord(s, i-1) && !d.quoted[d.off[s]+i-1] {
		i--
	}
	if i > 0 && possessives[d.lower(s, i-1)] {
		i-- // "his aides"
	}
	for i < j && (ts[i].Text == "'s" || ts[i].Text == "’s") {
		i++ // the owner was no noun phrase word: "the state’s" with "state" a verb
	}
	return d.mention(s, i, j), true
}

// skipLeft steps back from token j over auxiliaries, adverbs, negations
// and time phrases; it returns the first token that is none of them.
func (d *doc) skipLeft(s, j int) int {
	ts := d.sents[s].Tokens
	for j >= 0 {
		w := d.lower(s, j)
		switch {
		case auxWords[w] || negWords[w] || ts[j].UPOS == "ADV" || ts[j].UPOS == "AUX":
			j--
		case timeWords[w] || strings.HasSuffix(w, "day") && capitalized(ts[j].Text):
			j--
			for j >= 0 && (prepositions[d.lower(s, j)] || timeOpeners[d.lower(s, j)] || determiners[d.lower(s, j)]) {
				j--
			}
		default:
			return j
		}
	}
	return j
}

// npRight returns the noun phrase starting at token i of sentence s ("said
// the cleric", "according to Iraqi officials").
func (d *doc) npRight(s, i int) (Mention, bool) {
	ts := d.sents[s].Tokens
	for i < len(ts) && (timeWords[d.lower(s, i)] || d.lower(s, i) == "on" && i+1 < len(ts) && timeWords[d.lower(s, i+1)]) {
		i++
	}
	if i >= len(ts) {
		return Mention{}, false
	}
	if d.pronoun(s, i) && !(possessives[d.lower(s, i)] && i+1 < len(ts) && d.npWord(s, i+1)) {
		return d.mention(s, i, i), true
	}
	j := i
	if !possessives[d.lower(s, i)] {
		j = i - 1
	}
	for j+1 < len(ts) && d.npWord(s, j+1) && !d.quoted[d.off[s]+j+1] && (j+1 == i || !d.untaggedVerb(s, j+1)) {
		j++
	}
	// "the head of the movement": take the first "of" phrase too
	if j >= i && j+2 < len(ts) && d.lower(s, j+1) == "of" && d.npWord(s, j+2) {
		j += 2
		for j+1 < len(ts) && d.npWord(s, j+1) {
			j++
		}
	}
	if j < i {
		return Mention{}, false
	}
	return d.mention(s, i, j), true
}

// subject returns the speaker of the speech verb at token v: its nsubj in
// a parsed sentence, else the noun phrase before it.
func (d *doc) subject(s, v int) (Mention, bool) {
	if d.parsed[s] {
		if m, ok := d.parsedSubject(s, v); ok {
			if m, ok := d.speakerPhrase(m); ok {
				return m, true
			}
		}
	}
	ts := d.sents[s].Tokens
	j := d.skipLeft(s, v-1)
	if j >= 1 && relative[d.lower(s, j)] {
		// "voters who said", "Smith, who said": the speaker is "who",
		// resolved to what it stands for
		if _, ok := d.antecedentOf(s, j); ok {
			return d.mention(s, j, j), true
		}
		return Mention{}, false
	}
	if j >= 1 && ts[j].Text == "," && strings.HasSuffix(d.lower(s, v), "ing") {
		// "Trump wrote on Monday, saying ...": the clause's subject
		return d.clauseSubject(s, j)
	}
	if m, ok := d.npLeft(s, v-1); ok {
		return d.speakerPhrase(m)
	}
	return Mention{}, false
}

// speakerPhrase returns the whole phrase that speaks when m, a verb's
// subject, is only part of it, and whether it can speak: a quantity
// takes what it counts (d.quantity); the object of a preposition is no
// speaker unless a noun phrase before the preposition holds it ("a source
// familiar with the investigation", "Executives for Mondelez"), which is
// then the speaker; otherwise it is an adverbial ("In a statement released
// Thursday, Rep. Smith said", "while on the campaign trail").
func (d *doc) speakerPhrase(m Mention) (Mention, bool) {
	m = d.quantity(m)
	if !d.plausible(m) {
		return Mention{}, false // "Sunday" stays no speaker in "Trump on Sunday said"
	}
	s, p := m.Sentence, m.First-1
	if p >= 0 && objectPrepositions[d.lower(s, p)] {
		if p == 0 || !isWord(d.sents[s].Tokens[p-1].Text) || !d.npWord(s, p-1) || d.quoted[d.off[s]+p-1] {
			return Mention{}, false
		}
		head, ok := d.npLeft(s, p-1)
		if !ok || head.Last != p-1 {
			return Mention{}, false
		}
		m = d.mention(s, head.First, m.Last)
	}
	return m, d.plausible(m)
}

// antecedentOf returns the noun phrase that the relative pronoun at token
// j of sentence s stands for: the head of its relative clause in a parsed
// sentence, else the noun phrase before it ("Smith, who").
func (d *doc) antecedentOf(s, j int) (Mention, bool) {
	ts := d.sents[s].Tokens
	if d.parsed[s] {
		if v := ts[j].Head - 1; v >= 0 && ts[v].Rel == "acl:relcl" && ts[v].Head > 0 {
			return d.phrase(s, ts[v].Head-1), true
		}
	}
	if j >= 1 && ts[j-1].Text == "," {
		j--
	}
	return d.npLeft(s, j-1)
}

// possessives open a noun phrase ("his aides").
var possessives = set(`his her its their our my your`)

// clauseSubject returns the subject of sentence s's main clause, before
// token end: the root's subject in a parsed sentence, else the first noun
// phrase after any opening adverbials.
func (d *doc) clauseSubject(s, end int) (Mention, bool) {
	ts := d.sents[s].Tokens
	if d.parsed[s] {
		for i := 0; i < end; i++ {
			if ts[i].Head == 0 {
				if m, ok := d.parsedSubject(s, i); ok && m.Last < end && d.plausible(m) {
					return m, true
				}
				break
			}
		}
	}
	for i := 0; i < end; i++ {
		if m, ok := d.npRight(s, i); ok && m.Last < end && d.plausible(m) {
			return m, true
		}
		if !auxWords[d.lower(s, i)] && !prepositions[d.lower(s, i)] && ts[i].Text != "," {
			break
		}
	}
	return Mention{}, false
}

// timeUnits head time phrases, which are no speakers.
var timeUnits = set(`years year days day weeks week months month hours hour minutes minute decades later ago`)

// relative pronouns open a clause about the noun before them.
var relative = set(`who which that`)

// plausible reports whether m can be a speaker: not a day or a dateline
// ("WASHINGTON —").
func (d *doc) plausible(m Mention) bool {
	if m.First == m.Last && timeWords[d.lower(m.Sentence, m.First)] {
		return false
	}
	if m.First == m.Last && relative[d.lower(m.Sentence, m.First)] {
		_, ok := d.antecedentOf(m.Sentence, m.First)
		return ok // "Smith, who said": "who" stands for Smith
	}
	if relative[d.lower(m.Sentence, m.First)] || timeUnits[d.lower(m.Sentence, m.Last)] {
		return false // "three years later said"
	}
	content := false
	for i := m.First; i <= m.Last; i++ {
		switch d.sents[m.Sentence].Tokens[i].UPOS {
		case "", "NOUN", "PROPN", "PRON", "NUM", "X":
			content = true
		}
	}
	if !content {
		return false // a lone determiner or adjective
	}
	for i := m.First; i <= m.Last; i++ {
		if gluedWords(d.sents[m.Sentence].Tokens[i].Text) {
			return false // page debris: "CarterFlagShareLikeReplySara"
		}
	}
	return m.Last >= d.dateline(m.Sentence)
}

// objectPrepositions make the noun phrase after them their object, which
// does not speak: "in response", "on the campaign trail", "at a rally".
// ("according to X" and "with X saying" name a speaker; "of" is left to
// quantities.)
var objectPrepositions = set(`in on at for from into during over under against through via among without amid upon`)

// quantity widens a speaker that is a bare quantity to the phrase that
// says of whom it counts, as annotators mark it: "half" in "At least
// half of voters say" → "At least half of voters"; "Six" in "Six in 10
// voters say" → "Six in 10 voters"; "voters" in "75 percent of voters
// say" → "75 percent of voters".
func (d *doc) quantity(m Mention) Mention {
	s, i, j := m.Sentence, m.First, m.Last
	ts := d.sents[s].Tokens
	if i >= 2 && d.lower(s, i-1) == "of" && d.quantityWord(s, i-2) {
		i -= 2
		for i > 0 && d.npWord(s, i-1) && !d.quoted[d.off[s]+i-1] {
			i--
		}
	}
	// "10" in "six in 10", "four out of 10"
	if d.number(s, i) && i >= 2 && (d.lower(s, i-1) == "in" || d.lower(s, i-1) == "of") {
		k := i - 2
		if d.lower(s, i-1) == "of" && k >= 1 && d.lower(s, k) == "out" {
			k--
		}
		if d.number(s, k) {
			i = k
		}
	}
	// "Six" in "Six in 10 voters", "four out of 10 voters"
	if d.quantityWord(s, j) {
		k := j + 1
		if k+1 < len(ts) && d.lower(s, k) == "out" && d.lower(s, k+1) == "of" {
			k++
		}
		if k+1 < len(ts) && (d.lower(s, k) == "in" || d.lower(s, k) == "of") && d.number(s, k+1) {
			j = k + 1
			for j+1 < len(ts) && d.npWord(s, j+1) && !d.untaggedVerb(s, j+1) {
				j++
			}
		}
	}
	if i == m.First && j == m.Last && !d.quantityWord(s, i) {
		return m
	}
	// "about half", "At least half"
	for i > 0 && quantityOpeners[d.lower(s, i-1)] {
		i--
	}
	if i > 0 && d.lower(s, i) == "least" && d.lower(s, i-1) == "at" {
		i--
	}
	return d.mention(s, i, j)
}

// quantityWord reports whether token i of sentence s is a count or a
// share: a number, "percent", "half", "two-thirds", "majority".
func (d *doc) quantityWord(s, i int) bool {
	return d.number(s, i) || shareWords[d.lower(s, i)] || strings.HasSuffix(d.lower(s, i), "-thirds") || strings.HasSuffix(d.lower(s, i), "-quarters")
}

// number reports whether token i of sentence s is a number, in digits or
// words.
func (d *doc) number(s, i int) bool {
	w := d.lower(s, i)
	return d.sents[s].Tokens[i].UPOS == "NUM" || numberWords[w] || w != "" && w[0] >= '0' && w[0] <= '9'
}

var (
	shareWords      = set(`percent % half third thirds quarter quarters majority minority plurality share fraction most`)
	numberWords     = set(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred`)
	quantityOpeners = set(`about nearly almost roughly some only just fully over least`)
)

// gluedWords reports whether t is several words run together, as web
// page buttons copied with an article are ("CarterFlagShareLikeReply"):
// a lower-case letter followed by a capital twice or more. Names have at
// most one such joint ("McDonald", "DeSantis").
func gluedWords(t string) bool {
	joints := 0
	prevLower := false
	for _, r := range t {
		if prevLower && unicode.IsUpper(r) {
			joints++
		}
		prevLower = unicode.IsLower(r)
	}
	return joints >= 2
}

// dateline returns the index of the dash that ends a dateline opening
// sentence s ("LOUISVILLE, Ky. (AP) —"), or -1.
func (d *doc) dateline(s int) int {
	ts := d.sents[s].Tokens
	if len(ts) == 0 || len(ts[0].Text) < 3 || strings.ToUpper(ts[0].Text) != ts[0].Text || !isWord(ts[0].Text) {
		return -1
	}
	for i := 1; i < len(ts) && i < 10; i++ {
		switch ts[i].Text {
		case "—", "–", "-", "--":
			return i
		}
	}
	return -1
}

// parsedSubject reads the subject of token v from the dependency tree,
// going up from a conjoined verb, a participle or a relative clause to
// the verb or noun that has it.
func (d *doc) parsedSubject(s, v int) (Mention, bool) {
	ts := d.sents[s].Tokens
	for hops := 0; hops < 3; hops++ {
		// Of several subjects the nearest is the verb's: in "The museum,
		// Mr. Bush said, celebrated ..." the parser hangs the fronted
		// content's subject from "said" too.
		subj := -1
		for i := range ts {
			if ts[i].Head == v+1 && (ts[i].Rel == "nsubj" || ts[i].Rel == "nsubj:pass") && (subj < 0 || abs(i-v) < abs(subj-v)) {
				subj = i
			}
		}
		if i := subj; i >= 0 {
			if relative[d.lower(s, i)] {
				if j := d.skipLeft(s, v-1); j != i {
					// "the halls which he said": the relative
					// pronoun is the object; the speaker is next
					// to the verb
					return d.npLeft(s, v-1)
				}
				if ts[v].Rel == "acl:relcl" && ts[v].Head > 0 {
					return d.mention(s, i, i), true // resolved to what it stands for
				}
			}
			return d.phrase(s, i), true
		}
		switch ts[v].Rel {
		case "conj", "advcl", "xcomp":
		case "acl":
			// "Roe issued a statement saying ...": the participle
			// hangs from the object, whose verb's subject speaks
			if n := ts[v].Head - 1; strings.HasSuffix(d.lower(s, v), "ing") && n >= 0 && ts[n].Rel == "obj" && ts[n].Head > 0 {
				v = n
				break
			}
			return Mention{}, false
		default:
			return Mention{}, false
		}
		if ts[v].Head <= 0 {
			break
		}
		v = ts[v].Head - 1
	}
	return Mention{}, false
}

// phrase returns the noun phrase headed by token h: h and the contiguous
// name, determiner, modifier and possessive tokens around it.
func (d *doc) phrase(s, h int) Mention {
	ts := d.sents[s].Tokens
	if d.pronoun(s, h) {
		return d.mention(s, h, h)
	}
	i, j := h, h
	for i > 0 && isChainedTo(ts, i-1, h) && d.npWord(s, i-1) {
		i--
	}
	for j+1 < len(ts) && isChainedTo(ts, j+1, h) && d.npWord(s, j+1) {
		j++
	}
	return d.mention(s, i, j)
}

// isChainedTo reports whether token i depends on token h, directly or
// through a few heads.
func isChainedTo(ts []event.Token, i, h int) bool {
	for n := 0; n < 4 && i >= 0 && i < len(ts); n++ {
		if ts[i].Head == h+1 {
			return true
		}
		i = ts[i].Head - 1
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
