package server

import (
	"strings"
	"testing"

	"github.com/annals/annals/metrics"
)

// TestMetricsCount checks that the server counts what is posted in its
// Metrics.
func TestMetricsCount(t *testing.T) {
	m := metrics.New()
	p := testPipeline(t)
	with, err := New(Options{Store: emptyStore(t), Coder: p, Token: testToken, Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	text := PostDocument{Text: "Kenyan police arrested twelve protesters in Nairobi on Friday.", Published: "2024-03-08"}
	for range 2 { // stored, then a duplicate
		if rec := serve(t, with, "POST", "/api/documents", text, testToken); rec.Code != 201 {
			t.Fatalf("POST: %d %s", rec.Code, rec.Body)
		}
	}
	// The caller serves m on a listener of its own (serve --metrics-addr).
	rec := serve(t, m.Handler(), "GET", "/metrics", nil, "")
	if rec.Code != 200 {
		t.Fatalf("GET /metrics: %d", rec.Code)
	}
	for _, line := range []string{
		`annals_documents_total{outcome="stored"} 1`,
		`annals_documents_total{outcome="duplicate"} 1`,
		`annals_coding_seconds_count 1`, // the duplicate is found before coding
		`annals_db_errors_total 0`,
	} {
		if !strings.Contains(rec.Body.String(), line) {
			t.Errorf("GET /metrics has no line %q", line)
		}
	}
}
