package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"unicode/utf8"
	"unsafe"

	"github.com/annals/annals/nlp/internal/modelfile"
)

// Model is a trained, immutable perceptron. Its methods are safe for
// concurrent use.
type Model struct {
	labels []string
	// An open-addressing table of features with linear probing. Scoring
	// is bound by memory latency, not arithmetic, so a lookup should touch
	// one cache line: a slot holds a 32-bit fingerprint of the feature
	// (its high bits; 0 marks an empty slot; the table index comes from
	// its low bits) and the weights themselves. Models of at most
	// inlineClasses classes (a parser's transitions) use inline, a dense
	// row per slot, and so do models of at most wideClasses (the
	// recognizer's IOB tags) in wide, 32-byte slots; larger ones rows,
	// which hold up to rowInline (class, weight) entries and continue in
	// ents or dense for features with more (see rowSlot). Large tables are
	// mapped apart (makeTable). The three tables are exclusive. keys holds the features in increasing
	// order and at the slot of each, for Encode only; they too are mapped
	// apart (makeCold), as are ents and dense.
	inline   []inlineSlot
	wide     []wideSlot
	rows     []rowSlot
	ents     []ent
	dense    []float32
	keys     []uint64
	at       []uint32
	size     uint64 // number of slots
	lines    uint64 // number of cache lines of slots
	perLine  uint64 // slots to a cache line: 4 inline, 2 rows
	nfeat    int
	nweights int
}

const (
	inlineClasses = 3
	wideClasses   = 7
)

// Slot sizes as shifts, for prefetch.
const (
	inlineShift = 4 // 16-byte inlineSlot
	wideShift   = 5 // 32-byte wideSlot
	rowShift    = 5 // 32-byte rowSlot
)

// The shifts must match the slot sizes: these fail to compile otherwise.
var (
	_ [unsafe.Sizeof(inlineSlot{}) - 1<<inlineShift]struct{}
	_ [1<<inlineShift - unsafe.Sizeof(inlineSlot{})]struct{}
	_ [unsafe.Sizeof(wideSlot{}) - 1<<wideShift]struct{}
	_ [1<<wideShift - unsafe.Sizeof(wideSlot{})]struct{}
	_ [unsafe.Sizeof(rowSlot{}) - 1<<rowShift]struct{}
	_ [1<<rowShift - unsafe.Sizeof(rowSlot{})]struct{}
)

type inlineSlot struct {
	fp uint32
	w  [inlineClasses]float32
}

// wideSlot is inlineSlot for up to wideClasses classes: adding a row of
// seven weights, +0 for the classes without one, costs less than finding
// and adding a few in entries and rows kept elsewhere. Adding +0 leaves a
// score as it is, since no score is -0 (sums start at +0, and x + y is -0
// only when x and y both are).
type wideSlot struct {
	fp uint32
	w  [wideClasses]float32
}

// rowInline entries fit a 32-byte slot, two to a cache line: most features
// have a weight for a few classes only.
const rowInline = 4

// rowSlot is a feature's slot in a model of many classes. Its first n
// entries are in cls and w (unused ones have class 0 and weight +0, which
// adding leaves every score as it is), and when more is not 0 the
// following ones are in ents from more-1 to the entry flagged last. n is
// kept in the low bits of more: more = (offset+1)<<countBits | n. A
// feature with weights for many of the classes (the bias, the previous
// tag) has n == dense instead and a dense row of every class's weight in
// dense from offset: adding a whole row in order is faster than adding
// entries to scattered classes.
type rowSlot struct {
	fp   uint32
	more uint32
	cls  [rowInline]uint16
	w    [rowInline]float32
}

const (
	countBits = 3
	dense     = 1<<countBits - 1
	// maxWeights bounds the weights of a model so that ents offsets fit
	// rowSlot.more.
	maxWeights = 1<<(32-countBits) - 2
)

func (r *rowSlot) count() int { return int(r.more & (1<<countBits - 1)) }

