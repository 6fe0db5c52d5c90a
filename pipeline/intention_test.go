package pipeline

import (
	"testing"

	"github.com/annals/annals/event"
)

// TestIntention checks when a deed is coded as its intention; which
// intention is cameo's (cameo.TestIntent).
func TestIntention(t *testing.T) {
	tests := []struct {
		code string
		mode event.Mode
		want string
		ok   bool
	}{
		{"073", event.Future, "0333", true},
		{"073", event.Intended, "0333", true},
		{"141", event.Intended, "133", true},
		{"141", event.Future, "", false}, // an announced protest is no threat
		{"111", event.Future, "", false},
		{"073", event.Asserted, "", false},
		{"190", event.Reported, "", false},
	}
	for _, tt := range tests {
		if got, ok := intention(tt.code, tt.mode); got != tt.want || ok != tt.ok {
			t.Errorf("intention(%s, %s) = %q %v, want %q %v", tt.code, tt.mode, got, ok, tt.want, tt.ok)
		}
	}
}
