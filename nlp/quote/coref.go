package quote

import (
	"sort"
	"strings"
)

// entity is one named participant of the article, gathered over its
// mentions ("Muqtada al-Sadr", "Sadr").
type entity struct {
	rep    Mention // the longest mention: what the speaker resolves to
	kind   byte    // 'P' person, 'O' organisation, '?' unknown
	gender byte    // 'm', 'f' or 0 when unknown
	roles  map[string]bool
}

// name is one mention of an entity.
type name struct {
	m    Mention
	flat int // flat index of its first token, for ordering
	e    *entity
}

// coref resolves speaker phrases to the article's named mentions.
type coref struct {
	d     *doc
	names []name
}

// newCoref collects the named mentions of the document: the entities the
// recognizer found, or capitalized runs when no recognizer ran.
func newCoref(d *doc) *coref {
	c := &coref{d: d}
	byKey := map[string][]*entity{}
	for s := range d.sents {
		for _, sp := range d.nameSpans(s) {
			c.addName(s, sp[0], sp[1], sp[2], byKey)
		}
	}
	return c
}

// weak marks a capitalized word that may be a name only because it starts
// its sentence.
const weak = 'w'

// nameSpans returns [first, last, kind] of each name in sentence s.
func (d *doc) nameSpans(s int) [][3]int {
	st := &d.sents[s]
	var out [][3]int
	tagged := false
	for i := range st.Tokens {
		if st.Tokens[i].Entity != "" {
			tagged = true
			break
		}
	}
	if tagged || len(st.Entities) > 0 {
		for _, e := range st.Entities {
			switch e.Label {
			case "PER":
				out = append(out, [3]int{e.First, e.Last, 'P'})
			case "ORG":
				out = append(out, [3]int{e.First, e.Last, 'O'})
			}
		}
		return out
	}
	ts := st.Tokens
	for i := 0; i < len(ts); i++ {
		if !d.nameWord(s, i) {
			continue
		}
		j := i
		for j+1 < len(ts) && (d.nameWord(s, j+1) || isParticle(d.lower(s, j+1)) && j+2 < len(ts) && d.nameWord(s, j+2)) {
			j++
		}
		kind := int('?')
		if j == i && d.sentenceInitial(s, i) && (j+1 >= len(ts) || !speechVerbs[d.lower(s, j+1)] && !auxWords[d.lower(s, j+1)]) {
			kind = weak // "Similarly", "Many": capitalized only by position
		}
		out = append(out, [3]int{i, j, kind})
		i = j
	}
	return out
}

// sentenceInitial reports whether token i of sentence s has only
// punctuation before it.
func (d *doc) sentenceInitial(s, i int) bool {
	for k := 0; k < i; k++ {
		if isWord(d.sents[s].Tokens[k].Text) {
			return false
		}
	}
	return true
}

// isParticle joins name parts ("bin", "al", "de").
func isParticle(w string) bool {
	switch w {
	case "al", "bin", "ibn", "de", "van", "von", "da", "del", "of", "-":
		return true
	}
	return false
}

// nameWord reports whether token i of sentence s can be part of a name
// when no recognizer ran: a capitalized word that is not a function word,
// a day or a month.
func (d *doc) nameWord(s, i int) bool {
	t := &d.sents[s].Tokens[i]
	if !capitalized(t.Text) && !arabicArticle(t.Text) || !isWord(t.Text) {
		return false
	}
	if t.UPOS != "" && t.UPOS != "PROPN" {
		return false
	}
	w := d.lower(s, i)
	if _, ok := pronounGender[w]; ok {
		return false
	}
	if nonNP[w] || determiners[w] || prepositions[w] || timeOpeners[w] || timeWords[w] || auxWords[w] || speechVerbs[w] {
		return false
	}
	return true
}

// sameKeyWindow is how many of the latest entities of one key ("Smith")
// a new name is compared with. An article names a few people of one
// surname; a long document of many articles may name thousands, and
// comparing each mention with all of them would make the pass quadratic.
const sameKeyWindow = 64

