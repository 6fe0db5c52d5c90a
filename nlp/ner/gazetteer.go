package ner

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/annals/annals/nlp/perceptron"
)

// Gazetteer categories, one bit each; a name may be in several.
const (
	gazCountry = 1 << iota // country names and their GeoNames spellings
	gazCity                // GeoNames populated places
	gazBigCity             // populated places of a million people or more
	gazRegion              // first-level administrative divisions
	gazDemonym             // nationality adjectives ("Iraqi"), which UNER leaves O
	// gazActor marks the names of actors in the caller's dictionaries
	// (people, organisations and places that stand for a government, all
	// of one country: "Barham Salih", "State Department"); gazActorGroup
	// those of actors of no country (international organisations, armed
	// groups: "IAEA", "Hezbollah").
	gazActor      = 1 << 7 // above the position bits (gazPosShift), which models before these two read there
	gazActorGroup = 1 << 8
)

// ActorName is a name of a known actor, as its words, for
// Gazetteer.WithActors.
type ActorName struct {
	Words []string
	Group bool // the actor belongs to no country (an international organisation, an armed group)
}

// Gazetteer holds place names and demonyms, matched against token
// sequences case-insensitively.
type Gazetteer struct {
	names map[string]uint16 // lower-cased name, tokens joined by one space -> categories
	// seq maps the hash of a lower-cased token sequence to its categories,
	// with gazPrefix set when a longer name starts with it.
	seq    map[uint64]uint16
	maxLen int
}

// gazPrefix marks a token sequence that begins a longer name.
const gazPrefix = 1 << 15

// gazPosShift is where match puts a token's position in its name (2
// bits), between the first categories and the actor ones.
const gazPosShift = 5

// BuildGazetteer derives the gazetteer from the GeoNames extracts in
// geonamesDir (countryInfo.txt, cities15000.txt, admin1CodesASCII.txt; CC BY
// 4.0) and the nationality adjectives in countriesDir (mordecai.nat_df.csv,
// MIT).
func BuildGazetteer(geonamesDir, countriesDir string) (*Gazetteer, error) {
	names := map[string]uint16{}
	add := func(name string, cat uint16) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		names[strings.Join(nameTokens(name), " ")] |= cat
	}
	err := eachRow(filepath.Join(geonamesDir, "countryInfo.txt"), 6, '\t', func(f []string) {
		add(f[4], gazCountry)
		add(f[5], gazCity)
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(filepath.Join(geonamesDir, "cities15000.txt"), 15, '\t', func(f []string) {
		cat := uint16(gazCity)
		if pop, _ := strconv.Atoi(f[14]); pop >= 1_000_000 {
			cat |= gazBigCity
		}
		add(f[1], cat)
		add(f[2], cat)
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(filepath.Join(geonamesDir, "admin1CodesASCII.txt"), 3, '\t', func(f []string) {
		add(f[1], gazRegion)
		add(f[2], gazRegion)
	})
	if err != nil {
		return nil, err
	}
	// A few rows of this file lack their comma ("BermudianBMU"); they are
	// skipped rather than failing the build.
	err = eachRow(filepath.Join(countriesDir, "mordecai.nat_df.csv"), 1, ',', func(f []string) {
		if len(f) == 2 && f[0] != "nationality" {
			add(f[0], gazDemonym)
		}
	})
	if err != nil {
		return nil, err
	}
	return newGazetteer(names), nil
}

// eachRow calls fn with the fields of every line of a delimited file that
// has at least min fields and does not start with '#'.
func eachRow(path string, min int, sep byte, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		fields := strings.Split(l, string(sep))
		if len(fields) < min {
			return fmt.Errorf("%s:%d: gazetteer: want %d fields, got %d", path, line, min, len(fields))
		}
		fn(fields)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: gazetteer: %w", path, line, err)
	}
	return nil
}

// nameTokens splits a name the way UD English tokenizes it: at spaces, and
// around hyphens, commas and parentheses.
func nameTokens(name string) []string {
	var toks []string
	for _, w := range strings.Fields(name) {
		start := 0
		for i := 0; i < len(w); i++ {
			if strings.IndexByte("-,()/", w[i]) >= 0 {
				if i > start {
					toks = append(toks, w[start:i])
				}
				toks = append(toks, w[i:i+1])
				start = i + 1
			}
		}
		if start < len(w) {
			toks = append(toks, w[start:])
		}
	}
	for i, t := range toks {
		toks[i] = strings.ToLower(t)
	}
	return toks
}

// WithActors returns a gazetteer with g's names (g may be nil) and the
// given actor names. A name with a hyphen is added as UD English splits it
// ("al - qaeda") and as annals' tokenizer leaves it ("al-qaeda").
func (g *Gazetteer) WithActors(actors []ActorName) *Gazetteer {
	names := map[string]uint16{}
	if g != nil {
		maps.Copy(names, g.names)
	}
	for _, a := range actors {
		cat := uint16(gazActor)
		if a.Group {
			cat = gazActorGroup
		}
		name := strings.Join(a.Words, " ")
		if split := strings.Join(nameTokens(name), " "); split != "" {
			names[split] |= cat
		}
		if whole := strings.ToLower(strings.Join(strings.Fields(name), " ")); whole != "" {
			names[whole] |= cat
		}
	}
	return newGazetteer(names)
}

func newGazetteer(names map[string]uint16) *Gazetteer {
	g := &Gazetteer{names: names, seq: make(map[uint64]uint16, len(names)*2)}
	for name, cat := range names {
		toks := strings.Split(name, " ")
		g.maxLen = max(g.maxLen, len(toks))
		h := uint64(0)
		for i, t := range toks {
			h = seqHash(h, perceptron.String(t))
			if i < len(toks)-1 {
				g.seq[h] |= gazPrefix
			} else {
				g.seq[h] |= cat
			}
		}
	}
	return g
}

func seqHash(h, tok uint64) uint64 { return perceptron.Hash(0x6a7, h, tok, 0) }

// Len returns the number of names.
func (g *Gazetteer) Len() int { return len(g.names) }

// sortedNames returns "categories name" entries in a stable order for saving.
func (g *Gazetteer) sortedNames() []string {
	out := make([]string, 0, len(g.names))
	for n := range g.names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// match sets gaz[i] for every token covered by the longest name starting at
// each position: the name's categories in the low bits and its BILU
// position (0-3) at gazPosShift. lower holds the tokens' lower-case hashes.
func (g *Gazetteer) match(lower []uint64, gaz []uint16) {
	clear(gaz)
	for i := 0; i < len(lower); {
		h := uint64(0)
		bestLen, bestCat := 0, uint16(0)
		for j := i; j < len(lower) && j-i < g.maxLen; j++ {
			h = seqHash(h, lower[j])
			c, ok := g.seq[h]
			if !ok {
				break
			}
			if c&^gazPrefix != 0 {
				bestLen, bestCat = j-i+1, c&^gazPrefix
			}
			if c&gazPrefix == 0 {
				break
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		for k := 0; k < bestLen; k++ {
			pos := uint16(1) // inside
			switch {
			case bestLen == 1:
				pos = 3
			case k == 0:
				pos = 0
			case k == bestLen-1:
				pos = 2
			}
			gaz[i+k] = bestCat | pos<<gazPosShift
		}
		i += bestLen
	}
}
