package tag

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/internal/modelfile"
	"github.com/annals/annals/nlp/perceptron"
)

const magic = "annals-tagger-2\n"

// ErrFormat reports a file that is not a tagger model.
var ErrFormat = errors.New("tag: not a tagger model")

// Save writes the tagger gzipped: a header, the tag dictionary, the word
// clusters, then the two passes' perceptrons.
func (t *Tagger) Save(w io.Writer) error {
	return modelfile.Write(w, magic, t.encode)
}

// encode writes what follows the magic line: the lexicon, the clusters,
// then the perceptrons.
func (t *Tagger) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	// The lexicon holds the words of the dictionary and of the ambiguity
	// classes: each with its class+1 (0 when not in the dictionary) and its
	// ambiguity class.
	seen := map[string]bool{}
	words := make([]string, 0, len(t.amb))
	for _, m := range []map[string]int{t.dict} {
		for k := range m {
			seen[k] = true
			words = append(words, k)
		}
	}
	for k := range t.amb {
		if !seen[k] {
			words = append(words, k)
		}
	}
	sort.Strings(words)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	put(uint64(len(words)))
	for _, k := range words {
		put(uint64(len(k)))
		bw.WriteString(k)
		c, ok := t.dict[k]
		if ok {
			put(uint64(c) + 1)
		} else {
			put(0)
		}
		put(t.amb[k])
	}
	t.clusters.Write(bw)
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := t.first.Encode(w); err != nil {
		return err
	}
	return t.second.Encode(w)
}

// Load reads a tagger written by Save. Corrupt input gives an error, never a
// panic.
func Load(r io.Reader) (*Tagger, error) {
	return modelfile.Read(r, magic, ErrFormat, decode)
}

// decode reads what encode wrote.
func decode(br *bufio.Reader) (*Tagger, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("%w: bad dictionary size", ErrFormat)
	}
	type entry struct {
		word     string
		cls, amb uint64
	}
	var entries []entry
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return nil, fmt.Errorf("%w: dictionary entry %d", ErrFormat, i)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil || !utf8.Valid(b) {
			return nil, fmt.Errorf("%w: dictionary entry %d", ErrFormat, i)
		}
		c, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: dictionary entry %d", ErrFormat, i)
		}
		a, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: dictionary entry %d", ErrFormat, i)
		}
		entries = append(entries, entry{string(b), c, a})
	}
	clusters, err := cluster.Read(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	m, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	second, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("tag: second pass: %w", err)
	}
	if !slices.Equal(m.Labels(), second.Labels()) {
		return nil, fmt.Errorf("%w: the passes' classes differ", ErrFormat)
	}
	dict := map[string]int{}
	amb := make(map[string]uint64, len(entries))
	for _, e := range entries {
		if e.cls > uint64(m.NumClasses()) {
			return nil, fmt.Errorf("%w: dictionary class %d out of range", ErrFormat, e.cls)
		}
		if e.cls > 0 {
			dict[e.word] = int(e.cls - 1)
		}
		if e.amb != 0 {
			amb[e.word] = e.amb
		}
	}
	return newTagger(m, second, dict, amb, clusters), nil
}
