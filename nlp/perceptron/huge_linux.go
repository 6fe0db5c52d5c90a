//go:build linux

package perceptron

import (
	"runtime"
	"syscall"
	"unsafe"
)

const hugePage = 2 << 20

// makeTable returns a zeroed slice of n values for a lookup table. On Linux
// a table of a few megabytes or more is mapped on its own, aligned to 2 MB
// and marked for transparent huge pages: lookups land on random pages of a
// large table, and with 4 KB pages nearly each one also misses the TLB
// (in a virtual machine a costly two-level walk). owner's cleanup unmaps
// it, so methods reading the table keep owner alive until they are done.
// Elsewhere, or when mapping fails, it is an ordinary slice.
func makeTable[T any](owner *Model, n int) []T {
	return mapped[T](owner, n, hugePage, true)
}

// makeCold returns a zeroed slice of n values that lookups never read (the
// features' keys, for Encode). Above 64 KB it is mapped apart like a
// table, without huge pages: kept off the Go heap, it neither costs the
// collector a scan nor counts in the heap whose size paces it, where the
// models' megabytes would let the garbage of a run grow by as much.
func makeCold[T any](owner *Model, n int) []T {
	return mapped[T](owner, n, 64<<10, false)
}

func mapped[T any](owner *Model, n, from int, huge bool) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < from {
		return make([]T, n)
	}
	pad := 0
	if huge {
		pad = hugePage
	}
	b, err := syscall.Mmap(-1, 0, size+pad, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n)
	}
	off := 0
	if huge {
		off = int(-uintptr(unsafe.Pointer(&b[0])) & (hugePage - 1))
		syscall.Madvise(b[off:off+size], 14) // MADV_HUGEPAGE; only a hint
	}
	runtime.AddCleanup(owner, func(b []byte) { syscall.Munmap(b) }, b)
	return unsafe.Slice((*T)(unsafe.Pointer(&b[off])), n)
}
