package pipeline

import (
	"strings"

	"github.com/annals/annals/event"
)

// proposed reports whether the verb at index v of s is an act inside the
// content of a proposal, a request or a permission rather than an act the
// text says happened: the infinitive of "proposed an amendment to allow
// the government to extradite anyone", of "urged the leader to step down",
// of "pressure the government to launch an investigation", or of "a bill
// to ban face veils". It walks up the parse through to-infinitives
// (xcomp, and advcl or acl with "to"), purposes included ("to be
// prosecuted" under "to extradite"), and stops at the first governor that
// is no to-infinitive. The governor's own act (the proposal, the urging)
// is coded apart; what it asks for or allows has not happened.
func proposed(s *event.Sentence, v int) bool {
	ts := s.Tokens
	for steps := 0; v >= 0 && v < len(ts) && steps < len(ts); steps++ {
		rel, _, _ := strings.Cut(ts[v].Rel, ":")
		h := ts[v].Head - 1
		if h < 0 || h >= len(ts) || h == v {
			return false
		}
		switch {
		case rel == "xcomp":
		case (rel == "advcl" || rel == "acl") && infinitive(ts, v):
		default:
			return false
		}
		lemma := strings.ToLower(ts[h].Lemma)
		switch ts[h].UPOS {
		case "VERB":
			if contentVerbs[lemma] {
				return true
			}
		case "NOUN":
			return contentNouns[lemma]
		default:
			return false
		}
		v = h
	}
	return false
}

// infinitive reports whether the verb at index v has the marker "to".
func infinitive(ts []event.Token, v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if ts[k].Head-1 == v && ts[k].Rel == "mark" && strings.EqualFold(ts[k].Text, "to") {
			return true
		}
	}
	return false
}

// contentVerbs hold an act as what they ask for, propose or permit, not as
// done. Implicative verbs ("forced them to flee", "helped them to escape",
// "managed to") are not among them: their complement happened.
var contentVerbs = map[string]bool{
	"propose": true, "allow": true, "permit": true, "authorize": true, "authorise": true, "enable": true,
	"urge": true, "ask": true, "request": true, "pressure": true, "press": true, "encourage": true,
	"call": true, "appeal": true, "demand": true, "order": true, "instruct": true, "invite": true,
	"advise": true, "recommend": true,
}

// contentNouns name a proposal or a request whose to-infinitive is its
// content ("a bill to ban", "calls for him to resign"). An enacted law or
// decree is not among them: "signed a decree to ban face veils" is the ban.
var contentNouns = map[string]bool{
	"proposal": true, "amendment": true, "bill": true, "motion": true,
	"request": true, "demand": true, "call": true, "appeal": true, "petition": true,
}
