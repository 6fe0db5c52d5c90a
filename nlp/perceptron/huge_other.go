//go:build !linux

package perceptron

// makeTable returns a zeroed slice of n values for a lookup table (see the
// Linux version, which asks for huge pages).
func makeTable[T any](_ *Model, n int) []T { return make([]T, n) }

// makeCold returns a zeroed slice of n values that lookups never read (see
// the Linux version, which keeps it off the Go heap).
func makeCold[T any](_ *Model, n int) []T { return make([]T, n) }
