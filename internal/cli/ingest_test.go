package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// writeArticles writes n short made-up articles into dir, each different.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	countries := []string{"Kenya", "Uganda", "Ethiopia", "Sudan", "Egypt", "Libya", "Chad", "Niger", "Mali", "Ghana"}
	verbs := []string{"condemned", "accused", "met", "criticized", "praised"}
	for i := 0; i < n; i++ {
		a, b := countries[i%len(countries)], countries[(i/len(countries)+i+1)%len(countries)]
		if a == b {
			b = "France"
		}
		text := fmt.Sprintf("Report %d\n\n%s %s %s on Monday over the dispute number %d.\n\nOfficials in %s said talks would follow.\n",
			i, a, verbs[i%len(verbs)], b, i, b)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func stats(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIngestIsIdempotent(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "a.db")
	writeArticles(t, dir, 12)
	run := func() string {
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, []string{"ingest", "--db", db, dir}); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	msg := run()
	first := stats(t, db)
	if first.Documents != 12 || first.Mentions == 0 {
		t.Fatalf("after the first run: %+v", first)
	}
	// The summary names documents, mentions and events apart.
	if want := fmt.Sprintf("12 documents stored, 0 already stored, 0 failed; %d mentions, %d new events", first.Mentions, first.Events); !strings.Contains(msg, want) {
		t.Errorf("summary of the first run: %q, want %q", msg, want)
	}
	msg = run()
	if again := stats(t, db); again != first {
		t.Errorf("re-ingesting changed the store: %+v, then %+v", first, again)
	}
	if !strings.Contains(msg, "0 documents stored, 12 already stored, 0 failed; 0 mentions, 0 new events") {
		t.Errorf("summary of the second run: %q", msg)
	}
}

// TestIngestSurvivesSIGKILL kills an ingest process midway, runs it again
// and checks that every document is stored once and nothing is orphaned.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds annals and runs it three times")
	}
	bin := filepath.Join(t.TempDir(), "annals")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/annals").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "k.db")
	const n = 400
	writeArticles(t, dir, n)
	args := []string{"ingest", "--db", db, "--workers", "2", "--batch", "4", dir}

	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if s := stats(t, db); s.Documents > 0 && s.Documents < n {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Skip("the first run finished before it could be killed; the machine is too fast for this check")
	}
	mid := stats(t, db)
	t.Logf("killed with %d of %d documents stored", mid.Documents, n)

	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	end := stats(t, db)
	if end.Documents != n {
		t.Errorf("%d documents stored, want %d", end.Documents, n)
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("third run: %v\n%s", err, out)
	}
	if again := stats(t, db); again != end {
		t.Errorf("a third run changed the store: %+v, then %+v", end, again)
	}

	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, q := range []string{
		`SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)`,
		`SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)`,
		`SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM mentions)`,
		`SELECT count(*) FROM (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1)`,
	} {
		var k int
		if err := h.QueryRow(q).Scan(&k); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if k != 0 {
			t.Errorf("%s: %d rows", q, k)
		}
	}
}
