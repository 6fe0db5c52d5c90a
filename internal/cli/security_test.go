package cli

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestHelpHidesSecrets runs -h of every command and subcommand with the
// secret-holding variables set: no help may print them.
func TestHelpHidesSecrets(t *testing.T) {
	t.Setenv("ANNALS_TOKEN", "tok-SECRET-1")
	t.Setenv("ANNALS_POSTGRES", "postgres://annals:pw-SECRET-2@db.internal:5432/annals")
	t.Setenv("ANNALS_NATS", "nats://annals:pw-SECRET-3@nats.internal:4222")
	help := func(args ...string) string {
		var stderr, stdout bytes.Buffer
		Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}, args)
		return stdout.String() + stderr.String()
	}
	subs := regexp.MustCompile(`\{([a-z|-]+)\}`)
	seen := map[string]string{}
	for _, c := range commands() {
		out := help(c.Name, "-h")
		seen[c.Name] = out
		if m := subs.FindStringSubmatch(out); m != nil && strings.HasPrefix(out, "Usage: annals "+c.Name+" {") {
			for _, sub := range strings.Split(m[1], "|") {
				seen[c.Name+" "+sub] = help(c.Name, sub, "-h")
			}
		}
	}
	for name, out := range seen {
		if strings.Contains(out, "SECRET") || strings.Contains(out, "internal:") {
			t.Errorf("annals %s -h shows a secret:\n%s", name, out)
		}
	}
	for _, name := range []string{"serve", "ingest", "query", "export", "worker", "watch"} {
		if !strings.Contains(seen[name], "$ANNALS_POSTGRES") {
			t.Errorf("annals %s -h does not name $ANNALS_POSTGRES:\n%s", name, seen[name])
		}
	}
	for _, name := range []string{"worker", "watch", "queue submit", "queue status", "queue dead"} {
		if !strings.Contains(seen[name], "$ANNALS_NATS") {
			t.Errorf("annals %s -h does not name $ANNALS_NATS:\n%s", name, seen[name])
		}
	}
	if !strings.Contains(seen["serve"], "$ANNALS_TOKEN") {
		t.Errorf("annals serve -h does not name $ANNALS_TOKEN")
	}
	if len(seen) < len(commands())+3 {
		t.Errorf("only %d helps read: the subcommands were not found", len(seen))
	}
	// serve listens on loopback unless told otherwise.
	if !strings.Contains(seen["serve"], `(default "127.0.0.1:8080")`) {
		t.Errorf("annals serve -h: the default address is not loopback:\n%s", seen["serve"])
	}
}

// TestServeURLsAndMetrics starts annals serve with the token from the
// environment: a posted loopback URL is refused without
// --allow-private-urls and fetched with it; metrics are served on
// --metrics-addr only, not on the API's address.
func TestServeURLsAndMetrics(t *testing.T) {
	var hits atomic.Int64
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><p>Kenyan police arrested twelve protesters in Nairobi on Friday.</p></article></body></html>")
	}))
	defer inner.Close()
	t.Setenv("ANNALS_TOKEN", "env-token")
	client := &http.Client{Timeout: 30 * time.Second}
	do := func(method, url, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer env-token")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	post := fmt.Sprintf(`{"url":%q,"published":"2024-03-08"}`, inner.URL+"/")
	db := filepath.Join(t.TempDir(), "annals.db")

	addr, maddr := freeAddr(t), freeAddr(t)
	stop := startServe(t, addr, "--db", db, "--metrics-addr", maddr)
	if code, body := do("POST", "http://"+addr+"/api/documents", post); code != http.StatusBadGateway || !strings.Contains(body, "could not fetch the URL") {
		t.Errorf("POST a loopback URL: %d %s", code, body)
	}
	if hits.Load() != 0 {
		t.Errorf("the loopback page was fetched")
	}
	if code, _ := do("GET", "http://"+addr+"/metrics", ""); code != http.StatusNotFound {
		t.Errorf("GET /metrics on the API address: %d", code)
	}
	if code, body := do("GET", "http://"+maddr+"/metrics", ""); code != 200 || !strings.Contains(body, `annals_documents_total`) {
		t.Errorf("GET /metrics on --metrics-addr: %d %.200s", code, body)
	}
	if _, out := stop(); !strings.Contains(out, "not allowed") {
		t.Errorf("the log does not say why the URL was refused: %s", out)
	}

	addr = freeAddr(t)
	startServe(t, addr, "--db", db, "--allow-private-urls")
	if code, body := do("POST", "http://"+addr+"/api/documents", post); code != http.StatusCreated {
		t.Errorf("POST a loopback URL with --allow-private-urls: %d %s", code, body)
	}
	if hits.Load() != 1 {
		t.Errorf("the loopback page was fetched %d times, want 1", hits.Load())
	}
}
