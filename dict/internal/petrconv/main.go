// Command petrconv converts a PETRARCH-2 verb dictionary (CAMEO.2.0.txt,
// MIT, ../shared/anchors/petrarch2/dictionaries) into annals' verbs.txt and
// synsets.txt format, and merges the result with annals' own files: annals'
// lines win, converted lines that would repeat or contradict them are left
// out. It writes the merged verbs.txt and synsets.txt to -out.
//
//	go run ./dict/internal/petrconv -petrarch ../shared/anchors/petrarch2/dictionaries/CAMEO.2.0.txt \
//	    -annals dict/data -out /tmp/dicts -roots 04,05 -kinds verbs,patterns
//
// What PETRARCH's syntax says that annals' cannot is left out and counted:
// patterns with words before the verb ("- MARKET * [---]"), multiword
// verbs whose inflected word is not the first ("WIRE_+TAP"), and codes
// outside the CAMEO table. PETRARCH's stems ("AID" also matches "AIDS")
// become whole words, matched on text or lemma as annals matches.
// Imported synonym sets are renamed &P2_NAME so that they never mix with
// annals' own.
//
// -roots keeps the lines whose code has one of the roots (a pattern's own
// code; a verb's code); -kinds keeps the verbs' own codes ("verbs"), the
// patterns of lemmas annals already lists ("patterns"), and the patterns
// of lemmas it does not ("newpatterns"). docs/dictionaries.md records which
// parts annals keeps and why.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annals/annals/cameo"
)

func main() {
	petr := flag.String("petrarch", "", "PETRARCH-2 verb dictionary `FILE` (CAMEO.2.0.txt)")
	annals := flag.String("annals", "dict/data", "annals dictionary `DIR` whose verbs.txt and synsets.txt the result extends")
	out := flag.String("out", "", "`DIR` to write the merged verbs.txt and synsets.txt to")
	roots := flag.String("roots", "", "comma-separated CAMEO roots or code prefixes to take (default: all)")
	kinds := flag.String("kinds", "verbs,patterns,newpatterns", "what to take: verbs, patterns, newpatterns")
	flag.Parse()
	if *petr == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*petr, *annals, *out, filter{roots: split(*roots), kinds: split(*kinds)}); err != nil {
		fmt.Fprintln(os.Stderr, "petrconv:", err)
		os.Exit(1)
	}
}

func split(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			m[f] = true
		}
	}
	return m
}

func run(petrFile, annalsDir, outDir string, f filter) error {
	pf, err := os.Open(petrFile)
	if err != nil {
		return err
	}
	defer pf.Close()
	d, err := parse(pf)
	if err != nil {
		return fmt.Errorf("%s: %w", petrFile, err)
	}
	verbs, err := os.ReadFile(filepath.Join(annalsDir, "verbs.txt"))
	if err != nil {
		return err
	}
	synsets, err := os.ReadFile(filepath.Join(annalsDir, "synsets.txt"))
	if err != nil {
		return err
	}
	mv, ms, st := merge(d, string(verbs), string(synsets), f)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "verbs.txt"), []byte(mv), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "synsets.txt"), []byte(ms), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, st)
	return nil
}

// petrDict is what the converter reads of a PETRARCH-2 verb dictionary.
type petrDict struct {
	synsets map[string][]string // name → members, annals-style ("multi word")
	blocks  []*petrBlock
}

type petrBlock struct {
	name, code string
	verbs      []petrVerb
	patterns   []petrPattern
}

type petrVerb struct {
	lemma string   // annals-style: "call_off"
	forms []string // irregular forms of the head word
	code  string   // own code, "" for the block's
	bad   bool     // a form annals cannot express
}

type petrPattern struct {
	pre, post string // PETRARCH elements before and after "*"
	code      string
}

