package metrics_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"

	"github.com/annals/annals/metrics"
)

// A worker counts what it stores; Prometheus scrapes the handler mounted
// on /metrics.
func Example() {
	m := metrics.New()
	m.Document(metrics.Stored, 5, 3) // one document, five mentions, three of them new events
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/metrics")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for line := range strings.Lines(string(body)) {
		if strings.HasPrefix(line, "annals_documents_total{outcome=\"stored\"}") || strings.HasPrefix(line, "annals_events_total ") {
			fmt.Print(line)
		}
	}
	// Output:
	// annals_documents_total{outcome="stored"} 1
	// annals_events_total 5
}
