package dict

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Set is the collection of dictionaries the coder uses.
type Set struct {
	Verbs     *Verbs
	Actors    *Actors
	Agents    *Agents
	Discards  *Discards
	Issues    *Issues
	Negations Negations // nil: negated events keep their code
	Nouns     *Nouns    // events named by nouns; nil codes none
	Senses    Senses    // word classes of the sense check; nil checks nothing
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

// petrarchFiles picks the PETRARCH dictionary files of dir. A
// PETR_config.ini there names them ([Dictionaries]: verbfile_name,
// actorfile_list, agentfile_name, discardfile_name, issuefile_name);
// without one, files are taken by name: "verb" or "CAMEO" (but not TABARI's
// "verbpatterns"), "actor", "agent", "discard", "issue", "ontology".
func petrarchFiles(dir string, entries []os.DirEntry) (Files, error) {
	if cfg, err := os.ReadFile(filepath.Join(dir, "PETR_config.ini")); err == nil {
		f := Files{Dir: dir}
		section := ""
		for _, l := range strings.Split(string(cfg), "\n") {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "[") {
				section = l
				continue
			}
			k, v, ok := strings.Cut(l, "=")
			if section != "[Dictionaries]" || !ok || strings.HasPrefix(l, "#") {
				continue
			}
			var names []string
			for _, n := range strings.Split(v, ",") {
				if n = strings.TrimSpace(n); n != "" {
					names = append(names, n)
				}
			}
			switch strings.TrimSpace(k) {
			case "verbfile_name":
				f.Verbs = names
			case "actorfile_list":
				f.Actors = names
			case "agentfile_name":
				f.Agents = names
			case "discardfile_name":
				f.Discards = names
			case "issuefile_name":
				f.Issues = names
			}
		}
		return f, nil
	}
	// A folder may hold PETRARCH's test dictionaries ("PETR.Validate.*")
	// beside the operational ones; they are used only when alone.
	pick := func(validate bool) Files {
		f := Files{Dir: dir}
		for _, e := range entries {
			n := strings.ToLower(e.Name())
			if e.IsDir() || !strings.HasSuffix(n, ".txt") || strings.Contains(n, "validate") != validate {
				continue
			}
			switch {
			case strings.Contains(n, "verbpatterns"):
				// TABARI's verb format, which this coder does not read
			case strings.Contains(n, "verb") || strings.HasPrefix(n, "cameo"):
				f.Verbs = append(f.Verbs, e.Name())
			case strings.Contains(n, "actor"):
				f.Actors = append(f.Actors, e.Name())
			case strings.Contains(n, "agent"):
				f.Agents = append(f.Agents, e.Name())
			case strings.Contains(n, "discard"):
				f.Discards = append(f.Discards, e.Name())
			case strings.Contains(n, "issue"):
				f.Issues = append(f.Issues, e.Name())
			case strings.Contains(n, "ontology"):
				f.Ontology = e.Name()
			}
		}
		return f
	}
	if f := pick(false); len(f.Verbs) > 0 && len(f.Actors) > 0 {
		return f, nil
	}
	return pick(true), nil
}
