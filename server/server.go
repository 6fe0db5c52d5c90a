// Package server serves an annals store over HTTP: a JSON API (documented
// by the OpenAPI 3 file at /api/openapi.json) and a web UI embedded in the
// binary, to look at what was coded before querying it.
//
// The server is read-only unless it is given a bearer token; with one,
// POST /api/documents ingests, codes and stores an article. Article text
// is untrusted: the API returns it as JSON strings and the UI only ever
// inserts it as text, under a Content-Security-Policy that forbids inline
// scripts. A posted URL is fetched only when it resolves to a public
// address (unless the Fetcher's policy allows more), and a failed fetch
// tells the client nothing of the network behind the server. Requests are
// bounded: body size, page size, parameter length and the http.Server's
// timeouts. Static files are served without directory listings.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/annals/annals/codestore"
	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/metrics"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
)

// Store is what the server needs of an annals store (store.Store has it).
type Store interface {
	codestore.Store // to save posted documents
	Events(ctx context.Context, f store.Filter, p store.Page) (store.EventPage, error)
	Aggregate(ctx context.Context, q store.AggregateQuery) (store.Aggregate, error)
	Document(ctx context.Context, id string) (*store.Document, error)
}

// Coder codes a document into event records (*pipeline.Pipeline is one).
type Coder interface {
	Code(ctx context.Context, doc *event.Document) (*pipeline.Result, error)
}

// Options configure a Server. Store is required.
type Options struct {
	Store Store
	// Coder codes documents posted to /api/documents; without it (or
	// without Token) the server is read-only.
	Coder Coder
	// Token is the bearer token POST requests must carry; "" makes the
	// server read-only.
	Token string
	// Fetcher fetches the URLs posted to /api/documents, as untrusted
	// requests (ingest.Request.Untrusted); nil refuses URLs.
	Fetcher ingest.Fetcher
	// MaxBodyBytes caps a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Log receives request failures; nil discards them.
	Log *slog.Logger
	// Metrics counts the documents posted; nil counts nothing. The server
	// does not serve them: the caller does, on a listener of its own
	// (annals serve --metrics-addr), so the API's address shows none.
	Metrics *metrics.Metrics
	// ScanLimit bounds the events the timeline, map and network read
	// when the store's rollups cannot answer their filter; the answer
	// is then marked partial. 0 means DefaultScanLimit.
	ScanLimit int
}

// DefaultScanLimit is Options.ScanLimit when it is not set: about a
// second of reading on this project's 2-core test machine under load (docs/benchmarks.md).
const DefaultScanLimit = 20_000

// DefaultMaxBodyBytes is the largest request body accepted by default.
const DefaultMaxBodyBytes = 2 << 20

// Server is the HTTP handler of the API and the UI.
type Server struct {
	opt Options
	mux *http.ServeMux
	// runner codes and saves posted documents with the engine of annals
	// ingest: a text stored before is not coded again, a panic while
	// coding fails the one request; nil when the server is read-only.
	runner *codestore.Runner
}

//go:embed openapi.json
var openAPI []byte

// ui holds the web UI: ui/static is written by hand, ui/dist is built
// from npm packages and ui/build.mjs (the favicon) and committed.
//
//go:embed ui/static ui/dist
var uiFiles embed.FS

// New returns a server over opt.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("server: a store is required")
	}
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.ScanLimit <= 0 {
		opt.ScanLimit = DefaultScanLimit
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Metrics != nil {
		opt.Store, opt.Coder = withMetrics(opt.Store, opt.Coder, opt.Metrics)
	}
	s := &Server{opt: opt, mux: http.NewServeMux()}
	if opt.Coder != nil {
		code := func(ctx context.Context, doc *event.Document) ([]event.Record, error) {
			res, err := opt.Coder.Code(ctx, doc)
			if err != nil {
				return nil, err
			}
			return res.Records, nil
		}
		s.runner = codestore.New(code, opt.Store, codestore.Options{Workers: 1})
	}
	for _, r := range s.routes() {
		s.mux.HandleFunc(r.pattern, r.handler)
	}
	return s, nil
}

// route is one API endpoint; the OpenAPI file documents every one (a
// test checks it).
type route struct {
	pattern string // "METHOD /path", as http.ServeMux takes it
	handler http.HandlerFunc
}

func (s *Server) routes() []route {
	static, err := fs.Sub(uiFiles, "ui/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	dist, err := fs.Sub(uiFiles, "ui/dist")
	if err != nil {
		panic(err)
	}
	return []route{
		{"GET /api/openapi.json", s.handleOpenAPI},
		{"GET /api/events", s.handleEvents},
		{"GET /api/timeseries", s.handleTimeseries},
		{"GET /api/actors", s.handleActors},
		{"GET /api/places", s.handlePlaces},
		{"GET /api/documents/{id}", s.handleDocument},
		{"POST /api/documents", s.handlePostDocument},
		{"GET /api/", func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusNotFound, "no such endpoint: %s", r.URL.Path)
		}},
		{"GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/x-icon") // not in Go's own list of types
			http.ServeFileFS(w, r, dist, "favicon.ico")
		}},
		{"GET /dist/", http.StripPrefix("/dist/", http.FileServerFS(noListings{dist})).ServeHTTP},
		{"GET /", http.FileServerFS(noListings{static}).ServeHTTP},
	}
}

// noListings hides the directories that have no index.html, so that a
// file server answers 404 for them instead of listing their files.
type noListings struct{ fs.FS }

func (n noListings) Open(name string) (fs.File, error) {
	f, err := n.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		if _, err := fs.Stat(n.FS, path.Join(name, "index.html")); err != nil {
			f.Close()
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
	}
	return f, nil
}

// ServeHTTP sets the security headers every response carries and
// dispatches to the API or the UI.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// The UI loads only its own files; no inline script or style can run,
	// so article text that slipped into markup still could not execute.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// HTTPServer returns an http.Server for s on addr with timeouts and a
// header size limit, so slow or huge requests cannot hold it.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Posting a URL fetches and codes it within the request.
		WriteTimeout:   2 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.opt.Log.Handler(), slog.LevelWarn),
	}
}

// Serve serves s on l until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	hs := s.HTTPServer(l.Addr().String())
	hs.BaseContext = func(net.Listener) context.Context { return ctx }
	done := make(chan error, 1)
	go func() { done <- hs.Serve(l) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", l.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", l.Addr(), err)
	}
	return nil
}

// writable says whether r may write: the server has a token and a coder,
// and r carries the token.
func (s *Server) writable(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.Token == "" || s.opt.Coder == nil {
		writeError(w, http.StatusForbidden, "this server is read-only (start it with --token to accept documents)")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="annals"`)
		writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
		return false
	}
	return true
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}
