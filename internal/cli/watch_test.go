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
	tests := []struct {
		name string
		want string
		docs int64
	}{
		{"first poll", "3 documents stored, 0 already stored", 3},
		{"second poll", "0 documents stored, 0 already stored", 3},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		args := []string{"watch", "--db", db, "--state", state, "--interval", "0", srv.URL + "/feed"}
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, args); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errb.String())
		}
		if !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%s: summary %q, want %q", tt.name, errb.String(), tt.want)
		}
		if s := stats(t, db); s.Documents != tt.docs {
			t.Errorf("%s: %d documents stored, want %d", tt.name, s.Documents, tt.docs)
		}
	}
}
