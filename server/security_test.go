package server

import (
	"bytes"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/annals/annals/ingest"
	"github.com/annals/annals/metrics"
)

// loopback is a test server on a loopback address that counts the
// requests it gets.
type loopback struct {
	*httptest.Server
	hits atomic.Int64
}

// newLoopback listens on addr ("127.0.0.1:0", "[::1]:0"); nil when the
// machine has no such address.
func newLoopback(t *testing.T, addr string, h http.HandlerFunc) *loopback {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Logf("no listener on %s: %v", addr, err)
		return nil
	}
	s := &loopback{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	s.Listener.Close()
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func internalPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprint(w, "<html><body><article><p>Internal admin page: the database password is hunter2.</p></article></body></html>")
}

// TestPostURLPrivateRefused posts URLs of loopback servers, directly, by
// name and by a redirect from a server treated as public: none is
// fetched, and the answer is the generic one. With a policy that allows
// private addresses (serve --allow-private-urls) they are.
func TestPostURLPrivateRefused(t *testing.T) {
	inner := newLoopback(t, "127.0.0.1:0", internalPage)
	port := netip.MustParseAddrPort(inner.Listener.Addr().String()).Port()
	// The test cannot have a public server; this one is public for the
	// fetcher's policy, and redirects where it is told.
	public := newLoopback(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	publicAP := netip.MustParseAddrPort(public.Listener.Addr().String())
	policy := func(ap netip.AddrPort) error {
		if ap == publicAP {
			return nil
		}
		return ingest.PublicOnly(ap)
	}
	var log bytes.Buffer
	srv, err := New(Options{Store: emptyStore(t), Coder: noEvents{}, Token: testToken,
		Fetcher: &ingest.HTTPFetcher{Timeout: 5 * time.Second, Allow: policy}, Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	urls := []string{
		inner.URL + "/",
		fmt.Sprintf("http://localhost:%d/", port),
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port),
		public.URL + "/?to=" + inner.URL + "/",
		public.URL + "/?to=" + fmt.Sprintf("http://localhost:%d/", port),
	}
	inner6 := newLoopback(t, "[::1]:0", internalPage)
	if inner6 != nil {
		urls = append(urls, inner6.URL+"/", public.URL+"/?to="+inner6.URL+"/")
	}
	for _, u := range urls {
		rec := serve(t, srv, "POST", "/api/documents", PostDocument{URL: u}, testToken)
		if rec.Code != http.StatusBadGateway || strings.TrimSpace(rec.Body.String()) != `{"error":"could not fetch the URL"}` {
			t.Errorf("POST %s: %d %s", u, rec.Code, rec.Body)
		}
	}
	if n := inner.hits.Load(); n != 0 {
		t.Errorf("the loopback server was fetched %d times", n)
	}
	if inner6 != nil && inner6.hits.Load() != 0 {
		t.Errorf("the [::1] server was fetched %d times", inner6.hits.Load())
	}
	if public.hits.Load() == 0 {
		t.Error("the public server was never asked: the redirects tested nothing")
	}
	if !strings.Contains(log.String(), "not allowed") {
		t.Errorf("the log does not say why: %s", log.String())
	}

	open, err := New(Options{Store: emptyStore(t), Coder: noEvents{}, Token: testToken,
		Fetcher: &ingest.HTTPFetcher{Timeout: 5 * time.Second, Allow: ingest.AnyAddress}})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{inner.URL + "/", public.URL + "/?to=" + inner.URL + "/"} {
		if rec := serve(t, open, "POST", "/api/documents", PostDocument{URL: u}, testToken); rec.Code != http.StatusCreated {
			t.Errorf("with private addresses allowed, POST %s: %d %s", u, rec.Code, rec.Body)
		}
	}
}

// TestPostURLErrorsAlike checks that a client cannot tell an open port
// from a closed one, nor a refused address from either, by the answer.
func TestPostURLErrorsAlike(t *testing.T) {
	openPort := newLoopback(t, "127.0.0.1:0", http.NotFound)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := "http://" + l.Addr().String() + "/"
	l.Close()
	var log bytes.Buffer
	post := func(allow ingest.AddressPolicy, u string) string {
		srv, err := New(Options{Store: emptyStore(t), Coder: noEvents{}, Token: testToken,
			Fetcher: &ingest.HTTPFetcher{Timeout: 5 * time.Second, Allow: allow}, Log: slog.New(slog.NewTextHandler(&log, nil))})
		if err != nil {
			t.Fatal(err)
		}
		rec := serve(t, srv, "POST", "/api/documents", PostDocument{URL: u}, testToken)
		return fmt.Sprintf("%d %s", rec.Code, rec.Body)
	}
	answers := map[string]string{
		"open port":        post(ingest.AnyAddress, openPort.URL+"/"),
		"closed port":      post(ingest.AnyAddress, closedPort),
		"refused address":  post(nil, openPort.URL+"/"),
		"not a page":       post(ingest.AnyAddress, openPort.URL+"/missing"),
		"refused redirect": post(nil, "http://127.0.0.1:1/"),
	}
	want := answers["open port"]
	if !strings.HasPrefix(want, "502 ") {
		t.Errorf("open port: %s", want)
	}
	for k, v := range answers {
		if v != want {
			t.Errorf("%s answers %q, the open port %q", k, v, want)
		}
	}
	for _, detail := range []string{"404", "connection refused", "not allowed"} {
		if !strings.Contains(log.String(), detail) {
			t.Errorf("the log lacks %q: %s", detail, log.String())
		}
	}
}

// TestNoDirectoryListings asks every static route for a directory.
func TestNoDirectoryListings(t *testing.T) {
	s, err := New(Options{Store: emptyStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	if rec := serve(t, s, "GET", "/dist/", nil, ""); rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "countries") {
		t.Errorf("GET /dist/: %d %q", rec.Code, rec.Body)
	}
	if rec := serve(t, s, "GET", "/", nil, ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "<html") {
		t.Errorf("GET /: %d", rec.Code)
	}
	// The same file server on a tree with more shapes.
	h := http.FileServerFS(noListings{fstest.MapFS{
		"a/index.html": {Data: []byte("<html>a</html>")},
		"b/c/x.txt":    {Data: []byte("x")},
	}})
	for _, c := range []struct {
		target string
		code   int
	}{
		{"/a/", 200},
		{"/b/", 404},
		{"/b/c/", 404},
		{"/b/c/x.txt", 200},
		{"/", 404},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", c.target, nil))
		if rec.Code != c.code || strings.Contains(rec.Body.String(), "x.txt") {
			t.Errorf("GET %s: %d %q, want %d", c.target, rec.Code, rec.Body, c.code)
		}
	}
}

// TestNoMetricsOnAPI checks that a server that counts metrics does not
// serve them on its own address (annals serve --metrics-addr does, on
// another listener).
func TestNoMetricsOnAPI(t *testing.T) {
	s, err := New(Options{Store: emptyStore(t), Metrics: metrics.New()})
	if err != nil {
		t.Fatal(err)
	}
	rec := serve(t, s, "GET", "/metrics", nil, "")
	if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "annals_") {
		t.Errorf("GET /metrics: %d %.200s", rec.Code, rec.Body)
	}
}
