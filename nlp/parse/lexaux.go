package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// auxiliaries are the words that UD English lets be aux or aux:pass.
var auxiliaries = map[string]bool{
	"be": true, "am": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "'s": true, "'re": true, "'m": true,
	"have": true, "has": true, "had": true, "having": true, "'ve": true, "'d": true,
	"do": true, "does": true, "did": true,
	"get": true, "gets": true, "got": true, "gotten": true, "getting": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true, "may": true, "might": true, "must": true, "'ll": true, "ought": true,
}

// promoteLexicalVerbs mends a lexical verb parsed as the auxiliary of a
// participle that is really an adjective of its object: in "Arnor will
// abandon improved economic relations" the parser made "improved" the
// verb, with "abandon" its aux:pass and "relations" its object. A verb
// that no auxiliary can be becomes the clause's head, takes the
// participle's dependents, and the participle becomes an amod of the
// object that follows it.
func promoteLexicalVerbs(s *event.Sentence) {
	toks := s.Tokens
	for t := range toks {
		// A base form after a modal or "to" ("will abandon"), where the
		// tags leave no doubt that the word is a verb of its own.
		if (toks[t].Rel != "aux" && toks[t].Rel != "aux:pass") || toks[t].XPOS != "VB" || t == 0 ||
			(toks[t-1].XPOS != "MD" && toks[t-1].XPOS != "TO") || auxiliaries[strings.ToLower(toks[t].Text)] {
			continue
		}
		h := toks[t].Head - 1
		if h != t+1 || (toks[h].XPOS != "VBN" && toks[h].XPOS != "VBD") {
			continue
		}
		o := -1
		for j := h + 1; j < len(toks); j++ {
			if toks[j].Head == h+1 && toks[j].Rel == "obj" {
				o = j
				break
			}
		}
		if o < 0 || leftmost(toks, o) != h+1 {
			continue
		}
		toks[t].Head, toks[t].Rel = toks[h].Head, toks[h].Rel
		for j := range toks {
			if j == t || toks[j].Head != h+1 {
				continue
			}
			toks[j].Head = t + 1
			if toks[j].Rel == "nsubj:pass" {
				toks[j].Rel = "nsubj"
			}
			if toks[j].Rel == "aux:pass" {
				toks[j].Rel = "aux"
			}
		}
		toks[h].Head, toks[h].Rel = o+1, "amod"
	}
}
