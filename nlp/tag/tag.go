// Package tag assigns part-of-speech tags: the universal tag (UPOS) and the
// Penn Treebank tag (XPOS) of every token of a sentence.
//
// The tagger is a greedy left-to-right averaged perceptron (package
// perceptron) whose classes are the (XPOS, UPOS) pairs seen in training, so
// one decision fills both columns consistently. Features read the word, its
// affixes and shape, the two words either side and the two tags already
// chosen. Frequent words that always had the same tag in training are
// tagged from a dictionary without scoring.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/internal/wordfeat"
	"github.com/annals/annals/nlp/perceptron"
)

// Tagger is a trained tagger. It is safe for concurrent use.
type Tagger struct {
	model *perceptron.Model
	upos  []string // per class
	xpos  []string
	// finite marks the finite lexical verb classes (VBD, VBZ, VBP).
	finite []bool
	dict   map[string]int    // unambiguous frequent word -> class
	amb    map[string]uint64 // normalized word -> hash of the classes it had
}

// Class labels join the two tags with a space: "NNP PROPN".
func splitLabel(l string) (xpos, upos string) {
	x, u, _ := strings.Cut(l, " ")
	return x, u
}

func newTagger(m *perceptron.Model, dict map[string]int, amb map[string]uint64) *Tagger {
	t := &Tagger{model: m, dict: dict, amb: amb}
	for _, l := range m.Labels() {
		x, u := splitLabel(l)
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
		t.finite = append(t.finite, u == "VERB" && (x == "VBD" || x == "VBZ" || x == "VBP"))
	}
	return t
}

//go:embed model/tagger.gz
var embedded []byte

// Default returns the tagger embedded in annals, trained on UD English EWT
// and GUM (see docs/models.md).
func Default() (*Tagger, error) {
	t, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded tagger: %w", err)
	}
	return t, nil
}

// Tag sets UPOS and XPOS of every token of s.
//
// A sentence of news that states something has a finite verb. When the
// greedy pass leaves none, or none before the clause of its first verb
// (see verbCandidates), as in "The British relinquished control" with
// "relinquished" an adjective, "The United States imposed sanctions" with
// "imposed" a participle, each content word whose finite-verb reading
// lost by less than verbMargin, with a possible subject before it, is
// tried as the verb, the words after it tagged again; the reading whose
// tags score highest over the sentence is kept.
func (t *Tagger) Tag(s *event.Sentence) {
	var st state
	st.reset(s.Tokens, t.amb)
	t.decode(s, &st, 0, -1, -1)
	cands := t.verbCandidates(s, &st)
	if len(cands) == 0 {
		return
	}
	best, bestScore := -1, float32(0)
	for k, c := range cands {
		t.decode(s, &st, c.tok, c.tok, c.class)
		if sum := st.total(); best < 0 || sum > bestScore {
			best, bestScore = k, sum
		}
	}
	if best != len(cands)-1 {
		t.decode(s, &st, cands[best].tok, cands[best].tok, cands[best].class)
	}
}

// decode tags s.Tokens[from:] greedily, giving token force the class
// forced (force < 0: none). It records for every scored token the score
// of its class and how far the best finite-verb class fell below it.
func (t *Tagger) decode(s *event.Sentence, st *state, from, force, forced int) {
	for i := from; i < len(s.Tokens); i++ {
		c, ok := t.dict[s.Tokens[i].Text]
		st.margin[i], st.verb[i], st.score[i] = -1, -1, 0
		if !ok {
			st.scores = t.model.Scores(st.features(i), st.scores)
			c = perceptron.Argmax(st.scores, nil)
			if i == force {
				c = forced
			}
			st.score[i] = st.scores[c]
			if v := perceptron.Argmax(st.scores, t.isFinite); v >= 0 {
				st.margin[i], st.verb[i] = st.scores[c]-st.scores[v], v
			}
		}
		st.tags[i] = uint64(c) + 1
		s.Tokens[i].XPOS, s.Tokens[i].UPOS = t.xpos[c], t.upos[c]
	}
}

