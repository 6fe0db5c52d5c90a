package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a place name in a text: a gazetteer match, or a span the
// caller's named-entity tagger marked as a location.
type Mention struct {
	Text       string
	Start, End int  // byte offsets into the text
	Demonym    bool // a nationality word standing for its country ("Turkish")
	// InName marks a place named inside an organisation's name
	// ("Kentucky" of "Kentucky State Police"): it tells where the
	// article is, but is no place an event happens.
	InName bool
	// Dateline marks the place of the article's dateline (Dateline).
	Dateline bool
}

// FindOptions tunes FindToponyms.
type FindOptions struct {
	// Demonyms also returns nationality words ("Turkish", "Iraqis") as
	// mentions of their country, flagged Demonym. Some gold sets count
	// them as toponyms; most event coders want them as actor countries.
	Demonyms bool
}

// word is one word of a text with its byte span.
type word struct{ start, end int }

// FindToponyms returns the place names of text that the gazetteer knows,
// longest match first, left to right, without overlaps. Only capitalised
// words start or end a name; single words that are also common English
// words ("Police", "Of", "March"), or that the same text uses in lower
// case, are left out, as are names right after a personal title ("Mr.
// Jordan").
func (g *Gazetteer) FindToponyms(text string, opt FindOptions) []Mention {
	ws := splitWords(text)
	lower := lowerWords(text, ws)
	var out []Mention
	surnames := map[string]bool{}
	matchedTo := 0 // end of the last match
	for i := 0; i < len(ws); {
		n, demonym := g.matchAt(text, ws, i, opt.Demonyms)
		if n == 0 || !g.keep(text, ws, i, n, lower) {
			i++
			continue
		}
		if n == 1 && !demonym && (g.surname(text, ws, i, matchedTo) || g.nameStart(text, ws, i)) {
			surnames[text[ws[i].start:ws[i].end]] = true
			i++
			continue
		}
		end := ws[i+n-1].end
		matchedTo = end
		if n == 1 && !demonym {
			end = max(end, g.abbrevEnd(text, ws[i]))
		}
		m := Mention{Text: text[ws[i].start:end], Start: ws[i].start, End: end, Demonym: demonym}
		out = append(out, m)
		i += n
	}
	// "Rick Campbell ... Campbell said": once a word was a surname, it
	// is one throughout the text.
	kept := out[:0]
	for _, m := range out {
		if !surnames[m.Text] {
			kept = append(kept, m)
		}
	}
	return kept
}

// surname reports whether the one-word match at word i reads as the
// surname of a person: right after a capitalised word that is no place,
// no common word and no name particle ("Rick Campbell", not "Northern
// Iraq"), when the name is no country, region or city of a million.
func (g *Gazetteer) surname(text string, ws []word, i, matchedTo int) bool {
	if i == 0 || ws[i-1].end <= matchedTo || text[ws[i-1].end:ws[i].start] != " " {
		return false
	}
	prev := text[ws[i-1].start:ws[i-1].end]
	l := strings.ToLower(prev)
	if !capitalised(prev) || prev == strings.ToUpper(prev) || stopWords[l] || particles[l] || titles[l] {
		return false
	}
	key := Key(text[ws[i].start:ws[i].end])
	if c, ok := g.demonyms[Key(prev)]; ok {
		// "Swiss Re", "British Gas": a nationality before a minor place
		// of another country names a firm.
		return !g.atLeast(key, 100_000) && !g.inCountry(key, g.countries[c].ISO2)
	}
	return !g.major(key)
}

// nameStart reports whether the one-word match at word i opens a longer
// proper name: a capitalised word follows it after a space that is no
// place name, title or common word ("Lib Dem", "Walsh Trust"), and the
// name is no region nor a town of 100,000, which lend their names to
// organisations ("Kisumu Police") and keep them.
func (g *Gazetteer) nameStart(text string, ws []word, i int) bool {
	if i+1 >= len(ws) || text[ws[i].end:ws[i+1].start] != " " {
		return false
	}
	next := text[ws[i+1].start:ws[i+1].end]
	l := strings.ToLower(next)
	if !capitalised(next) || next == strings.ToUpper(next) || stopWords[l] || particles[l] || titles[l] {
		return false
	}
	if _, ok := g.demonyms[Key(next)]; ok {
		return false
	}
	if g.findable(Key(next)) {
		return false
	}
	return !g.atLeast(Key(text[ws[i].start:ws[i].end]), 100_000)
}

