package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/perceptron"
)

// tokInfo is what the features read of one token, computed once per token.
type tokInfo struct {
	word, lower, shape uint64
	pre2, pre3         uint64
	suf2, suf3, suf4   uint64
	clus               [3]uint64 // cluster ids of each granularity, 0 when unknown
	gaz                uint64
	pos                uint64 // Penn Treebank tag (XPOS), as the tagger set it
	// The run of capitalized words the token is in ("Bank of New
	// Orleans", connectors included): its first and last word (lower
	// case) and the token's position and the run's length, 0 outside
	// runs.
	runFirst, runLast uint64
	runPos            uint64
}

// state is the scratch space of one Tag call.
type state struct {
	toks   []tokInfo
	lower  []uint64
	gaz    []uint16
	buf    []byte
	feats  []uint64 // the features of all tokens, token i's from fstart[i] to fstart[i+1]
	fstart []int
	emis   []float32 // per token and class: the score of the token's features
	back   []int     // Viterbi back pointers per token and class
	delta  []float32 // Viterbi scores of the current and previous token
	out    []int
	// casing is the case profile of the sentence: headlines capitalize
	// every word and web text often none, which changes what a capital
	// means.
	casing uint64
}

// Edge values stand for the positions before and after the sentence.
var (
	edgeLeft  = perceptron.String("<s>")
	edgeRight = perceptron.String("</s>")
	// unknownWord replaces the word of tokens hidden in training.
	unknownWord = perceptron.String("<unk>")
)

// load computes the token information of toks.
func (st *state) load(r *Recognizer, toks []event.Token) {
	n := len(toks)
	st.toks = resize(st.toks, n)
	st.lower = resize(st.lower, n)
	st.gaz = resize(st.gaz, n)
	var letters, uppers, allUppers int
	for i := range toks {
		w := toks[i].Text
		t := &st.toks[i]
		*t = tokInfo{word: perceptron.String(w), pos: perceptron.String(toks[i].XPOS)}
		if innerHyphen(w) {
			// UD English, which the tagger learned from, splits words at
			// hyphens, so its tag for a token like "al-Sadr" is a guess
			// (often a wrong one): the recognizer does not read it.
			t.pos = unknownWord
		}
		st.buf = lowerBytes(st.buf[:0], w)
		lw := st.buf
		t.lower = perceptron.Bytes(lw)
		st.lower[i] = t.lower
		t.shape = shapeHash(w)
		// Prefixes and suffixes are cut at byte positions; on non-ASCII
		// text that may split a character, which only makes the feature a
		// little less general.
		t.pre2 = perceptron.Bytes(lw[:min(2, len(lw))])
		t.pre3 = perceptron.Bytes(lw[:min(3, len(lw))])
		t.suf2 = perceptron.Bytes(lw[max(0, len(lw)-2):])
		t.suf3 = perceptron.Bytes(lw[max(0, len(lw)-3):])
		t.suf4 = perceptron.Bytes(lw[max(0, len(lw)-4):])
		c, ok := r.clusters[w]
		if !ok {
			c = r.clusters[string(lw)] // no allocation: a map index
		}
		for g := range t.clus {
			t.clus[g] = uint64(c>>(10*g)) & 1023
		}
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(first) {
			letters++
			if unicode.IsUpper(first) {
				uppers++
				if len(w) > 1 && !hasLower(w) {
					allUppers++
				}
			}
		}
	}
	st.runs(toks)
	if r.gaz != nil {
		r.gaz.match(st.lower, st.gaz)
		for i := range st.toks {
			st.toks[i].gaz = uint64(st.gaz[i])
		}
	}
	switch {
	case letters < 3:
		st.casing = 0
	case allUppers*10 >= letters*8:
		st.casing = 1
	case uppers == 0:
		st.casing = 2
	case uppers*10 >= letters*7:
		st.casing = 3
	default:
		st.casing = 4
	}
}

