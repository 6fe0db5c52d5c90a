package server

import (
	"context"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

// withMetrics wraps the store and the coder so that every posted document
// is counted in m: its coding time, its outcome, its mentions and a failed
// save.
func withMetrics(st Store, c Coder, m *metrics.Metrics) (Store, Coder) {
	if c != nil {
		c = timedCoder{c, m}
	}
	return countingStore{st, m}, c
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

type countingStore struct {
	Store
	m *metrics.Metrics
}

func (s countingStore) SaveDocument(ctx context.Context, doc *event.Document, records []event.Record) (store.SaveResult, error) {
	start := time.Now()
	res, err := s.Store.SaveDocument(ctx, doc, records)
	switch {
	case err != nil:
		s.m.DBError()
		s.m.Document(metrics.Failed, 0, 0)
	case res.Skipped:
		s.m.Saved(time.Since(start))
		s.m.Document(metrics.Duplicate, 0, 0)
	default:
		s.m.Saved(time.Since(start))
		s.m.Document(metrics.Stored, res.Mentions, res.NewEvents)
	}
	return res, err
}
