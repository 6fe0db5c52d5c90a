package coder

import (
	"strings"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
)

// verbCoding is what the dictionaries say of one verb token.
type verbCoding struct {
	form        *dict.VerbForm
	from, to    int // the verb's words, with particles
	pre, post   material
	bind        bind
	code, code2 string
	rule        string
}

// codeOf finds the dictionary verb at token v and its code; ok is false
// when v is no dictionary verb or codes nothing.
func (st *sentence) codeOf(v int) (vc verbCoding, ok bool) {
	if st.toks[v].UPOS != "VERB" && !st.predicate(v) {
		return vc, false
	}
	f := st.verbMatch(v)
	if f == nil {
		return vc, false
	}
	vc.form = f
	vc.from = v - f.Head
	vc.to = vc.from + len(f.Words) - 1
	vc.pre, vc.post = st.materials(v, vc.from, vc.to)
	subj := st.subject(v)
	p, b := st.bestPattern(f, vc.pre, vc.post, subj >= 0 && len(st.members(subj)) > 1)
	vc.bind = b
	vc.code, vc.code2, vc.rule = f.Code, f.Code2, f.Block.Name
	if p != nil {
		vc.code, vc.code2, vc.rule = p.Code, p.Code2, f.Block.Name+": "+p.Text
	}
	return vc, real(vc.code) || real(vc.code2)
}

// real reports whether code codes an event: not "" or "---".
func real(code string) bool { return code != "" && !strings.HasPrefix(code, "---") }

// predicate reports whether adjective v heads a clause, a predicate that
// the verb dictionary may code: "Kenya was disappointed with Tanzania",
// "Kenya is critical of Tanzania".
func (st *sentence) predicate(v int) bool {
	if st.toks[v].UPOS != "ADJ" {
		return false
	}
	return st.child(v, "cop") >= 0 || st.child(v, "nsubj") >= 0
}

// adjectivalPassive reports whether predicate adjective v is a verb's
// participle ("disappointed", "outraged"): its subject is the verb's
// object, as in a passive.
func (st *sentence) adjectivalPassive(v int) bool {
	if st.toks[v].UPOS != "ADJ" {
		return false
	}
	f := st.verbMatch(v)
	return f != nil && st.words[v] != f.Block.Name && strings.HasSuffix(st.words[v], "ED")
}

// codeVerb codes the events of token v if it is a dictionary verb.
func (st *sentence) codeVerb(v int) {
	vc, ok := st.codeOf(v)
	if !ok {
		return
	}
	from, to, post, b := vc.from, vc.to, vc.post, vc.bind
	code, code2, rule := vc.code, vc.code2, vc.rule
	negated := st.negated(v)
	if negated && !st.c.opt.KeepNegated {
		neg, ok := st.c.d.Negations[code]
		if !ok {
			return
		}
		code, code2 = neg, ""
	}

	var sources, targets []Actor
	if b.source >= 0 {
		sources = st.resolve(st.nominalHead(b.source), true)
	}
	if b.target >= 0 {
		targets = st.resolve(st.nominalHead(b.target), false)
	}
	if len(sources) == 0 || len(targets) == 0 {
		s, t := st.participants(v)
		if len(sources) == 0 {
			sources = s
			if b.source >= 0 && len(targets) > 0 {
				sources = nil
			}
		}
		if len(targets) == 0 {
			targets = t
			// A pattern that named the source makes the subject the target.
			if b.source >= 0 && len(sources) > 0 {
				if subj, _ := st.participants(v); len(subj) > 0 && !sameActors(subj, sources) {
					targets = subj
				}
			}
		}
	}
	src, tgts, agentless := st.implied(v, code)
	if agentless {
		// Without a "by" phrase, an actor in another phrase of the
		// passive ("were arrested in Gondor") is neither agent nor
		// target: the target is what the passive's subject names.
		sources, targets = []Actor{src}, tgts
	}
	if len(targets) == 0 && len(sources) > 1 && (b.compound || st.c.opt.SourceOnly && (!oneSided(code) || reciprocal[st.lemmas[v]] && !st.obliged(v))) {
		// "% *": members of a compound subject act on each other. So do
		// they, in articles, for codes that need a target ("Kenya and
		// Uganda signed a trade agreement") and for verbs that say so
		// ("Kenya and Uganda agreed to reopen the border").
		targets = sources
	}
	if len(targets) == 0 && !agentless {
		// As TABARI did: the first actor after the verb in its phrase,
		// outside relative clauses, which describe something else.
		// A town is where the event happens ("hosted Hashimoto in
		// Moscow", "demonstrated in Nairobi"), but what is done to a thing
		// in it is done to its people: "airstrikes in Gaza", "suspended
		// aid deliveries in Baghdad".
		inTown := violentCode(code) || !oneSided(code) && !st.objectNamesSomeone(v)
		for _, k := range post {
			if st.actor[k] != nil && !st.inRelative(k, v) && (inTown || !st.townPhrase(st.nominalHead(k))) {
				targets = st.resolve(st.nominalHead(k), true)
				break
			}
		}
	}

	sensed, sources, targets := st.verbSense(v, vc.form, code, vc.pre, post, sources, targets)
	if sensed == "" {
		return
	}
	if sensed != code && code2 != "" && violentCode(code2) {
		code2 = sensed
	}
	code = sensed

	verbText := strings.Join(strings.Fields(strings.Join(textOf(st.toks[from:to+1]), " ")), " ")
	emit := func(src, tgt Actor, c string) { st.emit(src, tgt, c, v, verbText, rule, negated) }
	if len(sources) == 0 {
		sources = []Actor{{First: -1, Last: -1}}
	}
	if len(targets) == 0 {
		targets = []Actor{{First: -1, Last: -1}}
	}
	for _, s := range sources {
		for _, t := range targets {
			if t.Code == s.Code && st.c.opt.SourceOnly && oneSided(code) && t.First >= 0 && s.First >= 0 && t.First != s.First &&
				st.locative(st.nominalHead(t.First), []Actor{t}) && !st.locative(st.nominalHead(s.First), []Actor{s}) {
				// "Kenya imposed a curfew in Mombasa": the place of a
				// one-sided event is no target.
				t = Actor{First: -1, Last: -1}
			}
			if real(code) {
				emit(s, t, code)
			}
			if real(code2) {
				emit(t, s, code2)
			}
		}
	}
	if st.c.opt.DemandYield && !negated {
		st.codeDemand(v, code, sources, targets, verbText)
	}
}

