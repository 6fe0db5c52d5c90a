package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":   "Talks Resume\n\nNegotiators met in Geneva on Monday.",
		"b.jsonl": `{"id":"b1","text":"The border reopened.","published":"2020-01-24"}` + "\nbroken\n",
		"c.bin":   "\x00\x01",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	code := Main(t.Context(), &Env{Stdin: strings.NewReader("From stdin."), Stdout: &out, Stderr: &errb}, []string{"ingest", dir, "-"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var d struct{ ID, Title, Published, Hash, Text string }
		if err := json.Unmarshal([]byte(l), &d); err != nil || len(d.Hash) != 64 {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, d.Title+"|"+d.Published+"|"+d.Text)
	}
	want := []string{
		"Talks Resume||Talks Resume\n\nNegotiators met in Geneva on Monday.",
		"|2020-01-24T00:00:00Z|The border reopened.",
		"||From stdin.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	e := errb.String()
	if !strings.Contains(e, "b.jsonl:2") || !strings.Contains(e, "c.bin: skipped") || !strings.Contains(e, "3 documents, 1 inputs failed") {
		t.Errorf("stderr:\n%s", e)
	}
}
