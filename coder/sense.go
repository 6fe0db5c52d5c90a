package coder

import (
	"strings"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
)

// The sense check. The verbs that code force ("attack", "hit", "beat",
// "fight", "shoot", "strike") have figurative senses that news uses far
// more often than the literal one: "Blair attacked the plans" is
// criticism, "Nadal beats Roddick", "shares shot up" and "markets hit
// highs" are no events, and an earthquake that "killed 100,000" has no
// actor. The word classes of the dictionaries' senses (dict.Sense) decide:
//
//   - a subject (or the "by" phrase of a passive) headed by an inert word
//     (markets, figures, natural forces) is no actor, whatever the code,
//     and neither is whoever a passive is reported "according to";
//   - in a story about games (CodeStory) a bare country is a team and a
//     named person a player: their events code nothing;
//   - releasing, closing or seizing an output (results, songs, fees) is no
//     yield (08x) and no coercion (17x);
//   - a violent code (18x-20x) in a sentence or story about games codes
//     nothing; a bare participle of force ("with 20 people killed") is a
//     passive whose subject is the victim;
//   - what the verb acts on decides next: an opinion word ("the plans", "his
//     record") makes a verbal verb criticism (111) of the opinion's holder
//     and any other verb figurative, an abstract, output or inert one ("a
//     record high", "costs", "search warrants") figurative;
//   - otherwise the clause must show force: a violent word (a weapon, a
//     casualty, a verb that always harms), a target word as what is acted
//     on (a building, a convoy, a crowd), an armed actor (military, police,
//     rebels, militias) or two states on both sides. Without it a verbal
//     verb is criticism and any other codes nothing.
//
// Without senses in the dictionaries (PETRARCH's) nothing is checked.

// violentCode reports CAMEO's codes of force: 18x assault, 19x fight, 20x
// unconventional mass violence.
func violentCode(code string) bool {
	switch code[:2] {
	case "18", "19", "20":
		return true
	}
	return false
}

// criticism is what a figurative attack codes: criticize or denounce.
const criticism = "111"

// sense returns the classes of token k. A verb is known by its lemma (the
// verb "forces" is no armed force, "shooting" no shooting by itself); a
// proper noun is a name (the oil company Shell is no shell), except for
// the words of a contest ("the Olympic final").
func (st *sentence) sense(k int) dict.Sense {
	switch st.toks[k].UPOS {
	case "VERB":
		// "did not match the trend" is no contest either.
		if st.lemmas[k] != "" {
			return st.c.d.Senses.Of(st.lemmas[k], st.lemmas[k]) &^ dict.Sport
		}
		return st.c.d.Senses.Of(st.words[k], st.lemmas[k]) &^ dict.Sport
	case "PROPN":
		return st.c.d.Senses.Of(st.words[k], st.lemmas[k]) & dict.Sport
	}
	return st.c.d.Senses.Of(st.words[k], st.lemmas[k])
}

// thing reports whether token k heads a phrase that names a thing of the
// classes given: no actor or role word covers it, and it counts nothing
// ("scores of refugees" are refugees).
func (st *sentence) thing(k int, classes dict.Sense) bool {
	return st.actor[k] == nil && st.agent[k] == nil && !st.quantity(k) && st.sense(k)&classes != 0
}

// players reports whether an event of a story about games has a side
// that is a bare country or a person the text names: a team or a player
// ("England beat France", "Radcliffe helped ..."), not a state.
func players(sides ...[]Actor) bool {
	for _, as := range sides {
		for _, a := range as {
			if state(a.Code) || a.Ref != NoRef {
				return true
			}
		}
	}
	return false
}

// sportSentence reports whether the sentence, or the story it is part of,
// is about a contest.
func (st *sentence) sportSentence() bool {
	if st.sportStory {
		return true
	}
	for k := range st.toks {
		if st.sense(k)&dict.Sport != 0 {
			return true
		}
	}
	return false
}

