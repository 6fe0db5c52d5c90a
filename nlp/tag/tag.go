// Package tag assigns part-of-speech tags: the universal tag (UPOS) and the
// Penn Treebank tag (XPOS) of every token of a sentence.
//
// The tagger is a greedy left-to-right averaged perceptron (package
// perceptron) whose classes are the (XPOS, UPOS) pairs seen in training, so
// one decision fills both columns consistently. Features read the word, its
// affixes, shape and word clusters (package cluster, learned from
// unlabelled text), the two words either side and the two tags already
// chosen. It tags every sentence twice: the second pass, a model of its
// own, also reads the first pass's tags of the two words to the right, so
// that "Police" before a verb and "United" before "States" are decided
// with their right context. Frequent words that always had the same tag in
// training are tagged from a dictionary without scoring.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/resident"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/internal/wordfeat"
	"github.com/annals/annals/nlp/perceptron"
)

// Tagger is a trained tagger. It is safe for concurrent use.
type Tagger struct {
	// first tags left to right; second tags again, reading first's tags
	// to the right of each word.
	first, second *perceptron.Model
	upos          []string // per class
	xpos          []string
	// finite lists the finite lexical verb classes (VBD, VBZ, VBP) in
	// increasing order.
	finite   []int
	dict     map[string]int    // unambiguous frequent word -> class
	amb      map[string]uint64 // normalized word -> hash of the classes it had
	clusters cluster.Clusters
	pool     sync.Pool // *state, reused across sentences
}

// Class labels join the two tags with a space: "NNP PROPN".
func splitLabel(l string) (xpos, upos string) {
	x, u, _ := strings.Cut(l, " ")
	return x, u
}

func newTagger(first, second *perceptron.Model, dict map[string]int, amb map[string]uint64, clusters cluster.Clusters) *Tagger {
	t := &Tagger{first: first, second: second, dict: dict, amb: amb, clusters: clusters}
	for c, l := range first.Labels() {
		x, u := splitLabel(l)
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
		if u == "VERB" && (x == "VBD" || x == "VBZ" || x == "VBP") {
			t.finite = append(t.finite, c)
		}
	}
	return t
}

// Clusters returns the word clusters the tagger reads, for taggers trained
// to match it (Jackknife).
func (t *Tagger) Clusters() cluster.Clusters { return t.clusters }

//go:embed model/tagger.gz
var embedded []byte

// Default returns the tagger embedded in annals, trained on UD English EWT
// and GUM (see docs/models.md).
func Default() (*Tagger, error) {
	t, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded tagger: %w", err)
	}
	resident.Drop(embedded)
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
	st, _ := t.pool.Get().(*state)
	if st == nil {
		st = &state{}
	}
	defer t.pool.Put(st)
	st.reset(s.Tokens, t.amb, t.clusters)
	st.fixed = st.fixed[:0]
	for _, tok := range s.Tokens {
		c, ok := t.dict[tok.Text]
		if !ok {
			c = -1
		}
		st.fixed = append(st.fixed, c)
	}
	t.decode(s, st, t.first, 0, -1, -1)
	st.right = append(st.right[:0], st.tags...)
	t.decode(s, st, t.second, 0, -1, -1)
	cands := t.verbCandidates(s, st)
	if len(cands) == 0 {
		cands = t.complementCandidates(s, st)
	}
	if len(cands) == 0 {
		return
	}
	best, bestScore := -1, float32(0)
	for k, c := range cands {
		t.decode(s, st, t.second, c.tok, c.tok, c.class)
		if sum := st.total(); best < 0 || sum > bestScore {
			best, bestScore = k, sum
		}
	}
	if best != len(cands)-1 {
		t.decode(s, st, t.second, cands[best].tok, cands[best].tok, cands[best].class)
	}
}

