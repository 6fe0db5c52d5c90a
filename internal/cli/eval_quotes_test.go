package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestEvalQuotes(t *testing.T) {
	dir := t.TempDir()
	text := "“Prices will fall,” the minister said.\n"
	files := map[string]string{
		"data/dev/text/a.txt": text,
		"data/dev/attributions/a_x1.ann": "T1\tContent 0 19\t“Prices will fall,”\nT2\tSource 20 32\tthe minister\n" +
			"T3\tCue 33 37\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		code int
		last string // regexp for the last line of standard output
	}{
		{[]string{"--polnear", dir, "--tokens-only"}, 0, `^quotes=1 speaker_acc=1\.000 span_f1=1\.000$`},
		{[]string{"--polnear", dir, "--split", "test", "--tokens-only"}, 1, ``},
		{nil, 2, ``},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"eval", "quotes"}, tt.args...))
		if code != tt.code {
			t.Errorf("eval quotes %q: exit %d, want %d: %s", tt.args, code, tt.code, errb.String())
			continue
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if tt.last != "" && !regexp.MustCompile(tt.last).MatchString(lines[len(lines)-1]) {
			t.Errorf("eval quotes %q: last line %q does not match %s", tt.args, lines[len(lines)-1], tt.last)
		}
	}
}
