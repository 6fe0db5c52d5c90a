package ingest

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Fetcher gets a resource by URL. HTTPFetcher is the real one; tests and
// caches may supply their own.
type Fetcher interface {
	Fetch(ctx context.Context, req Request) (*Response, error)
}

// Request is a conditional GET: with ETag or LastModified from an earlier
// Response, an unchanged resource comes back as NotModified.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// Untrusted marks a URL that someone other than the operator chose: a
	// link inside a feed, a URL posted to the API. It may reach only the
	// addresses the fetcher's AddressPolicy allows. URLs the operator
	// typed are trusted: fetching localhost is then their choice.
	Untrusted bool
}

// Response is a fetched resource.
type Response struct {
	URL          string // final URL, after redirects
	NotModified  bool   // the server answered 304: Body is empty
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// HTTPFetcher fetches over HTTP with a timeout, a size limit and a
// User-Agent, and makes conditional requests. Untrusted requests reach
// only the addresses Allow allows (see AddressPolicy).
// Its zero value is ready to use; it must not be copied after first use.
type HTTPFetcher struct {
	UserAgent string        // "": DefaultUserAgent
	Timeout   time.Duration // whole request, body included; 0: DefaultTimeout
	MaxBytes  int64         // 0: DefaultMaxBytes
	// Allow says which addresses untrusted requests may connect to;
	// nil: PublicOnly.
	Allow AddressPolicy

	once    sync.Once
	guarded *http.Client // for untrusted requests, made on first use
}

// DefaultUserAgent names annals to the sites it reads.
const DefaultUserAgent = "annals/1 (+https://github.com/annals/annals)"

// DefaultTimeout bounds a fetch when HTTPFetcher.Timeout is zero.
const DefaultTimeout = 30 * time.Second

func (f *HTTPFetcher) allow(ap netip.AddrPort) error {
	if f.Allow == nil {
		return PublicOnly(ap)
	}
	return f.Allow(ap)
}

// Fetch gets req.URL. A 304 answer is a Response with NotModified set, not
// an error; other non-2xx answers are errors naming the URL and status.
func (f *HTTPFetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	hr.Header.Set("User-Agent", ua)
	hr.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	client := http.DefaultClient
	if req.Untrusted {
		f.once.Do(func() { f.guarded = guardedClient(f.allow) })
		client = f.guarded
		if err := checkURL(ctx, hr.URL, f.allow); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
		}
	}
	resp, err := client.Do(hr)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch %s: %s", req.URL, resp.Status)
	}
	max := f.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("fetch %s: %w: %d bytes announced, limit %d", req.URL, ErrTooLarge, resp.ContentLength, max)
	}
	out.Body, err = readLimited(resp.Body, max)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	return out, nil
}

// formatByType maps a Content-Type to a format; Auto when it says nothing
// useful (text/xml may be a feed or XHTML).
func formatByType(ct string) Format {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return Auto
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return HTML
	case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/rdf+xml":
		return Feed
	case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/x-jsonlines":
		return JSONL
	case mt == "text/plain":
		return Text
	}
	return Auto
}

// readURL fetches a URL input and reads it by its content type, or by
// sniffing when the type says nothing.
func readURL(ctx context.Context, url string, opts *Options, yield func(Item) bool) bool {
	if opts.Fetcher == nil {
		return yield(Item{Input: url, Err: fmt.Errorf("ingest %s: no fetcher configured for URLs", url)})
	}
	resp, err := opts.Fetcher.Fetch(ctx, Request{URL: url, Untrusted: opts.UntrustedInputs})
	if err != nil {
		return yield(Item{Input: url, Err: fmt.Errorf("ingest %s: %w", url, err)})
	}
	f := opts.Format
	if f == Auto {
		f = formatByType(resp.ContentType)
	}
	if f == Auto {
		f = Sniff(resp.Body)
	}
	if f == HTML {
		doc, err := ParseHTML(resp.Body, resp.ContentType)
		if err != nil {
			return yield(Item{Input: url, Err: fmt.Errorf("ingest %s: %w", url, err)})
		}
		doc.URL = resp.URL
		return yield(finish(url, doc, opts))
	}
	return readStream(ctx, url, resp.URL, bytes.NewReader(resp.Body), f, opts, yield)
}