// parse reads a PETRARCH-2 verb dictionary.
func parse(r io.Reader) (*petrDict, error) {
	d := &petrDict{synsets: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var block *petrBlock
	synset := ""
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		if t == "" {
			synset = ""
			continue
		}
		switch {
		case strings.HasPrefix(t, "&"):
			synset = strings.TrimRight(strings.Fields(t)[0][1:], "_")
			block = nil
		case synset != "" && strings.HasPrefix(t, "+"):
			d.synsets[synset] = append(d.synsets[synset], phrase(t[1:]))
		case strings.HasPrefix(t, "---"):
			name, code, ok := codeOf(strings.TrimSpace(strings.Trim(t, "-")))
			if !ok {
				return nil, fmt.Errorf("line %d: block header %q", n, t)
			}
			block = &petrBlock{name: name, code: code}
			d.blocks = append(d.blocks, block)
			synset = ""
		case block == nil || strings.HasPrefix(t, "~"):
			// transformations, and anything before the first block
		case strings.HasPrefix(t, "-"):
			body, code, ok := codeOf(t[1:])
			pre, post, star := strings.Cut(body, "*")
			if !ok || !star {
				return nil, fmt.Errorf("line %d: pattern %q", n, t)
			}
			block.patterns = append(block.patterns, petrPattern{pre: strings.TrimSpace(pre), post: strings.TrimSpace(post), code: code})
		default:
			block.verbs = append(block.verbs, verbLine(t))
		}
	}
	return d, sc.Err()
}

// codeOf splits "TEXT [CODE]" into its text and code.
func codeOf(s string) (text, code string, ok bool) {
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i {
		return strings.TrimSpace(s), "", true
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : j]), true
}

// verbLine reads "VERB {FORMS} [CODE]".
func verbLine(t string) petrVerb {
	rest, code, _ := codeOf(t)
	var forms []string
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest, '}')
		if j > i {
			forms = strings.Fields(rest[i+1 : j])
		}
		rest = rest[:i]
	}
	base := strings.TrimSpace(rest)
	v := petrVerb{code: code}
	words := strings.Split(base, "_")
	for k, w := range words {
		if strings.HasPrefix(w, "+") && k > 0 {
			v.bad = true // the inflected word is not the first
		}
		words[k] = strings.ToLower(strings.TrimPrefix(w, "+"))
	}
	v.lemma = strings.Join(words, "_")
	if strings.ContainsAny(v.lemma, " {}()&") || v.lemma == "" {
		v.bad = true
	}
	for _, f := range forms {
		head, _, _ := strings.Cut(strings.TrimPrefix(f, "+"), "_")
		v.forms = append(v.forms, strings.ToLower(head))
	}
	return v
}

// phrase turns a PETRARCH phrase ("CASH_", "HUMAN_RIGHTS") into annals'
// synonym-set member ("cash", "human rights").
func phrase(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.ReplaceAll(strings.TrimRight(strings.TrimSpace(s), "_"), "_", " ")))
}

// pattern turns PETRARCH pattern elements into annals' ("{SHARP JAB}",
// "(WITH WARNING)", "&FOOD", "CASH_"), renaming synonym sets.
func pattern(s string, rename func(string) string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		open := strings.TrimLeft(f, "{(")
		lead := f[:len(f)-len(open)]
		word := strings.TrimRight(open, "})")
		trail := open[len(word):]
		if strings.HasPrefix(word, "&") {
			word = "&" + rename(strings.TrimRight(word[1:], "_"))
		} else {
			word = strings.ToLower(strings.TrimSuffix(word, "_"))
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lead + word + trail)
	}
	return b.String()
}

// filter says which converted lines to keep.
type filter struct {
	roots, kinds map[string]bool
}

// root reports whether f takes code: one of its roots, or codes under a
// longer prefix of -roots ("051").
func (f filter) root(code string) bool {
	if len(f.roots) == 0 || code == "---" {
		return true
	}
	for n := 2; n <= len(code); n++ {
		if f.roots[code[:n]] {
			return true
		}
	}
	return false
}

// stats counts what the conversion did.
type stats struct {
	verbs, patterns, irregular, synsets            int
	prePatterns, badVerbs, badCodes, dup, conflict int
}

func (s stats) String() string {
	return fmt.Sprintf("converted: %d verb codes, %d patterns, %d irregular verbs, %d synonym sets; left out: %d patterns with words before the verb, %d verbs annals cannot write, %d codes outside CAMEO, %d lines annals has, %d lines annals codes otherwise",
		s.verbs, s.patterns, s.irregular, s.synsets, s.prePatterns, s.badVerbs, s.badCodes, s.dup, s.conflict)
}

// annalsVerbs is what merge needs of annals' verbs.txt.
type annalsVerbs struct {
	lines  map[string]string // "lemma pattern" → code
	lemmas map[string]bool
	irreg  map[string]bool // head words with "=" lines
}

