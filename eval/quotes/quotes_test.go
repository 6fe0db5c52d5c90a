package quotes

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/internal/testshared"
)

// text is a made-up article; offsets below are in characters, and the
// curly quotes make them differ from byte offsets.
const text = "“We will win,” the mayor said.\nCritics said the plan would fail."

const ann = "T1\tContent 0 14\t“We will win,”\n" +
	"T2\tSource 15 24\tthe mayor\n" +
	"T3\tCue 25 29\tsaid\n" +
	"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n" +
	"T4\tSource 31 38\tCritics\n" +
	"T5\tCue 39 43\tsaid\n" +
	"T6\tContent 44 63;63 64\tthe plan would fail\n" +
	"E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n" +
	"T7\tContent 0 3\tno source\n" +
	"E3\tAttribution-no-source:T7 Content:T7\n"

// at returns the byte span of the first occurrence of s in text.
func at(s string) Span {
	i := strings.Index(text, s)
	return Span{i, i + len(s)}
}

func TestParseAnn(t *testing.T) {
	atts, err := ParseAnn("test.ann", strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) != 3 {
		t.Fatalf("got %d attributions, want 3", len(atts))
	}
	tests := []struct {
		got  []Span
		want string
	}{
		{atts[0].Content, "“We will win,”"},
		{atts[0].Source, "the mayor"},
		{atts[1].Source, "Critics"},
		{atts[1].Content, "the plan would fail."},
		{atts[2].Source, ""},
	}
	for i, tt := range tests {
		var b strings.Builder
		for _, s := range tt.got {
			b.WriteString(text[s.Start:s.End])
		}
		if b.String() != tt.want {
			t.Errorf("%d: got %q, want %q", i, b.String(), tt.want)
		}
	}
}

