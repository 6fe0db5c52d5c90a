package perceptron

import (
	"math"
	"slices"
)

// Trainer learns a Model. It is not safe for concurrent use.
type Trainer struct {
	labels []string
	index  map[uint64]int32 // feature -> row
	rows   [][]entry
	now    int64 // number of instances seen; the clock of the averages
}

// entry is one (feature, class) weight with what averaging needs: the sum
// of the weight over all past instances up to stamp.
type entry struct {
	cls   uint16
	w     float32
	total float64
	stamp int64
}

// NewTrainer returns a trainer for the given class names.
func NewTrainer(labels []string) *Trainer {
	return &Trainer{labels: slices.Clone(labels), index: map[uint64]int32{}}
}

// NumClasses returns the number of classes.
func (t *Trainer) NumClasses() int { return len(t.labels) }

// Scores sets scores to the current (not averaged) score of every class;
// scores is reused as in Model.Scores.
func (t *Trainer) Scores(feats []uint64, scores []float32) []float32 {
	scores = zeroed(scores, len(t.labels))
	for _, f := range feats {
		if r, ok := t.index[f]; ok {
			for _, e := range t.rows[r] {
				scores[e.cls] += e.w
			}
		}
	}
	return scores
}

// Predict returns the best class under the current weights.
func (t *Trainer) Predict(feats []uint64, scores []float32) int {
	return Argmax(t.Scores(feats, scores), nil)
}

// Update counts one training instance and, when guess is not gold, moves
// the weights of feats towards gold and away from guess.
func (t *Trainer) Update(feats []uint64, gold, guess int) {
	// The clock advances after the update, so the weights after instance k
	// count towards the average from instance k on.
	defer func() { t.now++ }()
	if gold == guess {
		return
	}
	for _, f := range feats {
		r := t.row(f)
		t.add(r, gold, 1)
		t.add(r, guess, -1)
	}
}

// Adjust adds delta to the weight of every feature of feats for class,
// without counting an instance. Structured learners use it for the parts
// of an update that Update's one gold and one guess class over the same
// features cannot express, such as the transitions of a Viterbi path.
func (t *Trainer) Adjust(feats []uint64, class int, delta float32) {
	for _, f := range feats {
		t.add(t.row(f), class, delta)
	}
}

// row returns the row of feature f, adding an empty one for a feature not
// seen before.
func (t *Trainer) row(f uint64) int32 {
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.rows))
		t.index[f] = r
		t.rows = append(t.rows, nil)
	}
	return r
}

func (t *Trainer) add(r int32, cls int, d float32) {
	row := t.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.cls) == cls {
			e.total += float64(t.now-e.stamp) * float64(e.w)
			e.stamp = t.now
			e.w += d
			return
		}
	}
	t.rows[r] = append(row, entry{cls: uint16(cls), w: d, stamp: t.now})
}

// Average returns the model whose weights are the averages of the weights
// over all instances so far, leaving out weights whose magnitude is below
// prune (0 keeps every non-zero weight). The trainer can go on training.
func (t *Trainer) Average(prune float32) *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	now := float64(max(t.now, 1))
	var (
		outKeys []uint64
		start   = []uint32{0}
		cls     []uint16
		w       []float32
	)
	for _, k := range keys {
		row := t.rows[t.index[k]]
		n := len(w)
		for _, e := range row {
			avg := float32((e.total + float64(t.now-e.stamp)*float64(e.w)) / now)
			if avg == 0 || float32(math.Abs(float64(avg))) < prune {
				continue
			}
			cls = append(cls, e.cls)
			w = append(w, avg)
		}
		if len(w) > n {
			outKeys = append(outKeys, k)
			start = append(start, uint32(len(w)))
		}
	}
	return build(slices.Clone(t.labels), outKeys, start, cls, w)
}
