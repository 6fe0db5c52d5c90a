package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Wire</title>
<item><title>Bridge closed</title><link>https://example.org/bridge</link><guid isPermaLink="false">vw-1</guid>
<pubDate>Wed, 02 Oct 2002 13:00:00 GMT</pubDate><dc:creator>M. Ferry</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The bridge was closed on Tuesday.</p><p>Repairs will take a month.</p>]]></content:encoded></item>
<item><title>Mayor &amp; council agree</title><link>https://example.org/mayor</link>
<pubDate>Wed, 2 Oct 2002 08:00:00 EST</pubDate>
<description>&lt;b&gt;The mayor&lt;/b&gt; and the council agreed&nbsp;a plan.</description></item>
</channel></rss>`

const atom1 = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title>
<entry><title type="html">Storm &lt;em&gt;warning&lt;/em&gt;</title><id>urn:uuid:1</id>
<link rel="self" href="https://example.org/self"/><link href="https://example.org/storm"/>
<updated>2003-12-13T18:30:02Z</updated><published>2003-12-13T08:00:00-05:00</published>
<author><name>J. Gale</name></author>
<summary>Summary only.</summary></entry>
<entry><title>Xhtml body</title><id>urn:uuid:2</id><updated>2003-12-14T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content></entry>
</feed>`

const rss1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>Old Times</title></channel>
<item rdf:about="https://example.org/old"><title>Old news</title><link>https://example.org/old</link><dc:date>2001-05-06T07:08:09Z</dc:date><description>Old text.</description></item>
</rdf:RDF>`

func TestParseFeed(t *testing.T) {
	tests := []struct {
		name, in, title string
		items           []FeedItem
	}{
		{"rss2", rss2, "Valley Wire", []FeedItem{
			{Key: "vw-1", Title: "Bridge closed", Link: "https://example.org/bridge", Author: "M. Ferry", Published: time.Date(2002, 10, 2, 13, 0, 0, 0, time.UTC), Content: "The bridge was closed on Tuesday.\n\nRepairs will take a month."},
			{Key: "https://example.org/mayor", Title: "Mayor & council agree", Link: "https://example.org/mayor", Published: time.Date(2002, 10, 2, 13, 0, 0, 0, time.UTC), Content: "The mayor and the council agreed a plan."},
		}},
		{"atom", atom1, "Hill Post", []FeedItem{
			{Key: "urn:uuid:1", Title: "Storm warning", Link: "https://example.org/storm", Author: "J. Gale", Published: time.Date(2003, 12, 13, 13, 0, 0, 0, time.UTC), Content: "Summary only."},
			{Key: "urn:uuid:2", Title: "Xhtml body", Published: time.Date(2003, 12, 14, 10, 0, 0, 0, time.UTC), Content: "First.\n\nSecond."},
		}},
		{"rss1", rss1, "Old Times", []FeedItem{
			{Key: "https://example.org/old", Title: "Old news", Link: "https://example.org/old", Published: time.Date(2001, 5, 6, 7, 8, 9, 0, time.UTC), Content: "Old text."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFeed([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) != len(tt.items) {
				t.Fatalf("got %q with %d items: %+v", f.Title, len(f.Items), f.Items)
			}
			for i, w := range tt.items {
				g := f.Items[i]
				if g.Key != w.Key || g.Title != w.Title || g.Link != w.Link || g.Author != w.Author || !g.Published.Equal(w.Published) || g.Content != w.Content {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
	for _, bad := range []string{`<html><body>x</body></html>`, ``, `not xml at all`} {
		if _, err := ParseFeed([]byte(bad)); err == nil {
			t.Errorf("ParseFeed(%q): no error", bad)
		}
	}
}

// site is a loopback server with a feed and its articles; it counts
// requests and answers conditional GETs.
type site struct {
	mu       sync.Mutex
	feed     string
	etag     string
	requests map[string]int
	agents   []string
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.URL.Path]++
	s.agents = append(s.agents, r.UserAgent())
	switch {
	case r.URL.Path == "/feed":
		if r.Header.Get("If-None-Match") == s.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", s.etag)
		w.Header().Set("Last-Modified", "Wed, 02 Oct 2002 13:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.feed)
	case strings.HasPrefix(r.URL.Path, "/art/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav><article><p>Full article %s, with its whole text written out here.</p></article></body></html>`, strings.TrimPrefix(r.URL.Path, "/art/"))
	case r.URL.Path == "/big":
		fmt.Fprint(w, strings.Repeat("x", 5000))
	default:
		http.NotFound(w, r)
	}
}

