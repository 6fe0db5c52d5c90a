package perceptron

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"
)

// Model is a trained, immutable perceptron. Its methods are safe for
// concurrent use.
type Model struct {
	labels []string
	// An open-addressing table of features. Scoring is bound by memory
	// latency, not arithmetic, so a slot is small: a 32-bit fingerprint of
	// the feature (its high bits; 0 marks an empty slot; the table index
	// comes from its low bits) and the offset of its weights in ents, which
	// run to the entry flagged last. keys holds the full features of the
	// slots for Encode only.
	slots []slot
	keys  []uint64
	size  uint64 // number of slots
	ents  []ent
	nfeat int
	// Models of at most inlineClasses classes (a parser's transitions)
	// keep the weights in the slot instead, inline and slots being
	// exclusive: one cache line per lookup.
	inline   []inlineSlot
	nweights int
}

const inlineClasses = 3

type inlineSlot struct {
	fp uint32
	w  [inlineClasses]float32
}

type slot struct {
	fp, off uint32
}

// ent is one weight; cls carries the last flag.
type ent struct {
	cls uint32
	w   float32
}

const last = 1 << 31

// fingerprint returns the slot fingerprint of feature f, never 0.
func fingerprint(f uint64) uint32 {
	if fp := uint32(f >> 32); fp != 0 {
		return fp
	}
	return 1
}

// Labels returns the class names, indexed by class.
func (m *Model) Labels() []string { return m.labels }

// NumClasses returns the number of classes.
func (m *Model) NumClasses() int { return len(m.labels) }

// NumFeatures returns the number of features with at least one weight.
func (m *Model) NumFeatures() int { return m.nfeat }

// NumWeights returns the number of stored (feature, class) weights.
func (m *Model) NumWeights() int { return m.nweights }

// Class returns the index of the class named label, or -1.
func (m *Model) Class(label string) int {
	for i, l := range m.labels {
		if l == label {
			return i
		}
	}
	return -1
}

// Scores sets scores to the score of every class for the features and
// returns it; scores is reused when it has room, so callers pass the slice
// from the previous call to avoid allocating.
func (m *Model) Scores(feats []uint64, scores []float32) []float32 {
	scores = zeroed(scores, len(m.labels))
	if m.inline != nil {
		m.scoresInline(feats, scores)
		return scores
	}
	if len(m.slots) == 0 {
		return scores
	}
	// First find the slots of a batch of features, then add their weights:
	// the lookups of a batch do not depend on each other, so the processor
	// overlaps their cache misses instead of waiting for each in turn.
	var hits [64]uint32
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(hits))]
		feats = feats[len(batch):]
		n := 0
		for _, f := range batch {
			i, fp := m.home(f), fingerprint(f)
			for {
				k := m.slots[i].fp
				if k == fp {
					hits[n] = m.slots[i].off
					n++
					break
				}
				if k == 0 {
					break
				}
				if i++; i == m.size {
					i = 0
				}
			}
		}
		for _, off := range hits[:n] {
			for _, e := range m.ents[off:] {
				scores[e.cls&^last] += e.w
				if e.cls&last != 0 {
					break
				}
			}
		}
	}
	return scores
}

func (m *Model) scoresInline(feats []uint64, scores []float32) {
	var sum [inlineClasses]float32
	for _, f := range feats {
		i, fp := m.home(f), fingerprint(f)
		for {
			sl := &m.inline[i]
			if sl.fp == fp {
				for c, w := range sl.w {
					sum[c] += w
				}
				break
			}
			if sl.fp == 0 {
				break
			}
			if i++; i == m.size {
				i = 0
			}
		}
	}
	copy(scores, sum[:])
}

// Predict returns the best class for the features; scores is a reusable
// buffer as in Scores.
func (m *Model) Predict(feats []uint64, scores []float32) int {
	return Argmax(m.Scores(feats, scores), nil)
}