// rest returns the offset of the weights beyond the slot's, in dense for a
// dense row and in ents otherwise, or -1 when there are none.
func (r *rowSlot) rest() int { return int(r.more>>countBits) - 1 }

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
//
// Each class's score is the float32 sum of the features' weights in the
// order of feats, whatever the layout, so that scores do not depend on how
// lookups are scheduled.
func (m *Model) Scores(feats []uint64, scores []float32) []float32 {
	scores = zeroed(scores, len(m.labels))
	if m.size == 0 {
		return scores
	}
	// Scoring waits on memory: each feature is a cache miss in a table of
	// megabytes. Misses overlap only when the loads that cause them do not
	// depend on each other and no mispredicted branch on a missing value
	// discards them, so every batch is done in two passes: first touch the
	// slots of each feature without branching on what they hold, then
	// probe (now from cache) and add.
	for len(feats) > 0 {
		batch := feats[:min(len(feats), batchSize)]
		feats = feats[len(batch):]
		switch {
		case m.inline != nil:
			m.batchInline(batch, scores)
		case m.wide != nil:
			m.batchWide(batch, scores)
		default:
			m.batchRows(batch, scores)
		}
	}
	// The tables may be memory that m's cleanup unmaps (see makeTable):
	// m must stay reachable while they are read.
	runtime.KeepAlive(m)
	return scores
}

// batchSize is the number of features whose lookups overlap: all of a
// parser transition's (93), small enough for the stack. With loads instead
// of prefetches 64 was faster (the loads of a larger batch filled the
// reorder buffer); with prefetches 128 is 1.14 times as fast.
const batchSize = 128

// fetch sets homes to the first slots to probe for the features of batch
// and starts loading them from the table at base, of slots 1<<shift bytes.
func (m *Model) fetch(batch []uint64, homes *[batchSize]uint32, base unsafe.Pointer, shift uint) {
	for i, f := range batch {
		homes[i] = uint32(m.home(f))
	}
	prefetch(base, homes[:len(batch)], shift)
}

func (m *Model) batchInline(batch []uint64, scores []float32) {
	var homes [batchSize]uint32
	m.fetch(batch, &homes, unsafe.Pointer(unsafe.SliceData(m.inline)), inlineShift)
	// The sums in variables rather than an array stay in registers.
	var sum [inlineClasses]float32
	copy(sum[:], scores)
	sum0, sum1, sum2 := sum[0], sum[1], sum[2]
	for i, f := range batch {
		j, fp := uint64(homes[i]), fingerprint(f)
		for {
			sl := &m.inline[j]
			if sl.fp == fp {
				sum0 += sl.w[0]
				sum1 += sl.w[1]
				sum2 += sl.w[2]
				break
			}
			if sl.fp == 0 {
				break
			}
			if j++; j == m.size {
				j = 0
			}
		}
	}
	sum = [inlineClasses]float32{sum0, sum1, sum2}
	copy(scores, sum[:])
}

func (m *Model) batchWide(batch []uint64, scores []float32) {
	var homes [batchSize]uint32
	m.fetch(batch, &homes, unsafe.Pointer(unsafe.SliceData(m.wide)), wideShift)
	// As in batchInline, the sums in variables stay in registers.
	var sum [wideClasses]float32
	copy(sum[:], scores)
	s0, s1, s2, s3, s4, s5, s6 := sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]
	for i, f := range batch {
		j, fp := uint64(homes[i]), fingerprint(f)
		for {
			sl := &m.wide[j]
			if sl.fp == fp {
				w := &sl.w
				s0, s1, s2, s3 = s0+w[0], s1+w[1], s2+w[2], s3+w[3]
				s4, s5, s6 = s4+w[4], s5+w[5], s6+w[6]
				break
			}
			if sl.fp == 0 {
				break
			}
			if j++; j == m.size {
				j = 0
			}
		}
	}
	sum = [wideClasses]float32{s0, s1, s2, s3, s4, s5, s6}
	copy(scores, sum[:])
}

