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
