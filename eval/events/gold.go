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
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/eval/corpus"
)

// Article is one line of a gold file: an article named by its file and key
// in the shared folder, and its events.
type Article struct {
	corpus.Ref
	Title     string  `json:"title"`
	Published string  `json:"published"` // YYYY-MM-DD; "" when unknown
	Coder     string  `json:"coder"`     // who coded it
	Events    []Event `json:"events"`
	line      int
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
	return corpus.ReadLines(r, name, func(a *Article, line int) error {
		a.line = line
		return a.check()
	})
}

func (a *Article) check() error {
	if err := a.Ref.Check(); err != nil {
		return err
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