func zeroed(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// build makes a model from features sorted by key with their entries.
func build(labels []string, keys []uint64, start []uint32, cls []uint16, w []float32) *Model {
	m := &Model{labels: labels, nfeat: len(keys), nweights: len(w)}
	n := len(keys)
	if n == 0 {
		return m
	}
	size := n + n/3 + 1 // load factor 3/4 keeps probes short
	m.keys = make([]uint64, size)
	m.size = uint64(size)
	small := len(labels) <= inlineClasses
	if small {
		m.inline = make([]inlineSlot, size)
	} else {
		m.slots = make([]slot, size)
		m.ents = make([]ent, len(w))
		for i := range w {
			m.ents[i] = ent{uint32(cls[i]), w[i]}
		}
		for i := 1; i < len(start); i++ {
			m.ents[start[i]-1].cls |= last
		}
	}
	for i, k := range keys {
		j := m.home(k)
		for m.keys[j] != 0 {
			if j++; j == m.size {
				j = 0
			}
		}
		m.keys[j] = k
		if small {
			sl := &m.inline[j]
			sl.fp = fingerprint(k)
			for e := start[i]; e < start[i+1]; e++ {
				sl.w[cls[e]] = w[e]
			}
		} else {
			m.slots[j] = slot{fp: fingerprint(k), off: start[i]}
		}
	}
	return m
}

// home returns the first slot to probe for feature f: its low 32 bits
// scaled to the table (the fingerprint is the high bits), so the table
// needs no power-of-two size.
func (m *Model) home(f uint64) uint64 {
	return (f & 0xffffffff) * m.size >> 32
}

// weights returns the (class, weight) entries of the feature in slot j.
func (m *Model) weights(j int) []ent {
	if m.inline != nil {
		var out []ent
		for c, w := range m.inline[j].w {
			if w != 0 {
				out = append(out, ent{uint32(c), w})
			}
		}
		return out
	}
	off := m.slots[j].off
	n := 0
	for m.ents[int(off)+n].cls&last == 0 {
		n++
	}
	return m.ents[off : int(off)+n+1]
}

const magic = "annals-perceptron-1\n"

// Limits that Decode enforces so that a corrupt file cannot make it
// allocate without bound.
const (
	maxLabels   = 1 << 16
	maxLabelLen = 1 << 12
	maxFeatures = 1 << 27
)

// Errors Decode reports.
var (
	ErrFormat  = errors.New("perceptron: not a model file")
	ErrCorrupt = errors.New("perceptron: corrupt model")
)

// Encode writes the model in its binary form (uncompressed): the labels,
// then each feature as a key delta from the previous key, its number of
// entries, and (class, weight) pairs, all as varints except the float32
// weights.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	bw.WriteString(magic)
	put(uint64(len(m.labels)))
	for _, l := range m.labels {
		put(uint64(len(l)))
		bw.WriteString(l)
	}
	var slots []int
	for j, k := range m.keys {
		if k != 0 {
			slots = append(slots, j)
		}
	}
	slices.SortFunc(slots, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	put(uint64(len(slots)))
	prev := uint64(0)
	var f [4]byte
	for _, j := range slots {
		put(m.keys[j] - prev)
		prev = m.keys[j]
		ws := m.weights(j)
		put(uint64(len(ws)))
		for _, e := range ws {
			put(uint64(e.cls &^ last))
			binary.LittleEndian.PutUint32(f[:], math.Float32bits(e.w))
			bw.Write(f[:])
		}
	}
	return bw.Flush()
}

// Decode reads a model written by Encode. Corrupt or truncated input gives
// an error wrapping ErrFormat or ErrCorrupt, never a panic.
func Decode(r io.Reader) (*Model, error) {
	br, ok := r.(io.ByteReader)
	if !ok {
		b := bufio.NewReader(r)
		br, r = b, b
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	get := func(limit uint64, what string) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("%w: reading %s: %v", ErrCorrupt, what, err)
		}
		if x > limit {
			return 0, fmt.Errorf("%w: %s %d exceeds %d", ErrCorrupt, what, x, limit)
		}
		return x, nil
	}
	nl, err := get(maxLabels, "label count")
	if err != nil {
		return nil, err
	}
	labels := make([]string, nl)
	for i := range labels {
		n, err := get(maxLabelLen, "label length")
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("%w: reading label %d: %v", ErrCorrupt, i, err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%w: label %d is not UTF-8", ErrCorrupt, i)
		}
		labels[i] = string(b)
	}
	nf, err := get(maxFeatures, "feature count")
	if err != nil {
		return nil, err
	}
	// Grow slices as data arrives rather than trusting the counts.
	keys := make([]uint64, 0, min(nf, 1<<16))
	start := make([]uint32, 1, min(nf+1, 1<<16))
	var cls []uint16
	var w []float32
	var f [4]byte
	prev := uint64(0)
	for i := uint64(0); i < nf; i++ {
		d, err := get(math.MaxUint64, "feature key")
		if err != nil {
			return nil, err
		}
		if (d == 0 && i > 0) || prev+d < prev || prev+d == 0 {
			return nil, fmt.Errorf("%w: feature %d: keys out of order", ErrCorrupt, i)
		}
		prev += d
		keys = append(keys, prev)
		ne, err := get(nl, "entry count")
		if err != nil {
			return nil, err
		}
		if ne == 0 {
			return nil, fmt.Errorf("%w: feature %d has no weights", ErrCorrupt, i)
		}
		for j := uint64(0); j < ne; j++ {
			c, err := get(nl-1, "class")
			if err != nil {
				return nil, err
			}
			if _, err := io.ReadFull(r, f[:]); err != nil {
				return nil, fmt.Errorf("%w: feature %d weight: %v", ErrCorrupt, i, err)
			}
			x := math.Float32frombits(binary.LittleEndian.Uint32(f[:]))
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, fmt.Errorf("%w: feature %d: weight not finite", ErrCorrupt, i)
			}
			cls = append(cls, uint16(c))
			w = append(w, x)
		}
		if len(w) > math.MaxUint32 {
			return nil, fmt.Errorf("%w: too many weights", ErrCorrupt)
		}
		start = append(start, uint32(len(w)))
	}
	return build(labels, keys, start, cls, w), nil
}

// Save writes the model gzipped.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := m.Encode(zw); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer zr.Close()
	return Decode(zr)
}
