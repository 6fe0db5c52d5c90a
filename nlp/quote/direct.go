package quote

import "strings"

// piece is the text between one pair of quotation marks, as flat token
// indices. close is -1 when the paragraph ended with the quote still open.
type piece struct {
	open, close int
	from, to    int // content tokens
	cue         *cue
}

// cue is a speech verb with its speaker, found next to a quote.
type cue struct {
	verb       int // token index of the verb ("according" for According)
	verbEnd    int // last token of the cue ("to" of "according to")
	sent       int // sentence of the cue
	speaker    Mention
	hasSpeaker bool // speaker found
	label      bool // a transcript line's speaker label ("WALLACE:")
}

// mark classifies a quotation-mark token: its family ('d' double, 's'
// single) and whether it opens (+1), closes (-1) or may do either (0).
func mark(t string) (family byte, dir int, ok bool) {
	switch t {
	case "“", "«", "„", "``":
		return 'd', 1, true
	case "”", "»":
		return 'd', -1, true
	case "\"", "''":
		return 'd', 0, true // the New York Times opens with '' too
	case "‘", "`":
		return 's', 1, true
	case "’":
		return 's', -1, true
	case "'":
		return 's', 0, true
	}
	return 0, 0, false
}

// pieces pairs the quotation marks of the document. A quote still open at
// a paragraph's end stops there (news style: the next paragraph reopens
// it); single quotes inside double ones are nested and ignored.
func (d *doc) pieces() []piece {
	var out []piece
	open, fam := -1, byte(0)
	emit := func(o, c, to int) {
		if to > o {
			out = append(out, piece{open: o, close: c, from: o + 1, to: to})
		}
	}
	for k := range d.flat {
		if open >= 0 && k > 0 && d.para[k] != d.para[k-1] {
			emit(open, -1, k-1)
			open = -1
		}
		f, dir, ok := mark(d.tok(k).Text)
		if !ok {
			continue
		}
		if open >= 0 && f != fam {
			if fam == 'd' {
				continue // nested single quote
			}
			open = -1 // a stray apostrophe opened nothing
		}
		if open >= 0 {
			// a straight double mark toggles; a straight single one
			// closes only against its word ("the leaders' " is not
			// a close when nothing is open); an opening mark glued to
			// the word before is a misdirected close
			if f == 's' && d.possessive(k) {
				continue
			}
			if dir < 0 || f == 'd' && dir == 0 || d.glued(k-1, k) {
				emit(open, k, k-1)
				open = -1
			} else if dir > 0 {
				open = k
			}
			continue
		}
		if dir < 0 {
			continue
		}
		if f == 's' && (!d.spaceBefore(k) || k+1 >= len(d.flat) || !d.glued(k, k+1)) {
			continue // an apostrophe, not an opening quote
		}
		open, fam = k, f
	}
	if open >= 0 {
		emit(open, -1, len(d.flat)-1)
	}
	return out
}

// possessive reports whether the single mark at flat token k is the
// apostrophe of a plural possessive inside a single-quoted quote
// ("‘... our martyrs’ blood,’ he said"): it follows an s-word, a word
// follows it, and a closing mark after punctuation comes later in the
// paragraph.
func (d *doc) possessive(k int) bool {
	if k == 0 || k+1 >= len(d.flat) || !d.glued(k-1, k) || d.glued(k, k+1) {
		return false
	}
	prev, next := d.tok(k-1).Text, d.tok(k+1).Text
	if !strings.HasSuffix(prev, "s") || !isWord(next) || capitalized(next) {
		return false
	}
	j := d.closingAfter(k)
	if j < 0 {
		return false
	}
	p := d.tok(j - 1).Text
	return p == "," || p == "." || p == "?" || p == "!"
}

// closingAfter returns the flat index of the first single closing or
// straight mark after flat token k in its paragraph, or -1. The answers
// for all tokens are found in one pass, on the first call: a search from
// each apostrophe to its paragraph's end would be quadratic in a long
// paragraph.
func (d *doc) closingAfter(k int) int {
	if d.closing == nil {
		d.closing = make([]int32, len(d.flat))
		next := int32(-1)
		for j := len(d.flat) - 1; j >= 0; j-- {
			if j+1 < len(d.flat) && d.para[j+1] != d.para[j] {
				next = -1
			}
			d.closing[j] = next
			if f, dir, ok := mark(d.tok(j).Text); ok && f == 's' && dir <= 0 {
				next = int32(j)
			}
		}
	}
	return int(d.closing[k])
}

