package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
	for _, bad := range []string{
		`<html><body>x</body></html>`,
		``,
		`not xml at all`,
		`{"text":"a JSON record"}`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[`,
		`<rss version="2.0"><channel><item><title>cut`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[null]}`, // gofeed panics on it
	} {
		if _, err := ParseFeed([]byte(bad)); err == nil {
			t.Errorf("ParseFeed(%q): no error", bad)
		}
	}
}

// TestParseFeedShapes reads feeds of the shapes that broke annals' own
// parser: one per file in testdata/feed, each written for this test.
func TestParseFeedShapes(t *testing.T) {
	utc := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.UTC()
	}
	tests := []struct {
		file, title string
		items       []FeedItem
	}{
		// A <source> inside an entry describes the feed the entry came
		// from; it must neither end the feed nor lend the entry its id,
		// title or date.
		{"planet.atom", "Planet River Towns", []FeedItem{
			{Key: "tag:ferrytimes.example.com,2024:ferry-strike", Title: "Ferry crews strike at dawn", Link: "https://ferrytimes.example.com/2024/ferry-strike", Author: "R. Pilot", Published: utc("2024-03-04T05:15:00Z"), Content: "Crews walked off the morning boats."},
			{Key: "tag:millgazette.example.org,2024:mill-fire", Title: "Fire at the old mill", Link: "https://millgazette.example.org/mill-fire", Published: utc("2024-03-03T21:40:00Z"), Content: "Firefighters kept the blaze from the granary."},
			{Key: "tag:planet.example.net,2024:notice", Title: "Planet adds two feeds", Link: "https://planet.example.net/notice", Published: utc("2024-03-02T09:00:00Z"), Content: "Welcome to the river towns."},
			{Key: "tag:ferrytimes.example.com,2024:timetable", Title: "Winter timetable ends", Link: "https://ferrytimes.example.com/2024/timetable", Published: utc("2024-03-01T08:30:00Z"), Content: "Summer sailings start on Monday."},
		}},
		// itunes:, media: and atom: elements after the item's own
		// title, link, author and description are not the item's.
		{"namespaced.rss", "Harbour Radio", []FeedItem{
			{Key: "hr-2024-0117", Title: "Harbour master resigns", Link: "https://radio.example.com/news/harbour-master", Author: "T. Quay", Published: utc("2024-01-17T18:05:00Z"), Content: "The harbour master resigned after the dredging vote."},
			{Key: "https://radio.example.com/news/dredging", Title: "Dredging starts in April", Link: "https://radio.example.com/news/dredging", Published: utc("2024-01-16T09:00:00Z"), Content: "Work on the channel starts in April."},
		}},
		// Atom 0.3 dates an entry by issued, else modified.
		{"atom03.xml", "Lock Keeper's Log", []FeedItem{
			{Key: "tag:lockkeeper.example.org,2005:lock-7", Title: "Lock 7 reopens", Link: "https://lockkeeper.example.org/2005/06/lock-7", Published: utc("2005-06-10T11:30:00Z"), Content: "Boats passed Lock 7 again on Friday."},
			{Key: "tag:lockkeeper.example.org,2005:levels", Title: "Water levels low", Link: "https://lockkeeper.example.org/2005/06/levels", Published: utc("2005-06-08T07:00:00Z"), Content: "The canal is a foot below normal."},
		}},
		// Relative links resolve against the xml:base in scope.
		{"xmlbase.atom", "Moorland Courier", []FeedItem{
			{Key: "tag:moorland.example.org,2023:road", Title: "Moor road reopens", Link: "https://moorland.example.org/news/2023/11/road-reopens.html", Published: utc("2023-11-02T10:00:00Z"), Content: "The moor road reopened after the landslip."},
			{Key: "tag:moorland.example.org,2023:bus", Title: "Bus route changes", Link: "https://moorland.example.org/transport/bus-route", Published: utc("2023-11-01T15:00:00Z"), Content: "The 41 bus no longer stops at the quarry."},
		}},
		// JSON Feed: content_html is HTML, content_text keeps its
		// paragraphs, date_modified dates an item without
		// date_published.
		{"jsonfeed.json", "Orchard Notes", []FeedItem{
			{Key: "https://orchard.example.com/2022/frost", Title: "Late frost hits the blossom", Link: "https://orchard.example.com/2022/frost", Author: "A. Grower", Published: utc("2022-04-21T10:00:00Z"), Content: "A late frost damaged the apple blossom.\n\nGrowers expect a small crop."},
			{Key: "orchard-2022-market", Title: "Cider market opens", Link: "https://orchard.example.com/2022/market", Published: utc("2022-04-18T12:00:00Z"), Content: "The cider market opened on Saturday.\n\nTwelve stalls took part."},
		}},
		// RSS 1.0: the image and textinput beside the items are not
		// items, and Dublin Core title and description are not the
		// item's own.
		{"rss1.rdf", "Valley Almanac", []FeedItem{
			{Key: "https://valley.example.org/2003/flood", Title: "Flood warning lifted", Link: "https://valley.example.org/2003/flood", Author: "B. Weir", Published: utc("2003-02-11T08:00:00Z"), Content: "The river fell overnight."},
			{Key: "https://valley.example.org/2003/fair", Title: "Spring fair dates set", Link: "https://valley.example.org/2003/fair", Published: utc("2003-02-10T17:00:00Z"), Content: "The fair runs for three days in May."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "feed", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			f, err := ParseFeed(data)
			if err != nil {
				t.Fatal(err)
			}
			checkFeed(t, f, tt.title, tt.items)
			if len(f.Repairs) != 0 {
				t.Errorf("repairs %q on a clean feed", f.Repairs)
			}
		})
	}
}

