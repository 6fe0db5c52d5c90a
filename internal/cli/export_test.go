package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
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
	// Sorted by deaths: the one event that states any first, its count
	// in the record; filtered by them: that event alone.
	for _, c := range []struct {
		args  []string
		lines int
	}{{[]string{"--sort", "killed"}, 4}, {[]string{"--min-killed", "7"}, 1}, {[]string{"--sort", "crowd", "--max-killed", "7"}, 1}} {
		lines := strings.Split(strings.TrimSpace(string(run(c.args...))), "\n")
		var first event.Record
		if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || len(lines) != c.lines {
			t.Fatalf("export %q: %d lines, %v; want %d", c.args, len(lines), err, c.lines)
		}
		if first.Code != "190" || len(first.Counts) != 1 || first.Counts[0].Kind != event.Killed || first.Counts[0].Low != 7 {
			t.Errorf("export %q: first event %s with counts %+v, want 190 with 7 killed", c.args, first.Code, first.Counts)
		}
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
		{"--db", db, "--sort", "wounded"},
		{"--db", db, "--sort", "killed", "--table", "mentions"},
		{"--db", db, "--min-killed", "many"},
		{"--db", filepath.Join(t.TempDir(), "none.db")},
	} {
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"export"}, args...)); code != 1 {
			t.Errorf("export %q: exit %d, want 1 (%s)", args, code, errb.String())
		}
	}
}

// TestYearPrecision codes an event dated only to a year, stores it and
// exports it: its year is its date everywhere, never its 1 January (the
// record, the counts by day, the date filters, the GDELT and Parquet date
// columns), and it is marked and filtered as background.
func TestYearPrecision(t *testing.T) {
	dir := t.TempDir()
	text := "Police arrests\n\nKenyan police arrested twelve protesters in Nairobi in 2019.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "annals.db")
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, args); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	run("ingest", "--db", db, "--published", "2024-03-12", dir)

	var r event.Record
	if err := json.Unmarshal([]byte(run("export", "--db", db)), &r); err != nil {
		t.Fatal(err)
	}
	if r.Date != "2019" || r.DatePrecision != "year" || !r.Background || r.Root != "17" {
		t.Errorf("exported record %s %s %s background %v, want an arrest of 2019 at year precision, background", r.Code, r.Date, r.DatePrecision, r.Background)
	}
	if byDay := run("query", "--db", db, "--by", "day"); !regexp.MustCompile(`(?m)^\s*2019\s+1\s`).MatchString(byDay) || strings.Contains(byDay, "2019-01-01") {
		t.Errorf("counts by day:\n%s\nwant the year's event under 2019, not on its 1 January", byDay)
	}
	for _, c := range []struct {
		filter []string
		rows   int
	}{
		{[]string{"--from", "2019-01-01", "--to", "2019-12-31"}, 1},
		{[]string{"--from", "2019-01-01", "--to", "2019-01-31"}, 0},
		{[]string{"--background", "true"}, 1},
		{[]string{"--background", "false"}, 0},
	} {
		if got := strings.Count(run(append([]string{"export", "--db", db}, c.filter...)...), "\n"); got != c.rows {
			t.Errorf("export %q: %d events, want %d", c.filter, got, c.rows)
		}
	}
	row, err := export.NewReader(strings.NewReader(run("export", "--db", db, "--format", "gdelt")), "gdelt", export.Events).Read()
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range map[string]string{"SQLDATE": "20190000", "MonthYear": "201900", "Year": "2019", "FractionDate": "2019.0000"} {
		if got := row[export.Events.Index(col)]; got != want {
			t.Errorf("gdelt %s = %q, want %q", col, got, want)
		}
	}
	pq := filepath.Join(t.TempDir(), "events.parquet")
	run("export", "--db", db, "--format", "parquet", "--out", pq)
	data, err := os.ReadFile(pq)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[export.ParquetEvent](bytes.NewReader(data), int64(len(data)))
	if err != nil || len(rows) != 1 || *rows[0].SQLDate != 20190000 || *rows[0].Year != 2019 {
		t.Errorf("parquet: %+v, %v", rows, err)
	}
}