// glued reports whether flat tokens a and b touch (no space between).
func (d *doc) glued(a, b int) bool {
	if a < 0 || b >= len(d.flat) {
		return false
	}
	return d.tok(a).End == d.tok(b).Start
}

// spaceBefore reports whether flat token k starts the text or follows a
// space or an opening bracket or dash.
func (d *doc) spaceBefore(k int) bool {
	st := d.tok(k).Start
	if st == 0 {
		return true
	}
	switch d.text[st-1] {
	case ' ', '\t', '\n', '\r', '(', '[':
		return true
	}
	return k > 0 && !d.glued(k-1, k) || k > 0 && !isWord(d.tok(k-1).Text)
}

// direct finds the quotes within quotation marks, joins the pieces of a
// quote split by its cue or running over paragraphs, and attributes them.
func (d *doc) direct() {
	ps := d.pieces()
	for i := range ps {
		p := &ps[i]
		for k := p.open; k <= p.to+1 && k < len(d.flat); k++ {
			d.quoted[k] = true
		}
		p.cue = d.labelCue(p)
		if p.cue == nil {
			p.cue = d.trailingCue(p, ps, i)
		}
		if p.cue == nil {
			p.cue = d.leadingCue(p)
		}
	}
	var prev *Quote // last direct quote, for speakers carried over
	for i := 0; i < len(ps); {
		j := i
		cued := ps[i].cue != nil
		for j+1 < len(ps) && d.joins(&ps[j], &ps[j+1]) {
			if cued && ps[j].close < 0 && ps[j+1].cue != nil {
				break // a continued paragraph with a cue of its own ("..., he continued") is a quote of its own
			}
			j++
			cued = cued || ps[j].cue != nil
		}
		var c *cue
		for k := i; k <= j && c == nil; k++ {
			c = ps[k].cue
		}
		q := Quote{Kind: Direct}
		for k := i; k <= j; k++ {
			q.Parts = append(q.Parts, d.span(ps[k].from, ps[k].to))
		}
		switch {
		case c != nil:
			d.setCue(&q, c)
		case d.startsParagraph(ps[i].open) && ps[j].to-ps[i].from >= 3 && prev != nil && d.para[ps[i].open]-d.lastPara(prev) <= 1:
			// a paragraph of quotation with no cue goes on the
			// previous quote's speaker
			q.Speaker, q.carried = prev.Speaker, true
		default:
			i = j + 1
			continue // scare quotes, titles: not speech
		}
		d.add(q, ps[i].open, ps[j].to)
		for k := i; k <= j; k++ {
			if ps[k].cue != nil {
				d.useCue(ps[k].cue)
			}
		}
		prev = &d.quotes[len(d.quotes)-1]
		i = j + 1
	}
}

// lastPara returns the paragraph of a quote's end.
func (d *doc) lastPara(q *Quote) int {
	s := &d.sents[q.Last]
	if len(s.Tokens) == 0 {
		return 0
	}
	return d.para[d.off[q.Last]+len(s.Tokens)-1]
}

// setCue fills a quote's cue and speaker from c.
func (d *doc) setCue(q *Quote, c *cue) {
	ts := d.sents[c.sent].Tokens
	q.Cue = d.text[ts[c.verb].Start:ts[c.verbEnd].End]
	q.CueStart, q.CueEnd = ts[c.verb].Start, ts[c.verbEnd].End
	q.Speaker = c.speaker
}

// useCue marks a cue's verb and speaker as taken, so indirect speech does
// not attribute them again.
func (d *doc) useCue(c *cue) {
	for i := c.verb; i <= c.verbEnd; i++ {
		d.used[d.off[c.sent]+i] = true
	}
	if c.hasSpeaker {
		for i := c.speaker.First; i <= c.speaker.Last; i++ {
			d.used[d.off[c.speaker.Sentence]+i] = true
		}
	}
}

// startsParagraph reports whether flat token k opens its paragraph.
func (d *doc) startsParagraph(k int) bool { return k == 0 || d.para[k-1] != d.para[k] }

