// Package pipeline runs a document through annals' stages and returns its
// event records: the language layer (nlp) analyses the text, the coder
// codes each sentence with the dictionaries, and every event gets its
// place (geo) and date (dates) from its own clause, its CAMEO description
// (cameo) and its evidence.
//
// A Pipeline holds only loaded, read-only models and is safe for
// concurrent use: one per process, shared by every worker.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/coder"
	"github.com/annals/annals/dates"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/nlp/quote"
)

// Analyzer is the language layer as the pipeline uses it.
type Analyzer interface {
	Process(ctx context.Context, text string) ([]event.Sentence, error)
}

// Options are the parts of a Pipeline. Analyzer and Dicts are required;
// without a Gazetteer events have no location.
type Options struct {
	Analyzer  Analyzer
	Dicts     *dict.Set
	Gazetteer *geo.Gazetteer
	Coder     coder.Options
	// Statements keeps plain statements ("said", "told": CAMEO 010 to
	// 013) as events, as GDELT has them. By default a statement is coded
	// only by its content (docs/codebook.md: plain "said" is not an
	// event).
	Statements bool
}

// Pipeline codes documents.
type Pipeline struct {
	nlp   Analyzer
	dicts *dict.Set
	coder *coder.Coder
	gaz   *geo.Gazetteer
	// keepSentences fills Result.Sentences (WithSentences).
	keepSentences bool
}

// New returns a pipeline over opt's parts.
func New(opt Options) (*Pipeline, error) {
	if opt.Analyzer == nil || opt.Dicts == nil {
		return nil, fmt.Errorf("pipeline: an analyzer and dictionaries are required")
	}
	co := opt.Coder
	co.KeepNegated = true    // the record reports them with mode "negated"
	co.RoleOnlyActors = true // "police arrested protesters" is an event
	co.SourceOnly = true     // and so is "protesters marched"
	co.KeepReferences = true // pronouns and bare names, resolved below across sentences
	co.DemandYield = true    // "X said Y should resign" is a demand
	co.ImpliedAgents = true  // "50 persons were arrested": by the story's police
	co.DropStatements = !opt.Statements
	if opt.Gazetteer != nil {
		co.Places = towns{opt.Gazetteer}
	}
	return &Pipeline{nlp: opt.Analyzer, dicts: opt.Dicts, coder: coder.New(opt.Dicts, co), gaz: opt.Gazetteer}, nil
}

// WithSentences returns a pipeline like p that also returns the analysed
// sentences of each document in Result.Sentences, for error analysis.
// They take some 25 times the size of the text, which p lets go of as
// soon as each part of a document is coded.
func (p *Pipeline) WithSentences() *Pipeline {
	q := *p
	q.keepSentences = true
	return &q
}

// towns tells the coder which names are towns: those the gazetteer
// knows only as populated places or regions, never as a country; and
// which of them are capitals.
type towns struct{ g *geo.Gazetteer }

func (t towns) Town(name string) bool {
	ids := t.g.Lookup(name)
	for _, i := range ids {
		if t.g.Place(i).Kind <= geo.Country {
			return false
		}
	}
	return len(ids) > 0
}

func (t towns) Capital(name string) bool {
	capital := false
	for _, i := range t.g.Lookup(name) {
		switch pl := t.g.Place(i); {
		case pl.Kind <= geo.Country:
			return false
		case pl.Code == "PPLC":
			capital = true
		}
	}
	return capital
}

// Result is what coding one document gives.
type Result struct {
	Sentences []event.Sentence // only from a pipeline WithSentences
	Records   []event.Record
	Discarded bool // a story discard phrase dropped every event
	// Counts are the article's counts of people (killed, injured,
	// arrested, crowd) in text order, whether or not an event carries
	// them (docs/record.md, "Counts").
	Counts []event.Count
	// loose are the counts of the parts coded so far that no event of
	// their sentence carries, for attach.
	loose []looseCount
	// Unknown lists the names of people and organisations that no actor
	// dictionary holds, with the code their context gives, so that they
	// can be added to the dictionaries.
	Unknown []UnknownActor
}

// UnknownActor is a named entity the dictionaries lack.
type UnknownActor struct {
	Text       string
	Label      string // PER or ORG
	Code       string // from its context ("Iraqi lawmaker X" → IRQLEG); "" when none
	Sentence   int
	Start, End int // byte offsets into the document
}

