// Package coder turns dependency-parsed sentences into CAMEO events with
// PETRARCH-style dictionaries (package dict).
//
// For each verb of the sentence that the verb dictionary knows, the coder
// finds the verb's pattern by matching the words of its clause (before the
// verb: its subject and fronted phrases; after it: objects, prepositional
// phrases and complements), then its source and target actors from the
// dependency tree: subject and object, the agent of a passive, actors in
// prepositional phrases, the subject of a complement clause, and every
// member of a conjunction. Actor codes come from the actor dictionary (by
// the sentence's date) combined with agents ("Iraqi police" → IRQ + COP).
// Negated verbs take the code of their negation when the dictionaries
// define one, and code nothing otherwise.
package coder

import (
	"strings"
	"sync"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
)

// Options tune the coder.
type Options struct {
	// AllowMonads codes events that lack a source or a target actor.
	// PETRARCH's require_dyad is the default (false here).
	AllowMonads bool
	// KeepNegated keeps negated events with their own code and
	// Event.Negated set, instead of recoding or dropping them; the
	// article pipeline uses it to report mode "negated".
	KeepNegated bool
	// SourceOnly codes events whose source is known but that name no
	// target ("protesters marched in the capital"), as GDELT's one-actor
	// events; an event without a source is still dropped.
	SourceOnly bool
	// RoleOnlyActors keeps actors named only by a role ("protesters",
	// "police") as GDELT does, with the role codes alone ("OPP", "COP"),
	// instead of dropping their events as PETRARCH's null actors.
	RoleOnlyActors bool
	// KeepReferences codes events whose actor is a personal pronoun or a
	// name the dictionaries lack, marked in Actor.Ref, for a caller that
	// resolves them across the article ("he", "al-Asadi" after "Iraqi
	// lawmaker Ahmed al-Asadi").
	KeepReferences bool
	// DemandYield codes a statement, appeal or demand that someone should
	// yield (resign, withdraw, release ...) as the matching demand:
	// CAMEO's 10x for the complement's 08x.
	DemandYield bool
	// OnePerStory keeps, in CodeStory, only the first event of each
	// (source, target, code) in a story: PETRARCH's one-a-day filter.
	OnePerStory bool
	// ImpliedAgents codes an agentless passive of an act only a state
	// does ("50 persons were arrested") with the state's role as its
	// source (Actor.Implied), for a caller that finds the story's
	// country; PETRARCH drops such events for want of a source.
	ImpliedAgents bool
	// DropStatements leaves out plain statements (CAMEO 010 to 013:
	// "said", "told", "declined to comment", "feared", "hoped"), which
	// the codebook does not count as events. A statement with content is
	// still coded by it: the demand, criticism or intention of its
	// complement, and patterns of the statement verb that name one.
	DropStatements bool
	// Places tells the names of towns from those of countries. With it a
	// town named as where something happens ("hosted Hashimoto in
	// Moscow", "banished from Baghdad") is a place and never an actor;
	// without it such a name codes its country.
	Places Places
}

// Places knows which names are the names of towns.
type Places interface {
	// Town reports whether name (as the text spells it) names a town
	// and no country.
	Town(name string) bool
	// Capital reports whether name is a town that is its country's
	// capital: acting, it stands for the government ("Athens expelled").
	Capital(name string) bool
}

// Coder codes sentences with one set of dictionaries. It is safe for
// concurrent use.
type Coder struct {
	d   *dict.Set
	opt Options
}

// New returns a coder over the dictionaries d.
func New(d *dict.Set, opt Options) *Coder { return &Coder{d: d, opt: opt} }

// Actor is a coded actor mention.
type Actor struct {
	Code  string
	First int // token indexes (0-based, inclusive) of the words that gave the code
	Last  int
	// Ref marks an actor left for the caller to resolve within the
	// article (Options.KeepReferences); Code is "" then, but for a
	// Collective, whose Code is the role its noun gives ("GOV" for "both
	// governments"), if any.
	Ref Ref
	// Implied marks a source the text does not name: the state agent of
	// an agentless passive of an act only a state does ("50 persons were
	// arrested"). Code is "---" and the agent's role ("---COP"); First
	// and Last are the verb's. A caller that knows the story's country
	// puts it in. A target marked Implied ("---", First and Last its
	// words) is the people the act befell, of no named country: the
	// state's own.
	Implied bool
	// Count is how many actors a Collective reference stands for.
	Count int
}

// Ref says what an unresolved actor is.
type Ref uint8