// joins reports whether piece b continues the quote of piece a: a reopened
// quote in the next paragraph, or the second half of a quote split by its
// cue ("“We will stay,” he said, “until the end.”").
func (d *doc) joins(a, b *piece) bool {
	if b.cue != nil && b.cue.label {
		return false // a transcript's next speaker
	}
	if a.close < 0 {
		return d.startsParagraph(b.open) && d.para[b.open] == d.para[a.to]+1
	}
	if d.para[a.close] != d.para[b.open] || b.open-a.close > 12 {
		return false
	}
	if a.cue == nil || b.cue != nil && (b.cue.sent != a.cue.sent || b.cue.verb != a.cue.verb) {
		return false
	}
	v := d.off[a.cue.sent] + a.cue.verb
	return v > a.close && v < b.open
}

// trailingCue looks for "he said" / "said Smith" right after a closed
// piece, before the next quote, within its paragraph.
func (d *doc) trailingCue(p *piece, ps []piece, i int) *cue {
	if p.close < 0 {
		return nil
	}
	limit := p.close + 20
	if i+1 < len(ps) && ps[i+1].open < limit {
		limit = ps[i+1].open
	}
	for k := p.close + 1; k < limit && k < len(d.flat); k++ {
		if d.para[k] != d.para[p.close] {
			return nil
		}
		x := d.flat[k]
		w := d.lower(x.s, x.i)
		if w == "." || w == "?" || w == "!" || w == ";" {
			return nil
		}
		if !speechVerbs[w] || !d.verbLike(x.s, x.i) {
			if w == "according" {
				return d.accordingCue(x.s, x.i)
			}
			continue
		}
		c := &cue{verb: x.i, verbEnd: x.i, sent: x.s}
		start := p.close + 1
		if d.tok(start).Text == "," {
			start++
		}
		if start < k {
			// "..., he said": the speaker fills the gap to the verb
			f := d.flat[start]
			if f.s != x.s {
				return nil
			}
			if m, ok := d.npLeft(x.s, x.i-1); ok && m.First == f.i {
				c.speaker, c.hasSpeaker = m, true
				return c
			}
			// "..., the press secretary, Josh Earnest, said": the
			// gap's first phrase
			if m, ok := d.npRight(x.s, f.i); ok && d.plausible(m) && k-start <= 16 && m.Last+1 < x.i &&
				d.sents[x.s].Tokens[m.Last+1].Text == "," {
				c.speaker, c.hasSpeaker = m, true
				return c
			}
			// "...,'' like the markets, said Richard Curtin."
			if d.sents[x.s].Tokens[x.i-1].Text == "," {
				if m, ok := d.npRight(x.s, x.i+1); ok && d.plausible(m) {
					c.speaker, c.hasSpeaker = m, true
					return c
				}
			}
			return nil
		}
		// "..., said Smith"
		m, ok := d.npRight(x.s, x.i+1)
		if !ok || !d.plausible(m) {
			return nil
		}
		c.speaker, c.hasSpeaker = m, true
		return c
	}
	return nil
}

// leadingCue looks for "Smith said: “...”" before a piece's opening mark,
// within its sentence.
func (d *doc) leadingCue(p *piece) *cue {
	o := d.flat[p.open]
	for i := o.i - 1; i >= 0; i-- {
		if d.quoted[d.off[o.s]+i] {
			return nil
		}
		w := d.lower(o.s, i)
		if w == "according" {
			return d.accordingCue(o.s, i)
		}
		if speechVerbs[w] && d.verbLike(o.s, i) {
			if !d.introduces(o.s, i, o.i) {
				return nil // "claimed that he has “expanded the party”": indirect speech
			}
			c := &cue{verb: i, verbEnd: i, sent: o.s}
			if m, ok := d.subject(o.s, i); ok {
				c.speaker, c.hasSpeaker = m, true
			}
			return c
		}
	}
	return d.colonCue(p)
}

