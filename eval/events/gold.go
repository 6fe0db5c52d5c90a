// Package events scores coded events against hand-coded news articles:
// the gold set of docs/codebook.md, one JSON line per article, whose texts
// stay in the shared data folder and are found there by file and key.
//
// A coded event matches a gold event of its article when its source key,
// CAMEO root and target key are among the gold's alternatives; gold and
// coded events are matched one to one (a maximum matching per article), so
// that one coded event cannot find two gold events, nor two mentions of
// one event count twice.
package events

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/annals/annals/cameo"
)

// Article is one line of a gold file: an article named by its file and key
// in the shared folder, and its events.
type Article struct {
	File       string  `json:"file"`        // path under the shared folder
	Key        string  `json:"key"`         // the url column of a Wikinews CSV, the id of a BBC JSON line
	Title      string  `json:"title"`       //
	Published  string  `json:"published"`   // YYYY-MM-DD; "" when unknown
	TextSHA256 string  `json:"text_sha256"` // of the text as stored in File
	Coder      string  `json:"coder"`       // who coded it
	Events     []Event `json:"events"`
	line       int
}

// Event is a gold event. Source, Root and Target list the acceptable
// alternatives; "" in Target accepts an event without a target.
type Event struct {
	Source     []string `json:"source"`
	Root       []string `json:"root"`
	Target     []string `json:"target"`
	Code       string   `json:"code"`
	SourceCode string   `json:"source_code"`
	TargetCode string   `json:"target_code"`
	Date       string   `json:"date"` // YYYY-MM-DD, YYYY-MM or YYYY; "" when the text gives none
	Place      *Place   `json:"place"`
	Evidence   string   `json:"evidence"` // the words of the text that state the event
	Mode       string   `json:"mode"`
	Note       string   `json:"note"`
}

// Place is where the text places a gold event. A place without
// coordinates is a country: any place in it matches.
type Place struct {
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

var (
	rootRE = regexp.MustCompile(`^[0-9]{2}$`)
	keyRE  = regexp.MustCompile(`^([A-Z]{3}|[A-Z]{6}|---)$`)
	dateRE = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// Read reads a gold file; name is used in errors, which give the line.
// Every malformed line is reported, joined.
func Read(r io.Reader, name string) ([]Article, error) {
	var out []Article
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var a Article
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		a.line = n
		if err := a.check(); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return out, errors.Join(errs...)
}

func (a *Article) check() error {
	if a.File == "" || a.Key == "" || a.TextSHA256 == "" {
		return fmt.Errorf("file, key and text_sha256 are required")
	}
	for i, e := range a.Events {
		if len(e.Source) == 0 || len(e.Root) == 0 || len(e.Target) == 0 {
			return fmt.Errorf("event %d: source, root and target need at least one alternative", i+1)
		}
		for _, k := range e.Source {
			if !keyRE.MatchString(k) {
				return fmt.Errorf("event %d: source key %q is not a country, IGO/NGO code or ---", i+1, k)
			}
		}
		for _, k := range e.Target {
			if k != "" && !keyRE.MatchString(k) {
				return fmt.Errorf("event %d: target key %q is not a country, IGO/NGO code, --- or \"\"", i+1, k)
			}
		}
		for _, r := range e.Root {
			if !rootRE.MatchString(r) || !cameo.Valid(r) {
				return fmt.Errorf("event %d: root %q is not a CAMEO root", i+1, r)
			}
		}
		if e.Code != "" && !cameo.Valid(e.Code) {
			return fmt.Errorf("event %d: code %q is not a CAMEO code", i+1, e.Code)
		}
		if e.Date != "" && !dateRE.MatchString(e.Date) {
			return fmt.Errorf("event %d: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", i+1, e.Date)
		}
		if p := e.Place; p != nil && (p.Lat == nil) != (p.Lon == nil) {
			return fmt.Errorf("event %d: place %q has one coordinate", i+1, p.Name)
		}
		if strings.TrimSpace(e.Evidence) == "" {
			return fmt.Errorf("event %d: no evidence", i+1)
		}
	}
	return nil
}

// Corpus reads article texts from the shared folder, each file once.
type Corpus struct {
	dir   string
	files map[string]map[string]string // file → key → text
}

// NewCorpus reads texts under dir.
func NewCorpus(dir string) *Corpus {
	return &Corpus{dir: dir, files: map[string]map[string]string{}}
}

// Text returns a's text, checked against its hash.
func (c *Corpus) Text(a *Article) (string, error) {
	texts, ok := c.files[a.File]
	if !ok {
		var err error
		if texts, err = readTexts(filepath.Join(c.dir, a.File)); err != nil {
			return "", err
		}
		c.files[a.File] = texts
	}
	text, ok := texts[a.Key]
	if !ok {
		return "", fmt.Errorf("%s: no article %q", a.File, a.Key)
	}
	sum := sha256.Sum256([]byte(text))
	if hex.EncodeToString(sum[:]) != strings.ToLower(a.TextSHA256) {
		return "", fmt.Errorf("%s: article %q: the text's hash differs from the gold's (the file changed?)", a.File, a.Key)
	}
	return text, nil
}

// readTexts reads a Wikinews CSV (url,date,title,text) or a JSON Lines
// file of {id, text} objects.
func readTexts(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
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
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			out[rec[ki]] = rec[ti]
		}
	case ".jsonl":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for n := 1; sc.Scan(); n++ {
			var rec struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
			out[rec.ID] = rec.Text
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	default:
		return nil, fmt.Errorf("%s: unknown article file type (want .csv or .jsonl)", path)
	}
	return out, nil
}
