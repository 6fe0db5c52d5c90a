// Package tokenize splits English news text into sentences and tokens the
// way the UD English Web Treebank (EWT) does, so that the tagger and parser
// trained on EWT see the tokens they were trained on:
//
//   - clitics come off: don't → do n't, can't → ca n't, cannot → can not,
//     gonna → gon na, Washington's → Washington 's, and the same with a
//     curly ’ (don’t → do n’t);
//   - punctuation, currency signs, percent signs and quotes of every kind
//     are tokens of their own; hyphens between words are split off
//     (long-term → long - term) except after bound prefixes (e-mail,
//     non-profit) and the Arabic article (al-Sadr stays one token, a
//     deliberate departure from EWT so that names match the actor
//     dictionaries);
//   - numbers (1,000,000 3.5 10:30), dates (3/1/2020 2020-01-03), phone
//     numbers, URLs, e-mail addresses, @handles, #hashtags, emoticons and
//     abbreviations (U.S. Dr. Jan. a.m. J.) stay whole.
//
// Every token's text is the exact bytes of the input at its offsets; nothing
// is normalised. Sentences end at . ! ? and ellipses (taking closing quotes
// and brackets with them) unless an abbreviation, an initial, a lower-case
// continuation or an unfinished quotation says otherwise, always at a
// blank line, and wherever text runs on for 256 tokens without an end.
// See docs/tokenization.md for the conventions and figures.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// kind is what the sentence splitter needs to know of a token.
type kind uint8

const (
	kWord     kind = iota
	kPunct         // punctuation that neither ends a sentence nor quotes
	kTerm          // . ! ? and runs of them
	kEllipsis      // ... and …
	kAbbrev        // abbreviation with its period, which ends no sentence
	kEmoticon      // :) and kin, which may end a sentence
	kOpenDQ        // opening double quote: “ « `` and " before a word
	kCloseDQ       // closing double quote: ” » '' and " after a word
	kAmbDQ         // a free-standing " whose direction the context decides
	kOpenSQ        // opening single quote ‘ ' `
	kCloseSQ       // ’ or ' after a word: a closing quote or a possessive
	kOpenB         // ( [ {
	kCloseB        // ) ] }
)

// meta is a token as the sentence splitter sees it; the event.Tokens are
// made once the count is known, so that they are allocated only once.
type meta struct {
	start, end int
	kind       kind
	nl         uint8 // newlines in the whitespace before: 0, 1, or 2 for a blank line
	space      bool  // whitespace before
	// wrapped marks a single newline after a long line, as in hard-wrapped
	// text, where a line end is no sentence end.
	wrapped bool
	// indent marks a single newline followed by an indentation, which
	// starts a paragraph in hard-wrapped text.
	indent bool
	// web marks a URL or e-mail address (see webAddress).
	web bool
	// ampm marks AM or PM, after which unpunctuatedEnd may end a
	// sentence; stamp marks a word of five or more bytes that starts with
	// a digit, before which it may (a date). unit sets them.
	ampm, stamp bool
}

// wrapWidth is the line length from which a single newline is taken for
// hard wrapping rather than the end of a headline or list item.
const wrapWidth = 60

// quoteSpan is the longest quotation, in tokens from its opening mark to
// its closing one, that is kept in one sentence when it goes on in lower
// case ("He said 'Stop. Now.' and left."). Longer quoted speech is split
// into its sentences, as EWT does; the bound also keeps Split linear on
// unbalanced quotes.
const quoteSpan = 12

// maxSentence is the most tokens a sentence gets. Text that runs on
// without a sentence end (a list, a table, text without punctuation) is
// cut into pieces of at most this many tokens, at the last comma,
// semicolon, colon or line end of a piece's second half where there is
// one: the later stages do work for each pair of words, or for each name
// and word, of a sentence, which would make them quadratic in the length
// of such a text. News sentences run to about 100 tokens (the longest of
// the 44,000 BBC sentences, a list, has 342).
const maxSentence = 256