// labelCue reads a line of a transcript: a quote that opens with its
// speaker's name in capitals and a colon ("WALLACE: Let's start …",
// "PENCE: Well, …"). The name is the speaker, the colon the cue, and the
// content starts after it. Single letters ("Q:", "A:") and the labels
// of a page ("UPDATE:", "CLARIFICATION:") are no names.
func (d *doc) labelCue(p *piece) *cue {
	f := d.flat[p.from]
	ts := d.sents[f.s].Tokens
	last := f.i
	for last+1 < len(ts) && last-f.i < 2 && capsName(ts[last+1].Text) {
		last++
	}
	colon := last + 1
	if !capsName(ts[f.i].Text) || pageLabels[ts[f.i].Text] || colon >= len(ts) || ts[colon].Text != ":" || d.off[f.s]+colon >= p.to {
		return nil
	}
	p.from = d.off[f.s] + colon + 1
	return &cue{verb: colon, verbEnd: colon, sent: f.s, speaker: d.mention(f.s, f.i, last), hasSpeaker: true, label: true}
}

// capsName reports whether w is a word of two or more capital letters.
func capsName(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// pageLabels open lines of a page, not of a transcript.
var pageLabels = map[string]bool{"UPDATE": true, "UPDATED": true, "CLARIFICATION": true, "CORRECTION": true,
	"NOTE": true, "BREAKING": true, "WATCH": true, "READ": true, "RELATED": true, "EXCLUSIVE": true,
	"ANALYSIS": true, "OPINION": true, "EDITOR": true, "TRANSCRIPT": true}

// colonCue reads a quote announced by a colon, in its sentence or ending
// the sentence before ("Cruz continued:", "He released a statement:"):
// the cue is the colon's sentence's last speech verb, else the colon, and
// the speaker that sentence's subject.
func (d *doc) colonCue(p *piece) *cue {
	o := d.flat[p.open]
	s, colon := o.s, o.i-1
	if o.i == 0 && o.s > 0 && d.para[p.open]-d.para[p.open-1] <= 1 {
		s = o.s - 1
		colon = len(d.sents[s].Tokens) - 1
	}
	if colon < 1 || d.sents[s].Tokens[colon].Text != ":" || d.used[d.off[s]+colon] {
		return nil
	}
	for i := colon - 1; i >= 0; i-- {
		if d.quoted[d.off[s]+i] {
			break
		}
		if speechVerbs[d.lower(s, i)] && d.verbLike(s, i) {
			c := &cue{verb: i, verbEnd: i, sent: s}
			if m, ok := d.subject(s, i); ok {
				c.speaker, c.hasSpeaker = m, true
			}
			return c
		}
	}
	m, ok := d.clauseSubject(s, colon)
	if !ok {
		return nil
	}
	return &cue{verb: colon, verbEnd: colon, sent: s, speaker: m, hasSpeaker: true}
}

// introduces reports whether the speech verb at token v of sentence s
// introduces the quote opening at token open: only punctuation, time
// phrases or (after "told") the hearer stand between them.
func (d *doc) introduces(s, v, open int) bool {
	k := v + 1
	if tellVerbs[d.lower(s, v)] {
		if k < open && objectPronouns[d.lower(s, k)] {
			k++
		} else if m, ok := d.npRight(s, k); ok && m.Last < open {
			k = m.Last + 1
		}
	}
	for ; k < open; k++ {
		w := d.lower(s, k)
		if isWord(w) && !timeWords[w] && !prepositions[w] && !timeOpeners[w] && w != "the" {
			return false
		}
	}
	return true
}

// accordingCue reads "according to X" at token i of sentence s.
func (d *doc) accordingCue(s, i int) *cue {
	ts := d.sents[s].Tokens
	if i+2 >= len(ts) || d.lower(s, i+1) != "to" {
		return nil
	}
	c := &cue{verb: i, verbEnd: i + 1, sent: s}
	if m, ok := d.npRight(s, i+2); ok {
		c.speaker, c.hasSpeaker = m, true
	}
	return c
}

// verbLike reports whether token i can be a verb: untagged, or tagged VERB
// or AUX.
func (d *doc) verbLike(s, i int) bool {
	switch d.sents[s].Tokens[i].UPOS {
	case "VERB", "AUX":
		return true
	case "":
		// untagged: a word after a determiner or a possessive is a noun
		// ("a recall vote", "Editor's note")
		return i == 0 || !determiners[d.lower(s, i-1)] && !possessives[d.lower(s, i-1)] && d.lower(s, i-1) != "'s" && d.lower(s, i-1) != "’s"
	}
	return false
}
