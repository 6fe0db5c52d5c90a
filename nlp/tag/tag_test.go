package tag

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp/cluster"
)

func tokens(text string) *event.Sentence {
	s := &event.Sentence{}
	for i, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, event.Token{ID: i + 1, Text: w})
	}
	return s
}

func TestDefaultHandWritten(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, upos string }{
		{"Iraqi protesters marched against the US in Baghdad .", "ADJ NOUN VERB ADP DET PROPN ADP PROPN PUNCT"},
		{"The minister said he would resign .", "DET NOUN VERB PRON AUX VERB PUNCT"},
		{"Police arrested 12 people on Tuesday", "NOUN VERB NUM NOUN ADP PROPN"},
	}
	for _, tt := range tests {
		s := tokens(tt.text)
		tg.Tag(s)
		var got []string
		for _, tok := range s.Tokens {
			got = append(got, tok.UPOS)
			if tok.XPOS == "" {
				t.Errorf("%q: %s has no XPOS", tt.text, tok.Text)
			}
		}
		if g := strings.Join(got, " "); g != tt.upos {
			t.Errorf("Tag(%q) = %s, want %s", tt.text, g, tt.upos)
		}
	}
	tg.Tag(&event.Sentence{}) // an empty sentence is no error
}

// mk makes a sentence of text's words with the tags XPOS/UPOS.
func mk(text, tags string) *event.Sentence {
	s := tokens(text)
	for i, tg := range strings.Fields(tags) {
		x, u, _ := strings.Cut(tg, "/")
		s.Tokens[i].XPOS, s.Tokens[i].UPOS = x, u
	}
	return s
}

// TestTrainToy checks that training learns from context: "saw" is a noun
// in the subject position and a verb after a pronoun, before an object.
func TestTrainToy(t *testing.T) {
	train := []*event.Sentence{
		mk("the saw cut wood", "DT/DET NN/NOUN VBD/VERB NN/NOUN"),
		mk("I saw a dog", "PRP/PRON VBD/VERB DT/DET NN/NOUN"),
		mk("a saw is sharp", "DT/DET NN/NOUN VBZ/AUX JJ/ADJ"),
		mk("we saw the cat", "PRP/PRON VBD/VERB DT/DET NN/NOUN"),
	}
	tg, err := Train(context.Background(), train, nil, TrainOptions{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{"the saw is wood": "NN", "I saw the wood": "VBD", "a saw cut a dog": "NN", "we saw a saw": "VBD"} {
		s := tokens(text)
		tg.Tag(s)
		if got := s.Tokens[1].XPOS; got != want {
			t.Errorf("%q: saw tagged %s, want %s", text, got, want)
		}
	}
	if _, err := Train(context.Background(), nil, nil, TrainOptions{Epochs: 1}); err == nil {
		t.Error("training on nothing succeeded")
	}
}

// TestTrainClusters: a word never seen in training takes the tag of the
// words that share its cluster, and the tagger keeps its clusters through
// Save and Load.
func TestTrainClusters(t *testing.T) {
	const noun, verb = 1 | 1<<10 | 1<<20, 2 | 2<<10 | 2<<20
	clusters := cluster.Clusters{"dog": noun, "cat": noun, "cow": noun, "blick": noun, "saw": verb, "hit": verb, "ate": verb, "florp": verb}
	var train []*event.Sentence
	for _, w := range []string{"dog", "cat", "cow"} {
		train = append(train, mk(w, "NN/NOUN"))
	}
	for _, w := range []string{"saw", "hit", "ate"} {
		train = append(train, mk(w, "VBD/VERB"))
	}
	tg, err := Train(context.Background(), train, nil, TrainOptions{Epochs: 5, Seed: 1, Clusters: clusters})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tg.Save(&b); err != nil {
		t.Fatal(err)
	}
	if tg, err = Load(&b); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"blick": "NN", "florp": "VBD"} {
		s := tokens(w)
		tg.Tag(s)
		if got := s.Tokens[0].XPOS; got != want {
			t.Errorf("%s tagged %s, want %s as its cluster's words", w, got, want)
		}
	}
}

// TestDevFloor tags EWT dev with the committed model.
func TestDevFloor(t *testing.T) {
	sents := testshared.EWTDev(t)
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	upos, xpos := tg.Accuracy(sents)
	t.Logf("EWT dev: UPOS %.4f XPOS %.4f", upos, xpos)
	if upos < 0.953 || xpos < 0.946 {
		t.Errorf("EWT dev UPOS %.4f XPOS %.4f, want at least 0.953 and 0.946", upos, xpos)
	}
}

func TestSaveLoad(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tg.Save(&b); err != nil {
		t.Fatal(err)
	}
	tg2, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	a, c := tokens("Rebels seized the town of Kidal on Monday ."), tokens("Rebels seized the town of Kidal on Monday .")
	tg.Tag(a)
	tg2.Tag(c)
	for i := range a.Tokens {
		if a.Tokens[i] != c.Tokens[i] {
			t.Errorf("token %d: %+v before saving, %+v after", i, a.Tokens[i], c.Tokens[i])
		}
	}
	if len(tg2.dict) != len(tg.dict) || len(tg2.amb) != len(tg.amb) {
		t.Errorf("lexicon sizes changed: %d/%d -> %d/%d", len(tg.dict), len(tg.amb), len(tg2.dict), len(tg2.amb))
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(testshared.Gzip(magic + "\x01\x03the\x01\x05\x01\x03the\x02" + "annals-perceptron-1\n\x01\x05DT DET\x00" + "annals-perceptron-1\n\x01\x05DT DET\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		tg, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		tg.Tag(tokens("the cat sat"))
	})
}

// TestVerbless: a sentence with a subject and no finite verb takes the
// word whose verb reading the model nearly chose as its verb; fragments
// whose verb readings lost clearly stay verbless.
func TestVerbless(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, xpos string }{
		{"The United States lifted sanctions on Cuba .", "DT NNP NNPS VBD NNS IN NNP ."},
		{"The British relinquished control of the islands in 1982 .", "DT JJ VBD NN IN DT NNS IN CD ."},
		{"The Mayor insists that the council approve the budget .", "DT NNP VBZ IN DT NN VBP DT NN ."},
		{"Photos of the damaged bridge .", "NNS IN DT VBN NN ."},
		{"The report that the army shelled the town , officials said .", "DT NN IN DT NN VBD DT NN , NNS VBD ."},
		{"Full text of the signed agreement .", "JJ NN IN DT VBN NN ."},
		// a participle with its agent makes a noun phrase: no verb is
		// looked for
		{"Kabul vigil for the funeral of Colonel Ahmad Karimi killed by Taliban fighters on the orders of their commander",
			"NNP NN IN DT NN IN NNP NNP NNP VBN IN NNP NNS IN DT NNS IN PRP$ NN"},
	}
	for _, tt := range tests {
		s := tokens(tt.text)
		tg.Tag(s)
		var got []string
		for _, tok := range s.Tokens {
			got = append(got, tok.XPOS)
		}
		if g := strings.Join(got, " "); g != tt.xpos {
			t.Errorf("Tag(%q) = %s, want %s", tt.text, g, tt.xpos)
		}
	}
}

// BenchmarkTag tags the gold tokens of EWT dev and reports tokens per
// CPU-second, the figure to compare on a loaded machine.
func BenchmarkTag(b *testing.B) {
	sents := testshared.EWTDev(b)
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	cpu0 := testshared.CPUSeconds(b)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s)
			tokens += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/(testshared.CPUSeconds(b)-cpu0), "tokens/cpu-s")
}