// Kinds of references.
const (
	NoRef      Ref = iota
	Pronoun        // "he", "they"
	Name           // a proper name no dictionary holds
	Collective     // "both governments", "the two countries": actors named before
)

// Event is one coded event of a sentence.
type Event struct {
	Source, Target Actor
	Code           string
	Verb           int    // index of the verb token
	VerbText       string // the verb as it appears, with particles
	Rule           string // "BLOCK: pattern" or "BLOCK" for the verb's own code
	Negated        bool
}

// Discard says why a sentence was not coded.
type Discard int

// Discard kinds.
const (
	NotDiscarded Discard = iota
	SentenceDiscard
	StoryDiscard
)

// sentence holds the per-sentence working state.
type sentence struct {
	c      *Coder
	toks   []event.Token
	words  []string // upper-cased token texts
	lemmas []string // upper-cased lemmas ("" when unknown)
	kids   [][]int  // dependents of each token, in order
	date   int
	actor  []*dict.ActorMatch // per token: the actor phrase covering it
	agent  []*dict.AgentMatch // per token: the agent phrase covering it
	events []Event
	// sportStory marks a sentence of a story about sport.
	sportStory bool

	heads    []int    // head of each token (-1 for the root), after repairs
	rels     []string // relation of each token to its head, after repairs
	done     []bool   // support verbs and the event nouns they did
	kidBuf   []int    // backing array of kids
	actorBuf []dict.ActorMatch
	agentBuf []dict.AgentMatch
}

// CodeSentence codes one sentence; date is YYYYMMDD (0 when unknown) and
// picks date-restricted actor codes. It reports a discard instead of
// events when the sentence holds a discard phrase.
func (c *Coder) CodeSentence(s *event.Sentence, date int) ([]Event, Discard) {
	return c.codeSentence(s, date, false)
}

// codeSentence is CodeSentence in a story about sport or not.
func (c *Coder) codeSentence(s *event.Sentence, date int, sport bool) ([]Event, Discard) {
	st := c.prepare(s, date)
	defer st.release()
	st.sportStory = sport
	if found, story := c.d.Discards.Find(st.words); found {
		if story {
			return nil, StoryDiscard
		}
		return nil, SentenceDiscard
	}
	for v := range st.toks {
		if n := st.codeSupport(v); n >= 0 {
			st.done[v], st.done[n] = true, true
		}
	}
	for v := range st.toks {
		if !st.done[v] {
			st.codeVerb(v)
			st.codeNoun(v)
		}
	}
	return st.dedupe(), NotDiscarded
}

// CodeStory codes the sentences of one story. A story discard anywhere
// drops every event of the story. A story about sport (a few words of
// contests among its sentences) codes no violence: its "attacks" and
// "beat" are the game's.
func (c *Coder) CodeStory(ss []*event.Sentence, date int) ([][]Event, Discard) {
	out := make([][]Event, len(ss))
	seen := map[[3]string]bool{}
	sport := 0
	if c.d.Senses != nil {
		for _, s := range ss {
			sport += c.sportWords(s)
		}
	}
	for i, s := range ss {
		evs, d := c.codeSentence(s, date, sport >= sportStoryWords)
		if d == StoryDiscard {
			return nil, StoryDiscard
		}
		if c.opt.OnePerStory {
			kept := evs[:0]
			for _, e := range evs {
				k := [3]string{e.Source.Code, e.Target.Code, e.Code}
				if !seen[k] {
					seen[k] = true
					kept = append(kept, e)
				}
			}
			evs = kept
		}
		out[i] = evs
	}
	return out, NotDiscarded
}

// Mend applies to s the repairs the coder makes to its parse before coding
// it (see repair), so that later stages (dates, places, modes) read the
// same tree as the coder.
func (c *Coder) Mend(s *event.Sentence) {
	st := c.prepare(s, 0)
	defer st.release()
	for i := range s.Tokens {
		s.Tokens[i].Head, s.Tokens[i].Rel = st.heads[i]+1, st.rels[i]
	}
}

// states recycles the per-sentence working buffers: coding allocates
// little beyond the upper-cased words.
var states = sync.Pool{New: func() any { return new(sentence) }}

