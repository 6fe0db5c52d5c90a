package coder

import (
	"strings"

	"github.com/annals/annals/cameo"
)

// codeDemand codes what a statement, appeal or demand asks for: "Shammari
// said the president should resign", "we call on him to step down". When
// verb v (coded code, by sources on targets) takes a complement clause
// whose verb would code a yield (08x) — an infinitive, or a clause with
// "should" or "must" — the speakers demand that yield (10x) of the
// complement's subject, else of v's own target. A statement that someone
// must or should do anything else is a demand not specified (100).
func (st *sentence) codeDemand(v int, code string, sources, targets []Actor, verbText string) {
	switch code[:2] {
	case "01", "02", "10":
	default:
		return
	}
	for _, c := range st.kids[v] {
		switch b := st.baseRel(c); {
		case b == "xcomp", b == "advcl" && st.infinitive(c):
		case b == "ccomp" && st.obliged(c):
		default:
			continue
		}
		if st.negated(c) {
			continue
		}
		vc, coded := st.codeOf(c)
		demand, ok := cameo.Demand(vc.code)
		switch {
		case ok:
		case st.baseRel(c) == "ccomp" && code[:2] == "01":
			// "Russia said Sudan must return the helicopter": a statement
			// that someone must act demands it, whatever the act.
			demand = "100"
			if !coded {
				vc.rule = st.words[c]
			}
		default:
			continue
		}
		tgts := targets
		if s := st.child(c, "nsubj", "nsubj:pass"); s >= 0 {
			tgts = st.resolve(s, true)
		}
		rule := "DEMAND YIELD: " + verbText + " + " + vc.rule
		for _, s := range sources {
			for _, t := range tgts {
				st.emit(s, t, demand, v, verbText, rule, false)
			}
		}
	}
}

// obliged reports whether clause c carries "should", "must", "ought" or
// "has to": what the speaker wants done.
func (st *sentence) obliged(c int) bool {
	for _, k := range st.kids[c] {
		if st.baseRel(k) != "aux" {
			continue
		}
		switch strings.ToUpper(st.toks[k].Text) {
		case "SHOULD", "MUST", "OUGHT":
			return true
		}
	}
	return false
}
