package event

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
)

// ContentHash identifies a document by its text: the hex SHA-256 of the
// text with runs of white space collapsed, so that the same article
// reflowed or re-indented is the same document everywhere (ingest, the
// queue, the store).
func ContentHash(text string) string {
	h := sha256.New()
	for i, f := range strings.Fields(text) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		io.WriteString(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DocumentID is the id a document without one gets: "d-" and the first
// 16 hex digits of its ContentHash.
func DocumentID(text string) string { return "d-" + ContentHash(text)[:16] }
