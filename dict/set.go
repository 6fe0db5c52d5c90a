package dict

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Set is the collection of dictionaries the coder uses.
type Set struct {
	Verbs     *Verbs
	Actors    *Actors
	Agents    *Agents
	Discards  *Discards
	Issues    *Issues
	Negations Negations // nil: negated events keep their code
}

// Files names the dictionary files of a Set. Relative paths are taken
// from Dir.
type Files struct {
	Dir      string
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
	Issues   []string
	Ontology string // PICO file for negations; optional
}

// Load reads every file named in f. Errors of all files are returned
// together; the Set holds whatever loaded.
func Load(f Files) (*Set, error) {
	s := &Set{Verbs: NewVerbs(), Actors: NewActors(), Agents: NewAgents(), Discards: &Discards{}, Issues: &Issues{}}
	var errs []error
	each := func(names []string, load func(io.Reader, string) error) {
		for _, n := range names {
			if err := loadFile(filepath.Join(f.Dir, n), load); err != nil {
				errs = append(errs, err)
			}
		}
	}
	each(f.Verbs, s.Verbs.Load)
	each(f.Actors, s.Actors.Load)
	each(f.Agents, s.Agents.Load)
	each(f.Discards, s.Discards.Load)
	each(f.Issues, s.Issues.Load)
	if f.Ontology != "" {
		err := loadFile(filepath.Join(f.Dir, f.Ontology), func(r io.Reader, name string) error {
			neg, err := LoadNegations(r, name)
			s.Negations = neg
			return err
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return s, errors.Join(errs...)
}

func loadFile(path string, load func(io.Reader, string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dict: %w", err)
	}
	defer fh.Close()
	return load(fh, path)
}