// Code analyses and codes doc. doc.ID is set from the text's hash when
// empty; doc.Published, when set, resolves relative dates and
// date-restricted actor codes. Without it an event gets only a date its
// text states in full, and nothing stands in for it (not today). A
// document longer than partBytes is coded in parts (see parts).
func (p *Pipeline) Code(ctx context.Context, doc *event.Document) (*Result, error) {
	if doc.ID == "" {
		doc.ID = event.DocumentID(doc.Text)
	}
	date := 0
	if !doc.Published.IsZero() {
		y, m, d := doc.Published.Date()
		date = y*10000 + int(m)*100 + d
	}
	res := &Result{}
	first := 0 // index of the part's first sentence in the document
	for _, part := range parts(doc.Text) {
		sents, err := p.nlp.Process(ctx, doc.Text[part.start:part.end])
		if err != nil {
			return nil, fmt.Errorf("pipeline: analyse %s: %w", docName(doc), err)
		}
		moveTo(sents, part.start, first)
		first += len(sents)
		if p.keepSentences {
			res.Sentences = append(res.Sentences, sents...)
		}
		if err := p.codePart(doc, part, sents, date, res); err != nil {
			return nil, err
		}
		if res.Discarded {
			res.Records, res.Counts = nil, nil
			return res, nil
		}
	}
	attachLoose(res.Records, res.loose)
	res.loose = nil
	return res, nil
}

// moveTo places the sentences of a part that starts at byte offset off
// and sentence index first of the document there.
func moveTo(sents []event.Sentence, off, first int) {
	for i := range sents {
		s := &sents[i]
		s.Index += first
		s.Start += off
		s.End += off
		for k := range s.Tokens {
			if t := &s.Tokens[k]; t.Start >= 0 {
				t.Start += off
				t.End += off
			}
		}
		for k := range s.Entities {
			if e := &s.Entities[k]; e.Start >= 0 {
				e.Start += off
				e.End += off
			}
		}
	}
}

// codePart codes the sentences of one part of doc into res, or sets
// res.Discarded. The article-wide steps (quotes and their speakers,
// pronouns, names, descriptions, places) see this part only.
func (p *Pipeline) codePart(doc *event.Document, part span, sents []event.Sentence, date int, res *Result) error {
	type coded struct {
		sent int // index into sents
		ev   coder.Event
	}
	story := make([]*event.Sentence, len(sents))
	for i := range sents {
		p.coder.Mend(&sents[i])
		res.Unknown = append(res.Unknown, p.unknown(&sents[i], date)...)
		story[i] = &sents[i]
	}
	// One story: what the whole article is about (a game, say) decides
	// the sense of its words.
	bySentence, discard := p.coder.CodeStory(story, date)
	if discard == coder.StoryDiscard {
		res.Discarded = true
		return nil
	}
	var all []coded
	partFrom := len(res.Records) // the part's records start here
	for i, evs := range bySentence {
		for _, e := range evs {
			all = append(all, coded{i, e})
		}
	}
	evs := make([]coder.Event, len(all))
	for i, c := range all {
		evs[i] = c.ev
	}
	quotes, err := quote.Analyze(doc.Text, sents)
	if err != nil {
		return fmt.Errorf("pipeline: quotes of %s: %w", docName(doc), err)
	}
	places := p.places(doc, part, sents, evs)
	when := dates.NewDocument(doc.Text, sents, doc.Published)
	names := p.names(sents, date)
	earlier := descriptions{} // actors with a country, in text order, by role
	home := p.storyCountry(doc.Text, places, evs)
	named := p.named(doc.Text, sents, date)
	for _, c := range all {
		s := &sents[c.sent]
		srcs, ok1 := p.actors(doc, sents, c.sent, c.ev.Source, c.ev.Target, quotes, names, named, date)
		tgts, ok2 := p.actors(doc, sents, c.sent, c.ev.Target, c.ev.Source, quotes, names, named, date)
		if !ok2 && c.ev.Source.Implied {
			tgts, ok2 = []*event.Actor{nil}, true // "he was arrested", whoever he is
		}
		if !ok1 || !ok2 {
			continue // a reference that names no known actor
		}
		for _, a := range append(srcs[:len(srcs):len(srcs)], tgts...) {
			if a != nil {
				earlier.describe(doc.Text, a)
				earlier.add(a)
			}
		}
		for _, src := range srcs {
			for _, tgt := range tgts {
				if src == nil {
					continue
				}
				if tgt != nil {
					tgt = copyActor(tgt) // each pair places its own
				}
				p.pair(doc, s, c.sent, c.ev, copyActor(src), tgt, places, when, quotes, earlier, home, res)
			}
		}
	}
	p.countPart(sents, partFrom, res)
	return nil
}

