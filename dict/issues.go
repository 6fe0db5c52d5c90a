package dict

import (
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Issues finds issue codes (EDUCATION, ...) in a sentence, as in
// Phoenix.IssueCoding.txt: "<ISSUE CATEGORY=... TYPE=...>" blocks of
// "phrase [CODE]" lines, where "n:word" also matches the word's plural,
// "a+b" matches "a b" and "a-b", and a line "~phrase" cancels issue coding
// wherever the phrase occurs.
type Issues struct {
	phrases []issuePhrase
	ignore  [][]string
}

type issuePhrase struct {
	alts [][]string // word sequences that match
	code string
}

// Load adds the issues read from r.
func (d *Issues) Load(r io.Reader, file string) error {
	lines, errs := readLines(r, file)
	var pending []string // phrases without a code take the next line's code
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" || strings.HasPrefix(t, "<") {
			continue
		}
		if strings.HasPrefix(t, "~") {
			d.ignore = append(d.ignore, strings.Fields(strings.ToUpper(t[1:])))
			continue
		}
		phrase, code, _, ok, err := splitCode(t)
		if err != nil {
			errs = append(errs, &LineError{file, l.n, err})
			continue
		}
		if !ok {
			pending = append(pending, phrase)
			continue
		}
		for _, p := range append(pending, phrase) {
			d.add(p, code)
		}
		pending = nil
	}
	for range pending {
		errs = append(errs, errors.New("dict: "+file+": issue phrases without [CODE] at the end of the file"))
		break
	}
	return joinErrors(errs)
}

func (d *Issues) add(phrase, code string) {
	alts := [][]string{nil}
	for _, w := range strings.Fields(strings.ToUpper(phrase)) {
		var forms []string
		noun := strings.HasPrefix(w, "N:")
		w = strings.TrimPrefix(strings.TrimPrefix(w, "N:"), "V:")
		if strings.Contains(w, "+") {
			forms = append(forms, strings.ReplaceAll(w, "+", "-"), strings.ReplaceAll(w, "+", " "))
		} else {
			forms = append(forms, w)
		}
		if noun {
			for _, f := range forms {
				forms = append(forms, pluralPhrase(f))
			}
		}
		var next [][]string
		for _, a := range alts {
			for _, f := range forms {
				seq := append(append([]string(nil), a...), strings.Fields(f)...)
				next = append(next, seq)
			}
		}
		alts = next
	}
	d.phrases = append(d.phrases, issuePhrase{alts: alts, code: code})
}

// Find returns the issue codes found in the upper-cased words, each with
// its count, sorted by code.
func (d *Issues) Find(words []string) map[string]int {
	for _, ig := range d.ignore {
		if indexSeq(words, ig) >= 0 {
			return nil
		}
	}
	var out map[string]int
	for _, p := range d.phrases {
		for _, a := range p.alts {
			for i := 0; ; {
				k := indexSeq(words[i:], a)
				if k < 0 {
					break
				}
				if out == nil {
					out = map[string]int{}
				}
				out[p.code]++
				i += k + len(a)
			}
		}
	}
	return out
}

// IssueString formats issue counts as PETRARCH does: "CODE,n;CODE,n".
func IssueString(m map[string]int) string {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b strings.Builder
	for i, c := range codes {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(c)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(m[c]))
	}
	return b.String()
}

func indexSeq(words, seq []string) int {
	if len(seq) == 0 {
		return -1
	}
	for i := 0; i+len(seq) <= len(words); i++ {
		ok := true
		for k := range seq {
			if words[i+k] != seq[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