// decode tags s.Tokens[from:] greedily with model m (t.first or
// t.second, which reads st.right), giving token force the class forced
// (force < 0: none). It records for every scored token the score of its
// class and how far the best finite-verb class fell below it.
func (t *Tagger) decode(s *event.Sentence, st *state, m *perceptron.Model, from, force, forced int) {
	second := m == t.second
	ahead := -1 // the last word whose features are prefetched
	for i := from; i < len(s.Tokens); i++ {
		if second && force < 0 && st.gap[i] >= secondGate && (i == 0 || st.tags[i-1] == st.right[i-1]) {
			// The first pass was sure and saw the same tag to the left:
			// its reading stands, unscored again.
			continue
		}
		c := st.fixed[i]
		st.margin[i], st.verb[i], st.score[i] = -1, -1, 0
		if c < 0 {
			// The next words to score have most of their features
			// ready: their lookups go out now and overlap this word's.
			for j, k := i, 0; k < prefetchWords; k++ {
				if j = st.nextScored(j, second); j < 0 {
					break
				}
				if j > ahead {
					m.Prefetch(st.static(j))
					ahead = j
				}
			}
			st.scores = m.Scores(st.features(i, second), st.scores)
			c = perceptron.Argmax(st.scores, nil)
			if !second {
				st.gap[i] = gap(st.scores, c)
			}
			if i == force {
				c = forced
			}
			st.score[i] = st.scores[c]
			if v := t.bestFinite(st.scores); v >= 0 {
				st.margin[i], st.verb[i] = st.scores[c]-st.scores[v], v
			}
		}
		st.tags[i] = uint64(c) + 1
		s.Tokens[i].XPOS, s.Tokens[i].UPOS = t.xpos[c], t.upos[c]
	}
}

// prefetchWords is how many words ahead of the one scored the tagger
// prefetches the weights of their tag-free features.
const prefetchWords = 2

// secondGate is the score gap between the first pass's best and second
// best class from which the second pass keeps the first's tag of a word
// without scoring it. Chosen on EWT dev: at 15 the second pass scores
// about one word in ten and tags as well as when it scores every word.
const secondGate = 15

