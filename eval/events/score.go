package events

import (
	"math"
	"sort"
	"strings"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
	"github.com/annals/annals/pipeline"
)

// transnational are the CAMEO actor codes of no country whose next three
// letters name the organisation (IGOUNO, NGOAMN): their key keeps six.
var transnational = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "NGM": true}

// Key returns the key of an actor that the gold's source and target lists
// hold: its country, the six letters of an international organisation,
// "---" for an actor of no known country, "" for no actor.
func Key(a *event.Actor) string {
	if a == nil {
		return ""
	}
	code := strings.ToUpper(a.Code)
	k := a.Country
	if k == "" && len(code) >= 3 {
		k = code[:3]
	}
	if transnational[k] {
		if len(code) >= 6 {
			return code[:6]
		}
		return k
	}
	if a.Country == "" {
		return "---"
	}
	return k
}

// Coded is what the scorer needs of one coded article: its records and,
// for the error analysis, its sentences and an explainer of them.
type Coded struct {
	Records   []event.Record
	Sentences []event.Sentence
	// Explain says what the coder saw in a sentence; nil leaves the causes
	// of misses that need it unknown.
	Explain func(s *event.Sentence) pipeline.Explanation
}

// Miss is a gold event no coded event matched, or a coded event that
// matched no gold event, with the likeliest cause.
type Miss struct {
	Article  string
	Cause    string
	Gold     *Event        // for a missed gold event
	Record   *event.Record // for a false event
	Sentence string        // the sentence of the evidence or record
}

// Causes of misses and false events.
const (
	CauseNoEvidence = "gold evidence not in text"
	CauseWrongActor = "wrong actor"
	CauseWrongCode  = "wrong code"
	CauseWrongBoth  = "wrong code and actor"
	CauseNoWord     = "no verb or noun known"
	CauseTag        = "parse: event word mistagged"
	CauseNoActor    = "no actor"
	CauseFiltered   = "filtered (one-sided, self-event, negated)"
	CauseNoSource   = "no source (agentless passive, implied actor)"
	CauseParse      = "parse"
	CauseTaken      = "coded once for two gold events"
	CauseDuplicate  = "duplicate of a matched event"
	CauseNotGold    = "no such event in the text"
	CauseNoSentence = "evidence in no sentence"
)

// Result accumulates the scores of articles.
type Result struct {
	Articles      int
	Events        score.PRF // Want: gold events; Found: coded events
	ByRoot        map[string]*RootScore
	Dates, Dated  int // matched events whose gold gives a date: right, all
	Places, Sited int // matched events whose gold gives a place: right, all
	Misses, False []Miss
	// WrongDates are the matched events whose gold date the coded one
	// does not give: Gold and Record both set.
	WrongDates []Miss
	// Misplaced are the matched events whose gold place annals missed
	// (Cause "no place" or "wrong place"), with both events.
	Misplaced []Miss
}

// RootScore counts the events of one CAMEO root: gold events by their
// first root, coded events by theirs.
type RootScore struct {
	Gold, Recalled int // gold events, and those matched
	Coded, Correct int // coded events, and those matched
}

// Precision is Correct/Coded.
func (s *RootScore) Precision() float64 { return score.Ratio(s.Correct, s.Coded) }

// Recall is Recalled/Gold.
func (s *RootScore) Recall() float64 { return score.Ratio(s.Recalled, s.Gold) }

// NewResult returns an empty result.
func NewResult() *Result { return &Result{ByRoot: map[string]*RootScore{}} }

func (r *Result) root(code string) *RootScore {
	s := r.ByRoot[code]
	if s == nil {
		s = &RootScore{}
		r.ByRoot[code] = s
	}
	return s
}

// counted says whether an event counts: a negated one says nothing
// happened, and a hypothetical one may never happen (docs/codebook.md).
func counted(mode string) bool {
	return mode != string(event.Negated) && mode != string(event.Hypothetical)
}