// addName records the mention first..last of sentence s, merging it with
// an earlier entity of the same last word ("Sadr" after "Muqtada al-Sadr").
func (c *coref) addName(s, first, last, kind int, byKey map[string][]*entity) {
	d := c.d
	ts := d.sents[s].Tokens
	for last > first && (ts[last].Text == "'s" || ts[last].Text == "’s") {
		last--
	}
	m := d.mention(s, first, last)
	key := d.lower(s, last)
	if arabicArticle(ts[last].Text) {
		key = key[strings.IndexByte(key, '-')+1:]
	}
	g := d.nameGender(s, first, last)
	var e *entity
	f := d.givenName(s, first, last)
	same := byKey[key]
	for k := len(same) - 1; k >= 0 && k >= len(same)-sameKeyWindow && e == nil; k-- {
		x := same[k]
		xf := d.givenName(x.rep.Sentence, x.rep.First, x.rep.Last)
		switch {
		case g != 0 && x.gender != 0 && g != x.gender:
			// "Mrs. Clinton" is not "Bill Clinton"
		case f < last && xf < x.rep.Last && d.lower(s, f) != d.lower(x.rep.Sentence, xf):
			// "Melania Trump" is not "Donald Trump"
		default:
			e = x
		}
	}
	if kind == weak {
		if e == nil {
			return // a name only if the article named it before
		}
		kind = '?'
	}
	if e == nil {
		e = &entity{rep: m, kind: byte(kind), gender: g, roles: map[string]bool{}}
		byKey[key] = append(byKey[key], e)
	} else if len(m.Text) > len(e.rep.Text) && last-first < 4 {
		e.rep = m
	}
	if e.gender == 0 {
		e.gender = g
	}
	if e.kind == '?' || e.kind == 0 {
		e.kind = byte(kind)
	}
	if _, ok := firstNames[d.lower(s, first)]; ok && last > first {
		e.kind = 'P'
	}
	if orgWords[key] && e.kind == '?' {
		e.kind = 'O'
	}
	// title words inside the name ("President Donald Trump" is later "the
	// president") and role words before it ("influential Iraqi Shia
	// cleric Muqtada al-Sadr")
	for k := first; k < last; k++ {
		e.addRole(d.lower(s, k))
	}
	for k := first - 1; k >= 0 && k >= first-6; k-- {
		w := d.lower(s, k)
		if g, ok := titles[w]; ok {
			e.kind = 'P'
			if g != 'x' && e.gender == 0 {
				e.gender = g
			}
		}
		if !d.npWord(s, k) || determiners[w] {
			break
		}
		e.addRole(w)
	}
	// an apposition after it: "Smith, a spokesman for the group,"
	if last+2 < len(ts) && ts[last+1].Text == "," && determiners[d.lower(s, last+2)] {
		for k := last + 3; k < len(ts) && k <= last+8 && d.npWord(s, k); k++ {
			e.addRole(d.lower(s, k))
		}
	}
	c.names = append(c.names, name{m: m, flat: d.off[s] + first, e: e})
}

// givenName returns the first token of a name after its titles ("Ann"
// in "Senator Ann Moss"; "Moss" in "Mrs. Moss").
func (d *doc) givenName(s, first, last int) int {
	for first < last {
		if _, ok := titles[d.lower(s, first)]; !ok {
			break
		}
		first++
	}
	return first
}

// nameGender returns the gender a name shows by itself: its title ("Mrs.
// Clinton") or a known first name ("Hillary Clinton"); 0 when it shows
// none.
func (d *doc) nameGender(s, first, last int) byte {
	for _, k := range []int{first - 1, first} {
		if k >= 0 && k < last {
			if g, ok := titles[d.lower(s, k)]; ok && g != 'x' {
				return g
			}
		}
	}
	if f := d.givenName(s, first, last); f < last {
		return firstNames[d.lower(s, f)]
	}
	return 0
}