// splitter holds the state of one Split call.
type splitter struct {
	text string
	meta []meta
	suf  []piece // trailing pieces of the current chunk, last first
	// gap describes the whitespace before the current chunk; it is given
	// to the chunk's first token only.
	gap      meta
	gapTaken bool
	abbr     abbrevKind // set when the current chunk ends in an abbreviation
	chunkEnd int        // end of the current chunk
}

// piece is a token not yet emitted.
type piece struct {
	start, end int
	kind       kind
}

// Split splits text into sentences of tokens. Offsets are byte offsets into
// text, text[t.Start:t.End] == t.Text for every token, every byte that is not
// whitespace (Unicode spaces, control characters, zero-width spaces and byte
// order marks count as whitespace) is in exactly one token, and Head is -1
// (unparsed). Invalid UTF-8 bytes are kept inside tokens. It runs in time
// linear in len(text) and allocates only the result.
func Split(text string) []event.Sentence {
	z := splitter{text: text}
	// About one token per five bytes of news; the cap keeps a huge input
	// without spaces from reserving memory it will not use.
	z.meta = make([]meta, 0, min(len(text)/5+1, 1<<16))
	z.scan()
	return z.sentences()
}

// asciiSpace marks the ASCII bytes taken for whitespace: space and the
// control characters.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	t[0x7f] = true
	return t
}()

// spaceRune reports whether r (not ASCII) separates tokens.
func spaceRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || r == 0x200B || r == 0xFEFF || r == 0x2060
}

// scan cuts the text into whitespace-separated chunks and each chunk into
// tokens.
func (z *splitter) scan() {
	t := z.text
	nl, space := 0, false
	lineStart, lineLen := 0, 0
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c == '\n' || c == '\r' && (i+1 == len(t) || t[i+1] != '\n') {
					nl++
					lineLen = i - lineStart
					lineStart = i + 1
				}
				space = true
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(t[i:]); spaceRune(r) {
			switch r {
			case 0x2029: // paragraph separator
				nl += 2
				lineStart = i + n
			case 0x2028, 0x85: // line separator, next line
				nl++
				lineLen = i - lineStart
				lineStart = i + n
			}
			space = true
			i += n
			continue
		}
		j := i + 1
		for j < len(t) {
			c := t[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[j:])
			if spaceRune(r) {
				break
			}
			j += n
		}
		z.gap = meta{nl: uint8(min(nl, 2)), space: space, wrapped: nl == 1 && lineLen >= wrapWidth, indent: nl == 1 && i-lineStart >= 2}
		z.gapTaken = false
		z.chunk(i, j)
		nl, space = 0, false
		i = j
	}
}

// tok returns the text of token i.
func (z *splitter) tok(i int) string { return z.text[z.meta[i].start:z.meta[i].end] }

// emit appends the token text[s:e].
func (z *splitter) emit(s, e int, k kind) {
	m := meta{kind: k}
	if !z.gapTaken {
		m.nl, m.space, m.wrapped, m.indent = z.gap.nl, z.gap.space, z.gap.wrapped, z.gap.indent
		z.gapTaken = true
	}
	m.start, m.end = s, e
	z.meta = append(z.meta, m)
}

// sentences groups the tokens into sentences.
func (z *splitter) sentences() []event.Sentence {
	n := len(z.meta)
	if n == 0 {
		return nil
	}
	all := make([]event.Token, n)
	var out []event.Sentence
	start := 0
	cut := func(end int) {
		if end <= start {
			return
		}
		toks := all[start:end:end]
		for i := range toks {
			m := z.meta[start+i]
			toks[i] = event.Token{ID: i + 1, Text: z.text[m.start:m.end], Start: m.start, End: m.end, Head: -1}
		}
		s, e := toks[0].Start, toks[len(toks)-1].End
		out = append(out, event.Sentence{Index: len(out), Text: z.text[s:e], Start: s, End: e, Tokens: toks})
		start = end
	}
	var q quotes
	wrapped := z.hardWrapped()
	for i := 0; i < n; i++ {
		if i-start >= maxSentence {
			cut(z.runOnCut(start, i))
		}
		m := z.meta[i]
		if m.nl == 2 {
			cut(i)
			q = quotes{}
		} else if m.nl == 1 && i > start && z.lineBreak(i, wrapped) {
			cut(i)
		} else if i > start && z.cue(i) && z.unpunctuatedEnd(start, i) {
			cut(i)
		}
		if i == start && (i == 0 || m.nl > 0) {
			if j := z.dateline(i); j > 0 {
				cut(j)
				i = j - 1
				continue
			}
		}
		q.see(z.meta, i)
		k := m.kind
		if k != kTerm && k != kEllipsis && k != kEmoticon {
			continue
		}
		j := i + 1
		for j < n && j-start < maxSentence && (!z.meta[j].space && closer(z.meta[j].kind) || z.spacedMark(j)) {
			q.see(z.meta, j)
			j++
		}
		if j-start+3 <= maxSentence {
			j += z.reference(j)
		}
		if !z.listNumber(start, i) && z.ends(i, j, &q) {
			cut(j)
		}
		i = j - 1
	}
	cut(n)
	return out
}

