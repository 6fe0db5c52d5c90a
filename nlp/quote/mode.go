package quote

import (
	"strings"

	"github.com/annals/annals/event"
)

// Mode says how sentence s presents the event of the verb at token index
// verb: hypothetical (a condition, a modal, or a negated hedge as in "did
// not rule out his participation"), negated, intended ("vowed to march"),
// future ("will", "are expected to turn out"), reported (inside quote q,
// the one holding the verb as Doc.Holding returns it, nil when none) or
// asserted. It reads the auxiliaries and governing verbs before the verb,
// back to its clause's start.
func Mode(s *event.Sentence, verb int, q *Quote) event.Mode {
	ts := s.Tokens
	if verb < 0 || verb >= len(ts) {
		return event.Asserted
	}
	var neg, modal, future, intended, cond, hedge bool
	// "would" is future in the past in reported speech ("said they would
	// meet"), a condition's consequence elsewhere, and with "have" a
	// counterfactual ("would have been destroyed").
	var would, perfect, speech bool
	if hedgeVerbs[low(ts[verb])] {
		hedge = true
	}
	chain := true // still in the verb's auxiliaries and governing verbs
	for j := verb - 1; j >= 0; j-- {
		w := low(ts[j])
		if clauseBreak(w) {
			speech = speech || w == "that" && speechBefore(ts, j)
			break
		}
		if condWords[w] {
			cond = true
			break
		}
		if !chain {
			speech = speech || speechVerbs[w] && !directOnly[w]
			continue
		}
		switch {
		case negWords[w]:
			neg = true
		case futureWords[w]:
			future = true
		case w == "would" || w == "'d":
			would = true
		case modalWords[w] && !(w == "may" && capitalized(ts[j].Text)):
			modal = true
		case w == "to" || w == "out" || hedgeVerbs[w] || intentVerbs[w] || expectWords[w]:
			// a governing verb: "plans to", "expected to", "rule out"
			if intentVerbs[w] {
				intended = true
			}
			if expectWords[w] {
				future = true
			}
			if hedgeVerbs[w] {
				hedge = true
			}
		case auxWords[w] || beForms[w] || ts[j].UPOS == "ADV" || ts[j].UPOS == "AUX" || ts[j].UPOS == "PART":
			perfect = perfect || !would && (w == "have" || w == "'ve")
		case hedge && j >= verb-4:
			// the complement of a hedge: "did not rule out his participation"
		default:
			chain = false
		}
	}
	if would {
		if speech && !perfect {
			future = true
		} else {
			modal = true
		}
	}
	if q != nil {
		// a claim within speech is reported unless it is not a claim at
		// all
		switch {
		case hedge && neg || modal || cond:
			return event.Hypothetical
		case neg:
			return event.Negated
		case intended:
			return event.Intended // "vowed to march": the vow's content
		case future:
			return event.Future // not yet happened, whoever says so
		}
		return event.Reported
	}
	switch {
	case hedge && neg:
		return event.Hypothetical
	case neg:
		return event.Negated
	case modal || cond:
		return event.Hypothetical
	case intended:
		return event.Intended
	case future:
		return event.Future
	}
	return event.Asserted
}

// speechBefore reports whether a speech verb stands just before the "that"
// at token j, its hearer or a time between them ("told reporters on
// Monday that").
func speechBefore(ts []event.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		w := low(ts[k])
		if speechVerbs[w] && !directOnly[w] {
			return true
		}
		if clauseBreak(w) {
			return false
		}
	}
	return false
}

// clauseBreak reports whether w ends the clause a verb belongs to.
func clauseBreak(w string) bool {
	switch w {
	case ",", ";", ":", "—", "–", "(", ")", "“", "”", "\"", "that", "and", "but", "because", "while", "when", "who", "which":
		return true
	}
	return false
}

// low lower-cases a token's text.
func low(t event.Token) string { return strings.ToLower(t.Text) }
