package dict

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Agent is a role word ("police", "foreign minister") and the code it
// adds to the actor it qualifies.
type Agent struct {
	Code   string // role code, e.g. "GOV", "COP", "NGO"
	Prefix bool   // "[NGO~]": goes before the actor code; "[~GOV]": after
	File   string
	Line   int
}

// Agents is an agent dictionary, indexed by first word. Every phrase is
// stored with its plural forms, so matching is exact.
type Agents struct {
	byFirst map[string][]agentPhrase
	Count   int
}

type agentPhrase struct {
	words []string
	agent *Agent
}

// NewAgents returns an empty agent dictionary.
func NewAgents() *Agents { return &Agents{byFirst: map[string][]agentPhrase{}} }

// Load adds the agents read from r. Lines are "PHRASE {PLURALS} [CODE]" or
// substitution sets "!NAME! = WORD, WORD"; a phrase may hold "!NAME!",
// which stands for each word of the set. Without "{...}" the regular
// English plural of the last word is added; "{}" adds none.
func (d *Agents) Load(r io.Reader, file string) error {
	lines, errs := readLines(r, file)
	subs := map[string][]string{}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			name, vals, _ := strings.Cut(t, "=")
			name = strings.ToUpper(strings.TrimSpace(name))
			for _, v := range strings.Split(vals, ",") {
				if v = strings.ToUpper(strings.TrimSpace(v)); v != "" {
					subs[name] = append(subs[name], v)
				}
			}
			continue
		}
		phrase, code, _, ok, err := splitCode(t)
		if err == nil && !ok {
			err = errors.New("agent without [CODE]")
		}
		if err != nil {
			errs = append(errs, &LineError{file, l.n, err})
			continue
		}
		var plurals []string
		explicit := false
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase, '}')
			if j < i {
				errs = append(errs, &LineError{file, l.n, errors.New("unclosed '{'")})
				continue
			}
			explicit = true
			plurals = strings.Fields(phrase[i+1 : j])
			phrase = strings.TrimSpace(phrase[:i] + phrase[j+1:])
		}
		code = strings.ToUpper(strings.ReplaceAll(code, " ", ""))
		a := &Agent{File: file, Line: l.n}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = code[:len(code)-1], true
		default:
			a.Code = code
		}
		if a.Code == "" || phrase == "" {
			errs = append(errs, &LineError{file, l.n, fmt.Errorf("bad agent line %q", t)})
			continue
		}
		d.Count++
		forms, err := expandSubs(strings.ToUpper(phrase), subs)
		if err != nil {
			errs = append(errs, &LineError{file, l.n, err})
			continue
		}
		for _, f := range forms {
			d.add(f, a)
			if !explicit {
				d.add(pluralPhrase(f), a)
			}
		}
		for _, p := range plurals {
			pf, err := expandSubs(strings.ToUpper(p), subs)
			if err != nil {
				errs = append(errs, &LineError{file, l.n, err})
				continue
			}
			for _, f := range pf {
				d.add(f, a)
			}
		}
	}
	return joinErrors(errs)
}

// expandSubs replaces each !NAME! in phrase by every word of its set.
func expandSubs(phrase string, subs map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed substitution in %q", phrase)
	}
	name := phrase[i : i+j+2]
	vals, ok := subs[name]
	if !ok {
		return nil, fmt.Errorf("unknown substitution set %s", name)
	}
	var out []string
	for _, v := range vals {
		rest, err := expandSubs(phrase[:i]+v+phrase[i+j+2:], subs)
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
	}
	return out, nil
}

func (d *Agents) add(phrase string, a *Agent) {
	var words []string
	for _, w := range parsePhrase(phrase, false) {
		words = append(words, w.Text)
	}
	if len(words) == 0 {
		return
	}
	d.byFirst[words[0]] = append(d.byFirst[words[0]], agentPhrase{words: words, agent: a})
}

// pluralPhrase returns phrase with its last word in the regular plural.
func pluralPhrase(phrase string) string {
	phrase = strings.TrimRight(phrase, "_ ")
	i := strings.LastIndexAny(phrase, "_ ") + 1
	return phrase[:i] + Plural(phrase[i:])
}

// Plural returns the regular English plural of an upper-case noun.
func Plural(w string) string {
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}

// AgentMatch is an agent phrase found in a word sequence.
type AgentMatch struct {
	Agent      *Agent
	Start, End int
}

// Match returns the longest agent phrase starting at words[i].
func (d *Agents) Match(words []string, i int) (m AgentMatch, ok bool) {
	best := 0
	for _, c := range d.byFirst[words[i]] {
		n := len(c.words)
		if n <= best || i+n > len(words) {
			continue
		}
		match := true
		for k, w := range c.words {
			if words[i+k] != w {
				match = false
				break
			}
		}
		if match {
			best = n
			m = AgentMatch{Agent: c.agent, Start: i, End: i + n}
		}
	}
	return m, best > 0
}