// datelineSpan is the most tokens a dateline runs to before its dash
// ("ST. PETERSBURG , Fla. , March 12 ( Reuters ) -").
const datelineSpan = 14

// dateline returns the index after the dash that ends a news dateline
// starting a paragraph at token i ("NAIROBI, March 12 (Reuters) - Kenya
// and …", "ZENDA (AP) — …"), or 0 when there is none. The dateline is a
// sentence of its own: parsed with the story's first sentence, its place
// becomes that sentence's subject. It starts with a word in capitals of two
// letters or more and holds only capitalized words, abbreviations,
// numbers, commas and a bracketed agency before the dash; the dash must
// have text after it on its line.
func (z *splitter) dateline(i int) int {
	if !z.capitals(i) {
		return 0
	}
	for k := i + 1; k < len(z.meta) && k < i+datelineSpan; k++ {
		m := z.meta[k]
		if m.nl > 0 {
			return 0
		}
		w := z.tok(k)
		switch {
		case w == "-" || w == "--" || w == ndash || w == mdash:
			if k+1 < len(z.meta) && z.meta[k+1].nl == 0 {
				return k + 1
			}
			return 0
		case w == "," || m.kind == kOpenB || m.kind == kCloseB || m.kind == kAbbrev:
		case z.upper(k) && m.kind == kWord:
		default:
			return 0
		}
	}
	return 0
}

