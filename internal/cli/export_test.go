package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/annals/annals/event"
	"github.com/annals/annals/export"
)

func TestExport(t *testing.T) {
	db := queryDB(t) // four events, five mentions
	run := func(args ...string) []byte {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"export", "--db", db}, args...)); code != 0 {
			t.Fatalf("export %q: exit %d: %s", args, code, errb.String())
		}
		return out.Bytes()
	}
	countRows := func(data []byte, tab export.Table) int {
		r := export.NewReader(bytes.NewReader(data), tab.Name, tab)
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				return n
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n := countRows(run("--format", "gdelt"), export.Events); n != 4 {
		t.Errorf("gdelt events: %d rows, want 4", n)
	}
	if n := countRows(run("--format", "gdelt", "--table", "mentions"), export.Mentions); n != 5 {
		t.Errorf("gdelt mentions: %d rows, want 5", n)
	}
	if n := countRows(run("--format", "gdelt", "--country", "FRA"), export.Events); n != 1 {
		t.Errorf("filtered: %d rows, want 1", n)
	}
	lines := strings.Split(strings.TrimSpace(string(run())), "\n")
	for _, l := range lines {
		var r event.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Code == "" {
			t.Errorf("jsonl line %q: %v", l, err)
		}
	}
	if len(lines) != 4 {
		t.Errorf("jsonl: %d lines, want 4", len(lines))
	}
	pq := filepath.Join(t.TempDir(), "events.parquet")
	run("--format", "parquet", "--out", pq)
	fh, err := os.Open(pq)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	st, _ := fh.Stat()
	rows, err := parquet.Read[export.ParquetEvent](fh, st.Size())
	if err != nil || len(rows) != 4 {
		t.Errorf("parquet: %d rows, %v", len(rows), err)
	}
}

func TestExportErrors(t *testing.T) {
	db := queryDB(t)
	for _, args := range [][]string{
		{"--db", db, "--format", "xml"},
		{"--db", db, "--table", "documents"},
		{"--db", filepath.Join(t.TempDir(), "none.db")},
	} {
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"export"}, args...)); code != 1 {
			t.Errorf("export %q: exit %d, want 1 (%s)", args, code, errb.String())
		}
	}
}
