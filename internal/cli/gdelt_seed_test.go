package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/export"
	"github.com/annals/annals/internal/testshared"
)

// TestSeedGDELTExport ingests the seed article and exports its events and
// mentions as GDELT 2.0 tables, read back with the reader that reads
// GDELT's own files.
func TestSeedGDELTExport(t *testing.T) {
	seed := testshared.File(t, "seed/baghdad-march.txt")
	dir := t.TempDir()
	// The seed's date comes from a JSON Lines record, as a feed would give it.
	text, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	var rec bytes.Buffer
	rec.WriteString(`{"id":"seed","url":"file:baghdad-march.txt","published":"2020-01-24","text":`)
	quoted, err := json.Marshal(string(text))
	if err != nil {
		t.Fatal(err)
	}
	rec.Write(quoted)
	rec.WriteString("}\n")
	in := filepath.Join(dir, "seed.jsonl")
	if err := os.WriteFile(in, rec.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "seed.db")
	run := func(args ...string) string {
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, args); code != 0 {
			t.Fatalf("annals %v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	run("ingest", "--db", db, in)
	for _, tc := range []struct {
		table string
		t     export.Table
		cols  int
	}{{"events", export.Events, 61}, {"mentions", export.Mentions, 16}} {
		out := run("export", "--db", db, "--format", "gdelt", "--table", tc.table)
		r := export.NewReader(strings.NewReader(out), tc.table, tc.t)
		rows := 0
		for {
			row, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", tc.table, err)
			}
			if len(row) != tc.cols {
				t.Fatalf("%s row has %d columns, want %d", tc.table, len(row), tc.cols)
			}
			rows++
		}
		if rows == 0 {
			t.Errorf("no %s exported from the seed", tc.table)
		}
	}
}