func (c *Coder) prepare(s *event.Sentence, date int) *sentence {
	n := len(s.Tokens)
	st := states.Get().(*sentence)
	st.c, st.toks, st.date, st.events = c, s.Tokens, date, st.events[:0]
	st.words = grow(st.words, n)
	st.lemmas = grow(st.lemmas, n)
	st.actor = grow(st.actor, n)
	st.agent = grow(st.agent, n)
	st.kids = grow(st.kids, n)
	st.kidBuf = grow(st.kidBuf, n)
	st.heads = grow(st.heads, n)
	st.rels = grow(st.rels, n)
	st.done = grow(st.done, n)
	st.actorBuf = st.actorBuf[:0]
	st.agentBuf = st.agentBuf[:0]
	if cap(st.actorBuf) < n {
		st.actorBuf = make([]dict.ActorMatch, 0, n)
		st.agentBuf = make([]dict.AgentMatch, 0, n)
	}
	// Children in one buffer, grouped by head (counting sort).
	count := st.kidBuf
	for i := range count {
		count[i] = 0
	}
	size := 0
	for _, t := range s.Tokens {
		size += len(t.Text) + len(t.Lemma)
	}
	var upper strings.Builder
	upper.Grow(size)
	for i, t := range s.Tokens {
		st.words[i] = upperASCII(&upper, t.Text)
		switch {
		case t.Lemma == t.Text:
			st.lemmas[i] = st.words[i]
		case t.Lemma != "_":
			st.lemmas[i] = upperASCII(&upper, t.Lemma)
		default:
			st.lemmas[i] = ""
		}
		st.actor[i], st.agent[i] = nil, nil
		st.heads[i], st.rels[i], st.done[i] = -1, t.Rel, false
		if h := t.Head - 1; h >= 0 && h < n {
			st.heads[i] = h
		}
	}
	// Actor and agent phrases first: repairs read them.
	for i := 0; i < n; {
		if s.Tokens[i].UPOS == "PRON" {
			// Matching ignores case: the pronoun "us" is not the US.
			i++
			continue
		}
		am, aok := c.d.Actors.Match(st.words, i)
		gm, gok := c.d.Agents.Match(st.words, i)
		switch {
		case aok && (!gok || am.End >= gm.End):
			st.actorBuf = append(st.actorBuf, am)
			m := &st.actorBuf[len(st.actorBuf)-1]
			for k := m.Start; k < m.End; k++ {
				st.actor[k] = m
			}
			i = m.End
		case gok:
			st.agentBuf = append(st.agentBuf, gm)
			m := &st.agentBuf[len(st.agentBuf)-1]
			for k := m.Start; k < m.End; k++ {
				st.agent[k] = m
			}
			i = m.End
		default:
			i++
		}
	}
	st.repair()
	for _, h := range st.heads {
		if h >= 0 {
			count[h]++
		}
	}
	start := 0
	for h := range st.kids {
		st.kids[h] = st.kidBuf[start : start : start+count[h]]
		start += count[h]
	}
	// count is st.kidBuf itself: the slices above now take its place.
	for i, h := range st.heads {
		if h >= 0 {
			st.kids[h] = append(st.kids[h], i)
		}
	}
	return st
}

// release returns st's buffers to the pool.
func (st *sentence) release() {
	st.toks, st.c = nil, nil
	states.Put(st)
}

// grow returns s with length n, reusing its array when it is big enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// upperASCII upper-cases s. An ASCII word is written to b, the buffer of
// its sentence's words, and the result shares b's array: String's results
// stay valid while b grows, so a sentence's words take one allocation
// (when b was grown enough) rather than one each, a tenth of the coder's
// time. A word upper case already is s itself.
func upperASCII(b *strings.Builder, s string) string {
	lower := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToUpper(s)
		}
		lower = lower || 'a' <= c && c <= 'z'
	}
	if !lower {
		return s
	}
	start := b.Len()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()[start:]
}

func (st *sentence) rel(i int) string { return st.rels[i] }

func (st *sentence) baseRel(i int) string {
	// A loop rather than strings.Cut: relations are a few bytes, and
	// this runs for most tokens many times over.
	r := st.rels[i]
	for k := 0; k < len(r); k++ {
		if r[k] == ':' {
			return r[:k]
		}
	}
	return r
}

func (st *sentence) head(i int) int { return st.heads[i] }

// hasSubject reports whether token v has a subject of its own (before
// children are indexed, so by scanning the heads).
func (st *sentence) hasSubject(v int) bool {
	for j, h := range st.heads {
		if h == v && strings.HasPrefix(st.rels[j], "nsubj") {
			return true
		}
	}
	return false
}

