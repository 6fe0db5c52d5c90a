// Package corpus reads what annals' hand-made gold sets (eval/gold) stand
// on: the gold files, one JSON line per article, and the articles' texts,
// which stay in the shared data folder and are named by file and key:
// Wikinews CSV (the url column), JSON Lines of {id, text} (BBC),
// IndiaPoliceEvents' docs.jsonl (doc_id, doc_text) and Reuters-21578 SGML
// (NEWID, the body between <BODY> and </BODY>). Each text is checked
// against the hash that the gold recorded, so that a changed file is an
// error, not a silently different score.
package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Ref names a gold article in the shared folder.
type Ref struct {
	File       string `json:"file"`        // path under the shared folder
	Key        string `json:"key"`         // the url of a Wikinews CSV row, the id of a JSON line, a Reuters NEWID
	TextSHA256 string `json:"text_sha256"` // of the text as the file stores it
}

// Check reports a Ref that lacks one of its fields.
func (r *Ref) Check() error {
	if r.File == "" || r.Key == "" || r.TextSHA256 == "" {
		return fmt.Errorf("file, key and text_sha256 are required")
	}
	return nil
}

// ReadLines decodes a gold file of JSON Lines into values of T, refusing
// unknown fields, and checks each with check, which gets the line number.
// name is used in errors, which give the line; every malformed line is
// reported, joined.
func ReadLines[T any](r io.Reader, name string, check func(v *T, line int) error) ([]T, error) {
	var out []T
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var v T
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		if err := check(&v, n); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return out, errors.Join(errs...)
}

// Corpus reads article texts from the shared folder, each file once.
type Corpus struct {
	dir   string
	files map[string]map[string]string // file → key → text
}

// New reads texts under dir, the shared folder.
func New(dir string) *Corpus {
	return &Corpus{dir: dir, files: map[string]map[string]string{}}
}

// Text returns the text that r names, checked against its hash.
func (c *Corpus) Text(r Ref) (string, error) {
	texts, ok := c.files[r.File]
	if !ok {
		var err error
		if texts, err = readTexts(filepath.Join(c.dir, r.File)); err != nil {
			return "", err
		}
		c.files[r.File] = texts
	}
	text, ok := texts[r.Key]
	if !ok {
		return "", fmt.Errorf("%s: no article %q", r.File, r.Key)
	}
	sum := sha256.Sum256([]byte(text))
	if hex.EncodeToString(sum[:]) != strings.ToLower(r.TextSHA256) {
		return "", fmt.Errorf("%s: article %q: the text's hash differs from the gold's (the file changed?)", r.File, r.Key)
	}
	return text, nil
}

// readTexts reads the articles of one file: key → text.
func readTexts(path string) (map[string]string, error) {
	switch {
	case strings.HasSuffix(path, ".sgm"):
		return readSGML(path)
	case strings.HasSuffix(path, ".csv"):
		return readCSV(path)
	case strings.HasSuffix(path, ".jsonl"):
		return readJSONL(path)
	}
	return nil, fmt.Errorf("%s: unknown article file type (want .csv, .jsonl or .sgm)", path)
}

// readCSV reads a Wikinews CSV (url,date,title,text): url → text.
func readCSV(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	ki, ok1 := col["url"]
	ti, ok2 := col["text"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%s: no url and text columns", path)
	}
	out := map[string]string{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[rec[ki]] = rec[ti]
	}
}

// readJSONL reads JSON Lines of {id, text} objects, or of IndiaPoliceEvents'
// {doc_id, doc_text}: id → text.
func readJSONL(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			ID      string `json:"id"`
			Text    string `json:"text"`
			DocID   *int64 `json:"doc_id"`
			DocText string `json:"doc_text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if rec.DocID != nil {
			rec.ID, rec.Text = strconv.FormatInt(*rec.DocID, 10), rec.DocText
		}
		out[rec.ID] = rec.Text
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

var (
	reutersRE = regexp.MustCompile(`(?s)<REUTERS [^>]*NEWID="([0-9]+)"[^>]*>(.*?)</REUTERS>`)
	bodyRE    = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
)

// readSGML reads a Reuters-21578 file: NEWID → the body between <BODY>
// and </BODY>, character references decoded. The file is ASCII, read as
// Latin-1.
func readSGML(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	runes := make([]rune, len(raw))
	for i, b := range raw {
		runes[i] = rune(b)
	}
	out := map[string]string{}
	for _, m := range reutersRE.FindAllStringSubmatch(string(runes), -1) {
		if b := bodyRE.FindStringSubmatch(m[2]); b != nil {
			out[m[1]] = html.UnescapeString(b[1])
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no Reuters article with a body", path)
	}
	return out, nil
}
