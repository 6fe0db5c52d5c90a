package queue

import (
	"strings"
	"testing"
)

// TestConnectHidesCredentials connects to NATS URLs that carry a password
// or a token and lead nowhere: the error names the servers, not the
// credentials.
func TestConnectHidesCredentials(t *testing.T) {
	_, _, err := Connect("nats://alice:s3cret-pw@127.0.0.1:1, nats://t0ken-secret@127.0.0.1:2", "test")
	if err == nil {
		t.Fatal("connected to nothing")
	}
	for _, secret := range []string{"s3cret-pw", "t0ken-secret"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error shows %q: %v", secret, err)
		}
	}
	if !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("error does not name the server: %v", err)
	}
}