// capitals reports whether token i is a word of two or more letters, all
// capitals.
func (z *splitter) capitals(i int) bool {
	w := z.tok(i)
	if z.meta[i].kind != kWord || len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// runOnCut returns where to end a sentence of tokens start..end-1 that
// reached maxSentence tokens: after the last comma, semicolon or colon, or
// before the last line end, of its second half; else at end.
func (z *splitter) runOnCut(start, end int) int {
	for j := end - 1; j > start+maxSentence/2; j-- {
		if z.meta[j].nl > 0 {
			return j
		}
		if t := z.tok(j - 1); t == "," || t == ";" || t == ":" {
			return j
		}
	}
	return end
}

// reference returns 3 when tokens from j are a bracketed reference number
// ("[17]"), which goes with the sentence before it, or 0.
func (z *splitter) reference(j int) int {
	if j+2 >= len(z.meta) || z.meta[j].nl > 0 || z.tok(j) != "[" || z.tok(j+2) != "]" {
		return 0
	}
	for _, c := range []byte(z.tok(j + 1)) {
		if !isDigit(c) {
			return 0
		}
	}
	return 3
}

// closer reports whether a token of kind k goes with the sentence end
// before it.
func closer(k kind) bool {
	return k == kCloseDQ || k == kCloseSQ || k == kCloseB || k == kAmbDQ || k == kTerm || k == kEllipsis
}

// lineBreak reports whether the single newline before token i ends a
// sentence. In hard-wrapped text (see hardWrapped) only an indented line
// does. Elsewhere a line end does after a short line (a headline, a list
// item) unless the next line goes on in lower case or the line ended in a
// comma.
func (z *splitter) lineBreak(i int, wrappedText bool) bool {
	m := z.meta[i]
	if wrappedText {
		return m.indent
	}
	if m.wrapped || z.lower(i) {
		return false
	}
	prev := z.tok(i - 1)
	return prev != "," && prev != "-" && prev != "&"
}

// unpunctuatedEnd reports whether the sentence that started at token start
// ends before token i though no punctuation marks its end, as between the
// parts of an e-mail header or a list of links (EWT writes them so):
//
//   - after a date-and-time stamp before a capital ("… 08/16/2000 12:05 PM |
//     I just wanted …"), and before one that follows a name or address
//     ("Kay Mann | 04/26/2001 07:17 AM");
//   - after a URL or e-mail address, bare or in <>, before a capital or
//     another URL;
//   - after a separator line ("=====", "_____", "*****") before a capital;
//   - after the closing of a letter before a name ("Best regards, | Debra");
//   - between the items of a list of attachments ("a.pdf | - b.pdf",
//     "<< File: a.xls >> | - b.xls"), and after a bracketed one before a
//     capital ("(See attached file: a.doc) | Regards").
//
// In the EWT training set these break the sentence 137, 132, 92, 23, 54
// and 16 + 12 times and fail to 0, 2, 9, 1, 7 and 1 + 0 times; news has
// almost none of them.
// Callers rule out most tokens first with cue.
func (z *splitter) unpunctuatedEnd(start, i int) bool {
	p := &z.meta[i-1]
	if z.meta[i].kind == kPunct {
		return z.tok(i) == "-" && z.fileBefore(i)
	}
	switch {
	case p.web:
		return z.meta[i].web || z.upper(i)
	case p.kind == kPunct || p.kind == kCloseB:
		prev := z.tok(i - 1)
		switch {
		case prev == ",":
			return i-start <= 4 && z.upper(i) && z.closing(start, i-1) && z.signature(i)
		case separatorLine(prev):
			return z.upper(i)
		case prev == ">" && i >= 2 && z.meta[i-2].web:
			return z.upper(i)
		case z.fileBefore(i):
			// Not before the next bracketed file: "(See attached file:
			// a.pdf)(See attached file: b.pdf)" is one sentence in EWT.
			return z.meta[i].kind == kWord && z.upper(i)
		}
	case p.ampm:
		return i >= start+3 && z.upper(i) && clockTime(z.tok(i-2)) && slashDate(z.tok(i-3))
	}
	return z.meta[i].stamp && z.stampStart(i)
}

// cue reports whether token i may start a sentence by unpunctuatedEnd:
// whether it is punctuation or a digit-led word of five or more bytes, or
// follows punctuation, AM, PM or an address. Most tokens are none of these,
// and the test reads no text.
func (z *splitter) cue(i int) bool {
	p, m := &z.meta[i-1], &z.meta[i]
	return p.kind == kPunct || p.kind == kCloseB || p.ampm || p.web || m.stamp || m.kind == kPunct
}

// stampStart reports whether a date-and-time stamp starts at token i after
// a name or an address ("Kay Mann | 04/26/2001 07:17 AM"), not after a
// preposition ("on 08/16/2000 03:14 PM").
func (z *splitter) stampStart(i int) bool {
	if !isDigit(z.text[z.meta[i].start]) || !slashDate(z.tok(i)) || i+1 == len(z.meta) || !clockTime(z.tok(i+1)) || z.lower(i-1) {
		return false
	}
	k := z.meta[i-1].kind
	return k == kWord || k == kCloseB || k == kCloseDQ || z.tok(i-1) == ">"
}

// fileBefore reports whether a file name ends before token i, bare or
// with a closing bracket (a.pdf, (a.pdf), << File: a.pdf >>).
func (z *splitter) fileBefore(i int) bool {
	k := i - 1
	if k > 0 && (z.meta[k].kind == kCloseB || z.tok(k) == ">>") {
		k--
	}
	return fileName(z.tok(k))
}

// fileName reports whether w is a file name with a document or picture
// extension (report.doc, API.PDF).
func fileName(w string) bool {
	dot := strings.LastIndexByte(w, '.')
	if dot <= 0 || len(w)-dot > 5 {
		return false
	}
	return foldedIn(fileExtensions, w[dot+1:])
}

// closing reports whether tokens start..end-1 are the closing of a letter
// ("Regards", "Best regards", "Thanks", "Sincerely").
func (z *splitter) closing(start, end int) bool {
	if end-start > 3 || end == start || !closingEnds[strings.ToLower(z.tok(end-1))] {
		return false
	}
	for k := start; k < end-1; k++ {
		if !closingWords[strings.ToLower(z.tok(k))] {
			return false
		}
	}
	return true
}

// signature reports whether the tokens from i are a name that signs a
// letter rather than the person a sentence thanks ("Thanks, Kim.", "Thank
// you, Mr. Chair."): a capitalized word that starts no sentence, not
// followed by a sentence end within three words.
func (z *splitter) signature(i int) bool {
	if z.meta[i].kind != kWord || sentenceStarters[z.tok(i)] || z.tok(i) == "I" {
		return false
	}
	for k := i + 1; k < len(z.meta) && k <= i+3; k++ {
		switch {
		case z.meta[k].kind == kTerm:
			return false
		case z.meta[k].nl > 0 || z.meta[k].kind != kWord || !z.upper(k):
			return true
		}
	}
	return true
}

// webAddress reports whether w is a URL or an e-mail address (not an
// @handle or #hashtag, which run on in the sentence).
func webAddress(w string) bool {
	return len(w) > 4 && w[0] != '@' && w[0] != '#' && strings.IndexByte(w, '.') >= 0 && isURL(w)
}

// separatorLine reports whether w is a line of five or more = _ * ~ # or -.
func separatorLine(w string) bool {
	if len(w) < 5 || strings.IndexByte("=_*~#-", w[0]) < 0 {
		return false
	}
	return run(w, 0, len(w), w[0]) == len(w)
}

// meridiem reports whether w is AM or PM in any case.
func meridiem(w string) bool {
	return len(w) == 2 && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') && w[1]|0x20 == 'm'
}

// clockTime reports whether w is a time of day, 7:17 or 03:14:14.
func clockTime(w string) bool {
	return digitGroups(w, ':', 2, 3) && len(w) >= 4 && w[len(w)-3] == ':'
}

// slashDate reports whether w is a date in slashes, 4/26/2001 or 10/08/99.
func slashDate(w string) bool {
	return digitGroups(w, '/', 3, 3)
}

// digitGroups reports whether w is between min and max groups of one to
// four digits separated by sep.
func digitGroups(w string, sep byte, min, max int) bool {
	groups, n := 1, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case isDigit(c):
			n++
			if n > 4 {
				return false
			}
		case c == sep && n > 0:
			groups++
			n = 0
		default:
			return false
		}
	}
	return n > 0 && groups >= min && groups <= max
}

