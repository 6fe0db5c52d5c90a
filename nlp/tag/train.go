package tag

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"sync"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/internal/wordfeat"
	"github.com/annals/annals/nlp/perceptron"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int     // passes over the training data
	Seed   uint64  // seeds the shuffling, so training is reproducible
	Prune  float32 // drop averaged weights of smaller magnitude
	// Clusters are the word clusters the features read (none when nil);
	// the tagger keeps them.
	Clusters cluster.Clusters
	// Log, when set, receives the dev accuracy after each epoch.
	Log io.Writer
}

// Train learns a tagger from sentences with gold UPOS and XPOS; dev (may be
// empty) is scored after each epoch. Both passes learn from each sentence
// in turn: the second reads the tags the first predicted for it just
// before its update, so it learns how far to trust a first pass that errs
// on words it has not learned yet, as it will on new text.
// It stops with ctx's error when ctx is done.
func Train(ctx context.Context, train, dev []*event.Sentence, opt TrainOptions) (*Tagger, error) {
	classOf := map[string]int{}
	var labels []string
	counts := map[string]map[int]int{}
	normCounts := map[string]map[int]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			l := t.XPOS + " " + t.UPOS
			c, ok := classOf[l]
			if !ok {
				c = len(labels)
				classOf[l] = c
				labels = append(labels, l)
			}
			if counts[t.Text] == nil {
				counts[t.Text] = map[int]int{}
			}
			counts[t.Text][c]++
			n := wordfeat.Norm(t.Text)
			if normCounts[n] == nil {
				normCounts[n] = map[int]int{}
			}
			normCounts[n][c]++
		}
	}
	if len(labels) == 0 {
		return nil, fmt.Errorf("tag: no training tokens")
	}
	dict := unambiguous(counts, 20, 0.995)
	amb := ambiguityClasses(normCounts, 2, 0.01)
	tr1, tr2 := perceptron.NewTrainer(labels), perceptron.NewTrainer(labels)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a6))
	var st state
	var scores []float32
	var best *Tagger
	bestAcc := -1.0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for n, k := range order {
			if n%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			s := train[k]
			st.reset(s.Tokens, amb, opt.Clusters)
			for pass, tr := range []*perceptron.Trainer{tr1, tr2} {
				if pass == 1 {
					st.right = append(st.right[:0], st.tags...)
				}
				for i, t := range s.Tokens {
					gold := classOf[t.XPOS+" "+t.UPOS]
					guess, ok := dict[t.Text]
					if !ok {
						f := st.features(i, pass == 1)
						guess = tr.Predict(f, scores)
						tr.Update(f, gold, guess)
					}
					// Later features see the predicted tag, as at run time.
					st.tags[i] = uint64(guess) + 1
				}
			}
		}
		t := newTagger(tr1.Average(opt.Prune), tr2.Average(opt.Prune), dict, amb, opt.Clusters)
		if len(dev) == 0 {
			best = t
			continue
		}
		upos, xpos := t.Accuracy(dev)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "epoch %d: dev upos=%.4f xpos=%.4f features=%d weights=%d\n",
				epoch, upos, xpos, t.first.NumFeatures()+t.second.NumFeatures(), t.first.NumWeights()+t.second.NumWeights())
		}
		if upos+xpos > bestAcc {
			best, bestAcc = t, upos+xpos
		}
	}
	return best, nil
}

// unambiguous returns the words seen at least minCount times with one class
// in at least share of them.
func unambiguous(counts map[string]map[int]int, minCount int, share float64) map[string]int {
	dict := map[string]int{}
	for w, cs := range counts {
		n, best, bestN := 0, 0, -1
		for c, k := range cs {
			n += k
			if k > bestN || (k == bestN && c < best) {
				best, bestN = c, k
			}
		}
		if n >= minCount && float64(bestN) >= share*float64(n) {
			dict[w] = best
		}
	}
	return dict
}

// ambiguityClasses returns, for the words seen at least minCount times, a
// hash of the classes they had in at least share of their occurrences.
func ambiguityClasses(counts map[string]map[int]int, minCount int, share float64) map[string]uint64 {
	amb := map[string]uint64{}
	for w, cs := range counts {
		n := 0
		for _, k := range cs {
			n += k
		}
		if n < minCount {
			continue
		}
		var set []int
		for c, k := range cs {
			if float64(k) >= share*float64(n) {
				set = append(set, c)
			}
		}
		sort.Ints(set)
		h := uint64(len(set))
		for _, c := range set {
			h = perceptron.Hash(h, uint64(c), 0, 0)
		}
		amb[w] = h
	}
	return amb
}

// Accuracy tags copies of the sentences and returns the share of tokens
// whose UPOS and XPOS match the gold ones.
func (t *Tagger) Accuracy(gold []*event.Sentence) (upos, xpos float64) {
	n, u, x := 0, 0, 0
	for _, g := range gold {
		s := *g
		s.Tokens = append([]event.Token(nil), g.Tokens...)
		t.Tag(&s)
		for i := range s.Tokens {
			n++
			if s.Tokens[i].UPOS == g.Tokens[i].UPOS {
				u++
			}
			if s.Tokens[i].XPOS == g.Tokens[i].XPOS {
				x++
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(u) / float64(n), float64(x) / float64(n)
}

// Jackknife returns copies of sents whose UPOS and XPOS are those a tagger
// trained without them predicts: the sentences are split into folds and
// each fold is tagged by a tagger trained on the others. A parser trained
// on these tags sees tagging errors like those it will meet at run time.
func Jackknife(ctx context.Context, sents []*event.Sentence, folds int, opt TrainOptions) ([]*event.Sentence, error) {
	if folds < 2 {
		return nil, fmt.Errorf("tag: jackknifing needs at least 2 folds, got %d", folds)
	}
	opt.Log = nil
	out := make([]*event.Sentence, len(sents))
	// Folds train independently, each on its own goroutine, and write
	// disjoint elements of out.
	errs := make([]error, folds)
	var wg sync.WaitGroup
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var train []*event.Sentence
			for i, s := range sents {
				if i%folds != f {
					train = append(train, s)
				}
			}
			t, err := Train(ctx, train, nil, opt)
			if err != nil {
				errs[f] = fmt.Errorf("tag: fold %d: %w", f, err)
				return
			}
			for i := f; i < len(sents); i += folds {
				s := *sents[i]
				s.Tokens = append([]event.Token(nil), sents[i].Tokens...)
				t.Tag(&s)
				out[i] = &s
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}
