package parse

import (
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/internal/wordfeat"
	"github.com/annals/annals/nlp/perceptron"
)

// state is an arc-hybrid configuration. Tokens are numbered from 1; 0 is
// the root, which sits at the bottom of the stack.
type state struct {
	n     int
	stack []int
	b     int // first buffer token; the buffer is empty when b > n
	heads []int
	rels  []int
	// Per token: the two leftmost and two rightmost dependents (0 = none),
	// the number of left and right dependents, and the labels of each side
	// as a bit set.
	lc1, lc2, rc1, rc2 []int
	nlc, nrc           []int
	lset, rset         []uint64
	// Per token hashes: word, tag, and word+tag; index 0 holds the root.
	word, tag, wt []uint64
	feats         []uint64
	// Per token: a finite verb (VBD, VBZ, VBP not tagged AUX) or a noun
	// (NN*), for the constraint in valid; index 0 is the root.
	finite, noun []bool
	// Per token: the verb of the subordinate clause it opens, for
	// clauseAllows; nil in training.
	clauses []int
	// The memory of the per-token slices above, kept for reuse.
	ints   []int
	sets   []uint64
	scores []float32
}

func newState(toks []event.Token) *state {
	st := &state{}
	st.reset(toks)
	return st
}

// reset makes st the initial configuration of toks, reusing its memory.
func (st *state) reset(toks []event.Token) {
	n := len(toks)
	st.n, st.b = n, 1
	st.stack = append(st.stack[:0], 0)
	st.ints = grow(st.ints, 8*(n+1))
	ints := st.ints
	for _, p := range []*[]int{&st.heads, &st.rels, &st.lc1, &st.lc2, &st.rc1, &st.rc2, &st.nlc, &st.nrc} {
		*p, ints = ints[:n+1:n+1], ints[n+1:]
	}
	for i := range st.heads {
		st.heads[i] = -1
	}
	st.sets = grow(st.sets, 2*(n+1))
	st.lset, st.rset = st.sets[:n+1], st.sets[n+1:]
	st.word = grow(st.word, n+1)
	st.tag = grow(st.tag, n+1)
	st.wt = grow(st.wt, n+1)
	st.word[0], st.tag[0] = rootHash, rootHash
	for i, t := range toks {
		st.word[i+1] = perceptron.String(wordfeat.Norm(t.Text))
		st.tag[i+1] = perceptron.String(t.XPOS)
	}
	for i := range st.wt {
		st.wt[i] = perceptron.Hash(0, st.word[i], st.tag[i], 0)
	}
	st.finite, st.noun = grow(st.finite, n+1), grow(st.noun, n+1)
	for i, t := range toks {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP":
			st.finite[i+1] = t.UPOS != "AUX"
		case "NN", "NNS", "NNP", "NNPS":
			st.noun[i+1] = true
		}
	}
	if st.feats == nil {
		st.feats = make([]uint64, 0, 96)
	}
	st.clauses = nil
}

var rootHash = perceptron.String("<ROOT>")

// grow returns s resized to n zero values, reusing its array when it has
// room.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (st *state) terminal() bool { return st.b > st.n && len(st.stack) == 1 }

// valid reports whether transition c may be applied. The root takes its
// one dependent with RIGHT once the buffer is empty, and is never popped.
// A finite lexical verb never depends on a noun to its right: the parser
// otherwise reads "The British relinquished control" as a noun phrase with
// "relinquished" a modifier of "control" (in English the verbs that depend
// on a following noun are copulas and participles).
func (st *state) valid(c int) bool {
	ns := len(st.stack)
	switch c {
	case shift:
		return st.b <= st.n && st.clauseAllows(c)
	case left: // s0 <- b0
		return ns > 1 && st.b <= st.n && !(st.finite[st.stack[ns-1]] && st.noun[st.b]) && st.clauseAllows(c)
	default: // s1 -> s0
		return ns > 1 && (st.stack[ns-2] != 0 || st.b > st.n) && st.clauseAllows(c)
	}
}

// only returns the one valid transition, or -1 when more than one is
// valid. Scoring is then needless (the buffer is empty, or only the root
// is on the stack), and its features are the costliest part of parsing.
func (st *state) only() int {
	c := -1
	for t := shift; t <= right; t++ {
		if st.valid(t) {
			if c >= 0 {
				return -1
			}
			c = t
		}
	}
	return c
}

// arc returns the head and dependent of the arc that LEFT or RIGHT makes.
func (st *state) arc(c int) (h, d int) {
	ns := len(st.stack)
	if c == left {
		return st.b, st.stack[ns-1]
	}
	return st.stack[ns-2], st.stack[ns-1]
}

// apply applies transition c; label is the relation of the arc it makes.
func (st *state) apply(c, label int) {
	if c == shift {
		st.stack = append(st.stack, st.b)
		st.b++
		return
	}
	h, d := st.arc(c)
	st.attach(h, d, label)
	st.stack = st.stack[:len(st.stack)-1]
}

func (st *state) attach(h, d, l int) {
	st.heads[d], st.rels[d] = h, l
	bit := uint64(1) << (l & 63)
	if d < h {
		st.nlc[h]++
		st.lset[h] |= bit
		switch {
		case st.lc1[h] == 0 || d < st.lc1[h]:
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		case st.lc2[h] == 0 || d < st.lc2[h]:
			st.lc2[h] = d
		}
	} else {
		st.nrc[h]++
		st.rset[h] |= bit
		switch {
		case d > st.rc1[h]:
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		case d > st.rc2[h]:
			st.rc2[h] = d
		}
	}
}
