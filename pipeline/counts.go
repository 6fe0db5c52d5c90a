package pipeline

import (
	"github.com/annals/annals/cameo"
	"github.com/annals/annals/counts"
	"github.com/annals/annals/event"
)

// looseCount is a count that no event of its sentence carries.
type looseCount struct {
	sent int // sentence index in the document
	c    event.Count
}

// countPart reads the counts of a part's sentences into res.Counts and
// puts each on an event of its sentence whose code fits its kind
// (cameo.Counts), the one whose verb lies nearest; res.Records[from:] are
// the part's records. A part or subset of a count before it ("including
// a 92-year-old woman") is kept in res.Counts only: the event's range is
// its whole. Counts that no event of their sentence fits wait in
// res.loose for attachLoose.
func (p *Pipeline) countPart(sents []event.Sentence, from int, res *Result) {
	recs := res.Records[from:]
	k := 0 // recs are in sentence order: those of sentence s start at k
	for i := range sents {
		s := &sents[i]
		ms := counts.Find(s.Text, s.Start)
		if len(ms) == 0 {
			continue
		}
		for k < len(recs) && recs[k].Sentence.Index < s.Index {
			k++
		}
		end := k
		for end < len(recs) && recs[end].Sentence.Index == s.Index {
			end++
		}
		for _, m := range ms {
			res.Counts = append(res.Counts, m.Count)
			if m.Part {
				continue
			}
			if r := nearest(recs[k:end], m.Count); r != nil {
				r.Counts = append(r.Counts, m.Count)
				continue
			}
			res.loose = append(res.loose, looseCount{s.Index, m.Count})
		}
	}
}

// nearest returns the record among recs whose code fits c's kind and
// whose verb lies nearest to c, or nil.
func nearest(recs []event.Record, c event.Count) *event.Record {
	var best *event.Record
	bestD := 0
	for i := range recs {
		r := &recs[i]
		if !cameo.Counts(r.Code, c.Kind) {
			continue
		}
		d := r.Evidence.Start - c.Start
		if d < 0 {
			d = -d
		}
		if best == nil || d < bestD {
			best, bestD = r, d
		}
	}
	return best
}

// attachLoose puts each count that no event of its sentence carries on
// the article's event when the article's event of that kind is clear:
// all the records whose code fits the kind are mentions of one event
// (one code between the same actors). The count goes to the mention
// nearest to it in the text. Otherwise it stays on the document only
// (Result.Counts): a stampede or a crash that no actor caused codes no
// event, and a count is never guessed onto one of several.
func attachLoose(recs []event.Record, loose []looseCount) {
	for _, l := range loose {
		var best *event.Record
		key, one := "", true
		for i := range recs {
			r := &recs[i]
			if !cameo.Counts(r.Code, l.c.Kind) {
				continue
			}
			k := r.Code + "|" + actorCode(r.Source) + "|" + actorCode(r.Target)
			if key != "" && k != key {
				one = false
				break
			}
			key = k
			if best == nil || distance(r, l.sent) < distance(best, l.sent) {
				best = r
			}
		}
		if best != nil && one {
			best.Counts = append(best.Counts, l.c)
		}
	}
}

func distance(r *event.Record, sent int) int {
	d := r.Sentence.Index - sent
	if d < 0 {
		return -d
	}
	return d
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}
