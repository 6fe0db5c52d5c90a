package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"sync"

	"github.com/annals/annals/internal/resident"
)

//go:embed model/ner.gz
var embedded []byte

// loadEmbedded decodes the embedded model on first use only; the result is
// never modified, so sharing it is safe.
var loadEmbedded = sync.OnceValues(func() (*Recognizer, error) {
	r, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded NER model: %w", err)
	}
	resident.Drop(embedded)
	return r, nil
})

// Default returns the recognizer embedded in annals (see docs/models.md),
// decoded once per process.
func Default() (*Recognizer, error) { return loadEmbedded() }

// LoadFile reads a recognizer saved by Save from path.
func LoadFile(path string) (*Recognizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}
