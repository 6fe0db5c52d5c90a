package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestStoreCommands runs the maintenance commands in the order a user
// would on the four events of queryDB: what prune and compact would do,
// then doing it, and the rollups checked and rebuilt.
func TestStoreCommands(t *testing.T) {
	db := queryDB(t)
	for _, c := range []struct {
		args []string
		code int
		want string // in the output
	}{
		{[]string{"prune", "--db", db, "--before", "2020-01-31"}, 0, "would delete 2 events, 3 mentions and 1 documents"},
		{[]string{"query", "--db", db, "--by", "quad"}, 0, "total 4 5"},
		{[]string{"prune", "--db", db, "--before", "2020-01-31", "--yes"}, 0, "deleted 2 events, 3 mentions and 1 documents"},
		{[]string{"query", "--db", db, "--by", "day"}, 0, "2020-02-01 1 1 1.00\n2020-02-03 1 1 -10.00\ntotal 2 2"},
		{[]string{"store", "rebuild-rollups", "--db", db, "--check"}, 0, "match a recount"},
		{[]string{"store", "rebuild-rollups", "--db", db}, 0, "rollups recounted"},
		{[]string{"store", "compact", "--db", db}, 0, "VACUUM"},
		{[]string{"store", "compact", "--db", db, "--yes"}, 0, "compacted"},
		{[]string{"store", "prune", "--db", db}, 1, "--before DATE is required"},
		{[]string{"store", "prune", "--db", db, "--before", "March"}, 1, `--before "March": want a date`},
		{[]string{"store", "shrink", "--db", db}, 2, "rebuild-rollups"},
	} {
		args := c.args
		if args[0] == "prune" {
			args = append([]string{"store"}, args...)
		}
		var out, errb bytes.Buffer
		code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, args)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()+errb.String()), "\n") {
			got = append(got, strings.Join(strings.Fields(l), " "))
		}
		if text := strings.Join(got, "\n"); code != c.code || !strings.Contains(text, c.want) {
			t.Errorf("annals %s: exit %d, output\n%s\nwant exit %d and %q", strings.Join(args, " "), code, text, c.code, c.want)
		}
	}
}
