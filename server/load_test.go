package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
	"github.com/annals/annals/store/storetest"
)

// The load test's store: how many synthetic events, and a file to keep
// them in between runs (filling a million takes minutes).
var (
	loadEvents = flag.Int("load-events", 100_000, "events BenchmarkEventsAPI stores before the load (the target is for 1000000)")
	loadDB     = flag.String("load-db", "", "SQLite `file` BenchmarkEventsAPI fills once and reuses; default: a temporary one")
	loadFor    = flag.Duration("load-for", time.Minute, "longest a BenchmarkEventsAPI run may send requests")
)

// filterQuery writes f as /api/events parameters.
func filterQuery(f store.Filter) url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	set("from", day(f.From))
	set("to", day(f.To))
	set("source", f.SourceActor)
	set("target", f.TargetActor)
	set("actor", f.Actor)
	set("country", f.Country)
	set("code", f.Code)
	set("plover", f.Plover)
	set("mode", string(f.Mode))
	set("place", f.Place)
	set("text", f.Text)
	if f.QuadClass != 0 {
		q.Set("quad", strconv.Itoa(f.QuadClass))
	}
	return q
}

// loadStore opens the load test's store, filling it first when it holds
// fewer than -load-events events.
func loadStore(b *testing.B) store.Store {
	path := *loadDB
	if path == "" {
		path = filepath.Join(b.TempDir(), "load.db")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if stats.Events < int64(*loadEvents) {
		b.Logf("filling %s with %d events", path, *loadEvents)
		t0 := time.Now()
		storetest.Populate(b, st, *loadEvents)
		b.Logf("filled in %v", time.Since(t0).Round(time.Second))
	}
	return st
}

// BenchmarkAggregatesAPI times the endpoints that aggregate every
// matching event (the timeline, the network, the map) over the same
// store, in process, unfiltered and for one country.
//
//	go test ./server -run '^$' -bench AggregatesAPI -benchtime 3x -load-events 1000000 -load-db /tmp/annals-1m.db
func BenchmarkAggregatesAPI(b *testing.B) {
	srv, err := New(Options{Store: loadStore(b)})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range []string{
		"/api/timeseries?by=all", "/api/timeseries?by=quad", "/api/actors", "/api/places",
		"/api/timeseries?by=quad&country=C01", "/api/actors?country=C01", "/api/places?code=19",
	} {
		b.Run(strings.TrimPrefix(target, "/api/"), func(b *testing.B) {
			for b.Loop() {
				if rec := serve(b, srv, "GET", target, nil, ""); rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", target, rec.Code)
				}
			}
		})
	}
}

// BenchmarkEventsAPI is a load generator: it fills a store with
// synthetic events (storetest.Populate), serves it on loopback, and asks
// /api/events for the first page of two-filter listings
// (storetest.QueryFilters) from 1 and from 4 concurrent clients. It
// reports the latency percentiles a client sees, HTTP and JSON included.
// The number of requests is b.N (-benchtime 2000x) and a run stops after
// -load-for whatever b.N is.
//
//	go test ./server -run '^$' -bench EventsAPI -benchtime 2000x -load-events 1000000 -load-db /tmp/annals-1m.db
func BenchmarkEventsAPI(b *testing.B) {
	st := loadStore(b)
	srv, err := New(Options{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		b.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx, l) }()
	defer func() {
		stop()
		if err := <-served; err != nil {
			b.Error(err)
		}
	}()
	var targets []string
	for _, f := range storetest.QueryFilters() {
		targets = append(targets, "http://"+l.Addr().String()+"/api/events?"+filterQuery(f).Encode())
	}
	for _, clients := range []int{1, 4} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			load(b, targets, clients)
		})
	}
}

// load sends b.N requests to targets in turn from clients goroutines and
// reports the latency percentiles.
func load(b *testing.B, targets []string, clients int) {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(*loadFor)
	var next atomic.Int64
	lat := make([]time.Duration, b.N)
	var sent atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for range clients {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) || time.Now().After(deadline) {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(targets[int(i)%len(targets)])
				if err != nil {
					b.Error(err)
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Errorf("GET %s: %d %v", targets[int(i)%len(targets)], resp.StatusCode, err)
					return
				}
				lat[i] = time.Since(t0)
				sent.Add(1)
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	got := slices.DeleteFunc(lat, func(d time.Duration) bool { return d == 0 })
	if len(got) == 0 {
		return
	}
	slices.Sort(got)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(got[len(got)/2]), "p50-ms")
	b.ReportMetric(ms(got[len(got)*99/100]), "p99-ms")
	b.ReportMetric(ms(got[len(got)-1]), "max-ms")
	b.ReportMetric(float64(sent.Load())/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(0, "ns/op") // per-request time is what the percentiles say
}
