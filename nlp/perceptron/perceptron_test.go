package perceptron

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/annals/annals/internal/testshared"
)

// trainToy learns to tell n classes apart by a single indicative feature
// among noise; a perceptron must reach perfect training accuracy on it.
// Models of up to inlineClasses classes and larger ones are stored
// differently, so tests use both.
func trainToy(t testing.TB, n int) *Trainer {
	t.Helper()
	labels := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I"}[:n]
	tr := NewTrainer(labels)
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []float32
	for epoch := 0; epoch < 5; epoch++ {
		for i := 0; i < 300; i++ {
			gold := rng.IntN(n)
			feats := []uint64{Hash(1, uint64(gold), 0, 0), Hash(2, rng.Uint64N(50), 0, 0)}
			guess := tr.Predict(feats, buf)
			tr.Update(feats, gold, guess)
		}
	}
	return tr
}

func TestBytes(t *testing.T) {
	for _, w := range []string{"", "a", "Baghdad", "çà"} {
		if Bytes([]byte(w)) != String(w) {
			t.Errorf("Bytes(%q) differs from String", w)
		}
	}
}

func TestTrainPredict(t *testing.T) {
	for _, n := range []int{3, 6} {
		testTrainPredict(t, n)
	}
}

func testTrainPredict(t *testing.T, n int) {
	tr := trainToy(t, n)
	m := tr.Average(0)
	tests := []struct {
		gold  int
		noise uint64
	}{{0, 3}, {1, 7}, {2, 49}, {1, 1000}}
	for _, tt := range tests {
		feats := []uint64{Hash(1, uint64(tt.gold), 0, 0), Hash(2, tt.noise, 0, 0)}
		if got := m.Predict(feats, nil); got != tt.gold {
			t.Errorf("Predict(gold %d, noise %d) = %d", tt.gold, tt.noise, got)
		}
		if got := tr.Predict(feats, nil); got != tt.gold {
			t.Errorf("Trainer.Predict(gold %d, noise %d) = %d", tt.gold, tt.noise, got)
		}
	}
	if m.NumClasses() != n || m.Class("B") != 1 || m.Class("Z") != -1 {
		t.Errorf("labels: %v", m.Labels())
	}
}

func TestAveraging(t *testing.T) {
	// The average is over the weights as they stand after each instance.
	tr := NewTrainer([]string{"x", "y"})
	f := []uint64{Hash(9, 0, 0, 0)}
	tr.Update(f, 0, 1) // w0=1, w1=-1
	tr.Update(f, 0, 0)
	tr.Update(f, 0, 0)
	tr.Update(f, 0, 1) // w0=2, w1=-2
	// w0 after each instance: 1+1+1+2 = 5, over 4 instances.
	s := tr.Average(0).Scores(f, nil)
	if s[0] != 5.0/4 || s[1] != -5.0/4 {
		t.Errorf("averaged scores = %v, want [1.25 -1.25]", s)
	}
	if n := tr.Average(1.5).NumWeights(); n != 0 {
		t.Errorf("pruning at 1.5 kept %d weights", n)
	}
}

func TestSaveLoad(t *testing.T) {
	for _, n := range []int{2, 3, 6, 9} { // inline, wide and rows slots
		testSaveLoad(t, n)
	}
}

func testSaveLoad(t *testing.T, n int) {
	m := trainToy(t, n).Average(0)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() || m2.NumWeights() != m.NumWeights() {
		t.Fatalf("reloaded %d/%d features/weights, want %d/%d", m2.NumFeatures(), m2.NumWeights(), m.NumFeatures(), m.NumWeights())
	}
	for i := uint64(0); i < 60; i++ {
		feats := []uint64{Hash(1, i%uint64(n), 0, 0), Hash(2, i, 0, 0)}
		a, b := m.Scores(feats, nil), m2.Scores(feats, nil)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatalf("scores differ after reload: %v vs %v", a, b)
		}
	}
}

