package coder

import "strings"

// demandOf mirrors CAMEO's yield codes (08x) onto its demand codes (10x):
// to demand that someone yield in a way is the 10x code of that 08x.
var demandOf = map[string]string{
	"080": "105", "081": "1051", "0811": "1051", "0812": "1051", "0813": "1051", "0814": "1051",
	"082": "1052", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
	"084": "1053", "0841": "1053", "0842": "1053", "085": "1054", "086": "1055", "0861": "1055",
	"0862": "1055", "0863": "1055", "087": "1056", "0871": "1056", "0872": "1056", "0873": "1056",
	"0874": "1056",
}

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
		demand, ok := demandOf[vc.code]
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
