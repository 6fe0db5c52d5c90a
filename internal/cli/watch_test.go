package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchSingleMachine polls a feed twice without --nats: the first run
// codes and stores its items, the second finds them in the state file and
// stores nothing.
func TestWatchSingleMachine(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
		for i, c := range []string{"Kenya", "Uganda", "Ghana"} {
			fmt.Fprintf(w, `<item><guid>item-%d</guid><title>Item %d</title><description>%s condemned France on Monday over the dispute number %d.</description></item>`, i, i, c, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db, state := filepath.Join(dir, "w.db"), filepath.Join(dir, "state.json")
	db2, state2 := filepath.Join(dir, "w2.db"), filepath.Join(dir, "state2.json")
	tests := []struct {
		name    string
		db      string
		state   string
		flags   []string
		want    string
		undated string // the warning about items without a date; "" for none
		docs    int64
	}{
		{"first poll", db, state, nil, "3 documents stored, 0 already stored", "3 inputs have no publication date", 3},
		{"second poll", db, state, nil, "0 documents stored, 0 already stored", "", 3},
		{"dated by --published", db2, state2, []string{"--published", "2024-03-14"}, "3 documents stored, 0 already stored", "", 3},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		args := append([]string{"watch", "--db", tt.db, "--state", tt.state, "--interval", "0"}, tt.flags...)
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, append(args, srv.URL+"/feed")); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errb.String())
		}
		if !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%s: summary %q, want %q", tt.name, errb.String(), tt.want)
		}
		if got := strings.Contains(errb.String(), "have no publication date"); got != (tt.undated != "") || !strings.Contains(errb.String(), tt.undated) {
			t.Errorf("%s: output %q, want the warning %q", tt.name, errb.String(), tt.undated)
		}
		if s := stats(t, tt.db); s.Documents != tt.docs {
			t.Errorf("%s: %d documents stored, want %d", tt.name, s.Documents, tt.docs)
		}
	}
	for _, d := range eventDates(t, db2) {
		if d != "2024-03-14" && d != "2024-03-11" {
			t.Errorf("--published 2024-03-14 gave an event dated %q", d)
		}
	}
}