// verbMargin is the largest score gap by which a finite-verb reading may
// lose and still be tried in a sentence with no verb. It was chosen on UD
// English EWT dev, where sentences without a finite verb are common (web
// fragments, headings) and the constraint must not cost tagging accuracy
// (docs/models.md).
const verbMargin = 10

// pastMargin is verbMargin for a word tagged as a participle or adjective
// whose verb reading is the past tense, the tagger's commonest confusion in
// verbless news sentences ("The United States imposed sanctions").
const pastMargin = 25

// isFinite reports whether class c is a finite lexical verb (VBD, VBZ,
// VBP).
func (t *Tagger) isFinite(c int) bool { return t.finite[c] }

// candidate is a token to try as the finite verb of a verbless sentence.
type candidate struct{ tok, class int }

// verbCandidates returns the tokens to try as the finite verb when s, or
// the part of s before a comma or a "that" that opens the first verb's
// clause, has no verb that can head a clause (finite, modal or base form):
// lower-case nouns, adjectives and participles with a noun or pronoun
// before them whose finite-verb reading lost by less than verbMargin. The
// part rule covers main clauses whose verb was mistagged before a
// complement ("The President insists that the budget include …") or a
// reporting clause ("…, officials said").
func (t *Tagger) verbCandidates(s *event.Sentence, st *state) []candidate {
	var cands []candidate
	subject := false
	boundary := -1 // the last comma or "that" seen
	for i, tok := range s.Tokens {
		switch tok.XPOS {
		case "VB", "VBD", "VBP", "VBZ", "MD":
			if boundary < 0 {
				return nil
			}
			// The first verb opens a complement or a reporting clause:
			// the clause before it still needs its own.
			for len(cands) > 0 && cands[len(cands)-1].tok >= boundary {
				cands = cands[:len(cands)-1]
			}
			return cands
		}
		if tok.Text == "," || tok.Text == "that" && tok.XPOS == "IN" {
			boundary = i
		}
		if tok.XPOS == "VBN" && i+1 < len(s.Tokens) && s.Tokens[i+1].Text == "by" {
			// "March for a colonel killed by rebel fighters": a participle
			// with its agent makes the words a noun phrase (a caption, a
			// headline), no clause that lacks its verb
			return nil
		}
		if v := st.verb[i]; v >= 0 && subject && lowerWord(tok.Text) {
			limit := float32(verbMargin)
			if t.xpos[v] == "VBD" && (tok.XPOS == "VBN" || tok.XPOS == "JJ") {
				limit = pastMargin
			}
			switch tok.UPOS {
			case "NOUN", "ADJ", "VERB":
				if st.margin[i] < limit {
					cands = append(cands, candidate{i, v})
				}
			}
		}
		switch {
		case tok.UPOS == "NOUN" || tok.UPOS == "PROPN" || tok.UPOS == "PRON":
			subject = true
		case tok.UPOS == "ADJ" && i > 0 && s.Tokens[i-1].UPOS == "DET": // "the British"
			subject = true
		}
	}
	return cands
}

// lowerWord reports whether w is a word of lower-case letters, as verbs
// are inside a sentence (a capitalized word is more likely a name).
func lowerWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return w != ""
}

// state is the tagging state of one sentence: the word hashes, their
// ambiguity classes (the set of tags a word had in training, 0 for unseen
// words), the tags chosen so far (class+1; 0 before the sentence) and a
// feature buffer.
type state struct {
	words  []wordfeat.Word
	amb    []uint64
	tags   []uint64
	feats  []uint64
	scores []float32
	score  []float32 // per token: the score of its class (0 when tagged from the dictionary)
	margin []float32 // per token: best score minus best finite-verb score; -1 when not scored
	verb   []int     // per token: best finite-verb class; -1 when not scored
}

func (st *state) reset(toks []event.Token, amb map[string]uint64) {
	st.words, st.amb = st.words[:0], st.amb[:0]
	for _, t := range toks {
		st.words = append(st.words, wordfeat.Make(t.Text))
		st.amb = append(st.amb, amb[wordfeat.Norm(t.Text)])
	}
	st.tags = append(st.tags[:0], make([]uint64, len(toks))...)
	st.margin = append(st.margin[:0], make([]float32, len(toks))...)
	st.score = append(st.score[:0], make([]float32, len(toks))...)
	st.verb = append(st.verb[:0], make([]int, len(toks))...)
}

