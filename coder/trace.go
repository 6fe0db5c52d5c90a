package coder

import "github.com/annals/annals/event"

// Trace is what the dictionaries see in a sentence, whatever the parse:
// the words that could name an event and the words that name actors. The
// error analysis of "annals eval events --show-misses" uses it to tell a
// missing dictionary entry from a tagging or parsing error.
type Trace struct {
	// EventWords are the tokens (0-based) that the verb dictionary knows
	// as a verb form, or the noun dictionary as an event noun.
	EventWords []int
	// Mistagged are the EventWords of the verb dictionary that the tagger
	// did not tag VERB, so that the coder never tried them.
	Mistagged []int
	// ActorWords are the tokens an actor or agent phrase covers.
	ActorWords []int
}

// Trace reports what the dictionaries see in s; date is YYYYMMDD as in
// CodeSentence.
func (c *Coder) Trace(s *event.Sentence, date int) Trace {
	st := c.prepare(s, date)
	defer st.release()
	var t Trace
	for k := range st.toks {
		verb := st.verbMatch(k) != nil
		ne, _ := st.nounEvent(k)
		noun := ne != nil
		if verb || noun {
			t.EventWords = append(t.EventWords, k)
		}
		if verb && !noun && st.toks[k].UPOS != "VERB" {
			t.Mistagged = append(t.Mistagged, k)
		}
		if st.actor[k] != nil || st.agent[k] != nil {
			t.ActorWords = append(t.ActorWords, k)
		}
	}
	return t
}
