package ner

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/conllu"
)

// ReadUnlabelled reads text for cluster.Learn, one token list per sentence
// or line: CoNLL-U files (.conllu) give their tokens; CSV files (.csv) the
// column named "text"; JSON lines (.jsonl) the "text" field of each
// object; XML files (.xml) the content of <text> elements; SGML files
// (.sgm, Reuters-21578) the content of <BODY> elements, one line per
// article; a folder every .txt file under it; other files their lines.
// Raw text is split into words with splitWords.
func ReadUnlabelled(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("unlabelled text: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return readFolder(path)
	}
	var texts []string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".conllu":
		ss, err := conllu.ReadAll(f, path)
		if err != nil {
			return nil, err
		}
		out := make([][]string, len(ss))
		for i, s := range ss {
			for _, t := range s.Tokens {
				out[i] = append(out[i], t.Text)
			}
		}
		return out, nil
	case ".csv":
		texts, err = csvTexts(f, path)
	case ".xml":
		texts, err = xmlTexts(f, path)
	case ".jsonl":
		texts, err = jsonlTexts(f, path)
	case ".sgm":
		texts, err = sgmlBodies(f, path)
	default:
		var b []byte
		b, err = io.ReadAll(f)
		texts = []string{string(b)}
	}
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return nil, fmt.Errorf("%s: unlabelled text: invalid UTF-8", path)
		}
		for _, line := range strings.Split(t, "\n") {
			if ws := splitWords(line); len(ws) > 0 {
				out = append(out, ws)
			}
		}
	}
	return out, nil
}

// readFolder reads every .txt file under dir, in name order.
func readFolder(dir string) ([][]string, error) {
	var out [][]string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" {
			return err
		}
		s, err := ReadUnlabelled(p)
		out = append(out, s...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("unlabelled text: %w", err)
	}
	return out, nil
}

func jsonlTexts(r io.Reader, name string) ([]string, error) {
	var out []string
	err := eachLine(r, name, "JSON lines", func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		var v struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, v.Text)
		return nil
	})
	return out, err
}

// sgmlBodies returns the <BODY> elements of Reuters-21578 SGML, entities
// decoded and each article on one line (its lines are wrapped at about 70
// characters, which would cut the contexts of cluster.Learn).
func sgmlBodies(r io.Reader, name string) ([]string, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []string
	s := strings.ToValidUTF8(string(b), " ")
	for {
		i := strings.Index(s, "<BODY>")
		if i < 0 {
			return out, nil
		}
		s = s[i+len("<BODY>"):]
		j := strings.Index(s, "</BODY>")
		if j < 0 {
			return nil, fmt.Errorf("%s: <BODY> not closed", name)
		}
		body := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, html.UnescapeString(s[:j]))
		body = strings.TrimSuffix(strings.Join(strings.Fields(body), " "), " Reuter")
		out = append(out, body)
		s = s[j:]
	}
}

func csvTexts(r io.Reader, name string) ([]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: CSV header: %w", name, err)
	}
	col := -1
	for i, h := range head {
		if strings.TrimPrefix(h, "\ufeff") == "text" {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("%s: CSV has no text column", name)
	}
	var out []string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if col < len(rec) {
			out = append(out, rec[col])
		}
	}
}

func xmlTexts(r io.Reader, name string) ([]string, error) {
	d := xml.NewDecoder(r)
	var out []string
	in := false
	var b strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "text" {
				in = true
				b.Reset()
			}
		case xml.EndElement:
			if t.Name.Local == "text" {
				in = false
				out = append(out, b.String())
			}
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}

// splitWords splits raw text roughly as UD English tokenizes it: at
// spaces, punctuation and hyphens, with clitics ('s, n't) apart. It only
// feeds cluster learning, where small tokenization differences cost little.
func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		start := 0
		for i := 0; i < len(w); {
			r, size := utf8.DecodeRuneInString(w[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '.' || r == ',' || r == '\'') && i > start && i+1 < len(w) && isAlnumAt(w, i+1)) {
				i += size
				continue
			}
			if i > start {
				out = appendWord(out, w[start:i])
			}
			out = append(out, w[i:i+size])
			i += size
			start = i
		}
		if start < len(w) {
			out = appendWord(out, w[start:])
		}
	}
	return out
}

func isAlnumAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendWord appends w, with a clitic ('s, 're, n't ...) as a word of its own.
func appendWord(out []string, w string) []string {
	lw := strings.ToLower(w)
	for _, c := range []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"} {
		if strings.HasSuffix(lw, c) && len(w) > len(c) {
			return append(out, w[:len(w)-len(c)], w[len(w)-len(c):])
		}
	}
	return append(out, w)
}
