package plover

import (
	"strings"
	"testing"
)

func TestReadAndScore(t *testing.T) {
	const text = `[
 {"id": "D", "event": "DOCUMENT"},
 {"id": "A", "date": "2000-01-01", "event": "DEMAND", "text": "Kestria demanded that Valmore leave.",
  "source": [{"code": "KES"}], "target": [{"code": "VALGOV"}]},
 {"id": "B", "event": "PROTEST", "text": "Crowds marched.", "source": [{"code": "KES"}], "target": ""}
]`
	recs, err := Read(strings.NewReader(text), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Event != "REQUEST" || recs[0].Targets[0] != "VAL" || len(recs[1].Targets) != 0 {
		t.Fatalf("read %+v", recs)
	}
	var r Result
	r.Add([]Triple{{"KES", "REQUEST", "VAL"}, {"KES", "ACCUSE", "VAL"}}, recs[0].Gold())
	r.Add([]Triple{{"KES", "PROTEST", "GOV"}}, recs[1].Gold())
	if r.Found != 3 || r.FoundOK != 2 || r.Gold != 2 || r.GoldOK != 2 {
		t.Errorf("counts %+v", r)
	}
	if got := r.F1(); got < 0.79 || got > 0.81 {
		t.Errorf("F1 %.3f, want 0.8", got)
	}
}

func TestReadBad(t *testing.T) {
	for _, in := range []string{`{`, `[{"id":"x","event":"AGREE","text":"","source":[{"code":"USA"}]}]`, `[{"id":"x","event":"AGREE","text":"t", "source": 5}`} {
		if _, err := Read(strings.NewReader(in), "bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json") {
			t.Errorf("%s: got %v, want an error naming the file", in, err)
		}
	}
}