// hardWrapped reports whether the text is wrapped at a fixed width, as
// wire copy often is: at least two of its line ends, and a fifth of them,
// fall inside a sentence that goes on in lower case.
func (z *splitter) hardWrapped() bool {
	lines, soft := 0, 0
	for i := 1; i < len(z.meta); i++ {
		if z.meta[i].nl == 1 {
			lines++
			if z.lower(i) {
				soft++
			}
		}
	}
	return soft >= 2 && soft*5 >= lines
}

// ends reports whether the sentence ends after the terminal token i, whose
// closing quotes and brackets run up to token j.
func (z *splitter) ends(i, j int, q *quotes) bool {
	if j == len(z.meta) {
		return true
	}
	next := z.meta[j]
	if next.nl == 2 {
		return true
	}
	if k := z.meta[i].kind; (k == kEllipsis || k == kEmoticon || z.spacedMark(j-1)) && !z.upper(j) {
		return false
	}
	if continuation(z.tok(j)) {
		return false
	}
	// A quotation that the mark closes may go on in lower case (“Why?” he
	// asked), or with its speaker after ? or !; elsewhere a lower-case word
	// after . ! ? starts a sentence, as in much web text.
	if j > i+1 && quoteMark(z.meta[j-1].kind) && (z.lower(j) || z.tok(i) != "." && z.speaker(j)) {
		return false
	}
	// So may a bracketed aside: (spelling??) brothers.
	if j > i+1 && z.meta[j-1].kind == kCloseB && z.lower(j) {
		return false
	}
	// Inside a quotation that closes and goes on in lower case ("He said
	// 'Stop. Now.' and left."), the sentence does not end.
	return !q.continues(z, j)
}