// Add scores one article: a is its gold, text its text, c what annals coded.
func (r *Result) Add(a *Article, text string, c *Coded) {
	r.Articles++
	var gold []*Event
	for i := range a.Events {
		if counted(a.Events[i].Mode) {
			gold = append(gold, &a.Events[i])
		}
	}
	var recs []*event.Record
	for i := range c.Records {
		if counted(string(c.Records[i].Mode)) {
			recs = append(recs, &c.Records[i])
		}
	}
	evidence := make([]int, len(gold)) // byte offset of each gold event's evidence, -1 when absent
	for i, g := range gold {
		evidence[i] = strings.Index(text, g.Evidence)
	}
	edges := make([][]int, len(gold))
	for i, g := range gold {
		for j, rec := range recs {
			if g.matches(rec) {
				edges[i] = append(edges[i], j)
			}
		}
		// Prefer the coded events nearest the evidence, so that the
		// matching pairs an event with its own mention where it can.
		sort.SliceStable(edges[i], func(x, y int) bool {
			return distance(recs[edges[i][x]], evidence[i]) < distance(recs[edges[i][y]], evidence[i])
		})
	}
	goldOf := match(edges, len(recs))
	recOf := make([]int, len(gold))
	for i := range recOf {
		recOf[i] = -1
	}
	for j, i := range goldOf {
		if i >= 0 {
			recOf[i] = j
		}
	}

	name := a.Title
	if name == "" {
		name = a.Key
	}
	r.Events.Want += len(gold)
	r.Events.Found += len(recs)
	for i, g := range gold {
		rs := r.root(g.Root[0])
		rs.Gold++
		if j := recOf[i]; j >= 0 {
			r.Events.TP++
			rs.Recalled++
			r.scoreDate(name, g, recs[j])
			r.scorePlace(name, g, recs[j])
		}
	}
	for j, rec := range recs {
		rs := r.root(rec.Root)
		rs.Coded++
		if goldOf[j] >= 0 {
			rs.Correct++
		}
	}

	sentOf := func(off int) *event.Sentence {
		for k := range c.Sentences {
			if s := &c.Sentences[k]; s.Start <= off && off < s.End {
				return s
			}
		}
		return nil
	}
	for i, g := range gold {
		if recOf[i] >= 0 {
			continue
		}
		m := Miss{Article: name, Gold: g}
		s := (*event.Sentence)(nil)
		if evidence[i] >= 0 {
			s = sentOf(evidence[i])
		}
		if s != nil {
			m.Sentence = s.Text
		}
		m.Cause = missCause(g, s, evidence[i], recs, edges[i], c)
		r.Misses = append(r.Misses, m)
	}
	for j, rec := range recs {
		if goldOf[j] >= 0 {
			continue
		}
		m := Miss{Article: name, Record: rec, Sentence: rec.Sentence.Text}
		m.Cause = falseCause(rec, j, gold, evidence, recs, goldOf)
		r.False = append(r.False, m)
	}
}

// matches says whether rec is one of g's readings.
func (g *Event) matches(rec *event.Record) bool {
	return in(g.Root, rec.Root) && in(g.Source, Key(rec.Source)) && in(g.Target, Key(rec.Target))
}