// implied returns the agent that an agentless passive of an act only a
// state does implies (cameo.StateAgent: "50 persons were arrested", "a
// dozen rumour mongers were nabbed", "the accused were sentenced"), with
// what it acted on: the passive's subject, or the noun that its bare
// participle modifies ("over 250 activists arrested in the city"); one
// that names no actor is marked Implied too, the state's own people. ok is
// false when v is no such passive or has a "by" phrase, which names the
// agent.
func (st *sentence) implied(v int, code string) (src Actor, targets []Actor, ok bool) {
	src, ok = st.stateAgent(v, code)
	if !ok {
		return src, nil, false
	}
	patient := -1
	switch {
	case st.reducedRelative(v):
		patient = st.head(v)
	case st.passive(v), st.baseRel(v) == "conj" && st.bareParticiple(v) && st.passive(st.head(v)):
		// "were beaten and arrested": the participle shares the passive.
		patient = st.subject(v)
	default:
		return src, nil, false
	}
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); (b == "obl" || b == "nmod") && st.caseWord(k) == "BY" {
			return src, nil, false
		}
	}
	if patient >= 0 {
		targets = st.resolve(patient, true)
		if len(targets) == 0 && nominal(st.toks[patient].UPOS) && st.toks[patient].UPOS != "PRON" {
			targets = st.ownPeople(patient)
		}
	}
	return src, targets, true
}

// stateAgent returns the implied source of event word k of code, when
// only a state does what code codes and the coder is to imply agents.
func (st *sentence) stateAgent(k int, code string) (Actor, bool) {
	role, ok := cameo.StateAgent(code)
	if !ok || !st.c.opt.ImpliedAgents {
		return Actor{}, false
	}
	return Actor{Code: "---" + role, First: k, Last: k, Implied: true}, true
}

// ownPeople returns the target that noun k names when it names no actor
// and a state's agent acts on it: "50 persons were arrested", "arrests
// were made". People of no named country, whom the state's own police
// arrest, are the state's.
func (st *sentence) ownPeople(k int) []Actor {
	first, last := st.nameSpan(k)
	return []Actor{{Code: "---", First: first, Last: last, Implied: true}}
}

// reducedRelative reports whether v is a bare participle modifying a
// noun ("activists arrested in the city"): the noun is what it acted on.
func (st *sentence) reducedRelative(v int) bool {
	return st.rel(v) == "acl" && st.bareParticiple(v) && st.head(v) >= 0 && nominal(st.toks[st.head(v)].UPOS)
}

