package ner

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/annals/annals/event"
)

// ReadCoNLLU reads CoNLL-U with the entity layer of GUM in MISC
// (Entity=(3-person-...  ...  3)) and turns its named mentions into IOB2 tags
// over PER, ORG and LOC. GUM marks every mention, "a Swiss mathematician" as
// well as "Daniel Bernoulli"; a mention counts as a name when, after leading
// determiners, it starts and ends with a proper noun (UPOS PROPN), which is
// how UNER delimits names; a person's title before the name, which GUM
// attaches to it as nmod:desc or compound ("President", "NASA
// Administrator"), is left out, as UNER leaves titles out. Outer names win
// over names nested in them.
// Multiword-token ranges and empty nodes are skipped. name is used in errors.
func ReadCoNLLU(r io.Reader, name string) ([]event.Sentence, error) {
	var (
		out  []event.Sentence
		toks []string
		upos []string
		mods []bool // the token modifies a later token: deprel nmod:desc or compound, head after it
		ment []mention
		open = map[string][]openMention{}
		id   string
	)
	flush := func() {
		if len(toks) > 0 {
			tags := nameTags(upos, mods, ment)
			out = append(out, newSentence(len(out), id, toks, tags))
		}
		toks, upos, mods, ment, id = nil, nil, nil, nil, ""
		clear(open)
	}
	err := eachLine(r, name, "CoNLL-U", func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			flush()
			return nil
		}
		if s[0] == '#' {
			if v, found := strings.CutPrefix(s, "# sent_id = "); found {
				id = v
			}
			return nil
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return formatErr(name, line, "want 10 tab-separated columns, got %d", len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			return nil
		}
		if !isIndex(f[0]) {
			return formatErr(name, line, "bad token index %q", clip(f[0]))
		}
		i := len(toks)
		toks = append(toks, f[1])
		upos = append(upos, f[3])
		head, _ := strconv.Atoi(f[6])
		self, _ := strconv.Atoi(f[0])
		mods = append(mods, head > self && (f[7] == "nmod:desc" || f[7] == "compound"))
		if err := readEntities(f[9], i, open, &ment); err != nil {
			return formatErr(name, line, "%v", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// mention is one closed entity mention over tokens first..last.
type mention struct {
	label       string // PER, ORG, LOC or "" for other types
	first, last int
}

type openMention struct {
	label string
	first int
}

// readEntities parses the Entity= value of a MISC column at token i:
// openings "(ID-type-..." (closed on the same token when followed by ")")
// and closings "ID)", in any number.
func readEntities(misc string, i int, open map[string][]openMention, ment *[]mention) error {
	var v string
	for _, kv := range strings.Split(misc, "|") {
		if e, ok := strings.CutPrefix(kv, "Entity="); ok {
			v = e
			break
		}
	}
	for v != "" {
		switch {
		case v[0] == '(':
			end := strings.IndexAny(v[1:], "()")
			attrs := v[1:]
			if end >= 0 {
				attrs = v[1 : 1+end]
			}
			id, rest, ok := strings.Cut(attrs, "-")
			if !ok || id == "" {
				return fmt.Errorf("bad entity %q", clip(attrs))
			}
			typ, _, _ := strings.Cut(rest, "-")
			lab := Label(typ)
			if end >= 0 && v[1+end] == ')' {
				*ment = append(*ment, mention{lab, i, i})
				v = v[2+end:]
				continue
			}
			open[id] = append(open[id], openMention{lab, i})
			if end < 0 {
				return nil
			}
			v = v[1+end:]
		default:
			end := strings.IndexByte(v, ')')
			if end <= 0 {
				return fmt.Errorf("bad entity closing %q", clip(v))
			}
			id := v[:end]
			st := open[id]
			if len(st) == 0 {
				return fmt.Errorf("entity %q closed but not open", clip(id))
			}
			o := st[len(st)-1]
			open[id] = st[:len(st)-1]
			*ment = append(*ment, mention{o.label, o.first, i})
			v = v[end+1:]
		}
	}
	return nil
}

// nameTags turns the named mentions among ment into IOB2 tags; mods marks
// the tokens that modify a later token as titles do.
func nameTags(upos []string, mods []bool, ment []mention) []string {
	tags := make([]string, len(upos))
	for i := range tags {
		tags[i] = "O"
	}
	type span struct {
		label       string
		first, last int
	}
	var names []span
	for _, m := range ment {
		if m.label == "" || m.last >= len(upos) {
			continue
		}
		f := m.first
		for f <= m.last && upos[f] == "DET" {
			f++
		}
		if m.label == "PER" {
			for f < m.last && mods[f] {
				f++
			}
		}
		if f > m.last || upos[f] != "PROPN" || upos[m.last] != "PROPN" {
			continue
		}
		names = append(names, span{m.label, f, m.last})
	}
	// Longest first, so that an outer name claims its tokens before the
	// names nested in it.
	for n := len(upos); n > 0; n-- {
		for _, s := range names {
			if s.last-s.first+1 != n {
				continue
			}
			free := true
			for j := s.first; j <= s.last; j++ {
				free = free && tags[j] == "O"
			}
			if !free {
				continue
			}
			tags[s.first] = "B-" + s.label
			for j := s.first + 1; j <= s.last; j++ {
				tags[j] = "I-" + s.label
			}
		}
	}
	return tags
}
