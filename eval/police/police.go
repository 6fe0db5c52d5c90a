// Package police scores annals on IndiaPoliceEvents (Halterman et al.,
// Findings of ACL 2021): Times of India articles of March 2002 whose
// sentences are labelled with what the police did (KILL, ARREST, FAIL,
// FORCE, ANY_ACTION: "did police kill someone?" ...).
//
// Each article is coded whole, so that its events have the article's
// context (its places, its actors), and each coded event is credited to
// the labelled sentence that holds its word. A sentence answers a
// question yes when one of its events does (see Questions); scores are
// per sentence, over every labelled sentence of the corpus.
package police

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
)

// Doc is one article with its labelled sentences.
type Doc struct {
	ID        int
	Date      string // YYYY-MM-DD; "" when the metadata lacks it
	Text      string
	Sentences []Sentence
}

// Sentence is one labelled sentence: its byte span in its article's text
// and the questions its label answers yes.
type Sentence struct {
	ID         int
	Start, End int
	Labels     []string
}

// Question is one of the corpus's questions that an event can answer.
type Question struct {
	Label string // the corpus's label: "ARREST", "KILL"
	// Answers reports whether a coded event answers the question yes.
	Answers func(r *event.Record) bool
}

// Questions are the labels an event record answers, when the text says
// it happened (mode asserted or reported, not negated, future, intended
// or hypothetical: "police failed to arrest him" answers no): an arrest, detention
// or charge (CAMEO 173) by a state's police, security forces or
// authorities; a killing (1823, 186, 20x) by police or security forces.
// The source must be of the state: "rioters were arrested" by police
// answers ARREST, a mob's killing does not answer KILL.
var Questions = []Question{
	{Label: "ARREST", Answers: func(r *event.Record) bool {
		return happened(r) && strings.HasPrefix(r.Code, "173") && hasRole(r.Source, "COP", "MIL", "SPY", "GOV", "JUD")
	}},
	{Label: "KILL", Answers: func(r *event.Record) bool {
		return happened(r) && killing(r.Code) && hasRole(r.Source, "COP", "MIL", "SPY")
	}},
}

// happened reports whether the text says that r's event took place.
func happened(r *event.Record) bool { return r.Mode == event.Asserted || r.Mode == event.Reported }

// killing reports whether a CAMEO code is a killing.
func killing(code string) bool {
	return code == "1823" || strings.HasPrefix(code, "186") || cameo.Root(code) == "20"
}

func hasRole(a *event.Actor, roles ...string) bool {
	if a == nil {
		return false
	}
	for _, r := range a.Roles {
		if slices.Contains(roles, r) {
			return true
		}
	}
	return false
}

// Read reads the corpus's docs.jsonl (doc_id, doc_text), sents.jsonl
// (doc_id, sent_id, sent_text, sent_labels) and metadata.jsonl (doc_id,
// date), and places each sentence in its article's text: the corpus's
// sentences are pieces of the article, in order. A sentence not found
// there, or of no article, is an error naming it.
func Read(docs, sents, meta io.Reader) ([]Doc, error) {
	var out []Doc
	byID := map[int]int{}
	err := eachLine(docs, "docs.jsonl", func(line []byte) error {
		var d struct {
			ID   int    `json:"doc_id"`
			Text string `json:"doc_text"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		if _, dup := byID[d.ID]; dup {
			return fmt.Errorf("article %d twice", d.ID)
		}
		byID[d.ID] = len(out)
		out = append(out, Doc{ID: d.ID, Text: d.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	at := make([]int, len(out)) // where the next sentence of each article is looked for
	err = eachLine(sents, "sents.jsonl", func(line []byte) error {
		var s struct {
			Doc    int      `json:"doc_id"`
			ID     int      `json:"sent_id"`
			Text   string   `json:"sent_text"`
			Labels []string `json:"sent_labels"`
		}
		if err := json.Unmarshal(line, &s); err != nil {
			return err
		}
		i, ok := byID[s.Doc]
		if !ok {
			return fmt.Errorf("sentence %d of article %d, which docs.jsonl lacks", s.ID, s.Doc)
		}
		d := &out[i]
		k := strings.Index(d.Text[at[i]:], s.Text)
		if k < 0 {
			return fmt.Errorf("sentence %d of article %d is not in the article's text after its previous sentence", s.ID, s.Doc)
		}
		start := at[i] + k
		at[i] = start + len(s.Text)
		d.Sentences = append(d.Sentences, Sentence{ID: s.ID, Start: start, End: at[i], Labels: s.Labels})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(meta, "metadata.jsonl", func(line []byte) error {
		var m struct {
			Doc  int    `json:"doc_id"`
			Date string `json:"date"`
		}
		if err := json.Unmarshal(line, &m); err != nil {
			return err
		}
		if i, ok := byID[m.Doc]; ok {
			out[i].Date = m.Date
		}
		return nil
	})
	return out, err
}

// eachLine calls f with each non-blank line of r, wrapping its error with
// the file's name and the line's number.
func eachLine(r io.Reader, name string, f func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := f(line); err != nil {
			return fmt.Errorf("police: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("police: %s: %w", name, err)
	}
	return nil
}

// Result holds the scores of each question and the sentences that were
// missed or falsely answered.
type Result struct {
	Sentences int
	Scores    map[string]*score.PRF // by label
	Misses    []Mark                // labelled yes, answered no
	False     []Mark                // answered yes, labelled no
}

// Mark is one sentence scored wrong for one question.
type Mark struct {
	Label string
	Doc   int
	Text  string
	// Records are the sentence's events that answer the question (for a
	// false answer) or all its events (for a miss).
	Records []event.Record
}

// NewResult returns an empty result.
func NewResult() *Result {
	r := &Result{Scores: map[string]*score.PRF{}}
	for _, q := range Questions {
		r.Scores[q.Label] = &score.PRF{}
	}
	return r
}

// Add scores the sentences of d given the records coded from its text,
// whose evidence offsets are into d.Text.
func (res *Result) Add(d *Doc, recs []event.Record) {
	bySent := make([][]event.Record, len(d.Sentences))
	for _, r := range recs {
		at := r.Evidence.Start
		if at < 0 || r.Evidence.End <= at {
			at = r.Sentence.Start
		}
		i, found := slices.BinarySearchFunc(d.Sentences, at, func(s Sentence, at int) int {
			switch {
			case s.End <= at:
				return -1
			case s.Start > at:
				return 1
			}
			return 0
		})
		if found {
			bySent[i] = append(bySent[i], r)
		}
	}
	for i, s := range d.Sentences {
		res.Sentences++
		for _, q := range Questions {
			var yes []event.Record
			for _, r := range bySent[i] {
				if q.Answers(&r) {
					yes = append(yes, r)
				}
			}
			want := slices.Contains(s.Labels, q.Label)
			c := res.Scores[q.Label]
			if want {
				c.Want++
			}
			if len(yes) > 0 {
				c.Found++
			}
			text := d.Text[s.Start:s.End]
			switch {
			case want && len(yes) > 0:
				c.TP++
			case want:
				res.Misses = append(res.Misses, Mark{Label: q.Label, Doc: d.ID, Text: text, Records: bySent[i]})
			case len(yes) > 0:
				res.False = append(res.False, Mark{Label: q.Label, Doc: d.ID, Text: text, Records: yes})
			}
		}
	}
}
