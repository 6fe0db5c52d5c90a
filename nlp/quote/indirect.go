package quote

// indirect finds reported speech in sentence s among the tokens no direct
// quote took: "X said (that) ...", "X told Y (that) ...", "..., X said",
// "..., said X", "according to X, ..." and headlines ("Poll: ...").
func (d *doc) indirect(s int) {
	ts := d.sents[s].Tokens
	end := d.contentEnd(s)
	d.headline(s, end)
	for v := 0; v < len(ts); v++ {
		if d.used[d.off[s]+v] || d.quoted[d.off[s]+v] {
			continue
		}
		w := d.lower(s, v)
		if w == "according" {
			d.according(s, v, end)
			continue
		}
		if !speechVerbs[w] || directOnly[w] || !d.verbLike(s, v) || v > 0 && beForms[d.lower(s, v-1)] {
			continue // "was said to", "the claims": not a speech verb here
		}
		if d.backward(s, v, end) {
			continue
		}
		d.forward(s, v, end)
	}
}

// beForms make a following participle passive.
var beForms = set(`is are was were be been being`)

// objectPronouns are hearers after "told".
var objectPronouns = set(`me us him her them you reporters journalists`)

// contentEnd returns the last token of sentence s that can be content: the
// sentence less its closing punctuation and quotation marks.
func (d *doc) contentEnd(s int) int {
	ts := d.sents[s].Tokens
	e := len(ts) - 1
	for e >= 0 && !isWord(ts[e].Text) {
		e--
	}
	return e
}

// backward reads "CONTENT, X said." and "CONTENT, said X.": a speech verb
// near the sentence end whose content is everything before the comma.
func (d *doc) backward(s, v, end int) bool {
	ts := d.sents[s].Tokens
	var sp Mention
	comma := -1
	if m, ok := d.npLeft(s, v-1); ok {
		if m.First < 2 || ts[m.First-1].Text != "," {
			return false // a subject before the verb: forward speech
		}
		sp, comma = m, m.First-1
	} else if j := d.skipLeft(s, v-1); j >= 2 && ts[j].Text == "," {
		m, ok := d.npRight(s, v+1)
		if !ok || m.Last < end && ts[m.Last+1].Text != "," && !prepositions[d.lower(s, m.Last+1)] {
			return false // "..., said the state would appeal"
		}
		sp, comma = m, j
	} else {
		return false
	}
	tail := end - v
	if sp.Sentence == s && sp.Last > v {
		tail = end - sp.Last
	}
	if tail > 8 {
		return false
	}
	for k := v + 1; k <= end; k++ {
		if w := d.lower(s, k); w == "that" || speechVerbs[w] && k != v {
			return false
		}
	}
	from, to := d.trim(s, d.afterUsed(s, comma-1), comma-1)
	if to-from < 2 {
		return false
	}
	d.addIndirect(s, Indirect, v, v, sp, from, to)
	return true
}

// forward reads "X said (that) CONTENT" and "X told Y (that) CONTENT".
func (d *doc) forward(s, v, end int) {
	ts := d.sents[s].Tokens
	sp, ok := d.subject(s, v)
	if !ok {
		return
	}
	c := v + 1
	if tellVerbs[d.lower(s, v)] && c <= end {
		if objectPronouns[d.lower(s, c)] {
			c++
		} else if m, ok := d.npRight(s, c); ok && m.Last < end {
			c = m.Last + 1
		}
	}
	that := false
	for k := c; k <= end && k <= c+8; k++ {
		w := d.lower(s, k)
		if w == "that" {
			c, that = k+1, true
			break
		}
		if !isWord(ts[k].Text) && ts[k].Text != "," || speechVerbs[w] {
			break
		}
	}
	if !that {
		for c <= end && (ts[c].Text == "," || ts[c].Text == ":") {
			c++
		}
		if c <= end && prepositions[d.lower(s, c)] {
			return // "said in a statement."
		}
	}
	from, to := d.trim(s, c, end)
	if to-from < 2 {
		return
	}
	for k := from; k <= to; k++ {
		if d.used[d.off[s]+k] || ts[k].Text == "," && k+1 <= to && d.lower(s, k+1) == "according" || d.nextSpeech(s, from, k, to) {
			to = k - 1 // another quote, another source (", according to X") or another speech clause
			break
		}
	}
	from, to = d.trim(s, from, to)
	if to-from < 2 {
		return
	}
	d.addIndirect(s, Indirect, v, v, sp, from, to)
}