// addRole notes a description word of e and the gender it implies.
func (e *entity) addRole(w string) {
	e.roles[w] = true
	if g, ok := genderedRoles[w]; ok && e.gender == 0 {
		e.gender = g
	}
	if groupNouns[w] && e.kind == '?' {
		e.kind = 'O'
	}
}

// resolve returns the named mention that m refers to, with its entity:
// the entity of a name inside m, the antecedent of a pronoun, or the
// entity whose role words a description ("the cleric") repeats; m itself
// and nil when nothing fits. hint is the quote before m, if any; for a
// speaker (speaker true) names inside quotation marks are no antecedents.
func (c *coref) resolve(m Mention, hint *Quote, speaker bool) (Mention, *entity) {
	d := c.d
	if m.First == m.Last && relative[d.lower(m.Sentence, m.First)] {
		if a, ok := d.antecedentOf(m.Sentence, m.First); ok {
			m = a // "Smith, who said": resolve Smith
		}
	}
	at := d.off[m.Sentence] + m.First
	end := d.off[m.Sentence] + m.Last
	for k := sort.Search(len(c.names), func(i int) bool { return c.names[i].flat > end }) - 1; k >= 0 && c.names[k].m.Sentence == m.Sentence; k-- {
		if n := c.names[k]; n.m.Last >= m.First {
			return n.e.rep, n.e
		}
	}
	// "the army's chief of staff, General Omar Diallo,": the name in
	// apposition
	if ts := d.sents[m.Sentence].Tokens; m.Last+2 < len(ts) && ts[m.Last+1].Text == "," {
		next := d.off[m.Sentence] + m.Last + 2
		k := sort.Search(len(c.names), func(i int) bool { return c.names[i].flat >= next })
		if k < len(c.names) && c.names[k].flat == next {
			return c.names[k].e.rep, c.names[k].e
		}
	}
	head := d.lower(m.Sentence, m.Last)
	if g, ok := pronounGender[head]; ok && m.First == m.Last {
		return c.antecedent(m, at, hint, speaker, func(e *entity) bool {
			switch g {
			case 'm', 'f':
				return e.kind != 'O' && (e.gender == 0 || e.gender == g)
			case 'p', 'n':
				return e.kind == 'O'
			}
			return false
		})
	}
	first := d.lower(m.Sentence, m.First)
	if !determiners[first] {
		return m, nil
	}
	return c.antecedent(m, at, hint, speaker, func(e *entity) bool {
		return e.roles[head] || groupNouns[head] && e.kind == 'O'
	})
}

// antecedent returns the entity of the nearest earlier name that fits,
// within ten sentences, preferring the speaker of the hint quote and, in a
// sentence, the first name (the subject, usually).
func (c *coref) antecedent(m Mention, at int, hint *Quote, speaker bool, fits func(*entity) bool) (Mention, *entity) {
	d := c.d
	if q := hint; q != nil && q.Entity.Text != "" && m.Sentence-max(q.Speaker.Sentence, q.Last) <= 3 {
		if e := q.ent; e != nil && fits(e) {
			return e.rep, e
		}
	}
	i := sort.Search(len(c.names), func(i int) bool { return c.names[i].flat >= at })
	best := -1
	for k := i - 1; k >= 0; k-- {
		n := c.names[k]
		if m.Sentence-n.m.Sentence > 10 || best >= 0 && n.m.Sentence != c.names[best].m.Sentence {
			break
		}
		if fits(n.e) && !(speaker && d.quoted[n.flat]) {
			best = k // a speaker is not one of the names in the quotation
		}
	}
	if best < 0 {
		return m, nil
	}
	return c.names[best].e.rep, c.names[best].e
}

// arabicArticle reports whether a name word starts with a lower-case
// article or kinship particle and a hyphen ("al-Sadr", "bin-Salman").
func arabicArticle(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) || !capitalized(w[i+1:]) {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "bin", "ibn", "abu", "abd":
		return true
	}
	return false
}
