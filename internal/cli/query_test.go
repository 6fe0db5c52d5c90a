package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
	"github.com/annals/annals/store/storetest"
)

// queryDB makes a database of four events, one of them reported twice.
func queryDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := sqlite.Open(t.Context(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range []struct {
		doc  *event.Document
		recs []event.Record
	}{
		{storetest.Doc("https://a.example/1", "A", "", ""), []event.Record{
			storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
			storetest.Rec("2020-01-06", "IRQGOV", "USAGOV", "0311", "Baghdad", 1),
		}},
		{storetest.Doc("https://b.example/1", "B", "", ""), []event.Record{
			storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 0),
			storetest.Rec("2020-02-01", "FRAGOV", "DEUGOV", "040", "Paris", 1),
			killed(storetest.Rec("2020-02-03", "USAMIL", "IRQREB", "190", "Basra", 2), 7),
		}},
	} {
		if _, err := s.SaveDocument(t.Context(), a.doc, a.recs); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// killed gives r a count of n people killed.
func killed(r event.Record, n int64) event.Record {
	r.Counts = []event.Count{{Kind: event.Killed, Low: n, High: n, Precision: event.Exact, Text: "seven", Start: 20, End: 25}}
	return r
}

func TestQuery(t *testing.T) {
	db := queryDB(t)
	for _, c := range []struct {
		name string
		args []string
		want []string // lines, spaces squeezed
	}{
		{"by day", []string{"--db", db}, []string{"day events mentions goldstein", "2020-01-05 1 2 -5.00", "2020-01-06 1 1 5.20", "2020-02-01 1 1 1.00", "2020-02-03 1 1 -10.00", "total 4 5"}},
		{"by root, filtered", []string{"--by", "root", "--country", "IRQ", "--db", db}, []string{"root events mentions goldstein label", "03 1 1 5.20 EXPRESS INTENT TO COOPERATE", "10 1 2 -5.00 DEMAND", "19 1 1 -10.00 FIGHT", "total 3 4"}},
		{"by quad", []string{"--by", "quad", "--db", db}, []string{"quad events mentions goldstein label", "1 2 2 3.10 verbal cooperation", "3 1 2 -5.00 verbal conflict", "4 1 1 -10.00 material conflict", "total 4 5"}},
		{"by actor, two filters", []string{"--db", db, "--by", "actor", "--actor", "USA", "--quad", "3"}, []string{"actor events mentions goldstein", "IRQLEG 1 2 -5.00", "total 1 2"}},
		// Codes in any case, as the API reads them.
		{"lower case country", []string{"--db", db, "--country", "irq", "--by", "country"}, []string{"country events mentions goldstein", "IRQ 3 4 -3.27", "total 3 4"}},
		{"lower case actor and plover", []string{"--db", db, "--by", "actor", "--actor", "irq", "--plover", "assault", "--mode", "ASSERTED"}, []string{"actor events mentions goldstein", "USAMIL 1 1 -10.00", "total 1 1"}},
		{"by country, date range", []string{"--db", db, "--by", "country", "--from", "2020-01-06", "--to", "2020-02-01"}, []string{"country events mentions goldstein", "FRA 1 1 1.00", "IRQ 1 1 5.20", "total 2 2"}},
		{"nothing matches", []string{"--db", db, "--text", "volcano"}, []string{"day events mentions goldstein", "total 0 0"}},
		{"min killed", []string{"--db", db, "--by", "root", "--min-killed", "5"}, []string{"root events mentions goldstein label", "19 1 1 -10.00 FIGHT", "total 1 1"}},
		{"max killed", []string{"--db", db, "--by", "root", "--max-killed", "6"}, []string{"root events mentions goldstein label", "total 0 0"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"query"}, c.args...))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				got = append(got, strings.Join(strings.Fields(l), " "))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	db := queryDB(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing database", []string{"--db", missing}, 1, missing},
		{"bad date", []string{"--db", db, "--from", "January"}, 1, "--from"},
		{"bad quad", []string{"--db", db, "--quad", "5"}, 1, "--quad"},
		{"bad bbox", []string{"--db", db, "--bbox", "1,2,3"}, 1, "--bbox"},
		{"bad group", []string{"--db", db, "--by", "colour"}, 1, "colour"},
		{"code not digits", []string{"--db", db, "--code", "abc"}, 1, `--code "abc"`},
		{"code not CAMEO", []string{"--db", db, "--code", "99"}, 1, `--code "99"`},
		{"country not ISO3", []string{"--db", db, "--country", "us"}, 1, `--country "us"`},
		{"bad mode", []string{"--db", db, "--mode", "sarcastic"}, 1, `--mode "sarcastic"`},
		{"bad plover", []string{"--db", db, "--plover", "CONFLICT"}, 1, `--plover "CONFLICT"`},
		{"dates reversed", []string{"--db", db, "--from", "2020-02-01", "--to", "2020-01-01"}, 1, "--to"},
		{"stray argument", []string{"--db", db, "extra"}, 2, "extra"},
		{"count not a number", []string{"--db", db, "--min-killed", "ten"}, 1, `--min-killed "ten"`},
		{"counts reversed", []string{"--db", db, "--min-crowd", "10", "--max-crowd", "5"}, 1, "--max-crowd"},
		{"unreachable postgres", []string{"--postgres", "postgres://u@127.0.0.1:1/x?connect_timeout=2"}, 1, "127.0.0.1:1/x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append([]string{"query"}, c.args...))
			if code != c.code || !strings.Contains(errb.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d naming %q", code, errb.String(), c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("query created the missing database %s", missing)
	}
}
