package cli

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// TestQueueCommandsBadSetup checks that the cluster commands fail with a
// message naming what is wrong, before any work starts.
func TestQueueCommandsBadSetup(t *testing.T) {
	// A port nothing listens on: take a free one and close it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "nats://" + l.Addr().String()
	l.Close()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"queue", "status", "--nats", down}, 1, "connect to NATS at " + down},
		{[]string{"queue", "dead", "--nats", down}, 1, "connect to NATS at " + down},
		{[]string{"queue", "submit", "--nats", down, "file.txt"}, 1, "connect to NATS at " + down},
		{[]string{"queue", "submit", "--nats", down}, 2, "Usage: annals queue submit"},
		{[]string{"queue", "purge"}, 2, "Usage: annals queue {dead|status|submit}"},
		{[]string{"worker", "--nats", down, "--postgres", ""}, 1, "a worker writes to PostgreSQL"},
		{[]string{"watch", "--nats", down, "http://feed.example/rss"}, 1, "connect to NATS at " + down},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), &Env{Stdout: &stdout, Stderr: &stderr}, tt.args)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("annals %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), code, stderr.String(), tt.code, tt.want)
		}
	}
}

// TestWorkerStoppedWhileStarting stops a worker whose database is not up
// yet: it waits for the database (a server still starting is not a
// failure), and a stop during that wait is clean, exit 0, as a stop once
// running is; a supervisor restarting a cluster must not read it as a
// crash.
func TestWorkerStoppedWhileStarting(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(t.Context())
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Main(ctx, &Env{Stdout: &stdout, Stderr: &stderr}, []string{"worker", "--nats", "nats://" + down,
			"--postgres", "postgres://u@" + down + "/x?connect_timeout=1", "--metrics", ""})
	}()
	// Stop once the worker has found the database down twice.
	for strings.Count(stderr.String(), "database unavailable at start") < 2 {
		select {
		case code := <-done:
			t.Fatalf("worker exited (%d) before it was stopped; stderr:\n%s", code, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("worker stopped while waiting for its database: exit %d, want 0; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "stopped before it took any work") {
		t.Errorf("stderr does not say the worker stopped before taking work:\n%s", stderr.String())
	}
}
