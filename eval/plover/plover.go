// Package plover scores annals on PLOVER gold-standard records: JSON
// records of short news texts, each with its actor(s), PLOVER event
// category and recipient(s), as in the PLOVER project's
// PLOVER_GSR_CAMEO file.
//
// Each record's text is coded from raw text; the triples (actor, category,
// recipient) found are compared with the record's, where an actor is its
// code's first three letters (a country, or IGO, IMG, ...). The gold files
// use PLOVER 0.5 labels, mapped to the current ontology as the PLOVER
// manual's CAMEO translation table does: DEMAND → REQUEST, DISAPPROVE and
// INVESTIGATE → ACCUSE, FIGHT (CAMEO 19) → ASSAULT. A gold record without
// a recipient is matched by any recipient.
package plover

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/annals/annals/eval/score"
)

// Record is one gold record.
type Record struct {
	ID      string
	Date    string
	Text    string
	Event   string   // current PLOVER category
	Actors  []string // three-letter codes
	Targets []string // empty when the record has no recipient
}

// Triple is one event as scored.
type Triple struct{ Actor, Event, Target string }

type rawActor struct {
	Code string `json:"code"`
}

type rawRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// labels maps PLOVER 0.5 labels to the current ones.
var labels = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// Current returns the current PLOVER label of a 0.5 label.
func Current(label string) string {
	if l, ok := labels[label]; ok {
		return l
	}
	return label
}

// Read reads a JSON array of gold records; DOCUMENT records are skipped.
func Read(r io.Reader, name string) ([]Record, error) {
	var raws []rawRecord
	if err := json.NewDecoder(r).Decode(&raws); err != nil {
		return nil, fmt.Errorf("plover: %s: %w", name, err)
	}
	var out []Record
	for i, raw := range raws {
		if raw.Event == "DOCUMENT" || raw.Event == "" {
			continue
		}
		if strings.TrimSpace(raw.Text) == "" {
			return nil, fmt.Errorf("plover: %s: record %d (%s) has no text", name, i, raw.ID)
		}
		rec := Record{ID: raw.ID, Date: raw.Date, Text: raw.Text, Event: Current(raw.Event)}
		rec.Actors = codes(raw.Source)
		rec.Targets = codes(raw.Target)
		out = append(out, rec)
	}
	return out, nil
}

// codes reads an actor list; anything else (an empty string, a note)
// gives none.
func codes(raw json.RawMessage) []string {
	var list []rawActor
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if c := Prefix(a.Code); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Prefix returns the first three letters of an actor code, upper-cased.
func Prefix(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 3 {
		return ""
	}
	return code[:3]
}

// Gold returns the record's triples. A record without an actor (an
// attack by unknown gunmen) gives one triple with an empty actor.
func (r *Record) Gold() []Triple {
	var out []Triple
	actors := r.Actors
	if len(actors) == 0 {
		actors = []string{""}
	}
	for _, a := range actors {
		if len(r.Targets) == 0 {
			out = append(out, Triple{a, r.Event, ""})
		}
		for _, t := range r.Targets {
			out = append(out, Triple{a, r.Event, t})
		}
	}
	return out
}

// Score counts matches between found and gold triples of one record: a
// found triple matches a gold one with the same event, the same actor (any,
// when the gold has none) and the same recipient (any, when the gold has
// none).
func Score(found, gold []Triple) (foundOK, goldOK int) {
	fm, gm := marks(found, gold)
	for _, ok := range fm {
		if ok {
			foundOK++
		}
	}
	for _, ok := range gm {
		if ok {
			goldOK++
		}
	}
	return foundOK, goldOK
}

// marks says which found and which gold triples have a match.
func marks(found, gold []Triple) (fm, gm []bool) {
	match := func(f, g Triple) bool {
		return f.Event == g.Event && (g.Actor == "" || f.Actor == g.Actor) && (g.Target == "" || f.Target == g.Target)
	}
	fm, gm = make([]bool, len(found)), make([]bool, len(gold))
	for i, f := range found {
		for j, g := range gold {
			if match(f, g) {
				fm[i], gm[j] = true, true
			}
		}
	}
	return fm, gm
}

// Result sums a run.
type Result struct {
	Records        int
	Found, FoundOK int
	Gold, GoldOK   int
	// ByEvent counts the triples of each category: gold triples by their
	// category, found ones by theirs.
	ByEvent map[string]*Counts
}

// Counts are the triples of one category.
type Counts struct {
	Gold, GoldOK   int
	Found, FoundOK int
}

// Precision is FoundOK/Found.
func (c *Counts) Precision() float64 { return score.Ratio(c.FoundOK, c.Found) }

// Recall is GoldOK/Gold.
func (c *Counts) Recall() float64 { return score.Ratio(c.GoldOK, c.Gold) }

// Add adds one record's triples.
func (r *Result) Add(found, gold []Triple) {
	fm, gm := marks(found, gold)
	if r.ByEvent == nil {
		r.ByEvent = map[string]*Counts{}
	}
	by := func(ev string) *Counts {
		c := r.ByEvent[ev]
		if c == nil {
			c = &Counts{}
			r.ByEvent[ev] = c
		}
		return c
	}
	r.Records++
	for i, f := range found {
		c := by(f.Event)
		r.Found++
		c.Found++
		if fm[i] {
			r.FoundOK++
			c.FoundOK++
		}
	}
	for j, g := range gold {
		c := by(g.Event)
		r.Gold++
		c.Gold++
		if gm[j] {
			r.GoldOK++
			c.GoldOK++
		}
	}
}

// Precision is the share of found triples that match gold.
func (r *Result) Precision() float64 { return score.Ratio(r.FoundOK, r.Found) }

// Recall is the share of gold triples found.
func (r *Result) Recall() float64 { return score.Ratio(r.GoldOK, r.Gold) }

// F1 is the harmonic mean of precision and recall.
func (r *Result) F1() float64 { return score.F1(r.Precision(), r.Recall()) }
