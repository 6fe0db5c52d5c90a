package ner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/internal/modelfile"
	"github.com/annals/annals/nlp/perceptron"
)

const magic = "annals-ner-1\n"

// ErrModel is wrapped by every error about an unreadable model file.
var ErrModel = errors.New("ner: bad model file")

// Limits that Load enforces so that a corrupt file cannot make it allocate
// without bound.
const (
	maxEntries = 1 << 22
	maxString  = 1 << 10
)

// Clusters returns the word clusters the recognizer reads, for other
// models to read the same (the tagger's training takes them from here).
func (r *Recognizer) Clusters() cluster.Clusters { return r.clusters }

// Save writes the recognizer gzipped: the clusters, the gazetteer, then the
// perceptron weights (perceptron.Model.Encode).
func (r *Recognizer) Save(w io.Writer) error {
	return modelfile.Write(w, magic, r.encode)
}

// encode writes what follows the magic line: the clusters, the gazetteer,
// then the perceptron weights.
func (r *Recognizer) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	putString := func(s string) {
		put(uint64(len(s)))
		bw.WriteString(s)
	}
	r.clusters.Write(bw)
	var names []string
	if r.gaz != nil {
		names = r.gaz.sortedNames()
	}
	put(uint64(len(names)))
	for _, n := range names {
		putString(n)
		put(uint64(r.gaz.names[n]))
	}
	if err := r.model.Encode(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// Load reads a recognizer written by Save. A corrupt or truncated file
// gives an error wrapping ErrModel, never a panic.
func Load(rd io.Reader) (*Recognizer, error) {
	return modelfile.Read(rd, magic, ErrModel, decode)
}

// decode reads what encode wrote.
func decode(br *bufio.Reader) (*Recognizer, error) {
	get := func(limit uint64, what string) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("%w: reading %s: %v", ErrModel, what, err)
		}
		if x > limit {
			return 0, fmt.Errorf("%w: %s %d exceeds %d", ErrModel, what, x, limit)
		}
		return x, nil
	}
	getString := func(what string) (string, error) {
		n, err := get(maxString, what+" length")
		if err != nil {
			return "", err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", fmt.Errorf("%w: reading %s: %v", ErrModel, what, err)
		}
		if !utf8.Valid(b) {
			return "", fmt.Errorf("%w: %s is not UTF-8", ErrModel, what)
		}
		return string(b), nil
	}
	clusters, err := cluster.Read(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	nn, err := get(maxEntries, "gazetteer size")
	if err != nil {
		return nil, err
	}
	names := make(map[string]uint16, min(nn, 1<<16))
	for range nn {
		n, err := getString("name")
		if err != nil {
			return nil, err
		}
		c, err := get(gazPrefix-1, "name categories")
		if err != nil {
			return nil, err
		}
		names[n] = uint16(c)
	}
	m, err := perceptron.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if !slices.Equal(m.Labels(), classNames()) {
		return nil, fmt.Errorf("%w: classes %v, want %v", ErrModel, m.Labels(), classNames())
	}
	var gaz *Gazetteer
	if len(names) > 0 {
		gaz = newGazetteer(names)
	}
	return newRecognizer(m, clusters, gaz), nil
}
