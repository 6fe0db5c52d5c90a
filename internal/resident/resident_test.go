package resident

import (
	_ "embed"
	"hash/crc32"
	"testing"
)

//go:embed resident.go
var source []byte

// The embedded bytes read the same after Drop, whatever it released.
func TestDropKeepsContent(t *testing.T) {
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = byte(i * 7)
	}
	for _, b := range [][]byte{source, big, nil, big[:10]} {
		want := crc32.ChecksumIEEE(b)
		Drop(b)
		if got := crc32.ChecksumIEEE(b); got != want {
			t.Errorf("after Drop of %d bytes: checksum %x, want %x", len(b), got, want)
		}
	}
}
