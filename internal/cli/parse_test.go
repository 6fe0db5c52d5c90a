package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name, in string
		code     int
		out, err string // substrings expected
	}{
		{"text", "Rebels attacked the capital.", 0, "\tnsubj\t", ""},
		{"empty", "", 0, "", ""},
		{"invalid UTF-8", "ok \xff bad", 1, "", "-: invalid UTF-8 at byte offset 3"},
		{"binary", "a\x00b", 1, "", "NUL byte at offset 1"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(tt.in), Stdout: &out, Stderr: &errb}
		code := Main(t.Context(), env, []string{"parse", "-"})
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errb.String(), tt.err) {
			t.Errorf("%s: code %d, stdout %q, stderr %q", tt.name, code, out.String(), errb.String())
		}
	}
}
