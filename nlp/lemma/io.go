package lemma

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/nlp/internal/modelfile"
)

const magic = "annals-lemma-1"

// header is the first line of a model file: the magic and a newline.
const header = magic + "\n"

// ErrFormat reports a file that is not a lemmatizer model.
var ErrFormat = errors.New("lemma: not a lemmatizer model")

// Save writes the lemmatizer gzipped, as text lines: "R tag suffix strip
// add" for rules and "X tag word lemma" for exceptions, tab-separated.
func (l *Lemmatizer) Save(w io.Writer) error {
	return modelfile.Write(w, header, l.encode)
}

// encode writes what follows the magic line: the rules, then the
// exceptions.
func (l *Lemmatizer) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, k := range sortedKeys(l.rules) {
		tag, suf, _ := strings.Cut(k, "\x00")
		r := l.rules[k]
		fmt.Fprintf(bw, "R\t%s\t%s\t%d\t%s\n", tag, suf, r.strip, r.add)
	}
	for _, k := range sortedKeys(l.exceptions) {
		tag, word, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(bw, "X\t%s\t%s\t%s\n", tag, word, l.exceptions[k])
	}
	return bw.Flush()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Load reads a lemmatizer written by Save. Corrupt input gives an error
// naming the line, never a panic.
func Load(r io.Reader) (*Lemmatizer, error) {
	return modelfile.Read(r, header, ErrFormat, decode)
}

// decode reads what encode wrote; the magic line is line 1.
func decode(br *bufio.Reader) (*Lemmatizer, error) {
	sc := bufio.NewScanner(br)
	l := &Lemmatizer{rules: map[string]rule{}, exceptions: map[string]string{}, english: englishRules()}
	line := 1
	for sc.Scan() {
		line++
		t := sc.Text()
		f := strings.Split(t, "\t")
		bad := func(why string) error { return fmt.Errorf("%w: line %d: %s", ErrFormat, line, why) }
		if !utf8.ValidString(t) {
			return nil, bad("invalid UTF-8")
		}
		switch {
		case len(f) == 5 && f[0] == "R":
			n, err := strconv.Atoi(f[3])
			if err != nil || n < 0 || n > 64 {
				return nil, bad("bad strip count")
			}
			l.rules[f[1]+"\x00"+f[2]] = rule{strip: n, add: f[4]}
		case len(f) == 4 && f[0] == "X":
			l.exceptions[f[1]+"\x00"+f[2]] = f[3]
		default:
			return nil, bad("want a rule or an exception")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return l, nil
}