// spacedMark reports whether token j is a . ! or ? spaced from the same
// kind of mark before it on its line, as in a spaced ellipsis (". . .") or
// "? ? ?": the run is one sentence end, not one per mark.
func (z *splitter) spacedMark(j int) bool {
	if j == 0 {
		return false
	}
	m := z.meta[j]
	return m.kind == kTerm && m.nl == 0 && z.meta[j-1].kind == kTerm && len(z.tok(j)) == 1 && z.tok(j) == z.tok(j-1)
}

// listNumber reports whether the period at token i ends the number of a
// list item that starts the sentence ("2. The second …", "*3. …"), which
// goes on after it.
func (z *splitter) listNumber(start, i int) bool {
	if z.tok(i) != "." || i == start || i-start > 2 || i-start == 2 && z.tok(start) != "*" {
		return false
	}
	w := z.tok(i - 1)
	return len(w) <= 2 && isDigit(w[0]) && isDigit(w[len(w)-1])
}

// continuation reports whether a token after a terminal mark continues the
// sentence (a comma, a closing bracket).
func continuation(s string) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case ',', ';', ':', ')', ']', '}', '%':
		return true
	}
	return false
}

// speaker reports whether the tokens from j are a speaker and a speech
// verb that end the sentence, as after a quotation ending in ? or !
// (“Why?” Smith asked.). Names may hold a lower-case article (al-Sadr).
func (z *splitter) speaker(j int) bool {
	for k := j; k < len(z.meta) && k < j+5; k++ {
		if k > j && z.meta[k].nl > 0 {
			return false
		}
		w := z.tok(k)
		if speechVerbs[w] && k > j {
			return k+1 == len(z.meta) || z.meta[k+1].kind == kTerm || z.tok(k+1) == ","
		}
		if z.meta[k].kind != kWord || !z.upper(k) && strings.IndexByte(w, '-') < 0 {
			return false
		}
	}
	return false
}

// quoteMark reports whether kind k is a quotation mark.
func quoteMark(k kind) bool {
	return k == kOpenDQ || k == kCloseDQ || k == kAmbDQ || k == kOpenSQ || k == kCloseSQ
}

// lower reports whether token i starts with a lower-case letter.
func (z *splitter) lower(i int) bool {
	s := z.tok(i)
	c := s[0]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// upper reports whether token i starts with an upper-case letter or a
// digit, or is an opening quote or bracket.
func (z *splitter) upper(i int) bool {
	switch z.meta[i].kind {
	case kOpenDQ, kOpenSQ, kOpenB, kAmbDQ:
		return true
	}
	s := z.tok(i)
	c := s[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// quotes tracks the open quotations of a paragraph.
type quotes struct {
	dq, sq int // 1 + index of the open double or single quote; 0 when none
}

// see updates the open quotations with token i.
func (q *quotes) see(m []meta, i int) {
	switch m[i].kind {
	case kOpenDQ:
		q.dq = i + 1
	case kCloseDQ:
		q.dq = 0
	case kAmbDQ:
		if q.dq > 0 {
			q.dq = 0
		} else {
			q.dq = i + 1
		}
	case kOpenSQ:
		q.sq = i + 1
	case kCloseSQ:
		q.sq = 0
	}
}

// continues reports whether an open quotation closes within quoteSpan
// tokens of its opening, in the same paragraph, and the text after it goes
// on in lower case.
func (q *quotes) continues(z *splitter, j int) bool {
	open := max(q.dq, q.sq) - 1
	if open < 0 {
		return false
	}
	for k := j; k < len(z.meta) && k <= open+quoteSpan; k++ {
		m := z.meta[k]
		if m.nl > 0 && k > j {
			return false
		}
		var closes bool
		switch m.kind {
		case kCloseDQ, kAmbDQ:
			closes = q.dq > 0
		case kCloseSQ:
			closes = q.sq > 0
		}
		if !closes {
			continue
		}
		for k++; k < len(z.meta) && z.tok(k) == ","; k++ {
		}
		return k < len(z.meta) && z.meta[k].nl == 0 && z.lower(k)
	}
	return false
}