// innerHyphen reports whether w has a hyphen between other characters.
func innerHyphen(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && i < len(w)-1
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// lowerBytes appends the lower case of w to buf, without allocating for
// ASCII.
func lowerBytes(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// hasLower reports whether w has a lower-case letter.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// shapeHash hashes the word shape: X for upper-case letters, x for lower,
// d for digits, other characters as they are, runs of a class collapsed
// beyond two ("McDonald" -> "XxXx", "U.S." -> "X.X.").
func shapeHash(w string) uint64 {
	h := uint64(14695981039346656037)
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Feature templates; the numbers are part of the model format.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fPre2
	fPre3
	fSuf2
	fSuf3
	fSuf4
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevShapeShape
	fShapeNextShape
	fClus0
	fClus1
	fClus2
	fPrevClus1
	fNextClus1
	fPrevClus2
	fNextClus2
	fGaz
	fPrevGaz
	fNextGaz
	fGazShape
	fFirstShape
	fBigramLeft
	fBigramRight
	fCasingShape
	fPrevWord
	fNextWord
	fNextGazNextShape
	fCasingLower
	fPos
	fPrevPos
	fNextPos
	fPosShape
	fPosNextPos
	fTrans      // transition from the previous class
	fTransEnd   // transition to the end of the sentence
	fRunPos     // position in the run of capitalized words, and its length
	fRunFirst   // the run's first word
	fRunLast    // the run's last word ("Association", "River")
	fRunLastPos // the run's last word and the position in the run
)

// features appends the features of token i. They do not read the classes
// chosen for other tokens: those enter only through the transition
// weights, which is what lets Viterbi decoding find the best sequence.
func (st *state) features(i int, f []uint64) []uint64 {
	t := &st.toks[i]
	prev, prev2, next, next2 := st.neighbour(i-1), st.neighbour(i-2), st.neighbour(i+1), st.neighbour(i+2)
	h := perceptron.Hash
	f = append(f,
		h(fBias, 0, 0, 0),
		h(fWord, t.word, 0, 0),
		h(fLower, t.lower, 0, 0),
		h(fShape, t.shape, 0, 0),
		h(fPre2, t.pre2, 0, 0),
		h(fPre3, t.pre3, 0, 0),
		h(fSuf2, t.suf2, 0, 0),
		h(fSuf3, t.suf3, 0, 0),
		h(fSuf4, t.suf4, 0, 0),
		h(fPrevLower, prev.lower, 0, 0),
		h(fNextLower, next.lower, 0, 0),
		h(fPrev2Lower, prev2.lower, 0, 0),
		h(fNext2Lower, next2.lower, 0, 0),
		h(fPrevShapeShape, prev.shape, t.shape, 0),
		h(fShapeNextShape, t.shape, next.shape, 0),
		h(fClus0, t.clus[0], 0, 0),
		h(fClus1, t.clus[1], 0, 0),
		h(fClus2, t.clus[2], 0, 0),
		h(fPrevClus1, prev.clus[1], 0, 0),
		h(fNextClus1, next.clus[1], 0, 0),
		h(fPrevClus2, prev.clus[2], 0, 0),
		h(fNextClus2, next.clus[2], 0, 0),
		h(fGaz, t.gaz, 0, 0),
		h(fPrevGaz, prev.gaz, 0, 0),
		h(fNextGaz, next.gaz, 0, 0),
		h(fGazShape, t.gaz, t.shape, 0),
		h(fBigramLeft, prev.lower, t.lower, 0),
		h(fBigramRight, t.lower, next.lower, 0),
		h(fCasingShape, st.casing, t.shape, 0),
		h(fPrevWord, prev.word, 0, 0),
		h(fNextWord, next.word, 0, 0),
		h(fNextGazNextShape, next.gaz, next.shape, 0),
		h(fCasingLower, st.casing, t.lower, 0),
		h(fPos, t.pos, 0, 0),
		h(fPrevPos, prev.pos, 0, 0),
		h(fNextPos, next.pos, 0, 0),
		h(fPosShape, t.pos, t.shape, 0),
		h(fPosNextPos, t.pos, next.pos, 0),
	)
	if i == 0 {
		f = append(f, h(fFirstShape, t.shape, 0, 0))
	}
	if t.runPos != 0 {
		f = append(f,
			h(fRunPos, t.runPos, 0, 0),
			h(fRunFirst, t.runFirst, 0, 0),
			h(fRunLast, t.runLast, 0, 0),
			h(fRunLastPos, t.runLast, (t.runPos-1)&3, 0),
		)
	}
	return f
}

// edge infos stand in for tokens outside the sentence.
var (
	leftInfo  = tokInfo{word: edgeLeft, lower: edgeLeft, shape: edgeLeft}
	rightInfo = tokInfo{word: edgeRight, lower: edgeRight, shape: edgeRight}
)

func (st *state) neighbour(j int) *tokInfo {
	switch {
	case j < 0:
		return &leftInfo
	case j >= len(st.toks):
		return &rightInfo
	}
	return &st.toks[j]
}

// connectors may stand inside a run of capitalized words ("Bank of
// Scotland", "Marks & Spencer", "McDonald 's").
var connectors = map[string]bool{"of": true, "and": true, "&": true, "the": true, "for": true, "de": true, "-": true, "'s": true}

// runs sets the run features of the loaded tokens: names are mostly runs
// of capitalized words, and a run's last word often tells its type
// ("Authority", "University", "River") and where it ends. Case alone
// decides, so sentence-initial words start runs too; the features are
// weighed by what the model learned.
func (st *state) runs(toks []event.Token) {
	caps := func(j int) bool {
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		return unicode.IsUpper(r)
	}
	for i := 0; i < len(toks); {
		if !caps(i) {
			i++
			continue
		}
		j := i // last capitalized token of the run
		for k := i + 1; k < len(toks); k++ {
			if caps(k) {
				j = k
				continue
			}
			if !connectors[toks[k].Text] {
				break
			}
			if k+1 >= len(toks) || !caps(k+1) {
				break
			}
		}
		n := j - i + 1
		for k := i; k <= j; k++ {
			pos := uint64(1) // inside
			switch {
			case n == 1:
				pos = 3
			case k == i:
				pos = 0
			case k == j:
				pos = 2
			}
			st.toks[k].runPos = 1 + (pos | uint64(min(n, 5))<<2)
			st.toks[k].runFirst = st.toks[i].lower
			st.toks[k].runLast = st.toks[j].lower
		}
		i = j + 1
	}
}