// gap returns how far the best class other than c scores below c.
func gap(scores []float32, c int) float32 {
	g := float32(1e30)
	for k, x := range scores {
		if k != c && scores[c]-x < g {
			g = scores[c] - x
		}
	}
	return g
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

// bestFinite returns the finite lexical verb class (VBD, VBZ, VBP) of
// highest score, the lowest on ties, or -1 when the model has none: a
// look at three classes rather than a call for each of the 107.
func (t *Tagger) bestFinite(scores []float32) int {
	best := -1
	for _, c := range t.finite {
		if best < 0 || scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// candidate is a token to try as the finite verb of a verbless sentence.
type candidate struct{ tok, class int }

// verbCandidates returns the tokens to try as the finite verb when s, or
// the part of s before a comma or a "that" that opens the first verb's
// clause, has no verb that can head a clause (finite, modal or base form):
// lower-case nouns, adjectives, participles and interjections ("Ruritania
// and Freedonia welcome a resumption …", "welcome" read as UH) with a noun
// or pronoun before them whose finite-verb reading lost by less than
// verbMargin. The
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
			case "NOUN", "ADJ", "VERB", "INTJ":
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

// complementMargin is verbMargin for a clause that "that" opens after a
// verb and that has no finite verb up to the sentence's end: such a clause
// must have one ("demanded that Iraqis stage a march", "stage" read as a
// noun by a margin of 61), so a wider gap is tried than where the
// sentence may be a fragment. On UD English EWT dev one sentence has such
// a clause; in 600 BBC articles eleven do, with the verb read as a
// participle ("the company's executives responded by …") in most.
const complementMargin = 100

// complementCandidates returns the tokens to try as the finite verb of
// the first clause that "that" (a subordinating conjunction) opens after a
// verb ("said that", "told reporters that"), when no finite verb, modal or
// bare base form follows it in the sentence: lower-case nouns, adjectives,
// participles and interjections after a noun or pronoun of the clause
// whose finite reading lost by less than complementMargin. Participles and
// adjectives whose finite reading is the past tense, the commonest
// confusion ("said that its projects violated regulations"), are tried
// alone when there are any.
func (t *Tagger) complementCandidates(s *event.Sentence, st *state) []candidate {
	toks := s.Tokens
	for i := 1; i < len(toks); i++ {
		if toks[i].Text != "that" || toks[i].XPOS != "IN" || !verbBefore(toks, i) {
			continue
		}
		var cands, past []candidate
		subject := false
		for j := i + 1; j < len(toks); j++ {
			tok := toks[j]
			switch tok.XPOS {
			case "VBD", "VBP", "VBZ", "MD":
				return nil // the clause has its verb
			case "VB":
				if toks[j-1].XPOS != "TO" {
					return nil // a base form after a modal or a subjunctive ("demanded that he resign")
				}
			}
			if v := st.verb[j]; v >= 0 && subject && lowerWord(tok.Text) && st.margin[j] < complementMargin {
				switch tok.UPOS {
				case "NOUN", "ADJ", "VERB", "INTJ":
					cands = append(cands, candidate{j, v})
					if t.xpos[v] == "VBD" && (tok.XPOS == "VBN" || tok.XPOS == "JJ") {
						past = append(past, candidate{j, v})
					}
				}
			}
			subject = subject || tok.UPOS == "NOUN" || tok.UPOS == "PROPN" || tok.UPOS == "PRON"
		}
		if len(past) > 0 {
			return past
		}
		return cands
	}
	return nil
}

// verbBefore reports whether a verb governs the "that" at token i: one
// right before it, or one before a pronoun or name that is its hearer
// ("told reporters that", "warned Iraq that").
func verbBefore(toks []event.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].UPOS {
		case "VERB":
			return true
		case "PRON", "PROPN", "NOUN", "DET":
		default:
			return false
		}
	}
	return false
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
// words), their clusters, the tags chosen so far (class+1; 0 before the
// sentence), the first pass's tags and a feature buffer.
type state struct {
	fixed []int // per token: its class from the dictionary, -1 when it is scored
	words []wordfeat.Word
	amb   []uint64
	clus  []uint32
	gap   []float32 // per token: the first pass's best score minus its second best; 0 when not scored
	tags  []uint64
	right []uint64 // the first pass's tags, read by the second
	// Per token, once computed (done): the features that read neither
	// the tags chosen nor the first pass's, nStatic of them.
	statics []uint64
	done    []bool
	feats   []uint64
	scores  []float32
	score   []float32 // per token: the score of its class (0 when tagged from the dictionary)
	margin  []float32 // per token: best score minus best finite-verb score; -1 when not scored
	verb    []int     // per token: best finite-verb class; -1 when not scored
}

func (st *state) reset(toks []event.Token, amb map[string]uint64, clusters cluster.Clusters) {
	st.words, st.amb, st.clus = st.words[:0], st.amb[:0], st.clus[:0]
	for _, t := range toks {
		st.words = append(st.words, wordfeat.Make(t.Text))
		st.amb = append(st.amb, amb[wordfeat.Norm(t.Text)])
		// Clusters keep words as written ("Bush", "bush"); a word
		// without its own falls back to its lower-case form's, which
		// only a word with capitals has apart.
		w := &st.words[len(st.words)-1]
		id, ok := clusters[t.Text]
		if !ok && w.Lower != w.Form {
			id = clusters[strings.ToLower(t.Text)]
		}
		st.clus = append(st.clus, id)
	}
	st.statics = append(st.statics[:0], make([]uint64, nStatic*len(toks))...)
	st.done = append(st.done[:0], make([]bool, len(toks))...)
	st.tags = append(st.tags[:0], make([]uint64, len(toks))...)
	st.margin = append(st.margin[:0], make([]float32, len(toks))...)
	st.gap = append(st.gap[:0], make([]float32, len(toks))...)
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

// rightTag is the first pass's tag of token i, a sentinel past the end.
func (st *state) rightTag(i int) uint64 {
	if i >= len(st.right) {
		return 1 << 22
	}
	return st.right[i]
}

// clusterOf returns the packed clusters of token i; edges have none.
func (st *state) clusterOf(i int) uint32 {
	if i < 0 || i >= len(st.clus) {
		return 0
	}
	return st.clus[i]
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
	fClus0
	fClus1
	fClus2
	fClusP1
	fClusN1
	fClusFirst
	fR1
	fR2
	fR12
	fT1R1
	fWR1
	fAmbR1
	fClusR1
	fR0
	fR0R1
	fSufR1
)

// nStatic is the number of features of a word that read no tag.
const nStatic = 35

// static returns the features of token i that read no tag, computed once
// per sentence: the second pass and the verbless sentences' decodes score
// a word again, and the next word's are prefetched ahead of its scoring.
func (st *state) static(i int) []uint64 {
	f := st.statics[i*nStatic : (i+1)*nStatic : (i+1)*nStatic]
	if st.done[i] {
		return f
	}
	st.done[i] = true
	h := perceptron.Hash
	w, p1, p2, n1, n2 := st.word(i), st.word(i-1), st.word(i-2), st.word(i+1), st.word(i+2)
	a, an1 := st.ambAt(i), st.ambAt(i+1)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	c, cp1, cn1 := st.clusterOf(i), st.clusterOf(i-1), st.clusterOf(i+1)
	g := cluster.Granularity
	return append(f[:0],
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
		// 11: the tags' fT1, fT2, fT12, fT1W
		h(fW1, p1.Lower, 0, 0),
		h(fS1, p1.Suffix[2], 0, 0),
		h(fW2, p2.Lower, 0, 0),
		h(fWn1, n1.Lower, 0, 0),
		h(fSn1, n1.Suffix[2], 0, 0),
		h(fWn2, n2.Lower, 0, 0),
		h(fW1W, p1.Lower, w.Lower, 0),
		h(fWWn1, w.Lower, n1.Lower, 0),
		// 19: fT1Wn1
		h(fShapeN1, n1.Shape, 0, 0),
		h(fShapeP1, p1.Shape, 0, 0),
		h(fFirst, first, w.Shape, 0),
		h(fAmb, a, 0, 0),
		h(fAmbN1, an1, 0, 0),
		h(fAmbN2, st.ambAt(i+2), 0, 0),
		h(fAmbP1, st.ambAt(i-1), 0, 0),
		h(fAmbAmbN1, a, an1, 0),
		// 27: fT1Amb
		h(fAmbSuf3, a, w.Suffix[2], 0),
		h(fS1Suf3, p1.Suffix[2], w.Suffix[2], 0),
		// 29: fT1AmbN1
		h(fClus0, g(c, 0), 0, 0),
		h(fClus1, g(c, 1), 0, 0),
		h(fClus2, g(c, 2), 0, 0),
		h(fClusP1, g(cp1, 1), 0, 0),
		h(fClusN1, g(cn1, 1), 0, 0),
		h(fClusFirst, g(c, 1), first, w.Flags),
	)
}

// nextScored returns the next token after i that the pass scores (the
// second pass: one it is likely to), or -1.
func (st *state) nextScored(i int, second bool) int {
	for j := i + 1; j < len(st.fixed); j++ {
		if st.fixed[j] < 0 && (!second || st.gap[j] < secondGate) {
			return j
		}
	}
	return -1
}

// features returns the features of token i, for the second pass with
// those that read the first pass's tags to the right. Their order is the
// order in which their weights are added, part of the scores bit for bit.
func (st *state) features(i int, second bool) []uint64 {
	h := perceptron.Hash
	s := st.static(i)
	w := st.word(i)
	t1, t2 := st.tag(i-1), st.tag(i-2)
	a, an1 := st.ambAt(i), st.ambAt(i+1)
	lower, n1 := w.Lower, st.word(i+1).Lower
	f := append(st.feats[:0], s[:11]...)
	f = append(f, h(fT1, t1, 0, 0), h(fT2, t2, 0, 0), h(fT12, t1, t2, 0), h(fT1W, t1, lower, 0))
	f = append(f, s[11:19]...)
	f = append(f, h(fT1Wn1, t1, n1, 0))
	f = append(f, s[19:27]...)
	f = append(f, h(fT1Amb, t1, a, 0))
	f = append(f, s[27:29]...)
	f = append(f, h(fT1AmbN1, t1, a, an1))
	st.feats = append(f, s[29:]...)
	c, g := st.clusterOf(i), cluster.Granularity
	if second {
		r1, r2 := st.rightTag(i+1), st.rightTag(i+2)
		st.feats = append(st.feats,
			h(fR1, r1, 0, 0),
			h(fR2, r2, 0, 0),
			h(fR12, r1, r2, 0),
			h(fT1R1, t1, r1, 0),
			h(fWR1, w.Lower, r1, 0),
			h(fAmbR1, a, r1, 0),
			h(fClusR1, g(c, 1), r1, 0),
			h(fR0, st.right[i], 0, 0),
			h(fR0R1, st.right[i], r1, 0),
			h(fSufR1, w.Suffix[2], r1, 0),
		)
	}
	return st.feats
}
