package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// TestPublished codes and ingests articles without a publication date:
// each run warns once with their count, and nothing is dated by the day
// of the run; --published dates them all and silences the warning.
func TestPublished(t *testing.T) {
	dir := t.TempDir()
	const n = 6
	writeArticles(t, dir, n) // "X condemned Y on Monday ...", no date
	for _, tt := range []struct {
		name      string
		args      []string
		published string   // --published, "" for none
		dates     []string // the dates events may have, the first of them at least once ("": none)
	}{
		// "on Monday" resolves against --published, or not at all; the
		// other events of a record have no date of their own, and take
		// the publication date (precision "publication") when there is
		// one.
		{"code undated", []string{"code", "--format", "jsonl"}, "", []string{""}},
		{"code --published", []string{"code", "--format", "jsonl"}, "2024-03-14", []string{"2024-03-11", "2024-03-14"}},
		{"ingest undated", []string{"ingest"}, "", []string{""}},
		{"ingest --published", []string{"ingest"}, "2024-03-14", []string{"2024-03-11", "2024-03-14"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "p.db")
			args := tt.args
			if args[0] == "ingest" {
				args = append(args, "--db", db)
			}
			if tt.published != "" {
				args = append(args, "--published", tt.published)
			}
			var out, errb bytes.Buffer
			if code := Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, append(args, dir)); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			warnings := strings.Count(errb.String(), "have no publication date")
			if want := tt.published == ""; (warnings == 1) != want || warnings > 1 || want && !strings.Contains(errb.String(), "6 inputs have no publication date") {
				t.Errorf("%d warnings about dates in %q; want one with the count only without --published", warnings, errb.String())
			}
			var dates []string
			if args[0] == "code" {
				sc := bufio.NewScanner(&out)
				for sc.Scan() {
					var r event.Record
					if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
						t.Fatal(err)
					}
					dates = append(dates, r.Date)
				}
			} else {
				dates = eventDates(t, db)
			}
			if len(dates) < n {
				t.Fatalf("%d events from %d articles", len(dates), n)
			}
			for _, d := range dates {
				if !slices.Contains(tt.dates, d) || !slices.Contains(dates, tt.dates[0]) {
					t.Errorf("events dated %q, want only %q", dates, tt.dates)
					break
				}
			}
		})
	}
}

// eventDates returns the dates of the events stored in db, "" for none.
func eventDates(t *testing.T, db string) []string {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []string
	for e, err := range st.AllEvents(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Date.IsZero() {
			out = append(out, "")
			continue
		}
		out = append(out, e.Date.Format("2006-01-02"))
	}
	return out
}