func readAnnals(text string) annalsVerbs {
	a := annalsVerbs{lines: map[string]string{}, lemmas: map[string]bool{}, irreg: map[string]bool{}}
	for _, l := range strings.Split(text, "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		f := strings.Fields(strings.ToLower(l))
		if len(f) < 2 {
			continue
		}
		if f[0] == "=" {
			a.irreg[strings.TrimSpace(f[1])] = true
			continue
		}
		a.lines[strings.Join(f[1:], " ")] = f[0]
		a.lemmas[f[1]] = true
	}
	return a
}

// merge returns annals' verbs.txt and synsets.txt extended with the
// converted lines f keeps.
func merge(d *petrDict, verbs, synsets string, f filter) (string, string, stats) {
	var st stats
	a := readAnnals(verbs)
	used := map[string]bool{}
	rename := func(name string) string {
		used[name] = true
		return "P2_" + name
	}
	type line struct{ lemma, text string }
	var out []line
	seen := map[string]bool{}
	heads := map[string]bool{} // head words of the lemmas written
	add := func(code, lemma, pat string) {
		key := strings.TrimSpace(lemma + " " + pat)
		if seen[key] {
			return
		}
		if old, ok := a.lines[key]; ok {
			if old == code {
				st.dup++
			} else {
				st.conflict++
			}
			return
		}
		seen[key] = true
		head, _, _ := strings.Cut(lemma, "_")
		heads[head] = true
		out = append(out, line{lemma, strings.TrimSpace(fmt.Sprintf("%-6s %s %s", code, lemma, pat))})
	}
	irregular := map[string][]string{} // head word → its irregular forms
	for _, b := range d.blocks {
		for _, v := range b.verbs {
			if v.bad {
				st.badVerbs++
				continue
			}
			known := a.lemmas[v.lemma]
			code := v.code
			if code == "" {
				code = b.code
			}
			if f.kinds["verbs"] && code != "" && code != "---" && f.root(code) {
				if !validCode(code) {
					st.badCodes++
				} else if _, own := a.lines[v.lemma]; !own {
					add(code, v.lemma, "")
					st.verbs++
				}
			}
			if known && f.kinds["patterns"] || !known && f.kinds["newpatterns"] {
				for _, p := range b.patterns {
					if p.pre != "" {
						st.prePatterns++
						continue
					}
					if p.post == "" || !f.root(p.code) {
						continue
					}
					if !validCode(p.code) {
						st.badCodes++
						continue
					}
					before := len(out)
					add(p.code, v.lemma, pattern(p.post, rename))
					if len(out) > before {
						st.patterns++
					}
				}
			}
			if head, _, _ := strings.Cut(v.lemma, "_"); !a.irreg[head] {
				irregular[head] = append(irregular[head], uniq(v.forms, head)...)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lemma < out[j].lemma })
	var vb strings.Builder
	vb.WriteString(strings.TrimRight(verbs, "\n"))
	vb.WriteString("\n\n# --- converted from PETRARCH-2's CAMEO.2.0 verb dictionary (MIT, Open Event Data\n# Alliance) by dict/internal/petrconv; see docs/dictionaries.md --------------\n")
	for _, l := range out {
		vb.WriteString(l.text + "\n")
	}
	var irregHeads []string
	for h, forms := range irregular {
		if heads[h] && len(uniq(forms, h)) > 0 {
			irregHeads = append(irregHeads, h)
		}
	}
	sort.Strings(irregHeads)
	for _, h := range irregHeads {
		vb.WriteString("= " + h + " | " + strings.Join(uniq(irregular[h], h), " | ") + "\n")
		st.irregular++
	}
	var sb strings.Builder
	sb.WriteString(strings.TrimRight(synsets, "\n"))
	var names []string
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 0 {
		sb.WriteString("\n\n# --- converted from PETRARCH-2's CAMEO.2.0 (MIT) by dict/internal/petrconv ---\n")
	}
	for _, n := range names {
		members := uniq(d.synsets[n], "")
		if len(members) == 0 {
			members = []string{"p2-" + strings.ToLower(n)} // an undefined set matches nothing
		}
		fmt.Fprintf(&sb, "&P2_%s  %s\n", n, strings.Join(members, " | "))
		st.synsets++
	}
	sb.WriteString("\n")
	return vb.String(), sb.String(), st
}

func validCode(code string) bool {
	c1, c2, _ := strings.Cut(code, ":")
	return (c1 == "---" || cameo.Valid(c1)) && (c2 == "" || c2 == "---" || cameo.Valid(c2))
}

// uniq returns the distinct entries of l other than skip, in order.
func uniq(l []string, skip string) []string {
	seen := map[string]bool{skip: true}
	var out []string
	for _, s := range l {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