// inCountry reports whether some reading of key lies in country cc.
func (g *Gazetteer) inCountry(key, cc string) bool {
	for _, p := range g.names.get(key) {
		if g.places[p].Country == cc {
			return true
		}
	}
	return false
}

// major reports whether some reading of key is a continent, country,
// admin1 region or city of a million people or more.
func (g *Gazetteer) major(key string) bool { return g.atLeast(key, 1_000_000) }

// atLeast reports whether some reading of key is a continent, country or
// admin1 region, or a place of at least pop people.
func (g *Gazetteer) atLeast(key string, pop int64) bool {
	for _, p := range g.names.get(key) {
		if pl := &g.places[p]; pl.Kind <= Admin1 || pl.Population >= pop {
			return true
		}
	}
	return false
}

// matchAt returns the number of words of the longest name starting at
// word i, and whether it is a demonym.
func (g *Gazetteer) matchAt(text string, ws []word, i int, demonyms bool) (int, bool) {
	if !capitalised(text[ws[i].start:ws[i].end]) {
		return 0, false
	}
	max := g.maxWords
	if max > 6 {
		max = 6
	}
	for n := min(max, len(ws)-i); n >= 1; n-- {
		last := ws[i+n-1]
		if !capitalised(text[last.start:last.end]) || !joined(text, ws[i:i+n]) {
			continue
		}
		k := Key(text[ws[i].start:last.end])
		// A nationality word is never read as the place it also names
		// ("German", a parish of the Isle of Man).
		if _, ok := g.demonyms[k]; ok {
			if !demonyms {
				return 0, false
			}
			return n, true
		}
		if g.findable(k) {
			return n, false
		}
		if n == 1 && g.abbrevEnd(text, last) > 0 {
			return 1, false
		}
	}
	return 0, false
}

// findable reports whether key, found in running text, may be read as a
// place: it is the name of some place, or an alternate name of a
// region or of a town of 15,000. GeoNames lists many villages under
// English words and other languages' names ("Popular"), which in news
// are rarely those villages.
func (g *Gazetteer) findable(key string) bool {
	for _, i := range g.names.get(key) {
		if p := &g.places[i]; p.Kind <= Admin2 || p.Population >= 15_000 || Key(p.Name) == key {
			return true
		}
	}
	return false
}

// keep applies the stop rules to a match of n words at word i.
func (g *Gazetteer) keep(text string, ws []word, i, n int, lower map[string]bool) bool {
	if i > 0 && titles[strings.TrimSuffix(strings.ToLower(text[ws[i-1].start:ws[i-1].end]), ".")] {
		return false
	}
	if n > 1 {
		return true
	}
	w := text[ws[i].start:ws[i].end]
	if g.abbrevEnd(text, ws[i]) > 0 {
		return true
	}
	// An acronym ("IS", "CNN") is a place only where FalseAcronym says
	// so ("US", "U.S.", "UAE", "CAIRO").
	if Acronym(w) {
		return !g.FalseAcronym(w)
	}
	l := strings.ToLower(w)
	if commonWords[l] && !g.major(Key(w)) {
		return false
	}
	return !stopWords[l] && !titles[l] && !lower[l]
}

// joined reports whether words follow each other with only a space or a
// hyphen between them, and inner words are capitalised or name particles
// ("Bosnia and Herzegovina", "Stratford-upon-Avon").
func joined(text string, ws []word) bool {
	for j := 1; j < len(ws); j++ {
		gap := text[ws[j-1].end:ws[j].start]
		if gap != " " && gap != "-" && gap != "'" && gap != "’" {
			return false
		}
		if j < len(ws)-1 {
			w := text[ws[j].start:ws[j].end]
			if !capitalised(w) && !particles[w] {
				return false
			}
		}
	}
	return true
}

