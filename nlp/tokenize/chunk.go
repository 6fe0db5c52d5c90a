package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chunk splits the whitespace-free text[s:e] into tokens: leading
// punctuation, then trailing punctuation, then the word left in between,
// which may still lose a clitic or split at a hyphen or slash.
func (z *splitter) chunk(s, e int) {
	t := z.text
	if e-s <= 4 && strings.IndexByte(":;=<^xX", t[s]) >= 0 && emoticons[t[s:e]] {
		z.emit(s, e, kEmoticon)
		return
	}
	for s < e {
		n, k := z.lead(s, e)
		if n == 0 {
			break
		}
		z.emit(s, s+n, k)
		s += n
	}
	if s == e {
		return
	}
	z.chunkEnd = e
	special := isURL(t[s:e])
	z.suf = z.suf[:0]
	z.abbr = notAbbrev
	for s < e {
		n, k := z.trail(s, e, special)
		if n == 0 {
			break
		}
		z.suf = append(z.suf, piece{e - n, e, k})
		e -= n
	}
	switch {
	case s == e:
	case z.abbr != notAbbrev:
		z.emit(s, e, kAbbrev)
	case special:
		z.emit(s, e, kWord)
		z.meta[len(z.meta)-1].web = webAddress(t[s:e])
	default:
		z.word(s, e)
	}
	for i := len(z.suf) - 1; i >= 0; i-- {
		p := z.suf[i]
		z.emit(p.start, p.end, p.kind)
	}
}

// isURL reports whether w is a URL, an e-mail address, an @handle or a
// #hashtag, which keep their inner punctuation.
func isURL(w string) bool {
	if len(w) < 2 {
		return false
	}
	if w[0] == '@' && wordByte(w[1]) || w[0] == '#' && isLetter(w[1]) {
		return true
	}
	if strings.Contains(w, "://") || hasPrefixFold(w, "www.") || hasPrefixFold(w, "mailto:") {
		return true
	}
	at := strings.IndexByte(w, '@')
	if at <= 0 || strings.IndexByte(w[at:], '.') < 2 {
		return false
	}
	for i := 0; i < at; i++ {
		if c := w[i]; !wordByte(c) && strings.IndexByte(".-+%'", c) < 0 {
			return false
		}
	}
	return true
}

