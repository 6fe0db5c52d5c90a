//go:build linux

package resident

import (
	"os"
	"syscall"
	"unsafe"
)

const madvPageout = 21

func drop(b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	end := start + uintptr(len(b))
	from, to := (start+page-1)&^(page-1), end&^(page-1)
	if from >= to {
		return
	}
	// MADV_PAGEOUT (Linux 5.4) reclaims the pages and keeps their content
	// whatever they are: clean pages of the file mapping are read again
	// when touched, and memory of any other kind stays as it is where
	// there is no swap. Only a hint: an older kernel refuses it.
	syscall.Syscall(syscall.SYS_MADVISE, from, to-from, madvPageout)
}