// emit records an event unless an actor is missing (and monads are not
// wanted) or both actors are the same.
func (st *sentence) emit(src, tgt Actor, code string, v int, verbText, rule string, negated bool) {
	if src.Code == tgt.Code && src.Code != "" {
		return
	}
	if st.c.opt.DropStatements && PlainStatement(code) {
		return
	}
	if st.c.opt.RoleOnlyActors {
		src.Code, tgt.Code = roleOnly(src.Code), roleOnly(tgt.Code)
	}
	known := func(a Actor) bool { return !nullCode(a.Code) || a.Ref != NoRef || a.Implied }
	switch {
	case st.c.opt.AllowMonads:
	case st.c.opt.SourceOnly && known(src) && tgt.Code == "" && tgt.Ref == NoRef && oneSided(code):
	case !known(src) || !known(tgt):
		return
	}
	st.events = append(st.events, Event{Source: src, Target: tgt, Code: code, Verb: v,
		VerbText: verbText, Rule: rule, Negated: negated})
}

func sameActors(a, b []Actor) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code {
			return false
		}
	}
	return true
}

// locative reports whether the phrase headed by k, whose actors are a,
// names where the event happened: a place ("in Mombasa") after a
// preposition of place, naming countries without a role. ("Outside the
// Tanzanian High Commission" names a target.)
func (st *sentence) locative(k int, a []Actor) bool {
	switch st.caseWord(k) {
	case "IN", "AT", "NEAR", "ACROSS", "THROUGHOUT", "AROUND", "INSIDE", "WITHIN", "ALONG":
	default:
		return false
	}
	for _, x := range a {
		if len(x.Code) != 3 || x.Ref != NoRef {
			return false
		}
	}
	return len(a) > 0
}

// objectNamesSomeone reports whether verb v's object names a person or
// a group: a name, a pronoun, or a phrase the dictionaries code.
func (st *sentence) objectNamesSomeone(v int) bool {
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); b != "obj" && b != "iobj" {
			continue
		}
		if u := st.toks[k].UPOS; u == "PROPN" || u == "PRON" || st.actor[k] != nil || st.agent[k] != nil {
			return true
		}
	}
	return false
}

// placeCase are the prepositions of a phrase that says where something
// happens or whence it goes: "in Moscow", "outside Nairobi", "from
// Baghdad". ("To" and "into" are not among them: "sent a letter to
// Moscow", "blocked transport into Abidjan".)
var placeCase = map[string]bool{
	"IN": true, "AT": true, "NEAR": true, "ACROSS": true, "THROUGHOUT": true, "AROUND": true, "INSIDE": true,
	"WITHIN": true, "ALONG": true, "OUTSIDE": true, "FROM": true,
}

// townPhrase reports whether the phrase headed by k names a town as a
// place ("in Moscow", "from Baghdad"): the town is where the event
// happens, not a party to it, even where it stands for a government
// ("Moscow said").
func (st *sentence) townPhrase(k int) bool {
	if st.c.opt.Places == nil || k < 0 || !placeCase[st.caseWord(k)] {
		return false
	}
	for _, m := range st.members(k) {
		a := st.actor[m]
		if a == nil || !st.c.opt.Places.Town(strings.Join(textOf(st.toks[a.Start:a.End]), " ")) {
			return false
		}
	}
	return true
}

// inRelative reports whether token k sits in a relative clause below v.
func (st *sentence) inRelative(k, v int) bool {
	for steps := 0; k >= 0 && k != v && steps < len(st.toks); steps++ {
		if st.rel(k) == "acl:relcl" {
			return true
		}
		k = st.head(k)
	}
	return false
}

// quantity reports whether token k only counts what follows it:
// "thousands of demonstrators", "a group of protesters".
func (st *sentence) quantity(k int) bool {
	if st.toks[k].UPOS == "NUM" {
		return true
	}
	switch st.lemmas[k] {
	case "THOUSAND", "HUNDRED", "DOZEN", "MILLION", "SCORE", "GROUP", "CROWD", "NUMBER", "BAND", "HANDFUL":
		return true
	}
	return false
}

// personalPronoun reports whether an upper-cased word is a personal
// pronoun that can stand for an actor.
func personalPronoun(w string) bool {
	switch w {
	case "HE", "SHE", "THEY", "HIM", "HER", "THEM", "I", "WE", "ME", "US", "IT":
		return true
	}
	return false
}

// oneSided reports whether events of a code make sense without a target:
// statements, intentions, concessions, rejections, threats, protests,
// force postures and violence ("police opened fire"), but not a meeting,
// an agreement or aid, which need someone on the other side.
func oneSided(code string) bool {
	switch code[:2] {
	case "01", "03", "08", "11", "12", "13", "14", "15", "17", "18", "19", "20":
		return true
	}
	return false
}

// PlainStatement reports whether code is a statement without content of
// its own: a comment (010), a declined comment (011), a pessimistic or
// optimistic comment (012, 013).
func PlainStatement(code string) bool {
	switch code {
	case "010", "011", "012", "013":
		return true
	}
	return false
}

