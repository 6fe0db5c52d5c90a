package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
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

// TestServeReadOnly starts annals serve on a free loopback port, reads
// the API, checks that writes are refused, and stops it by its context.
func TestServeReadOnly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "annals.db")
	st, err := sqlite.Open(t.Context(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
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
	client := &http.Client{Timeout: 5 * time.Second}
	var resp *http.Response
	for range 100 {
		if resp, err = client.Get("http://" + addr + "/api/events"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server never answered: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /api/events: %d", resp.StatusCode)
	}
	post, err := client.Post("http://"+addr+"/api/documents", "application/json", strings.NewReader(`{"text":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusForbidden {
		t.Errorf("POST on a read-only server: %d", post.StatusCode)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}
