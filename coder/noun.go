package coder

import (
	"strings"

	"github.com/annals/annals/dict"
)

// nounEvent returns the event that noun k names, and the token that names
// it: a compound ("hunger strike") before the head alone; through a frame
// noun, the event it frames ("a mediation effort", "statements of
// condemnation").
func (st *sentence) nounEvent(k int) (*dict.NounEvent, int) {
	ns := st.c.d.Nouns
	if ns == nil {
		return nil, -1
	}
	if u := st.toks[k].UPOS; u != "NOUN" && u != "PROPN" {
		return nil, -1
	}
	if ns.Frames[st.lemmas[k]] || ns.Frames[st.words[k]] {
		for _, c := range st.kids[k] {
			framed := st.baseRel(c) == "compound" && c < k ||
				st.baseRel(c) == "nmod" && st.caseWord(c) == "OF" && st.rel(c) != "nmod:poss"
			if !framed {
				continue
			}
			if ne, _ := st.ownNounEvent(c); ne != nil {
				return ne, c
			}
		}
	}
	return st.ownNounEvent(k)
}

// ownNounEvent is nounEvent without frames.
func (st *sentence) ownNounEvent(k int) (*dict.NounEvent, int) {
	ns := st.c.d.Nouns
	if u := st.toks[k].UPOS; u != "NOUN" && u != "PROPN" {
		return nil, -1
	}
	if m := k - 1; m >= 0 && st.head(m) == k && st.baseRel(m) == "compound" {
		if ne := ns.Event(st.lemmas[m] + " " + st.lemmas[k]); ne != nil {
			return ne, k
		}
		if ne := ns.Event(st.words[m] + " " + st.lemmas[k]); ne != nil {
			return ne, k
		}
	}
	if ne := ns.Event(st.lemmas[k]); ne != nil {
		return ne, k
	}
	if ne := ns.Event(st.words[k]); ne != nil {
		return ne, k
	}
	return nil, -1
}

// codeNoun codes an event named by noun k ("Washington's assassination of
// the commander", "the meeting between Salih and Trump"): the possessor,
// "by" or "from" phrase is the source, the first actor of an "of", "on",
// "against", "with", "between" or "to" phrase the target, else the subject
// of the verb whose object the noun is ("X drew criticism from Y"). Both
// must be there: a bare noun ("the assassination") says too little to code.
func (st *sentence) codeNoun(k int) {
	ne, named := st.nounEvent(k)
	if ne == nil {
		return
	}
	var sources, targets []Actor
	agent := -1
	var patients []int
	for _, c := range st.kids[k] {
		switch {
		case st.rel(c) == "nmod:poss":
			if sources == nil {
				sources, agent = st.resolve(c, true), c
			}
		case st.baseRel(c) == "nmod" || st.baseRel(c) == "acl":
			if c == named {
				continue // the framed noun: "statements of condemnation"
			}
			switch st.caseWord(c) {
			case "BY", "FROM":
				if sources == nil {
					sources, agent = st.resolve(c, true), c
				}
			case "OF", "ON", "AGAINST", "WITH", "BETWEEN", "TO", "AMONG":
				patients = append(patients, c)
				if targets == nil {
					targets = st.resolve(c, false)
				}
			}
		}
	}
	if src, ok := st.stateAgent(k, ne.Code); ok {
		// "his arrest", "Thackeray's detention": the possessor of an act
		// only a state does is its patient, unless an "of" phrase names
		// one ("India's arrest of the suspects"); the state's agent is
		// implied.
		if len(targets) == 0 && agent >= 0 && st.rel(agent) == "nmod:poss" {
			targets, sources, agent = sources, nil, -1
		}
		if len(sources) == 0 && len(targets) > 0 {
			sources = []Actor{src}
		}
	}
	if sources == nil {
		// "US sanctions on Iran", "Israeli airstrikes on Gaza": an actor
		// among the noun's modifiers acts.
		for _, c := range st.kids[k] {
			if r := st.rel(c); (r == "amod" || r == "compound" || r == "nmod:desc") && st.actor[c] != nil {
				sources = st.resolve(c, true)
				break
			}
		}
	}
	if len(targets) == 0 && len(sources) > 0 && st.baseRel(k) == "obj" && !violentCode(ne.Code) {
		// "drew condemnation from X", "sparking criticism from X": the
		// one who draws it is the target. Force is not drawn: who
		// "ordered Khashoggi's killing" is not its victim.
		if s := st.subject(st.head(k)); s >= 0 {
			targets = st.resolve(s, true)
		}
	}
	if st.caseWord(k) == "" && len(targets) > 1 && sources == nil && ne.Code2 != "" {
		// "a meeting between Salih and Trump": members on both sides of
		// a mutual act.
		sources = targets
	}
	if len(sources) == 0 || len(targets) == 0 {
		return
	}
	code, code2 := ne.Code, ne.Code2
	if sensed, _ := st.checkSense(k, code, false, agent, patients, st.subtree(k, nil), sources, targets); sensed != code {
		if sensed == "" {
			return
		}
		if code2 != "" && violentCode(code2) {
			code2 = sensed
		}
		code = sensed
	}
	rule := "NOUN: " + ne.Noun
	for _, s := range sources {
		for _, t := range targets {
			st.emit(s, t, code, k, st.toks[k].Text, rule, false)
			if code2 != "" {
				st.emit(t, s, code2, k, st.toks[k].Text, rule, false)
			}
		}
	}
}

