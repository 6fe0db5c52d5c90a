//go:build !purego

package perceptron

import "unsafe"

// prefetch asks the processor to bring the slots at base+slots[i]<<shift
// into its caches (PREFETCHT0) and returns at once: unlike a load, a
// prefetch retires without waiting for memory, so the misses of a whole
// batch are in flight together and the work after it is not held up
// behind them.
//
//go:noescape
func prefetch(base unsafe.Pointer, slots []uint32, shift uint)

// prefetchSpan is prefetch for the cache lines of the n bytes from p
// (n > 0).
//
//go:noescape
func prefetchSpan(p unsafe.Pointer, n uintptr)

// addRow adds row to scores, class by class (len(row) >= len(scores)),
// four classes to an SSE instruction: each class's sum is the same float32
// addition as one at a time, so scores are the same bit for bit. A
// tagger's dense rows have 107 classes, and adding them one by one was a
// tenth of the language layer's time.
//
//go:noescape
func addRow(scores, row []float32)