func newSite(t *testing.T, items ...string) (*site, *httptest.Server) {
	s := &site{etag: `"v1"`, requests: map[string]int{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.setItems(srv.URL, items...)
	return s, srv
}

// setItems publishes a feed of items, newest first.
func (s *site) setItems(base string, names ...string) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Loop</title>`)
	for _, n := range names {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/art/%s</link><guid>%s</guid><description>Feed text of %s.</description></item>`, n, base, n, n, n)
	}
	b.WriteString(`</channel></rss>`)
	s.mu.Lock()
	s.feed = b.String()
	s.etag = fmt.Sprintf(`"%d"`, len(names))
	s.mu.Unlock()
}

func TestHTTPFetcher(t *testing.T) {
	s, srv := newSite(t, "a")
	f := &HTTPFetcher{UserAgent: "annals-test", MaxBytes: 1000, Timeout: 5 * time.Second}
	ctx := context.Background()
	r1, err := f.Fetch(ctx, Request{URL: srv.URL + "/feed"})
	if err != nil || r1.NotModified || r1.ETag != `"1"` || r1.LastModified == "" || !strings.Contains(string(r1.Body), "<rss") {
		t.Fatalf("first fetch: %+v %v", r1, err)
	}
	r2, err := f.Fetch(ctx, Request{URL: srv.URL + "/feed", ETag: r1.ETag, LastModified: r1.LastModified})
	if err != nil || !r2.NotModified || len(r2.Body) != 0 || r2.ETag != r1.ETag {
		t.Errorf("conditional fetch: %+v %v", r2, err)
	}
	if _, err := f.Fetch(ctx, Request{URL: srv.URL + "/big"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: %v, want ErrTooLarge", err)
	}
	if _, err := f.Fetch(ctx, Request{URL: srv.URL + "/missing"}); err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), "/missing") {
		t.Errorf("missing: %v", err)
	}
	if s.agents[0] != "annals-test" {
		t.Errorf("User-Agent %q", s.agents[0])
	}
}

func TestOpenFeedURL(t *testing.T) {
	_, srv := newSite(t, "b", "c", "a")
	// The feed's links point at loopback: allowed for this test only.
	opts := Options{Fetcher: &HTTPFetcher{Timeout: 5 * time.Second, Allow: AnyAddress}, FetchArticles: true}
	var texts []string
	for it := range Open(context.Background(), []string{srv.URL + "/feed", srv.URL + "/missing"}, opts) {
		if it.Err != nil {
			texts = append(texts, "error")
			continue
		}
		texts = append(texts, it.Doc.Text)
	}
	want := []string{"Full article b, with its whole text written out here.", "Full article c, with its whole text written out here.", "Full article a, with its whole text written out here.", "error"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", texts, want)
	}
}

func TestFeedArticleFallback(t *testing.T) {
	feed := `<rss version="2.0"><channel><title>L</title><item><title>x</title><link>http://127.0.0.1:1/nowhere</link><description>Feed text.</description></item></channel></rss>`
	var warns []string
	opts := Options{Fetcher: &HTTPFetcher{Timeout: 2 * time.Second}, FetchArticles: true, Stdin: strings.NewReader(feed), Warn: func(in, msg string) { warns = append(warns, msg) }}
	var items []Item
	for it := range Open(context.Background(), []string{"-"}, opts) {
		items = append(items, it)
	}
	if len(items) != 1 || items[0].Err != nil || items[0].Doc.Text != "Feed text." || items[0].Doc.Source != "L" {
		t.Errorf("items %+v", items)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "not fetched") {
		t.Errorf("warnings %q", warns)
	}
}
