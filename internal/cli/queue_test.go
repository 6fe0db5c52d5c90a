package cli

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
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
