package dict

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// data holds annals' own dictionaries (docs/dictionaries.md).
//
//go:embed data/*.txt
var data embed.FS

// Default returns annals' own dictionaries, embedded in the program.
func Default() (*Set, error) {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		return nil, fmt.Errorf("dict: embedded dictionaries: %w", err)
	}
	return LoadAnnals(sub, func(f string) string { return path.Join("dict/data", f) })
}

// LoadDir reads the dictionaries in dir, in annals' format when dir holds
// one of its files (countries.txt, actors.txt, ...), else in PETRARCH's:
// each .txt file is taken by its name for verbs ("verb" or "CAMEO" in it),
// actors, agents, discards, issues or the internal coding ontology
// (negations).
func LoadDir(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	for _, e := range entries {
		if slices.Contains(annalsFiles, e.Name()) {
			return LoadAnnals(os.DirFS(dir), func(f string) string { return filepath.Join(dir, f) })
		}
	}
	f, err := petrarchFiles(dir, entries)
	if err != nil {
		return nil, err
	}
	if len(f.Verbs) == 0 || len(f.Actors) == 0 {
		return nil, fmt.Errorf("dict: %s: %w", dir, errNoDicts)
	}
	return Load(f)
}

var errNoDicts = errors.New("no dictionaries: want annals' files (" + strings.Join(annalsFiles, ", ") +
	") or PETRARCH's (verb and actor .txt files)")
