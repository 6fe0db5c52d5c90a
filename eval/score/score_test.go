package score

import (
	"fmt"
	"math"
	"testing"
)

func TestPRF(t *testing.T) {
	tests := []struct {
		c        PRF
		p, r, f1 float64
	}{
		{PRF{}, 0, 0, 0},
		{PRF{TP: 0, Found: 3, Want: 2}, 0, 0, 0},
		{PRF{TP: 2, Found: 4, Want: 2}, 0.5, 1, 2.0 / 3},
		{PRF{TP: 3, Found: 3, Want: 6}, 1, 0.5, 2.0 / 3},
		{PRF{TP: 1, Found: 2, Want: 4}, 0.5, 0.25, 1.0 / 3},
		{PRF{TP: 5, Found: 5, Want: 5}, 1, 1, 1},
	}
	for _, tt := range tests {
		p, r, f1 := tt.c.Precision(), tt.c.Recall(), tt.c.F1()
		if math.Abs(p-tt.p) > 1e-12 || math.Abs(r-tt.r) > 1e-12 || math.Abs(f1-tt.f1) > 1e-12 {
			t.Errorf("%+v: P %v R %v F1 %v, want %v %v %v", tt.c, p, r, f1, tt.p, tt.r, tt.f1)
		}
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b int
		want float64
	}{
		{0, 0, 0}, {3, 0, 0}, {0, 5, 0}, {1, 4, 0.25}, {6, 3, 2},
	}
	for _, tt := range tests {
		if got := Ratio(tt.a, tt.b); got != tt.want {
			t.Errorf("Ratio(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestF1(t *testing.T) {
	tests := []struct{ p, r, want float64 }{
		{0, 0, 0}, {1, 0, 0}, {1, 1, 1}, {0.5, 1, 2.0 / 3}, {0.8, 0.6, 0.96 / 1.4},
	}
	for _, tt := range tests {
		if got := F1(tt.p, tt.r); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("F1(%v, %v) = %v, want %v", tt.p, tt.r, got, tt.want)
		}
	}
}

func ExamplePRF() {
	c := PRF{TP: 3, Found: 4, Want: 6}
	fmt.Printf("P %.3f R %.3f F1 %.3f\n", c.Precision(), c.Recall(), c.F1())
	// Output: P 0.750 R 0.500 F1 0.600
}