func in(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// distance is how far rec's sentence is from a byte offset of the text.
func distance(rec *event.Record, off int) int {
	if off < 0 {
		return 0
	}
	switch {
	case off < rec.Sentence.Start:
		return rec.Sentence.Start - off
	case off >= rec.Sentence.End:
		return off - rec.Sentence.End + 1
	}
	return 0
}

// match returns a maximum matching of the bipartite graph whose left
// vertices (gold events) have the right vertices (coded events) listed in
// edges: for each right vertex its left partner, or -1. Kuhn's augmenting
// paths are plenty for an article's few dozen events.
func match(edges [][]int, right int) []int {
	partner := make([]int, right)
	for j := range partner {
		partner[j] = -1
	}
	var seen []bool
	var try func(i int) bool
	try = func(i int) bool {
		for _, j := range edges[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if partner[j] < 0 || try(partner[j]) {
				partner[j] = i
				return true
			}
		}
		return false
	}
	for i := range edges {
		seen = make([]bool, right)
		try(i)
	}
	return partner
}

// scoreDate counts whether a matched event's date agrees with the gold's at
// the gold's precision.
func (r *Result) scoreDate(article string, g *Event, rec *event.Record) {
	if g.Date == "" {
		return
	}
	r.Dated++
	if rec.Date != "" && strings.HasPrefix(rec.Date, g.Date) {
		r.Dates++
		return
	}
	r.WrongDates = append(r.WrongDates, Miss{Article: article, Gold: g, Record: rec, Sentence: rec.Sentence.Text})
}

// Causes of a misplaced matched event.
const (
	CauseNoPlace    = "no place"
	CauseWrongPlace = "wrong place"
)

// scorePlace counts whether a matched event's place is within 161 km of
// the gold's, or in the gold's country when the gold names only a
// country, and notes it in Misplaced when not.
func (r *Result) scorePlace(article string, g *Event, rec *event.Record) {
	if g.Place == nil {
		return
	}
	r.Sited++
	cause := CauseNoPlace
	if loc := rec.Location; loc != nil {
		cause = CauseWrongPlace
		if g.Place.Lat == nil && strings.EqualFold(loc.Country, g.Place.Country) ||
			g.Place.Lat != nil && km(*g.Place.Lat, *g.Place.Lon, loc.Lat, loc.Lon) <= 161 {
			r.Places++
			return
		}
	}
	r.Misplaced = append(r.Misplaced, Miss{Article: article, Cause: cause, Gold: g, Record: rec, Sentence: rec.Sentence.Text})
}

// km is the great-circle distance between two points.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// missCause says why no coded event matched gold event g, whose evidence
// starts at byte off of sentence s (nil when not found).
func missCause(g *Event, s *event.Sentence, off int, recs []*event.Record, cands []int, c *Coded) string {
	if off < 0 {
		return CauseNoEvidence
	}
	if len(cands) > 0 {
		return CauseTaken // every coded reading of it went to another gold event
	}
	if s == nil {
		return CauseNoSentence
	}
	if cause := nearest(g, s, recs); cause != "" {
		return cause
	}
	if c.Explain == nil {
		return CauseParse
	}
	ex := c.Explain(s)
	end := off + len(g.Evidence)
	var words, mistagged int
	for _, k := range ex.EventWords {
		if t := s.Tokens[k]; t.Start >= off && t.End <= end {
			words++
		}
	}
	for _, k := range ex.Mistagged {
		if t := s.Tokens[k]; t.Start >= off && t.End <= end {
			mistagged++
		}
	}
	noSource := false
	for _, u := range ex.Unfiltered {
		if in(g.Root, u.Code[:min(2, len(u.Code))]) {
			if u.HasSource {
				return CauseFiltered
			}
			noSource = true
		}
	}
	if noSource {
		return CauseNoSource
	}
	switch {
	case words == 0:
		return CauseNoWord
	case mistagged == words:
		return CauseTag
	case len(ex.ActorWords) == 0:
		return CauseNoActor
	}
	return CauseParse
}

// nearest compares g with the coded events of its own sentence.
func nearest(g *Event, s *event.Sentence, recs []*event.Record) string {
	cause := ""
	for _, rec := range recs {
		if rec.Sentence.Index != s.Index {
			continue
		}
		rootOK := in(g.Root, rec.Root)
		actorsOK := in(g.Source, Key(rec.Source)) && in(g.Target, Key(rec.Target))
		switch {
		case rootOK:
			return CauseWrongActor
		case actorsOK:
			cause = CauseWrongCode
		case cause == "":
			cause = CauseWrongBoth
		}
	}
	return cause
}

// falseCause says why coded event rec (index j) matched no gold event.
func falseCause(rec *event.Record, j int, gold []*Event, evidence []int, recs []*event.Record, goldOf []int) string {
	for k, other := range recs {
		if k != j && goldOf[k] >= 0 && other.Root == rec.Root && Key(other.Source) == Key(rec.Source) && Key(other.Target) == Key(rec.Target) {
			return CauseDuplicate
		}
	}
	cause := ""
	for i, g := range gold {
		if evidence[i] < rec.Sentence.Start || evidence[i] >= rec.Sentence.End {
			continue
		}
		rootOK := in(g.Root, rec.Root)
		actorsOK := in(g.Source, Key(rec.Source)) && in(g.Target, Key(rec.Target))
		switch {
		case rootOK && actorsOK:
			return CauseDuplicate // its gold event went to another mention
		case rootOK:
			cause = CauseWrongActor
		case actorsOK && cause != CauseWrongActor:
			cause = CauseWrongCode
		case cause == "":
			cause = CauseWrongBoth
		}
	}
	if cause == "" {
		cause = CauseNotGold
	}
	return cause
}
