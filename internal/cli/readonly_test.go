package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/internal/unprivileged"
)

// TestReadOnlyDatabase reads a database in a folder that the user may
// only read, as analysts receive shared datasets, with every command that
// only reads: query, export and serve. It runs as an unprivileged user,
// since root writes read-only files anyway.
func TestReadOnlyDatabase(t *testing.T) {
	if !unprivileged.Test(t) {
		return
	}
	db := queryDB(t) // four events, five mentions; closed cleanly
	unprivileged.ReadOnly(t, filepath.Dir(db))
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, args); code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
		return out.String()
	}
	if out := run("query", "--db", db, "--by", "root"); !strings.Contains(strings.Join(strings.Fields(out), " "), "total 4 5") {
		t.Errorf("query:\n%s\nwant 4 events, 5 mentions", out)
	}
	if out := run("export", "--db", db); strings.Count(out, "\n") != 4 {
		t.Errorf("export: %d lines, want 4 events", strings.Count(out, "\n"))
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- Main(ctx, &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr}, []string{"serve", "--db", db, "--addr", addr, "--token", ""})
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve: exit %d: %s", code, stderr.String())
		}
	}()
	client := &http.Client{Timeout: 5 * time.Second}
	var resp *http.Response
	for range 100 {
		if resp, err = client.Get("http://" + addr + "/api/events"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("serve never answered: %v; %s", err, stderr.String())
	}
	defer resp.Body.Close()
	var page struct{ Events []json.RawMessage }
	if err := json.NewDecoder(resp.Body).Decode(&page); resp.StatusCode != 200 || err != nil || len(page.Events) != 4 {
		t.Errorf("serve: GET /api/events: %d, %d events, %v; want 200 and 4 events", resp.StatusCode, len(page.Events), err)
	}
}

// TestReadOnlyOldSchema checks that a reading command does not upgrade a
// database of an older schema, and says what to do.
func TestReadOnlyOldSchema(t *testing.T) {
	db := queryDB(t)
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Exec(`DELETE FROM schema_version WHERE version > 1`); err != nil {
		t.Fatal(err)
	}
	h.Close()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"query", "export"} {
		var out, errb bytes.Buffer
		code := Main(t.Context(), &Env{Stdout: &out, Stderr: &errb}, []string{cmd, "--db", db})
		if code != 1 || !strings.Contains(errb.String(), "schema version 1 is older") || !strings.Contains(errb.String(), "annals ingest") {
			t.Errorf("%s: exit %d, stderr %q; want an error saying the schema is older and how to upgrade it", cmd, code, errb.String())
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a reading command changed the database")
	}
}
