package event

import "testing"

func TestContentHash(t *testing.T) {
	if ContentHash("a  b\n\nc") != ContentHash("a b c") {
		t.Error("white space changed the hash")
	}
	if ContentHash("a b c") == ContentHash("a b d") {
		t.Error("different texts share a hash")
	}
	if id := DocumentID(" a b c "); id != "d-"+ContentHash("a b c")[:16] {
		t.Errorf("DocumentID = %q", id)
	}
}