// repair mends parse errors that cost events: a possessor hung on a verb
// ("Taiwan's vice foreign minister visited ...", with "Taiwan" under
// "visited") goes to the verb's subject after it; a verb conjoined to the
// object of another verb ("condemned an attack ... and promised aid", with
// "promised" under "attack") is conjoined to that verb; and a verb left
// as a modifier in a clause without one is made its verb (mainVerb).
func (st *sentence) repair() {
	for k, t := range st.toks {
		h := st.heads[k]
		if t.UPOS == "VERB" && st.rels[k] == "conj" && h >= 0 && st.rels[h] == "obj" && !st.hasSubject(k) {
			if g := st.heads[h]; g >= 0 && st.toks[g].UPOS == "VERB" {
				st.heads[k] = g
			}
		}
	}
	for k := range st.toks {
		v := st.heads[k]
		if st.rels[k] != "nmod:poss" || v < 0 || (st.toks[v].UPOS != "VERB" && st.toks[v].UPOS != "AUX") {
			continue
		}
		for j := k + 1; j < len(st.toks); j++ {
			if st.heads[j] == v && (st.rels[j] == "nsubj" || st.rels[j] == "nsubj:pass") {
				st.heads[k] = j
				break
			}
		}
	}
	for v := range st.toks {
		st.mainVerb(v)
	}
	for k := range st.toks {
		st.nationalityObject(k)
	}
	for k := range st.toks {
		st.comparativeCount(k)
	}
	for k := range st.toks {
		st.baseConjunct(k)
	}
}

// baseConjunct mends a conjunct whose base-form auxiliary shows that it
// shares the modal of a base verb before it: in "X said the president
// should resign and be banished" the parser made "banished" a conjunct of
// "said", so that the passive's subject was the speaker. It becomes the
// conjunct of "resign".
func (st *sentence) baseConjunct(k int) {
	h := st.heads[k]
	if st.rels[k] != "conj" || h < 0 || h > k || st.hasSubject(k) {
		return
	}
	switch st.toks[h].XPOS {
	case "VBD", "VBZ", "VBP":
	default:
		return
	}
	base := false
	for j := range st.toks {
		if st.heads[j] != k || st.rels[j] != "aux" && st.rels[j] != "aux:pass" {
			continue
		}
		if st.toks[j].XPOS != "VB" {
			return // an auxiliary of its own tense: "and was banished"
		}
		base = true
	}
	if !base {
		return
	}
	for j := k - 1; j > h; j-- {
		if st.toks[j].UPOS == "VERB" && st.toks[j].XPOS == "VB" && st.dominates(h, j) {
			st.heads[k] = j
			return
		}
	}
}

// comparativeCount mends a counted phrase whose comparative the parser
// took for its head: in "More than 1000 people have been arrested" it made
// "More" the subject and "people" an oblique of it ("than 1000 people"),
// so that the people arrested were no actor. The noun takes the
// comparative's place, and the comparative modifies it ("at least" and
// "nearly" already do).
func (st *sentence) comparativeCount(k int) {
	switch st.words[k] {
	case "MORE", "LESS", "FEWER":
	default:
		return
	}
	for j := k + 1; j < len(st.toks) && j <= k+6; j++ {
		if st.heads[j] != k || st.rels[j] != "obl" {
			continue
		}
		if u := st.toks[j].UPOS; u != "NOUN" && u != "PROPN" {
			return
		}
		than := false
		for m := k + 1; m < j; m++ {
			than = than || st.heads[m] == j && st.words[m] == "THAN"
		}
		if !than {
			return
		}
		st.heads[j], st.rels[j] = st.heads[k], st.rels[k]
		st.heads[k], st.rels[k] = j, "advmod"
		return
	}
}

// nationalityObject mends an object whose nationality the parser took
// for a predicate: "met Chinese President Xi" parsed with "Chinese" a
// complement (xcomp) of "met" and "Xi" its object (or its name). The name becomes the
// verb's object, and the adjective its modifier again.
func (st *sentence) nationalityObject(a int) {
	h := st.heads[a]
	if st.toks[a].UPOS != "ADJ" || st.rels[a] != "xcomp" || h < 0 || st.toks[h].UPOS != "VERB" || st.actor[a] == nil {
		return
	}
	for o := a + 1; o < len(st.toks); o++ {
		if r := st.rels[o]; st.heads[o] == a && (r == "obj" || r == "flat" || r == "appos") && nominal(st.toks[o].UPOS) && !st.hasChild(h, "obj") {
			st.heads[o], st.rels[o] = h, "obj"
			st.heads[a], st.rels[a] = o, "amod"
			return
		}
	}
}

