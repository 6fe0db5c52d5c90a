// Package score holds the precision, recall and F1 arithmetic that the
// evaluations share, so that every "annals eval" command computes its
// figures the same way, empty counts included.
package score

// PRF counts what precision, recall and F1 are made of.
type PRF struct {
	TP    int // true positives: found items that match a wanted one
	Found int // items found by the system
	Want  int // items wanted: the gold standard's
}

// Precision returns TP/Found, 0 when nothing was found.
func (c PRF) Precision() float64 { return Ratio(c.TP, c.Found) }

// Recall returns TP/Want, 0 when nothing was wanted.
func (c PRF) Recall() float64 { return Ratio(c.TP, c.Want) }

// F1 returns the harmonic mean of Precision and Recall.
func (c PRF) F1() float64 { return F1(c.Precision(), c.Recall()) }

// Ratio returns a/b, or 0 when b is 0: an empty run scores 0 rather than
// NaN, which would print as such and compare false with every floor.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 returns the harmonic mean of precision p and recall r, 0 when both
// are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
