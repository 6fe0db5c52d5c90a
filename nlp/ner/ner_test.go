package ner

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/perceptron"
	"github.com/annals/annals/nlp/tag"
	"github.com/annals/annals/nlp/tokenize"
)

// models returns the embedded recognizer and the tagger whose tags it
// reads.
func models(t testing.TB) (*Recognizer, *tag.Tagger) {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r, tg
}

// analyse tokenizes text, tags it and finds its entities, as the pipeline
// does.
func analyse(t testing.TB, text string) []event.Sentence {
	t.Helper()
	r, tg := models(t)
	sents := tokenize.Split(text)
	for i := range sents {
		tg.Tag(&sents[i])
		r.Tag(&sents[i])
	}
	return sents
}

func entityList(sents []event.Sentence) []string {
	var out []string
	for _, s := range sents {
		for _, e := range s.Entities {
			out = append(out, e.Label+" "+e.Text)
		}
	}
	return out
}

func TestNewsSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Iraqi cleric Muqtada al-Sadr called for a march in Baghdad.", []string{"PER Muqtada al-Sadr", "LOC Baghdad"}},
		{"Police in Nairobi arrested three men on Tuesday, a spokesman said.", []string{"LOC Nairobi"}},
		{"Angela Merkel will travel to Paris next week.", []string{"PER Angela Merkel", "LOC Paris"}},
		{"The ministry said nothing about the talks.", nil},
		// British news writes titles without a full stop; UNER leaves them out of names.
		{"Mr Mensah said the port in Tema would reopen on Monday.", []string{"PER Mensah", "LOC Tema"}},
		{"Ms Wanjiru told the Kenya Revenue Authority that she had paid.", []string{"PER Wanjiru", "ORG Kenya Revenue Authority"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := entityList(analyse(t, tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("entities %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTagSetsOffsets(t *testing.T) {
	text := "Yesterday Angela Merkel spoke."
	for _, s := range analyse(t, text) {
		for _, e := range s.Entities {
			if text[e.Start:e.End] != e.Text {
				t.Errorf("entity %q at %d:%d, text there is %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
		}
	}
}

func TestTagEmpty(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var s event.Sentence
	r.Tag(&s)
	if len(s.Entities) != 0 {
		t.Errorf("entities in an empty sentence: %v", s.Entities)
	}
}

// TestDevFloor guards the accuracy of the embedded model on UNER
// English-EWT dev (measured 0.69; see docs/models.md).
// TestPUDFloor guards the embedded model on UNER English-PUD, which it
// never learned from (EWT dev is in its training data).
func TestPUDFloor(t *testing.T) {
	dev, err := ReadFile(testshared.File(t, "corpora/uner_english_pud/en_pud-ud-test.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	r, tg := models(t)
	var tp, fp, fn int
	for _, g := range dev {
		s := g
		s.Tokens = slices.Clone(g.Tokens)
		tg.Tag(&s)
		r.Tag(&s)
		found := map[event.Entity]bool{}
		for _, e := range s.Entities {
			found[e] = true
		}
		for _, e := range g.Entities {
			if found[e] {
				tp++
			} else {
				fn++
			}
		}
		fp += len(s.Entities)
	}
	fp -= tp
	f1 := 2 * float64(tp) / float64(2*tp+fp+fn)
	if f1 < 0.655 {
		t.Errorf("UNER PUD F1 %.3f, want at least 0.655", f1)
	}
	t.Logf("UNER PUD F1 %.3f", f1)
}

func TestLoadCorrupt(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"gzip of text", testshared.Gzip("not a model at all")},
		{"huge count", testshared.Gzip(magic + "\xff\xff\xff\xff\xff\xff\x01")}, // right magic, absurd cluster count
		{"truncated", embedded[:len(embedded)/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tt.data))
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v, want one wrapping ErrModel", err)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(embedded[:200])
	f.Add([]byte("annals-ner-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Load(bytes.NewReader(data))
		if err == nil {
			s := event.Sentence{Tokens: []event.Token{{Text: "Paris"}}}
			r.Tag(&s)
		}
	})
}

// toySentences is a tiny training set written for the tests.
func toySentences(t *testing.T) []event.Sentence {
	t.Helper()
	in := "Anna\tB-PER\nvisited\tO\nOslo\tB-LOC\n\n" +
		"Bob\tB-PER\nSmith\tI-PER\nvisited\tO\nLima\tB-LOC\n\n" +
		"Acme\tB-ORG\nhired\tO\nAnna\tB-PER\n\n"
	s, err := ReadColumns(strings.NewReader(in), "toy")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTrainSaveLoad(t *testing.T) {
	train := toySentences(t)
	gaz := newGazetteer(map[string]uint16{"oslo": gazCity, "new york": gazCity})
	r, err := Train(context.Background(), train, cluster.Clusters{"Oslo": 1, "Lima": 1}, gaz, TrainOptions{Epochs: 5, Seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range train {
		a, b := g, g
		a.Tokens, b.Tokens = slices.Clone(g.Tokens), slices.Clone(g.Tokens)
		r.Tag(&a)
		r2.Tag(&b)
		if render([]event.Sentence{a}) != render([]event.Sentence{g}) {
			t.Errorf("trained model tags %s, want %s", render([]event.Sentence{a}), render([]event.Sentence{g}))
		}
		if render([]event.Sentence{a}) != render([]event.Sentence{b}) {
			t.Errorf("loaded model tags %s, saved one %s", render([]event.Sentence{b}), render([]event.Sentence{a}))
		}
	}
	if _, err := Train(context.Background(), nil, nil, nil, DefaultTrainOptions, nil); err == nil {
		t.Error("training on nothing gave no error")
	}
}

func TestClassesRoundTrip(t *testing.T) {
	tests := [][]string{
		{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC"},
		{"O", "B-ORG"},
		{"B-ORG", "I-ORG"},
	}
	for _, tags := range tests {
		prev := -1
		for i, c := range classesOf(tags) {
			if !allowed(prev, c) {
				t.Errorf("%v: class %s not allowed after %d", tags, tagNames[c], prev)
			}
			if got := tagNames[c]; got != tags[i] {
				t.Errorf("%v: token %d back to %s", tags, i, got)
			}
			prev = c
		}
	}
	iPER, bLOC := classesOf([]string{"I-PER"})[0], classesOf([]string{"B-LOC"})[0]
	if allowed(-1, iPER) || allowed(0, iPER) || allowed(bLOC, iPER) {
		t.Error("I-PER allowed outside a PER name")
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := newGazetteer(map[string]uint16{"new york": gazCity, "york": gazCity, "new york city": gazCity | gazBigCity, "iraqi": gazDemonym})
	words := strings.Fields("the iraqi envoy left new york city for york")
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = perceptron.String(w)
	}
	gaz := make([]uint16, len(words))
	g.match(lower, gaz)
	want := []uint16{0, gazDemonym | 3<<5, 0, 0, gazCity | gazBigCity, gazCity | gazBigCity | 1<<5, gazCity | gazBigCity | 2<<5, 0, gazCity | 3<<5}
	if !slices.Equal(gaz, want) {
		t.Errorf("matches %v, want %v", gaz, want)
	}
}

func TestGazetteerWithActors(t *testing.T) {
	g := newGazetteer(map[string]uint16{"york": gazCity})
	g = g.WithActors([]ActorName{{Words: []string{"BARHAM", "SALIH"}}, {Words: []string{"AL-QAEDA"}, Group: true}, {Words: []string{"YORK"}}})
	tests := []struct {
		text string
		want []uint16
	}{
		{"Barham Salih met al-Qaeda", []uint16{gazActor, gazActor | 2<<gazPosShift, 0, gazActorGroup | 3<<gazPosShift}},
		// UD English splits the hyphen, annals' tokenizer does not: both match.
		{"al - Qaeda in York", []uint16{gazActorGroup, gazActorGroup | 1<<gazPosShift, gazActorGroup | 2<<gazPosShift, 0, gazCity | gazActor | 3<<gazPosShift}},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		lower := make([]uint64, len(words))
		for i, w := range words {
			lower[i] = perceptron.String(strings.ToLower(w))
		}
		gaz := make([]uint16, len(words))
		g.match(lower, gaz)
		if !slices.Equal(gaz, tt.want) {
			t.Errorf("%q: matches %v, want %v", tt.text, gaz, tt.want)
		}
	}
	if (*Gazetteer)(nil).WithActors([]ActorName{{Words: []string{"UN"}}}).Len() != 1 {
		t.Error("WithActors on a nil gazetteer lost the name")
	}
}

func TestNameTokens(t *testing.T) {
	if got := nameTokens("Guinea-Bissau, Republic of"); !slices.Equal(got, []string{"guinea", "-", "bissau", ",", "republic", "of"}) {
		t.Errorf("nameTokens = %q", got)
	}
}

func TestSplitWords(t *testing.T) {
	got := splitWords(`He didn't visit U.S. bases in al-Anbar, "twice".`)
	want := []string{"He", "did", "n't", "visit", "U.S", ".", "bases", "in", "al", "-", "Anbar", ",", `"`, "twice", `"`, "."}
	if !slices.Equal(got, want) {
		t.Errorf("splitWords = %q", got)
	}
}

// benchText is news-like text written for the benchmark.
const benchText = `Rebel commanders in the north of the country said on Sunday that they had agreed to a ceasefire brokered by the African Union. ` +
	`The agreement, signed in Addis Ababa by General Samuel Okello and two government ministers, calls for the withdrawal of troops from Gulu and Kitgum. ` +
	`"We will respect it as long as the army does," Okello told reporters after the ceremony. ` +
	`Aid agencies including the Red Cross and Oxfam warned that more than 200,000 people remained cut off from food supplies. ` +
	`President Maria Santos flew to Brussels on Monday to ask the European Union for emergency funds. ` +
	`Officials at the World Bank in Washington declined to comment on the request.`

// BenchmarkTag measures tagging speed in tokens/s on sentences that carry
// part-of-speech tags already, as in the pipeline.
func BenchmarkTag(b *testing.B) {
	tg, err := tag.Default()
	if err != nil {
		b.Fatal(err)
	}
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := tokenize.Split(benchText)
	tokens := 0
	for i := range sents {
		tg.Tag(&sents[i])
		tokens += len(sents[i].Tokens)
	}
	for b.Loop() {
		for i := range sents {
			r.Tag(&sents[i])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