// pair records the event c of sentence s (at index si) between src and
// tgt, once their places are known.
func (p *Pipeline) pair(doc *event.Document, s *event.Sentence, si int, ev coder.Event, src, tgt *event.Actor,
	places []geo.Resolution, when *dates.Document, quotes *quote.Doc, earlier descriptions, home string, res *Result) {
	r := p.record(doc, s, ev, places)
	where := home
	if r.Location != nil && r.Location.Country != "" {
		where = r.Location.Country
	}
	if src.Implied {
		earlier.imply(src, s, r.Location, home)
		if tgt != nil && tgt.Implied {
			// "50 persons were arrested": the state's own people.
			if tgt.Code, tgt.Country = src.Country, src.Country; tgt.Code == "" {
				tgt = nil
			}
		}
	}
	placeActor(src, where)
	placeActor(tgt, where)
	counterpart(src, tgt)
	counterpart(tgt, src)
	if tgt != nil && tgt.Code == src.Code {
		return // an actor acting on itself
	}
	setDate(&r, when, si, ev.Verb)
	r.Source, r.Target = src, tgt
	if ev.Source.Ref == coder.Collective || ev.Target.Ref == coder.Collective {
		// One event per member: each its own id.
		e := ev
		e.Source.Code = src.Code
		if tgt != nil {
			e.Target.Code = tgt.Code
		}
		r.ID = recordID(doc.ID, s.Index, e)
	}
	p.setMode(&r, s, si, ev, doc.Text, quotes)
	if !repeated(res.Records, &r) {
		res.Records = append(res.Records, r)
	}
}

// counterpart gives an actor named as the other's counterpart ("met his
// Tanzanian counterpart") the other's roles: a president's counterpart
// is a president.
func counterpart(a, other *event.Actor) {
	if a == nil || other == nil || a.Country == "" || len(a.Roles) > 0 || len(other.Roles) == 0 || other.Country == a.Country {
		return
	}
	words := strings.Fields(strings.ToLower(a.Text))
	if n := len(words); n == 0 || words[n-1] != "counterpart" && words[n-1] != "counterparts" {
		return
	}
	a.Roles = other.Roles
	a.Code = a.Country + strings.Join(other.Roles, "")
}

func copyActor(a *event.Actor) *event.Actor {
	b := *a
	return &b
}