// abbrevEnd returns the end of the state abbreviation at word w ("Ky."
// with its dot, "N.J." as splitWords leaves it), or 0.
func (g *Gazetteer) abbrevEnd(text string, w word) int {
	if _, ok := g.abbrevs[text[w.start:w.end]]; ok {
		return w.end
	}
	if strings.HasPrefix(text[w.end:], ".") {
		if _, ok := g.abbrevs[text[w.start:w.end+1]]; ok {
			return w.end + 1
		}
	}
	return 0
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// splitWords cuts text into words: letters and digits, with inner
// apostrophes and dots of abbreviations ("U.S.", "St.") kept.
func splitWords(text string) []word {
	var ws []word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += size
				continue
			}
			// Keep "'" and "’" inside words ("N'Djamena"), and the dots of
			// abbreviations.
			if (r == '\'' || r == '’') && i+size < len(text) && isLetterAt(text, i+size) && !possessive(text[i+size:]) {
				i += size
				continue
			}
			if r == '.' && abbreviationDot(text[start:i]) {
				i += size
				continue
			}
			break
		}
		ws = append(ws, word{start: start, end: i})
	}
	return ws
}

// abbreviationDot reports whether a dot after w belongs to it: w is one
// letter ("U" of "U.S.") or ends in one after a dot ("U.S"), or is a
// short form of a place-name word ("St", "Mt", "Ft").
func abbreviationDot(w string) bool {
	n := len(w)
	return n == 1 || n >= 2 && w[n-2] == '.' || w == "St" || w == "Mt" || w == "Ft"
}

// possessive reports whether rest (after an apostrophe) is the "s" of a
// possessive, which is not part of the name ("Russia’s").
func possessive(rest string) bool {
	if rest == "" || rest[0] != 's' {
		return false
	}
	return len(rest) == 1 || !isLetterAt(rest, 1)
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// lowerWords returns the words that text uses in lower case somewhere.
func lowerWords(text string, ws []word) map[string]bool {
	out := make(map[string]bool)
	for _, w := range ws {
		s := text[w.start:w.end]
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
			out[s] = true
		}
	}
	return out
}

// particles may stand lower case inside a place name.
var particles = map[string]bool{
	"of": true, "and": true, "de": true, "del": true, "la": true, "le": true, "les": true, "el": true,
	"al": true, "upon": true, "on": true, "du": true, "des": true, "da": true, "do": true, "dos": true,
	"am": true, "an": true, "der": true, "y": true, "i": true, "en": true, "sur": true, "the": true,
	"s": true, // split off by splitWords: "People's Republic of China"
}

// titles come before personal names, not places.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "gen": true, "general": true,
	"sen": true, "senator": true, "rep": true, "gov": true, "governor": true, "minister": true,
	"king": true, "queen": true, "prince": true, "princess": true, "pope": true, "sir": true,
	"lord": true, "lady": true, "judge": true, "justice": true, "col": true, "capt": true, "lt": true,
	"sgt": true, "rev": true, "prof": true, "professor": true, "mayor": true, "chancellor": true,
	"secretary": true, "ambassador": true, "sheikh": true, "ayatollah": true, "emir": true, "coach": true,
}

// stopWords are common English words, names and news words that
// GeoNames also has as places; alone and capitalised they are rarely the
// place.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		a an the of in on at to for by from with as and or but if so no not this that these those
		he she it we they you i his her its our their my your who what when where why how all any
		some one two three four five six seven eight nine ten first last next new old
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
		monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
		police army navy court union congress parliament senate government state city county
		university college hospital church school station airport road street park bridge port
		man best bath nice mobile reading hope mission independence opportunity victory liberty
		unity progress justice freedom faith grace joy paradise eden temple mercy trinity
		van bar gap ball bay cape ocean sea river lake island islands mountain valley beach
		north south east west central northern southern eastern western middle upper lower
		saint san santa mount fort lake great little big long high low
		said says told after before during while since until about also just only still even
		here there now then very more most much many well back down over under again
		deal sale mall day year week month time home house office centre center world
		national international federal royal republic democratic people party service
		media news post times herald tribune mail daily guardian press star sun globe
		god allah christ jesus islam muslim christian jewish arab
		obama trump clinton bush hilton ok yes apple amazon google
		act law cup air green hall superior liberal olympic lakes officer general major
		mrs miss sen gen col rep gov
	`) {
		m[w] = true
	}
	return m
}()
