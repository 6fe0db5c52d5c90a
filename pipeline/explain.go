package pipeline

import (
	"github.com/annals/annals/coder"
	"github.com/annals/annals/event"
)

// Explanation is what the dictionaries and an unfiltered coder see in one
// sentence: the error analysis of "annals eval events" uses it to say why
// an event was missed.
type Explanation struct {
	coder.Trace
	// Unfiltered lists the events a coder finds in the sentence when it
	// keeps what the pipeline drops: events without a source or a target,
	// negated ones and those whose actors are the same.
	Unfiltered []Unfiltered
}

// Unfiltered is an event of an unfiltered coder.
type Unfiltered struct {
	Code      string
	HasSource bool
}

// Explain analyses the parsed sentence s of an article published on date
// (YYYYMMDD, 0 when unknown).
func (p *Pipeline) Explain(s *event.Sentence, date int) Explanation {
	ex := Explanation{Trace: p.coder.Trace(s, date)}
	loose := coder.New(p.dicts, coder.Options{AllowMonads: true, KeepNegated: true, RoleOnlyActors: true, SourceOnly: true, DemandYield: true})
	evs, _ := loose.CodeSentence(s, date)
	for _, e := range evs {
		ex.Unfiltered = append(ex.Unfiltered, Unfiltered{Code: e.Code, HasSource: e.Source.Code != "" || e.Source.Ref != coder.NoRef})
	}
	return ex
}
