package dict

import (
	"fmt"
	"strings"
)

// Sense is a set of word classes that tell the coder in which sense a
// verb is used: "attacked the plans" is criticism, "attacked the base"
// force, "shares shot up" no event at all (docs/coder.md, "Senses").
type Sense uint16

// The word classes of senses.txt.
const (
	// Violent words give a violent code (18x-20x) its sense wherever they
	// stand in the clause: weapons, casualties, armed force, and the
	// verbs that always harm someone ("kill", "stab").
	Violent Sense = 1 << iota
	// Target words are what force is used on: buildings, vehicles,
	// positions, unarmed people.
	Target
	// Opinion words are what one criticises: plans, policies, remarks,
	// a record. A verbal verb on them is criticism (111).
	Opinion
	// Abstract words are no physical thing: levels, records, forecasts,
	// tasks. A violent verb on them is figurative.
	Abstract
	// Output words are what people and firms produce, publish or
	// charge (figures, results, songs, software, fees): releasing,
	// closing or seizing them is no yield and no coercion.
	Output
	// Inert words name things that cannot act, natural forces among them
	// (markets, currencies, figures, earthquakes, accidents): a phrase
	// headed by one is no actor, whatever country modifies it.
	Inert
	// Sport words mark a contest: a sentence or story full of them
	// reports games, where countries are teams and "beat" is winning.
	Sport
	// Verbal verbs have a figurative sense of criticism: "attack",
	// "hit out", "slam".
	Verbal
)

// senseNames maps the class names of senses.txt to their bits.
var senseNames = map[string]Sense{
	"violent": Violent, "target": Target, "opinion": Opinion, "abstract": Abstract,
	"output": Output, "inert": Inert, "sport": Sport, "verbal": Verbal,
}

// Senses maps upper-cased words and lemmas to their classes.
type Senses map[string]Sense

// Of returns the classes of a word given as its upper-cased text and
// lemma.
func (s Senses) Of(word, lemma string) Sense {
	if s == nil {
		return 0
	}
	return s[word] | s[lemma]
}

// sense reads "class  word | word | &SET": the words, and the one-word
// members of synonym sets, join the class.
func (l *annalsLoader) sense(ln annalsLine) {
	name, rest := splitHead(ln.text)
	class, ok := senseNames[name]
	if !ok {
		l.fail(ln.n, "unknown sense class %q (want one of violent, target, opinion, abstract, output, inert, sport, verbal)", name)
		return
	}
	words, err := alternatives(rest)
	if err != nil {
		l.fail(ln.n, "%v", err)
		return
	}
	for _, w := range words {
		if set, ok := strings.CutPrefix(w, "&"); ok {
			members, known := l.set.Verbs.Synsets[strings.ToUpper(set)]
			if !known {
				l.fail(ln.n, "unknown synonym set %s", w)
				continue
			}
			for _, m := range members {
				if len(m) == 1 && m[0].Kind == ElemWord {
					l.set.Senses[m[0].Word.Text] |= class
				}
			}
			continue
		}
		if strings.ContainsAny(w, " \t") {
			l.fail(ln.n, "%q: want one word (a form or a lemma; particle verbs with _)", w)
			continue
		}
		l.set.Senses[strings.ToUpper(w)] |= class
	}
}

// String names the classes of s, for messages and tests.
func (s Sense) String() string {
	var out []string
	for _, n := range []string{"violent", "target", "opinion", "abstract", "output", "inert", "sport", "verbal"} {
		if s&senseNames[n] != 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return fmt.Sprintf("Sense(%d)", uint16(s))
	}
	return strings.Join(out, "|")
}
