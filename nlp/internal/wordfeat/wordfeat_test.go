package wordfeat

import (
	"testing"

	"github.com/annals/annals/nlp/perceptron"
)

func TestShapeNorm(t *testing.T) {
	tests := []struct{ in, shape, norm string }{
		{"McDonald's", "XxXxx'x", "mcdonald's"},
		{"1984", "dd", "!YEAR"},
		{"3.5", "d.d", "!DIGITS"},
		{"U.S.", "X.X.", "u.s."},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Shape(tt.in); got != tt.shape {
			t.Errorf("Shape(%q) = %q, want %q", tt.in, got, tt.shape)
		}
		if got := Norm(tt.in); got != tt.norm {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.norm)
		}
	}
}

func TestMakeFlags(t *testing.T) {
	tests := []struct {
		in    string
		flags uint64
	}{{"NATO", Upper | Title}, {"Iraq", Title}, {"x-ray", Hyphen}, {"G8", Upper | Title | Digit}, {"word", 0}}
	for _, tt := range tests {
		if got := Make(tt.in).Flags; got != tt.flags {
			t.Errorf("Make(%q).Flags = %b, want %b", tt.in, got, tt.flags)
		}
	}
	if Make("Iraq").Lower != Make("IRAQ").Lower || Make("Iraq").Form == Make("IRAQ").Form {
		t.Error("Lower must fold case and Form must keep it")
	}
}

// TestMakeHashes pins the hashes to the strings they stand for: models
// trained before any rewrite of Make must keep working.
func TestMakeHashes(t *testing.T) {
	s := perceptron.String
	tests := []struct {
		in               string
		lower, shape     string
		suffix           [4]string
		prefix1, prefix3 string
	}{
		{"Marching", "marching", "Xxx", [4]string{"g", "ng", "ing", "hing"}, "m", "mar"},
		{"UN", "un", "XX", [4]string{"n", "un", "un", "un"}, "u", "un"},
		{"Zürich", "zürich", "Xxx", [4]string{"h", "ch", "ich", "rich"}, "z", "zür"},
		{"1984", "!YEAR", "dd", [4]string{"4", "84", "984", "1984"}, "1", "198"},
		{"", "", "", [4]string{"", "", "", ""}, "", ""},
	}
	for _, tt := range tests {
		x := Make(tt.in)
		if x.Form != s(tt.in) || x.Lower != s(tt.lower) || x.Shape != s(tt.shape) ||
			x.Prefix[0] != s(tt.prefix1) || x.Prefix[1] != s(tt.prefix3) {
			t.Errorf("Make(%q): form, lower, shape or prefix hash differs", tt.in)
		}
		for i, suf := range tt.suffix {
			if x.Suffix[i] != s(suf) {
				t.Errorf("Make(%q).Suffix[%d] is not the hash of %q", tt.in, i, suf)
			}
		}
	}
}

func BenchmarkMake(b *testing.B) {
	words := []string{"The", "protesters", "marched", "against", "U.S.", "1984", "Zürich"}
	for b.Loop() {
		for _, w := range words {
			Make(w)
		}
	}
}