// mainVerb mends a clause whose verb the parser hung as a modifier, so
// that the clause has no verb: "The United States imposed sanctions on
// Iran" parsed as a noun phrase, "imposed" an adjective of "sanctions"
// (amod), or "A top official today praised the reforms" with "praised" a
// participle clause of "today" (acl). A finite or past form with a noun
// phrase before it, in a clause that no verb heads, is the clause's verb:
// the phrase before it becomes its subject, the noun it modified its
// object. A verb anywhere above keeps the parse as it is ("the newly
// imposed sanctions" has no noun before the participle; "officials
// dismissed the imposed sanctions" has a verb).
func (st *sentence) mainVerb(v int) {
	t := &st.toks[v]
	if t.UPOS != "VERB" || (t.XPOS != "VBD" && t.XPOS != "VBN") || st.rels[v] != "amod" && st.rels[v] != "acl" || st.verbAbove(v) {
		return
	}
	var subj, obj int
	switch st.rels[v] {
	case "amod":
		// "[The United States] imposed [sanctions] on Iran."
		obj = st.heads[v]
		if obj <= v || v == 0 || !nominal(st.toks[v-1].UPOS) {
			return
		}
		subj = v - 1
		for h := st.heads[subj]; h >= 0 && h < v; h = st.heads[subj] {
			subj = h
		}
	case "acl":
		// "[A top official] today praised the reforms.": only an active
		// verb with an object; "the official praised by Kestria" is a
		// participle clause.
		subj, obj = st.heads[v], -1
		if subj < 0 || subj > v || !st.hasChild(v, "obj") {
			return
		}
		for subj >= 0 && temporal(st.rels[subj]) {
			subj = st.heads[subj]
		}
		if subj < 0 || !nominal(st.toks[subj].UPOS) && st.toks[subj].UPOS != "ADJ" {
			return
		}
	default:
		return
	}
	// The verb takes the place of the clause's head: the object's (the
	// subject's, when the object hangs inside the subject phrase).
	g := st.heads[subj]
	if obj >= 0 && !st.dominatesRaw(subj, st.heads[obj]) {
		g = st.heads[obj]
	}
	rel := "root"
	if g >= 0 {
		rel = st.rels[subj]
		if obj >= 0 && !st.dominatesRaw(subj, st.heads[obj]) {
			rel = st.rels[obj]
		}
	}
	if g == v || g >= 0 && (st.dominatesRaw(v, g) || obj >= 0 && st.dominatesRaw(obj, g) || st.dominatesRaw(subj, g)) {
		return // it would make a cycle
	}
	st.heads[v], st.rels[v] = g, rel
	st.heads[subj], st.rels[subj] = v, "nsubj"
	if obj >= 0 {
		st.heads[obj], st.rels[obj] = v, "obj"
	}
	// "The ministry accused X of Y, but said it would talk": a verb the
	// parser conjoined to the noun that is now the subject or the object
	// is conjoined to the verb.
	for j := v + 1; j < len(st.toks); j++ {
		if h := st.heads[j]; (h == subj || h == obj && obj >= 0) && st.rels[j] == "conj" && st.toks[j].UPOS == "VERB" && !st.hasSubject(j) {
			st.heads[j] = v
		}
	}
}

// verbAbove reports whether a verb heads the clause of token k: an
// ancestor that is a verb or an auxiliary, or a nominal with a copula.
func (st *sentence) verbAbove(k int) bool {
	for steps, h := 0, st.heads[k]; h >= 0 && steps < len(st.toks); steps++ {
		if u := st.toks[h].UPOS; u == "VERB" || u == "AUX" || st.hasChild(h, "cop") {
			return true
		}
		h = st.heads[h]
	}
	return false
}

// hasChild reports whether token h has a dependent with relation rel
// (before children are indexed, so by scanning the heads).
func (st *sentence) hasChild(h int, rel string) bool {
	for j, g := range st.heads {
		if g == h && st.rels[j] == rel {
			return true
		}
	}
	return false
}

// dominatesRaw is dominates before children are indexed.
func (st *sentence) dominatesRaw(a, k int) bool {
	for steps := 0; k >= 0 && steps <= len(st.toks); steps++ {
		if k == a {
			return true
		}
		k = st.heads[k]
	}
	return false
}

// nominal reports whether a tag heads a noun phrase.
func nominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }

