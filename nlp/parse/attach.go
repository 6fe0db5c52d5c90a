package parse

import (
	"strings"

	"github.com/annals/annals/event"
)

// raisePhrases mends two prepositional attachments that the greedy parser
// makes to the nearest word and that a verb's arguments need:
//
//   - a "with" phrase naming a proper noun hung from another proper noun
//     inside a prepositional phrase ("celebrated the feast at Osgiliath
//     with Gondor": Gondor is not a part of the place) goes to the verb as
//     obl;
//   - a "by" phrase hung from an adverb of a passive participle ("was
//     opposed earlier by Osgiliath") goes to the participle as obl:agent,
//     and the adverb with it.
func raisePhrases(s *event.Sentence) {
	toks := s.Tokens
	for p := range toks {
		h := toks[p].Head - 1
		if h < 0 || (toks[p].Rel != "nmod" && toks[p].Rel != "obl") {
			continue
		}
		switch caseWord(toks, p) {
		case "with":
			if !properNoun(toks[p].XPOS) || !properNoun(toks[h].XPOS) || caseWord(toks, h) == "" {
				continue
			}
			if v := verbAbove(toks, h); v >= 0 {
				toks[p].Head, toks[p].Rel = v+1, "obl"
			}
		case "by":
			if toks[h].Rel != "advmod" || !strings.HasPrefix(toks[h].XPOS, "RB") {
				continue
			}
			// The participle is the adverb's head or the word before it
			// ("opposed earlier by", with "earlier" hung elsewhere).
			for _, v := range []int{toks[h].Head - 1, h - 1} {
				if v >= 0 && toks[v].XPOS == "VBN" && hasChild(toks, v, "aux:pass") {
					toks[h].Head = v + 1
					toks[p].Head, toks[p].Rel = v+1, "obl:agent"
					break
				}
			}
		}
	}
}

// caseWord returns the lower-cased preposition (case dependent) of token
// i, "" if none.
func caseWord(toks []event.Token, i int) string {
	for j := range toks {
		if toks[j].Head == i+1 && toks[j].Rel == "case" && toks[j].XPOS == "IN" {
			return strings.ToLower(toks[j].Text)
		}
	}
	return ""
}

func properNoun(x string) bool { return x == "NNP" || x == "NNPS" }

// verbAbove returns the nearest verb that token i descends from through
// nominal relations, -1 if a clause boundary or the root comes first.
func verbAbove(toks []event.Token, i int) int {
	for steps := 0; steps < len(toks); steps++ {
		switch toks[i].Rel {
		case "obj", "iobj", "obl", "nmod", "obl:tmod", "obl:unmarked":
		default:
			return -1
		}
		i = toks[i].Head - 1
		if i < 0 {
			return -1
		}
		if strings.HasPrefix(toks[i].XPOS, "VB") {
			return i
		}
	}
	return -1
}

func hasChild(toks []event.Token, i int, rel string) bool {
	for j := range toks {
		if toks[j].Head == i+1 && toks[j].Rel == rel {
			return true
		}
	}
	return false
}
