package server

import (
	"context"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/event"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

// withMetrics wraps the store and the coder so that posted documents are
// timed in m as they are coded and saved, and failed saves counted; the
// handler counts each document's outcome.
func withMetrics(st Store, c Coder, m *metrics.Metrics) (Store, Coder) {
	if c != nil {
		c = timedCoder{c, m}
	}
	return timedStore{st, m}, c
}

type timedCoder struct {
	Coder
	m *metrics.Metrics
}

func (c timedCoder) Code(ctx context.Context, doc *event.Document) (*pipeline.Result, error) {
	start := time.Now()
	res, err := c.Coder.Code(ctx, doc)
	c.m.Coded(time.Since(start))
	return res, err
}

type timedStore struct {
	Store
	m *metrics.Metrics
}

func (s timedStore) SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	start := time.Now()
	res, err := s.Store.SaveBatch(ctx, items)
	if err != nil {
		s.m.DBError()
	} else {
		s.m.Saved(time.Since(start))
	}
	return res, err
}

// outcome is the metrics outcome of a posted document.
func outcome(j *codestore.Job) string {
	switch {
	case j.Err != nil:
		return metrics.Failed
	case j.Result.Skipped:
		return metrics.Duplicate
	}
	return metrics.Stored
}
