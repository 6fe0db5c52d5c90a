package dict

import "strings"

// NounEvent is an event named by a noun ("the assassination of X", "a
// meeting between X and Y"): its possessor or "by" phrase is the source,
// its "of", "on", "against", "with" or "between" phrase the target.
type NounEvent struct {
	Code  string
	Code2 string // reciprocal code, as in "[A:B]"
	Noun  string // as written in the dictionary
	File  string
	Line  int
}

// Nouns holds the events named by nouns, the nouns that frame them and the
// verbs that do them.
type Nouns struct {
	// Events indexes noun events by upper-cased lemma, and compounds by
	// their modifier and head ("HUNGER STRIKE").
	Events map[string]*NounEvent
	// Frames are nouns that stand for the event noun they frame: "effort"
	// in "a mediation effort", "statement" in "statements of
	// condemnation".
	Frames map[string]bool
	// Support maps a support verb (upper-cased lemma, a particle joined
	// with "_": CARRY_OUT) to the CAMEO roots of the nouns it does, or to
	// nil for every noun: "imposed sanctions on Iran", "held talks with",
	// "had a phone conversation with" (have: 04 only).
	Support map[string][]string
	heads   map[string]bool // the support verbs' lemmas, particles aside
}

// NewNouns returns empty noun dictionaries.
func NewNouns() *Nouns {
	return &Nouns{Events: map[string]*NounEvent{}, Frames: map[string]bool{}, Support: map[string][]string{}}
}

// AddSupport makes verb (an upper-cased lemma, or lemma_PARTICLE) a
// support verb of the nouns of roots (nil: all).
func (n *Nouns) AddSupport(verb string, roots []string) {
	n.Support[verb] = roots
	if n.heads == nil {
		n.heads = map[string]bool{}
	}
	head, _, _ := strings.Cut(verb, "_")
	n.heads[head] = true
}

// SupportLemma reports whether some support verb has lemma (upper-cased)
// as its verb, so that a coder can skip other verbs cheaply.
func (n *Nouns) SupportLemma(lemma string) bool { return n != nil && n.heads[lemma] }

// Add adds a noun event for each of the lemmas (upper-cased by Add).
func (n *Nouns) Add(e *NounEvent, lemmas ...string) {
	for _, l := range lemmas {
		n.Events[upper(l)] = e
	}
}

// Event returns the event of an upper-cased lemma or compound, or nil.
func (n *Nouns) Event(key string) *NounEvent {
	if n == nil {
		return nil
	}
	return n.Events[key]
}

// Supports reports whether verb (an upper-cased lemma, or lemma_PARTICLE)
// does the events of code's root when its object names them.
func (n *Nouns) Supports(verb, code string) bool {
	if n == nil {
		return false
	}
	roots, ok := n.Support[verb]
	if !ok {
		return false
	}
	if roots == nil {
		return true
	}
	for _, r := range roots {
		if strings.HasPrefix(code, r) {
			return true
		}
	}
	return false
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
