// Package duckdbtest reads annals' Parquet export back with DuckDB, the
// engine researchers load it into. It is a module of its own, so that
// annals does not build DuckDB (a large C++ library, through cgo): run it
// on purpose, from this folder, with
//
//	go test .
//
// (cgo and a C++ linker are needed; the first build takes minutes).
package duckdbtest

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/annals/annals/event"
	"github.com/annals/annals/export"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
	"github.com/annals/annals/store/storetest"
)

// row is one count as DuckDB reads it from a Parquet file.
type row struct {
	ID              int64
	Kind            string
	Low, High       int64
	Precision, Text string
	Start, End      int64
}

// TestParquetCountsRoundTrip folds two reports of one clash with
// different death tolls and a march with a vague crowd, exports events
// and mentions to Parquet, and reads the counts back with DuckDB.
func TestParquetCountsRoundTrip(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "annals.db"), store.Options{Now: func() time.Time { return storetest.Clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clash := storetest.Rec("2021-03-02", "MMRMIL", "MMRCVL", "190", "Basra", 0)
	first, second := clash, clash
	first.Counts = []event.Count{{Kind: event.Killed, Low: 18, High: 18, Precision: event.AtLeast, Text: "at least 18 people", Start: 0, End: 18}}
	second.Counts = []event.Count{{Kind: event.Killed, Low: 38, High: 38, Precision: event.Exact, Text: "38 protesters", Start: 3, End: 16}}
	march := storetest.Rec("2021-03-03", "MMROPP", "MMRGOV", "141", "Baghdad", 1)
	march.Counts = []event.Count{{Kind: event.Crowd, Low: 2000, High: 9999, Precision: event.Vague, Text: "Thousands", Start: 30, End: 39}}
	for _, d := range []struct {
		url  string
		recs []event.Record
	}{{"https://a.example/1", []event.Record{first, march}}, {"https://b.example/1", []event.Record{second}}} {
		if _, err := st.SaveDocument(t.Context(), storetest.Doc(d.url, "", "", "2021-03-03"), d.recs); err != nil {
			t.Fatal(err)
		}
	}

	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var version string
	if err := db.QueryRowContext(t.Context(), `SELECT version()`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	t.Logf("DuckDB %s", version)
	read := func(path string) []row {
		t.Helper()
		rows, err := db.QueryContext(t.Context(), `SELECT GLOBALEVENTID, c.kind, c.low, c.high, c.precision, c.text, c.start, c."end"
			FROM (SELECT GLOBALEVENTID, unnest(counts) AS c FROM read_parquet(?)) ORDER BY GLOBALEVENTID, c.low`, path)
		if err != nil {
			t.Fatalf("DuckDB reading %s: %v", path, err)
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.ID, &r.Kind, &r.Low, &r.High, &r.Precision, &r.Text, &r.Start, &r.End); err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	write := func(name string, w func(*bytes.Buffer) (int, error)) string {
		t.Helper()
		var buf bytes.Buffer
		if _, err := w(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}

	events := write("events.parquet", func(b *bytes.Buffer) (int, error) {
		return export.WriteEvents(b, export.Parquet, st.AllEvents(t.Context(), store.Filter{}))
	})
	// The clash keeps the range its two reports span, with the first
	// report's words; the march its vague crowd.
	want := []row{
		{1, "killed", 18, 38, "at_least", "at least 18 people", 0, 18},
		{2, "crowd", 2000, 9999, "vague", "Thousands", 30, 39},
	}
	if got := read(events); !reflect.DeepEqual(got, want) {
		t.Errorf("events' counts in DuckDB:\n got %+v\nwant %+v", got, want)
	}
	mentions := write("mentions.parquet", func(b *bytes.Buffer) (int, error) {
		return export.WriteMentions(b, export.Parquet, st.AllMentions(t.Context(), store.Filter{}))
	})
	// Each mention keeps its own.
	want = []row{
		{1, "killed", 18, 18, "at_least", "at least 18 people", 0, 18},
		{1, "killed", 38, 38, "exact", "38 protesters", 3, 16},
		{2, "crowd", 2000, 9999, "vague", "Thousands", 30, 39},
	}
	if got := read(mentions); !reflect.DeepEqual(got, want) {
		t.Errorf("mentions' counts in DuckDB:\n got %+v\nwant %+v", got, want)
	}
	// GDELT's columns read as before, beside the counts.
	var code string
	var n int64
	if err := db.QueryRowContext(t.Context(), `SELECT EventCode, NumMentions FROM read_parquet(?) WHERE GLOBALEVENTID = 1`, events).Scan(&code, &n); err != nil || code != "190" || n != 2 {
		t.Errorf("event 1 in DuckDB: code %q, %d mentions, %v; want 190, 2", code, n, err)
	}
}