// named returns the actors the dictionaries name in sents, in text
// order: those a collective reference may stand for.
func (p *Pipeline) named(text string, sents []event.Sentence, date int) []*event.Actor {
	var out []*event.Actor
	for i := range sents {
		for _, a := range p.coder.Named(&sents[i], date) {
			if r := recordActor(text, &sents[i], a); r != nil && r.Country != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

// actors turns a coded actor into the record's actors: one, or none (a
// nil actor for an event without one), or, for a collective reference
// ("both governments", "the two countries"), the actors of as many
// countries named last before it, but for the event's other actor's.
// ok is false when a reference stands for nothing known.
func (p *Pipeline) actors(doc *event.Document, sents []event.Sentence, si int, a, other coder.Actor, quotes *quote.Doc, names map[string]string, named []*event.Actor, date int) ([]*event.Actor, bool) {
	if a.Ref != coder.Collective {
		one, ok := p.actor(doc, sents, si, a, quotes, names, date)
		return []*event.Actor{one}, ok
	}
	s := &sents[si]
	at := s.Tokens[a.First].Start
	skip := ""
	if o, ok := p.actor(doc, sents, si, other, quotes, names, date); ok && o != nil {
		skip = o.Country
	}
	var out []*event.Actor
	seen := map[string]bool{skip: true}
	for i := len(named) - 1; i >= 0 && len(out) < a.Count; i-- {
		m := named[i]
		if m.End > at || seen[m.Country] {
			continue
		}
		seen[m.Country] = true
		code := m.Code
		if a.Code != "" {
			code = m.Country + a.Code
		}
		first, last := a.First, a.Last
		for first > 0 && s.Tokens[first-1].Head-1 == a.First && s.Tokens[first-1].Start >= 0 {
			first-- // the count and determiner: "both governments"
		}
		if r := recordActor(doc.Text, s, coder.Actor{Code: code, First: first, Last: last}); r != nil {
			out = append(out, r)
		}
	}
	if len(out) < 2 {
		// Too few named before: the phrase's role alone ("both
		// governments": GOV), placed as any other.
		one := recordActor(doc.Text, s, coder.Actor{Code: a.Code, First: a.First, Last: a.Last})
		return []*event.Actor{one}, one != nil
	}
	// In text order, as they were named.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, true
}

// descriptions holds the article's actors with a country, in text order,
// under each of their roles, so that a description looks only at the
// actors with its role.
type descriptions map[string][]*event.Actor

// add notes a, when it has a country, under its roles.
func (ds descriptions) add(a *event.Actor) {
	if a.Country == "" {
		return
	}
	for _, r := range a.Roles {
		ds[r] = append(ds[r], a)
	}
}

// storyCountry returns the country the story of a part happens in: the
// one its places and its actors name most often, the first named among
// equals; "" when they name none.
func (p *Pipeline) storyCountry(text string, places []geo.Resolution, evs []coder.Event) string {
	count := map[string]int{}
	var order []string
	note := func(c string) {
		if c == "" {
			return
		}
		if count[c] == 0 {
			order = append(order, c)
		}
		count[c]++
	}
	for i := range places {
		if pl := &places[i]; pl.Place != nil && !pl.InName {
			note(p.gaz.Location(pl.Place, pl.Start, pl.End).Country)
		}
	}
	for _, e := range evs {
		note(countryOf(e.Source.Code))
		note(countryOf(e.Target.Code))
	}
	best := ""
	for _, c := range order {
		if count[c] > count[best] {
			best = c
		}
	}
	return best
}

// placeActor gives an actor named only by a role of a state or of
// society ("drivers", "police", "the authorities") the country where its
// event happened, else the story's: "Hundreds of drivers demonstrated in
// Nairobi" are Kenyan drivers. An organisation's role (IGO, NGO) and an
// international armed group (IMG: "Islamic State") name no country.
func placeActor(a *event.Actor, country string) {
	if a == nil || a.Country != "" || country == "" || len(a.Roles) == 0 || a.Code != strings.Join(a.Roles, "") {
		return
	}
	switch a.Roles[0] {
	case "IGO", "NGO", "NGM", "MNC", "INT", "UIS", "IMG":
		return
	}
	a.Code, a.Country = country+a.Code, country
}

// repeated reports whether recs already hold r's event: the same code
// between the same actors in the same sentence (an intention coded from
// its verb and from the deed it announces).
func repeated(recs []event.Record, r *event.Record) bool {
	for i := len(recs) - 1; i >= 0 && recs[i].Sentence.Index == r.Sentence.Index; i-- {
		o := &recs[i]
		if o.Code == r.Code && sameActor(o.Source, r.Source) && sameActor(o.Target, r.Target) {
			return true
		}
	}
	return false
}

func sameActor(a, b *event.Actor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Code == b.Code
}

// describe resolves a definite description ("the president", "the
// cleric"): an actor named only by its role, after "the", stands for the
// latest actor of the article before it with that role and a country.
// Every actor of an earlier sentence ends before a, so the search passes
// over a's own sentence's actors at most.
func (ds descriptions) describe(text string, a *event.Actor) {
	if a.Country != "" || len(a.Roles) == 0 || !afterThe(text, a.Start) {
		return
	}
	same := ds[a.Roles[0]]
	for i := len(same) - 1; i >= 0; i-- {
		if e := same[i]; e.End <= a.Start {
			a.Code, a.Country, a.Roles = e.Code, e.Country, e.Roles
			return
		}
	}
}

// imply gives an implied state agent (coder.Actor.Implied) of sentence s
// its country: that of the event's place when its sentence names one
// ("were arrested in Kabul"), else that of the latest actor before it
// with its role and a country (the police an earlier sentence named),
// else the dateline's, else the story's (storyCountry). Without any the
// agent keeps its role alone.
func (ds descriptions) imply(a *event.Actor, s *event.Sentence, loc *event.Location, story string) {
	c := ""
	inSentence := loc != nil && loc.Start >= s.Start && loc.End <= s.End
	if inSentence {
		c = loc.Country
	}
	if same := ds[a.Roles[0]]; c == "" && len(same) > 0 {
		c = same[len(same)-1].Country
	}
	if c == "" && loc != nil {
		c = loc.Country
	}
	if c == "" {
		c = story
	}
	if c != "" && countryOf(c) == c {
		a.Country, a.Code = c, c+a.Code
	}
}

// afterThe reports whether the text before offset at ends in "the", in
// any case, spaces aside. It reads only the end of the text before at.
func afterThe(text string, at int) bool {
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	return len(before) >= 3 && strings.EqualFold(before[len(before)-3:], "the")
}

// names codes the people and organisations of the article from the first
// mention whose context codes them ("Iraqi lawmaker Ahmed al-Asadi" →
// IRQLEG), keyed by each word of the name, so that a later bare mention
// ("al-Asadi", "Asadi") gets the same code.
func (p *Pipeline) names(sents []event.Sentence, date int) map[string]string {
	out := map[string]string{}
	for i := range sents {
		s := &sents[i]
		for _, e := range s.Entities {
			if e.Label != "PER" && e.Label != "ORG" {
				continue
			}
			d := p.coder.Describe(s, e.First, e.Last, date)
			if d.Code == "" {
				continue
			}
			for k := e.First; k <= e.Last; k++ {
				w := nameKey(s.Tokens[k].Text)
				if _, seen := out[w]; !seen && len(w) > 2 && s.Tokens[k].UPOS == "PROPN" {
					out[w] = d.Code
				}
			}
		}
	}
	return out
}

// nameKey is a word of a name as names keys it: lower case, without the
// Arabic article ("al-Shammari" and "Shammari" are one name).
func nameKey(w string) string {
	w = strings.ToLower(w)
	for _, p := range []string{"al-", "el-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return w[len(p):]
		}
	}
	return w
}

// actor turns a coded actor into the record's. A pronoun is resolved
// within the article (a first-person pronoun inside a quotation is its
// speaker) and a bare name through an earlier, fuller mention, each coded
// from what it stands for. ok is false when a reference stands for
// nothing the dictionaries or the context can code.
// The actor is of sentence sents[si].
func (p *Pipeline) actor(doc *event.Document, sents []event.Sentence, si int, a coder.Actor, quotes *quote.Doc, names map[string]string, date int) (*event.Actor, bool) {
	s := &sents[si]
	switch a.Ref {
	case coder.NoRef:
		if a.Implied {
			// Its country comes with its record's place (imply).
			out := &event.Actor{Code: strings.TrimPrefix(a.Code, "---"), Start: s.Tokens[a.First].Start, End: s.Tokens[a.Last].End, Implied: true}
			if out.Code != "" {
				out.Roles = []string{out.Code}
			}
			return out, true
		}
		return recordActor(doc.Text, s, a), true
	case coder.Name:
		code, ok := names[nameKey(s.Tokens[a.Last].Text)]
		if !ok {
			return nil, false
		}
		out := recordActor(doc.Text, s, coder.Actor{Code: code, First: a.First, Last: a.Last})
		return out, out != nil
	}
	tok := s.Tokens[a.First]
	var m quote.Mention
	switch strings.ToLower(tok.Text) {
	case "i", "we", "me", "us":
		if q := quotes.Holding(si, a.First); q != nil {
			m = q.Entity
		}
	default:
		m = quotes.Resolve(si, a.First, a.Last)
		// The speaker of a quotation ("..., he said") is resolved by the
		// quote finder, which knows whose turn it is.
		if q := quotes.SpeakerAt(si, a.First); q != nil {
			m = q.Entity
		}
	}
	if m.Text == "" || m.Sentence < 0 || m.Sentence >= len(sents) {
		return nil, false
	}
	d := p.coder.Describe(&sents[m.Sentence], m.First, m.Last, date)
	if d.Code == "" {
		return nil, false
	}
	ref := recordActor(doc.Text, &sents[m.Sentence], coder.Actor{Code: d.Code, First: m.First, Last: m.Last})
	return ref, ref != nil
}

// setMode sets how the text presents the event of sentence s, at index si
// of the quotes' sentences, and, inside a quotation, the quotation and its
// speaker.
func (p *Pipeline) setMode(r *event.Record, s *event.Sentence, si int, e coder.Event, text string, quotes *quote.Doc) {
	q := quotes.Holding(si, e.Verb)
	r.Mode = quote.Mode(s, e.Verb, q)
	if e.Negated {
		r.Mode = event.Negated
	}
	if r.Mode != event.Negated && proposed(s, e.Verb) {
		r.Mode = event.Hypothetical
	}
	if q != nil {
		r.Quote = q.Record(text)
	}
	if c, ok := intention(s, e.Verb, r.Code, r.Mode); ok {
		setCode(r, c)
		r.Evidence.Rule += " (intention)"
	}
}

// setCode sets r's CAMEO code and what the code table says of it.
func setCode(r *event.Record, code string) {
	r.Code, r.Root = code, cameo.Root(code)
	r.QuadClass, r.Goldstein, r.Plover = 0, 0, ""
	if c, ok := cameo.Lookup(code); ok {
		r.QuadClass, r.Goldstein, r.Plover = c.QuadClass, c.Goldstein, c.Plover
	}
}

// unknown lists the sentence's people and organisations that the actor
// dictionaries do not know.
func (p *Pipeline) unknown(s *event.Sentence, date int) []UnknownActor {
	var out []UnknownActor
	for _, e := range s.Entities {
		if e.Label != "PER" && e.Label != "ORG" {
			continue
		}
		m := p.coder.Describe(s, e.First, e.Last, date)
		if m.Known {
			continue
		}
		out = append(out, UnknownActor{Text: e.Text, Label: e.Label, Code: m.Code, Sentence: s.Index, Start: e.Start, End: e.End})
	}
	return out
}

func docName(doc *event.Document) string {
	if doc.URL != "" {
		return doc.URL
	}
	return doc.ID
}

// places resolves the place names of a part of the article once, with the
// actor countries of its events as context: the tagger's and the
// gazetteer's in the part (geo.Gazetteer.Toponyms) and the article's
// dateline, flagged Dateline.
func (p *Pipeline) places(doc *event.Document, part span, sents []event.Sentence, evs []coder.Event) []geo.Resolution {
	if p.gaz == nil {
		return nil
	}
	ms := p.gaz.Toponyms(doc.Text, sents, geo.FindOptions{})
	// The part's datelines (one per story of a digest), else the
	// article's.
	var datelines []geo.Mention
	for _, m := range p.gaz.Datelines(doc.Text[part.start:part.end]) {
		m.Start += part.start
		m.End += part.start
		datelines = append(datelines, m)
	}
	if len(datelines) == 0 && part.start > 0 {
		datelines = p.gaz.Datelines(doc.Text[:min(len(doc.Text), geo.DatelineReach)])
	}
	ms = geo.Merge(datelines, ms)
	var countries []string
	seen := map[string]bool{}
	for _, e := range evs {
		for _, code := range []string{e.Source.Code, e.Target.Code} {
			if c := countryOf(code); c != "" && !seen[c] {
				seen[c] = true
				countries = append(countries, c)
			}
		}
	}
	return p.gaz.Resolve(doc.Text, ms, geo.Context{Countries: countries})
}

// record builds the event record of one coded event.
func (p *Pipeline) record(doc *event.Document, s *event.Sentence, e coder.Event, places []geo.Resolution) event.Record {
	r := event.Record{
		Doc:      event.DocRef{ID: doc.ID, URL: doc.URL, Title: doc.Title},
		Sentence: event.SentenceRef{Index: s.Index, Start: s.Start, End: s.End, Text: s.Text},
		Mode:     event.Asserted,
		Evidence: event.Evidence{Verb: e.VerbText, Rule: e.Rule},
	}
	if !doc.Published.IsZero() {
		r.Doc.Published = doc.Published.Format("2006-01-02")
	}
	setCode(&r, e.Code)
	if v := s.Tokens[e.Verb]; v.Start >= 0 {
		r.Evidence.Start, r.Evidence.End = v.Start, v.End
	}
	r.Location = p.location(s, e, places)
	r.ID = recordID(doc.ID, s.Index, e)
	return r
}

// setDate dates the record of the event whose word is token word of
// sentence sent: from its clause, its sentence or its paragraph, else by
// the publication date at precision "publication". Without a publication
// date only what the text states in full resolves ("on March 8, 2024",
// "in 2019"); "on Friday" stays undated, and nothing stands in.
func setDate(r *event.Record, when *dates.Document, sent, word int) {
	d, ok := when.Date(sent, word)
	if !ok {
		return
	}
	r.Date, r.DatePrecision, r.Background = d.Format(), d.Precision.String(), d.Background
}

// location returns the event's place: the place named in its own clause
// as where it happened ("in Arusha", "near Baghdad airport", "outside
// the High Commission in Nairobi"), the most precise of them ("in Davos,
// Switzerland" → Davos); else the article's dateline; else none. A
// place name that is one of the event's actors, part of a person's or an
// organisation's name, or that its clause does not use as a place
// ("Iraq blamed Israel and the United States", "Kenya and Tanzania
// agreed") never places it.
func (p *Pipeline) location(s *event.Sentence, e coder.Event, places []geo.Resolution) *event.Location {
	if p.gaz == nil {
		return nil
	}
	in := clauseSpan(s, e.Verb)
	// "It followed Washington's assassination of X near the Baghdad
	// airport", "condemned the attack in Kabul": the parser hangs the
	// place of a nominal event from the verb that governs the noun.
	if t := s.Tokens[e.Verb]; t.UPOS == "NOUN" && t.Head > 0 {
		if h := t.Head - 1; s.Tokens[h].UPOS == "VERB" {
			for k := range s.Tokens {
				if s.Tokens[k].Head-1 == h && strings.HasPrefix(s.Tokens[k].Rel, "obl") {
					for j, ok := range clauseSpan(s, k) {
						in[j] = in[j] || ok
					}
				}
			}
		}
	}
	var best *geo.Resolution
	// places are in text order: those of the sentence start at from.
	from := sort.Search(len(places), func(i int) bool { return places[i].Start >= s.Start })
	for i := from; i < len(places) && places[i].Start <= s.End; i++ {
		pl := &places[i]
		if pl.Place == nil || pl.InName || pl.End > s.End {
			continue
		}
		k := headToken(s, pl.Start, pl.End)
		if k < 0 || !in[k] || names(s, pl.Start, pl.End, e.Source) || names(s, pl.Start, pl.End, e.Target) || strings.HasSuffix(s.Tokens[k].Entity, "-PER") {
			continue
		}
		if !locative(s, k, in) || coActor(s, k, e) {
			continue
		}
		if best == nil || pl.Place.Kind > best.Place.Kind {
			best = pl
		}
	}
	if best == nil {
		best = datelineOf(places, from, s.Start)
	}
	if best == nil {
		return nil
	}
	loc := p.gaz.Location(best.Place, best.Start, best.End)
	return &loc
}

// datelineOf returns the dateline of the story a sentence starting at
// byte at belongs to (from is the index of the first place at or after
// it): the nearest dateline before it, else the first after it within
// geo.DatelineReach (a title comes before its dateline), else the
// article's, which opens places.
func datelineOf(places []geo.Resolution, from, at int) *geo.Resolution {
	dated := func(i int) bool { return places[i].Dateline && places[i].Place != nil }
	// A story names few places: the search back stops after 64.
	for i := from - 1; i >= 0 && i >= from-64; i-- {
		if dated(i) {
			return &places[i]
		}
	}
	for i := from; i < len(places) && places[i].Start < at+geo.DatelineReach; i++ {
		if dated(i) {
			return &places[i]
		}
	}
	if len(places) > 0 && dated(0) {
		return &places[0]
	}
	return nil
}

// coActor reports whether the place name headed by token k is
// coordinated with one of the event's actors ("the wars in Iraq and
// Afghanistan" with Iraq the source, "the fighting in Sudan and Chad"
// with Chad the source): it names another party of the same kind, not
// where the event happened.
func coActor(s *event.Sentence, k int, e coder.Event) bool {
	first := k
	for steps := 0; steps < len(s.Tokens) && s.Tokens[first].Rel == "conj" && s.Tokens[first].Head > 0; steps++ {
		first = s.Tokens[first].Head - 1
	}
	actor := func(j int) bool {
		for _, a := range []coder.Actor{e.Source, e.Target} {
			if a.First >= 0 && j >= a.First && j <= a.Last {
				return true
			}
		}
		return false
	}
	if first != k && actor(first) {
		return true
	}
	for j, t := range s.Tokens {
		if j != k && t.Rel == "conj" && t.Head-1 == first && actor(j) {
			return true
		}
	}
	return false
}

// locativeCase are the prepositions that make a noun phrase where
// something happens.
var locativeCase = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "across": true,
	"throughout": true, "around": true, "within": true, "beside": true, "off": true,
	"along": true, "on": true, "into": true,
}

// locative reports whether token k, the head of a place name, says where
// the event of clause in happened: it hangs from a locative preposition
// ("in Arusha"), or is part of a phrase that does ("near Baghdad
// airport", "outside the High Commission in Nairobi", "in Kenya and
// Tanzania"), and that phrase lies in the clause. A subject or object
// ("Kenya and Tanzania agreed", "blamed Israel and the United States")
// and a possessor ("Tanzania's ministry") are actors, not places.
func locative(s *event.Sentence, k int, in []bool) bool {
	for steps := 0; k >= 0 && steps < len(s.Tokens); steps++ {
		t := &s.Tokens[k]
		rel, sub, _ := strings.Cut(t.Rel, ":")
		switch rel {
		case "obl", "nmod":
			if sub != "poss" && sub != "tmod" && in[k] && hasCase(s, k) {
				return !described(s, k, in)
			}
		case "compound":
			// "Baghdad airport", not "US mutual funds".
			if h := t.Head - 1; h < 0 || !placeNouns[strings.ToLower(s.Tokens[h].Lemma)] {
				return false
			}
		case "flat", "amod", "appos", "conj":
		default:
			return false
		}
		if sub == "poss" {
			return false
		}
		k = t.Head - 1
	}
	return false
}

// described reports whether the locative phrase at token k describes a
// person or thing of the clause rather than placing the event: it lies
// in an apposition ("Frederic Sawicki, a lecturer at the University of
// Lille, said"). A phrase after the comma that closes the apposition
// places the event even when the parser hangs it there ("met with
// Khalilzad, a US peace envoy, in Qatar").
func described(s *event.Sentence, k int, in []bool) bool {
	at := k
	for steps := 0; k >= 0 && in[k] && steps < len(s.Tokens); steps++ {
		if strings.HasPrefix(s.Tokens[k].Rel, "appos") {
			for j := min(k, at) + 1; j < max(k, at); j++ {
				if s.Tokens[j].Text == "," {
					return false
				}
			}
			return true
		}
		k = s.Tokens[k].Head - 1
	}
	return false
}

// placeNouns are the nouns a place name may modify and still place what
// happens there ("the Baghdad airport", "Kandahar province").
var placeNouns = map[string]bool{
	"airport": true, "city": true, "capital": true, "province": true, "region": true, "district": true,
	"county": true, "state": true, "town": true, "village": true, "neighbourhood": true, "neighborhood": true,
	"area": true, "border": true, "square": true, "street": true, "road": true, "highway": true,
	"base": true, "camp": true, "port": true, "harbour": true, "harbor": true, "coast": true,
	"island": true, "valley": true, "suburb": true, "outskirts": true, "governorate": true,
	"municipality": true, "hospital": true, "prison": true, "market": true, "mosque": true,
	"church": true, "hotel": true, "station": true, "stadium": true, "bridge": true, "university": true,
	"headquarters": true, "office": true, "embassy": true, "consulate": true, "court": true,
	"parliament": true, "palace": true, "compound": true, "checkpoint": true, "crossing": true,
}

// hasCase reports whether token k has a locative preposition as its case
// marker.
func hasCase(s *event.Sentence, k int) bool {
	for i := range s.Tokens {
		if c := &s.Tokens[i]; c.Head-1 == k && c.Rel == "case" && locativeCase[strings.ToLower(c.Text)] {
			return true
		}
	}
	return false
}

// headToken returns the token of a span (byte offsets) whose head lies
// outside it: the syntactic head of a place name ("Dar es Salaam").
func headToken(s *event.Sentence, start, end int) int {
	first := -1
	for i, t := range s.Tokens {
		if t.Start < start || t.End > end || t.Start < 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		h := t.Head - 1
		if h < 0 || s.Tokens[h].Start < start || s.Tokens[h].End > end {
			return i
		}
	}
	if first < 0 {
		return tokenAt(s, start)
	}
	return first
}

// names reports whether actor a is the place name spanning bytes
// start..end ("Moscow" hosting, "Kenya" agreeing): all of the actor's
// tokens lie in the name. A place inside a longer actor phrase ("drivers
// in Nairobi", "a hospital in Jakarta") says where that actor acted.
func names(s *event.Sentence, start, end int, a coder.Actor) bool {
	if a.First < 0 || a.Last >= len(s.Tokens) {
		return false
	}
	return s.Tokens[a.First].Start >= start && s.Tokens[a.Last].End <= end
}

// clauseSpan marks the tokens of verb v's clause: its subtree without
// the clauses of other verbs hanging from it.
func clauseSpan(s *event.Sentence, v int) []bool {
	in := make([]bool, len(s.Tokens))
	kids := make([][]int, len(s.Tokens))
	for i, t := range s.Tokens {
		if h := t.Head - 1; h >= 0 && h < len(s.Tokens) {
			kids[h] = append(kids[h], i)
		}
	}
	var walk func(int, int)
	walk = func(i, depth int) {
		if depth > len(s.Tokens) {
			return
		}
		in[i] = true
		for _, k := range kids[i] {
			switch rel, _, _ := strings.Cut(s.Tokens[k].Rel, ":"); rel {
			case "ccomp", "advcl", "parataxis":
				// Another clause, verbal or not ("said the crisis in
				// the West Bank was deep").
				continue
			case "conj", "acl":
				if s.Tokens[k].UPOS == "VERB" {
					continue
				}
			}
			walk(k, depth+1)
		}
	}
	walk(v, 0)
	return in
}

func tokenAt(s *event.Sentence, off int) int {
	for i, t := range s.Tokens {
		if t.Start <= off && off < t.End {
			return i
		}
	}
	return -1
}

// recordActor turns a coded actor into the record's actor.
func recordActor(text string, s *event.Sentence, a coder.Actor) *event.Actor {
	if a.Code == "" || a.First < 0 || a.Last >= len(s.Tokens) {
		return nil
	}
	out := &event.Actor{Code: a.Code, Start: s.Tokens[a.First].Start, End: s.Tokens[a.Last].End}
	if out.Start >= 0 && out.End <= len(text) && out.Start <= out.End {
		out.Text = text[out.Start:out.End]
	}
	out.Country = countryOf(a.Code)
	rest := a.Code
	if out.Country != "" {
		rest = rest[3:]
	}
	for len(rest) >= 3 {
		out.Roles = append(out.Roles, rest[:3])
		rest = rest[3:]
	}
	return out
}

// countryOf returns the country part of an actor code, or "" for codes
// that start with an organisation or a role (IGOUNO, NGO, GOV) or are not
// CAMEO-shaped.
func countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return ""
		}
	}
	if dict.IsRole(c) {
		return ""
	}
	return c
}

// recordID is a stable id for an event of a document.
func recordID(doc string, sent int, e coder.Event) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d|%s|%s|%s", doc, sent, e.Verb, e.Source.Code, e.Target.Code, e.Code)
	return "e-" + hex.EncodeToString(h.Sum(nil)[:6])
}
