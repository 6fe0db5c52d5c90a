package counts

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/eval/corpus"
	"github.com/annals/annals/event"
)

func TestReadRejects(t *testing.T) {
	for _, line := range []string{
		`{"file":"f","key":"k","text_sha256":"x","counts":[{"kind":"missing","low":1,"high":1,"precision":"exact","span":[0,1]}]}`,
		`{"file":"f","key":"k","text_sha256":"x","counts":[{"kind":"killed","low":5,"high":1,"precision":"exact","span":[0,1]}]}`,
		`{"file":"f","key":"k","text_sha256":"x","counts":[{"kind":"killed","low":1,"high":1,"precision":"roughly","span":[0,1]}]}`,
		`{"file":"f","key":"k","text_sha256":"x","counts":[{"kind":"killed","low":1,"high":1,"precision":"exact","span":[3,1]}]}`,
		`{"file":"f","key":"k","text_sha256":"x","extra":1}`,
		`{"key":"k","text_sha256":"x"}`,
	} {
		if _, err := Read(strings.NewReader(line), "gold.jsonl"); err == nil || !strings.Contains(err.Error(), "gold.jsonl:1") {
			t.Errorf("Read(%s) = %v, want an error naming gold.jsonl:1", line, err)
		}
	}
}

func TestAdd(t *testing.T) {
	a := &Article{Ref: corpus.Ref{Key: "k"}, Counts: []Mention{
		{Kind: "killed", Low: 5, High: 5, Span: [2]int{10, 14}},
		{Kind: "crowd", Low: 2000, High: 9999, Span: [2]int{30, 39}},
		{Kind: "injured", Low: 3, High: 3, Span: [2]int{50, 55}},
	}}
	coded := []event.Count{
		{Kind: event.Killed, Low: 5, High: 5, Start: 10, End: 14},      // found, exact
		{Kind: event.Crowd, Low: 5000, High: 5000, Start: 30, End: 39}, // found, range inside
		{Kind: event.Killed, Low: 3, High: 3, Start: 50, End: 55},      // wrong kind
		{Kind: event.Arrested, Low: 1, High: 1, Start: 70, End: 75},    // no gold
	}
	r := NewResult()
	r.Add(a, strings.Repeat("x", 80), coded)
	if r.Gold != 3 || r.Coded != 4 || r.Found != 2 || r.Exact != 1 {
		t.Fatalf("tally %+v, want gold 3 coded 4 found 2 exact 1", r.Tally)
	}
	if p, rc, e := r.Precision(), r.Recall(), r.ExactRange(); p != 0.5 || rc != 2.0/3 || e != 0.5 {
		t.Errorf("precision %v recall %v exact_range %v", p, rc, e)
	}
	if len(r.Misses) != 3 || r.ByKind["killed"].Found != 1 {
		t.Errorf("misses %d, killed %+v", len(r.Misses), r.ByKind["killed"])
	}
}

func TestCorpusSGML(t *testing.T) {
	want := "Twelve miners were hurt & two <died>.\n Reuter\n\x03"
	sum := sha256.Sum256([]byte(want))
	c := NewCorpus("testdata")
	a := &Article{Ref: corpus.Ref{File: "tiny.sgm", Key: "7", TextSHA256: hex.EncodeToString(sum[:])},
		Counts: []Mention{{Kind: "injured", Low: 12, High: 12, Span: [2]int{0, 6}, Words: "Twelve"}}}
	text, err := c.Text(a)
	if err != nil || text != want {
		t.Fatalf("Text = %q, %v; want %q", text, err, want)
	}
	a.Counts[0].Words = "Eleven"
	if _, err := c.Text(a); err == nil {
		t.Error("a span that does not hold its words is no error")
	}
	if _, err := NewCorpus("testdata").Text(&Article{Ref: corpus.Ref{File: filepath.Join("nowhere", "x.sgm"), Key: "1", TextSHA256: "0"}}); err == nil {
		t.Error("a missing file is no error")
	}
}
