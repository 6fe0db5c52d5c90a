package pipeline

import (
	"strings"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
)

// intention returns the code of the event of verb v of s that the text
// presents as intended or future (mode), and whether it changed. CAMEO
// codes what an actor says it will do as an intention, not as the deed: a
// cooperative deed becomes the intention to do it ("will release the
// hostages": 0353, "offered to negotiate": 036); a deed held over a
// target, under a threat verb ("threatened to impose a curfew", "vowed
// to retaliate") or a condition ("will withdraw its troops unless ...",
// "if you invade, we will strike"), and any announced use of force
// (18 to 20), becomes the threat of it (13x).
// Other conflictual intentions keep their code with the mode: "said they
// would appeal the verdict" stays 115 (docs/codebook.md, 5).
func intention(s *event.Sentence, v int, code string, mode event.Mode) (string, bool) {
	if mode != event.Intended && mode != event.Future {
		return code, false
	}
	threatened, unless, cond := governors(s, v)
	root := cameo.Root(code)
	conflict := root >= "11"
	switch {
	case threatened || unless || cond && conflict || root >= "18":
		// An announced use of force is a threat (codebook 2: "announces
		// an imminent military operation", 138).
		if cameo.Root(code) == "13" {
			return "", false
		}
		return cameo.Threat(code), true
	case conflict:
		return "", false
	}
	return cameo.Intent(code)
}

// threatVerbs hold their complement over a target.
var threatVerbs = map[string]bool{"threaten": true, "vow": true, "warn": true, "swear": true}

// governors walks up from verb v through the clauses that govern it
// ("threatened to impose", "warned it would strike") and reports whether
// a threat verb governs it, and whether an "unless" or an "if" clause
// conditions it.
func governors(s *event.Sentence, v int) (threatened, unless, cond bool) {
	ts := s.Tokens
	for steps := 0; v >= 0 && v < len(ts) && steps < len(ts); steps++ {
		if threatVerbs[strings.ToLower(ts[v].Lemma)] {
			threatened = true
		}
		for k, t := range ts {
			if t.Head-1 != v || !strings.HasPrefix(t.Rel, "advcl") {
				continue
			}
			for _, m := range ts {
				if m.Head-1 == k && m.Rel == "mark" {
					switch strings.ToLower(m.Text) {
					case "unless":
						unless = true
					case "if":
						cond = true
					}
				}
			}
		}
		rel, _, _ := strings.Cut(ts[v].Rel, ":")
		if rel != "xcomp" && rel != "ccomp" && rel != "conj" {
			break
		}
		v = ts[v].Head - 1
	}
	return threatened, unless, cond
}