func TestParseAnnErrors(t *testing.T) {
	tests := []struct{ name, ann, want string }{
		{"offsets past the text", "T1\tContent 0 999\tx\n", "test.ann:1: offsets 0-999 outside"},
		{"reversed offsets", "T1\tContent 9 2\tx\n", "test.ann:1: offsets 9-2"},
		{"not numbers", "T1\tContent a b\tx\n", "test.ann:1: bad offsets"},
		{"no offsets", "T1\tContent\tx\n", "test.ann:1: no offsets"},
		{"no annotation", "E1\n", "test.ann:1: want tab-separated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnn("test.ann", strings.NewReader(tt.ann), text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestResult(t *testing.T) {
	atts, err := ParseAnn("test.ann", strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	a := &Article{Name: "test", Text: text, Attributions: atts}
	tests := []struct {
		name                   string
		preds                  []Prediction
		found, speakerOK       int
		tp, fp, fn             int
		speakerAcc, f1Rounded3 float64
	}{
		{"nothing found", nil, 0, 0, 0, 0, 7, 0, 0},
		{"both right", []Prediction{
			{Content: []Span{at("We will win,")}, Speaker: at("the mayor")},
			{Content: []Span{at("the plan would fail")}, Speaker: at("Critics")},
		}, 2, 2, 7, 0, 0, 1, 1},
		{"wrong speaker", []Prediction{
			{Content: []Span{at("We will win,")}, Speaker: at("Critics"), EntityText: "Critics"},
		}, 1, 0, 3, 0, 4, 0, 0.6},
		{"one word is all of the prediction", []Prediction{
			{Content: []Span{at("plan")}, Speaker: at("Critics")},
		}, 1, 1, 1, 0, 6, 1, 0.25},
		{"too little of either", []Prediction{
			{Content: []Span{{0, strings.Index(text, "plan")}}, Speaker: at("Critics")},
		}, 1, 0, 4, 5, 3, 0, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Result
			r.Add(a, tt.preds)
			if r.Quotes != 3 || r.WithSource != 2 {
				t.Errorf("quotes=%d with_source=%d, want 3 and 2", r.Quotes, r.WithSource)
			}
			if r.Found != tt.found || r.SpeakerOK != tt.speakerOK {
				t.Errorf("found=%d speaker_ok=%d, want %d and %d", r.Found, r.SpeakerOK, tt.found, tt.speakerOK)
			}
			if len(r.Misses) != r.Found-r.SpeakerOK {
				t.Errorf("%d misses listed, want %d", len(r.Misses), r.Found-r.SpeakerOK)
			}
			for _, m := range r.Misses {
				if m.Article != "test" || m.Gold == "" || m.Content == "" || m.Gold == m.Speaker {
					t.Errorf("miss %v: want the article, the gold speaker and content, and another speaker", m)
				}
			}
			if r.TP != tt.tp || r.FP != tt.fp || r.FN != tt.fn {
				t.Errorf("tp=%d fp=%d fn=%d, want %d %d %d", r.TP, r.FP, r.FN, tt.tp, tt.fp, tt.fn)
			}
			if got := float64(int(r.SpanF1()*1000+0.5)) / 1000; got != tt.f1Rounded3 || r.SpeakerAcc() != tt.speakerAcc {
				t.Errorf("speaker_acc=%v span_f1=%v, want %v and %v", r.SpeakerAcc(), got, tt.speakerAcc, tt.f1Rounded3)
			}
		})
	}
}

func TestSpeakerByName(t *testing.T) {
	txt := "Donald Trump spoke. Later Trump said the race was rigged."
	src := []Span{{strings.Index(txt, "Trump said"), strings.Index(txt, "Trump said") + 5}}
	p := &Prediction{Speaker: Span{0, 6}, Entity: Span{0, 12}, EntityText: "Donald Trump"}
	if !speakerMatches(txt, src, p) {
		t.Error("a speaker resolved to the same name does not match")
	}
	p.EntityText = "Hillary Clinton"
	if speakerMatches(txt, src, p) {
		t.Error("a speaker resolved to another name matches")
	}
}

func TestReadAndEvaluate(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"dev/text/a.txt":            text,
		"dev/attributions/a_x1.ann": ann,
		"dev/attributions/a_y2.ann": "T1\tContent 0 3\tx\nE1\tAttribution:T1 Content:T1\n",
		"dev/attributions/b_x1.ann": ann,
		"dev/text/b.txt":            text,
	} {
		p := filepath.Join(dir, "data", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, err := Read(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || len(arts[0].Attributions) != 3 {
		t.Fatalf("read %d articles (want 2, the second annotator skipped)", len(arts))
	}
	r, err := Evaluate(context.Background(), nil, arts)
	if err != nil {
		t.Fatal(err)
	}
	if r.Found != 4 || r.SpeakerOK != 4 {
		t.Errorf("found=%d speaker_ok=%d, want 4 and 4: %v", r.Found, r.SpeakerOK, r.String())
	}
	if _, err := Read(dir, "test"); err == nil {
		t.Error("a missing split gives no error")
	}
}

// TestPolNeARDev scores the PolNeAR dev split on tokens alone (no models,
// so it stays fast) and checks a floor under the documented figures.
func TestPolNeARDev(t *testing.T) {
	dir := testshared.File(t, "news/labeled/polnear")
	arts, err := Read(dir, "dev")
	if err != nil {
		t.Skipf("PolNeAR not available: %v", err)
	}
	r, err := Evaluate(context.Background(), nil, arts)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.String())
	if r.SpeakerAcc() < 0.80 || r.SpanF1() < 0.66 {
		t.Errorf("%v: below the floor speaker_acc 0.80, span_f1 0.66", r.String())
	}
}

// FuzzParseAnn checks that any standoff file gives spans inside the text
// or an error, never a panic.
func FuzzParseAnn(f *testing.F) {
	f.Add(ann)
	f.Add("T1\tSource 1 2;3 4\tx\nE1\tAttribution:T1 Content:T1 Source:T9\n")
	f.Add("T1\tContent 0 0\n\ncontinued text\nE1 Content:T1\n")
	f.Fuzz(func(t *testing.T, a string) {
		atts, err := ParseAnn("fuzz.ann", strings.NewReader(a), text)
		if err != nil {
			return
		}
		for _, at := range atts {
			for _, s := range append(append(at.Source, at.Cue...), at.Content...) {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					t.Fatalf("span %v outside the %d-byte text", s, len(text))
				}
			}
		}
	})
}
