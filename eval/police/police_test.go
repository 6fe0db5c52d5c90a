package police

import (
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

const (
	docs = `{"doc_id": 7, "doc_text": "valmore: police held ten men. two died in a fire. troops shot dead a thief."}
`
	sents = `{"doc_id": 7, "sent_id": 0, "sent_text": "valmore: police held ten men.", "sent_labels": ["ARREST", "ANY_ACTION"]}
{"doc_id": 7, "sent_id": 1, "sent_text": "two died in a fire.", "sent_labels": []}
{"doc_id": 7, "sent_id": 2, "sent_text": "troops shot dead a thief.", "sent_labels": ["KILL"]}
`
	meta = `{"doc_id": 7, "date": "2002-03-04", "url": "x"}
`
)

func TestReadAndScore(t *testing.T) {
	ds, err := Read(strings.NewReader(docs), strings.NewReader(sents), strings.NewReader(meta))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Date != "2002-03-04" || len(ds[0].Sentences) != 3 {
		t.Fatalf("read %+v", ds)
	}
	d := &ds[0]
	if s := d.Sentences[1]; d.Text[s.Start:s.End] != "two died in a fire." {
		t.Fatalf("sentence 1 at %d..%d: %q", s.Start, s.End, d.Text[s.Start:s.End])
	}
	at := func(word string) int { return strings.Index(d.Text, word) }
	cop := &event.Actor{Code: "INDCOP", Country: "IND", Roles: []string{"COP"}}
	mob := &event.Actor{Code: "CVL", Roles: []string{"CVL"}}
	recs := []event.Record{
		// The arrest by police answers ARREST.
		{Code: "173", Mode: event.Asserted, Source: cop, Evidence: event.Evidence{Start: at("held"), End: at("held") + 4}},
		// A killing by civilians answers nothing.
		{Code: "1823", Mode: event.Asserted, Source: mob, Evidence: event.Evidence{Start: at("died"), End: at("died") + 4}},
		// A killing by police the text only announces answers nothing.
		{Code: "1823", Mode: event.Future, Source: cop, Evidence: event.Evidence{Start: at("shot"), End: at("shot") + 4}},
		// An arrest in the sentence labelled KILL only is a false ARREST.
		{Code: "173", Mode: event.Reported, Source: cop, Evidence: event.Evidence{Start: at("thief"), End: at("thief") + 5}},
	}
	res := NewResult()
	res.Add(d, recs)
	if a := res.Scores["ARREST"]; a.Want != 1 || a.Found != 2 || a.TP != 1 {
		t.Errorf("ARREST %+v, want 1 gold, 2 found, 1 right", *a)
	}
	if k := res.Scores["KILL"]; k.Want != 1 || k.Found != 0 || k.TP != 0 {
		t.Errorf("KILL %+v, want 1 gold, none found", *k)
	}
	if res.Sentences != 3 || len(res.Misses) != 1 || len(res.False) != 1 || res.False[0].Text != "troops shot dead a thief." {
		t.Errorf("sentences %d, misses %+v, false %+v", res.Sentences, res.Misses, res.False)
	}
}

func TestReadBad(t *testing.T) {
	for _, c := range []struct{ docs, sents, want string }{
		{`{"doc_id": 1`, ``, "docs.jsonl:1"},
		{docs, `{"doc_id": 9, "sent_id": 0, "sent_text": "x", "sent_labels": []}`, "article 9"},
		{docs, `{"doc_id": 7, "sent_id": 0, "sent_text": "not there", "sent_labels": []}`, "sentence 0 of article 7"},
		{docs, `{"doc_id": 7, "sent_id": 1, "sent_text": "two died in a fire.", "sent_labels": []}
{"doc_id": 7, "sent_id": 0, "sent_text": "valmore: police held ten men.", "sent_labels": []}`, "sents.jsonl:2"},
	} {
		_, err := Read(strings.NewReader(c.docs), strings.NewReader(c.sents), strings.NewReader(meta))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error naming %q", err, c.want)
		}
	}
}