func TestLoadCorrupt(t *testing.T) {
	var good bytes.Buffer
	if err := trainToy(t, 6).Average(0).Encode(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrFormat},
		{"not gzip", []byte("hello"), ErrFormat},
		{"wrong magic", testshared.Gzip("annals-other\n\x01"), ErrFormat},
		{"truncated", testshared.Gzip(good.String()[:good.Len()/2]), ErrCorrupt},
		{"huge label count", testshared.Gzip(magic + "\xff\xff\xff\x7f"), ErrCorrupt},
	}
	for _, tt := range tests {
		if _, err := Load(bytes.NewReader(tt.in)); !errors.Is(err, tt.want) {
			t.Errorf("%s: Load error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	var good bytes.Buffer
	trainToy(f, 6).Average(0).Encode(&good)
	var small bytes.Buffer
	trainToy(f, 3).Average(0).Encode(&small)
	f.Add(small.Bytes())
	f.Add(good.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(bytes.NewReader(b))
		if err != nil {
			return
		}
		// A model that decodes must score without panicking.
		m.Scores([]uint64{1, 2, Hash(1, 0, 0, 0)}, nil)
	})
}

func BenchmarkScores(b *testing.B) {
	m := trainToy(b, 6).Average(0)
	feats := []uint64{Hash(1, 1, 0, 0), Hash(2, 5, 0, 0), Hash(3, 0, 0, 0)}
	var buf []float32
	for b.Loop() {
		buf = m.Scores(feats, buf)
	}
}

func TestAdjust(t *testing.T) {
	f := []uint64{Hash(1, 2, 0, 0)}
	tr := NewTrainer([]string{"a", "b"})
	tr.Adjust(f, 1, 2)
	tr.Adjust(f, 0, -1)
	tr.Update(nil, 0, 0) // one instance, so the average equals the weights
	if got := tr.Scores(f, nil); got[0] != -1 || got[1] != 2 {
		t.Fatalf("scores after Adjust = %v, want [-1 2]", got)
	}
	if got := tr.Average(0).Scores(f, nil); got[0] != -1 || got[1] != 2 {
		t.Fatalf("averaged scores = %v, want [-1 2]", got)
	}
}

// TestScoresLayout checks the table layouts against the definition of a
// score: for each class, the float32 sum of the features' weights in the
// order of the features. Models of 3 classes or fewer keep dense inline
// rows, larger ones up to rowInline entries in the slot, then sparse or
// dense rows outside it; the random rows here reach each case.
func TestScoresLayout(t *testing.T) {
	tests := []struct {
		classes, features, maxRow int
	}{
		{1, 50, 1}, {2, 200, 2}, {3, 3000, 3}, {4, 500, 4}, {5, 500, 5}, {7, 500, 7}, {8, 500, 8}, {51, 2000, 51}, {107, 3000, 40},
	}
	for _, tt := range tests {
		rng := rand.New(rand.NewPCG(uint64(tt.classes), 7))
		labels := make([]string, tt.classes)
		for i := range labels {
			labels[i] = fmt.Sprint(i)
		}
		keys := make([]uint64, tt.features)
		for i := range keys {
			keys[i] = rng.Uint64()
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		start := []uint32{0}
		var cls []uint16
		var w []float32
		rows := map[uint64]map[int]float32{}
		for _, k := range keys {
			row := map[int]float32{}
			n := 1 + rng.IntN(tt.maxRow)
			if rng.IntN(4) > 0 {
				n = 1 + rng.IntN(min(tt.maxRow, rowInline)) // most rows are short
			}
			for _, c := range rng.Perm(tt.classes)[:n] {
				x := float32(rng.NormFloat64())
				row[c] = x
				cls = append(cls, uint16(c))
				w = append(w, x)
			}
			rows[k] = row
			start = append(start, uint32(len(w)))
		}
		m := build(labels, keys, start, cls, w)
		var buf []float32
		for q := 0; q < 200; q++ {
			// Half the features are in the model, in random order, some
			// repeated.
			feats := make([]uint64, rng.IntN(150))
			for i := range feats {
				if rng.IntN(2) == 0 {
					feats[i] = keys[rng.IntN(len(keys))]
				} else {
					feats[i] = rng.Uint64()
				}
			}
			want := make([]float32, tt.classes)
			for _, f := range feats {
				for c, x := range rows[f] {
					want[c] += x
				}
			}
			buf = m.Scores(feats, buf)
			for c := range want {
				if math.Float32bits(buf[c]) != math.Float32bits(want[c]) {
					t.Fatalf("%d classes, query %d: class %d scores %v, want %v", tt.classes, q, c, buf[c], want[c])
				}
			}
		}
		// Encode writes back the features and weights it was given.
		var a, b bytes.Buffer
		if err := m.Encode(&a); err != nil {
			t.Fatal(err)
		}
		m2, err := Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := m2.Encode(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || m2.NumWeights() != len(w) || m2.NumFeatures() != len(keys) {
			t.Errorf("%d classes: encoding not stable through Decode (%d/%d weights, %d/%d features)",
				tt.classes, m2.NumWeights(), len(w), m2.NumFeatures(), len(keys))
		}
	}
}

func TestArgmax(t *testing.T) {
	inf := float32(math.Inf(-1))
	even := func(i int) bool { return i%2 == 0 }
	tests := []struct {
		scores  []float32
		allowed func(int) bool
		want    int
	}{
		{nil, nil, -1},
		{[]float32{inf}, nil, 0},
		{[]float32{1, 3, 3, 2}, nil, 1},
		{[]float32{-2, -1, -1}, nil, 1},
		{[]float32{5, 3, 1}, func(i int) bool { return i > 0 }, 1},
		{[]float32{1, 9, 2, 9}, even, 2},
		{[]float32{1, 2}, func(int) bool { return false }, -1},
		{[]float32{inf, inf}, even, 0},
	}
	for _, tt := range tests {
		if got := Argmax(tt.scores, tt.allowed); got != tt.want {
			t.Errorf("Argmax(%v) = %d, want %d", tt.scores, got, tt.want)
		}
	}
}

// TestAddRow checks the assembly addRow against adding class by class, at
// every length around its 8- and 4-wide steps and at a tagger's 107.
func TestAddRow(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 107} {
		scores, row, want := make([]float32, n), make([]float32, n+3), make([]float32, n)
		for c := range scores {
			scores[c] = float32(c)*0.37 - 5
			row[c] = 1/float32(c+3) - 0.1
			want[c] = scores[c] + row[c]
		}
		addRow(scores, row)
		for c := range scores {
			if math.Float32bits(scores[c]) != math.Float32bits(want[c]) {
				t.Errorf("n=%d: class %d is %v, want %v", n, c, scores[c], want[c])
			}
		}
	}
}