// urlAhead is isURL for the rest of a chunk after an inner split: it looks
// only at a bounded prefix, so that splitting a long chunk stays linear.
func urlAhead(w string) bool {
	const look = 64
	if len(w) > look {
		w = w[:look]
		if !strings.Contains(w, "://") && !hasPrefixFold(w, "www.") && strings.IndexByte(w, '@') < 0 {
			return false
		}
	}
	return isURL(w)
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// wordByte reports whether c is an ASCII letter, digit or underscore.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Curly quotes, dashes and other multi-byte marks, as UTF-8.
const (
	lsquo    = "\u2018" // ‘
	rsquo    = "\u2019" // ’
	ldquo    = "\u201C" // “
	rdquo    = "\u201D" // ”
	bdquo    = "\u201E" // „
	laquo    = "\u00AB" // «
	raquo    = "\u00BB" // »
	ndash    = "\u2013" // –
	mdash    = "\u2014" // —
	hellip   = "\u2026" // …
	invQuest = "\u00BF" // ¿
	invExcl  = "\u00A1" // ¡
	pound    = "\u00A3" // £
	yen      = "\u00A5" // ¥
	euro     = "\u20AC" // €
)

// lead returns the length and kind of the punctuation token that starts
// text[s:e], or 0 when the chunk starts with a word.
func (z *splitter) lead(s, e int) (int, kind) {
	t := z.text
	c := t[s]
	switch c {
	case '"':
		if s+1 == e {
			return 1, kAmbDQ
		}
		return 1, kOpenDQ
	case '`':
		if s+1 < e && t[s+1] == '`' {
			return 2, kOpenDQ
		}
		if z.elided(s+1, e) {
			return 0, 0
		}
		return 1, kOpenSQ
	case '\'':
		if s+1 < e && t[s+1] == '\'' {
			return 2, kCloseDQ
		}
		if s+1 == e {
			return 1, kCloseSQ
		}
		if z.elided(s+1, e) {
			return 0, 0
		}
		return 1, kOpenSQ
	case '(', '[', '{':
		return 1, kOpenB
	case ')', ']', '}':
		return 1, kCloseB
	case '+':
		if s+1 < e && isDigit(t[s+1]) {
			return 0, 0
		}
		return run(t, s, e, c), kPunct
	case '$', '<', '>', '*', '=', '~', '_', '^':
		return run(t, s, e, c), kPunct
	case '&', '|', '\\', '/', ',', ';', ':', '%':
		return 1, kPunct
	case '#':
		if s+1 < e && isLetter(t[s+1]) {
			return 0, 0
		}
		return run(t, s, e, c), kPunct
	case '@':
		if s+1 < e && wordByte(t[s+1]) {
			return 0, 0
		}
		return 1, kPunct
	case '-':
		n := run(t, s, e, '-')
		if n == 1 && s+1 < e && isDigit(t[s+1]) {
			return 0, 0
		}
		return n, kPunct
	case '.':
		n := run(t, s, e, '.')
		if n > 1 {
			return n, kEllipsis
		}
		if s+1 < e && isDigit(t[s+1]) {
			return 0, 0
		}
		return 1, kTerm
	case '!', '?':
		return runOf(t, s, e, "!?"), kTerm
	}
	if c < utf8.RuneSelf {
		return 0, 0
	}
	rest := t[s:e]
	switch {
	case strings.HasPrefix(rest, ldquo), strings.HasPrefix(rest, bdquo):
		return 3, kOpenDQ
	case strings.HasPrefix(rest, laquo):
		return 2, kOpenDQ
	case strings.HasPrefix(rest, rdquo):
		return 3, kCloseDQ
	case strings.HasPrefix(rest, raquo):
		return 2, kCloseDQ
	case strings.HasPrefix(rest, lsquo):
		if z.elided(s+3, e) {
			return 0, 0
		}
		return 3, kOpenSQ
	case strings.HasPrefix(rest, rsquo):
		if s+3 < e && z.elided(s+3, e) {
			return 0, 0
		}
		if s+3 == e {
			return 3, kCloseSQ
		}
		return 3, kOpenSQ
	case strings.HasPrefix(rest, ndash), strings.HasPrefix(rest, mdash), strings.HasPrefix(rest, euro):
		return 3, kPunct
	case strings.HasPrefix(rest, hellip):
		return 3, kEllipsis
	case strings.HasPrefix(rest, invQuest), strings.HasPrefix(rest, invExcl),
		strings.HasPrefix(rest, pound), strings.HasPrefix(rest, yen):
		return 2, kPunct
	}
	return 0, 0
}

// elided reports whether the letters from s (after an apostrophe) are a
// clitic or an elision that keeps its apostrophe: 's, 'em, 'cause, '90s.
func (z *splitter) elided(s, e int) bool {
	t := z.text
	j := s
	for j < e && j-s <= len("cause") && wordByte(t[j]) {
		j++
	}
	w := t[s:j]
	if w == "" {
		return false
	}
	// Decades: '90s, '73.
	if len(w) >= 2 && isDigit(w[0]) && isDigit(w[1]) && (len(w) == 2 || len(w) == 3 && w[2] == 's') {
		return true
	}
	for _, c := range leadClitics {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// run returns how many bytes c repeat from s.
func run(t string, s, e int, c byte) int {
	n := 0
	for s+n < e && t[s+n] == c {
		n++
	}
	return n
}

// runBack returns how many bytes c repeat before e, down to s.
func runBack(t string, s, e int, c byte) int {
	n := 0
	for e-1-n >= s && t[e-1-n] == c {
		n++
	}
	return n
}

// runOf returns how many bytes from s are in set.
func runOf(t string, s, e int, set string) int {
	n := 0
	for s+n < e && strings.IndexByte(set, t[s+n]) >= 0 {
		n++
	}
	return n
}

// trail returns the length and kind of the punctuation token that ends
// text[s:e], or 0 when it ends in a word. A final period after an
// abbreviation stays with it; trail then sets z.abbr.
func (z *splitter) trail(s, e int, special bool) (int, kind) {
	t := z.text
	c := t[e-1]
	switch c {
	case '.', '!', '?':
		n, dots := 0, 0
		for e-1-n >= s && strings.IndexByte(".!?", t[e-1-n]) >= 0 {
			if t[e-1-n] == '.' {
				dots++
			}
			n++
		}
		switch {
		case n > 1 && dots == n:
			return n, kEllipsis
		case n > 1 || c != '.':
			return n, kTerm
		}
		if !special && e-1 > s {
			if a := z.abbrev(s, e-1); a == title || a == final && !z.sentenceAfter(z.chunkEnd) {
				z.abbr = a
				return 0, 0
			}
		}
		return 1, kTerm
	case '*', '=', '+', '~', '^', '<', '$':
		n := 0
		for e-1-n >= s && t[e-1-n] == c {
			n++
		}
		return n, kPunct
	case ',', ';', ':', '%', '&', '|', '\\':
		return 1, kPunct
	case '/':
		if special {
			return 0, 0
		}
		return 1, kPunct
	case ')', ']', '}':
		return 1, kCloseB
	case '>':
		return runBack(t, s, e, '>'), kCloseB
	case '"':
		return 1, kCloseDQ
	case '\'':
		if e-2 >= s && t[e-2] == '\'' {
			return 2, kCloseDQ
		}
		return 1, kCloseSQ
	case '`':
		return 1, kCloseSQ
	case '-':
		return runBack(t, s, e, '-'), kPunct
	}
	if c < utf8.RuneSelf {
		return 0, 0
	}
	rest := t[s:e]
	switch {
	case strings.HasSuffix(rest, rdquo):
		return 3, kCloseDQ
	case strings.HasSuffix(rest, ldquo):
		return 3, kAmbDQ
	case strings.HasSuffix(rest, raquo):
		return 2, kCloseDQ
	case strings.HasSuffix(rest, rsquo), strings.HasSuffix(rest, lsquo):
		return 3, kCloseSQ
	case strings.HasSuffix(rest, hellip):
		return 3, kEllipsis
	case strings.HasSuffix(rest, ndash), strings.HasSuffix(rest, mdash), strings.HasSuffix(rest, euro):
		return 3, kPunct
	case strings.HasSuffix(rest, pound), strings.HasSuffix(rest, yen):
		return 2, kPunct
	}
	return 0, 0
}

// abbrev says whether text[s:e], followed by a period, is an abbreviation,
// and of which kind.
func (z *splitter) abbrev(s, e int) abbrevKind {
	w := z.text[s:e]
	// The longest abbreviation (U.S.A, Messrs) is short; the bound keeps
	// chunks like "a.a.a.(...).).)" linear.
	if len(w) > 12 {
		return notAbbrev
	}
	if a, ok := abbrevs[w]; ok {
		if (w == "No" || w == "Nos") && !z.digitAfter(e+1) {
			return notAbbrev
		}
		return a
	}
	// An initial (J. R. R. Tolkien) comes before a capitalised name;
	// anything else is a letter at a sentence end ("because of X.").
	if len(w) == 1 && isLetter(w[0]) {
		if isUpper(w[0]) && z.upperAfter(e+1) || w[0] == 'c' && z.digitAfter(e+1) {
			return title // c. 1871: circa
		}
		return notAbbrev
	}
	// Letters with inner periods: U.S, e.g, a.m, Ph.D.
	short, dots := false, 0
	seg := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if seg == 0 {
				return notAbbrev
			}
			short = short || seg == 1
			seg = 0
			dots++
		case isLetter(c):
			seg++
			if seg > 2 {
				return notAbbrev
			}
		default:
			return notAbbrev
		}
	}
	if dots > 0 && seg > 0 && (short || seg == 1) {
		return final
	}
	return notAbbrev
}

// digitAfter reports whether the first non-space byte from i is a digit.
func (z *splitter) digitAfter(i int) bool {
	i = z.skipBlanks(i)
	return i < len(z.text) && isDigit(z.text[i])
}

// upperAfter reports whether the first non-space byte from i is an
// upper-case ASCII letter or a digit (S. 10th Street).
func (z *splitter) upperAfter(i int) bool {
	i = z.skipBlanks(i)
	return i < len(z.text) && (isUpper(z.text[i]) || isDigit(z.text[i]))
}

// skipBlanks returns the first offset from i that is not a space or tab.
func (z *splitter) skipBlanks(i int) int {
	for i < len(z.text) && (z.text[i] == ' ' || z.text[i] == '\t') {
		i++
	}
	return i
}

// sentenceAfter reports whether a sentence ends at offset i, the end of a
// chunk that ends in an abbreviation: the text ends there, or a line does, or the next word is a
// usual sentence opener. EWT then splits the period off the abbreviation
// (etc . / p.m .), so the period ends the sentence.
func (z *splitter) sentenceAfter(i int) bool {
	t := z.text
	i = z.skipBlanks(i)
	if i == len(t) || t[i] == '\n' || t[i] == '\r' {
		return true
	}
	j := i
	for j < len(t) && isLetter(t[j]) {
		j++
	}
	return sentenceStarters[t[i:j]]
}

// word emits text[s:e], a chunk stripped of leading and trailing
// punctuation, splitting off a clitic and splitting at inner hyphens,
// slashes and dashes.
func (z *splitter) word(s, e int) {
	w := z.text[s:e]
	if n := cliticLen(w); n > 0 && n < len(w) {
		z.infix(s, e-n)
		z.emit(e-n, e, kWord)
		return
	}
	if p := fusedSplit(w); p > 0 {
		z.emit(s, s+p, kWord)
		z.emit(s+p, e, kWord)
		return
	}
	z.infix(s, e)
}

// apostropheBefore returns the length of the apostrophe (' ’ or `) that
// ends w[:i], or 0.
func apostropheBefore(w string, i int) int {
	if i >= 1 && (w[i-1] == '\'' || w[i-1] == '`') {
		return 1
	}
	if i >= 3 && w[i-3:i] == rsquo {
		return 3
	}
	return 0
}

// cliticLen returns the byte length of the clitic that ends w (n't 's 're
// 've 'll 'd 'm, with any apostrophe), or 0.
func cliticLen(w string) int {
	n := len(w)
	if n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') {
		if a := apostropheBefore(w, n-1); a > 0 && n-1-a >= 2 && (w[n-2-a] == 'n' || w[n-2-a] == 'N') {
			return a + 2
		}
	}
	for k := 1; k <= 2 && k < n; k++ {
		tail := w[n-k:]
		a := apostropheBefore(w, n-k)
		if a == 0 || n-k-a < 1 || !isClitic(tail) {
			continue
		}
		// After a decade 's makes a plural (the 1980's) and stays.
		stem := w[:n-k-a]
		if r, _ := utf8.DecodeLastRuneInString(stem); unicode.IsLetter(r) || unicode.IsDigit(r) && !decade(stem) {
			return k + a
		}
	}
	return 0
}