// supportKey returns the support-verb key of verb v: its lemma, joined
// with its particle when it has one ("CARRY_OUT").
func (st *sentence) supportKey(v int) (lemma, withParticle string) {
	lemma = st.lemmas[v]
	if lemma == "" {
		lemma = st.words[v]
	}
	if p := st.child(v, "compound:prt"); p >= 0 {
		return lemma, lemma + "_" + st.words[p]
	}
	return lemma, ""
}

// codeSupport codes the event that verb v does by naming it in its object:
// "the US imposed sanctions on Iran", "Kenya held talks with Tanzania",
// "rebels carried out an attack on the base" (a passive's subject:
// "sanctions were imposed by the EU"). The verb's subject (or agent) is
// the source; the noun's phrases, else the verb's, give the target. It
// returns the noun when v did such a noun's event (v's own code and the
// noun's then give way), else -1; a pattern of the verb that names the
// construction wins over the noun ("lodged a protest": 114, not 141).
func (st *sentence) codeSupport(v int) int {
	if st.toks[v].UPOS != "VERB" || st.c.d.Nouns == nil {
		return -1
	}
	lemma, particle := st.supportKey(v)
	if !st.c.d.Nouns.SupportLemma(lemma) {
		return -1
	}
	passive := st.passive(v)
	n, named := -1, -1
	var ne *dict.NounEvent
	for _, k := range st.kids[v] {
		var keys [2]string
		switch {
		case !passive && st.baseRel(k) == "obj", passive && st.rel(k) == "nsubj:pass":
			keys = [2]string{particle, lemma}
		case st.baseRel(k) == "obl" && st.caseWord(k) != "":
			// "entered into an agreement", "engaged in talks"
			keys[0] = lemma + "_" + st.caseWord(k)
		default:
			continue
		}
		e, m := st.nounEvent(k)
		if e == nil {
			continue
		}
		for _, key := range keys {
			if key != "" && st.c.d.Nouns.Supports(key, e.Code) {
				n, named, ne = k, m, e
			}
		}
		if ne != nil {
			break
		}
	}
	if ne == nil {
		return -1
	}
	if vc, ok := st.codeOf(v); ok && strings.Contains(vc.rule, ": ") {
		return -1 // a pattern of the verb's own
	}
	code, code2 := ne.Code, ne.Code2
	negated := st.negated(v)
	if negated && !st.c.opt.KeepNegated {
		neg, ok := st.c.d.Negations[code]
		if !ok {
			return n
		}
		code, code2 = neg, ""
	}
	var sources, targets []Actor
	if passive {
		for _, k := range st.kids[v] {
			if b := st.baseRel(k); b != "obl" && b != "nmod" {
				continue
			}
			if st.caseWord(k) == "BY" {
				sources = st.resolve(k, true)
			} else if targets == nil {
				targets = st.resolve(k, false)
			}
		}
	} else if s := st.subject(v); s >= 0 {
		sources = st.resolve(s, true)
	}
	if targets == nil {
		targets = st.nounTargets(n, named)
	}
	if src, ok := st.stateAgent(v, code); ok && passive && len(sources) == 0 {
		// "more than 400 arrests have been made in the city": by the
		// state's police, of its own people when no one is named.
		sources = []Actor{src}
		if len(targets) == 0 {
			targets = st.ownPeople(n)
		}
	}
	if targets == nil {
		// "ordered Khashoggi's killing": beside the subject, the
		// possessor is the one the act is done to.
		if p := st.child(named, "nmod:poss"); p >= 0 {
			if a := st.resolve(p, true); len(a) > 0 && !sameActors(a, sources) {
				targets = a
			}
		}
	}
	if targets == nil && !passive {
		targets = st.objectActors(v)
	}
	if len(targets) == 0 && len(sources) > 1 && !oneSided(code) {
		targets = sources // "Kenya and Tanzania held talks"
	}
	if len(sources) == 0 {
		sources = []Actor{{First: -1, Last: -1}}
	}
	if len(targets) == 0 {
		targets = []Actor{{First: -1, Last: -1}}
	}
	text := st.toks[v].Text
	if p := st.child(v, "compound:prt"); p >= 0 {
		text += " " + st.toks[p].Text
	}
	text += " " + st.toks[n].Text
	rule := "NOUN: " + ne.Noun + " (" + strings.ToLower(lemma) + ")"
	for _, s := range sources {
		for _, t := range targets {
			st.emit(s, t, code, v, text, rule, negated)
			if code2 != "" {
				st.emit(t, s, code2, v, text, rule, negated)
			}
		}
	}
	return n
}

// nounTargets returns the actors of the phrases attached to event noun n
// that name its target ("sanctions on Iran", "talks with Tanzania"), but
// not the framed noun's own phrase.
func (st *sentence) nounTargets(n, named int) []Actor {
	for _, k := range []int{n, named} {
		if k < 0 {
			continue
		}
		for _, c := range st.kids[k] {
			if st.baseRel(c) != "nmod" || c == named || st.rel(c) == "nmod:poss" {
				continue
			}
			switch st.caseWord(c) {
			case "OF", "ON", "AGAINST", "WITH", "BETWEEN", "TO", "AMONG", "INTO", "UPON":
				if a := st.resolve(c, false); len(a) > 0 {
					return a
				}
			}
		}
		if k == named {
			break
		}
	}
	return nil
}