func checkFeed(t *testing.T, f *FeedDoc, title string, items []FeedItem) {
	t.Helper()
	if f.Title != title || len(f.Items) != len(items) {
		t.Fatalf("got %q with %d items, want %q with %d: %+v", f.Title, len(f.Items), title, len(items), f.Items)
	}
	for i, w := range items {
		g := f.Items[i]
		if g.Key != w.Key || g.Title != w.Title || g.Link != w.Link || g.Author != w.Author || !g.Published.Equal(w.Published) || g.Content != w.Content {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// TestParseFeedRepairs: one bad character costs that character, not the
// feed.
func TestParseFeedRepairs(t *testing.T) {
	feed := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Tide\x0bwatch</title>" +
		"<item><guid>t1</guid><title>Ferry\x08 delayed</title><description>Fog held the ferry.</description></item>" +
		"<item><guid>t2</guid><title>Tide&#1; tables&#x1F; out</title><description>Caf\xe9 reopens.</description></item>" +
		"<item><guid>t3</guid><title>Bridge\uFFFE toll</title><description>Tolls rise &#xFFFF;in June.</description></item>" +
		"</channel></rss>"
	f, err := ParseFeed([]byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	checkFeed(t, f, "Tidewatch", []FeedItem{
		{Key: "t1", Title: "Ferry delayed", Content: "Fog held the ferry."},
		{Key: "t2", Title: "Tide tables out", Content: "Caf\uFFFD reopens."},
		{Key: "t3", Title: "Bridge toll", Content: "Tolls rise in June."},
	})
	want := []string{"invalid UTF-8 replaced by U+FFFD", "6 control or non-XML characters dropped"}
	if strings.Join(f.Repairs, "|") != strings.Join(want, "|") {
		t.Errorf("repairs %q, want %q", f.Repairs, want)
	}
	// Reading the feed as an input warns of the repairs, naming it.
	var warns []string
	opts := Options{Stdin: strings.NewReader(feed), Warn: func(in, msg string) { warns = append(warns, in+": "+msg) }}
	n := 0
	for it := range Open(context.Background(), []string{"-"}, opts) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		n++
	}
	if n != 3 || strings.Join(warns, "|") != "-: "+strings.Join(want, "|-: ") {
		t.Errorf("%d documents, warnings %q", n, warns)
	}
	// Latin-1 bytes in a feed that declares Latin-1 are text, not
	// invalid UTF-8; its control bytes still go.
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>L</title><item><guid>l1</guid><title>Caf\xe9\x01 du port</title></item></channel></rss>"
	if f, err := ParseFeed([]byte(latin)); err != nil || len(f.Items) != 1 || f.Items[0].Title != "Café du port" {
		t.Errorf("Latin-1 feed: %+v %v", f, err)
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
