package parse

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/perceptron"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the training data
	Seed   uint64 // seeds shuffling and exploration: training is reproducible
	// PruneLoss is the dev LAS the parser may lose to pruning: after the
	// last epoch, the largest weight threshold in pruneLadder that loses
	// no more is applied. 0 keeps every weight.
	PruneLoss float64
	// Explore is the probability of following the parser's own prediction
	// rather than the oracle's after the first epoch (dynamic oracle
	// training); 0.9 when zero.
	Explore float64
	Log     io.Writer // receives dev scores after each epoch when set
}

// Train learns a parser from sentences with gold heads and relations and
// the tags the tagger will give at run time (predicted, not gold, so that
// the parser learns to cope with tagging errors). Non-projective trees are
// made projective by lifting arcs first. dev is parsed after every epoch
// when opt.Log is set, and chooses the pruning (PruneLoss). It stops with
// ctx's error when ctx is done.
func Train(ctx context.Context, train, dev []*event.Sentence, opt TrainOptions) (*Parser, error) {
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	relSet := map[string]bool{"root": true}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.Head < 0 {
				return nil, fmt.Errorf("parse: sentence %q has a token without head", s.ID)
			}
			relSet[t.Rel] = true
		}
	}
	rels := make([]string, 0, len(relSet))
	for r := range relSet {
		rels = append(rels, r)
	}
	sort.Strings(rels)
	labelOf := map[string]int{}
	for i, r := range rels {
		labelOf[r] = i
	}
	root := labelOf["root"]
	golds := make([]*gold, len(train))
	for i, s := range train {
		golds[i] = newGold(s, labelOf)
	}
	actions := perceptron.NewTrainer(actionNames)
	labeler := perceptron.NewTrainer(rels)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a5))
	var scores, lscores []float32
	var costs [3]int
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for n, k := range order {
			if n%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			g := golds[k]
			st := newState(train[k].Tokens)
			for !st.terminal() {
				feats := st.features()
				scores = actions.Scores(feats, scores)
				g.costs(st, &costs)
				pred, oracle := -1, -1
				for c := shift; c <= right; c++ {
					if costs[c] < 0 {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if oracle < 0 || costs[c] < costs[oracle] || (costs[c] == costs[oracle] && scores[c] > scores[oracle]) {
						oracle = c
					}
				}
				if costs[pred] == costs[oracle] {
					oracle = pred
				}
				actions.Update(feats, oracle, pred)
				explore := epoch > 1 && rng.Float64() < opt.Explore
				next := oracle
				if explore {
					next = pred
				}
				label := 0
				if next != shift {
					h, d := st.arc(next)
					label = root
					if h != 0 {
						lf := st.labelFeatures(h, d)
						lscores = labeler.Scores(lf, lscores)
						label = perceptron.Argmax(lscores, func(l int) bool { return l != root })
						if g.heads[d] == h {
							labeler.Update(lf, g.labels[d], label)
							if !explore {
								label = g.labels[d]
							}
						}
					}
				}
				st.apply(next, label)
			}
		}
		if opt.Log != nil && len(dev) > 0 {
			p, err := newParser(actions.Average(0), labeler.Average(0))
			if err != nil {
				return nil, err
			}
			uas, las := p.Accuracy(dev)
			fmt.Fprintf(opt.Log, "epoch %d: dev uas=%.4f las=%.4f weights=%d+%d\n",
				epoch, uas, las, p.actions.NumWeights(), p.labeler.NumWeights())
		}
	}
	best, err := newParser(actions.Average(0), labeler.Average(0))
	if err != nil || opt.PruneLoss <= 0 || len(dev) == 0 {
		return best, err
	}
	_, full := best.Accuracy(dev)
	for _, th := range pruneLadder {
		p, err := newParser(actions.Average(th), labeler.Average(th))
		if err != nil {
			return nil, err
		}
		_, las := p.Accuracy(dev)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "prune %g: dev las=%.4f weights=%d+%d\n", th, las, p.actions.NumWeights(), p.labeler.NumWeights())
		}
		if las < full-opt.PruneLoss {
			break
		}
		best = p
	}
	return best, nil
}

