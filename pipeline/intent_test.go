package pipeline

import (
	"testing"

	"github.com/annals/annals/event"
)

func TestIntent(t *testing.T) {
	tests := []struct {
		code string
		mode event.Mode
		want string
		ok   bool
	}{
		{"0731", event.Future, "0333", true},
		{"073", event.Intended, "0333", true},
		{"040", event.Future, "036", true},
		{"0831", event.Intended, "0341", true},
		{"190", event.Future, "138", true},
		{"163", event.Intended, "1312", true},
		{"141", event.Intended, "133", true},
		{"141", event.Future, "141", false},
		{"111", event.Future, "111", false},
		{"073", event.Asserted, "073", false},
	}
	for _, tt := range tests {
		if got, ok := intent(tt.code, tt.mode); got != tt.want || ok != tt.ok {
			t.Errorf("intent(%s, %s) = %s %v, want %s %v", tt.code, tt.mode, got, ok, tt.want, tt.ok)
		}
	}
}