// glued reports whether text[s:e], after a period inside a chunk, is the
// next sentence with the space left out (album.That, quality.You'll) rather
// than a domain (Newsfeed.Com): a capitalised word of four letters or more,
// or a usual sentence opener.
func (z *splitter) glued(s, e int) bool {
	t := z.text
	if s+1 >= e || !isUpper(t[s]) || !isLower(t[s+1]) {
		return false
	}
	j := s + 1
	for j < e && j-s < 5 && isLetter(t[j]) {
		j++
	}
	return j-s >= 4 || sentenceStarters[t[s:j]]
}

// decade reports whether w ends in a number of two digits or more ending
// in 0 (80, 1990).
func decade(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == '0' && isDigit(w[n-2])
}

// infix emits text[s:e], split at inner hyphens, slashes, dashes, commas
// between letters and double quotes, with a number split from a glued unit.
func (z *splitter) infix(s, e int) {
	t := z.text
	seg := s  // start of the token being built
	part := s // start of the part after the last kept hyphen
	var numeric int8
	for i := s; i < e; {
		c := t[i]
		if c >= utf8.RuneSelf {
			rest := t[i:e]
			var n int
			k := kPunct
			switch {
			case strings.HasPrefix(rest, ndash), strings.HasPrefix(rest, mdash):
				n = 3
			case strings.HasPrefix(rest, hellip):
				n, k = 3, kEllipsis
			case strings.HasPrefix(rest, ldquo):
				n, k = 3, kOpenDQ
			case strings.HasPrefix(rest, rdquo):
				n, k = 3, kCloseDQ
			default:
				_, n = utf8.DecodeRuneInString(rest)
				i += n
				continue
			}
			z.unit(seg, i)
			z.emit(i, i+n, k)
			i += n
			seg, part = i, i
			continue
		}
		var n int
		k := kPunct
		switch c {
		case '-':
			n = run(t, i, e, '-')
			if n == 1 && z.keepHyphen(s, e, part, i, &numeric) {
				part = i + 1
				n = 0
			}
		case '/':
			if i > s && i+1 < e && !keepSlash(t, seg, i, e) {
				n = 1
			}
		case ',', ';', ':':
			if i > s && i+1 < e && !(isDigit(t[i-1]) && isDigit(t[i+1])) {
				n = 1
			}
		case '"':
			n, k = 1, kAmbDQ
		case '(', '[':
			n, k = 1, kOpenB
		case ')', ']':
			n, k = 1, kCloseB
		case '<', '>':
			n = run(t, i, e, c)
		case '?', '!':
			// A sentence end with the space left out (foreigners?thanks).
			if n = runOf(t, i, e, "?!"); i == s || !isLetter(t[i-1]) || i+n == e || !isLetter(t[i+n]) {
				n = 0
			}
			k = kTerm
		case '.':
			// An ellipsis, or a period between a word and the next
			// sentence with the space left out (album.That).
			if n = run(t, i, e, '.'); n >= 2 {
				k = kEllipsis
			} else if i-seg >= 2 && isLower(t[i-1]) && z.glued(i+1, e) {
				k = kTerm
			} else {
				n = 0
			}
		}
		if n == 0 {
			i++
			continue
		}
		if k == kOpenB && i-1 > seg && t[i-1] == '.' && z.abbrev(seg, i-1) == notAbbrev {
			// A sentence end before a reference or aside: London.[3]
			z.unit(seg, i-1)
			z.emit(i-1, i, kTerm)
		} else {
			z.unit(seg, i)
		}
		z.emit(i, i+n, k)
		i += n
		seg, part = i, i
		// What follows a quote or bracket may be an address
		// (Julie"<julie@example.com), which keeps its punctuation.
		if i < e && urlAhead(t[i:e]) {
			z.emit(i, e, kWord)
			z.meta[len(z.meta)-1].web = webAddress(t[i:e])
			return
		}
	}
	z.unit(seg, e)
}

