package tokenize

import (
	"strings"
	"testing"
)

func TestAlign(t *testing.T) {
	tests := []struct {
		name     string
		goldText string
		gold     []Span
		sysText  string
		sys      []Span
		want     Score
		wantErr  string
		p, r, f1 float64
	}{
		{name: "identical", goldText: "a bc", gold: []Span{{0, 1}, {2, 4}}, sysText: "a bc", sys: []Span{{0, 1}, {2, 4}},
			want: Score{2, 2, 2}, p: 1, r: 1, f1: 1},
		{name: "over-split", goldText: "can't", gold: []Span{{0, 2}, {2, 5}}, sysText: "can't", sys: []Span{{0, 3}, {3, 5}},
			want: Score{2, 2, 0}},
		{name: "under-split", goldText: "do n't", gold: []Span{{0, 2}, {3, 6}}, sysText: "do n't", sys: []Span{{0, 6}},
			want: Score{2, 1, 0}},
		{name: "whitespace differs", goldText: "a  b\n\nc", gold: []Span{{0, 1}, {3, 4}, {6, 7}},
			sysText: "a b c", sys: []Span{{0, 1}, {2, 5}},
			want: Score{3, 2, 1}, p: 0.5, r: 1.0 / 3, f1: 0.4},
		{name: "span over whitespace only", goldText: "a b", gold: []Span{{0, 1}, {1, 2}, {2, 3}}, sysText: "a b", sys: []Span{{0, 1}, {2, 3}},
			want: Score{2, 2, 2}, p: 1, r: 1, f1: 1},
		{name: "multibyte", goldText: "don’t", gold: []Span{{0, 2}, {2, 7}}, sysText: "don’t", sys: []Span{{0, 2}, {2, 7}},
			want: Score{2, 2, 2}, p: 1, r: 1, f1: 1},
		{name: "empty", want: Score{}},
		{name: "texts differ", goldText: "ab", gold: []Span{{0, 2}}, sysText: "ac", sys: []Span{{0, 2}}, wantErr: "texts differ"},
		{name: "text shorter", goldText: "ab", sysText: "a", wantErr: "texts differ"},
		{name: "out of order", goldText: "ab", gold: []Span{{1, 2}, {0, 1}}, sysText: "ab", wantErr: "gold: span 1"},
		{name: "out of range", goldText: "ab", sysText: "ab", sys: []Span{{0, 3}}, wantErr: "system: span 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Align(tt.goldText, tt.gold, tt.sysText, tt.sys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Align error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("Align = %+v, want %+v", got, tt.want)
			}
			near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
			if !near(got.Precision(), tt.p) || !near(got.Recall(), tt.r) || !near(got.F1(), tt.f1) {
				t.Errorf("P %v R %v F1 %v, want %v %v %v", got.Precision(), got.Recall(), got.F1(), tt.p, tt.r, tt.f1)
			}
		})
	}
}
