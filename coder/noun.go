package coder

// codeNoun codes an event named by noun k ("Washington's assassination of
// the commander", "the meeting between Salih and Trump"): the possessor,
// "by" or "from" phrase is the source, the first actor of an "of", "on",
// "against", "with", "between" or "to" phrase the target, else the subject
// of the verb whose object the noun is ("X drew criticism from Y"). Both
// must be there: a bare noun ("the assassination") says too little to code.
func (st *sentence) codeNoun(k int) {
	if st.c.d.Nouns == nil {
		return
	}
	if u := st.toks[k].UPOS; u != "NOUN" && u != "PROPN" {
		return
	}
	ne := st.c.d.Nouns[st.lemmas[k]]
	if ne == nil {
		ne = st.c.d.Nouns[st.words[k]]
	}
	if ne == nil {
		return
	}
	var sources, targets []Actor
	agent := -1
	var patients []int
	for _, c := range st.kids[k] {
		switch {
		case st.rel(c) == "nmod:poss":
			if sources == nil {
				sources, agent = st.resolve(c, true), c
			}
		case st.baseRel(c) == "nmod" || st.baseRel(c) == "acl":
			switch st.caseWord(c) {
			case "BY", "FROM":
				if sources == nil {
					sources, agent = st.resolve(c, true), c
				}
			case "OF", "ON", "AGAINST", "WITH", "BETWEEN", "TO", "AMONG":
				patients = append(patients, c)
				if targets == nil {
					targets = st.resolve(c, false)
				}
			}
		}
	}
	if sources == nil {
		// "US sanctions on Iran", "Israeli airstrikes on Gaza": an actor
		// among the noun's modifiers acts.
		for _, c := range st.kids[k] {
			if r := st.rel(c); (r == "amod" || r == "compound" || r == "nmod:desc") && st.actor[c] != nil {
				sources = st.resolve(c, true)
				break
			}
		}
	}
	if len(targets) == 0 && len(sources) > 0 && st.baseRel(k) == "obj" && !violentCode(ne.Code) {
		// "drew condemnation from X", "sparking criticism from X": the
		// one who draws it is the target. Force is not drawn: who
		// "ordered Khashoggi's killing" is not its victim.
		if s := st.subject(st.head(k)); s >= 0 {
			targets = st.resolve(s, true)
		}
	}
	if st.caseWord(k) == "" && len(targets) > 1 && sources == nil {
		// "a meeting between Salih and Trump": members on both sides.
		sources = targets
	}
	if len(sources) == 0 || len(targets) == 0 {
		return
	}
	code, code2 := ne.Code, ne.Code2
	if sensed, _ := st.checkSense(k, code, false, agent, patients, st.subtree(k, nil), sources, targets); sensed != code {
		if sensed == "" {
			return
		}
		if code2 != "" && violentCode(code2) {
			code2 = sensed
		}
		code = sensed
	}
	rule := "NOUN: " + ne.Noun
	for _, s := range sources {
		for _, t := range targets {
			st.emit(s, t, code, k, st.toks[k].Text, rule, false)
			if code2 != "" {
				st.emit(t, s, code2, k, st.toks[k].Text, rule, false)
			}
		}
	}
}
