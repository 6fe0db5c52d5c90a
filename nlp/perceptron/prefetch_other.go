//go:build !amd64 || purego

package perceptron

import "unsafe"

// prefetch touches the slots at base+slots[i]<<shift with loads whose
// values are not branched on, so that their misses overlap (see the amd64
// version, which uses prefetch instructions). Every slot type starts with
// its uint32 fingerprint.
func prefetch(base unsafe.Pointer, slots []uint32, shift uint) {
	var sink uint32
	for _, s := range slots {
		sink ^= *(*uint32)(unsafe.Add(base, uintptr(s)<<shift))
	}
	keep(sink)
}

// prefetchSpan touches the cache lines of the n bytes from p (n > 0), a
// uint32 at a time.
func prefetchSpan(p unsafe.Pointer, n uintptr) {
	var sink uint32
	for o := uintptr(0); o < n; o += 64 {
		sink ^= *(*uint32)(unsafe.Add(p, o&^3))
	}
	keep(sink)
}

// keep consumes the value of the touching loads; as a call the compiler
// does not look into, it keeps them from being removed as dead code.
//
//go:noinline
func keep(uint32) {}

// addRow adds row to scores, class by class (len(row) >= len(scores)).
func addRow(scores, row []float32) {
	row = row[:len(scores)]
	for c := range scores {
		scores[c] += row[c]
	}
}