// keepHyphen reports whether the hyphen at i in the word text[s:e] stays
// inside its token: in phone numbers and dates (713-853-3989, 2020-01-03,
// extensions 3-5213), and after a bound prefix or the Arabic article
// (e-mail, al-Sadr). numeric caches whether the word is such a number:
// 0 unknown, 1 yes, 2 no.
func (z *splitter) keepHyphen(s, e, part, i int, numeric *int8) bool {
	t := z.text
	if i == s || i+1 >= e {
		return false
	}
	if isDigit(t[i-1]) || isDigit(t[i+1]) {
		if *numeric == 0 {
			*numeric = 2
			if numberWithHyphens(t[s:e]) {
				*numeric = 1
			}
		}
		return *numeric == 1
	}
	if !isLetter(t[i+1]) && t[i+1] < utf8.RuneSelf {
		return false
	}
	return foldedIn(keepPrefixes, t[part:i])
}

// numberWithHyphens reports whether w is groups joined by hyphens that
// make a phone number, postcode or date rather than a range: three groups
// or more, two of them digits (713-853-3989, 01-Feb-02), or two digit groups
// with four digits after a group that is not a year (345-9945, 94305-5015,
// but 1969-1970).
func numberWithHyphens(w string) bool {
	groups, numbers, first, cur, letters := 1, 0, 0, 0, 0
	end := func() {
		if cur > 0 && letters == 0 {
			numbers++
		}
	}
	for j := 0; j < len(w); j++ {
		switch c := w[j]; {
		case c == '-':
			end()
			if groups == 1 {
				first = cur + letters
			}
			groups++
			cur, letters = 0, 0
		case isDigit(c):
			cur++
		case isLetter(c):
			letters++
		default:
			return false
		}
	}
	end()
	if groups >= 3 {
		return numbers >= 2
	}
	return numbers == 2 && first != 4 && cur == 4
}