func (m *Model) batchRows(batch []uint64, scores []float32) {
	var homes, hits [batchSize]uint32
	m.fetch(batch, &homes, unsafe.Pointer(unsafe.SliceData(m.rows)), rowShift)
	// Probe, and touch the weights that continue outside the slots found;
	// add only once they are all on their way.
	n := 0
	for i, f := range batch {
		j, fp := uint64(homes[i]), fingerprint(f)
		for {
			r := &m.rows[j]
			if r.fp == fp {
				hits[n] = uint32(j)
				n++
				if r.more>>countBits != 0 {
					m.touchRest(r)
				}
				break
			}
			if r.fp == 0 {
				break
			}
			if j++; j == m.size {
				j = 0
			}
		}
	}
	for _, j := range hits[:n] {
		r := &m.rows[j]
		off := r.rest()
		if r.count() == dense {
			addRow(scores, m.dense[off:off+len(scores)])
			continue
		}
		for k, c := range r.cls {
			scores[c] += r.w[k]
		}
		if off < 0 {
			continue
		}
		for _, e := range m.ents[off:] {
			scores[e.cls&^last] += e.w
			if e.cls&last != 0 {
				break
			}
		}
	}
}

// touchRest prefetches the weights of r outside the slot: all of a dense
// row, the first two lines of further entries.
func (m *Model) touchRest(r *rowSlot) {
	off := r.rest()
	if off < 0 {
		return
	}
	if r.count() == dense {
		prefetchSpan(unsafe.Pointer(&m.dense[off]), uintptr(len(m.labels))*4)
		return
	}
	prefetchSpan(unsafe.Pointer(&m.ents[off]), uintptr(min(9, len(m.ents)-off))*8)
}

