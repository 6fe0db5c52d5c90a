// Package metrics holds the Prometheus metrics annals processes expose on
// /metrics: what a worker codes and stores, how long coding takes, how far
// behind the queue it is and how often the database fails. Each process
// makes its own set with New; nothing is registered globally, so tests and
// embedded uses can make as many as they like.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Outcomes of a document, the values of the documents counter's label.
const (
	Stored    = "stored"    // coded and stored
	Duplicate = "duplicate" // already stored (same text): nothing added
	Failed    = "failed"    // coding or storing failed; it will be retried
	Dead      = "dead"      // failed too often: moved to the dead letters
)

// Metrics is one process's set of metrics. Its methods are safe for
// concurrent use.
type Metrics struct {
	reg       *prometheus.Registry
	documents *prometheus.CounterVec
	events    prometheus.Counter
	newEvents prometheus.Counter
	coding    prometheus.Histogram
	save      prometheus.Histogram
	lagMsgs   prometheus.Gauge
	lagAge    prometheus.Gauge
	dbErrors  prometheus.Counter
	mqErrors  prometheus.Counter
}

// New makes a set of metrics, with the Go runtime's and the process's.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "annals_documents_total", Help: "Documents handled, by outcome (stored, duplicate, failed, dead).",
		}, []string{"outcome"}),
		events: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "annals_events_total", Help: "Event mentions stored (coded events, one per sentence and event).",
		}),
		newEvents: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "annals_new_events_total", Help: "Distinct events created (mentions that did not fold into a stored event).",
		}),
		coding: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "annals_coding_seconds", Help: "Time to code one document with the language pipeline.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14), // 1ms .. 8s
		}),
		save: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "annals_save_seconds", Help: "Time of one database transaction saving a batch of documents.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
		lagMsgs: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "annals_queue_lag_messages", Help: "Messages waiting in the work stream behind the last one fetched.",
		}),
		lagAge: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "annals_queue_lag_seconds", Help: "Age of the last fetched message: how long documents wait in the queue.",
		}),
		dbErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "annals_db_errors_total", Help: "Failed database transactions (each retry counts).",
		}),
		mqErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "annals_queue_errors_total", Help: "Failed NATS operations: fetches, acks, publishes (each retry counts).",
		}),
	}
	m.reg.MustRegister(m.documents, m.events, m.newEvents, m.coding, m.save, m.lagMsgs, m.lagAge, m.dbErrors, m.mqErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Every outcome shows from the start, so rate() works from the first scrape.
	for _, o := range []string{Stored, Duplicate, Failed, Dead} {
		m.documents.WithLabelValues(o)
	}
	return m
}

// Handler serves the metrics in the Prometheus exposition format; mount it
// on /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is where the metrics are registered, for a process that adds
// its own.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Document counts one document with its outcome and, when stored, the
// mentions and new events it added.
func (m *Metrics) Document(outcome string, mentions, newEvents int) {
	m.documents.WithLabelValues(outcome).Inc()
	m.events.Add(float64(mentions))
	m.newEvents.Add(float64(newEvents))
}

// Coded observes the time coding one document took.
func (m *Metrics) Coded(d time.Duration) { m.coding.Observe(d.Seconds()) }

// Saved observes the time of one save transaction.
func (m *Metrics) Saved(d time.Duration) { m.save.Observe(d.Seconds()) }

// Lag sets the queue lag from the last fetched message: how many wait
// behind it and when it was published.
func (m *Metrics) Lag(pending uint64, published time.Time) {
	m.lagMsgs.Set(float64(pending))
	if !published.IsZero() {
		m.lagAge.Set(time.Since(published).Seconds())
	}
}

// DBError counts a failed database transaction.
func (m *Metrics) DBError() { m.dbErrors.Inc() }

// QueueError counts a failed NATS operation.
func (m *Metrics) QueueError() { m.mqErrors.Inc() }