// headline reads the headline convention "Sadr: US forces must leave": a
// paragraph that opens with a short name and a colon.
func (d *doc) headline(s, end int) {
	ts := d.sents[s].Tokens
	if len(ts) == 0 || !d.startsParagraph(d.off[s]) || d.used[d.off[s]] {
		return
	}
	m, ok := d.npRight(s, 0)
	if !ok || m.Last > 3 || m.Last+1 >= len(ts) || ts[m.Last+1].Text != ":" || !capitalized(ts[0].Text) || determiners[d.lower(s, 0)] {
		return
	}
	if m.First == m.Last && (len(ts[0].Text) == 1 || pageLabels[ts[0].Text]) {
		return // an interview's "Q:" and "A:", a page's "UPDATE:": no speakers
	}
	for i := m.First; i <= m.Last; i++ {
		if w := ts[i].Text; isWord(w) && !capitalized(w) && w != "'s" && w != "’s" {
			return // "Editor's note:" is no speaker
		}
	}
	from, to := d.trim(s, m.Last+2, end)
	if to-from < 2 {
		return
	}
	d.addIndirect(s, Indirect, m.Last+1, m.Last+1, m, from, to)
}

// according reads "according to X, CONTENT" and "CONTENT, according to X".
func (d *doc) according(s, v, end int) {
	ts := d.sents[s].Tokens
	c := d.accordingCue(s, v)
	if c == nil || !c.hasSpeaker {
		return
	}
	sp := c.speaker
	var from, to int
	if v <= 1 {
		k := sp.Last + 1
		for k <= end && ts[k].Text != "," {
			k++
		}
		from, to = d.trim(s, k+1, end)
	} else {
		k := v - 1
		if ts[k].Text == "," {
			k--
		}
		from, to = d.trim(s, d.afterUsed(s, k), k)
	}
	if to-from < 2 {
		return
	}
	d.addIndirect(s, According, v, v+1, sp, from, to)
}

// afterUsed returns the token after the last one at or before k that
// another quote took, or 0: backward content starts there.
func (d *doc) afterUsed(s, k int) int {
	for i := k; i >= 0; i-- {
		if d.used[d.off[s]+i] {
			return i + 1
		}
	}
	return 0
}

// trim narrows tokens from..to of sentence s to the words: no leading or
// trailing punctuation or quotation marks.
func (d *doc) trim(s, from, to int) (int, int) {
	ts := d.sents[s].Tokens
	for from <= to && !isWord(ts[from].Text) {
		from++
	}
	for to >= from && !isWord(ts[to].Text) {
		to--
	}
	return from, to
}

// addIndirect records reported speech with content tokens from..to, cue
// tokens cue..cueEnd and speaker sp, all in sentence s.
func (d *doc) addIndirect(s int, kind string, cue, cueEnd int, sp Mention, from, to int) {
	ts := d.sents[s].Tokens
	q := Quote{
		Kind:     kind,
		Parts:    []Span{{ts[from].Start, ts[to].End}},
		Cue:      d.text[ts[cue].Start:ts[cueEnd].End],
		CueStart: ts[cue].Start, CueEnd: ts[cueEnd].End,
		Speaker: sp,
	}
	for k := cue; k <= cueEnd; k++ {
		d.used[d.off[s]+k] = true
	}
	for k := sp.First; k <= sp.Last && sp.Sentence == s; k++ {
		d.used[d.off[s]+k] = true
	}
	d.add(q, d.off[s]+from, d.off[s]+to)
}

// nextSpeech reports whether token k of sentence s joins a speech clause of
// its own to the content before it: "Smith said A, but he also warned B"
// holds two quotes, the second with its own speaker.
func (d *doc) nextSpeech(s, from, k, to int) bool {
	w := d.lower(s, k)
	if w != "and" && w != "but" && w != ";" && w != "," {
		return false
	}
	m, ok := d.npRight(s, k+1)
	if !ok {
		return false
	}
	j := m.Last + 1
	for j <= to && auxWords[d.lower(s, j)] {
		j++
	}
	if w == "," && (k-from < 3 || m.First != m.Last || !d.pronoun(s, m.First) || j+2 > to) {
		return false
	}
	return j < to && speechVerbs[d.lower(s, j)] && !directOnly[d.lower(s, j)] && d.verbLike(s, j)
}
