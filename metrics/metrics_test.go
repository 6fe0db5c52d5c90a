package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

func TestMetrics(t *testing.T) {
	m := New()
	m.Document(Stored, 3, 2)
	m.Document(Stored, 1, 0)
	m.Document(Duplicate, 0, 0)
	m.Coded(20 * time.Millisecond)
	m.Saved(3 * time.Millisecond)
	m.Lag(42, time.Now().Add(-time.Minute))
	m.DBError()
	m.QueueError()
	m.QueueError()
	body := scrape(t, m)
	tests := []struct{ line string }{
		{`annals_documents_total{outcome="stored"} 2`},
		{`annals_documents_total{outcome="duplicate"} 1`},
		{`annals_documents_total{outcome="dead"} 0`},
		{`annals_events_total 4`},
		{`annals_new_events_total 2`},
		{`annals_coding_seconds_bucket{le="0.032"} 1`},
		{`annals_coding_seconds_bucket{le="0.016"} 0`},
		{`annals_save_seconds_count 1`},
		{`annals_queue_lag_messages 42`},
		{`annals_db_errors_total 1`},
		{`annals_queue_errors_total 2`},
		{`go_goroutines `},
	}
	for _, tt := range tests {
		if !strings.Contains(body, tt.line) {
			t.Errorf("scrape has no line %q", tt.line)
		}
	}
	if !strings.Contains(body, "annals_queue_lag_seconds 6") && !strings.Contains(body, "annals_queue_lag_seconds 59") {
		t.Errorf("queue lag in seconds is not about a minute:\n%s", body)
	}
}

// TestIndependentSets checks there is no global registry: two sets count
// apart.
func TestIndependentSets(t *testing.T) {
	a, b := New(), New()
	a.Document(Stored, 1, 1)
	if strings.Contains(scrape(t, b), `annals_documents_total{outcome="stored"} 1`) {
		t.Error("a document counted in one set shows in another")
	}
}
