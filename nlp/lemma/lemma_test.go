package lemma

import (
	"bytes"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

func TestRuleFor(t *testing.T) {
	tests := []struct {
		word, lemma string
		want        rule
	}{
		{"cities", "city", rule{3, "y"}},
		{"walked", "walk", rule{2, ""}},
		{"went", "go", rule{4, "go"}},
		{"cat", "cat", rule{0, ""}},
		{"café", "cafè", rule{2, "è"}}, // never cuts inside a character
	}
	for _, tt := range tests {
		if got := ruleFor(tt.word, tt.lemma); got != tt.want {
			t.Errorf("ruleFor(%q, %q) = %+v, want %+v", tt.word, tt.lemma, got, tt.want)
		}
		if got := tt.want.apply(tt.word); got != tt.lemma {
			t.Errorf("%+v.apply(%q) = %q, want %q", tt.want, tt.word, got, tt.lemma)
		}
	}
}

// TestTrainGeneralizes trains on a few words and lemmatizes unseen ones by
// the learned suffix rules; irregular training words become exceptions.
func TestTrainGeneralizes(t *testing.T) {
	s := &event.Sentence{}
	for _, x := range []string{
		"walked/VBD/walk", "talked/VBD/talk", "jumped/VBD/jump", "went/VBD/go",
		"cities/NNS/city", "parties/NNS/party", "cats/NNS/cat", "dogs/NNS/dog", "hats/NNS/hat",
		"Americans/NNPS/American", "Britons/NNPS/Briton",
	} {
		f := strings.Split(x, "/")
		s.Tokens = append(s.Tokens, event.Token{Text: f[0], XPOS: f[1], Lemma: f[2]})
	}
	l := Train([]*event.Sentence{s}, 2)
	tests := []struct{ word, tag, want string }{
		{"marched", "VBD", "march"},
		{"armies", "NNS", "army"},
		{"tanks", "NNS", "tank"},
		{"went", "VBD", "go"},
		{"Went", "VBD", "go"},
		{"Iraqis", "NNPS", "Iraqi"},
		{"Baghdad", "NNP", "Baghdad"},
		{"the", "DT", "the"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, tag, want string }{
		{"protesters", "NNS", "protester"}, {"marched", "VBD", "march"}, {"was", "VBD", "be"},
		{"better", "JJR", "good"}, {"militias", "NNS", "militia"}, {"Taliban", "NNP", "Taliban"},
		{"bombarded", "VBN", "bombard"}, {"children", "NNS", "child"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

// TestDevFloor lemmatizes EWT dev from gold tags with the committed model.
func TestDevFloor(t *testing.T) {
	sents := testshared.EWTDev(t)
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	acc := l.Accuracy(sents)
	t.Logf("EWT dev lemma accuracy (gold tags): %.4f", acc)
	if acc < 0.98 {
		t.Errorf("EWT dev lemma accuracy %.4f, want at least 0.98", acc)
	}
}

func TestLoadCorrupt(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":      nil,
		"plain text": []byte(magic + "\n"),
		"bad magic":  testshared.Gzip("annals-lemma-0\n"),
		"bad line":   testshared.Gzip(magic + "\nR\tNNS\ts\n"),
		"bad strip":  testshared.Gzip(magic + "\nR\tNNS\ts\t-1\t\n"),
		"bad utf8":   testshared.Gzip(magic + "\nX\tNN\t\xff\tx\n"),
	} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(testshared.Gzip(magic + "\nR\tNNS\ts\t1\t\nX\tVBD\twent\tgo\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		l, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		for _, w := range []string{"", "s", "went", "naïve"} {
			l.Lemma(w, "NNS")
		}
	})
}