// total is the score of the sentence's tags.
func (st *state) total() float32 {
	var sum float32
	for _, x := range st.score {
		sum += x
	}
	return sum
}

func (st *state) ambAt(i int) uint64 {
	if i < 0 || i >= len(st.amb) {
		return 1 << 21
	}
	return st.amb[i]
}

// Sentinels for positions outside the sentence.
var (
	startWord = wordfeat.Make("<S>")
	endWord   = wordfeat.Make("</S>")
)

func (st *state) word(i int) *wordfeat.Word {
	switch {
	case i < 0:
		return &startWord
	case i >= len(st.words):
		return &endWord
	}
	return &st.words[i]
}

func (st *state) tag(i int) uint64 {
	if i < 0 {
		return 1 << 20
	}
	return st.tags[i]
}

// Feature templates; the numbers are part of the model format.
const (
	fBias = iota + 1
	fLower
	fForm
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre3
	fShape
	fFlags
	fT1
	fT2
	fT12
	fT1W
	fW1
	fS1
	fW2
	fWn1
	fSn1
	fWn2
	fW1W
	fWWn1
	fT1Wn1
	fShapeN1
	fShapeP1
	fFirst
	fAmb
	fAmbN1
	fAmbN2
	fAmbP1
	fAmbAmbN1
	fT1Amb
	fAmbSuf3
	fS1Suf3
	fT1AmbN1
)

func (st *state) features(i int) []uint64 {
	h := perceptron.Hash
	w, p1, p2, n1, n2 := st.word(i), st.word(i-1), st.word(i-2), st.word(i+1), st.word(i+2)
	t1, t2 := st.tag(i-1), st.tag(i-2)
	a, an1 := st.ambAt(i), st.ambAt(i+1)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	st.feats = append(st.feats[:0],
		h(fBias, 0, 0, 0),
		h(fLower, w.Lower, 0, 0),
		h(fForm, w.Form, 0, 0),
		h(fSuf1, w.Suffix[0], 0, 0),
		h(fSuf2, w.Suffix[1], 0, 0),
		h(fSuf3, w.Suffix[2], 0, 0),
		h(fSuf4, w.Suffix[3], 0, 0),
		h(fPre1, w.Prefix[0], 0, 0),
		h(fPre3, w.Prefix[1], 0, 0),
		h(fShape, w.Shape, 0, 0),
		h(fFlags, w.Flags, first, 0),
		h(fT1, t1, 0, 0),
		h(fT2, t2, 0, 0),
		h(fT12, t1, t2, 0),
		h(fT1W, t1, w.Lower, 0),
		h(fW1, p1.Lower, 0, 0),
		h(fS1, p1.Suffix[2], 0, 0),
		h(fW2, p2.Lower, 0, 0),
		h(fWn1, n1.Lower, 0, 0),
		h(fSn1, n1.Suffix[2], 0, 0),
		h(fWn2, n2.Lower, 0, 0),
		h(fW1W, p1.Lower, w.Lower, 0),
		h(fWWn1, w.Lower, n1.Lower, 0),
		h(fT1Wn1, t1, n1.Lower, 0),
		h(fShapeN1, n1.Shape, 0, 0),
		h(fShapeP1, p1.Shape, 0, 0),
		h(fFirst, first, w.Shape, 0),
		h(fAmb, a, 0, 0),
		h(fAmbN1, an1, 0, 0),
		h(fAmbN2, st.ambAt(i+2), 0, 0),
		h(fAmbP1, st.ambAt(i-1), 0, 0),
		h(fAmbAmbN1, a, an1, 0),
		h(fT1Amb, t1, a, 0),
		h(fAmbSuf3, a, w.Suffix[2], 0),
		h(fS1Suf3, p1.Suffix[2], w.Suffix[2], 0),
		h(fT1AmbN1, t1, a, an1),
	)
	return st.feats
}