// keepSlash reports whether the slash at i stays inside its token: in
// dates and fractions (3/1/2020, 9/11) and after or before a single letter
// (w/o, l/c).
func keepSlash(t string, seg, i, e int) bool {
	if isDigit(t[i-1]) && isDigit(t[i+1]) {
		return true
	}
	if i-seg == 1 {
		return true
	}
	j := i + 1
	for j < e && isLetter(t[j]) {
		j++
	}
	return j-i-1 == 1 && (j == e || !isLetter(t[j]))
}

// unit emits text[s:e], split into number and unit when it is a number
// glued to a unit (5pm, 1.13bn); ordinals and decades (5th, 1990s) stay
// whole.
func (z *splitter) unit(s, e int) {
	if s >= e {
		return
	}
	t := z.text
	if isDigit(t[s]) {
		j := s + 1
		for j < e && (isDigit(t[j]) || (t[j] == '.' || t[j] == ',') && j+1 < e && isDigit(t[j+1])) {
			j++
		}
		if j < e && isLetter(t[j]) {
			k := j
			for k < e && isLetter(t[k]) {
				k++
			}
			if k == e && foldedIn(units, t[j:e]) {
				z.emit(s, j, kWord)
				z.emit(j, e, kWord)
				return
			}
		}
		z.emit(s, e, kWord)
		z.meta[len(z.meta)-1].stamp = e-s >= 5
		return
	}
	z.emit(s, e, kWord)
	z.meta[len(z.meta)-1].ampm = e-s == 2 && meridiem(t[s:e])
}