// pruneLadder are the weight thresholds Train tries, in increasing order.
var pruneLadder = []float32{0.01, 0.03, 0.1, 0.3, 1}

// gold is a training tree made projective, with each token's dependents.
type gold struct {
	heads, labels []int
	deps          [][]int
}

func newGold(s *event.Sentence, labelOf map[string]int) *gold {
	n := len(s.Tokens)
	g := &gold{heads: make([]int, n+1), labels: make([]int, n+1), deps: make([][]int, n+1)}
	g.heads[0] = -1
	for i, t := range s.Tokens {
		g.heads[i+1], g.labels[i+1] = t.Head, labelOf[t.Rel]
	}
	projectivize(g.heads)
	for d := 1; d <= n; d++ {
		g.deps[g.heads[d]] = append(g.deps[g.heads[d]], d)
	}
	return g
}

// costs sets costs[c] to the number of gold arcs that transition c makes
// unreachable (the dynamic oracle of Goldberg and Nivre 2013 for the
// arc-hybrid system), or -1 when c is not valid.
func (g *gold) costs(st *state, costs *[3]int) {
	ns := len(st.stack)
	s0, s1, b0 := st.stack[ns-1], -1, -1
	if ns > 1 {
		s1 = st.stack[ns-2]
	}
	if st.b <= st.n {
		b0 = st.b
	}
	onStack := func(i int) bool { return i == 0 || (i < st.b && st.heads[i] < 0) }
	// Dependents of s0 still in the buffer are lost once s0 is popped.
	popLoss := 0
	for _, d := range g.deps[s0] {
		if d >= st.b {
			popLoss++
		}
	}
	h := -2
	if s0 > 0 {
		h = g.heads[s0]
	}
	left := popLoss
	if b0 >= 0 && h != b0 && (h == s1 || h > b0) {
		left++
	}
	right := popLoss
	if h != s1 && h >= st.b {
		right++
	}
	sh := 0
	if b0 >= 0 {
		if hb := g.heads[b0]; hb != s0 && onStack(hb) {
			sh++
		}
		for _, d := range g.deps[b0] {
			if d < st.b && onStack(d) {
				sh++
			}
		}
	}
	*costs = [3]int{sh, left, right}
	for c := range costs {
		if !st.valid(c) {
			costs[c] = -1
		}
	}
}

// projectivize lifts non-projective arcs, shortest first, to the head's
// head until every arc is projective; heads is indexed from 1 (0 unused).
func projectivize(heads []int) {
	for {
		best, bestLen := -1, 0
		for d := 1; d < len(heads); d++ {
			h := heads[d]
			if h <= 0 {
				continue
			}
			if !projectiveArc(heads, h, d) {
				if l := abs(h - d); best < 0 || l < bestLen {
					best, bestLen = d, l
				}
			}
		}
		if best < 0 {
			return
		}
		heads[best] = heads[heads[best]]
	}
}

// projectiveArc reports whether every token between h and d descends from h.
func projectiveArc(heads []int, h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		j := k
		for j != h && j > 0 {
			j = heads[j]
		}
		if j != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Accuracy parses copies of the sentences (with the tags they carry) and
// returns the unlabelled and labelled attachment scores, punctuation
// included; labels are compared on their universal part, as in the CoNLL
// 2018 shared task.
func (p *Parser) Accuracy(gold []*event.Sentence) (uas, las float64) {
	n, u, l := 0, 0, 0
	for _, g := range gold {
		s := *g
		s.Tokens = append([]event.Token(nil), g.Tokens...)
		p.Parse(&s)
		for i, t := range s.Tokens {
			n++
			if t.Head == g.Tokens[i].Head {
				u++
				if Universal(t.Rel) == Universal(g.Tokens[i].Rel) {
					l++
				}
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(u) / float64(n), float64(l) / float64(n)
}

// Universal returns the universal part of a relation: "obl" for "obl:tmod".
func Universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}