// Prefetch loads the slots of feats into the cache without scoring: a
// caller that knows the features of later Scores calls ahead of time (a
// whole sentence's, where they do not depend on earlier decisions) has
// their cache misses overlap now rather than wait for each call in turn.
func (m *Model) Prefetch(feats []uint64) {
	if m.size == 0 {
		return
	}
	base, shift := unsafe.Pointer(unsafe.SliceData(m.rows)), uint(rowShift)
	switch {
	case m.inline != nil:
		base, shift = unsafe.Pointer(unsafe.SliceData(m.inline)), inlineShift
	case m.wide != nil:
		base, shift = unsafe.Pointer(unsafe.SliceData(m.wide)), wideShift
	}
	var homes [batchSize]uint32
	for len(feats) > 0 {
		batch := feats[:min(len(feats), batchSize)]
		feats = feats[len(batch):]
		m.fetch(batch, &homes, base, shift)
	}
	runtime.KeepAlive(m)
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

// used reports whether slot j holds a feature.
func (m *Model) used(j uint64) bool {
	switch {
	case m.inline != nil:
		return m.inline[j].fp != 0
	case m.wide != nil:
		return m.wide[j].fp != 0
	}
	return m.rows[j].fp != 0
}

// denseFrom is the number of entries from which a row is stored dense: a
// quarter of the classes, where adding a dense row costs about as much as
// adding the entries one by one.
func denseFrom(classes int) int { return max(rowInline+1, classes/4) }

// build makes a model from features sorted by key with their entries.
func build(labels []string, keys []uint64, start []uint32, cls []uint16, w []float32) *Model {
	m := &Model{labels: labels, nfeat: len(keys), nweights: len(w)}
	n := len(keys)
	if n == 0 {
		return m
	}
	// A feature's probe starts at the first slot of a cache line, so
	// that its slot is nearly always on that one line; a load factor of
	// 0.4 keeps the lines from filling up (at 2/3, 1/2 and 0.4 the
	// language layer ran at about 85%, 92% and 100% of its speed).
	small := len(labels) <= inlineClasses
	wide := !small && len(labels) <= wideClasses
	m.perLine = 2
	if small {
		m.perLine = 4
	}
	m.lines = (uint64(n)*5/2 + m.perLine) / m.perLine
	m.size = m.lines * m.perLine
	size := int(m.size)
	m.keys, m.at = makeCold[uint64](m, n), makeCold[uint32](m, n)
	copy(m.keys, keys)
	switch {
	case small:
		m.inline = makeTable[inlineSlot](m, size)
	case wide:
		m.wide = makeTable[wideSlot](m, size)
	default:
		m.rows = makeTable[rowSlot](m, size)
		// The rows continued outside the slots, sized first so that
		// they too are mapped apart and not grown by copying.
		nd, ne := 0, 0
		for i := range n {
			c := int(start[i+1] - start[i])
			if c >= denseFrom(len(labels)) && nd+len(labels) <= maxWeights {
				nd += len(labels)
			} else if c > rowInline {
				ne += c - rowInline
			}
		}
		m.dense, m.ents = makeTable[float32](m, nd)[:0], makeTable[ent](m, ne)[:0]
	}
	for i, k := range keys {
		j := m.home(k)
		for m.used(j) {
			if j++; j == m.size {
				j = 0
			}
		}
		m.at[i] = uint32(j)
		row := start[i]
		if fp, d := m.denseSlot(j); d != nil {
			*fp = fingerprint(k)
			for e := row; e < start[i+1]; e++ {
				d[cls[e]] = w[e]
			}
			continue
		}
		r := &m.rows[j]
		r.fp = fingerprint(k)
		if int(start[i+1]-row) >= denseFrom(len(labels)) && len(m.dense)+len(labels) <= maxWeights {
			r.more = uint32(len(m.dense)+1)<<countBits | dense
			m.dense = append(m.dense, make([]float32, len(labels))...)
			d := m.dense[len(m.dense)-len(labels):]
			for e := row; e < start[i+1]; e++ {
				d[cls[e]] = w[e]
			}
			continue
		}
		n := min(start[i+1]-row, rowInline)
		for e := range n {
			r.cls[e], r.w[e] = cls[row+e], w[row+e]
		}
		r.more = n
		if row+n < start[i+1] {
			r.more |= uint32(len(m.ents)+1) << countBits
			for e := row + n; e < start[i+1]; e++ {
				m.ents = append(m.ents, ent{uint32(cls[e]), w[e]})
			}
			m.ents[len(m.ents)-1].cls |= last
		}
	}
	return m
}

// home returns the first slot to probe for feature f, the first of a cache
// line: the line is its low 32 bits scaled to the table (the fingerprint is
// the high bits), so the table needs no power-of-two size.
func (m *Model) home(f uint64) uint64 {
	return (f & 0xffffffff) * m.lines >> 32 * m.perLine
}

// denseSlot returns the fingerprint and the weights of slot j of a model
// whose slots hold a weight for every class (inline or wide), or nil
// weights for one of rows.
func (m *Model) denseSlot(j uint64) (*uint32, []float32) {
	switch {
	case m.inline != nil:
		return &m.inline[j].fp, m.inline[j].w[:]
	case m.wide != nil:
		return &m.wide[j].fp, m.wide[j].w[:]
	}
	return nil, nil
}

// weights returns the (class, weight) entries of the feature in slot j.
func (m *Model) weights(j int) []ent {
	var out []ent
	if _, d := m.denseSlot(uint64(j)); d != nil {
		for c, w := range d {
			if w != 0 {
				out = append(out, ent{uint32(c), w})
			}
		}
		return out
	}
	r := &m.rows[j]
	if r.count() == dense {
		for c, w := range m.dense[r.rest():][:len(m.labels)] {
			if w != 0 {
				out = append(out, ent{uint32(c), w})
			}
		}
		return out
	}
	for k := range r.count() {
		out = append(out, ent{uint32(r.cls[k]), r.w[k]})
	}
	if off := r.rest(); off >= 0 {
		for _, e := range m.ents[off:] {
			out = append(out, ent{e.cls &^ last, e.w})
			if e.cls&last != 0 {
				break
			}
		}
	}
	return out
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
	put(uint64(len(m.keys)))
	prev := uint64(0)
	var f [4]byte
	for i, k := range m.keys {
		put(k - prev)
		prev = k
		ws := m.weights(int(m.at[i]))
		put(uint64(len(ws)))
		for _, e := range ws {
			put(uint64(e.cls &^ last))
			binary.LittleEndian.PutUint32(f[:], math.Float32bits(e.w))
			bw.Write(f[:])
		}
	}
	runtime.KeepAlive(m)
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
		if len(w) > maxWeights {
			return nil, fmt.Errorf("%w: too many weights", ErrCorrupt)
		}
		start = append(start, uint32(len(w)))
	}
	return build(labels, keys, start, cls, w), nil
}

// Save writes the model gzipped.
func (m *Model) Save(w io.Writer) error {
	return modelfile.Write(w, "", m.Encode)
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	return modelfile.Read(r, "", ErrFormat, func(br *bufio.Reader) (*Model, error) { return Decode(br) })
}
