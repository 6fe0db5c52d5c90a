package ner

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	nerpkg "github.com/annals/annals/nlp/ner"
)

func TestScorer(t *testing.T) {
	tests := []struct {
		name          string
		gold, pred    []string
		tp, fp, fn    int
		label         string // a label whose counts are checked too
		ltp, lfp, lfn int
	}{
		{"exact match", []string{"B-PER", "I-PER", "O"}, []string{"B-PER", "I-PER", "O"}, 1, 0, 0, "PER", 1, 0, 0},
		{"short span is wrong twice", []string{"B-PER", "I-PER", "O"}, []string{"B-PER", "O", "O"}, 0, 1, 1, "PER", 0, 1, 1},
		{"wrong label", []string{"B-LOC", "O"}, []string{"B-ORG", "O"}, 0, 1, 1, "ORG", 0, 1, 0},
		{"I- starts a span, as in conlleval", []string{"B-LOC", "O"}, []string{"I-LOC", "O"}, 1, 0, 0, "LOC", 1, 0, 0},
		{"adjacent spans", []string{"B-LOC", "B-LOC"}, []string{"B-LOC", "I-LOC"}, 0, 1, 2, "LOC", 0, 1, 2},
		{"nothing", []string{"O"}, []string{"O"}, 0, 0, 0, "PER", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Scorer
			if err := s.AddTags(tt.gold, tt.pred); err != nil {
				t.Fatal(err)
			}
			if m := s.Micro(); m != (Counts{tt.tp, tt.fp, tt.fn}) {
				t.Errorf("micro %+v, want TP %d FP %d FN %d", m, tt.tp, tt.fp, tt.fn)
			}
			if c := s.Label(tt.label); c != (Counts{tt.ltp, tt.lfp, tt.lfn}) {
				t.Errorf("%s %+v, want TP %d FP %d FN %d", tt.label, c, tt.ltp, tt.lfp, tt.lfn)
			}
		})
	}
}

func TestAddTagsLength(t *testing.T) {
	var s Scorer
	if err := s.AddTags([]string{"O"}, nil); err == nil {
		t.Fatal("no error for tag sequences of different lengths")
	}
}

func TestCounts(t *testing.T) {
	c := Counts{TP: 3, FP: 1, FN: 3}
	if p, r, f := c.Precision(), c.Recall(), c.F1(); p != 0.75 || r != 0.5 || math.Abs(f-0.6) > 1e-12 {
		t.Errorf("P %v R %v F %v, want 0.75 0.5 0.6", p, r, f)
	}
	if f := (Counts{}).F1(); f != 0 {
		t.Errorf("empty F1 %v, want 0", f)
	}
}

func TestReportLastLine(t *testing.T) {
	var s Scorer
	s.AddTags([]string{"B-PER", "O", "B-LOC"}, []string{"B-PER", "O", "O"})
	var b strings.Builder
	if err := s.Report(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if last := lines[len(lines)-1]; last != "precision=1.000 recall=0.500 f1=0.667" {
		t.Errorf("last line %q", last)
	}
	if len(lines) != 3 {
		t.Errorf("want a line per label and the total, got %q", lines)
	}
}

func Example() {
	var s Scorer
	gold := []string{"B-PER", "I-PER", "O", "O", "B-LOC"}
	pred := []string{"B-PER", "I-PER", "O", "B-ORG", "B-LOC"}
	if err := s.AddTags(gold, pred); err != nil {
		fmt.Println(err)
		return
	}
	s.Report(os.Stdout)
	// Output:
	// LOC  gold=1 pred=1 correct=1 precision=1.000 recall=1.000 f1=1.000
	// ORG  gold=0 pred=1 correct=0 precision=0.000 recall=0.000 f1=0.000
	// PER  gold=1 pred=1 correct=1 precision=1.000 recall=1.000 f1=1.000
	// precision=0.667 recall=1.000 f1=0.800
}

// capsTagger tags every capitalized token as a one-word PER name.
type capsTagger struct{}

func (capsTagger) Tag(s *event.Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].Entity = "O"
		if w := s.Tokens[i].Text; w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			s.Tokens[i].Entity = "B-PER"
		}
	}
	s.Entities = nerpkg.Entities(s)
}

func TestEvaluate(t *testing.T) {
	gold, err := nerpkg.ReadColumns(strings.NewReader("Ann\tB-PER\nmet\tO\nBo\tB-PER\nLee\tI-PER\nin\tO\nRome\tB-LOC\n"), "gold")
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(capsTagger{}, gold)
	if m := sc.Micro(); m != (Counts{TP: 1, FP: 3, FN: 2}) {
		t.Errorf("micro %+v, want TP 1 FP 3 FN 2", m)
	}
	if gold[0].Tokens[0].Entity != "B-PER" || gold[0].Tokens[5].Entity != "B-LOC" {
		t.Error("Evaluate changed the gold sentences")
	}
}

// docTagger tags like capsTagger and records the documents it harmonizes,
// as the number of sentences of each.
type docTagger struct {
	capsTagger
	docs *[]int
}

func (d docTagger) Harmonize(sents []event.Sentence) { *d.docs = append(*d.docs, len(sents)) }

func TestEvaluateDocuments(t *testing.T) {
	ids := []string{"weblog-a-0001", "weblog-a-0002", "n01001-0001", "", "", "GUM_news_x-1", "GUM_news_x-2", "GUM_news_x-3", "odd-id"}
	var gold []event.Sentence
	for _, id := range ids {
		s := event.Sentence{ID: id, Tokens: []event.Token{{Text: "Rome", Entity: "B-LOC"}}}
		s.Entities = nerpkg.Entities(&s)
		gold = append(gold, s)
	}
	tests := []struct {
		name   string
		tagger func(docs *[]int) Tagger
		want   []int
	}{
		{"documents", func(docs *[]int) Tagger { return docTagger{docs: docs} }, []int{2, 1, 1, 1, 3, 1}},
		{"sentence level", func(docs *[]int) Tagger { return SentenceLevel{docTagger{docs: docs}} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []int
			sc := Evaluate(tt.tagger(&docs), gold)
			if !slices.Equal(docs, tt.want) {
				t.Errorf("harmonized documents of %v sentences, want %v", docs, tt.want)
			}
			if m := sc.Micro(); m.FN != len(ids) {
				t.Errorf("micro %+v, want %d gold names", m, len(ids))
			}
		})
	}
}
