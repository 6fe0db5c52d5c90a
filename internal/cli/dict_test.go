package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictCheck(t *testing.T) {
	bad := t.TempDir()
	files := map[string]string{
		"actors.txt": "KESGOV 2018-10-02..2022-13-01  Nyra Adel\n",
		"verbs.txt":  "# a comment\n141  protest\n999  march\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(bad, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		code int
		want []string // lines of standard output, in order
	}{
		{"embedded", []string{"dict", "check"}, 0, []string{"embedded dictionaries: ok: "}},
		{"problems", []string{"dict", "check", "--dicts", bad}, 1, []string{
			filepath.Join(bad, "verbs.txt") + `:3: "999" is not a CAMEO event code`,
			filepath.Join(bad, "actors.txt") + `:1: bad date "2022-13-01": want YYYY-MM-DD`,
		}},
		{"no dictionaries", []string{"dict", "check", "--dicts", t.TempDir()}, 1, nil},
		{"no subcommand", []string{"dict"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), &Env{Stdout: &out, Stderr: &errOut}, tt.args)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tt.code, errOut.String())
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(tt.want) > 0 && len(lines) != len(tt.want) {
				t.Fatalf("got %q, want %d lines", lines, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d: got %q, want %q", i+1, lines[i], w)
				}
			}
		})
	}
}
