package ner

import "github.com/annals/annals/event"

// Entities returns the entity spans of s's IOB2 tags (Token.Entity). An I-
// tag that does not continue an entity of its type starts one, as in
// conlleval. Offsets come from the tokens, Text from s.Text when the
// offsets fall inside it (token offsets are relative to the sentence when
// Sentence.Start is 0, which is how the readers build them).
func Entities(s *event.Sentence) []event.Entity {
	var out []event.Entity
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		lab := spanLabel(toks[i].Entity)
		if lab == "" {
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].Entity == "I-"+lab {
			j++
		}
		e := event.Entity{Label: lab, First: i, Last: j, Start: toks[i].Start, End: toks[j].End}
		if a, b := e.Start-s.Start, e.End-s.Start; toks[i].Start >= 0 && a >= 0 && a <= b && b <= len(s.Text) {
			e.Text = s.Text[a:b]
		}
		out = append(out, e)
		i = j
	}
	return out
}

// spanLabel returns the type of a B- or I- tag, or "" for O and others.
func spanLabel(tag string) string {
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		return tag[2:]
	}
	return ""
}
