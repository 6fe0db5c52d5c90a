package dict

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

// Nouns indexes noun events by upper-cased lemma.
type Nouns map[string]*NounEvent

// Add adds a noun event for each of the lemmas (upper-cased by Add).
func (n Nouns) Add(e *NounEvent, lemmas ...string) {
	for _, l := range lemmas {
		n[upper(l)] = e
	}
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