// roleOnly turns "---OPP" into GDELT's country-less "OPP".
func roleOnly(code string) string {
	if len(code) > 3 && strings.HasPrefix(code, "---") {
		return code[3:]
	}
	return code
}

// nullCode reports a missing actor: no code, or a code without a country
// or organisation ("---GOV").
func nullCode(c string) bool { return c == "" || strings.HasPrefix(c, "---") }

func textOf(toks []event.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// nominalHead returns the head of the nominal phrase holding token k:
// climbing out of multiword names and compounds.
func (st *sentence) nominalHead(k int) int {
	for steps := 0; steps < len(st.toks); steps++ {
		h := st.head(k)
		switch st.baseRel(k) {
		case "compound", "flat", "amod", "det", "nummod":
			if h >= 0 {
				k = h
				continue
			}
		case "obl":
			// "US-led forces": US hangs from the participle "led".
			if h >= 0 && (st.rel(k) == "obl:unmarked" || st.rel(k) == "obl:npmod") && st.rel(h) == "amod" {
				k = h
				continue
			}
		}
		return k
	}
	return k
}

// participants finds the syntactic source and target actors of verb v.
func (st *sentence) participants(v int) (sources, targets []Actor) {
	passive := st.passive(v)
	subj := st.subject(v)
	if passive {
		if subj >= 0 {
			targets = st.resolve(subj, true)
		}
		for _, k := range st.kids[v] {
			if (st.baseRel(k) == "obl" || st.baseRel(k) == "nmod") && !st.townPhrase(k) {
				a := st.resolve(k, false)
				by := st.caseWord(k) == "BY"
				if cw := st.caseWord(k); len(a) == 0 && (cw == "BY" || cw == "WITH") {
					a = st.possessor(k) // "disappointed by Tanzania's decision"
				}
				if len(a) == 0 {
					a = st.causer(k)
					by = len(a) > 0
				}
				if len(a) > 0 {
					if by || sources == nil {
						sources = a
					}
				}
			}
		}
		return sources, targets
	}
	if subj >= 0 {
		sources = st.resolve(subj, true)
	}
	targets = st.objectActors(v)
	return sources, targets
}

// causer returns the actors that do the act of force that phrase k of a
// passive names: "were killed in police firing", "wounded in an
// airstrike by the army". They are the act's possessor, a modifier that
// names an actor or a role, or its "by" phrase.
func (st *sentence) causer(k int) []Actor {
	if cw := st.caseWord(k); cw != "IN" && cw != "DURING" {
		return nil
	}
	ne, _ := st.nounEvent(k)
	if ne == nil && st.toks[k].XPOS == "VBG" && st.c.d.Nouns != nil {
		// "killed in police firing", the gerund tagged as a verb with
		// its noun's case and modifiers.
		ne = st.c.d.Nouns.Event(st.words[k])
	}
	if ne == nil || !violentCode(ne.Code) {
		return nil
	}
	if a := st.holder(k); len(a) > 0 {
		return a
	}
	for _, c := range st.kids[k] {
		if st.baseRel(c) == "nmod" && st.caseWord(c) == "BY" {
			return st.resolve(c, true)
		}
	}
	return nil
}

// subject returns the subject of v, looking up through control (xcomp),
// coordination (conj) and copulas when v has none of its own.
//
// A pronoun subject of a complement clause stands for the subject of the
// clause it complements ("Ethiopia indicated it would act" → Ethiopia),
// the reading news text almost always intends.
func (st *sentence) subject(v int) int {
	for steps := 0; v >= 0 && steps < len(st.toks); steps++ {
		if s := st.child(v, "nsubj", "csubj"); s >= 0 {
			if h := st.head(v); st.rel(v) == "acl:relcl" && relativePronoun(st.words[s]) && h >= 0 && (st.actor[h] != nil || st.agent[h] != nil) {
				// "Kenyan police, who arrested 63 rioters": the actor
				// the relative clause describes (not "a resolution
				// that aims to impose sanctions").
				return h
			}
			if st.toks[s].UPOS == "PRON" && st.baseRel(v) == "ccomp" {
				if outer := st.subject(st.head(v)); outer >= 0 {
					return outer
				}
			}
			return s
		}
		switch b := st.baseRel(v); {
		case b == "xcomp", b == "conj", b == "advcl" && (st.infinitive(v) || st.participial(v)):
			v = st.head(v)
		case st.rel(v) == "acl" && st.actingNoun(v):
			return st.head(v)
		default:
			return -1
		}
	}
	return -1
}

// relativePronoun reports whether an upper-cased word opens a relative
// clause as its subject.
func relativePronoun(w string) bool { return w == "WHO" || w == "WHICH" || w == "THAT" }

// participial reports whether clause v is a bare -ing adjunct ("met Trump,
// sparking condemnation"), whose subject is the main clause's.
func (st *sentence) participial(v int) bool {
	return st.toks[v].XPOS == "VBG" && st.child(v, "mark") < 0
}

// actingNoun reports whether the noun that participle clause v modifies
// is the one acting: "protesters demanding his release" (-ing), or an
// intransitive past form that a parser took for a reduced relative ("the
// parliament voted in favour ...": an actor does not get voted).
func (st *sentence) actingNoun(v int) bool {
	switch st.toks[v].XPOS {
	case "VBG":
		return true
	case "VBN", "VBD":
		if st.child(v, "obj") >= 0 && !st.passive(v) {
			// "Farmers blocked roads": a participle has no object.
			return true
		}
		h := st.head(v)
		return h >= 0 && (st.actor[h] != nil || st.agent[h] != nil) && !st.passive(v)
	}
	return false
}

// objectActors returns the target of v: its object's actors, else actors
// in its prepositional phrases, else the subject of its complement clause.
func (st *sentence) objectActors(v int) []Actor {
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); b == "obj" || b == "iobj" {
			if a := st.resolve(k, false); len(a) > 0 {
				return a
			}
		}
	}
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); (b == "obl" || b == "nmod") && st.rel(k) != "obl:tmod" && st.rel(k) != "nmod:tmod" && !st.townPhrase(k) {
			if a := st.resolve(k, false); len(a) > 0 {
				return a
			}
		}
	}
	// "noted that X ...", "expressed hopes that X ...": the complement's subject.
	var clauses []int
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); b == "ccomp" || b == "xcomp" {
			clauses = append(clauses, k)
		}
		if b := st.baseRel(k); b == "obj" {
			for _, c := range st.kids[k] {
				if b := st.baseRel(c); b == "acl" || b == "ccomp" {
					clauses = append(clauses, c)
				}
			}
		}
	}
	for _, c := range clauses {
		if s := st.child(c, "nsubj", "nsubj:pass"); s >= 0 {
			if a := st.resolve(s, true); len(a) > 0 {
				return a
			}
		}
	}
	// "condemned Turkey's offensive", "seized Kestria's trucks": the
	// author or owner of what the verb acts on.
	for _, k := range st.kids[v] {
		if b := st.baseRel(k); b == "obj" || b == "iobj" {
			if a := st.possessor(k); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// possessor returns the actors of the possessor of nominal k.
func (st *sentence) possessor(k int) []Actor {
	if p := st.child(k, "nmod:poss"); p >= 0 {
		return st.resolve(p, true)
	}
	return nil
}

// resolve returns the actors named by the nominal phrase headed by k, one
// per member of a conjunction ("Arnor and Gondor"), with agents combined
// ("Lawmakers and officials in Arnor" → ARNLEG, ARNGOV). subjectRole lets
// a possessor name the actor of any head ("Eriador's death toll"); in
// other roles only a role word takes its possessor ("Gondor's government").
func (st *sentence) resolve(k int, subjectRole bool) []Actor {
	if st.c.opt.KeepReferences && st.actor[k] == nil && personalPronoun(st.words[k]) && st.toks[k].UPOS == "PRON" {
		return []Actor{{First: k, Last: k, Ref: Pronoun}}
	}
	if n := st.collective(k); n > 0 {
		a := Actor{First: k, Last: k, Ref: Collective, Count: n}
		if g := st.agent[k]; g != nil && !g.Agent.Prefix {
			a.Code = g.Agent.Code
		}
		return []Actor{a}
	}
	members := st.members(k)
	type part struct {
		actors []Actor
		agents []*dict.Agent
		first  int
	}
	parts := make([]part, len(members))
	var shared []Actor
	for i, m := range members {
		actors, agents := st.phrase(m, subjectRole, 0)
		parts[i] = part{actors: actors, agents: agents, first: m}
		if len(actors) > 0 && shared == nil {
			shared = actors
		}
	}
	var out []Actor
	for _, p := range parts {
		actors := p.actors
		if len(actors) == 0 {
			if len(p.agents) == 0 {
				continue
			}
			actors = shared
			if len(actors) == 0 {
				if st.agent[p.first] == nil && !st.quantity(p.first) {
					// A role word among the modifiers of something else
					// ("a million-man march") names no actor.
					continue
				}
				actors = []Actor{{Code: "---", First: p.first, Last: p.first}}
			}
		}
		for _, a := range actors {
			out = append(out, combine(a, p.agents))
		}
	}
	if len(out) == 0 && st.c.opt.KeepReferences && st.toks[k].UPOS == "PROPN" && st.agent[k] == nil && personOrOrg(st.toks[k].Entity) {
		first, last := st.nameSpan(k)
		out = append(out, Actor{First: first, Last: last, Ref: Name})
	}
	return out
}

// reciprocal are the verbs whose coordinated subjects act on each
// other: "Kenya and Uganda agreed", "police and protesters clashed".
var reciprocal = map[string]bool{
	"AGREE": true, "MEET": true, "SIGN": true, "CLASH": true, "NEGOTIATE": true, "TALK": true, "FIGHT": true,
	"COOPERATE": true, "CO-OPERATE": true, "DISCUSS": true, "EXCHANGE": true, "RECONCILE": true, "QUARREL": true,
	"FEUD": true, "SPAR": true, "TRADE": true, "CONFER": true, "CONSULT": true, "COLLABORATE": true,
	"NORMALIZE": true, "NORMALISE": true, "SKIRMISH": true, "BATTLE": true, "WRANGLE": true, "DISAGREE": true,
}

// collectiveNouns are the plural nouns that, counted ("both", "the two"),
// refer back to actors named before: "both governments", "the two
// countries", "the three leaders".
var collectiveNouns = map[string]bool{
	"GOVERNMENT": true, "COUNTRY": true, "NATION": true, "STATE": true, "SIDE": true, "LEADER": true,
	"PRESIDENT": true, "MINISTER": true, "NEIGHBOUR": true, "NEIGHBOR": true, "CAPITAL": true,
}

// collective returns how many actors the counted plural k refers back to
// ("both governments": 2), or 0 when k is no such reference.
func (st *sentence) collective(k int) int {
	if !st.c.opt.KeepReferences || st.toks[k].XPOS != "NNS" || !collectiveNouns[st.lemmas[k]] || st.actor[k] != nil {
		return 0
	}
	n, definite := 0, false
	for _, c := range st.kids[k] {
		if c > k {
			break
		}
		switch st.words[c] {
		case "BOTH":
			n, definite = 2, true
		case "TWO":
			n = 2
		case "THREE":
			n = 3
		case "FOUR":
			n = 4
		case "THE", "THESE", "THOSE", "ALL":
			definite = true
		default:
			if st.actor[c] != nil || st.rel(c) == "nmod:poss" {
				return 0 // "both Kenyan governments", "their two countries"
			}
		}
	}
	if !definite {
		return 0 // "two presidents have been impeached" counts, refers to no one
	}
	return n
}

// personOrOrg reports whether an entity tag (BIO) marks a person or an
// organisation: only those can be actors named elsewhere in the article.
func personOrOrg(tag string) bool {
	return strings.HasSuffix(tag, "-PER") || strings.HasSuffix(tag, "-ORG")
}

// nameSpan returns the tokens of the proper name headed by k: k and its
// flat and compound proper-noun dependents.
func (st *sentence) nameSpan(k int) (first, last int) {
	first, last = k, k
	for _, c := range st.kids[k] {
		if r := st.baseRel(c); (r == "flat" || r == "compound") && st.toks[c].UPOS == "PROPN" {
			first, last = min(first, c), max(last, c)
		}
	}
	return first, last
}

// phrase finds the actors and agents of the nominal headed by k: in the
// head and its modifiers, or in the phrases attached to it with a
// preposition ("the government of Gondor", "soldiers from Gondor").
func (st *sentence) phrase(k int, subjectRole bool, depth int) ([]Actor, []*dict.Agent) {
	if depth > 8 {
		return nil, nil
	}
	core := []int{k}
	var extra []int // conjoined modifiers: "Eriadori and Calenardhon leaders"
	for i := 0; i < len(core); i++ {
		for _, c := range st.kids[core[i]] {
			switch st.rel(c) {
			case "compound", "flat", "amod", "det", "nmod:poss", "flat:name", "compound:prt", "nmod:desc":
				core = append(core, c)
			case "obl:unmarked", "obl:npmod":
				// "US-led forces", split as US - led: the country hangs
				// from the participle that modifies the head.
				if st.rel(core[i]) == "amod" {
					core = append(core, c)
				}
			case "conj":
				if core[i] != k {
					extra = append(extra, c)
				}
			}
		}
	}
	sortInts(core)
	var actor *Actor
	var agents []*dict.Agent
	var seenAgent *dict.AgentMatch
	headAgent := st.agent[k] != nil
	for _, c := range core {
		if st.rel(c) == "nmod:poss" || (c != k && st.dominatedByPoss(c, k)) {
			if !subjectRole && !headAgent && st.actor[k] == nil {
				continue
			}
		}
		// The head's own name wins over a nationality adjective when it
		// says more: "Chinese President Xi Jinping" is Xi's code, with his
		// role; "Bosnian Serbs" stay Bosnian. (A possessor keeps its
		// place: "Ithilen's minister Calimehtar".)
		if m := st.actor[c]; m != nil {
			code := m.Actor.CodeAt(st.date)
			// So does a part of the first's country: "the U.S. State
			// Department" (USAGOV after USA).
			if actor == nil || st.actor[k] == m && m.Start > actor.Last && len(code) > len(actor.Code) &&
				(st.rel(actor.First) == "amod" || strings.HasPrefix(code, actor.Code)) {
				actor = &Actor{Code: code, First: m.Start, Last: m.End - 1}
			}
		}
		if g := st.agent[c]; g != nil && g != seenAgent {
			seenAgent = g
			agents = append(agents, g.Agent)
		}
	}
	agents = st.memberOf(k, actor, agents)
	// Phrases attached with a preposition name the actor when they hold
	// one, except inside a multiword name that covers them.
	for _, c := range st.kids[k] {
		if st.baseRel(c) != "nmod" || st.rel(c) == "nmod:poss" || st.rel(c) == "nmod:tmod" {
			continue
		}
		if m := st.actor[k]; m != nil && c >= m.Start && c < m.End {
			continue
		}
		if g := st.agent[k]; g != nil && c >= g.Start && c < g.End {
			continue
		}
		if actor != nil {
			break // the head's own actor wins over attached phrases
		}
		if !headAgent && st.townPhrase(c) {
			continue // "roads in Lusaka": a thing's place is no actor
		}
		if actor == nil && st.quantity(k) && st.caseWord(c) == "OF" {
			// "thousands of demonstrators": the counted phrase names them.
			// Over the quantity's own role ("thousands" alone are
			// civilians) only a role of the phrase wins ("hundreds of
			// drivers"); its actors are read below with their conjuncts.
			if as, gs := st.phrase(c, subjectRole, depth+1); len(agents) == 0 && (len(as) > 0 || len(gs) > 0) || len(as) == 0 && len(gs) > 0 {
				return as, gs
			}
		}
		if sub := st.resolveDepth(c, depth+1); len(sub) > 0 {
			// The phrase's roles qualify the attached actor only when the
			// head is the role ("lawmakers in Arnor"), not a modifier of
			// something else ("a million-man march against the US").
			if !headAgent {
				agents = nil
			}
			return sub, agents
		}
	}
	if actor == nil && len(agents) == 0 && depth == 0 {
		// A name whose apposition says who it is: "Nasser al-Shammari,
		// deputy secretary-general of the al-Nujaba Brigades".
		for _, c := range st.kids[k] {
			if st.rel(c) == "appos" && st.child(c, "conj") < 0 {
				if as, gs := st.phrase(c, subjectRole, depth+1); len(as) > 0 || len(gs) > 0 {
					return as, gs
				}
			}
		}
	}
	if actor == nil {
		return nil, agents
	}
	if len(agents) == 0 && st.capital(k, actor, depth) {
		actor.Code += "GOV" // "Athens expelled two diplomats"
	}
	actor.First, actor.Last = st.coreRun(core, actor.First, actor.Last)
	actors := []Actor{*actor}
	for _, c := range extra {
		if m := st.actor[c]; m != nil {
			actors = append(actors, Actor{Code: m.Actor.CodeAt(st.date), First: m.Start, Last: m.End - 1})
		}
	}
	return actors, agents
}

// capital reports whether the actor of the phrase headed by k (at depth
// depth of the phrase resolved) is the name of a country's capital
// standing alone, not as a place ("in Athens"): a capital that acts or
// is acted on stands for its government.
func (st *sentence) capital(k int, a *Actor, depth int) bool {
	m := st.actor[k]
	if st.c.opt.Places == nil || m == nil || m.Start != a.First || len(a.Code) != 3 || placeCase[st.caseWord(k)] {
		return false
	}
	// Inside another phrase only as its party ("talks with Nairobi"),
	// not as where someone is from ("residents of Nairobi").
	switch st.caseWord(k) {
	case "WITH", "AGAINST", "TO", "TOWARD", "TOWARDS", "BETWEEN":
	default:
		if depth > 0 {
			return false
		}
	}
	return st.c.opt.Places.Capital(strings.Join(textOf(st.toks[m.Start:m.End]), " "))
}

// coreRun widens the words of an actor (first..last) to the unbroken
// run of its phrase's core words (core, sorted) around them, but for a
// leading determiner: "Zambian Trade Minister Chanda Mwale" is the
// person's mention though "Zambian" gave the code.
func (st *sentence) coreRun(core []int, first, last int) (int, int) {
	in := func(j int) bool {
		for _, c := range core {
			if c == j {
				return st.toks[j].UPOS != "DET" && st.rel(j) != "nmod:poss"
			}
		}
		return false
	}
	for first > 0 && in(first-1) {
		first--
	}
	for last+1 < len(st.toks) && in(last+1) {
		last++
	}
	return first, last
}

// memberWords are heads that name someone by their place in a group
// ("leader", "commander", "spokesman"): the group's role is theirs.
var memberWords = map[string]bool{
	"LEADER": true, "COMMANDER": true, "CHIEF": true, "HEAD": true, "OFFICIAL": true, "SPOKESMAN": true,
	"SPOKESWOMAN": true, "SPOKESPERSON": true, "MEMBER": true, "REPRESENTATIVE": true, "FIGHTER": true,
}

// memberOf drops the role of a member word heading phrase k when the
// phrase names the group's own role or an actor that has one: "Afghan
// rebel leaders" are rebels (AFGREB), not a government, and "militia
// spokesman" is the militia's.
func (st *sentence) memberOf(k int, actor *Actor, agents []*dict.Agent) []*dict.Agent {
	g := st.agent[k]
	if g == nil || !memberWords[st.lemmas[k]] || g.Start != k {
		return agents
	}
	others := len(agents) > 1
	if actor != nil && len(actor.Code) > 3 && countryCode(actor.Code) {
		others = true // "Taliban commanders": the actor's role is theirs
	}
	if !others {
		return agents
	}
	out := agents[:0:0]
	for _, a := range agents {
		if a != g.Agent {
			out = append(out, a)
		}
	}
	return out
}

// countryCode reports whether code starts with a country rather than an
// organisation or a role.
func countryCode(code string) bool {
	return len(code) >= 3 && !dict.IsRole(code[:3]) && !strings.HasPrefix(code, "IGO")
}

// resolveDepth is resolve for phrases nested in prepositional phrases;
// their actors carry no agents of the outer phrase.
func (st *sentence) resolveDepth(k int, depth int) []Actor {
	members := st.members(k)
	var out []Actor
	for _, m := range members {
		actors, agents := st.phrase(m, false, depth)
		for _, a := range actors {
			out = append(out, combine(a, agents))
		}
	}
	return out
}

// members returns k and the members of a conjunction headed by k. An
// apposition that starts a list ("Mordor, the Shire, Arnor and Bree",
// parsed as Mordor with the appositive list "the Shire, Arnor and Bree")
// counts too; a single appositive restates its head and does not.
func (st *sentence) members(k int) []int {
	members := []int{k}
	for i := 0; i < len(members); i++ {
		for _, c := range st.kids[members[i]] {
			switch st.baseRel(c) {
			case "conj":
				members = append(members, c)
			case "appos":
				if st.child(c, "conj") >= 0 {
					members = append(members, c)
				}
			}
		}
	}
	return members
}

// dominatedByPoss reports whether c hangs below a possessor of k.
func (st *sentence) dominatedByPoss(c, k int) bool {
	for steps := 0; c >= 0 && c != k && steps < len(st.toks); steps++ {
		if st.rel(c) == "nmod:poss" && st.head(c) == k {
			return true
		}
		c = st.head(c)
	}
	return false
}

// combine adds agent codes to an actor code: "[~GOV]" after it, "[NGO~]"
// before it, skipping a role the code already holds (USAGOV + GOV).
func combine(a Actor, agents []*dict.Agent) Actor {
	code := a.Code
	var prefix string
	for _, g := range agents {
		if g.Prefix {
			prefix += g.Code
			continue
		}
		if hasBlock(code, g.Code) {
			continue
		}
		code += g.Code
	}
	a.Code = prefix + code
	return a
}

// hasBlock reports whether code holds role at a 3-letter block boundary
// after the country.
func hasBlock(code, role string) bool {
	for i := 3; i+len(role) <= len(code); i += 3 {
		if code[i:i+len(role)] == role {
			return true
		}
	}
	return false
}

// dedupe returns the distinct events (source, target, code) in order, in
// a new slice: st's buffers go back to the pool.
func (st *sentence) dedupe() []Event {
	if len(st.events) == 0 {
		return nil
	}
	out := make([]Event, 0, len(st.events))
next:
	for _, e := range st.events {
		for _, o := range out {
			if o.Source.Code == e.Source.Code && o.Target.Code == e.Target.Code && o.Code == e.Code {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}
