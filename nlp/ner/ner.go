// Package ner finds the names of people (PER), organizations (ORG) and
// places (LOC) in tokenized sentences.
//
// The recognizer is a first-order structured perceptron (weights in package
// nlp/perceptron, averaged) over IOB2 tags, decoded with Viterbi. Besides
// the usual word, affix, shape, context and part-of-speech features it
// reads word clusters learned by cluster.Learn from
// openly licensed unlabelled text and a gazetteer of GeoNames places and
// nationality adjectives (BuildGazetteer); both are stored in the model
// file with the weights. The package also reads the annotated corpora it
// trains and is scored on: column formats (UNER IOB2, WNUT, CoNLL-2003) and
// CoNLL-U with GUM's entity layer.
package ner

import (
	"math"
	"slices"
	"sync"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/perceptron"
)

// labels are the entity types the recognizer finds.
var labels = [...]string{"PER", "ORG", "LOC"}

// Recognizer tags named entities. It is immutable and safe for concurrent
// use.
type Recognizer struct {
	model    *perceptron.Model
	clusters cluster.Clusters
	gaz      *Gazetteer
	trans    *transitions // from model, computed once
	pool     sync.Pool    // *state, reused across calls
}

// Classes: 0 is O, 1+2*l is B- and 2+2*l is I- of labels[l]. The model
// stores them under their IOB2 names (tagNames), in this order.
const numClasses = 1 + 2*len(labels)

func inside(c int) bool { return c > 0 && (c-1)%2 == 1 }
func lab(c int) int     { return (c - 1) / 2 }

// tagNames holds the IOB2 tag of each class, made once so that tagging
// does not build strings.
var tagNames = func() (tags [numClasses]string) {
	tags[0] = "O"
	for l, name := range labels {
		tags[1+2*l] = "B-" + name
		tags[2+2*l] = "I-" + name
	}
	return tags
}()

func classNames() []string { return slices.Clone(tagNames[:]) }

// allowed reports whether class c may follow class prev (-1 at the start):
// an I- tag only continues a name of its own type.
func allowed(prev, c int) bool { return !inside(c) || (prev > 0 && lab(prev) == lab(c)) }

// classesOf returns the classes of IOB2 tags.
func classesOf(tags []string) []int {
	out := make([]int, len(tags))
	for i, t := range tags {
		l := labelIndex(spanLabel(t))
		if l < 0 {
			continue
		}
		out[i] = 1 + 2*l
		if t[0] == 'I' {
			out[i]++
		}
	}
	return out
}

func labelIndex(l string) int {
	for i, x := range labels {
		if x == l {
			return i
		}
	}
	return -1
}

// Tag sets the Entity tag of every token of s (IOB2: B-PER, I-LOC, O) and
// s.Entities. It reads the tokens' Text and, when a tagger has set it,
// their XPOS. It is safe for concurrent use.
func (r *Recognizer) Tag(s *event.Sentence) {
	st := r.getState()
	defer r.pool.Put(st)
	st.load(r, s.Tokens)
	classes := st.viterbi(r.model, r.trans)
	for i := range s.Tokens {
		s.Tokens[i].Entity = tagNames[classes[i]]
	}
	s.Entities = Entities(s)
}

func (r *Recognizer) getState() *state {
	if st, ok := r.pool.Get().(*state); ok {
		return st
	}
	return &state{}
}

// scorer is a perceptron.Model, or a perceptron.Trainer while training.
type scorer interface {
	Scores(feats []uint64, scores []float32) []float32
}

// prefetcher is a scorer that can load the weights of features it will be
// asked to score (a perceptron.Model; a Trainer is not one).
type prefetcher interface {
	Prefetch(feats []uint64)
}

// transFeature is the feature of a transition from class prev (-1 at the
// start of a sentence); endFeature that of the end of a sentence.
func transFeature(prev int) uint64 { return perceptron.Hash(fTrans, uint64(prev+1), 0, 0) }

var endFeature = perceptron.Hash(fTransEnd, 0, 0, 0)

// transitions holds the transition scores: into[(prev+1)*numClasses+c] for
// class c after prev (-1 at the start), end[c] for c last. Disallowed
// transitions score -Inf.
type transitions struct {
	into [(numClasses + 1) * numClasses]float32
	end  [numClasses]float32
}

func newTransitions(sc scorer) *transitions {
	t := &transitions{}
	neg := float32(math.Inf(-1))
	var buf []float32
	for prev := -1; prev < numClasses; prev++ {
		buf = sc.Scores([]uint64{transFeature(prev)}, buf)
		for c := 0; c < numClasses; c++ {
			v := buf[c]
			if !allowed(prev, c) {
				v = neg
			}
			t.into[(prev+1)*numClasses+c] = v
		}
	}
	copy(t.end[:], sc.Scores([]uint64{endFeature}, buf))
	return t
}

// viterbi computes the features and emission scores of the loaded tokens
// and returns the best class sequence under the transition scores.
func (st *state) viterbi(sc scorer, tr *transitions) []int {
	const C = numClasses
	n := len(st.toks)
	st.feats, st.fstart = st.feats[:0], st.fstart[:0]
	st.emis = resize(st.emis, n*C)
	st.back = resize(st.back, n*C)
	st.delta = resize(st.delta, 2*C)
	st.out = resize(st.out, n)
	for i := 0; i < n; i++ {
		st.fstart = append(st.fstart, len(st.feats))
		st.feats = st.features(i, st.feats)
	}
	st.fstart = append(st.fstart, len(st.feats))
	if p, ok := sc.(prefetcher); ok {
		p.Prefetch(st.feats)
	}
	for i := 0; i < n; i++ {
		sc.Scores(st.feats[st.fstart[i]:st.fstart[i+1]], st.emis[i*C:(i+1)*C])
	}
	if n == 0 {
		return st.out
	}
	cur, prev := st.delta[:C], st.delta[C:]
	for c := 0; c < C; c++ {
		cur[c] = tr.into[c] + st.emis[c]
	}
	for i := 1; i < n; i++ {
		cur, prev = prev, cur
		e := st.emis[i*C : (i+1)*C]
		for c := 0; c < C; c++ {
			best, bestP := float32(math.Inf(-1)), 0
			for p := 0; p < C; p++ {
				if v := prev[p] + tr.into[(p+1)*C+c]; v > best {
					best, bestP = v, p
				}
			}
			cur[c] = best + e[c]
			st.back[i*C+c] = bestP
		}
	}
	best, bestC := float32(math.Inf(-1)), 0
	for c := 0; c < C; c++ {
		if v := cur[c] + tr.end[c]; v > best {
			best, bestC = v, c
		}
	}
	for i := n - 1; i >= 0; i-- {
		st.out[i] = bestC
		bestC = st.back[i*C+bestC]
	}
	return st.out
}
