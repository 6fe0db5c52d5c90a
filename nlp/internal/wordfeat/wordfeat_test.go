package wordfeat

import "testing"

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