// sportWords counts the words of s that name a contest; the coder calls a
// story with sportStoryWords of them about sport.
func (c *Coder) sportWords(s *event.Sentence) int {
	n := 0
	for _, t := range s.Tokens {
		if t.UPOS == "VERB" {
			continue
		}
		lemma := t.Lemma
		if lemma == "_" {
			lemma = t.Text
		}
		if c.d.Senses.Of(strings.ToUpper(t.Text), strings.ToUpper(lemma))&dict.Sport != 0 {
			n++
		}
	}
	return n
}

// sportStoryWords is how many contest words make a story a sport story:
// one can be a metaphor ("a political football"), three are a report.
const sportStoryWords = 3

// agentHead returns the head of the phrase that acts in verb v's clause:
// its subject, or for a passive its "by" phrase, else the first phrase
// naming an actor, which the coder takes for the agent; -1 when there is
// none.
func (st *sentence) agentHead(v int) int {
	if !st.passive(v) {
		return st.subject(v)
	}
	first := -1
	for _, k := range st.kids[v] {
		if st.baseRel(k) != "obl" && st.baseRel(k) != "nmod" {
			continue
		}
		if st.caseWord(k) == "BY" {
			return k
		}
		if first < 0 && len(st.resolve(k, false)) > 0 {
			first = k
		}
	}
	return first
}

// patients returns the heads of what verb v acts on: its object (the
// subject of a passive), its phrases with "at", "on", "against", "into",
// "upon" or "with", and the "of", "on", "against" or "at" phrases of
// those ("launched attacks on websites").
func (st *sentence) patients(v int) []int {
	var out []int
	if st.passive(v) {
		if s := st.child(v, "nsubj"); s >= 0 {
			out = append(out, s)
		}
	}
	for _, k := range st.kids[v] {
		switch st.baseRel(k) {
		case "obj", "iobj":
			out = append(out, k)
		case "obl":
			switch st.caseWord(k) {
			case "AT", "ON", "AGAINST", "INTO", "UPON", "WITH":
				out = append(out, k)
			}
		}
	}
	for i := 0; i < len(out); i++ {
		p := out[i]
		for _, c := range st.kids[p] {
			if st.baseRel(c) != "nmod" {
				continue
			}
			switch st.caseWord(c) {
			case "OF", "ON", "AGAINST", "AT":
				out = append(out, c)
			}
		}
	}
	return out
}

// armedRoles are the roles that use force as their trade.
var armedRoles = []string{"MIL", "COP", "REB", "INS", "SEP", "UAF", "PKO"}

// armed reports whether an actor code names an armed actor.
func armed(code string) bool {
	if strings.HasPrefix(code, "IMG") {
		return true
	}
	for _, r := range armedRoles {
		if hasBlock(code, r) {
			return true
		}
	}
	return false
}

// state reports whether an actor code is a country as a whole.
func state(code string) bool { return len(code) == 3 && !dict.IsRole(code) }

// forceShown reports whether an act of force shows: a violent word among
// the tokens (the verb or noun itself included), a target word among the
// patients, an armed actor on either side or states on both.
func (st *sentence) forceShown(words, patients []int, sources, targets []Actor) bool {
	for _, k := range words {
		if st.sense(k)&dict.Violent != 0 {
			return true
		}
	}
	for _, p := range patients {
		if st.sense(p)&dict.Target != 0 {
			return true
		}
	}
	stateSource := false
	for _, a := range sources {
		stateSource = stateSource || state(a.Code)
		if armed(a.Code) {
			return true
		}
	}
	for _, a := range targets {
		if armed(a.Code) || stateSource && state(a.Code) {
			return true
		}
	}
	return false
}

