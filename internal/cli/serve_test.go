package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

func TestServeErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "annals.db")
	st, err := sqlite.Open(t.Context(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, c := range []struct {
		name string
		args []string
		want string
		code int
	}{
		{"missing database", []string{"--db", filepath.Join(dir, "nope.db")}, "no database", 1},
		{"stray argument", []string{"extra"}, "Usage: annals serve", 2},
		{"bad address", []string{"--db", db, "--addr", "127.0.0.1:-1", "--token", ""}, "listen on 127.0.0.1:-1", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := Main(t.Context(), &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr}, append([]string{"serve"}, c.args...))
			if code != c.code || !strings.Contains(stderr.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), c.code, c.want)
			}
		})
	}
}

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startServe runs annals serve with args on addr until the test ends, and
// waits until it answers. stop stops it and returns its exit code and
// what it wrote.
func startServe(t *testing.T, addr string, args ...string) (stop func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{}) // closed when serve has returned exit
	var exit int
	var stderr syncBuffer
	go func() {
		defer close(done)
		exit = Main(ctx, &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr}, append([]string{"serve", "--addr", addr}, args...))
	}()
	stop = func() (int, string) {
		cancel()
		<-done
		return exit, stderr.String()
	}
	t.Cleanup(func() { stop() })
	client := &http.Client{Timeout: 5 * time.Second}
	for range 1500 { // loading the coding pipeline takes seconds
		resp, err := client.Get("http://" + addr + "/api/openapi.json")
		if err == nil {
			resp.Body.Close()
			return stop
		}
		select {
		case <-done:
			t.Fatalf("serve exited %d: %s", exit, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve never answered: %s", stderr.String())
	return nil
}

// syncBuffer is a bytes.Buffer that a server's goroutines may write
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeReadOnly starts annals serve on a free loopback port, reads
// the API, checks that writes are refused, and stops it by its context.
// An explicit empty --token makes it read-only even with $ANNALS_TOKEN set.
func TestServeReadOnly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "annals.db")
	st, err := sqlite.Open(t.Context(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("ANNALS_TOKEN", "env-token")
	addr := freeAddr(t)
	stop := startServe(t, addr, "--db", db, "--token", "")
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /api/events: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("POST", "http://"+addr+"/api/documents", strings.NewReader(`{"text":"x"}`))
	req.Header.Set("Authorization", "Bearer env-token")
	post, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusForbidden {
		t.Errorf("POST on a read-only server: %d", post.StatusCode)
	}
	if code, out := stop(); code != 0 {
		t.Errorf("exit %d: %s", code, out)
	}
}
