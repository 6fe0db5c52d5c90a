// Package cluster learns word clusters from unlabelled text: the
// statistics that annals' named-entity recognizer and tagger read as
// features, so that a word seen rarely or never in labelled data shares
// weights with the words it is used like. The clusters ship inside each
// model file (Write, Read) without the text they were learned from.
package cluster

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// Options sets how word clusters are learned from unlabelled text.
type Options struct {
	MinCount int   // words seen fewer times get no cluster
	Contexts int   // number of most frequent (lower-cased) words used as contexts
	Dims     int   // embedding dimensions
	Ks       []int // number of clusters of each granularity, at most 3, each at most 1023
	Seed     uint64
}

// DefaultOptions are the settings of annals' shipped models.
var DefaultOptions = Options{MinCount: 3, Contexts: 3000, Dims: 80, Ks: []int{48, 256, 1000}, Seed: 1}

// Clusters maps words to cluster ids of up to three granularities, packed
// ten bits each; id 0 of a granularity means "no cluster".
type Clusters map[string]uint32

// Learn computes word embeddings from sentences (token lists) and
// groups them by k-means at each granularity of opt.Ks. The embedding of a
// word is its row of the positive pointwise mutual information matrix
// between the word and its lower-cased neighbours at offsets -2..+2,
// reduced by a randomized truncated SVD (Halko et al. 2011); k-means runs
// on the length-normalized rows, i.e. by cosine similarity. Words are kept
// as written, since case is what NER needs most. It is deterministic for a
// given seed.
func Learn(ctx context.Context, sents [][]string, opt Options) (Clusters, error) {
	freq := map[string]int{}
	lfreq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
			lfreq[strings.ToLower(w)]++
		}
	}
	vocab := frequent(freq, opt.MinCount, 0)
	ctxWords := frequent(lfreq, 1, opt.Contexts)
	vid := indexOf(vocab)
	cid := indexOf(ctxWords)
	const window = 2
	nc := len(ctxWords) + 1 // the last context is the sentence edge
	dims := 2 * window * nc
	rows := make([]map[int32]float32, len(vocab))
	for i := range rows {
		rows[i] = map[int32]float32{}
	}
	colSum := make([]float64, dims)
	for _, s := range sents {
		for i, w := range s {
			r, ok := vid[w]
			if !ok {
				continue
			}
			slot := 0
			for off := -window; off <= window; off++ {
				if off == 0 {
					continue
				}
				c := nc - 1
				if j := i + off; j >= 0 && j < len(s) {
					if k, ok := cid[strings.ToLower(s[j])]; ok {
						c = k
					} else {
						slot++
						continue
					}
				}
				d := int32(slot*nc + c)
				rows[r][d]++
				colSum[d]++
				slot++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := ppmi(rows, colSum)
	emb := a.embed(opt.Dims, opt.Seed)
	for _, v := range emb {
		normalize(v)
	}
	out := Clusters{}
	for g, k := range opt.Ks[:min(len(opt.Ks), 3)] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		assign := kmeans(emb, min(k, 1023, len(emb)), 12, opt.Seed+uint64(g))
		for i, w := range vocab {
			out[w] |= uint32(assign[i]+1) << (10 * g)
		}
	}
	return out, nil
}

// Granularity returns the cluster id of granularity g (0, 1 or 2) in the
// packed ids, 0 for none.
func Granularity(ids uint32, g int) uint64 { return uint64(ids>>(10*g)) & 1023 }

// Write writes the clusters as a count, then each word (length-prefixed)
// and its packed ids, all uvarints, words in byte order.
func (c Clusters) Write(w *bufio.Writer) {
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { w.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	words := make([]string, 0, len(c))
	for word := range c {
		words = append(words, word)
	}
	slices.Sort(words)
	put(uint64(len(words)))
	for _, word := range words {
		put(uint64(len(word)))
		w.WriteString(word)
		put(uint64(c[word]))
	}
}

// ErrFormat reports clusters that Read cannot decode.
var ErrFormat = errors.New("bad word clusters")

// Read reads what Write wrote. Corrupt or truncated input gives an error
// wrapping ErrFormat, never a panic or an allocation larger than the input
// justifies.
func Read(r *bufio.Reader) (Clusters, error) {
	get := func(limit uint64, what string) (uint64, error) {
		x, err := binary.ReadUvarint(r)
		if err != nil {
			return 0, fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		}
		if x > limit {
			return 0, fmt.Errorf("%w: %s %d out of range", ErrFormat, what, x)
		}
		return x, nil
	}
	n, err := get(1<<22, "cluster count")
	if err != nil {
		return nil, err
	}
	c := make(Clusters, min(n, 1<<16))
	for i := uint64(0); i < n; i++ {
		l, err := get(1<<10, "word length")
		if err != nil {
			return nil, err
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("%w: reading word %d: %v", ErrFormat, i, err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%w: word %d is not UTF-8", ErrFormat, i)
		}
		id, err := get(1<<30-1, "cluster id")
		if err != nil {
			return nil, err
		}
		c[string(b)] = uint32(id)
	}
	return c, nil
}

// frequent returns the words seen at least minCount times, most frequent
// first (ties alphabetical), at most limit of them when limit > 0.
func frequent(freq map[string]int, minCount, limit int) []string {
	var ws []string
	for w, n := range freq {
		if n >= minCount {
			ws = append(ws, w)
		}
	}
	slices.SortFunc(ws, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	if limit > 0 && len(ws) > limit {
		ws = ws[:limit]
	}
	return ws
}

func indexOf(ws []string) map[string]int {
	m := make(map[string]int, len(ws))
	for i, w := range ws {
		m[w] = i
	}
	return m
}

// csr is a sparse matrix in compressed-row form.
type csr struct {
	rowStart []int
	col      []int32
	val      []float32
	cols     int
}

// ppmi turns co-occurrence counts into positive PMI with context
// frequencies smoothed to the power 0.75 (Levy et al. 2015).
func ppmi(rows []map[int32]float32, colSum []float64) *csr {
	var total, smooth float64
	for _, c := range colSum {
		total += c
		smooth += math.Pow(c, 0.75)
	}
	m := &csr{rowStart: []int{0}, cols: len(colSum)}
	for _, r := range rows {
		var rowSum float64
		for _, v := range r {
			rowSum += float64(v)
		}
		keys := make([]int32, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			pc := math.Pow(colSum[k], 0.75) / smooth
			pmi := math.Log(float64(r[k]) / rowSum / pc)
			if pmi > 0 {
				m.col = append(m.col, k)
				m.val = append(m.val, float32(pmi))
			}
		}
		m.rowStart = append(m.rowStart, len(m.col))
	}
	return m
}

// mul returns m·x for a dense x of m.cols rows and k columns (row-major).
func (m *csr) mul(x []float64, k int) []float64 {
	n := len(m.rowStart) - 1
	y := make([]float64, n*k)
	for i := 0; i < n; i++ {
		yi := y[i*k : (i+1)*k]
		for p := m.rowStart[i]; p < m.rowStart[i+1]; p++ {
			v := float64(m.val[p])
			xr := x[int(m.col[p])*k : (int(m.col[p])+1)*k]
			for j := range yi {
				yi[j] += v * xr[j]
			}
		}
	}
	return y
}

// mulT returns mᵀ·y for a dense y of len(rows) rows and k columns.
func (m *csr) mulT(y []float64, k int) []float64 {
	x := make([]float64, m.cols*k)
	for i := 0; i+1 < len(m.rowStart); i++ {
		yi := y[i*k : (i+1)*k]
		for p := m.rowStart[i]; p < m.rowStart[i+1]; p++ {
			v := float64(m.val[p])
			xr := x[int(m.col[p])*k : (int(m.col[p])+1)*k]
			for j := range yi {
				xr[j] += v * yi[j]
			}
		}
	}
	return x
}

// embed returns rank-d embeddings U·S^½ of the rows of m by a randomized
// SVD with oversampling and two power iterations.
func (m *csr) embed(d int, seed uint64) [][]float64 {
	n := len(m.rowStart) - 1
	k := d + 10
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	omega := make([]float64, m.cols*k)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	y := m.mul(omega, k)
	for range 2 {
		orthonormalize(y, n, k)
		y = m.mul(m.mulT(y, k), k)
	}
	orthonormalize(y, n, k)
	// B = Qᵀ·M; the eigenvectors of B·Bᵀ rotate Q onto the left singular
	// vectors, its eigenvalues are the squared singular values.
	bt := m.mulT(y, k) // cols × k, i.e. Bᵀ
	g := make([]float64, k*k)
	for r := 0; r < m.cols; r++ {
		row := bt[r*k : (r+1)*k]
		for i := 0; i < k; i++ {
			if row[i] == 0 {
				continue
			}
			for j := 0; j < k; j++ {
				g[i*k+j] += row[i] * row[j]
			}
		}
	}
	vals, vecs := jacobiEigen(g, k)
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case vals[a] > vals[b]:
			return -1
		case vals[a] < vals[b]:
			return 1
		}
		return a - b
	})
	emb := make([][]float64, n)
	for i := range emb {
		qi := y[i*k : (i+1)*k]
		e := make([]float64, d)
		for c := 0; c < d; c++ {
			o := order[c]
			var s float64
			for j := 0; j < k; j++ {
				s += qi[j] * vecs[j*k+o]
			}
			e[c] = s * math.Pow(math.Max(vals[o], 0), 0.25)
		}
		emb[i] = e
	}
	return emb
}

// orthonormalize makes the k columns of the n×k row-major matrix a
// orthonormal by modified Gram-Schmidt.
func orthonormalize(a []float64, n, k int) {
	for c := 0; c < k; c++ {
		for p := 0; p < c; p++ {
			var dot float64
			for i := 0; i < n; i++ {
				dot += a[i*k+c] * a[i*k+p]
			}
			for i := 0; i < n; i++ {
				a[i*k+c] -= dot * a[i*k+p]
			}
		}
		var norm float64
		for i := 0; i < n; i++ {
			norm += a[i*k+c] * a[i*k+c]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for i := 0; i < n; i++ {
			a[i*k+c] /= norm
		}
	}
}

// jacobiEigen diagonalizes the symmetric k×k matrix a (destroying it) by
// cyclic Jacobi rotations and returns its eigenvalues and the eigenvectors
// as the columns of a k×k matrix.
func jacobiEigen(a []float64, k int) ([]float64, []float64) {
	v := make([]float64, k*k)
	for i := 0; i < k; i++ {
		v[i*k+i] = 1
	}
	for sweep := 0; sweep < 50; sweep++ {
		var off float64
		for i := 0; i < k; i++ {
			for j := i + 1; j < k; j++ {
				off += a[i*k+j] * a[i*k+j]
			}
		}
		if off < 1e-18 {
			break
		}
		for p := 0; p < k; p++ {
			for q := p + 1; q < k; q++ {
				apq := a[p*k+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*k+q] - a[p*k+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for r := 0; r < k; r++ {
					arp, arq := a[r*k+p], a[r*k+q]
					a[r*k+p] = c*arp - s*arq
					a[r*k+q] = s*arp + c*arq
				}
				for r := 0; r < k; r++ {
					apr, aqr := a[p*k+r], a[q*k+r]
					a[p*k+r] = c*apr - s*aqr
					a[q*k+r] = s*apr + c*aqr
				}
				for r := 0; r < k; r++ {
					vrp, vrq := v[r*k+p], v[r*k+q]
					v[r*k+p] = c*vrp - s*vrq
					v[r*k+q] = s*vrp + c*vrq
				}
			}
		}
	}
	vals := make([]float64, k)
	for i := range vals {
		vals[i] = a[i*k+i]
	}
	return vals, v
}

func normalize(v []float64) {
	var n float64
	for _, x := range v {
		n += x * x
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i] /= n
	}
}

// kmeans clusters unit vectors by cosine similarity (spherical k-means),
// starting from k distinct points picked with the seed, and returns each
// point's cluster.
func kmeans(points [][]float64, k, iters int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0xc1a5))
	perm := rng.Perm(len(points))
	d := len(points[0])
	cent := make([][]float64, k)
	for i := range cent {
		cent[i] = slices.Clone(points[perm[i]])
	}
	assign := make([]int, len(points))
	for it := 0; it < iters; it++ {
		for i, p := range points {
			best, bestSim := 0, math.Inf(-1)
			for c, ce := range cent {
				var s float64
				for j, x := range p {
					s += x * ce[j]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			assign[i] = best
		}
		sums := make([][]float64, k)
		for c := range sums {
			sums[c] = make([]float64, d)
		}
		for i, p := range points {
			s := sums[assign[i]]
			for j, x := range p {
				s[j] += x
			}
		}
		for c, s := range sums {
			var n float64
			for _, x := range s {
				n += x * x
			}
			if n == 0 {
				continue // an empty cluster keeps its centre
			}
			normalize(s)
			cent[c] = s
		}
	}
	return assign
}