// checkSense returns the code that an event word (verb or noun) at token
// w, coded code by its agent on its patients, takes in the sense its
// clause (the tokens words) gives it: code, criticism, or "" for none.
// harms says that the event word always harms someone. A criticism of an
// opinion returns the opinion's token as owner (else -1): whoever holds it
// is the one criticised.
func (st *sentence) checkSense(w int, code string, harms bool, agent int, patients, words []int, sources, targets []Actor) (sensed string, owner int) {
	if st.c.d.Senses == nil {
		return code, -1
	}
	if agent >= 0 && st.thing(agent, dict.Inert) {
		return "", -1 // things do not act: "the rupee hit a high", "the crisis forced"
	}
	if agent >= 0 && st.caseWord(agent) == "ACCORDING" {
		return "", -1 // "were injured, according to health officials": who reports it
	}
	if st.sportStory && players(sources, targets) {
		return "", -1
	}
	switch code[:2] {
	case "08", "17":
		// Yielding and coercing act on people, places and property:
		// "released its results", "seize the moment" are no events.
		for _, p := range patients {
			if st.head(p) == w && st.thing(p, dict.Output) {
				return "", -1
			}
		}
		return code, -1
	case "18", "19", "20":
	default:
		return code, -1
	}
	if st.sportSentence() {
		return "", -1
	}
	if agent >= 0 && st.thing(agent, dict.Opinion) {
		return "", -1 // "hit by an Iraqi report"
	}
	verbal := st.sense(w)&dict.Verbal != 0
	for _, p := range patients {
		switch {
		case st.thing(p, dict.Opinion):
			if verbal {
				return criticism, p
			}
			return "", -1
		case st.thing(p, dict.Abstract|dict.Output|dict.Inert):
			return "", -1
		}
	}
	if harms || st.forceShown(words, patients, sources, targets) {
		return code, -1
	}
	if verbal {
		return criticism, -1
	}
	return "", -1
}

// bareParticiple reports whether v is a past participle with neither
// auxiliary nor object: a passive that the parse leaves unmarked.
func (st *sentence) bareParticiple(v int) bool {
	return st.toks[v].XPOS == "VBN" && st.child(v, "aux", "obj") < 0
}

// verbSense is checkSense for verb v, the dictionary verb f, with its
// phrase (pre, post). A particle verb that always harms ("blow up") is
// violent by its dictionary name. It returns the sources and targets of
// the event too: those given, but for a criticism of an opinion without
// targets whoever holds it ("attacked the government's plans": the
// government), and for a bare participle of force its "by" phrase acting
// on its subject ("a civilian killed by troops").
func (st *sentence) verbSense(v int, f *dict.VerbForm, code string, pre, post material, sources, targets []Actor) (string, []Actor, []Actor) {
	if st.c.d.Senses == nil {
		return code, sources, targets
	}
	agent := st.agentHead(v)
	if violentCode(code) && agent >= 0 && st.bareParticiple(v) {
		// "with 23,000 people killed", "five killed in blast": the bare
		// participle of an act of force is passive, and its subject (or
		// the noun it modifies) the victim, not the doer.
		by := -1
		var doers []Actor
		for _, k := range st.kids[v] {
			if st.baseRel(k) == "obl" && st.caseWord(k) == "BY" {
				by, doers = k, st.resolve(k, true)
			} else if c := st.causer(k); st.baseRel(k) == "obl" && len(c) > 0 && by < 0 {
				by, doers = k, c // "six killed in police firing"
			}
		}
		if by < 0 {
			return "", nil, nil
		}
		sources, targets = doers, st.resolve(agent, true)
		agent = by
	}
	words := append(append([]int{v}, pre...), post...)
	if agent >= 0 && st.head(agent) != v {
		// A subject found through control or coordination ("continued to
		// attack") is not in the verb's own phrase.
		words = st.subtree(agent, words)
	}
	harms := st.c.d.Senses[f.Base]&dict.Violent != 0
	sensed, owner := st.checkSense(v, code, harms, agent, st.patients(v), words, sources, targets)
	if owner >= 0 && len(targets) == 0 {
		targets = st.holder(owner)
	}
	return sensed, sources, targets
}

// holder returns the actors that hold the opinion at token k: its
// possessor or a modifier naming an actor or role ("the government's
// plans", "Kestrian plans").
func (st *sentence) holder(k int) []Actor {
	for _, c := range st.kids[k] {
		switch st.rel(c) {
		case "nmod:poss", "amod", "compound":
			if st.actor[c] != nil || st.agent[c] != nil {
				return st.resolve(c, true)
			}
		}
	}
	return nil
}