// temporal reports whether a relation attaches a time expression
// ("today", "on Monday").
func temporal(rel string) bool {
	switch rel {
	case "obl:tmod", "nmod:tmod", "obl:unmarked", "obl:npmod":
		return true
	}
	return false
}

// child returns the first dependent of i whose relation's base is one of rels.
func (st *sentence) child(i int, rels ...string) int {
	for _, k := range st.kids[i] {
		r := st.rel(k)
		b := st.baseRel(k)
		for _, want := range rels {
			if r == want || b == want {
				return k
			}
		}
	}
	return -1
}

// caseWord returns the upper-cased preposition of a nominal, or "".
func (st *sentence) caseWord(i int) string {
	for _, k := range st.kids[i] {
		if st.rel(k) == "case" {
			return st.words[k]
		}
	}
	return ""
}

// subtree appends the indexes of i's subtree to out and returns out in
// text order.
func (st *sentence) subtree(i int, out []int) []int {
	seen := 0
	out = st.walk(i, &seen, out)
	sortInts(out)
	return out
}

// walk appends j and its descendants to out in preorder, at most
// len(st.toks) of them in all (*seen counts them): a guard against cycles
// in hand-made input.
func (st *sentence) walk(j int, seen *int, out []int) []int {
	*seen++
	if *seen > len(st.toks) {
		return out
	}
	out = append(out, j)
	for _, k := range st.kids[j] {
		out = st.walk(k, seen, out)
	}
	return out
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// negated reports whether verb v is negated by a "not", "n't", "never" or
// "no longer" among its dependents.
func (st *sentence) negated(v int) bool {
	for _, k := range st.kids[v] {
		if st.baseRel(k) != "advmod" && st.rel(k) != "neg" && st.baseRel(k) != "aux" {
			continue
		}
		switch st.words[k] {
		case "NOT", "N'T", "N’T", "NEVER":
			return true
		}
	}
	return false
}

// passive reports whether v is a passive verb.
// A parser that misses the :pass labels still leaves a participle with a
// form of "be" among its auxiliaries: "was criticized".
func (st *sentence) passive(v int) bool {
	if st.child(v, "nsubj:pass", "aux:pass") >= 0 || st.adjectivalPassive(v) {
		return true
	}
	if st.toks[v].XPOS != "VBN" {
		return false
	}
	for _, k := range st.kids[v] {
		if st.baseRel(k) == "aux" && st.lemmas[k] == "BE" {
			return true
		}
	}
	return false
}

// Mention is how the dictionaries see a name in a sentence.
type Mention struct {
	Code  string // the actor code the name gets, from the dictionaries or its context; "" when none
	Known bool   // an actor phrase of the dictionaries covers the name
}

// Named returns the actor phrases of s that the dictionaries code, in
// text order, with their codes on date (YYYYMMDD): the actors a later
// collective reference ("both governments") may stand for.
func (c *Coder) Named(s *event.Sentence, date int) []Actor {
	st := c.prepare(s, date)
	defer st.release()
	out := make([]Actor, 0, len(st.actorBuf))
	for _, m := range st.actorBuf {
		out = append(out, Actor{Code: m.Actor.CodeAt(date), First: m.Start, Last: m.End - 1})
	}
	return out
}

// Describe codes the name spanning tokens first..last (0-based, inclusive)
// of s: from the actor dictionary when it knows the name, otherwise from
// the role words and countries around it ("Iraqi lawmaker Ahmed al-Asadi"
// → IRQLEG). The pipeline uses it to list unknown actors.
func (c *Coder) Describe(s *event.Sentence, first, last, date int) Mention {
	st := c.prepare(s, date)
	defer st.release()
	var m Mention
	for k := first; k <= last && k < len(st.toks); k++ {
		if st.actor[k] != nil {
			m.Known = true
		}
	}
	if last >= len(st.toks) || first < 0 {
		return m
	}
	head := st.nominalHead(last)
	if as := st.resolve(head, true); len(as) > 0 && !nullCode(as[0].Code) {
		m.Code = as[0].Code
		return m
	}
	// "Nasser al-Shammari, deputy secretary-general of X" is often parsed
	// with the name as the subject of the noun phrase that describes it.
	if h := st.head(head); h >= 0 && (st.rel(head) == "nsubj" || st.rel(head) == "appos") && st.toks[h].UPOS == "NOUN" {
		if as := st.resolve(h, true); len(as) > 0 && !nullCode(as[0].Code) {
			m.Code = as[0].Code
		}
	}
	return m
}
